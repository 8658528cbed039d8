"""Step: the lesson header's minutes follow the exercises the students actually get.

A master says "**Time:** about 40 minutes (15 reading, 25 exercises)". Released for an article
where 3 of 7 exercises do not apply, the exercise minutes shrink in proportion (to the nearest
5, at least 5), so a teacher planning a class period is not told 25 minutes for 4 exercises.
"""

from __future__ import annotations

import re

from kitlib.release.exercise_cells import NOTE_TAG, STATEMENT

TIME = re.compile(r"\*\*Time:\*\* about (\d+) minutes \((\d+) reading, (\d+) exercises\)")


def exercises_stated(cells) -> int:
    return sum(
        len(STATEMENT.findall("".join(cell.get("source", ""))))
        for cell in cells
        if cell.get("cell_type") == "markdown"
        and NOTE_TAG not in cell.get("metadata", {}).get("tags", [])
    )


def scaled_minutes(minutes: int, kept: int, stated: int) -> int:
    if stated == 0 or kept == stated:
        return minutes
    if kept == 0:
        return 0
    return max(5, 5 * round(minutes * kept / stated / 5))


def rescale_time(nb, ctx):
    kept = exercises_stated(nb.cells)
    if not ctx.master_exercises or kept == ctx.master_exercises:
        return nb

    def rewrite(match) -> str:
        reading = int(match.group(2))
        exercises = scaled_minutes(int(match.group(3)), kept, ctx.master_exercises)
        total = reading + exercises
        return f"**Time:** about {total} minutes ({reading} reading, {exercises} exercises)"

    for cell in nb.cells:
        if cell.cell_type == "markdown" and TIME.search(cell.source):
            cell.source = TIME.sub(rewrite, cell.source, count=1)
            break
    return nb
