"""Step: make nbgrader's locked cells (the graded tests) read-only in JupyterLab.

The same as nbgrader's ``LockCells`` does for its student version: a student cannot delete or
edit a graded test cell by accident.
"""

from __future__ import annotations

from kitlib.release.regions import nbgrader_meta


def lock_cells(nb, ctx):
    for cell in nb.cells:
        if nbgrader_meta(cell).get("locked"):
            cell.metadata["editable"] = False
            cell.metadata["deletable"] = False
    return nb
