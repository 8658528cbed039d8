"""One small test per release step, each on a tiny hand-made notebook, and the steps' order.

Every step listed in ``kitlib/release/pipeline.py`` has a test here named ``test_<step>_...``
(checked below), so a new step comes with its own. Only ``execute`` starts a kernel (slow).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from kitlib.release import pipeline
from kitlib.release.context import ReleaseContext

ROOT = Path(__file__).resolve().parent.parent
NO_BYLINE = ROOT / "tests" / "fixtures" / "articles" / "festival-noise-dispute"

SEED = ReleaseContext(notebook_name="00-tiny", article_name="ukraine-peace-plan")
OTHER = ReleaseContext(
    notebook_name="00-tiny",
    article_name="festival-noise-dispute",
    article_path="articles/festival-noise-dispute",
    article_source=str(NO_BYLINE),
)


def nbgrader(grade_id, *, solution=False, grade=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution}  # fmt: skip
    return {"nbgrader": meta | ({"points": points} if points is not None else {})}


def tagged(*tags):
    return {"tags": list(tags)}


def notebook(*cells, **metadata):
    return new_notebook(cells=list(cells), metadata=metadata)


def sources(nb):
    return [cell.source for cell in nb.cells]


def statement(number, exercise_id):
    return new_markdown_cell(f"**Exercise {number}** (id `{exercise_id}`, 1 point): ...")


# --- the student and answer-key steps, in pipeline order -------------------------------------


def test_assign_stable_ids_numbers_cells_by_their_place_in_the_master():
    from kitlib.release.stable_ids import assign_stable_ids, master_index

    nb = notebook(new_markdown_cell("a"), new_code_cell("b"), new_code_cell("c"))
    nb.nbformat_minor = 4
    nb = assign_stable_ids(nb, SEED)
    assert [cell.id for cell in nb.cells] == ["00-tiny-c000", "00-tiny-c001", "00-tiny-c002"]
    assert [master_index(cell.id) for cell in nb.cells] == [0, 1, 2]
    assert nb.nbformat_minor == 5  # the first minor version with cell ids
    long = assign_stable_ids(
        notebook(new_code_cell("x")), dataclasses.replace(SEED, notebook_name="n" * 80)
    )
    assert len(long.cells[0].id) == 64 and long.cells[0].id.endswith("-c000")


def test_drop_seed_only_removes_course_only_cells_for_another_article():
    from kitlib.release.seed_only import drop_seed_only

    def make():
        return notebook(
            new_markdown_cell("general"),
            new_markdown_cell("Jim Thomas", metadata=tagged("seed-only")),
        )

    assert sources(drop_seed_only(make(), SEED)) == ["general", "Jim Thomas"]
    assert sources(drop_seed_only(make(), OTHER)) == ["general"]


def test_flag_seed_only_turns_course_only_cells_into_instructor_notes_that_quote_them():
    from kitlib.release.seed_only import flag_seed_only

    cell = new_code_cell("answer = 'p19'", metadata=tagged("seed-only"))
    cell.id = "00-tiny-c001"
    nb = flag_seed_only(notebook(new_markdown_cell("general"), cell), OTHER)
    note = nb.cells[1]
    assert (note.cell_type, note.id, note.metadata.tags) == (
        "markdown",
        "00-tiny-c001",
        ["instructor-note"],
    )
    assert (
        "```python\nanswer = 'p19'\n```" in note.source
        and "`festival-noise-dispute`" in note.source
    )
    unchanged = flag_seed_only(notebook(new_code_cell("x", metadata=tagged("seed-only"))), SEED)
    assert unchanged.cells[0].cell_type == "code"


def byline_and_paragraphs():
    return notebook(
        new_markdown_cell("intro"),
        statement(1, "article.byline"),
        new_code_cell("answer = ...", metadata=nbgrader("article-byline", solution=True)),
        new_markdown_cell("The copyright line", metadata=tagged("needs:copyright")),
        statement(2, "article.body-paragraphs"),
        new_code_cell("answer = ...", metadata=nbgrader("article-body-paragraphs", solution=True)),
    )


def test_drop_not_applicable_removes_an_exercise_the_article_cannot_answer_with_its_cells():
    from kitlib.release.not_applicable import drop_not_applicable

    nb = drop_not_applicable(byline_and_paragraphs(), OTHER)  # the festival text has no byline
    assert [s[:28] for s in sources(nb)] == [
        "intro",
        "**Exercise 2** (id `article.",
        "answer = ...",
    ]
    assert len(drop_not_applicable(byline_and_paragraphs(), SEED).cells) == 6


def test_flag_not_applicable_keeps_the_cells_as_notes_saying_why():
    from kitlib.release.not_applicable import flag_not_applicable

    nb = flag_not_applicable(byline_and_paragraphs(), OTHER)
    notes = [i for i, c in enumerate(nb.cells) if "instructor-note" in c.metadata.get("tags", [])]
    assert notes == [1, 2, 3]
    assert "`festival-noise-dispute`" in nb.cells[1].source and "byline" in nb.cells[1].source
    assert nb.cells[4].source.startswith("**Exercise 2**")  # an applicable exercise stays


def test_renumber_exercises_closes_the_gaps_and_leaves_notes_unnumbered():
    from kitlib.release.renumber_exercises import renumber_exercises

    note = new_markdown_cell(
        "> **Exercise 2** (id `x.y`, 1 point)", metadata=tagged("instructor-note")
    )
    nb = notebook(statement(1, "a.b"), note, statement(4, "c.d"), new_code_cell("# **Exercise 9**"))
    nb = renumber_exercises(nb, SEED)
    assert sources(nb)[0].startswith("**Exercise 1** (id `a.b`")
    assert sources(nb)[1] == "> **Exercise (left out)** (id `x.y`, 1 point)"
    assert sources(nb)[2].startswith("**Exercise 2** (id `c.d`")
    assert sources(nb)[3] == "# **Exercise 9**"  # code is not prose


def test_rescale_time_shrinks_the_exercise_minutes_to_the_exercises_left():
    from kitlib.release.lesson_time import rescale_time

    header = "**Time:** about 40 minutes (10 reading, 30 exercises)"
    ctx = dataclasses.replace(OTHER, master_exercises=3)
    nb = rescale_time(notebook(new_markdown_cell(header), statement(1, "a.b")), ctx)
    assert nb.cells[0].source == "**Time:** about 20 minutes (10 reading, 10 exercises)"
    kept_all = dataclasses.replace(ctx, master_exercises=1)
    assert (
        rescale_time(notebook(new_markdown_cell(header), statement(1, "a.b")), kept_all)
        .cells[0]
        .source
        == header
    )


def test_point_to_article_loads_the_release_article_in_the_tagged_cell():
    from kitlib.release.point_to_article import MARK, point_to_article

    def make():
        return notebook(
            new_code_cell("print('first code cell')"),
            new_code_cell(
                "import kitlib\n\nart = kitlib.load_article()", metadata=tagged("article-path")
            ),
        )

    nb = point_to_article(make(), OTHER)
    assert nb.cells[0].source == "print('first code cell')"
    assert nb.cells[1].source.splitlines() == [
        "import kitlib",
        f'kitlib.use_article("articles/festival-noise-dispute")  {MARK}',
        "",
        "art = kitlib.load_article()",
    ]
    assert sources(point_to_article(make(), SEED)) == sources(make())  # the course article


def test_clear_solutions_leaves_stubs_and_refuses_a_region_outside_an_exercise():
    from kitlib.release.clear_solutions import SolutionOutsideExerciseError, clear_solutions

    code = new_code_cell(
        "# BEGIN SOLUTION\nfirst, last = 'a', 'b'\nanswer = 3\n# END SOLUTION\ncheck(answer)",
        metadata=nbgrader("ex", solution=True),
    )
    text = new_markdown_cell(
        "<!-- BEGIN SOLUTION -->\nBecause.\n<!-- END SOLUTION -->",
        metadata=nbgrader("ex-text", solution=True, grade=True, points=1),
    )
    nb = clear_solutions(notebook(code, text), SEED)
    assert sources(nb) == [
        "# YOUR CODE HERE\nfirst, last = ..., ...\nanswer = ...\ncheck(answer)",
        "YOUR ANSWER HERE",
    ]
    stray = new_code_cell("# BEGIN SOLUTION\nx = 1\n# END SOLUTION")
    with pytest.raises(SolutionOutsideExerciseError, match="00-tiny: cell 1 has a solution region"):
        clear_solutions(notebook(new_markdown_cell("intro"), stray), SEED)


def test_clear_hidden_tests_removes_only_the_hidden_part():
    from kitlib.release.clear_hidden_tests import clear_hidden_tests

    source = (
        "assert answer is not ...\n### BEGIN HIDDEN TESTS\nassert answer == 3\n### END HIDDEN TESTS"
    )
    nb = clear_hidden_tests(notebook(new_code_cell(source), new_markdown_cell(source)), SEED)
    assert sources(nb) == ["assert answer is not ...", source]  # markdown is never a test


def test_clear_outputs_empties_outputs_counts_and_run_metadata_only():
    from kitlib.release.clear_outputs import clear_outputs

    cell = new_code_cell(
        "print(1)",
        execution_count=4,
        outputs=[new_output("stream", text="1\n")],
        metadata={"execution": {"iopub.status.idle": "t"}, "scrolled": True, "tags": ["keep"]},
    )
    nb = clear_outputs(notebook(cell, new_markdown_cell("m", metadata={"collapsed": True})), SEED)
    assert (nb.cells[0].outputs, nb.cells[0].execution_count) == ([], None)
    assert nb.cells[0].metadata == {"tags": ["keep"]} and nb.cells[1].metadata == {}


def test_strip_widget_state_drops_saved_widgets_and_nothing_else():
    from kitlib.release.strip_widget_state import strip_widget_state

    nb = notebook(widgets={"state": {"slider": {"value": "p19"}}}, authors=[{"name": "A. Teacher"}])
    assert dict(strip_widget_state(nb, SEED).metadata) == {"authors": [{"name": "A. Teacher"}]}


def test_add_install_cell_opens_the_code_with_a_guarded_install():
    from kitlib.release.install_cell import GUARD, INSTALL_TAG, add_install_cell

    lesson = "import kitlib\n\nart = kitlib.load_article()"
    nb = notebook(new_markdown_cell("# Lesson"), new_code_cell(lesson), new_code_cell("art"))
    nb = add_install_cell(nb, SEED)
    added = nb.cells[1]
    assert (added.id, added.metadata.tags) == ("00-tiny-install-kit", [INSTALL_TAG])
    assert f"if {GUARD}:" in added.source  # a no-op where the kit is installed
    assert sources(nb)[2:] == [lesson, "art"]  # the lesson's own cells follow, untouched


def test_lock_cells_makes_locked_cells_read_only():
    from kitlib.release.lock_cells import lock_cells

    test = new_code_cell(
        "assert x", metadata=nbgrader("ex-test", grade=True, locked=True, points=1)
    )
    answer = new_code_cell("x = ...", metadata=nbgrader("ex", solution=True))
    nb = lock_cells(notebook(test, answer), SEED)
    assert (nb.cells[0].metadata.editable, nb.cells[0].metadata.deletable) == (False, False)
    assert "editable" not in nb.cells[1].metadata and "deletable" not in nb.cells[1].metadata


def test_check_nbgrader_metadata_passes_valid_cells_and_names_each_bad_one():
    from kitlib.release.nbgrader_metadata import NbgraderMetadataError, check_nbgrader_metadata

    good = notebook(
        new_code_cell("x = ...", metadata=nbgrader("ex", solution=True)),
        new_code_cell("assert x", metadata=nbgrader("ex-test", grade=True, locked=True, points=1)),
    )
    assert check_nbgrader_metadata(good, SEED) is good
    bad = notebook(
        new_code_cell("x", metadata=nbgrader("ex", solution=True)),
        new_code_cell("y", metadata=nbgrader("ex", solution=True)),
        new_code_cell("z", metadata=nbgrader("ok-test", grade=True, locked=True)),
    )
    with pytest.raises(NbgraderMetadataError) as err:
        check_nbgrader_metadata(bad, SEED)
    message = str(err.value)
    assert message.startswith("00-tiny: invalid nbgrader metadata")
    assert (
        "cell 1: duplicate grade_id 'ex'" in message
        and "cell 2: a graded cell needs points" in message
    )


def test_tidy_metadata_keeps_only_machine_independent_metadata():
    from kitlib.release.tidy_metadata import KERNELSPEC, tidy_metadata

    cell = new_code_cell(
        "x", metadata={"ExecuteTime": {}, "vscode": {}, "jupyter": {}, "tags": ["t"]}
    )
    nb = notebook(
        cell,
        language_info={"name": "python", "version": "3.11.9"},
        authors=[{"name": "A. Teacher"}],
    )
    nb = tidy_metadata(nb, SEED)
    assert nb.metadata == {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    assert nb.cells[0].metadata == {"tags": ["t"]}


@pytest.mark.slow
def test_execute_runs_every_cell_and_names_the_master_cell_that_fails(tmp_path):
    from kitlib.release.execute import MasterExecutionError, execute
    from kitlib.release.stable_ids import assign_stable_ids

    ctx = dataclasses.replace(SEED, execution_dir=str(tmp_path), timeout=60)
    nb = execute(
        assign_stable_ids(notebook(new_code_cell("x = 6 * 7"), new_code_cell("print(x)")), ctx), ctx
    )
    assert [o.get("text") for o in nb.cells[1].outputs] == ["42\n"]
    failing = assign_stable_ids(notebook(new_code_cell("x = 1"), new_code_cell("1 / 0")), ctx)
    with pytest.raises(
        MasterExecutionError, match="00-tiny.ipynb: cell 1 failed.*ZeroDivisionError"
    ):
        execute(failing, ctx)


def feedback_output(status, text):
    html = f'<div role="status" class="kitlib-feedback kitlib-{status}">...</div>'
    return new_output("execute_result", data={"text/html": html, "text/plain": text})


def test_require_correct_checks_reports_a_solution_its_check_rejects():
    from kitlib.release.require_correct_checks import AnswerKeyCheckError, require_correct_checks

    right = new_code_cell(
        "check()", metadata=nbgrader("a", solution=True), outputs=[feedback_output("correct", "ok")]
    )
    wrong = new_code_cell(
        "check()",
        metadata=nbgrader("b", solution=True),
        outputs=[feedback_output("incorrect", "✗ Not yet (b): 'p1' is not it")],
    )
    wrong.id = "00-tiny-c007"
    demo = new_code_cell("check()", outputs=[feedback_output("incorrect", "a demonstration")])
    assert require_correct_checks(notebook(right, demo), SEED).cells[0] is right
    with pytest.raises(AnswerKeyCheckError) as err:
        require_correct_checks(notebook(right, wrong), SEED)
    assert "00-tiny.ipynb: the solution does not pass its own check on ukraine-peace-plan" in str(
        err.value
    )
    assert "cell 7: ✗ Not yet (b): 'p1' is not it" in str(err.value)


def test_stabilize_outputs_renames_random_ids_in_order_and_drops_widget_views():
    from kitlib.release.stabilize_outputs import WIDGET_VIEW, stabilize_outputs

    uuid = "0f8e7d6c-1234-4abc-8def-0123456789ab"
    data = {"text/plain": f"<obj at 0x7f12ab34cd56> {uuid} {uuid}", WIDGET_VIEW: {"model_id": uuid}}
    cell = new_code_cell(
        "w", outputs=[new_output("display_data", data=data)], metadata={"execution": {}}
    )
    nb = stabilize_outputs(notebook(cell), SEED)
    out = nb.cells[0].outputs[0]
    assert out.data == {"text/plain": "<obj at 0x000000000000> uuid_00000 uuid_00000"}
    assert "execution" not in nb.cells[0].metadata


def test_add_answer_key_banner_puts_a_tagged_banner_first():
    from kitlib.release.banner import BANNER_TAG, add_answer_key_banner

    nb = add_answer_key_banner(notebook(new_markdown_cell("# Lesson")), OTHER)
    banner = nb.cells[0]
    assert (banner.id, banner.metadata.tags) == ("00-tiny-answer-key-banner", [BANNER_TAG])
    assert "ANSWER KEY" in banner.source and "the article `festival-noise-dispute`" in banner.source
    assert sources(nb)[1] == "# Lesson"


def test_render_plotly_static_embeds_plotly_js_once_and_offline():
    from kitlib.release.plotly_static import PLOTLY_JSON, render_plotly_static

    figure = {"data": [{"type": "bar", "x": ["a"], "y": [1]}], "layout": {}}
    cells = [
        new_code_cell("fig", outputs=[new_output("display_data", data={PLOTLY_JSON: figure})])
        for _ in range(2)
    ]
    nb = render_plotly_static(notebook(*cells), SEED)
    first, second = (cell.outputs[0].data["text/html"] for cell in nb.cells)
    assert 'id="00-tiny-figure-0"' in first and 'id="00-tiny-figure-1"' in second
    assert len(first) > 1_000_000 > len(second)  # plotly.js itself, in the first figure only
    assert not re.search(r"<script[^>]*\bsrc=", first + second)  # nothing loaded from a CDN


# --- every step has its test; the order of the steps is checked --------------------------------

ALL_STEPS = {
    step.__name__
    for steps in (pipeline.STUDENT_STEPS, pipeline.ANSWER_KEY_STEPS, pipeline.ANSWER_KEY_HTML_STEPS)
    for step in steps
}


def test_every_release_step_has_a_unit_test_here():
    tests = [name for name in globals() if name.startswith("test_")]
    untested = sorted(s for s in ALL_STEPS if not any(t.startswith(f"test_{s}_") for t in tests))
    assert not untested, f"add a test_<step>_... for {untested} in tests/test_step_units.py"


def test_the_order_rules_name_only_real_steps():
    named = set(pipeline.ORDER) | {name for rule in pipeline.ORDER.values() for name in rule.after}
    assert named <= ALL_STEPS, named - ALL_STEPS  # a renamed step would silently lose its rule
    assert all(rule.why for rule in pipeline.ORDER.values())


def swapped(steps, a, b):
    steps = list(steps)
    i, j = steps.index(a), steps.index(b)
    steps[i], steps[j] = steps[j], steps[i]
    return steps


@pytest.mark.parametrize(
    ("needed", "step", "why"),
    [
        ("drop_seed_only", "renumber_exercises", "it numbers the exercises that are left"),
        ("drop_not_applicable", "rescale_time", "it scales the minutes"),
        ("strip_widget_state", "tidy_metadata", "it keeps saved widget state"),
        ("clear_solutions", "lock_cells", "a locked cell must already hold what students get"),
    ],
)
def test_a_student_pipeline_in_the_wrong_order_is_refused_with_both_steps_named(needed, step, why):
    from kitlib.release.pipeline import PipelineOrderError, checked

    by_name = {s.__name__: s for s in pipeline.STUDENT_STEPS}
    steps = swapped(pipeline.STUDENT_STEPS, by_name[needed], by_name[step])
    with pytest.raises(PipelineOrderError) as err:
        checked("student", steps)
    expected = (
        rf"^the student pipeline runs {step} \(position \d+\) before {needed} \(position "
        rf"\d+\): {step} must come after {needed} \({why}"
    )
    assert re.match(expected, str(err.value)), str(err.value)


def test_assign_stable_ids_must_come_first():
    from kitlib.release.pipeline import PipelineOrderError, checked

    steps = [pipeline.drop_seed_only, *pipeline.STUDENT_STEPS[:1], *pipeline.STUDENT_STEPS[2:]]
    with pytest.raises(PipelineOrderError) as err:
        checked("student", steps)
    assert str(err.value).startswith(
        "the student pipeline has assign_stable_ids at position 2: it must be the first step "
        "(ids encode the master's cell index"
    )


def test_the_answer_key_cannot_check_feedback_before_executing():
    from kitlib.release.pipeline import PipelineOrderError, checked

    steps = swapped(pipeline.ANSWER_KEY_STEPS, pipeline.execute, pipeline.require_correct_checks)
    with pytest.raises(PipelineOrderError, match="require_correct_checks must come after execute"):
        checked("answer-key", steps)
    assert checked("answer-key", pipeline.ANSWER_KEY_STEPS) is pipeline.ANSWER_KEY_STEPS
