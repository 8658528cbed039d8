"""Which notebooks the browser tests open, and where their artifacts go."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = REPO / "artifacts" / "e2e"
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


def lesson_notebooks() -> list[Path]:
    """The student notebooks when a release exists, else the masters; always the fixtures
    (a stand-in that tests the harness itself, and the real kit outside any lesson).
    E2E_NOTEBOOKS=DIR tests the lessons in DIR instead (e.g. a release written elsewhere)."""
    chosen = os.environ.get("E2E_NOTEBOOKS")
    folders = [Path(chosen)] if chosen else [REPO / "release" / "student", REPO / "notebooks"]
    lessons = []
    for folder in folders:
        lessons = lessons or sorted(folder.glob("[0-9][0-9]-*.ipynb"))
    return [*lessons, *sorted(FIXTURES.glob("*.ipynb"))]
