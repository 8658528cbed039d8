"""Step: remove hidden tests (``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS``).

nbgrader's autograde puts them back from its database; a student never sees them.
"""

from __future__ import annotations

from kitlib.release.regions import BEGIN_HIDDEN, END_HIDDEN, split_regions


def clear_hidden_tests(nb, ctx):
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        runs = list(split_regions(cell.source, BEGIN_HIDDEN, END_HIDDEN))
        if any(inside for inside, _, _ in runs):
            kept = [line for inside, lines, _ in runs if not inside for line in lines]
            cell.source = "\n".join(kept).rstrip("\n")
    return nb
