"""Drive one notebook in JupyterLab through Playwright, and read back what the student sees.

The page talks to JupyterLab through `window.jupyterapp` (the server runs with
`--LabApp.expose_app_in_browser=True`): commands run cells, the notebook model tells which
outputs exist, and the DOM tells how they rendered. Every wait is a condition polled in the
page (`wait_for_function`), never a fixed sleep; a wait that runs out fails with the state it saw.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# Installed in every page before JupyterLab loads; `path` is the notebook's path on the server.
PAGE_HELPERS = r"""
// A drawn trace: bars, lines and markers (.trace), heatmaps (.hm), pie slices (.slice).
const PLOT = '.js-plotly-plot';
const TRACES = '.main-svg .trace, .main-svg .hm, .pielayer .slice';

window.__e2e = {
  panel(path) {
    const app = window.jupyterapp;
    if (!app || !app.shell) return null;
    for (const w of app.shell.widgets('main')) {
      if (w.context && w.context.path === path && w.content && w.sessionContext) return w;
    }
    return null;
  },

  // What the notebook model says: cells, execution, and which outputs exist.
  summary(path) {
    const panel = this.panel(path);
    if (!panel || !panel.context.isReady) return { ready: false };
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    const result = {
      ready: true, kernel: kernel ? kernel.status : 'none', cells: panel.content.widgets.length,
      code: 0, executed: 0, running: 0, errors: [], plotly: 0, widgets: 0,
    };
    panel.content.widgets.forEach((cell, index) => {
      if (cell.model.type !== 'code') return;
      result.code += 1;
      if (cell.model.executionCount !== null) result.executed += 1;
      if (cell.model.executionState === 'running') result.running += 1;
      const outputs = cell.model.outputs;
      for (let i = 0; i < outputs.length; i++) {
        const out = outputs.get(i).toJSON();
        if (out.output_type === 'error') {
          result.errors.push({ cell: index, ename: out.ename, evalue: out.evalue });
        }
        const data = out.data || {};
        if ('application/vnd.plotly.v1+json' in data) result.plotly += 1;
        if ('application/vnd.jupyter.widget-view+json' in data) result.widgets += 1;
      }
    });
    return result;
  },

  // The rendered node of every output whose model data has `mime`: JupyterLab tags only some
  // renderers with data-mime-type, so pair each model output with its output-area child.
  rendered(path, mime) {
    const nodes = [];
    for (const cell of this.panel(path).content.widgets) {
      if (cell.model.type !== 'code') continue;
      const outputs = cell.model.outputs;
      for (let i = 0; i < outputs.length; i++) {
        const data = outputs.get(i).toJSON().data || {};
        if (!(mime in data)) continue;
        const child = cell.outputArea.widgets[i];
        nodes.push(child ? child.node.querySelector('.jp-OutputArea-output') || child.node : null);
      }
    }
    return nodes;
  },

  // How the plotly outputs rendered in the DOM.
  plots(path) {
    return this.rendered(path, 'application/vnd.plotly.v1+json').map((out) => {
      // The plotly renderer may be the output node itself or sit inside it.
      const plot = out && (out.matches(PLOT) ? out : out.querySelector(PLOT));
      const box = plot ? plot.getBoundingClientRect() : { width: 0, height: 0 };
      return {
        plot: !!plot,
        svg: plot ? plot.querySelectorAll('.main-svg').length : 0,
        traces: plot ? plot.querySelectorAll(TRACES).length : 0,
        width: Math.round(box.width), height: Math.round(box.height),
        title: plot ? (plot.querySelector('.gtitle') || { textContent: '' }).textContent : '',
      };
    });
  },

  // How the widget outputs rendered in the DOM.
  widgets(path) {
    const outputs = this.rendered(path, 'application/vnd.jupyter.widget-view+json');
    const text = this.panel(path).node.innerText;
    return {
      outputs: outputs.length,
      // A rendered view is a Lumino widget with a widget-* class (not every control also
      // carries .jupyter-widgets: ToggleButtons does not).
      live: outputs.filter((o) => o && o.querySelector('.lm-Widget[class*="widget-"]')).length,
      loading: (text.match(/Loading widget\.\.\./g) || []).length,
      broken: (text.match(/Error displaying widget/g) || []).length,
    };
  },

  // stderr outputs carrying a traceback, as the student sees them.
  tracebacks(path) {
    const panel = this.panel(path);
    const outputs = panel.node.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
    return Array.from(outputs).map((o) => o.innerText).filter((t) => /Traceback|Error\b/.test(t));
  },

  run(command, path) {
    const panel = this.panel(path);
    window.jupyterapp.shell.activateById(panel.id);
    window.__e2eRun = undefined;
    window.jupyterapp.commands.execute(command).then(
      (ok) => { window.__e2eRun = { done: true, ok: ok !== false }; },
      (err) => { window.__e2eRun = { done: true, ok: false, error: String(err) }; });
  },
};
"""


def summary(page: Page, path: str) -> dict:
    return page.evaluate("(path) => window.__e2e.summary(path)", path)


def wait_until(page: Page, predicate: str, arg, timeout_ms: int, describe: str) -> None:
    """Wait for a JS predicate `(arg) => bool`; on timeout fail with what `describe` shows."""
    try:
        page.wait_for_function(predicate, arg=arg, timeout=timeout_ms, polling=100)
    except PlaywrightTimeout:
        state = page.evaluate(describe, arg)
        message = f"gave up after {timeout_ms / 1000:.0f} s; the page shows {state}"
        raise AssertionError(message) from None


def open_notebook(page: Page, base_url: str, token: str, path: str, workspace: str) -> None:
    """Open one notebook in its own workspace (so earlier lessons are not restored) and wait
    until its kernel is idle."""
    page.goto(f"{base_url}/lab/workspaces/{workspace}/tree/{path}?token={token}")
    wait_until(
        page,
        """(path) => { const s = window.__e2e.summary(path);
                       return s.ready && s.kernel === 'idle'; }""",
        path,
        60_000,
        "(path) => window.__e2e.summary(path)",
    )
    # The file browser takes a third of the width a student reads the lesson in.
    page.evaluate("window.jupyterapp.shell.collapseLeft()")


def run_all_cells(page: Page, path: str, timeout_ms: int = 180_000) -> dict:
    """Run every cell, wait until the run has finished and the kernel is idle, and return the
    notebook summary (a failing cell stops the run, as in JupyterLab)."""
    page.evaluate("(path) => window.__e2e.run('notebook:run-all-cells', path)", path)
    wait_until(
        page,
        """(path) => {
          const s = window.__e2e.summary(path);
          return window.__e2eRun && window.__e2eRun.done && s.kernel === 'idle' && s.running === 0;
        }""",
        path,
        timeout_ms,
        "(path) => ({run: window.__e2eRun, notebook: window.__e2e.summary(path)})",
    )
    return summary(page, path)


def wait_for_plots(page: Page, path: str, expected: int, timeout_ms: int = 30_000) -> list[dict]:
    """Wait until `expected` plotly outputs each show a plot with at least one trace."""
    wait_until(
        page,
        """([path, expected]) => {
          const plots = window.__e2e.plots(path);
          return plots.length === expected && plots.every((p) => p.plot && p.traces > 0);
        }""",
        [path, expected],
        timeout_ms,
        "([path]) => window.__e2e.plots(path)",
    )
    return page.evaluate("(path) => window.__e2e.plots(path)", path)


def wait_for_widgets(page: Page, path: str, expected: int, timeout_ms: int = 30_000) -> dict:
    """Wait until `expected` widget outputs are all live controls, with no placeholder text."""
    wait_until(
        page,
        """([path, expected]) => {
          const w = window.__e2e.widgets(path);
          return w.outputs === expected && w.live === expected && w.loading === 0 && w.broken === 0;
        }""",
        [path, expected],
        timeout_ms,
        "([path]) => window.__e2e.widgets(path)",
    )
    return page.evaluate("(path) => window.__e2e.widgets(path)", path)


CHECK_CALL = re.compile(r"""(?P<func>(?:kitlib\.)?check)\(\s*["'](?P<id>[\w.\-]+)["']""")


def check_cells(page: Page, path: str) -> list[dict]:
    """Code cells that call `check("<exercise id>", ...)`, with the call's spelling."""
    sources = page.evaluate(
        """(path) => window.__e2e.panel(path).content.widgets.map(
             (c) => c.model.type === 'code' ? c.model.sharedModel.getSource() : '')""",
        path,
    )
    found = []
    for index, source in enumerate(sources):
        match = CHECK_CALL.search(source)
        if match:
            found.append({"index": index, "func": match["func"], "id": match["id"]})
    return found


def type_into_cell_and_run(page: Page, path: str, index: int, code: str) -> None:
    """Type `code` into cell `index` through its CodeMirror editor, as a student would, run it,
    and wait until it has run and the kernel is idle."""
    before = page.evaluate(
        "([path, i]) => window.__e2e.panel(path).content.widgets[i].model.executionCount",
        [path, index],
    )
    editor = page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".cm-content")
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    # insert_text sends the text as one input event: no auto-closed brackets or auto-indent.
    page.keyboard.insert_text(code)
    source = page.evaluate(
        "([path, i]) => window.__e2e.panel(path).content.widgets[i].model.sharedModel.getSource()",
        [path, index],
    )
    assert source == code, f"the editor holds {source!r} after typing {code!r}"
    page.evaluate("(path) => window.__e2e.run('notebook:run-cell', path)", path)
    wait_until(
        page,
        """([path, i, before]) => {
          const cell = window.__e2e.panel(path).content.widgets[i];
          const s = window.__e2e.summary(path);
          return window.__e2eRun && window.__e2eRun.done && cell.model.executionCount !== before
            && cell.model.executionState !== 'running' && s.kernel === 'idle';
        }""",
        [path, index, before],
        60_000,
        "([path]) => ({run: window.__e2eRun, notebook: window.__e2e.summary(path)})",
    )


def fit_viewport_to_notebook(page: Page, path: str, max_height: int = 16_000) -> dict:
    """Grow the viewport so the whole notebook is on screen (up to `max_height` pixels), and
    return the viewport it had.

    JupyterLab scrolls inside its notebook panel: what is scrolled away is clipped, so a plain
    screenshot shows one screen and axe-core skips contrast checks on the rest.
    """
    viewport = page.viewport_size
    # The notebook ends in blank room to scroll past its last cell: measure to the last cell.
    content, visible = page.evaluate(
        """(path) => { const s = window.__e2e.panel(path).node.querySelector(SCROLLER);
             s.scrollTop = 0;
             const cells = s.querySelectorAll('.jp-Cell');
             const last = cells[cells.length - 1].getBoundingClientRect().bottom;
             return [last - s.getBoundingClientRect().top + 24, s.clientHeight]; }""".replace(
            "SCROLLER", repr(".jp-WindowedPanel-outer")
        ),
        path,
    )
    height = min(viewport["height"] + round(content) - visible, max_height)
    page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
    # Let Lumino and plotly lay out the new size: two animation frames, not a sleep.
    page.evaluate(
        """(path) => new Promise((r) => requestAnimationFrame(() => {
             window.__e2e.panel(path).node.querySelector('.jp-WindowedPanel-outer').scrollTop = 0;
             requestAnimationFrame(r); }))""",
        path,
    )
    return viewport


def screenshot_whole_notebook(page: Page, path: str, target: Path) -> int:
    """Save a screenshot of the whole notebook; returns the height captured."""
    viewport = fit_viewport_to_notebook(page, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    height = page.viewport_size["height"]
    page.set_viewport_size(viewport)
    return height
