"""A command whose optional extra is missing says which, in one line, and exits 1 (issue 11).

The missing module is simulated with ``sys.modules[name] = None``, which makes both
``import name`` and ``importlib.util.find_spec(name)`` behave as if it were not installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from kitlib.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_MASTERS = ROOT / "tests" / "fixtures" / "masters"


@pytest.fixture(autouse=True)
def no_jupyterlab_launch(monkeypatch):
    """Should a check fail to stop `kitlib lab`, fail the test instead of replacing pytest."""

    def refuse(*args):
        raise AssertionError(f"would have started {args[:2]}")

    monkeypatch.setattr(os, "execve", refuse)


def without(monkeypatch, *modules: str) -> None:
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def run(argv, capsys) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.err


@pytest.mark.parametrize(
    ("argv", "module", "extra"),
    [
        (["release", "--masters", str(FIXTURE_MASTERS), "--no-progress"], "nbconvert", "release"),
        (["release", "--masters", str(FIXTURE_MASTERS)], "nbclient", "release"),
        (["release", "--check", "--masters", str(FIXTURE_MASTERS)], "nbformat", "release"),
        (["release", "--masters", str(FIXTURE_MASTERS)], "ipykernel", "release"),
        (["execute", str(FIXTURE_MASTERS / "01-fixture-counting.ipynb")], "nbclient", "release"),
        (["lab"], "jupyterlab", "lab"),
        (["lab", "--masters"], "jupyterlab", "lab"),
    ],
)  # fmt: skip
def test_the_missing_extra_is_named_with_its_pip_command(
    argv, module, extra, monkeypatch, capsys, tmp_path
):
    monkeypatch.chdir(tmp_path)  # nothing may be written into the kit's folder
    without(monkeypatch, module)
    code, err = run(argv, capsys)
    assert code == 1
    assert err.count("\n") == 1, err  # one line
    assert f"kitlib {argv[0]} needs the {extra!r} extra" in err
    assert f"{module} not installed" in err
    assert f'pip install "reading-the-news[{extra}]"' in err
    assert list(tmp_path.iterdir()) == []


def test_the_project_name_in_the_advice_is_the_one_pip_knows():
    import tomllib

    from kitlib.errors import PROJECT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert PROJECT == project["name"]


def test_each_module_named_in_the_table_belongs_to_its_extra():
    import re
    import tomllib

    from kitlib.errors import EXTRA_OF_MODULE

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    for module, extra in EXTRA_OF_MODULE.items():
        packages = {re.split(r"[<>=\[ ]", req)[0].replace("-", "_") for req in extras[extra]}
        # jupyter_client comes with nbclient; the others are named in the extra itself.
        assert module in packages or (module == "jupyter_client" and "nbclient" in packages)


def test_an_import_failing_deep_inside_a_command_is_reported_the_same_way(
    monkeypatch, capsys, tmp_path
):
    import kitlib.errors

    # Past the command's own check (as if it had missed a module), the release reaches its
    # first import of nbconvert, before any worker starts.
    monkeypatch.setattr(kitlib.errors, "require_extra", lambda *args: None)
    without(monkeypatch, "nbconvert")
    monkeypatch.setattr("kitlib.release.command.left_out_exercises", lambda *args: {})
    out = tmp_path / "release"
    code, err = run(["release", "--masters", str(FIXTURE_MASTERS), "--out", str(out),
                     "--no-progress"], capsys)  # fmt: skip
    assert code == 1
    assert err.count("\n") == 1, err
    advice = 'pip install "reading-the-news[release]"'
    assert f"kitlib release needs the 'release' extra (nbconvert not installed): {advice}" in err


def test_a_module_of_no_extra_still_raises(monkeypatch):
    import kitlib.cli

    def broken(args):  # a bug, not a missing extra: the traceback is wanted
        import kitlib_no_such_module  # noqa: F401

    monkeypatch.setattr(kitlib.cli, "_schema", broken)
    with pytest.raises(ModuleNotFoundError):
        main(["schema"])
