"""Showing a kit figure: the figure, then its one-line summary as text."""

from __future__ import annotations

import html
import json

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


def json_renderer_is_default() -> bool:
    """True when every renderer in ``plotly.io.renderers.default`` makes only plotly's JSON
    mimetype bundle, or when none is set (plain Python: nothing better to hand the figure to).

    Colab's renderer is an HTML one (it draws with plotly.js from a page script), so a bundle
    of JSON alone would show blank there: Colab and every non-JSON renderer go through plotly.
    """
    import plotly.io as pio
    from plotly.io.base_renderers import PlotlyRenderer

    names = [name for name in (pio.renderers.default or "").split("+") if name]
    return all(isinstance(pio.renderers[name], PlotlyRenderer) for name in names)
