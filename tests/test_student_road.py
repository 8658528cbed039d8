"""The learners' door: student copies made on first use, rebuilt when stale, never over a
learner's edits; the install cell for Colab; the learners' JupyterLab without nbgrader; the
Binder files.

No network anywhere: Colab is simulated (``google.colab`` in ``sys.modules``, kitlib hidden
from the import system) and pip is replaced by a recorder.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
import yaml  # noqa: F401  (PyYAML is a kit dependency; binder has no YAML file to parse)

from kitlib import student_copies as sc
from kitlib.release.install_cell import INSTALL_TAG, install_source

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_MASTERS = ROOT / "tests" / "fixtures" / "masters"
MASTER = "01-fixture-counting.ipynb"


@pytest.fixture
def masters(tmp_path) -> Path:
    folder = tmp_path / "masters"
    folder.mkdir()
    shutil.copy(FIXTURE_MASTERS / MASTER, folder / MASTER)
    return folder


def touch_master(masters: Path) -> None:
    """An author's edit: one more markdown cell in the master."""
    path = masters / MASTER
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "markdown", "id": "added", "metadata": {}, "source": "New."})
    path.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")


# --- made on first use, rebuilt when stale, fresh ones left alone ---------------------------


def test_missing_copies_are_made_and_fresh_ones_are_not_touched_again(masters, tmp_path):
    out = tmp_path / "student"
    first = sc.ensure_student_copies(masters, out)
    assert first.built and first.written == [MASTER] and not first.failures
    copy = out / MASTER
    before = (copy.stat().st_mtime_ns, copy.read_bytes())

    second = sc.ensure_student_copies(masters, out)

    assert not second.built and second.written == [] and second.unchanged == []
    assert (copy.stat().st_mtime_ns, copy.read_bytes()) == before
    assert sc.describe(second) == []  # nothing to say: JupyterLab opens at once


def test_a_changed_master_makes_the_copy_stale_and_it_is_rebuilt(masters, tmp_path):
    out = tmp_path / "student"
    sc.ensure_student_copies(masters, out)
    touch_master(masters)
    assert not sc.is_fresh(masters, out)

    again = sc.ensure_student_copies(masters, out)

    assert again.built and again.written == [MASTER]
    cells = json.loads((out / MASTER).read_text(encoding="utf-8"))["cells"]
    assert "".join(cells[-1]["source"]) == "New."
    assert sc.is_fresh(masters, out)


def test_the_fingerprint_covers_the_masters_the_course_article_kitlib_and_python(masters):
    recorded = sc.fingerprint(masters)
    assert sc.fingerprint(masters) == recorded  # deterministic
    touch_master(masters)
    assert sc.fingerprint(masters) != recorded


def test_a_deleted_copy_is_made_again(masters, tmp_path):
    out = tmp_path / "student"
    sc.ensure_student_copies(masters, out)
    (out / MASTER).unlink()
    again = sc.ensure_student_copies(masters, out)
    assert again.written == [MASTER] and (out / MASTER).exists()


def test_an_edited_copy_is_never_overwritten_and_the_learner_is_told_how_to_refresh(
    masters, tmp_path
):
    out = tmp_path / "student"
    sc.ensure_student_copies(masters, out)
    mine = (out / MASTER).read_bytes().replace(b"answer = ...", b"answer = 42", 1)
    assert mine != (out / MASTER).read_bytes()
    (out / MASTER).write_bytes(mine)
    touch_master(masters)  # stale: a rebuild is due

    again = sc.ensure_student_copies(masters, out)

    assert again.kept == [MASTER] and again.written == []
    assert (out / MASTER).read_bytes() == mine
    told = " ".join(sc.describe(again))
    assert "you have edited it" in told and "rename it" in told and "make lab" in told
    # The next start finds the copies fresh and does nothing: the edit stays, still unmarked.
    assert not sc.ensure_student_copies(masters, out).built
    assert (out / MASTER).read_bytes() == mine


def test_a_renamed_edited_copy_gives_way_to_a_fresh_one(masters, tmp_path):
    out = tmp_path / "student"
    sc.ensure_student_copies(masters, out)
    (out / MASTER).write_bytes((out / MASTER).read_bytes() + b" ")
    (out / MASTER).rename(out / "my-work.ipynb")
    again = sc.ensure_student_copies(masters, out)
    assert again.written == [MASTER] and (out / "my-work.ipynb").exists()


def test_the_copies_folder_keeps_the_learners_work_out_of_git(masters, tmp_path):
    out = tmp_path / "student"
    sc.ensure_student_copies(masters, out)
    assert (out / ".gitignore").read_text().splitlines()[-1] == "*"


# --- what a copy holds -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def course_copies(tmp_path_factory) -> Path:
    """The learners' door on the real lessons, once for this module."""
    out = tmp_path_factory.mktemp("course") / "student"
    result = sc.ensure_student_copies(ROOT / "notebooks", out)
    assert not result.failures, result.failures
    return out


def lessons(folder: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(folder.glob("[0-9][0-9]-*.ipynb"))]


def test_every_lesson_has_a_copy_with_no_output_and_no_leak(course_copies):
    from kitlib.release.leaks import check_release

    masters = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert [p.name for p in sorted(course_copies.glob("*.ipynb"))] == [m.name for m in masters]
    for nb in lessons(course_copies):
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None
    # The release's own leak check, on a folder laid out as it expects (DIR/student).
    layout = course_copies.parent / "layout"
    shutil.copytree(course_copies, layout / "student")
    assert check_release(layout, ROOT / "notebooks") == []


def test_copies_store_this_kernels_language_info_so_jupyterlab_finds_nothing_to_change(
    course_copies,
):
    from ipykernel.ipkernel import IPythonKernel

    for nb in lessons(course_copies):
        assert nb["metadata"]["language_info"] == IPythonKernel.language_info
        assert nb["metadata"]["kernelspec"]["name"] == "python3"


# --- the install cell ------------------------------------------------------------------------


def test_the_first_code_cell_of_every_copy_is_the_install_cell(course_copies):
    for nb in lessons(course_copies):
        first = next(c for c in nb["cells"] if c["cell_type"] == "code")
        assert first["metadata"]["tags"] == [INSTALL_TAG]
        assert 'find_spec("kitlib") is None' in "".join(first["source"])
        # The lesson's own article cell still comes next, untouched by the install cell.
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert "import kitlib" in "".join(code[1]["source"])


class PipRecorder:
    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, line):
        self.calls.append(line)


@pytest.fixture
def shell():
    """An IPython shell whose %pip only records what it was asked to install."""
    from IPython.core.interactiveshell import InteractiveShell

    ip = InteractiveShell.instance()
    pip = PipRecorder()
    ip.register_magic_function(pip, "line", "pip")
    yield ip, pip
    InteractiveShell.clear_instance()


@pytest.fixture
def colab(monkeypatch):
    """Colab, as far as the cell can tell: google.colab is importable, kitlib is not."""
    google = types.ModuleType("google")
    google.colab = types.ModuleType("google.colab")
    monkeypatch.setitem(sys.modules, "google", google)
    monkeypatch.setitem(sys.modules, "google.colab", google.colab)
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "kitlib" else real(name, *a)
    )


@pytest.mark.parametrize("url", [None, "https://example.org/reading-the-news"])
def test_in_the_kits_environment_the_install_cell_does_nothing(shell, capsys, url):
    ip, pip = shell
    assert importlib.util.find_spec("kitlib") is not None
    result = ip.run_cell(install_source(url))
    assert result.success and pip.calls == []
    assert capsys.readouterr().out == ""


def test_on_colab_the_install_cell_pip_installs_the_kit_from_its_repository(shell, colab):
    ip, pip = shell
    result = ip.run_cell(install_source("https://example.org/reading-the-news"))
    assert result.success
    assert pip.calls == [
        'install --quiet "reading-the-news @ git+https://example.org/reading-the-news"'
    ]


def test_without_a_known_address_the_install_cell_says_what_to_run_instead_of_guessing(
    shell, colab, capsys
):
    ip, pip = shell
    result = ip.run_cell(install_source(None))
    assert result.success and pip.calls == []
    said = capsys.readouterr().out
    assert "kitlib, which is not installed here" in said and "%pip install" in said


# --- the learners' JupyterLab ------------------------------------------------------------------


def test_the_learners_jupyterlab_turns_off_every_nbgrader_server_extension(tmp_path):
    env = sc.student_lab_env({"JUPYTER_CONFIG_PATH": "/elsewhere"}, tmp_path)
    first, rest = env["JUPYTER_CONFIG_PATH"].split(":", 1)
    assert rest == "/elsewhere"
    server = json.loads((Path(first) / "jupyter_server_config.json").read_text())
    switched = server["ServerApp"]["jpserver_extensions"]
    installed = Path(sys.prefix) / "etc/jupyter/jupyter_server_config.d/nbgrader.json"
    if installed.exists():  # whatever nbgrader enables in this environment, we switch off
        enabled = json.loads(installed.read_text())["ServerApp"]["jpserver_extensions"]
        assert set(enabled) <= set(switched)
    assert switched and not any(switched.values())
    page = json.loads((Path(first) / "labconfig/page_config.json").read_text())
    assert page["disabledExtensions"] == {"@jupyter/nbgrader": True}


def test_kitlib_lab_opens_the_student_copies_and_lab_masters_the_masters(
    course_copies, monkeypatch
):
    from kitlib import cli

    started = []
    monkeypatch.setattr("os.execve", lambda path, argv, env: started.append((argv, env)))
    monkeypatch.chdir(ROOT)

    assert cli.main(["lab", "--student-dir", str(course_copies), "--", "--no-browser"]) == 0
    argv, env = started.pop()
    assert f"--notebook-dir={course_copies}" in argv and argv[-1] == "--no-browser"
    assert str(course_copies / sc.CONFIG_DIR) in env["JUPYTER_CONFIG_PATH"]

    assert cli.main(["lab", "--masters"]) == 0
    argv, env = started.pop()
    assert "--notebook-dir=notebooks" in argv
    assert sc.CONFIG_DIR not in env.get("JUPYTER_CONFIG_PATH", "")


# --- Binder ----------------------------------------------------------------------------------


def test_the_binder_files_are_valid_and_build_the_student_copies():
    binder = ROOT / "binder"
    post_build = binder / "postBuild"
    assert subprocess.run(["bash", "-n", str(post_build)], capture_output=True).returncode == 0
    assert post_build.stat().st_mode & 0o111, "repo2docker runs postBuild only if executable"
    script = post_build.read_text()
    assert "kitlib.student_copies import main" in script and "rm -rf notebooks" in script
    assert (binder / "runtime.txt").read_text().strip() == "python-3.11"
    for line in (binder / "requirements.txt").read_text().splitlines():
        line = line.strip()
        if line.startswith("-c "):
            assert (binder / line[3:]).resolve().exists()  # pip resolves it beside the file
        elif line and not line.startswith("#"):
            from packaging.requirements import Requirement

            Requirement(line)  # raises on a malformed requirement


def test_the_learners_jupyterlab_wraps_printed_lines_between_words(tmp_path):
    env = sc.student_lab_env({}, tmp_path)
    css = Path(env["JUPYTER_CONFIG_DIR"]) / "custom" / "custom.css"
    # JupyterLab's own rule is `.jp-OutputArea-output pre { word-break: break-all }`: ours must
    # be more specific and undo it.
    assert ".jp-OutputArea .jp-OutputArea-output pre" in css.read_text()
    assert "word-break: normal" in css.read_text()
    assert "--LabApp.custom_css=True" in sc.student_lab_command("jupyter", tmp_path)
    # A learner's own configuration folder wins.
    assert sc.student_lab_env({"JUPYTER_CONFIG_DIR": "/mine"}, tmp_path)["JUPYTER_CONFIG_DIR"] == (
        "/mine"
    )
