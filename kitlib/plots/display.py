"""Showing a kit figure: the figure, then its one-line summary as text."""

from __future__ import annotations

import html
import json
import os
import sys

PLOTLY_MIME = "application/vnd.plotly.v1+json"


def figure_summary(fig) -> str:
    """The one-line text summary of a kit figure (for screen readers and text exports)."""
    meta = fig.layout.meta
    if isinstance(meta, dict) and meta.get("summary"):
        return str(meta["summary"])
    title = fig.layout.title.text
    return f"A figure: {title}." if title else "A figure."


def show(fig) -> None:
    """Display a figure, then its one-line summary as a paragraph screen readers can read.

    Where plotly's default renderer stores the figure as JSON (JupyterLab, a headless kernel,
    VS Code) the kit writes that same bundle itself; anywhere else (Colab, a browser tab,
    plotly's notebook renderers) plotly's own ``fig.show()`` draws it.
    """
    from IPython.display import display

    if json_renderer_is_default():
        # The same bundle as plotly's renderer, without its check of the nbformat version,
        # which imports nbformat and jsonschema: ~1.5 s per lesson.
        display({PLOTLY_MIME: json.loads(fig.to_json())}, raw=True)
    else:
        fig.show()
    summary = figure_summary(fig)
    display(
        {
            "text/plain": summary,
            "text/html": f'<p class="kit-figure-summary">{html.escape(summary)}</p>',
        },
        raw=True,
    )


# plotly's renderers that show a figure from its JSON bundle alone (base class PlotlyRenderer;
# Colab's renderer is an HTML one, drawing with plotly.js from a page script).
JSON_RENDERERS = {"plotly_mimetype", "jupyterlab", "nteract", "vscode"}


def json_renderer_is_default() -> bool:
    """True when every renderer in plotly's default makes only plotly's JSON mimetype bundle,
    or when none is set (plain Python: nothing better to hand the figure to).

    Colab and every non-JSON renderer go through plotly. Reading ``plotly.io.renderers``
    imports nbformat and jsonschema (~1.1 s per lesson), so until someone has imported it the
    default is worked out the way plotly's own start-up does (``default_renderer_names``).
    """
    return all(name in JSON_RENDERERS for name in default_renderer_names())


def default_renderer_names() -> list[str]:
    """plotly's default renderer names: read if plotly.io's renderers are loaded, else
    predicted from the same signals plotly reads when they load (plotly/io/_renderers.py)."""
    if "plotly.io._renderers" in sys.modules:
        import plotly.io as pio

        return [name for name in (pio.renderers.default or "").split("+") if name]
    return [name for name in _predicted_default().split("+") if name]


ENVIRONMENT_RENDERERS = [  # in plotly's order: the first signal present decides
    ("COLAB_NOTEBOOK_ID", "colab"),
    ("AZURE_NOTEBOOKS_HOST", "azure"),
    ("VSCODE_PID", "vscode"),
    ("NTERACT_EXE", "nteract"),
    ("COCALC_PROJECT_ID", "cocalc"),
    ("DATABRICKS_RUNTIME_VERSION", "databricks"),
]


def _predicted_default() -> str:
    if os.environ.get("PLOTLY_RENDERER"):
        return os.environ["PLOTLY_RENDERER"]
    shell = _ipython()
    if shell is None:
        return "browser"  # plotly's choice outside IPython: not a JSON renderer either way
    if "google.colab" in sys.modules:  # Colab, even where its environment variable is absent
        return "colab"
    for variable, renderer in ENVIRONMENT_RENDERERS[:1]:
        if variable in os.environ:
            return renderer
    if os.path.exists("/kaggle/input"):
        return "kaggle"
    for variable, renderer in ENVIRONMENT_RENDERERS[1:]:
        if variable in os.environ:
            return renderer
    name = type(shell).__name__
    if name == "TerminalInteractiveShell":
        return "browser"
    if name == "ZMQInteractiveShell" and type(shell).__module__.startswith("ipykernel."):
        return "plotly_mimetype"
    return "plotly_mimetype+notebook"


def _ipython():
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    return get_ipython()
