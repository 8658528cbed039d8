"""Release steps one at a time, on small notebooks: no kernel, no whole release."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NO_BYLINE = ROOT / "tests" / "fixtures" / "articles" / "festival-noise-dispute"
HARBOR = ROOT / "tests" / "fixtures" / "articles" / "harbor-bridge-vote"


def md(source, tags=()):
    from nbformat.v4 import new_markdown_cell

    return new_markdown_cell(source, metadata={"tags": list(tags)} if tags else {})


def code(source, grade_id=None, tags=()):
    from nbformat.v4 import new_code_cell

    metadata = {"tags": list(tags)} if tags else {}
    if grade_id:
        metadata["nbgrader"] = {"grade_id": grade_id, "solution": True}
    return new_code_cell(source, metadata=metadata)


def byline_lesson():
    from nbformat.v4 import new_notebook

    return new_notebook(cells=[
        md("# 00 · Lesson\n\n**Time:** about 40 minutes (15 reading, 20 exercises)"),
        md("Bylines name the writer.", tags=["exercise:article.byline"]),
        md("**Exercise 1** (id `article.byline`, 1 point): Which paragraph is the byline?"),
        code("answer = 'p20'\nkitlib.check('article.byline', answer)", "article-byline"),
        code("assert kitlib.check('article.byline', answer).correct", "article-byline-test"),
        code('kitlib.widgets.quiz("article.byline")'),
        md("The copyright line ...", tags=["needs:copyright"]),
        md("**Exercise 2** (id `article.paragraphs`, 1 point): How many paragraphs?"),
        code("answer = 3\nkitlib.check('article.paragraphs', answer)", "article-paragraphs"),
    ])  # fmt: skip


def ctx_for(article):
    from kitlib.release.context import ReleaseContext

    return ReleaseContext(notebook_name="00-lesson", article_name=Path(article).name,
                          article_path=f"articles/{Path(article).name}",
                          article_source=str(article), master_exercises=2)  # fmt: skip


def test_every_cell_of_an_exercise_is_found_by_statement_grade_id_quiz_or_tag():
    from kitlib.release.exercise_cells import exercise_ids_in, exercise_of, grade_id_map

    cells = byline_lesson().cells
    ids = exercise_ids_in(cells)
    assert ids == ["article.byline", "article.paragraphs"]
    owners = [exercise_of(cell, grade_id_map(ids)) for cell in cells]
    assert owners == [None, *["article.byline"] * 5, None, *["article.paragraphs"] * 2]


def test_an_article_without_a_byline_loses_the_byline_exercise_and_its_prose():
    import kitlib
    from kitlib.release.exercise_cells import reasons_left_out

    nb = byline_lesson()
    reasons = reasons_left_out(nb.cells, kitlib.load_article(NO_BYLINE))
    assert sorted(reasons) == [1, 2, 3, 4, 5, 6]
    assert "article.byline" in reasons[2] and "copyright" in reasons[6]
    # The course article has both: nothing is left out.
    assert reasons_left_out(nb.cells, kitlib.load_article()) == {}


def test_students_lose_the_cells_and_the_answer_key_keeps_them_as_unnumbered_notes():
    from kitlib.release.not_applicable import drop_not_applicable, flag_not_applicable
    from kitlib.release.renumber_exercises import renumber_exercises

    ctx = ctx_for(NO_BYLINE)
    student = renumber_exercises(drop_not_applicable(byline_lesson(), ctx), ctx)
    assert len(student.cells) == 3
    assert "**Exercise 1** (id `article.paragraphs`" in student.cells[1].source

    key = renumber_exercises(flag_not_applicable(byline_lesson(), ctx), ctx)
    notes = [c for c in key.cells if "instructor-note" in c.metadata.get("tags", [])]
    assert len(notes) == 6 and "festival-noise-dispute" in notes[1].source
    assert "does not apply" in notes[1].source and "**Exercise (left out)**" in notes[1].source
    assert "**Exercise 1** (id `article.paragraphs`" in key.cells[7].source


@pytest.mark.parametrize(
    ("minutes", "kept", "stated", "expected"),
    [(25, 7, 7, 25), (25, 4, 7, 15), (25, 1, 7, 5), (25, 0, 7, 0), (40, 2, 8, 10), (20, 3, 0, 20)],
)
def test_exercise_minutes_shrink_with_the_exercises_kept(minutes, kept, stated, expected):
    from kitlib.release.lesson_time import scaled_minutes

    assert scaled_minutes(minutes, kept, stated) == expected


def test_the_header_is_rewritten_from_the_exercises_left():
    from kitlib.release.lesson_time import rescale_time
    from kitlib.release.not_applicable import drop_not_applicable

    ctx = ctx_for(NO_BYLINE)
    nb = rescale_time(drop_not_applicable(byline_lesson(), ctx), ctx)
    assert "about 25 minutes (15 reading, 10 exercises)" in nb.cells[0].source


def test_the_article_cell_uses_the_articles_copy_beside_the_notebook():
    from nbformat.v4 import new_notebook

    from kitlib.release.point_to_article import point_to_article

    nb = new_notebook(cells=[code("import kitlib\n\nart = kitlib.load_article()")])
    nb = point_to_article(nb, ctx_for(HARBOR))
    assert 'kitlib.use_article("articles/harbor-bridge-vote")' in nb.cells[0].source
    assert "os.environ" not in nb.cells[0].source


def test_the_preview_lists_kept_and_left_out_exercises_with_reasons(tmp_path):
    import nbformat

    import kitlib
    from kitlib.release.preview import preview, render

    nbformat.write(byline_lesson(), tmp_path / "00-lesson.ipynb")
    [lesson] = preview(tmp_path, kitlib.load_article(NO_BYLINE), is_seed=False)
    assert lesson.kept == ["article.paragraphs"] and list(lesson.dropped) == ["article.byline"]
    assert lesson.thin
    text = render([lesson], "festival-noise-dispute")
    assert "00-lesson: 1 exercise(s) kept  WARNING: fewer than 4 exercises" in text
    assert "left out article.byline:" in text


def test_an_exercise_written_for_the_course_article_says_so_to_its_checker():
    """Its cells are seed-only, so another article's students never see it; its checker must
    also answer "does not apply" there instead of feedback about the course article."""
    import json

    from kitlib.framework import get
    from kitlib.release.exercise_cells import STATEMENT
    from kitlib.release.seed_only import is_seed_only

    seed_only_ids = []
    for master in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        for cell in json.loads(master.read_text(encoding="utf-8"))["cells"]:
            match = STATEMENT.search("".join(cell["source"]))
            if match and is_seed_only(cell):
                seed_only_ids.append(match.group(1))
    assert seed_only_ids
    undeclared = [i for i in seed_only_ids if "course-article" not in get(i).needs]
    assert not undeclared


def test_prints_split_by_the_kernels_flush_timer_are_joined():
    from nbformat.v4 import new_notebook, new_output

    from kitlib.release.stabilize_outputs import stabilize_outputs

    cell = code('print("headline:", None)')
    cell.outputs = [new_output("stream", name="stdout", text="headline:"),
                    new_output("stream", name="stdout", text=" None\n"),
                    new_output("stream", name="stderr", text="warning\n"),
                    new_output("stream", name="stdout", text="date: None\n")]  # fmt: skip
    nb = stabilize_outputs(new_notebook(cells=[cell]), None)
    texts = [(o["name"], o["text"]) for o in nb.cells[0].outputs]
    assert texts == [("stdout", "headline: None\n"), ("stderr", "warning\n"),
                     ("stdout", "date: None\n")]  # fmt: skip


def test_the_article_choice_goes_right_after_the_lessons_own_import():
    from nbformat.v4 import new_notebook

    from kitlib.release.point_to_article import point_to_article

    nb = new_notebook(cells=[code("import kitlib\n\nart = kitlib.load_article()")])
    source = point_to_article(nb, ctx_for(HARBOR)).cells[0].source
    assert source.count("import kitlib") == 1
    assert source.splitlines()[1].startswith('kitlib.use_article("articles/harbor-bridge-vote")')


def test_a_written_answers_opening_line_is_its_stub_not_a_leak():
    import nbformat

    from kitlib.release.leaks import find_leaks

    reflection = (
        '# BEGIN SOLUTION\nanswer = """\nThe mayor speaks most, the residents least.\n"""\n'
    )
    master = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(reflection + "# END SOLUTION")]
    )
    stub = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('answer = """\n\n"""')])
    assert find_leaks(stub, master, "x.ipynb") == []
    leaked = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                'answer = """\nThe mayor speaks most, the residents least.\n"""'
            )
        ]
    )
    assert [leak.what for leak in find_leaks(leaked, master, "x.ipynb")] == [
        "answer line 'The mayor speaks most, the residents least.'"
    ]
