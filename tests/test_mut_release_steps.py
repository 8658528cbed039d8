"""The notebook-transforming release steps, down to the exact text students receive.

Tiny hand-made notebooks, no kernel: each test states what one step writes for one case
(the stub of an assignment, the renumbered statement, the rescaled header...), so that a
change to what students receive fails here (and the mutants of `make mutation` die here).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

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


def solution_cell(source, cell_type="code"):
    meta = {"nbgrader": {"grade_id": "x", "solution": True, "grade": False, "locked": False}}
    make = new_code_cell if cell_type == "code" else new_markdown_cell
    return make(source, metadata=meta)


def nb_of(*cells, **metadata):
    return new_notebook(cells=list(cells), metadata=metadata)


# --- regions ---------------------------------------------------------------------------------


def test_split_regions_yields_runs_without_the_marker_lines():
    from kitlib.release.regions import split_regions

    source = "a\n  # BEGIN SOLUTION\nb\nc\n# END SOLUTION\nd"
    assert list(split_regions(source, "BEGIN SOLUTION", "END SOLUTION")) == [
        (False, ["a"], ""),
        (True, ["b", "c"], "  # BEGIN SOLUTION"),
        (False, ["d"], ""),
    ]
    # Back to back regions, and nothing outside them.
    both = "# BEGIN SOLUTION\nx\n# END SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION"
    assert list(split_regions(both, "BEGIN SOLUTION", "END SOLUTION")) == [
        (True, ["x"], "# BEGIN SOLUTION"),
        (True, [], "# BEGIN SOLUTION"),
    ]
    assert list(split_regions("", "B", "E")) == [(False, [""], "")]


def test_split_regions_names_each_broken_marker():
    from kitlib.release.regions import RegionError, split_regions

    def error(source):
        with pytest.raises(RegionError) as info:
            list(split_regions(source, "BEGIN SOLUTION", "END SOLUTION"))
        return str(info.value)

    assert error("BEGIN SOLUTION\nBEGIN SOLUTION\nEND SOLUTION") == (
        "nested 'BEGIN SOLUTION' markers; close the first with 'END SOLUTION'"
    )
    assert error("a\nEND SOLUTION") == "'END SOLUTION' without a 'BEGIN SOLUTION' above it"
    assert error("BEGIN SOLUTION\na") == (
        "'BEGIN SOLUTION' without a matching 'END SOLUTION'; add the 'END SOLUTION' line"
    )


def test_nbgrader_cell_kinds():
    from kitlib.release.regions import is_grade_cell, is_solution_cell, nbgrader_meta

    plain = new_code_cell("x")
    assert nbgrader_meta(plain) == {} and not is_solution_cell(plain) and not is_grade_cell(plain)
    graded = new_code_cell("x", metadata={"nbgrader": {"grade": True, "solution": False}})
    assert is_grade_cell(graded) and not is_solution_cell(graded)
    assert nbgrader_meta(new_code_cell("x", metadata={"nbgrader": None})) == {}
    assert nbgrader_meta({}) == {}


# --- stubs and clear_solutions ------------------------------------------------------------


def test_code_stub_stubs_each_assigned_name_once_in_order():
    from kitlib.release.stubs import code_stub

    region = ["answer = 1", "total: int = 2", "answer = 3", "print(answer)", "x: int"]
    assert code_stub(region) == ["# YOUR CODE HERE", "answer = ...", "total = ..."]
    assert code_stub(["a = b = f()"], "    ") == ["    # YOUR CODE HERE", "    a = b = ..."]
    assert code_stub(["a, b = 1, 2"]) == ["# YOUR CODE HERE", "a, b = ..., ..."]
    assert code_stub(["[a] = [1]"]) == ["# YOUR CODE HERE", "[a] = ...,"]
    assert code_stub(["(a,) = (1,)"]) == ["# YOUR CODE HERE", "(a,) = ...,"]
    assert code_stub(["print(1)"]) == ["# YOUR CODE HERE", "pass"]
    assert code_stub(["def f(:"]) == ["# YOUR CODE HERE", "pass"]  # not Python: nothing to stub
    assert code_stub(["    answer = 1"], "    ") == ["    # YOUR CODE HERE", "    answer = ..."]


def test_a_written_answer_keeps_its_triple_quotes_with_an_empty_line_between():
    from kitlib.release.stubs import code_stub

    region = ['reflection = """', "It is framed.", '"""']
    assert code_stub(region, "  ") == ["  # YOUR CODE HERE", '  reflection = """', "", '  """']
    assert code_stub(["r = '''x'''"]) == ["# YOUR CODE HERE", "r = '''", "", "'''"]
    assert code_stub(["r = 'x'"]) == ["# YOUR CODE HERE", "r = ..."]
    assert code_stub(["r = 3"]) == ["# YOUR CODE HERE", "r = ..."]
    assert code_stub(["r = f'''x'''"]) == ["# YOUR CODE HERE", "r = ..."]


def test_text_stub_is_nbgraders():
    from kitlib.release.stubs import text_stub

    assert text_stub() == ["YOUR ANSWER HERE"]
    assert text_stub("  ") == ["  YOUR ANSWER HERE"]


def test_clear_solutions_replaces_regions_in_code_and_markdown():
    from kitlib.release.clear_solutions import clear_solutions

    code = solution_cell(
        "x = 1\nif x:\n    # BEGIN SOLUTION\n    answer = 2\n    # END SOLUTION\ny"
    )
    text = solution_cell("Say:\n<!-- BEGIN SOLUTION -->\nIt is.\n<!-- END SOLUTION -->", "markdown")
    whole = solution_cell("answer = 5\nprint(answer)")
    whole_text = solution_cell("The answer.", "markdown")
    raw = new_raw_cell("BEGIN SOLUTION")
    nb = clear_solutions(nb_of(code, text, whole, whole_text, raw), SEED)
    assert [cell.source for cell in nb.cells] == [
        "x = 1\nif x:\n    # YOUR CODE HERE\n    answer = ...\ny",
        "Say:\nYOUR ANSWER HERE",
        "# YOUR CODE HERE\nanswer = ...",
        "YOUR ANSWER HERE",
        "BEGIN SOLUTION",  # a raw cell is never touched
    ]


def test_clear_solutions_leaves_other_cells_and_refuses_a_stray_region():
    from kitlib.release.clear_solutions import SolutionOutsideExerciseError, clear_solutions

    nb = clear_solutions(nb_of(new_code_cell("answer = 1"), new_markdown_cell("Hi")), SEED)
    assert [cell.source for cell in nb.cells] == ["answer = 1", "Hi"]
    stray = nb_of(new_markdown_cell("a"), new_markdown_cell("BEGIN SOLUTION\nx\nEND SOLUTION"))
    with pytest.raises(SolutionOutsideExerciseError) as info:
        clear_solutions(stray, SEED)
    assert str(info.value) == (
        "00-tiny: cell 1 has a solution region but no nbgrader metadata with solution: true; "
        "mark the cell as an exercise (solution) cell"
    )


def test_clear_hidden_tests_keeps_the_visible_lines_only():
    from kitlib.release.clear_hidden_tests import clear_hidden_tests

    source = "assert a\n### BEGIN HIDDEN TESTS\nassert b\n### END HIDDEN TESTS\n"
    nb = nb_of(
        new_code_cell(source),
        new_code_cell("x\n\n"),
        new_markdown_cell("### BEGIN HIDDEN TESTS\ny\n### END HIDDEN TESTS"),
        new_code_cell("### BEGIN HIDDEN TESTS\nz\n### END HIDDEN TESTS\nw\n\n"),
    )
    assert [c.source for c in clear_hidden_tests(nb, SEED).cells] == [
        "assert a",
        "x\n\n",  # no hidden test: the source stays byte for byte
        "### BEGIN HIDDEN TESTS\ny\n### END HIDDEN TESTS",
        "w",
    ]


# --- cells that belong to an exercise ---------------------------------------------------------


def test_exercise_of_reads_tag_grade_id_statement_and_quiz():
    from kitlib.release.exercise_cells import exercise_of

    grade_ids = {"a-b": "a.b", "a-b-test": "a.b"}
    assert exercise_of(new_markdown_cell("x", metadata={"tags": ["exercise:q.one"]}), {}) == "q.one"
    assert exercise_of(new_code_cell("x", metadata={"nbgrader": {"grade_id": "a-b"}}), grade_ids)
    assert exercise_of(new_code_cell("x", metadata={"nbgrader": {"grade_id": "c"}}), {}) is None
    assert exercise_of(new_code_cell("x", metadata={"nbgrader": None}), {}) is None
    assert exercise_of(new_markdown_cell("**Exercise 3** (id `q.two`, 2 points)"), {}) == "q.two"
    assert exercise_of(new_code_cell("**Exercise 3** (id `q.two`)"), {}) is None
    assert exercise_of(new_code_cell("kitlib.widgets.quiz( 'q.three')"), {}) == "q.three"
    assert exercise_of(new_markdown_cell('quiz("q.three")'), {}) is None
    assert exercise_of({"cell_type": "markdown", "source": ["**Exercise 1** ", "(id `l.x`)"]}, {})
    assert exercise_of({"cell_type": "code"}, {}) is None


def test_grade_ids_needs_and_ids_in_order():
    from kitlib.release.exercise_cells import cell_needs, exercise_ids_in, grade_id_map

    assert grade_id_map(["a.b-c", "d"]) == {
        "a-b-c": "a.b-c", "a-b-c-test": "a.b-c", "d": "d", "d-test": "d"
    }  # fmt: skip
    cell = new_markdown_cell("x", metadata={"tags": ["needs:byline", "other", "needs:sides"]})
    assert cell_needs(cell) == ["byline", "sides"]
    cells = [
        new_markdown_cell("**Exercise 1** (id `b.two`)"),
        new_code_cell("**Exercise 2** (id `z.code`)"),
        new_markdown_cell("**Exercise 3** (id `a.one`) and again"),
        new_markdown_cell("**Exercise 4** (id `b.two`)"),
    ]
    assert exercise_ids_in(cells) == ["b.two", "a.one"]


def test_reasons_left_out_skip_notes_and_keep_unknown_exercises():
    import kitlib
    from kitlib.release.exercise_cells import reasons_left_out

    art = kitlib.load_article(NO_BYLINE)
    note = {"tags": ["instructor-note"]}
    byline_and_nonsense = {"tags": ["needs:byline", "needs:nonsense"]}
    cells = [
        new_markdown_cell("**Exercise 1** (id `article.byline`, 1 point)"),
        new_markdown_cell("**Exercise 1** (id `article.byline`)", metadata=note),
        new_markdown_cell("**Exercise 2** (id `no.such-exercise`)"),
        new_markdown_cell("About the byline", metadata=byline_and_nonsense),
        new_markdown_cell("Nothing needed", metadata={"tags": ["needs:nonsense"]}),
    ]  # fmt: skip
    reasons = reasons_left_out(cells, art)
    assert sorted(reasons) == [0, 3]
    assert reasons[0].startswith("exercise `article.byline` does not apply: ")
    assert reasons[3] == "it is about a feature this article lacks (no byline paragraph)"


# --- seed-only, not applicable, renumbering, time ------------------------------------------


def test_seed_only_cells_stay_for_the_course_article():
    from kitlib.release.seed_only import drop_seed_only, flag_seed_only, is_seed_only

    def lesson():
        return nb_of(new_markdown_cell("a", metadata={"tags": ["seed-only"]}), new_code_cell("b"))

    assert is_seed_only(lesson().cells[0]) and not is_seed_only(lesson().cells[1])
    assert not is_seed_only({})
    assert len(drop_seed_only(lesson(), SEED).cells) == 2
    unchanged = flag_seed_only(lesson(), SEED).cells
    assert [(c.cell_type, c.source, c.metadata) for c in unchanged] == [
        ("markdown", "a", {"tags": ["seed-only"]}), ("code", "b", {})
    ]  # fmt: skip
    assert [c.source for c in drop_seed_only(lesson(), OTHER).cells] == ["b"]


def test_flag_seed_only_quotes_the_cell_in_a_note_with_its_id():
    from kitlib.release.seed_only import flag_seed_only

    cell = new_code_cell("x = 1", metadata={"tags": ["seed-only"]})
    cell["id"] = "keep-me"
    text = new_markdown_cell("Only here", metadata={"tags": ["seed-only"]})
    nb = flag_seed_only(nb_of(cell, text, new_code_cell("y")), OTHER)
    note = nb.cells[0]
    assert note.cell_type == "markdown" and note.metadata == {"tags": ["instructor-note"]}
    assert note["id"] == "keep-me"
    assert note.source == (
        "> **Instructor note.** This code cell was written for the course article and is left "
        "out of the student notebooks for `festival-noise-dispute`. Rewrite it for this article "
        "(or drop it). The original:\n\n```python\nx = 1\n```"
    )
    assert nb.cells[1].source.endswith("The original:\n\n```markdown\nOnly here\n```")
    assert nb.cells[2].source == "y"


def test_not_applicable_drops_for_students_and_flags_for_the_key():
    from kitlib.release.not_applicable import drop_not_applicable, flag_not_applicable

    def lesson():
        return nb_of(
            new_markdown_cell("Intro"),
            new_markdown_cell("About the byline", metadata={"tags": ["needs:byline"]}),
            new_code_cell("x"),
        )

    assert [c.source for c in drop_not_applicable(lesson(), OTHER).cells] == ["Intro", "x"]
    key = flag_not_applicable(lesson(), OTHER)
    assert [c.cell_type for c in key.cells] == ["markdown", "markdown", "code"]
    assert key.cells[1].source.startswith(
        "> **Instructor note.** This markdown cell is left out of the student notebooks for "
        "`festival-noise-dispute`: it is about a feature this article lacks (no byline "
        "paragraph). Rewrite it"
    )
    assert len(drop_not_applicable(lesson(), SEED).cells) == 3


def test_renumber_exercises_counts_markdown_statements_only():
    from kitlib.release.renumber_exercises import renumber_exercises

    nb = nb_of(
        new_markdown_cell("**Exercise 4** and **Exercise 9**"),
        new_code_cell("# **Exercise 7**"),
        new_markdown_cell("**Exercise 2**", metadata={"tags": ["instructor-note", "x"]}),
        new_markdown_cell("**Exercise 12** (id `a`)\n**Exercise**"),
    )
    assert [c.source for c in renumber_exercises(nb, OTHER).cells] == [
        "**Exercise 1** and **Exercise 2**",
        "# **Exercise 7**",
        "**Exercise (left out)**",
        "**Exercise 3** (id `a`)\n**Exercise**",
    ]


def test_exercises_stated_skip_notes_and_code():
    from kitlib.release.lesson_time import exercises_stated

    two = "**Exercise 2** (id `c`)"
    cells = [
        {"cell_type": "markdown", "source": ["**Exercise 1** (id `a.b`) ", two]},
        {"cell_type": "code", "source": "**Exercise 3** (id `d`)"},
        {"cell_type": "markdown", "source": "**Exercise 4** (id `e`)",
         "metadata": {"tags": ["instructor-note"]}},
        {"cell_type": "markdown"},
    ]  # fmt: skip
    assert exercises_stated(cells) == 2


@pytest.mark.parametrize(
    ("minutes", "kept", "stated", "expected"),
    [(30, 3, 3, 30), (30, 1, 3, 10), (30, 2, 3, 20), (10, 1, 4, 5), (25, 1, 2, 10), (7, 0, 3, 0),
     (20, 5, 0, 20), (50, 3, 4, 40), (60, 1, 8, 10)],
)  # fmt: skip
def test_scaled_minutes_round_to_five_and_keep_at_least_five(minutes, kept, stated, expected):
    from kitlib.release.lesson_time import scaled_minutes

    assert scaled_minutes(minutes, kept, stated) == expected


def test_rescale_time_rewrites_the_first_header_only():
    import dataclasses

    from kitlib.release.lesson_time import rescale_time

    header = "**Time:** about 40 minutes (10 reading, 30 exercises)"
    nb = nb_of(
        new_code_cell(header),
        new_markdown_cell(f"{header}\n{header}"),
        new_markdown_cell(header),
        new_markdown_cell("**Exercise 1** (id `a`)"),
    )
    ctx = dataclasses.replace(OTHER, master_exercises=3)
    out = rescale_time(nb, ctx)
    short = "**Time:** about 20 minutes (10 reading, 10 exercises)"
    assert [c.source for c in out.cells[:3]] == [header, f"{short}\n{header}", header]
    # All exercises kept, or no count of the master's: nothing changes.
    same = nb_of(new_markdown_cell(header), new_markdown_cell("**Exercise 1** (id `a`)"))
    assert rescale_time(same, dataclasses.replace(OTHER, master_exercises=1)).cells[0].source == (
        header
    )
    assert rescale_time(same, OTHER).cells[0].source == header


# --- ids, banner, article, locks ---------------------------------------------------------------


def test_cell_ids_are_valid_and_encode_the_master_index():
    from kitlib.release.stable_ids import added_cell_id, cell_id, master_index

    assert cell_id("01-who speaks!", 7) == "01-who-speaks-c007"
    assert cell_id("x", 1234) == "x-c1234"
    assert added_cell_id("!!!", "banner") == "nb-banner"
    long = added_cell_id("a" * 80, "answer-key-banner")
    assert len(long) == 64 and long.endswith("-answer-key-banner")
    assert len(added_cell_id("b" * 80, "c001")) == 64
    assert master_index("01-x-c042") == 42 and master_index("01-x-c1234") == 1234
    assert master_index("01-x-c42") is None and master_index("01-x-banner") is None
    assert master_index(None) is None and master_index("x-c042-y") is None


def test_assign_stable_ids_sets_nbformat_4_5_at_least():
    from kitlib.release.stable_ids import assign_stable_ids

    nb = nb_of(new_code_cell("a"), new_markdown_cell("b"))
    nb.nbformat_minor = 7
    out = assign_stable_ids(nb, SEED)
    assert [c["id"] for c in out.cells] == ["00-tiny-c000", "00-tiny-c001"]
    assert (out.nbformat, out.nbformat_minor) == (4, 7)
    del nb["nbformat_minor"]
    assert assign_stable_ids(nb, SEED).nbformat_minor == 5


def test_the_banner_names_the_notebook_and_the_article():
    from kitlib.release.banner import add_answer_key_banner

    seed = add_answer_key_banner(nb_of(new_code_cell("x")), SEED)
    banner = seed.cells[0]
    assert banner.metadata == {"tags": ["answer-key-banner"]}
    assert banner["id"] == "00-tiny-answer-key-banner"
    assert banner.source == (
        '<div style="border: 3px solid #b00020; padding: 0.6em 1em; background: #fff4f4">\n\n'
        "# ANSWER KEY: for instructors and TAs only\n\n"
        "Solutions and hidden tests of `00-tiny`, executed on the course article. "
        "Do not hand this file to students; they get the notebook of the same name in "
        "`release/student/`.\n\n</div>"
    )
    other = add_answer_key_banner(nb_of(new_code_cell("x")), OTHER).cells[0].source
    assert "executed on the article `festival-noise-dispute`. Do not" in other


def test_point_to_article_places_the_line_after_the_import():
    from kitlib.release.point_to_article import point_to_article

    line = (
        'kitlib.use_article("articles/festival-noise-dispute")  # set by `kitlib release --article`'
    )
    nb = nb_of(new_markdown_cell("import kitlib"), new_code_cell("x = 1\nimport kitlib\nart = 2"))
    assert point_to_article(nb, OTHER).cells[1].source == f"x = 1\nimport kitlib\n{line}\nart = 2"
    bare = nb_of(new_code_cell("art = kitlib.load_article()"))
    assert point_to_article(bare, OTHER).cells[0].source == (
        f"import kitlib\n\n{line}\nart = kitlib.load_article()"
    )
    tagged = nb_of(new_code_cell("a"), new_code_cell("b", metadata={"tags": ["article-path"]}))
    out = point_to_article(tagged, OTHER)
    assert [c.source for c in out.cells] == ["a", f"import kitlib\n\n{line}\nb"]
    assert point_to_article(nb_of(new_markdown_cell("m")), OTHER).cells[0].source == "m"
    seed = nb_of(new_code_cell("import kitlib"))
    assert point_to_article(seed, SEED).cells[0].source == "import kitlib"


def test_lock_cells_only_locked_ones():
    from kitlib.release.lock_cells import lock_cells

    locked = new_code_cell("t", metadata={"nbgrader": {"locked": True}})
    free = new_code_cell("u", metadata={"nbgrader": {"locked": False}})
    out = lock_cells(nb_of(locked, free, new_markdown_cell("m")), SEED)
    assert out.cells[0].metadata["editable"] is False
    assert out.cells[0].metadata["deletable"] is False
    assert "editable" not in out.cells[1].metadata and "deletable" not in out.cells[1].metadata


# --- outputs and metadata -----------------------------------------------------------------------


def test_clear_outputs_also_clears_markdown_run_metadata():
    from kitlib.release.clear_outputs import clear_outputs

    code = new_code_cell("x", execution_count=3, metadata={"scrolled": True, "tags": ["t"]})
    code.outputs = [new_output("stream", name="stdout", text="hi")]
    text = new_markdown_cell("m", metadata={"collapsed": True, "execution": {}, "tags": ["k"]})
    out = clear_outputs(nb_of(code, text), SEED)
    assert out.cells[0].outputs == [] and out.cells[0].execution_count is None
    assert out.cells[0].metadata == {"tags": ["t"]}
    assert out.cells[1].metadata == {"tags": ["k"]}


def test_strip_widget_state_without_widgets_is_harmless():
    from kitlib.release.strip_widget_state import strip_widget_state

    nb = nb_of(new_code_cell("x"), widgets={"state": {}}, other=1)
    assert dict(strip_widget_state(nb, SEED).metadata) == {"other": 1}
    assert dict(strip_widget_state(nb_of(), SEED).metadata) == {}


def test_tidy_metadata_keeps_widgets_and_strips_every_editor_key():
    from kitlib.release.tidy_metadata import KERNELSPEC, tidy_metadata

    keys = ("collapsed", "scrolled", "jupyter", "ExecuteTime", "execution", "vscode")
    cell = new_code_cell("x", metadata={"tags": ["a"]})
    nb = nb_of(
        cell, widgets={"w": 1}, language_info={"name": "python", "version": "3.11"}, authors=["me"]
    )
    cell.metadata.update({key: 1 for key in keys})  # as editors write them, unvalidated
    out = tidy_metadata(nb, SEED)
    assert out.metadata == {
        "kernelspec": KERNELSPEC, "language_info": {"name": "python"}, "widgets": {"w": 1}
    }  # fmt: skip
    assert out.metadata["kernelspec"] is not KERNELSPEC  # a copy, never the shared dict
    assert out.cells[0].metadata == {"tags": ["a"]}


def test_match_local_kernel_stores_what_this_kernel_reports():
    from kitlib.release.tidy_metadata import local_language_info, match_local_kernel

    info = local_language_info()
    assert info is not None and info["name"] == "python"
    nb = match_local_kernel(nb_of(language_info={"name": "python"}))
    assert nb.metadata["language_info"] == info


def test_stabilize_outputs_joins_streams_and_renumbers_everywhere():
    from kitlib.release.stabilize_outputs import stabilize_outputs

    uuid = "0123abcd-0123-4567-89ab-0123456789ab"
    other_uuid = "ffffffff-0123-4567-89ab-0123456789ab"
    cell = new_code_cell("x", metadata={"execution": {"iopub.status.idle": "t"}, "tags": ["k"]})
    cell.outputs = [
        new_output("stream", name="stdout", text="a:"),
        new_output("stream", name="stdout", text=[" b", "\n"]),
        new_output("stream", name="stderr", text="warn"),
        new_output("stream", name="stdout", text=f"{uuid} {other_uuid} {uuid}"),
        new_output("execute_result", data={
            "text/plain": "<obj at 0x7f00aabbccdd> T_abcde",
            "text/html": ["<div id='T_abcde'>", "0x7f00aabbccdd"],
            "application/javascript": "T_fffff",
            "application/json": {"x": "0x7f00aabbccdd"},
            "application/vnd.jupyter.widget-view+json": {"model_id": uuid},
        }),
        new_output("error", ename="E", evalue="v", traceback=["at 0x7f0011223344"]),
    ]  # fmt: skip
    out = stabilize_outputs(nb_of(cell, new_markdown_cell(uuid)), SEED)
    outputs = out.cells[0].outputs
    assert out.cells[0].metadata == {"tags": ["k"]}
    assert [o.get("name") for o in outputs[:3]] == ["stdout", "stderr", "stdout"]
    assert outputs[0]["text"] == "a: b\n"
    assert outputs[2]["text"] == "uuid_00000 uuid_00001 uuid_00000"
    data = outputs[3]["data"]
    assert data["text/plain"] == "<obj at 0x000000000000> T_00000"
    assert data["text/html"] == ["<div id='T_00000'>", "0x000000000000"]
    assert data["application/javascript"] == "T_00001"
    assert data["application/json"] == {"x": "0x7f00aabbccdd"}  # not text: left alone
    assert "application/vnd.jupyter.widget-view+json" not in data
    assert outputs[4]["traceback"] == ["at 0x000000000001"]
    assert out.cells[1].source == uuid  # markdown is never touched


def test_stabilize_outputs_keeps_short_hex_and_leaves_an_output_without_text():
    from kitlib.release.stabilize_outputs import stabilize_outputs

    cell = new_code_cell("x")
    cell.outputs = [
        new_output("display_data", data={"text/plain": "0x12345 T_abc 0xABCDEF12 xT_abcde"}),
        new_output("display_data", data={}),
    ]
    out = stabilize_outputs(nb_of(cell), SEED).cells[0].outputs
    assert out[0]["data"]["text/plain"] == "0x12345 T_abc 0x000000000000 xT_abcde"
    assert out[1]["data"] == {}


def test_clear_hidden_tests_strips_only_trailing_newlines():
    from kitlib.release.clear_hidden_tests import clear_hidden_tests

    hidden = "### BEGIN HIDDEN TESTS\nassert b\n### END HIDDEN TESTS"
    nb = nb_of(new_code_cell(f"assert X\n{hidden}\n"), new_code_cell(f"x = 1  \n{hidden}"))
    assert [c.source for c in clear_hidden_tests(nb, SEED).cells] == ["assert X", "x = 1  "]


def test_stabilize_outputs_skips_text_cells_and_a_code_cell_without_outputs():
    from kitlib.release.stabilize_outputs import stabilize_outputs

    bare = new_code_cell("x")
    cell = new_code_cell("y")
    cell.outputs = [new_output("stream", name="stdout", text="0x7f00aabbccdd")]
    nb = nb_of(new_markdown_cell("m"), bare, cell)
    del bare["outputs"]  # as a hand-edited file may have it
    out = stabilize_outputs(nb, SEED)
    assert out.cells[1].outputs == []
    assert out.cells[2].outputs[0]["text"] == "0x000000000000"


def test_a_cell_needing_two_missing_features_names_both():
    import kitlib
    from kitlib.release.exercise_cells import reasons_left_out

    cell = new_markdown_cell("x", metadata={"tags": ["needs:byline", "needs:copyright"]})
    assert reasons_left_out([cell], kitlib.load_article(NO_BYLINE)) == {
        0: "it is about a feature this article lacks (no byline paragraph, copyright line)"
    }


def test_clear_solutions_goes_on_after_a_raw_cell():
    from kitlib.release.clear_solutions import clear_solutions

    nb = nb_of(new_raw_cell("raw"), solution_cell("answer = 1"))
    assert [c.source for c in clear_solutions(nb, SEED).cells] == [
        "raw",
        "# YOUR CODE HERE\nanswer = ...",
    ]


def test_code_stub_dedupes_by_the_first_target_as_written():
    from kitlib.release.stubs import code_stub

    assert code_stub(["a = b = 1", "a = 2"]) == ["# YOUR CODE HERE", "a = b = ..."]
    assert code_stub(["a, b = 1, 2", "a, c = 3, 4"]) == [
        "# YOUR CODE HERE",
        "a, b = ..., ...",
        "a, c = ..., ...",
    ]


def test_rescale_time_leaves_the_header_alone_when_nothing_is_left_out():
    import dataclasses

    from kitlib.release.lesson_time import rescale_time

    # A header whose parts do not add up shows whether it was rewritten at all.
    odd = "**Time:** about 45 minutes (10 reading, 30 exercises)"
    nb = nb_of(new_markdown_cell(odd), new_markdown_cell("**Exercise 1** (id `a`)"))
    for master in (0, 1):
        ctx = dataclasses.replace(OTHER, master_exercises=master)
        assert rescale_time(nb, ctx).cells[0].source == odd


def test_cell_ids_keep_capitals_and_xs_of_the_name():
    from kitlib.release.stable_ids import cell_id

    assert cell_id("Xmas-Quiz", 0) == "Xmas-Quiz-c000"
    assert cell_id("-x-", 2) == "x-c002"
