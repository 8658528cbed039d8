"""Steps for cells tagged ``seed-only``: lessons' passages about the course article itself.

Released for another article, students do not get them; the answer key keeps each one as an
instructor note, with the original text, so the instructor can rewrite it for the new article.
"""

from __future__ import annotations

from kitlib.release.context import SEED_ONLY_TAG


def is_seed_only(cell) -> bool:
    return SEED_ONLY_TAG in cell.get("metadata", {}).get("tags", [])


def drop_seed_only(nb, ctx):
    if not ctx.is_seed:
        nb.cells = [cell for cell in nb.cells if not is_seed_only(cell)]
    return nb


def flag_seed_only(nb, ctx):
    if ctx.is_seed:
        return nb
    for index, cell in enumerate(nb.cells):
        if is_seed_only(cell):
            nb.cells[index] = _instructor_note(cell, ctx)
    return nb


def _instructor_note(cell, ctx):
    from nbformat.v4 import new_markdown_cell

    fence = "```python" if cell.cell_type == "code" else "```markdown"
    note = (
        f"> **Instructor note.** This {cell.cell_type} cell was written for the course article "
        f"and is left out of the student notebooks for `{ctx.article_name}`. Rewrite it for "
        f"this article (or drop it). The original:\n\n{fence}\n{cell.source}\n```"
    )
    flagged = new_markdown_cell(note, metadata={"tags": ["instructor-note"]})
    flagged["id"] = cell["id"]
    return flagged
