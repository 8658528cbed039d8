"""Step: number the exercises 1, 2, 3... again after seed-only cells were left out.

Released for another article, a lesson loses its seed-only exercises; without this step the
students would read "Exercise 1, 2, 4, 6" and wonder what they missed. Instructor notes (the
flagged cells of an answer key) quote the original text; their exercise is "(left out)".
"""

from __future__ import annotations

import re

EXERCISE = re.compile(r"\*\*Exercise \d+\*\*")
LEFT_OUT = "**Exercise (left out)**"


def renumber_exercises(nb, ctx):
    count = 0

    def next_number(_match) -> str:
        nonlocal count
        count += 1
        return f"**Exercise {count}**"

    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        if "instructor-note" in cell.metadata.get("tags", []):
            # A left-out exercise has no number: "NOTE 1, 1, NOTE 3" would read as a gap.
            cell.source = EXERCISE.sub(LEFT_OUT, cell.source)
        else:
            cell.source = EXERCISE.sub(next_number, cell.source)
    return nb
