"""Steps for cells tagged ``seed-only``: lessons' passages about the course article itself.

Released for another article, students do not get them; the answer key keeps each one as an
instructor note, with the original text, so the instructor can rewrite it for the new article.
"""

from __future__ import annotations

from kitlib.release.context import SEED_ONLY_TAG

NOTE_TAG = "instructor-note"


def is_seed_only(cell) -> bool:
    return SEED_ONLY_TAG in cell.get("metadata", {}).get("tags", [])


def drop_seed_only(nb, ctx):
    if not ctx.is_seed:
        nb.cells = [cell for cell in nb.cells if not is_seed_only(cell)]
    return nb


def flag_seed_only(nb, ctx):
    if ctx.is_seed:
        return nb
    why = (
        "was written for the course article and is left out of the student notebooks for "
        f"`{ctx.article_name}`"
    )
    for index, cell in enumerate(nb.cells):
        if is_seed_only(cell):
            nb.cells[index] = instructor_note(cell, why)
    return nb


def instructor_note(cell, why: str):
    """A markdown cell quoting ``cell``, saying that it ``why`` ("is left out because...")."""
    from nbformat.v4 import new_markdown_cell

    fence = "```python" if cell.cell_type == "code" else "```markdown"
    note = (
        f"> **Instructor note.** This {cell.cell_type} cell {why}. Rewrite it for this article "
        f"(or drop it). The original:\n\n{fence}\n{cell.source}\n```"
    )
    flagged = new_markdown_cell(note, metadata={"tags": [NOTE_TAG]})
    flagged["id"] = cell["id"]
    return flagged
