"""Step: drop the notebook's saved widget state (``metadata.widgets``).

JupyterLab never restores it, and a slider's saved value can carry an answer.
"""

from __future__ import annotations


def strip_widget_state(nb, ctx):
    nb.metadata.pop("widgets", None)
    return nb
