"""What a release for an article keeps: per lesson, the exercises it keeps and why the others go.

``kitlib validate ARTICLE`` prints it, so an instructor sees it before releasing. Reads the
masters as JSON (no nbformat, no kernel): it takes about as long as loading the article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kitlib.release.exercise_cells import exercise_ids_in, reasons_left_out

MIN_EXERCISES = 4  # fewer than this in a lesson is too little practice: a warning


@dataclass
class LessonPreview:
    lesson: str
    kept: list[str] = field(default_factory=list)
    dropped: dict[str, str] = field(default_factory=dict)  # exercise id -> why

    @property
    def thin(self) -> bool:
        return len(self.kept) < MIN_EXERCISES


def preview(masters_dir, art, is_seed: bool) -> list[LessonPreview]:
    from kitlib.release.command import MASTER_PATTERN
    from kitlib.release.seed_only import is_seed_only

    lessons = []
    for master in sorted(Path(masters_dir).glob(MASTER_PATTERN)):
        cells = json.loads(master.read_text(encoding="utf-8")).get("cells", [])
        reasons = reasons_left_out(cells, art)
        seed_only = set() if is_seed else {i for i, c in enumerate(cells) if is_seed_only(c)}
        found = LessonPreview(master.stem)
        for index, exercise_id in _statements(cells):
            if index in seed_only:
                found.dropped[exercise_id] = "written for the course article only (seed-only)"
            elif index in reasons:
                found.dropped[exercise_id] = reasons[index].split(": ", 1)[-1]
            else:
                found.kept.append(exercise_id)
        lessons.append(found)
    return lessons


def _statements(cells) -> list[tuple[int, str]]:
    """(cell index, exercise id) of each exercise's statement, in order."""
    return [(i, ids[0]) for i, cell in enumerate(cells) if (ids := exercise_ids_in([cell]))]


def render(lessons: list[LessonPreview], article_name: str) -> str:
    lines = [f"What a release for {article_name!r} keeps:"]
    for lesson in lessons:
        warn = f"  WARNING: fewer than {MIN_EXERCISES} exercises" if lesson.thin else ""
        lines.append(f"  {lesson.lesson}: {len(lesson.kept)} exercise(s) kept{warn}")
        for exercise_id, why in lesson.dropped.items():
            lines.append(f"    left out {exercise_id}: {why}")
    return "\n".join(lines)
