"""The student copies of one lesson and of a small master, byte for byte as committed.

A change to what students receive (a release step, the student pipeline, lesson 00) shows up
here and in review as a diff of ``tests/golden/*.student.ipynb``. After an intended change,
regenerate them with one command and read the diff before committing:

    .venv/bin/python -m tests.golden.update

Student copies are never executed, so this starts no kernel.
"""

from __future__ import annotations

import json

import pytest

from tests.golden.update import GOLDEN, HERE, student_copy

REGENERATE = "python -m tests.golden.update"


@pytest.mark.parametrize(("master", "article", "golden"), GOLDEN, ids=[g for *_, g in GOLDEN])
def test_the_student_copy_is_the_golden_file(master, article, golden):
    expected = (HERE / golden).read_bytes()
    actual = student_copy(master, article)
    if actual != expected:
        diff = _first_difference(expected, actual)
        pytest.fail(
            f"the student copy of {master.name} for {article} differs from tests/golden/{golden} "
            f"({diff}). If the change is intended, run `{REGENERATE}` and review `git diff "
            "tests/golden/`."
        )


def test_the_student_pipeline_never_executes_and_leaves_no_output():
    from kitlib.release.execute import execute
    from kitlib.release.pipeline import STUDENT_STEPS

    assert execute not in STUDENT_STEPS
    for *_, golden in GOLDEN:
        cells = json.loads((HERE / golden).read_text(encoding="utf-8"))["cells"]
        code = [cell for cell in cells if cell["cell_type"] == "code"]
        assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)


def test_the_small_master_shows_every_student_step_at_work():
    """The golden master is small, but each student step changes something in it."""
    nb = json.loads((HERE / GOLDEN[1][2]).read_text(encoding="utf-8"))
    text = "\n".join("".join(cell["source"]) for cell in nb["cells"])
    assert "In the course article" not in text  # seed-only dropped
    assert "article.byline" not in text  # not applicable: the article has no byline
    assert "**Exercise 1** (id `article.body-paragraphs`" in text  # renumbered
    assert "about 20 minutes (10 reading, 10 exercises)" in text  # time rescaled
    assert 'kitlib.use_article("articles/festival-noise-dispute")' in text
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "# YOUR CODE HERE\nanswer = ..." in text and "YOUR ANSWER HERE" in text
    assert nb["metadata"] == {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                       "name": "python3"},
        "language_info": {"name": "python"},
    }  # fmt: skip
    locked = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("locked")]
    assert locked and all(c["metadata"]["editable"] is False for c in locked)
    from kitlib.release.stable_ids import master_index

    kept = [master_index(cell["id"]) for cell in nb["cells"]]
    # Master cells 2-5 (the seed-only prose and the byline exercise) are gone; the others keep
    # the id of their place in the master.
    assert [i for i in kept if i is not None] == [0, 1, 6, 7, 8, 9, 10, 11]


def _first_difference(expected: bytes, actual: bytes) -> str:
    old, new = expected.decode().splitlines(), actual.decode().splitlines()
    for number, (a, b) in enumerate(zip(old, new, strict=False), start=1):
        if a != b:
            return f"line {number}: committed {a.strip()[:80]!r}, now {b.strip()[:80]!r}"
    return f"committed {len(old)} lines, now {len(new)}"
