"""The master notebooks: lesson anatomy, exercise wiring, nbgrader metadata, clean outputs.

Executing them is nbval's job (``pytest --nbval notebooks``); the student view is executed in
tests/test_student_view.py. These tests read the files.
"""

import json
import re
from pathlib import Path

import pytest

import kitlib

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
CHECK_CALL = re.compile(r'kitlib\.(?:check|points)\(\s*"([^"]+)"')
LESSON_NAMES = ["00-meet-the-article", "01-actors", "02-demands", "03-quotes",
                "04-source-attribution", "05-your-turn", "06-machine-reading"]  # fmt: skip


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell) -> str:
    return "".join(cell["source"])


def test_the_seven_lessons_are_there():
    assert [p.stem for p in NOTEBOOKS] == LESSON_NAMES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_anatomy(path):
    cells = load(path)["cells"]
    opening = source(cells[0])
    assert cells[0]["cell_type"] == "markdown" and opening.startswith("# ")
    assert re.search(r"\*\*Time:\*\* about \d+ minutes", opening)
    assert "You will be able to" in opening
    closing = "\n".join(source(c) for c in cells[-4:] if c["cell_type"] == "markdown")
    assert "## Key points" in closing and "## Discuss" in closing


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_setup_cell_loads_the_article_once(path):
    cells = load(path)["cells"]
    tagged = [c for c in cells if "article-path" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1 and "kitlib.load_article()" in source(tagged[0])
    loads = [c for c in cells if "kitlib.load_article()" in source(c)]
    assert loads == tagged


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exercises_are_wired_to_registered_checks_with_matching_points(path):
    registry = kitlib.exercises().set_index("exercise_id")
    cells = load(path)["cells"]
    asked = set()
    for cell in cells:
        meta = cell["metadata"].get("nbgrader")
        ids = CHECK_CALL.findall(source(cell)) if cell["cell_type"] == "code" else []
        for exercise_id in ids:
            assert exercise_id in registry.index, f"{path.name}: unknown exercise {exercise_id}"
        if meta and meta.get("solution") and cell["cell_type"] == "code":
            assert "# BEGIN SOLUTION" in source(cell) and "# END SOLUTION" in source(cell)
            assert len(ids) == 1, f"{path.name}: an answer cell checks exactly one exercise"
            asked.add(ids[0])
        if meta and meta.get("grade") and cell["cell_type"] == "code":
            assert "### BEGIN HIDDEN TESTS" in source(cell)
            assert meta["points"] == registry.loc[ids[0], "points"], ids[0]
    lesson = registry[registry.lesson == path.stem]
    assert asked == set(lesson.index), "every exercise of the lesson is asked in it, once"
    assert len(asked) >= 5


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_nbgrader_metadata_is_schema_v3(path):
    grade_ids = []
    for cell in load(path)["cells"]:
        meta = cell["metadata"].get("nbgrader")
        if not meta:
            continue
        assert meta["schema_version"] == 3
        assert {"grade", "solution", "locked", "grade_id"} <= set(meta)
        assert re.fullmatch(r"[a-zA-Z0-9_\-]+", meta["grade_id"])
        if meta["grade"]:
            assert meta["points"] > 0
        grade_ids.append(meta["grade_id"])
    assert len(grade_ids) == len(set(grade_ids))


@pytest.mark.parametrize("path", NOTEBOOKS[1:], ids=lambda p: p.stem)
def test_each_lesson_from_01_shows_a_figure_with_its_summary(path):
    cells = load(path)["cells"]
    assert any("kitlib.plots.show(" in source(c) or "plots.show(" in source(c) for c in cells)
    outputs = [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_files_are_clean_and_deterministic(path):
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert "widgets" not in nb["metadata"]
    text = path.read_text(encoding="utf-8")
    for leak in ("/work/", "/tmp/", "/root/", "/home/", "cdn.plot.ly", '<script src="http'):
        assert leak not in text, f"{path.name} contains {leak!r}"
    for cell in nb["cells"]:
        assert not {"ExecuteTime", "execution", "collapsed", "scrolled"} & set(cell["metadata"])
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", f"{path.name}: a cell raised"
            assert output.get("name") != "stderr", f"{path.name}: stderr output"
