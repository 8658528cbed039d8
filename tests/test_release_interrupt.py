"""Stopping a release (issue 11): Ctrl-C, a killed parent, a kernel that does not start.

The process tests run ``kitlib release`` in its own session, wait until a kernel runs, then
signal it, and look for survivors among every process of that session (kernels start their
own sessions, so they are found as descendants of the release).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_MASTERS = ROOT / "tests" / "fixtures" / "masters"
psutil = pytest.importorskip("psutil")


def release_process(out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "kitlib", "release", "--masters", str(FIXTURE_MASTERS),
               "--out", str(out), "--no-progress", "--force"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def descendants(pid: int) -> list:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def is_kernel(process) -> bool:
    try:
        return "ipykernel" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def wait_for_kernels(proc: subprocess.Popen, count: int = 1, limit: float = 90) -> list:
    """The release's processes once ``count`` kernels run (each executes a notebook)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        found = descendants(proc.pid)
        if sum(is_kernel(p) for p in found) >= count:
            time.sleep(1.0)  # let the kernels get past their start, into the cells
            return descendants(proc.pid)
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    pytest.fail("no kernel started in time")


def alive(processes, within: float) -> list:
    """Those of ``processes`` still running after ``within`` seconds (zombies count as gone)."""
    deadline = time.monotonic() + within
    while True:
        left = [p for p in processes if _running(p)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)


def _running(process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def strays(processes, out: Path) -> list:
    """Any process, anywhere, that is a worker of this release or a kernel one started:
    also a kernel started after ``processes`` was listed (kernels lead their own session)."""
    workers = {p.pid for p in processes if not is_kernel(p)}
    found = []
    for process in psutil.process_iter():
        try:
            if process.pid == os.getpid() or process.status() == psutil.STATUS_ZOMBIE:
                continue
            parent = process.environ().get("JPY_PARENT_PID", "")
            if str(out) in " ".join(process.cmdline()) or (
                parent.isdigit() and int(parent) in workers
            ):
                found.append(process)
        except psutil.Error:  # gone meanwhile, or not ours to read
            continue
    return found


def released_files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}  # fmt: skip


def assert_whole(out: Path, before: dict[str, bytes]) -> None:
    after = released_files(out)
    assert set(after) == set(before)  # nothing added: no temporary file left behind
    for name, data in after.items():
        if name.endswith((".ipynb", ".json")):
            json.loads(data)
        else:
            assert data.rstrip().endswith(b"</html>"), name
        # The new release of an unchanged master is byte-identical; so old == new here.
        assert data == before[name], name


@pytest.fixture(scope="module")
def first_release(tmp_path_factory):
    out = tmp_path_factory.mktemp("interrupt") / "release"
    proc = release_process(out)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    return out


@pytest.mark.slow
def test_ctrl_c_stops_the_release_at_once_and_leaves_nothing_behind(first_release):
    before = released_files(first_release)
    proc = release_process(first_release)
    processes = wait_for_kernels(proc)
    assert any(is_kernel(p) for p in processes)
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    stdout, stderr = proc.communicate(timeout=30)
    took = time.monotonic() - sent

    assert proc.returncode == 130, stderr
    assert took < 5, f"took {took:.1f} s to stop"
    output = stdout + stderr
    assert "Traceback" not in output and "Task exception" not in output, output
    assert "interrupted" in stderr
    assert "Fix the master" not in output and "FAILED" not in output, output
    assert alive(processes, within=2) == []
    assert strays(processes, first_release) == []
    assert_whole(first_release, before)


@pytest.mark.slow
def test_workers_and_kernels_die_with_a_killed_release(first_release):
    proc = release_process(first_release)
    processes = wait_for_kernels(proc, count=1)
    proc.kill()  # SIGKILL: no handler runs in the parent
    proc.communicate(timeout=30)
    assert alive(processes, within=5) == []
    assert strays(processes, first_release) == []


# --- a kernel that does not start (no real kernel) -----------------------------------------


class FakeClient:
    """Stands for nbclient's NotebookClient: the first ``failures`` starts fail."""

    attempts: list[int] = []
    failures = 1

    def __init__(self, nb, startup_timeout, on_cell_start, **kwargs):
        self.nb, self.startup_timeout, self.on_cell_start = nb, startup_timeout, on_cell_start

    def execute(self, **kwargs):
        FakeClient.attempts.append(self.startup_timeout)
        if len(FakeClient.attempts) <= FakeClient.failures:
            raise RuntimeError("Kernel died before replying to kernel_info")
        for index, cell in enumerate(self.nb.cells):
            self.on_cell_start(cell=cell, cell_index=index)
        return self.nb


def fake_kernels(monkeypatch, failures: int):
    import nbclient

    monkeypatch.setattr(nbclient, "NotebookClient", FakeClient)
    monkeypatch.setattr(FakeClient, "attempts", [])
    monkeypatch.setattr(FakeClient, "failures", failures)


def tiny_notebook():
    from nbformat.v4 import new_code_cell, new_notebook

    return new_notebook(cells=[new_code_cell("x = 1")])


def context():
    from kitlib.release.context import ReleaseContext

    return ReleaseContext(notebook_name="01-actors", article_name="", execution_dir=".",
                          kernel_env={}, timeout=30)  # fmt: skip


def test_a_kernel_that_fails_to_start_is_started_again_with_more_time(monkeypatch):
    from kitlib.release import execute

    fake_kernels(monkeypatch, failures=1)
    nb = tiny_notebook()
    assert execute.execute(nb, context()) is nb
    assert FakeClient.attempts == [execute.STARTUP_TIMEOUT, execute.RETRY_STARTUP_TIMEOUT]
    assert execute.RETRY_STARTUP_TIMEOUT > execute.STARTUP_TIMEOUT


def test_a_kernel_failing_twice_is_reported_as_the_kernel_not_the_master(monkeypatch):
    from kitlib.release import execute

    fake_kernels(monkeypatch, failures=2)
    with pytest.raises(execute.KernelStartError) as raised:
        execute.execute(tiny_notebook(), context())
    message = str(raised.value)
    assert len(FakeClient.attempts) == 2
    assert message.startswith("01-actors.ipynb: the Jupyter kernel failed to start")
    assert "Kernel died before replying to kernel_info" in message
    assert "not a problem of the master" in message
    assert "Fix the master" not in message and "cell" not in message.split(":")[1]
    assert not isinstance(raised.value, execute.MasterExecutionError)


def test_a_cell_that_fails_is_still_the_masters_and_is_not_retried(monkeypatch):
    from kitlib.release import execute

    class FailingCell(FakeClient):
        def execute(self, **kwargs):
            FakeClient.attempts.append(self.startup_timeout)
            self.on_cell_start(cell=self.nb.cells[0], cell_index=0)
            raise RuntimeError("Kernel died before replying to kernel_info")

    fake_kernels(monkeypatch, failures=0)
    monkeypatch.setattr("nbclient.NotebookClient", FailingCell)
    with pytest.raises(execute.MasterExecutionError) as raised:
        execute.execute(tiny_notebook(), context())
    assert len(FakeClient.attempts) == 1
    assert "Fix the master" in str(raised.value)


def test_the_interruption_message_names_what_was_released_and_what_was_not():
    from kitlib.errors import ReleaseInterrupted

    stopped = ReleaseInterrupted("release", ["01-a.ipynb"], ["03-c.ipynb", "02-b.ipynb"])
    line = stopped.summary()
    assert "\n" not in line
    assert "1 notebook(s) released (01-a.ipynb), 2 not (02-b.ipynb, 03-c.ipynb)" in line
    assert "release/ is whole" in line
    assert isinstance(stopped, KeyboardInterrupt)  # code that catches Ctrl-C still does
    failed = ReleaseInterrupted("release", [], ["02-b.ipynb"], failed=["01-a.ipynb"])
    assert "0 notebook(s) released, 1 not (02-b.ipynb), 1 failed (01-a.ipynb)" in failed.summary()


def test_an_interrupted_release_exits_130_with_one_line(tmp_path, monkeypatch, capsys):
    from kitlib.cli import main
    from kitlib.release import command

    masters = tmp_path / "masters"
    masters.mkdir()
    for name in ("01-a.ipynb", "02-b.ipynb"):
        (masters / name).write_text(json.dumps({"cells": [], "metadata": {},
                                                "nbformat": 4, "nbformat_minor": 5}))  # fmt: skip

    def first_then_ctrl_c(*args):
        yield command._Outcome("01-a.ipynb", files={"student/01-a.ipynb": b"{}\n"})
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "_build_all", first_then_ctrl_c)
    monkeypatch.setattr(command, "left_out_exercises", lambda *args: {})
    out = tmp_path / "release"
    code = main(["release", "--masters", str(masters), "--out", str(out), "--no-progress"])
    captured = capsys.readouterr()
    assert code == 130
    assert captured.err.count("\n") == 1, captured.err
    assert "interrupted: 1 notebook(s) released (01-a.ipynb), 1 not (02-b.ipynb)" in captured.err
    assert (out / "student" / "01-a.ipynb").read_bytes() == b"{}\n"
    assert "Traceback" not in captured.out + captured.err
