"""The stock lessons released for every fixture article: they release, run and speak of it.

Each fixture has a different shape (no byline, everyone quoted, no countries with two declared
sides, a long one). For each: the release exits 0 with every lesson, every lesson keeps at
least 4 exercises, the student copies run clean from a folder handed out on its own, every
answer-key check is correct, and no word of the course article (derived from its annotation,
see course_words.py) reaches the students: not in the lesson text, the outputs, the figures'
titles and summaries, nor in any feedback or hint of the exercises that apply.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kitlib.cli import main
from tests.course_words import find_course_words, notebook_texts

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
ARTICLES = sorted(p.name for p in FIXTURES.iterdir() if (p / "annotation.yaml").is_file())
LESSON_MASTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
MIN_EXERCISES = 4
STATEMENT = re.compile(r"\*\*Exercise (\d+)\*\*")


def read_nb(path: Path):
    import nbformat

    return nbformat.read(path, as_version=4)


def execute_where_it_lies(path: Path):
    """Run a student notebook in its folder, as a student would; raises on a failing cell."""
    import os

    import nbformat
    from nbclient import NotebookClient

    from kitlib.release.workers import kernel_env

    nb = read_nb(path)
    env = {k: v for k, v in os.environ.items() if k != "KITLIB_ARTICLE"}
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})  # fmt: skip
    client.execute(env={**env, **kernel_env()})
    path.write_text(nbformat.writes(nb), encoding="utf-8")
    return nb


@pytest.fixture(scope="module", params=ARTICLES)
def released(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param) / "release"
    code = main(["release", "--article", str(FIXTURES / request.param), "--out", str(out),
                 "--no-progress"])  # fmt: skip
    return request.param, code, out


def article_text(name: str) -> str:
    return (FIXTURES / name / "article.txt").read_text(encoding="utf-8")


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not LESSON_MASTERS, reason="no lessons in notebooks/"),
]


def test_the_release_exits_0_with_every_lesson(released):
    name, code, out = released
    assert code == 0, name
    for folder in ("student", "answer-key"):
        got = sorted(p.name for p in (out / folder).glob("*.ipynb"))
        assert got == [p.name for p in LESSON_MASTERS], (name, folder)


def test_every_lesson_keeps_enough_exercises_numbered_without_gaps(released):
    name, _code, out = released
    for path in sorted((out / "student").glob("*.ipynb")):
        numbers = [int(n) for n in STATEMENT.findall(path.read_text(encoding="utf-8"))]
        assert numbers == list(range(1, len(numbers) + 1)), (name, path.name)
        assert len(numbers) >= MIN_EXERCISES, (name, path.name, len(numbers))
    for path in sorted((out / "answer-key").glob("*.ipynb")):
        numbers = [int(n) for n in STATEMENT.findall(path.read_text(encoding="utf-8"))]
        assert numbers == list(range(1, len(numbers) + 1)), (name, path.name)  # notes unnumbered


def test_the_lesson_header_budgets_the_exercises_it_keeps(released):
    from kitlib.release.lesson_time import TIME

    name, _code, out = released
    for path in sorted((out / "student").glob("*.ipynb")):
        master = (ROOT / "notebooks" / path.name).read_text(encoding="utf-8")
        kept = len(STATEMENT.findall(path.read_text(encoding="utf-8")))
        stated = len(STATEMENT.findall(master))
        header = TIME.search(path.read_text(encoding="utf-8"))
        master_header = TIME.search(master)
        assert header and master_header, path.name
        reading, minutes = int(header.group(2)), int(header.group(3))
        assert int(header.group(1)) == reading + minutes
        if kept < stated:
            assert minutes < int(master_header.group(3)), (name, path.name)


def test_student_copies_handed_out_alone_run_clean_without_course_words(released, tmp_path):
    name, _code, out = released
    handout = tmp_path / "handout"  # the student folder alone, somewhere else
    shutil.copytree(out / "student", handout)
    allowed = article_text(name)
    found = []
    for path in sorted(handout.glob("*.ipynb")):
        nb = execute_where_it_lies(path)
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
        assert not errors, (name, path.name, errors)
        for where, text in notebook_texts(path):
            words = find_course_words(text, allowed)
            if words:
                found.append(f"{where}: {', '.join(words)}")
    assert not found, f"{name}: course words in the student copies:\n" + "\n".join(found)


def test_answer_keys_pass_every_check_and_their_outputs_speak_of_the_article(released):
    name, _code, out = released
    allowed = article_text(name)
    found = []
    for path in sorted((out / "answer-key").glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        assert "Not yet (" not in text and "needs attention" not in text, (name, path.name)
        for where, chunk in notebook_texts(path):
            if " output" not in where:
                continue  # sources hold the instructor notes, which quote the masters
            words = find_course_words(chunk, allowed)
            if words:
                found.append(f"{where}: {', '.join(words)}")
    assert not found, f"{name}: course words in the answer keys' outputs:\n" + "\n".join(found)


@pytest.mark.parametrize("name", ARTICLES)
def test_feedback_and_hints_of_the_exercises_that_apply_speak_of_the_article(name):
    import kitlib
    from kitlib.framework import all_exercises

    art = kitlib.load_article(FIXTURES / name)
    allowed = article_text(name)
    found = []
    for exercise in all_exercises():
        if exercise.applies(art) or exercise.lesson == "05-your-turn":
            continue  # left out, or the capstone on its own shipped article
        texts = [exercise.prompt, *exercise.ladder(art)]
        right = kitlib.check(exercise.exercise_id, exercise.solution(art), article=art)
        texts += [right.message, kitlib.check(exercise.exercise_id, None, article=art).message]
        for text in texts:
            words = find_course_words(str(text), allowed)
            if words:
                found.append(f"{exercise.exercise_id}: {', '.join(words)} in {str(text)[:80]!r}")
    assert not found, "\n".join(found)


def test_validate_previews_what_each_lesson_keeps(capsys):
    assert main(["validate", str(FIXTURES / ARTICLES[0])]) == 0
    printed = capsys.readouterr().out
    for master in LESSON_MASTERS:
        assert re.search(rf"{master.stem}: \d+ exercise\(s\) kept", printed), master.stem
