"""The lessons as a student first sees them: solutions replaced by `...`, nothing raises.

Releases the real masters for the course article, executes every student notebook in a
fresh kernel, and checks that each exercise cell answers "not answered yet".
"""

from concurrent.futures import ProcessPoolExecutor

import pytest

from kitlib.release.workers import fork_context

from .test_release import LESSON_MASTERS, _execute_student, read_nb, release_cli


def check_cells(nb) -> int:
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        and cell.metadata.get("nbgrader", {}).get("solution")
        and "kitlib.check(" in cell.source
    )


@pytest.mark.slow
@pytest.mark.skipif(not LESSON_MASTERS, reason="no lessons in notebooks/ yet")
def test_every_lesson_runs_from_stubs_with_not_answered_feedback(tmp_path):
    out = tmp_path / "release"
    assert release_cli(LESSON_MASTERS[0].parent, out) == 0
    students = sorted((out / "student").glob("*.ipynb"))
    assert [p.name for p in students] == [p.name for p in LESSON_MASTERS]
    expected = {p.name: check_cells(read_nb(p)) for p in students}
    assert all(n >= 5 for n in expected.values()), expected

    with ProcessPoolExecutor(max_workers=2, mp_context=fork_context()) as pool:
        for name, text in pool.map(_execute_student, students):  # raises on a failing cell
            assert "Traceback" not in text and "needs attention" not in text, name
            assert text.count("Not answered yet (") == expected[name], name
            assert "✓ Correct" not in text, name  # a stub is never accepted
