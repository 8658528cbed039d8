"""The solution gate: ``kitlib.solution(id)`` opens only after an attempt at that exercise, an
instructor can turn it off, and ``reference`` (for code and tests) is never gated."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

import kitlib
from kitlib import tracking
from kitlib.checking import check, exercises, reference, reset_attempts, solution
from kitlib.feedback import Feedback

ALL_IDS = list(exercises().exercise_id)


@pytest.fixture(autouse=True)
def _fresh_kernel_state(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no kitlib-settings.json here unless a test writes one
    monkeypatch.setenv("KITLIB_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.delenv("KITLIB_SOLUTIONS", raising=False)
    tracking.forget_memory()
    reset_attempts()
    yield
    reset_attempts()
    tracking.forget_memory()


def _same(a, b) -> bool:
    if isinstance(a, pd.DataFrame):
        return isinstance(b, pd.DataFrame) and a.equals(b)
    return a == b


def _holds_the_key(message: str, key) -> bool:
    """Does the message spell out the reference? (short keys such as 'p19' or '3' count too)"""
    if isinstance(key, str):
        return len(key) > 2 and key in message
    if isinstance(key, list | tuple):
        return len(key) > 1 and all(str(k) in message for k in key)
    return False


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_solution_before_any_attempt_is_a_message_not_the_key(exercise_id):
    key = reference(exercise_id)
    locked = solution(exercise_id)
    assert isinstance(locked, Feedback) and locked.status == "locked", locked
    assert not locked.correct and "Try the exercise first" in locked.message
    assert f"kitlib.check({exercise_id!r}, answer)" in locked.message
    assert not _holds_the_key(locked.message, key)
    assert 'role="status"' in locked._repr_html_()


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_solution_after_an_attempt_is_the_model_answer(exercise_id):
    check(exercise_id, "not the answer")
    assert _same(solution(exercise_id), reference(exercise_id))


def test_a_stub_or_an_unknown_id_opens_nothing():
    check("article.byline", ...)  # not answered yet: not an attempt
    assert solution("article.byline").status == "locked"
    check("article.bylin", "p19")
    assert solution("article.byline").status == "locked"
    assert solution("article.bylin").status == "unknown_exercise"


def test_an_attempt_opens_only_its_own_exercise():
    check("article.byline", "p01")
    assert solution("article.byline") == reference("article.byline")
    assert solution("article.body-paragraphs").status == "locked"


def test_the_top_public_name_is_gated_too():
    assert kitlib.solution("article.byline").status == "locked"
    kitlib.check("article.byline", "p01")
    assert kitlib.solution("article.byline") == reference("article.byline")


@pytest.mark.parametrize("value", ["off", "OFF", " off ", "none"])
def test_an_instructor_turns_solutions_off_with_the_environment(monkeypatch, value):
    monkeypatch.setenv("KITLIB_SOLUTIONS", value)
    check("article.byline", "p01")
    off = solution("article.byline")
    assert isinstance(off, Feedback) and off.status == "solutions_off"
    assert "turned solutions off" in off.message and reference("article.byline") not in off.message
    assert reference("article.byline") == kitlib.checking.reference("article.byline")  # ungated


def test_a_settings_file_in_the_notebooks_folder_turns_them_off(tmp_path):
    (tmp_path / "kitlib-settings.json").write_text(json.dumps({"solutions": "off"}))
    check("article.byline", "p01")
    assert solution("article.byline").status == "solutions_off"


def test_the_environment_wins_over_the_settings_file(tmp_path, monkeypatch):
    (tmp_path / "kitlib-settings.json").write_text(json.dumps({"solutions": "off"}))
    monkeypatch.setenv("KITLIB_SOLUTIONS", "open")
    assert solution("article.byline") == reference("article.byline")  # no attempt needed


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"solutions": "of"}', ""])
def test_a_broken_or_mistyped_setting_keeps_the_gate(tmp_path, content):
    (tmp_path / "kitlib-settings.json").write_text(content)
    assert solution("article.byline").status == "locked"  # a typo never opens the answers
    check("article.byline", "p01")
    assert solution("article.byline") == reference("article.byline")


def test_the_gate_remembers_an_attempt_in_a_new_process(tmp_path):
    """An attempt in one kernel opens the solution in the next (the progress file)."""
    script = textwrap.dedent(
        """
        import sys, kitlib
        if sys.argv[1] == "try":
            kitlib.check("article.byline", "p01")
        result = kitlib.solution("article.byline")
        print(getattr(result, "status", result))
        """
    )
    env = {"KITLIB_PROGRESS": str(tmp_path / "progress.json"), "PATH": "/usr/bin:/bin"}

    def run(step: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", script, step],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    assert run("ask") == "locked"
    assert run("try") == reference("article.byline")
    assert run("ask") == reference("article.byline")  # a new process, the same record
    (tmp_path / "progress.json").unlink()
    assert run("ask") == "locked"  # deleting the file resets it
