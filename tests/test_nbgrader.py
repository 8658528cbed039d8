"""A class with nbgrader: generate an assignment from a master, autograde a submission.

The master's graded test cells hold ``kitlib.points(ID, answer, out_of=P)`` (a number nbgrader
scores as partial credit; ``tests/test_partial_credit.py`` tests the partial scores) or, in the
fixture, ``assert kitlib.check(ID, answer).correct``, between hidden test markers. A right
answer scores every point and an answer that is not in the text ("no idea") none, so nbgrader
scores exactly the exercises a student got right. Needs the ``nbgrader`` extra; skipped
without it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("nbgrader")

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "masters" / "02-fixture-article.ipynb"
LESSON = ROOT / "notebooks" / "03-quotes.ipynb"  # a real lesson, once it exists
ASSIGNMENT = "lesson"
STUDENT = "alice"
WRONG_ANSWER = 'answer = "no idea"'

CONFIG = """\
c = get_config()
c.CourseDirectory.course_id = "reading-the-news"
# The kit's stub: an exercise left alone runs and its check says "not answered yet".
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\\nanswer = ..."}
"""


BIN = str(Path(sys.executable).parent)  # nbgrader runs `alembic` from PATH


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KITLIB_ARTICLE"}
    env["PATH"] = os.pathsep.join([BIN, env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    command = [str(Path(BIN) / "nbgrader"), *args]
    result = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{result.stderr[-3000:]}"
    return result


def solution_code(cell_source: str) -> str:
    """The master's cell with its solution markers removed: a right answer."""
    return "\n".join(line for line in cell_source.split("\n") if "SOLUTION" not in line)


def nbgrader_meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


@pytest.mark.slow
@pytest.mark.parametrize("master", [FIXTURE, LESSON], ids=["fixture", "lesson"])
def test_autograde_scores_the_points_of_the_right_answers(master, tmp_path, monkeypatch):
    import nbformat
    from nbgrader.api import Gradebook

    if not master.exists():
        pytest.skip(f"{master.name} is not written yet")
    course = tmp_path / "course"
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(CONFIG)
    shutil.copy(master, course / "source" / ASSIGNMENT / "lesson.ipynb")

    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    handed_out = course / "release" / ASSIGNMENT / "lesson.ipynb"
    student = nbformat.read(handed_out, as_version=4)
    assert "BEGIN SOLUTION" not in handed_out.read_text() and "HIDDEN" not in handed_out.read_text()

    # Fill in the notebook: every other exercise right (the master's solution), the rest wrong.
    master = {c.metadata["nbgrader"]["grade_id"]: c for c in nbformat.read(master, 4).cells
              if nbgrader_meta(c).get("solution")}  # fmt: skip
    points = {nbgrader_meta(c)["grade_id"]: nbgrader_meta(c)["points"] for c in student.cells
              if nbgrader_meta(c).get("grade")}  # fmt: skip
    expected, answered_right = 0, []
    for number, cell in enumerate(c for c in student.cells if nbgrader_meta(c).get("solution")):
        grade_id = nbgrader_meta(cell)["grade_id"]
        if number % 2 == 0:
            cell.source = solution_code(master[grade_id].source)
            expected += points.get(f"{grade_id}-test", 0)
            answered_right.append(grade_id)
        else:
            cell.source = re.sub(r"^answer = \.\.\.$", WRONG_ANSWER, cell.source, flags=re.M)
            assert WRONG_ANSWER in cell.source
    assert answered_right and expected > 0 and expected < sum(points.values())
    submitted = course / "submitted" / STUDENT / ASSIGNMENT
    submitted.mkdir(parents=True)
    nbformat.write(student, submitted / "lesson.ipynb")

    nbgrader(course, "autograde", ASSIGNMENT, "--force")

    monkeypatch.setenv("PATH", os.pathsep.join([BIN, os.environ.get("PATH", "")]))
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(ASSIGNMENT, STUDENT)
        assert submission.max_score == sum(points.values())
        assert submission.score == expected
