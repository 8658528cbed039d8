"""Export an answer key to a self-contained HTML page (nbconvert, JupyterLab look)."""

from __future__ import annotations

import functools
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


def to_html(nb, ctx) -> str:
    resources = {"metadata": {"name": ctx.notebook_name}}
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    return body


@functools.cache
def _exporter():
    # One per process: compiling the templates costs more than rendering a lesson.
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        template_file="answer_key.html.j2",
        extra_template_paths=[str(TEMPLATES)],
    )
