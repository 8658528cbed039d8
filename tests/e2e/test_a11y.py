"""Accessibility of what the kit renders, measured by axe-core in one rendered lesson.

The lesson with the most kit output (article viewer, checks, figures) is opened and run; one
check is answered right and one wrong so all feedback states are on the page; then axe-core
(from tests/e2e/node_modules, pinned in package-lock.json) audits the whole page. Serious or
critical violations inside the kit's own output (elements of class kit-* or kitlib-*)
fail the test; JupyterLab's own are reported in artifacts/e2e/axe.json, not failed.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

pytest.importorskip("playwright.sync_api", reason="needs the e2e extra: pip install -e '.[e2e]'")

from lesson_files import ARTIFACTS, AXE, FIXTURES, lesson_notebooks
from lesson_page import (
    check_cells,
    fit_viewport_to_notebook,
    open_notebook,
    run_all_cells,
    summary,
    type_into_cell_and_run,
    wait_for_plots,
    wait_for_widgets,
)

pytestmark = pytest.mark.e2e

# What the kit renders: its widgets, figure summaries, highlights and feedback boxes.
KIT = '[class^="kit-"], [class*=" kit-"], [class^="kitlib-"], [class*=" kitlib-"]'
FAILING_IMPACTS = {"serious", "critical"}
MARKERS = ("article_viewer(", "check(", "plots.", "quote_explorer(", "quiz(")

RUN_AXE = """async (kit) => {
  const results = await axe.run(document, { resultTypes: ['violations', 'incomplete', 'passes'] });
  const inKit = (n) => {
    const el = n.target.length === 1 ? document.querySelector(n.target[0]) : null;
    return !!(el && el.closest(kit));
  };
  const nodes = (v) => v.nodes.map((n) => ({
    target: n.target.join(' >> '), impact: n.impact || v.impact, kit: inKit(n),
    html: n.html.slice(0, 300) }));
  const kitCounts = (list) => Object.fromEntries(list
    .map((v) => [v.id, v.nodes.filter(inKit).length]).filter(([, n]) => n > 0));
  return {
    version: axe.version,
    violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                                 nodes: nodes(v) })),
    // Proof that the kit's output was audited, and what axe could not decide there.
    kit_passes: kitCounts(results.passes),
    kit_incomplete: results.incomplete.flatMap((v) => v.nodes.filter(inKit).map((n) => ({
      id: v.id, target: n.target.join(' >> '), html: n.html.slice(0, 200),
      why: (n.any[0] || n.all[0] || n.none[0] || { message: '' }).message }))),
  };
}"""


def richest_lesson():
    """The lesson whose code uses the most kinds of kit output (ties: the earlier lesson); a
    fixture only when there is no lesson."""

    def score(path):
        text = path.read_text(encoding="utf-8")
        return sum(marker in text for marker in MARKERS)

    notebooks = lesson_notebooks()
    notebooks = [path for path in notebooks if path.parent != FIXTURES] or notebooks
    return max(notebooks, key=lambda path: (score(path), -notebooks.index(path)))


@pytest.fixture(scope="module")
def audited_lesson(jupyter_lab, open_page):
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing: run .ci/install-browser (npm ci in tests/e2e)")
    notebook = richest_lesson()
    page, _network = open_page()
    open_notebook(page, jupyter_lab.base_url, jupyter_lab.token, notebook.name, "e2e-axe")
    state = run_all_cells(page, notebook.name)
    wait_for_plots(page, notebook.name, state["plotly"])
    wait_for_widgets(page, notebook.name, state["widgets"])
    answer_checks(page, notebook.name)
    show_every_layer(page)
    page.add_script_tag(path=str(AXE))
    # Everything on screen: axe-core skips the contrast of text scrolled out of view. It also
    # takes JupyterLab's `body {overflow: hidden}` for clipping and then checks no contrast in
    # the notebook at all; the body is exactly the viewport, so lifting it moves nothing.
    fit_viewport_to_notebook(page, notebook.name)
    page.add_style_tag(content="body { overflow: visible !important; }")
    result = page.evaluate(RUN_AXE, KIT)
    kit_nodes = page.locator(KIT).count()
    yield notebook, result, kit_nodes
    page.close()
    jupyter_lab.shut_down_kernels()


def answer_checks(page, name: str) -> None:
    """Answer the first check right and the second wrong: every feedback state gets audited."""
    checks = check_cells(page, name)
    answers = ['{solution}("{id}")', '"not the answer"']
    for cell, answer in zip(checks, answers, strict=False):
        call = cell["func"]
        value = answer.format(solution=call.replace("check", "solution"), id=cell["id"])
        type_into_cell_and_run(page, name, cell["index"], f'{call}("{cell["id"]}", {value})')
    assert summary(page, name)["errors"] == []


def show_every_layer(page) -> None:
    """Tick every layer of every article viewer, so every highlight colour gets audited."""
    boxes = page.locator(".kit-article-viewer .widget-checkbox input")
    for i in range(boxes.count()):
        if not boxes.nth(i).is_checked():
            boxes.nth(i).check()  # waits until the box reports checked
    if boxes.count():
        page.wait_for_function(
            """() => ['actors', 'quotes', 'claims'].every((layer) =>
                 document.querySelector(`.kit-article-viewer .kit-hl[class*="kit-${layer}-"]`))""",
            timeout=30_000,
        )


def totals(violations, kit: bool) -> dict[str, int]:
    counts = Counter(
        node["impact"] for v in violations for node in v["nodes"] if node["kit"] is kit
    )
    return dict(sorted(counts.items()))


def test_kit_output_has_no_serious_accessibility_violation(audited_lesson):
    notebook, result, kit_nodes = audited_lesson
    violations = result["violations"]
    report = {
        "lesson": notebook.name,
        "axe_version": result["version"],
        "kit_elements_on_page": kit_nodes,
        "kit_nodes_by_impact": totals(violations, kit=True),
        "jupyterlab_nodes_by_impact": totals(violations, kit=False),
        "kit_nodes_passed_by_rule": result["kit_passes"],
        "kit_nodes_undecided": result["kit_incomplete"],
        "violations": violations,
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe.json").write_text(json.dumps(report, indent=1) + "\n")
    print(
        f"\naxe-core {result['version']} on {notebook.name}: kit nodes by impact "
        f"{report['kit_nodes_by_impact']}, JupyterLab nodes by impact "
        f"{report['jupyterlab_nodes_by_impact']}; kit nodes passed "
        f"{sum(result['kit_passes'].values())}, undecided {len(result['kit_incomplete'])} "
        "(details: artifacts/e2e/axe.json)"
    )
    assert kit_nodes > 0, "the audited page shows nothing the kit rendered"
    assert result["kit_passes"], "axe checked none of the kit's elements: the audit saw nothing"
    failing = [
        f"{v['id']} ({node['impact']}): {v['help']}\n    {node['target']}\n    {node['html']}"
        for v in violations
        for node in v["nodes"]
        if node["kit"] and node["impact"] in FAILING_IMPACTS
    ]
    assert failing == [], "serious or critical violations in the kit's output:\n" + "\n".join(
        failing
    )
