"""Step: keep only the notebook metadata that does not depend on the machine or the editor.

Executing a notebook records the Python version in ``language_info``; editors add their own
cell state. Both would make files differ between machines for no reader's benefit.
"""

from __future__ import annotations

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
EDITOR_KEYS = ("collapsed", "scrolled", "jupyter", "ExecuteTime", "execution", "vscode")


def tidy_metadata(nb, ctx):
    kept = {key: nb.metadata[key] for key in ("widgets",) if key in nb.metadata}
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}, **kept}
    for cell in nb.cells:
        for key in EDITOR_KEYS:
            cell.metadata.pop(key, None)
    return nb
