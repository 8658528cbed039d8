"""Step: replace every solution region (and every solution cell) with the student's stub."""

from __future__ import annotations

import re

from kitlib.release.regions import BEGIN_SOLUTION, END_SOLUTION, is_solution_cell, split_regions
from kitlib.release.stubs import code_stub, text_stub


class SolutionOutsideExerciseError(ValueError):
    """A solution region in a cell that nbgrader does not know as a solution cell."""


def clear_solutions(nb, ctx):
    for index, cell in enumerate(nb.cells):
        if cell.cell_type not in ("code", "markdown"):
            continue
        replaced = _replace_regions(cell)
        if replaced and not is_solution_cell(cell):
            # nbgrader refuses this too: the grader could not find the student's answer.
            raise SolutionOutsideExerciseError(
                f"{ctx.notebook_name}: cell {index} has a solution region but no nbgrader "
                f"metadata with solution: true; mark the cell as an exercise (solution) cell"
            )
        if is_solution_cell(cell) and not replaced:
            cell.source = "\n".join(_stub(cell, [cell.source], ""))
    return nb


def _replace_regions(cell) -> bool:
    new_lines: list[str] = []
    replaced = False
    for inside, lines, begin_line in split_regions(cell.source, BEGIN_SOLUTION, END_SOLUTION):
        if inside:
            indent = re.match(r"\s*", begin_line).group(0)
            new_lines += _stub(cell, lines, indent)
            replaced = True
        else:
            new_lines += lines
    if replaced:
        cell.source = "\n".join(new_lines)
    return replaced


def _stub(cell, lines: list[str], indent: str) -> list[str]:
    if cell.cell_type == "code":
        return code_stub(lines, indent)
    return text_stub(indent)
