"""`kitlib release`: student notebooks and answer keys from the masters (issue 4).

Notebook-executing tests are marked ``slow``; they share releases through module-scoped
fixtures so the whole file runs in about a minute on two cores.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kitlib.cli import main
from kitlib.release.stubs import code_stub

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_MASTERS = FIXTURES / "masters"
OTHER_ARTICLE = FIXTURES / "articles" / "harbor-bridge-vote"
COUNTING = "01-fixture-counting"


def release_cli(masters: Path, out: Path, *extra: str) -> int:
    args = ["release", "--masters", str(masters), "--out", str(out), "--no-progress", *extra]
    return main(args)


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}  # fmt: skip


def read_nb(path: Path):
    import nbformat

    return nbformat.read(path, as_version=4)


def counting_masters(tmp: Path) -> Path:
    masters = tmp / "masters"
    masters.mkdir()
    shutil.copy(FIXTURE_MASTERS / f"{COUNTING}.ipynb", masters)
    return masters


@pytest.fixture(scope="module")
def seed_release(tmp_path_factory):
    """One release of the counting fixture, for the tests that only read it."""
    tmp = tmp_path_factory.mktemp("seed")
    masters = counting_masters(tmp)
    assert release_cli(masters, tmp / "release") == 0
    return masters, tmp / "release"


# --- stubs (fast) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "stub"),
    [
        (['answer = cues.count("said")'], ["# YOUR CODE HERE", "answer = ..."]),
        (["counts = art.quotes.groupby('speaker_id').size()", "answer = counts.idxmax()"],
         ["# YOUR CODE HERE", "counts = ...", "answer = ..."]),
        (["first, last = items[0], items[-1]"], ["# YOUR CODE HERE", "first, last = ..., ..."]),
        (["answer: int = 3", "answer = answer + 1"], ["# YOUR CODE HERE", "answer = ..."]),
        (["answer = [", "    'said',", "]"], ["# YOUR CODE HERE", "answer = ..."]),
        (["return items[0]"], ["# YOUR CODE HERE", "pass"]),
        (["print('no assignment')"], ["# YOUR CODE HERE", "pass"]),
    ],
)  # fmt: skip
def test_code_stub_keeps_only_the_assigned_names(region, stub):
    assert code_stub(region) == stub


def test_code_stub_keeps_the_region_indent():
    assert code_stub(["x = 1"], indent="    ") == ["    # YOUR CODE HERE", "    x = ..."]


# --- the student notebook ----------------------------------------------------------------


@pytest.mark.slow
def test_student_notebook_has_stubs_and_nothing_else(seed_release):
    masters, out = seed_release
    student = read_nb(out / "student" / f"{COUNTING}.ipynb")
    sources = [cell.source for cell in student.cells]
    text = "\n".join(sources)
    assert 'answer = ...\nprint("your answer:", answer)' in text
    assert "first, last = ..., ..." in text
    assert "def ends(items):\n    # YOUR CODE HERE\n    pass" in text
    assert "YOUR ANSWER HERE" in text  # the written answer's stub
    assert 'cues.count("said")' not in text and "It reports speech" not in text
    assert "assert answer == 3" not in text and "HIDDEN" not in text
    assert 'print("checked when graded")' in text  # the visible part of a test cell stays
    assert "widgets" not in student.metadata
    locked = [c for c in student.cells if c.metadata.get("nbgrader", {}).get("locked")]
    assert locked and all(not c.metadata["editable"] and not c.metadata["deletable"]
                          for c in locked)  # fmt: skip
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    # The cell ids are derived from the notebook's name and the master cell's index; the
    # install cell (first, for Colab and Binder) has its own.
    lesson = [c for c in student.cells if "install-kit" not in c.metadata.get("tags", [])]
    assert [c.id for c in student.cells if c not in lesson] == [f"{COUNTING}-install-kit"]
    assert [cell.id for cell in lesson] == [
        f"{COUNTING}-c{index:03d}" for index in range(len(lesson))
    ]


@pytest.mark.slow
def test_student_notebook_passes_nbgraders_metadata_check(seed_release):
    pytest.importorskip("nbgrader")
    from nbgrader.preprocessors import CheckCellMetadata

    _, out = seed_release
    student = read_nb(out / "student" / f"{COUNTING}.ipynb")
    CheckCellMetadata().preprocess(student, {})  # raises on invalid metadata
    grade_ids = [c.metadata["nbgrader"]["grade_id"] for c in student.cells
                 if "nbgrader" in c.metadata]  # fmt: skip
    assert grade_ids == ["count-said", "count-said-test", "explain-said", "first-last",
                         "first-last-test"]  # fmt: skip


@pytest.mark.slow
def test_answer_key_is_executed_and_bannered(seed_release):
    _, out = seed_release
    key = read_nb(out / "answer-key" / f"{COUNTING}.ipynb")
    assert "ANSWER KEY" in key.cells[0].source
    executed = [c for c in key.cells if c.cell_type == "code" and c.execution_count]
    assert len(executed) == sum(c.cell_type == "code" for c in key.cells)
    assert "assert answer == 3" in "\n".join(c.source for c in key.cells)  # hidden tests ran
    outputs = [o for c in key.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs)
    assert "widgets" not in key.metadata
    assert not any("execution" in c.metadata for c in key.cells)  # no timestamps


@pytest.mark.slow
def test_answer_key_html_draws_plots_offline(seed_release):
    _, out = seed_release
    html = (out / "answer-key" / f"{COUNTING}.html").read_text(encoding="utf-8")
    assert "ANSWER KEY" in html
    assert html.count("Plotly.newPlot(") == 1  # the one figure of the fixture
    assert len(re.findall(r"plotly\.js v\d", html)) == 1  # the library, embedded once
    assert not re.search(r"<script[^>]+src=", html)  # nothing loaded from a CDN


# --- determinism -------------------------------------------------------------------------


@pytest.mark.slow
def test_two_releases_give_identical_bytes(seed_release, tmp_path):
    masters, first = seed_release
    before = files_of(first)
    assert release_cli(masters, first) == 0  # again, in place
    assert files_of(first) == before
    assert release_cli(masters, tmp_path / "elsewhere") == 0  # and in a fresh folder
    assert files_of(tmp_path / "elsewhere") == before


# --- never lose work ---------------------------------------------------------------------


@pytest.mark.slow
def test_edited_student_copy_survives_and_force_replaces_it(tmp_path, capsys):
    masters = counting_masters(tmp_path)
    out = tmp_path / "release"
    assert release_cli(masters, out) == 0
    student = out / "student" / f"{COUNTING}.ipynb"
    generated = student.read_bytes()
    edited = generated.replace(b"Exercise 1.", b"Exercise 1 (edited by the instructor).")
    student.write_bytes(edited)
    # The master changes too, so the kit would write something new.
    master = masters / f"{COUNTING}.ipynb"
    master.write_text(master.read_text().replace("Exercise 3.", "Exercise 3 (new)."))
    capsys.readouterr()

    assert release_cli(masters, out) == 0
    assert student.read_bytes() == edited
    printed = capsys.readouterr().out
    assert f"student/{COUNTING}.ipynb" in printed and "--force" in printed
    key = (out / "answer-key" / f"{COUNTING}.ipynb").read_text()
    assert "Exercise 3 (new)." in key  # the untouched answer key was updated

    assert release_cli(masters, out) == 0  # still kept on the next run
    assert student.read_bytes() == edited

    assert release_cli(masters, out, "--force") == 0
    replaced = student.read_text()
    assert "edited by the instructor" not in replaced and "Exercise 3 (new)." in replaced


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path, monkeypatch):
    from kitlib.release import files

    target = tmp_path / "student" / "01-x.ipynb"
    target.parent.mkdir()
    target.write_bytes(b"previous release")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(target, b"half of the new rel")
    assert target.read_bytes() == b"previous release"
    assert [p.name for p in target.parent.iterdir()] == ["01-x.ipynb"]  # no temp file left


def test_an_interrupted_release_leaves_whole_files_and_an_honest_manifest(tmp_path, monkeypatch):
    from kitlib.release import command, files

    masters = counting_masters(tmp_path)
    out = tmp_path / "release"
    names = ["answer-key/x.html", "answer-key/x.ipynb", "student/x.ipynb"]

    def build(version: str):
        files = {name: f"{name} {version}".encode() for name in names}
        return lambda *args: iter([command._Outcome("x.ipynb", files=files)])

    monkeypatch.setattr("kitlib.release.leaks.check_release", lambda *args: [])
    monkeypatch.setattr(command, "_build_all", build("v1"))
    command.release(masters, out)

    real_write, written = files.write_atomic, []

    def interrupted_at_second_file(path, data):
        if written:
            raise KeyboardInterrupt
        written.append(path)
        real_write(path, data)

    monkeypatch.setattr(command, "_build_all", build("v2"))
    monkeypatch.setattr(files, "write_atomic", interrupted_at_second_file)
    with pytest.raises(KeyboardInterrupt):
        command.release(masters, out)
    assert [(out / n).read_bytes() for n in names] == [
        b"answer-key/x.html v2", b"answer-key/x.ipynb v1", b"student/x.ipynb v1"]  # fmt: skip

    monkeypatch.setattr(files, "write_atomic", real_write)
    report = command.release(masters, out)
    assert report.kept == []  # the file replaced before the interruption is not "edited"
    # The settings file is the same in every release; of the notebooks, the one replaced before
    # the interruption is unchanged now.
    assert report.unchanged == ["answer-key/x.html", "student/kitlib-settings.json"]
    assert [(out / n).read_bytes() for n in names] == [f"{n} v2".encode() for n in names]


# --- leaks -------------------------------------------------------------------------------


@pytest.mark.slow
def test_leak_check_passes_on_a_release_and_finds_planted_leaks(seed_release, tmp_path):
    masters, out = seed_release
    copy = tmp_path / "release"
    shutil.copytree(out, copy)
    assert main(["release", "--check", "--masters", str(masters), "--out", str(copy)]) == 0

    from kitlib.release.leaks import check_release

    path = copy / "student" / f"{COUNTING}.ipynb"
    nb = json.loads(path.read_text())
    exercise = next(c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {})
                    .get("grade_id") == "count-said")  # fmt: skip
    exercise["source"] = 'answer = cues.count("said")\n'
    test_cell = next(c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {})
                     .get("grade_id") == "first-last-test")  # fmt: skip
    test_cell["source"] = "### BEGIN HIDDEN TESTS\n"
    first_code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    first_code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "3\n"}]
    nb["metadata"]["widgets"] = {"state": {}}
    path.write_text(json.dumps(nb))

    found = [str(leak) for leak in check_release(copy, masters)]
    assert any("answer line 'answer = cues.count(\"said\")'" in f for f in found)
    assert any("marker 'BEGIN HIDDEN TESTS'" in f for f in found)
    assert any("stored output" in f for f in found)
    assert any("widget state" in f for f in found)
    assert main(["release", "--check", "--masters", str(masters), "--out", str(copy)]) == 1


def test_python_dash_m_kitlib_runs_the_leak_check(tmp_path):
    (tmp_path / "student").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "kitlib", "release", "--check", "--masters", str(FIXTURE_MASTERS),
         "--out", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Leak check" in result.stdout


# --- a broken master ---------------------------------------------------------------------


@pytest.mark.slow
def test_broken_master_is_named_and_other_outputs_stay_intact(tmp_path, capsys):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    masters = counting_masters(tmp_path)
    out = tmp_path / "release"
    good = new_notebook(cells=[new_markdown_cell("# Broken soon"), new_code_cell("x = 1"),
                               new_code_cell("y = x + 1")])  # fmt: skip
    nbformat.write(good, masters / "02-broken.ipynb")
    assert release_cli(masters, out) == 0
    before = files_of(out)

    good.cells[2].source = "y = x / 0"
    nbformat.write(good, masters / "02-broken.ipynb")
    master = masters / f"{COUNTING}.ipynb"  # the other master changes as well
    master.write_text(master.read_text().replace("Exercise 3.", "Exercise 3 (new)."))
    capsys.readouterr()

    assert release_cli(masters, out) == 1
    err = capsys.readouterr().err
    assert (
        "02-broken.ipynb: cell 2 failed on article 'ukraine-peace-plan': "
        "ZeroDivisionError: division by zero" in err
    )
    after = files_of(out)
    for name in ("student/02-broken.ipynb", "answer-key/02-broken.ipynb",
                 "answer-key/02-broken.html"):  # fmt: skip
        assert after[name] == before[name]  # the previous release of it, whole
    assert "Exercise 3 (new)." in after[f"student/{COUNTING}.ipynb"].decode()


# --- another article ---------------------------------------------------------------------


def execute_in(nb, folder: Path):
    """Run a released notebook where it lies, as a student would; return it executed."""
    from nbclient import NotebookClient

    from kitlib.release.workers import kernel_env

    env = {k: v for k, v in os.environ.items() if k != "KITLIB_ARTICLE"}
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})  # fmt: skip
    client.execute(env={**env, **kernel_env()})
    return nb


def outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def article_release(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("other-article")
    out = tmp / "release"
    assert release_cli(FIXTURE_MASTERS, out, "--article", str(OTHER_ARTICLE)) == 0
    return out


@pytest.mark.slow
def test_release_for_another_article_points_every_notebook_to_it(article_release):
    student = read_nb(article_release / "student" / "02-fixture-article.ipynb")
    setup = next(c.source for c in student.cells if "import kitlib" in c.source)
    match = re.search(r'kitlib\.use_article\("([^"]+)"\)', setup)
    assert match, setup
    recorded = match.group(1)
    assert recorded == "articles/harbor-bridge-vote"  # relative: the same on any machine
    for folder in ("student", "answer-key"):  # a copy beside the notebooks: self-contained
        copy = article_release / folder / recorded
        for name in ("article.txt", "annotation.yaml"):
            assert (copy / name).read_bytes() == (OTHER_ARTICLE / name).read_bytes()
    assert "art = kitlib.load_article()" in setup


@pytest.mark.slow
def test_seed_only_cells_are_left_out_for_students_and_flagged_for_instructors(article_release):
    master = read_nb(FIXTURE_MASTERS / "02-fixture-article.ipynb")
    seed_only = [c for c in master.cells if "seed-only" in c.metadata.get("tags", [])]
    assert len(seed_only) == 2
    student = read_nb(article_release / "student" / "02-fixture-article.ipynb")
    assert len(student.cells) == len(master.cells) - 2 + 1  # + the install cell
    assert "Naumov" not in "\n".join(c.source for c in student.cells)
    key = read_nb(article_release / "answer-key" / "02-fixture-article.ipynb")
    notes = [c for c in key.cells if "instructor-note" in c.metadata.get("tags", [])]
    assert len(notes) == 2 and all("harbor-bridge-vote" in n.source for n in notes)
    assert 'art.actor("Naumov").role' in notes[1].source  # the original, to rewrite


@pytest.mark.slow
def test_student_notebooks_for_another_article_run_clean(article_release):
    folder = article_release / "student"
    executed = {}
    for path in sorted(folder.glob("*.ipynb")):
        nb = execute_in(read_nb(path), folder)  # raises CellExecutionError on any error
        assert not [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
        executed[path.stem] = nb
    text = outputs_text(executed["02-fixture-article"])
    assert "harbor-bridge-vote" in text  # the lesson loaded the other article
    # Each stubbed check says "not answered yet" instead of raising.
    assert text.count("Not answered yet (") == 2


@pytest.mark.slow
def test_answer_keys_for_another_article_pass_every_check(article_release):
    import kitlib

    other = kitlib.load_article(OTHER_ARTICLE)
    key = read_nb(article_release / "answer-key" / "02-fixture-article.ipynb")
    text = outputs_text(key)
    assert "harbor-bridge-vote" in text and "ukraine-peace-plan" not in text
    assert text.count("✓ Correct") == 2 and "Not yet" not in text
    # The hidden tests ran in the answer key (it executed without an error) ...
    assert "assert kitlib.check(" in "\n".join(c.source for c in key.cells)
    # ... and the solutions were computed from the other article's annotation.
    direct = int((other.quotes.kind == "direct").sum())
    assert f"{direct} direct quotes" in text


@pytest.mark.slow
def test_a_solution_failing_its_own_check_fails_that_notebook(tmp_path, capsys):
    masters = tmp_path / "masters"
    masters.mkdir()
    master = (FIXTURE_MASTERS / "02-fixture-article.ipynb").read_text()
    wrong = master.replace('answer = int((art.quotes.kind == \\"direct\\").sum())', "answer = 99")
    assert wrong != master
    (masters / "02-fixture-article.ipynb").write_text(wrong)
    assert release_cli(masters, tmp_path / "release") == 1
    err = capsys.readouterr().err
    # The graded test cell's hidden assert stops the run and is named.
    assert (
        "02-fixture-article.ipynb: cell 7 (exercise `quotes.fixture-direct-count`) failed on "
        "article 'ukraine-peace-plan': AssertionError" in err
    )
    assert 'assert kitlib.check("quotes.fixture-direct-count", answer).correct' in err
    assert not (tmp_path / "release" / "answer-key" / "02-fixture-article.ipynb").exists()


def test_an_ungraded_check_that_is_not_correct_fails_the_answer_key():
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from kitlib.release.context import ReleaseContext
    from kitlib.release.require_correct_checks import AnswerKeyCheckError, require_correct_checks

    ctx = ReleaseContext(notebook_name="05-reflect", article_name="harbor-bridge-vote")
    box = '<div role="status" class="kitlib-feedback kitlib-{}">...</div>'
    cell = new_code_cell("answer = 'x'\nkitlib.check('sources.why', answer)",
                         metadata={"nbgrader": {"solution": True}})  # fmt: skip
    cell["id"] = "05-reflect-c004"
    cell.outputs = [new_output("execute_result", {"text/html": box.format("correct"),
                                                  "text/plain": "ok"})]  # fmt: skip
    nb = new_notebook(cells=[cell])
    assert require_correct_checks(nb, ctx) is nb
    cell.outputs[0]["data"] = {"text/html": box.format("error"), "text/plain": "! broken"}
    with pytest.raises(AnswerKeyCheckError, match=r"05-reflect.ipynb: .*\n  - cell 4: ! broken"):
        require_correct_checks(nb, ctx)


# --- the real lessons (tests/test_any_article.py releases them for every fixture) ----------

LESSON_MASTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def _execute_student(path: Path) -> tuple[str, str]:
    """(notebook name, the text of its outputs); raises if a cell fails."""
    return path.name, outputs_text(execute_in(read_nb(path), path.parent))


def test_the_notebooks_record_the_articles_copy_or_a_shipped_articles_name(tmp_path):
    from kitlib.release.command import article_reference

    name, recorded, source = article_reference(OTHER_ARTICLE, tmp_path / "release")
    assert (name, recorded) == ("harbor-bridge-vote", "articles/harbor-bridge-vote")
    assert Path(source) == OTHER_ARTICLE.resolve()  # where the release reads it, not recorded
    assert article_reference("alderwick-library-vote", tmp_path) == (
        "alderwick-library-vote", "alderwick-library-vote", "alderwick-library-vote")  # fmt: skip
    assert article_reference(ROOT / "seeds" / "ukraine-peace-plan", tmp_path)[:2] == (
        "ukraine-peace-plan", None)  # fmt: skip
    assert article_reference(None, tmp_path) == ("ukraine-peace-plan", None, None)
