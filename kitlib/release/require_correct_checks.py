"""Step (answer key): every exercise's own check must say "Correct" with the solution in place.

A reflection is never graded: its model answer must come back "recorded" (a real attempt),
which is the most a reflection can say.

A solution cell ends with ``kitlib.check(ID, answer)``. In the executed answer key its feedback
box carries its status as a class (``kitlib-correct``, ``kitlib-incorrect``, ...). Anything
but correct means the solution or the exercise's reference answer is wrong for this article,
which the instructor must hear about before handing the lesson out.
"""

from __future__ import annotations

import re

from kitlib.release.regions import is_solution_cell
from kitlib.release.stable_ids import master_index

STATUS = re.compile(r"kitlib-feedback kitlib-([a-z_]+)")
PASSING = {"correct", "recorded"}


class AnswerKeyCheckError(AssertionError):
    """A solution in a master does not pass its own check."""


def require_correct_checks(nb, ctx):
    problems = []
    for cell in nb.cells:
        if cell.cell_type != "code" or not is_solution_cell(cell):
            continue
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            for status in STATUS.findall(html):
                if status not in PASSING:
                    text = output.get("data", {}).get("text/plain", "")
                    problems.append(f"cell {master_index(cell.get('id', ''))}: {''.join(text)}")
    if problems:
        raise AnswerKeyCheckError(
            f"{ctx.notebook_name}.ipynb: the solution does not pass its own check on "
            f"{ctx.article_name}:\n" + "\n".join(f"  - {p}" for p in problems) + "\n  Fix the "
            "solution in the master, or tag the exercise's cells seed-only if it only makes "
            "sense for the course article."
        )
    return nb
