"""Partial credit: ``kitlib.points`` gives part of an exercise's points, and nbgrader scores it.

The fast tests pin the rule on the course article; the slow one runs a real
``nbgrader generate_assignment`` and ``autograde`` on a small master whose graded cells end
with ``kitlib.points(...)``, and reads the scores from the gradebook.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from kitlib.checking import check, reference
from kitlib.partial import credit, points

ROOT = Path(__file__).resolve().parent.parent
MASTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
POINTS_CELL = re.compile(r'^kitlib\.points\("([^"]+)", answer, out_of=([0-9.]+)\)$', re.M)


def other_label(labels, label):
    return next(x for x in sorted(set(labels)) if x != label)


# --- the rule (fast) ---------------------------------------------------------------------


def test_a_right_answer_earns_every_point_as_a_plain_float():
    right = reference("quotes.direct-speakers")
    earned = points("quotes.direct-speakers", right, out_of=2)
    assert check("quotes.direct-speakers", right).correct
    assert earned == 2.0 and type(earned) is float  # numpy's repr would not parse in nbgrader


def test_a_list_earns_its_share_less_the_items_that_do_not_belong():
    right = reference("quotes.direct-speakers")
    assert len(right) == 3  # the course article: Bovt, Naumov and Peskov speak in quotes
    assert points("quotes.direct-speakers", right[:2], out_of=2) == 1.33  # 2 of 3, rounded down
    assert points("quotes.direct-speakers", [*right[:2], "zelenskyy"], out_of=2) == 0.66
    listed_everyone = reference("quotes.only-paraphrased") + right[:1]
    assert points("quotes.direct-speakers", listed_everyone, out_of=2) == 0.0


def test_labels_earn_the_share_labelled_right():
    right = reference("quotes.classify-kinds")
    half = dict(right)
    for item in list(half)[: len(half) // 2]:
        half[item] = other_label(right.values(), half[item])
    assert credit("quotes.classify-kinds", half) == 0.5
    assert points("quotes.classify-kinds", half, out_of=2) == 1.0


def test_a_table_earns_the_rows_that_match():
    right = reference("sources.claims-per-side")
    one_off = right.copy()
    one_off.loc[0, "count"] += 1
    share = (len(right) - 1) / len(right)
    assert points("sources.claims-per-side", one_off, out_of=2) == int(200 * share) / 100
    doubled = pd.concat([right, right])
    assert points("sources.claims-per-side", doubled, out_of=2) == 0.0


@pytest.mark.parametrize("answer", [..., None, 42, "no idea", ["x", 3], {"a": None}, b"\xff"])
def test_odd_or_missing_answers_earn_nothing_and_never_raise(answer):
    for exercise_id in ("quotes.direct-speakers", "quotes.classify-kinds", "article.byline"):
        assert points(exercise_id, answer, out_of=1) == 0.0


def test_one_item_is_right_or_wrong():
    assert points("article.byline", reference("article.byline")) == 1.0
    assert points("article.byline", [reference("article.byline"), "p01"]) == 0.0


def test_right_names_in_a_wrong_order_earn_half_not_all():
    from kitlib.framework import Names, unregister

    Names(
        "quotes.test-partial-order",
        "The first two speakers quoted, in order.",
        answer=lambda art: ["bovt", "naumov"],
        vocab="actors",
        ordered=True,
    )
    try:
        assert points("quotes.test-partial-order", ["naumov", "bovt"], out_of=2) == 1.0
        assert points("quotes.test-partial-order", ["bovt", "naumov"], out_of=2) == 2.0
    finally:
        unregister("quotes.test-partial-order")


@pytest.mark.parametrize(
    ("exercise_id", "out_of", "says"),
    [
        ("quotes.direct-speaker", 2, "did you mean 'quotes.direct-speakers'"),
        ("quotes.direct-speakers", 0, "out_of must be a positive number"),
        ("quotes.direct-speakers", "2", "out_of must be a positive number"),
        ("actors.reflection", None, "never grades reflections"),
    ],
)
def test_a_graders_mistake_is_a_clear_error(exercise_id, out_of, says):
    with pytest.raises(ValueError, match=re.escape(says)):
        points(exercise_id, ["bovt"], out_of=out_of)


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_the_masters_graded_cells_give_partial_credit_out_of_their_points(master):
    cells = json.loads(master.read_text(encoding="utf-8"))["cells"]
    graded = [c for c in cells if (c["metadata"].get("nbgrader") or {}).get("grade")]
    assert graded
    for cell in graded:
        found = POINTS_CELL.findall("".join(cell["source"]))
        assert len(found) == 1, "".join(cell["source"])
        assert float(found[0][1]) == cell["metadata"]["nbgrader"]["points"], found


# --- a real nbgrader (slow) --------------------------------------------------------------

SETUP = "import kitlib\n\nart = kitlib.load_article()"


def exercise_cells(exercise_id: str, solution: str, out_of: int) -> list:
    from nbformat.v4 import new_code_cell

    grade_id = exercise_id.replace(".", "-")
    meta = {"schema_version": 3, "grade_id": grade_id, "locked": False}
    answer = new_code_cell(
        f"# BEGIN SOLUTION\nanswer = {solution}\n# END SOLUTION\n"
        f'kitlib.check("{exercise_id}", answer)',
        metadata={"nbgrader": meta | {"grade": False, "solution": True}},
    )
    test = new_code_cell(
        "# Graded check for the exercise above: nothing to do here.\n### BEGIN HIDDEN TESTS\n"
        f'kitlib.points("{exercise_id}", answer, out_of={out_of})\n### END HIDDEN TESTS',
        metadata={
            "nbgrader": meta
            | {"grade_id": f"{grade_id}-test", "grade": True, "solution": False, "locked": True}
            | {"points": out_of}
        },
    )
    return [answer, test]


@pytest.mark.slow
def test_nbgrader_autograde_gives_part_of_the_points(tmp_path, monkeypatch):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from tests.test_nbgrader import ASSIGNMENT, BIN, CONFIG, STUDENT, nbgrader

    speakers, kinds = reference("quotes.direct-speakers"), reference("quotes.classify-kinds")
    master = new_notebook(cells=[new_code_cell(SETUP, metadata={"tags": ["article-path"]})])
    master.cells += exercise_cells("quotes.direct-speakers", repr(speakers), 2)
    master.cells += exercise_cells("quotes.classify-kinds", repr(kinds), 2)
    master.cells += exercise_cells("quotes.scare-quotes", repr(reference("quotes.scare-quotes")), 1)
    master.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    course = tmp_path / "course"
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(CONFIG)
    nbformat.write(master, course / "source" / ASSIGNMENT / "lesson.ipynb")

    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    handed_out = course / "release" / ASSIGNMENT / "lesson.ipynb"
    assert "kitlib.points" not in handed_out.read_text()  # the hidden test stays hidden
    student = nbformat.read(handed_out, as_version=4)
    half = dict(kinds)
    for item in list(half)[: len(half) // 2]:
        half[item] = other_label(kinds.values(), half[item])
    answers = iter([repr(speakers[:2]), repr(half), '"no idea"'])
    for cell in student.cells:
        if (cell.metadata.get("nbgrader") or {}).get("solution"):
            cell.source = cell.source.replace("answer = ...", f"answer = {next(answers)}")
    submitted = course / "submitted" / STUDENT / ASSIGNMENT
    submitted.mkdir(parents=True)
    nbformat.write(student, submitted / "lesson.ipynb")

    nbgrader(course, "autograde", ASSIGNMENT, "--force")

    from nbgrader.api import Gradebook

    monkeypatch.setenv("PATH", os.pathsep.join([BIN, os.environ.get("PATH", "")]))
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(ASSIGNMENT, STUDENT)
        scores = {g.name: (g.score, g.max_score) for g in submission.notebooks[0].grades}
    expected_speakers = int(200 * 2 / len(speakers)) / 100  # 2 of 3 names: 1.33
    assert scores == {
        "quotes-direct-speakers-test": (expected_speakers, 2),
        "quotes-classify-kinds-test": (1.0, 2),  # half the labels right: 1 of 2 points
        "quotes-scare-quotes-test": (0.0, 1),
    }
