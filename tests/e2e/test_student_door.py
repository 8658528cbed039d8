"""The learners' door in a real browser: `kitlib lab` (what `make lab` runs) makes the student
copies in a fresh folder, starts JupyterLab on them, and the page lists the student copies and
nothing else; each one, opened, holds no solution and no output, loads no nbgrader, and is not
marked modified once its kernel has started.

The server is the door itself (`kitlib lab --student-dir DIR -- <test flags>`), not the
session's shared server: that one is given its notebooks, this one must make its own.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

pytest.importorskip("playwright.sync_api", reason="needs the e2e extra: pip install -e '.[e2e]'")

from conftest import LAB_SETTINGS, JupyterLab, free_port, wait_for_server, write_json_files
from lesson_files import REPO
from lesson_page import open_notebook, summary

pytestmark = pytest.mark.e2e

MASTERS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.fixture(scope="module")
def student_door(chromium, tmp_path_factory):
    home = tmp_path_factory.mktemp("door")
    folder = home / "student"  # missing: the door must make it
    write_json_files(home / "user-settings", LAB_SETTINGS)
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),  # not this machine's ~/.jupyter
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "IPYTHONDIR": str(home / "ipython"),
    }
    command = [
        sys.executable, "-m", "kitlib", "lab", f"--student-dir={folder}", "--",
        "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
        "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.user_settings_dir={home / 'user-settings'}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
    ]  # fmt: skip
    log = home / "server.log"
    started = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    lab = JupyterLab(f"http://127.0.0.1:{port}", token, folder, log)
    try:
        wait_for_server(lab, process, timeout_s=180)  # copies first (a few seconds), then lab
        with urllib.request.urlopen(f"{lab.base_url}/lab?token={token}", timeout=30) as page:
            assert page.status == 200
        print(f"\nstudent door: /lab answered {time.monotonic() - started:.1f} s after start")
        yield lab
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group this fixture started
            process.wait()


def test_the_file_browser_lists_the_student_copies_and_nothing_else(student_door, open_page):
    page, network = open_page()
    page.goto(f"{student_door.base_url}/lab?token={student_door.token}")
    page.wait_for_function(
        "document.querySelectorAll('.jp-DirListing-content .jp-DirListing-item').length > 0",
        timeout=60_000,
    )
    listed = page.eval_on_selector_all(
        ".jp-DirListing-content .jp-DirListing-item .jp-DirListing-itemText",
        "(items) => items.map((i) => i.textContent.trim())",
    )
    assert sorted(listed) == [m.name for m in MASTERS]
    assert network.outside() == []
    log = student_door.log.read_text(errors="replace")
    assert "Student copies of the lessons" in log
    assert "nbgrader" not in log  # no "No nbgrader_config.py file found", no extension at all


@pytest.mark.parametrize("master", MASTERS, ids=lambda path: path.stem)
def test_each_copy_opens_with_no_solution_no_output_and_unmodified(master, student_door, open_page):
    import nbformat

    from kitlib.release.leaks import MARKERS, secret_lines

    page, _ = open_page()
    open_notebook(page, student_door.base_url, student_door.token, master.name, master.stem)
    seen = summary(page, master.name)
    cells = page.evaluate(
        """(path) => window.__e2e.panel(path).content.widgets.map((c) => ({
             source: c.model.sharedModel.getSource(),
             outputs: c.model.type === 'code' ? c.model.outputs.length : 0}))""",
        master.name,
    )
    assert seen["executed"] == 0 and all(cell["outputs"] == 0 for cell in cells)
    answers = secret_lines(nbformat.read(master, as_version=4))
    shown = {line.strip() for cell in cells for line in cell["source"].split("\n")}
    assert answers and not (answers & shown), sorted(answers & shown)[:5]
    assert not any(marker in cell["source"] for cell in cells for marker in MARKERS)
    # The kernel is idle (open_notebook waited for it): JupyterLab has written its
    # language_info by now, and found nothing to change.
    state = page.evaluate(
        """(path) => ({dirty: window.__e2e.panel(path).context.model.dirty,
                      dot: document.querySelectorAll('.jp-mod-dirty').length})""",
        master.name,
    )
    assert state == {"dirty": False, "dot": 0}
    student_door.shut_down_kernels()
