"""Step: clear outputs, execution counts and per-run cell metadata."""

from __future__ import annotations

RUN_METADATA = ("execution", "collapsed", "scrolled")  # written by a run, not by the author


def clear_outputs(nb, ctx):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in RUN_METADATA:
            cell.metadata.pop(key, None)
    return nb
