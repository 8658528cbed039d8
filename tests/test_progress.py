"""kitlib.progress(): a local record of right / tried / not tried, kept across kernel restarts,
written atomically, never breaking check(), and never making an executed notebook differ."""

from __future__ import annotations

import json
import os
import sys
import warnings

import pytest

import kitlib
from kitlib import tracking
from kitlib.checking import check, reference, reset_attempts
from kitlib.framework import LESSONS


@pytest.fixture(autouse=True)
def _fresh_kernel_state(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KITLIB_PROGRESS", raising=False)
    tracking.forget_memory()
    reset_attempts()
    yield
    reset_attempts()
    tracking.forget_memory()


def _stored(path) -> dict:
    return json.loads(path.read_text())["exercises"]


def test_the_record_lives_beside_the_notebooks(tmp_path):
    assert tracking.progress_file() == tmp_path / ".kitlib-progress.json"
    check("article.byline", "p01")
    check("article.body-paragraphs", reference("article.body-paragraphs"))
    check("article.missing-parts", reference("article.missing-parts"))
    stored = _stored(tmp_path / ".kitlib-progress.json")
    assert stored == {
        "article.byline": "tried",
        "article.body-paragraphs": "right",
        "article.missing-parts": "written",
    }
    assert [p.name for p in tmp_path.iterdir()] == [".kitlib-progress.json"]  # no temp left


def test_a_right_answer_stays_right_and_a_stub_is_not_an_attempt(tmp_path):
    check("article.byline", reference("article.byline"))
    check("article.byline", "p01")
    check("article.when", ...)
    assert _stored(tmp_path / ".kitlib-progress.json") == {"article.byline": "right"}


def test_the_file_is_written_only_when_something_changes(tmp_path):
    check("article.byline", "p01")
    path = tmp_path / ".kitlib-progress.json"
    before = path.stat().st_mtime_ns
    os.utime(path, ns=(before - 10**9, before - 10**9))
    for _ in range(5):
        check("article.byline", "p02")
    assert path.stat().st_mtime_ns == before - 10**9


def test_progress_shows_every_lesson_as_a_table(tmp_path):
    check("article.byline", reference("article.byline"))
    check("actors.people", ["putin"])
    shown = kitlib.progress()
    table = shown.table
    assert list(table.columns) == [
        "lesson",
        "right",
        "written",
        "tried",
        "not tried",
        "total",
        "to try again",
    ]
    assert list(table.lesson) == sorted(LESSONS.values())
    rows = table.set_index("lesson")
    assert rows.loc["00-meet-the-article", "right"] == 1
    assert rows.loc["01-actors", "tried"] == 1 and rows.loc["01-actors", "to try again"] == "people"
    assert (rows[["right", "written", "tried", "not tried"]].sum(axis=1) == rows.total).all()
    assert rows.total.sum() == len(kitlib.exercises())
    assert set(shown.exercises.state) == {"right", "tried", "not tried"}
    assert "1 right" in repr(shown) and "not tried yet" in repr(shown)


def test_the_figure_is_accessible(tmp_path):
    check("article.byline", reference("article.byline"))
    check("actors.people", ["putin"])
    fig = kitlib.progress().figure()
    assert fig.layout.title.text and fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
    patterns = [trace.marker.pattern.shape for trace in fig.data]
    assert len(set(patterns)) == len(fig.data) == 4  # not colour alone
    assert all(trace.name for trace in fig.data)
    texts = [t for trace in fig.data for t in trace.text if t]
    assert "1 right" in texts and "1 tried" in texts  # the counts are written on the bars
    summary = fig.layout.meta["summary"]
    assert "00-meet-the-article: 1 of" in summary and "01-actors: 0 of" in summary
    assert "http" not in fig.to_json()


def test_deleting_the_file_resets_it(tmp_path):
    check("article.byline", "p01")
    (tmp_path / ".kitlib-progress.json").unlink()
    tracking.forget_memory()  # a new kernel
    assert kitlib.progress().exercises.state.eq("not tried").all()


def test_recording_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_PROGRESS", "off")
    assert check("article.byline", "p01").message
    assert list(tmp_path.iterdir()) == []


def test_a_corrupt_file_never_breaks_check_and_warns_once(tmp_path):
    path = tmp_path / ".kitlib-progress.json"
    path.write_text("{ this is not json")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = check("article.byline", reference("article.byline"))
        second = check("article.body-paragraphs", 3)
    assert first.correct and second.message
    notes = [w for w in caught if issubclass(w.category, tracking.ProgressFileWarning)]
    assert len(notes) == 1, [str(w.message) for w in caught]
    assert "Delete the file" in str(notes[0].message) and "Traceback" not in str(notes[0].message)
    assert path.read_text() == "{ this is not json"  # not ours to overwrite
    assert tracking.state_of("article.byline") == "right"  # kept in memory meanwhile


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can write anyway")
def test_an_unwritable_folder_never_breaks_check(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv("KITLIB_PROGRESS", str(folder / "progress.json"))
    try:
        with pytest.warns(tracking.ProgressFileWarning):
            assert check("article.byline", reference("article.byline")).correct
    finally:
        folder.chmod(0o700)


def test_a_missing_folder_never_breaks_check(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_PROGRESS", str(tmp_path / "no" / "such" / "progress.json"))
    with pytest.warns(tracking.ProgressFileWarning):
        assert check("article.byline", reference("article.byline")).correct
    assert tracking.state_of("article.byline") == "right"


def test_two_kernels_share_the_file_without_losing_entries(tmp_path):
    check("article.byline", "p01")
    # Another notebook's kernel writes its own attempt to the same file meanwhile.
    path = tmp_path / ".kitlib-progress.json"
    stored = json.loads(path.read_text())
    stored["exercises"]["quotes.direct-count"] = "right"
    path.write_text(json.dumps(stored))
    check("article.body-paragraphs", 3)
    both = {"article.byline", "quotes.direct-count", "article.body-paragraphs"}
    assert set(_stored(path)) == both


def test_progress_survives_a_real_kernel_restart(tmp_path):
    jupyter_client = pytest.importorskip("jupyter_client")
    manager = jupyter_client.KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(tmp_path), env={**os.environ, "KITLIB_PROGRESS": ""})
    client = manager.client()
    client.start_channels()

    def run(code: str) -> str:
        client.wait_for_ready(timeout=60)
        out = []

        def keep(msg):
            if msg["msg_type"] == "stream":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                out.append("ERROR " + msg["content"]["evalue"])

        client.execute_interactive(code, timeout=120, output_hook=keep)
        return "".join(out).strip()

    try:
        right = reference("article.byline")
        code = f"import kitlib; kitlib.check('article.byline', {right!r}); print('done')"
        assert run(code) == "done"
        manager.restart_kernel(now=True)
        asked = "import kitlib; print(kitlib.progress().table.loc[0, 'right'])"
        assert run(asked) == "1"
        gated = "import kitlib; print(kitlib.solution('article.byline'))"
        assert run(gated) == right  # the restart kept the attempt, so the gate is open
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert _stored(tmp_path / ".kitlib-progress.json") == {"article.byline": "right"}


def test_an_executed_notebook_gives_the_same_outputs_with_the_file_there(tmp_path):
    """A master run twice in the same folder: the second run finds the first run's file, and
    its outputs (layered feedback, the gate after an attempt) must still be identical."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    right = reference("article.byline")
    cells = [
        "import kitlib",
        "kitlib.check('article.byline', 'p01')",
        "kitlib.check('article.byline', 'p01')",
        f"kitlib.check('article.byline', {right!r})",
        "kitlib.solution('article.byline')",
    ]
    outputs = []
    for _ in range(2):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
        where = {"metadata": {"path": str(tmp_path)}}
        nbclient.NotebookClient(nb, timeout=120, resources=where).execute()
        outputs.append([cell.outputs for cell in nb.cells])
    assert (tmp_path / ".kitlib-progress.json").exists()
    assert outputs[0] == outputs[1]
    first, second = (outputs[0][i][0]["data"]["text/plain"] for i in (1, 2))
    assert first != second  # the nudge, then the evidence: in both runs alike
