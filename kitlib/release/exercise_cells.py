"""Which cells of a lesson belong to which exercise, and what each cell needs from an article.

A release for another article leaves out an exercise that does not apply, with every cell that
belongs to it. A cell belongs to an exercise when it is

- its statement, the markdown cell that says ``**Exercise N** (id `lesson.name` ...``;
- its answer or graded cell: nbgrader ``grade_id`` ``lesson-name`` or ``lesson-name-test``;
- its quiz, a code cell calling ``kitlib.widgets.quiz("lesson.name")``;
- tagged ``exercise:lesson.name`` by the lesson's author (prose that only introduces it).

A cell tagged ``needs:<need>`` (a name from ``kitlib/framework/needs.py``) is left out when the
article lacks that feature, e.g. ``needs:byline`` on a paragraph about the byline.
Works on plain JSON dicts and on nbformat nodes alike, so the preview needs no nbformat.
"""

from __future__ import annotations

import re

STATEMENT = re.compile(r"\*\*Exercise \d+\*\*\s*\(id `([a-z0-9.-]+)`")
QUIZ = re.compile(r"""quiz\(\s*["']([a-z0-9.-]+)["']""")
EXERCISE_TAG = "exercise:"
NEEDS_TAG = "needs:"
NOTE_TAG = "instructor-note"


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def exercise_of(cell, grade_ids: dict[str, str]) -> str | None:
    """The exercise id a cell belongs to, or None. ``grade_ids`` maps grade_id -> exercise id."""
    for tag in _tags(cell):
        if tag.startswith(EXERCISE_TAG):
            return tag.removeprefix(EXERCISE_TAG)
    grade_id = (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id")
    if grade_id in grade_ids:
        return grade_ids[grade_id]
    pattern = STATEMENT if cell.get("cell_type") == "markdown" else QUIZ
    match = pattern.search(_source(cell))
    return match.group(1) if match else None


def cell_needs(cell) -> list[str]:
    return [t.removeprefix(NEEDS_TAG) for t in _tags(cell) if t.startswith(NEEDS_TAG)]


def grade_id_map(exercise_ids) -> dict[str, str]:
    """grade_id -> exercise id, for the answer cell and the graded-test cell of each exercise."""
    mapping = {}
    for exercise_id in exercise_ids:
        dashed = exercise_id.replace(".", "-")
        mapping[dashed] = mapping[f"{dashed}-test"] = exercise_id
    return mapping


def exercise_ids_in(cells) -> list[str]:
    """The exercises a lesson states, in order (each once)."""
    found = (STATEMENT.search(_source(c)) for c in cells if c.get("cell_type") == "markdown")
    return list(dict.fromkeys(m.group(1) for m in found if m))


def reasons_left_out(cells, art) -> dict[int, str]:
    """Cell index -> why it is left out for ``art`` (absent: kept). Unknown exercises stay."""
    from kitlib.framework import get
    from kitlib.framework.needs import NEEDS

    grade_ids = grade_id_map(exercise_ids_in(cells))
    reasons: dict[int, str] = {}
    for index, cell in enumerate(cells):
        if NOTE_TAG in _tags(cell):
            continue  # already an instructor note (a seed-only cell): it quotes, it is not
        exercise_id = exercise_of(cell, grade_ids)
        exercise = get(exercise_id) if exercise_id else None
        why = exercise.applies(art) if exercise is not None else None
        if why:
            reasons[index] = f"exercise `{exercise_id}` does not apply: {why}"
            continue
        missing = [n for n in cell_needs(cell) if n in NEEDS and not NEEDS[n].test(art)]
        if missing:
            what = ", ".join(NEEDS[n].what for n in missing)
            reasons[index] = f"it is about a feature this article lacks (no {what})"
    return reasons
