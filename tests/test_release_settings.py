"""`kitlib release --solutions off` closes the solution gate in the student folder."""

import json

import pytest

from kitlib.checking import SETTINGS_FILE, check, solution
from kitlib.cli import main
from kitlib.release.command import settings_file


@pytest.mark.parametrize("choice", ["after-attempt", "off", "open"])
def test_the_settings_file_records_the_choice(choice):
    rel, data = settings_file(choice)
    assert rel == f"student/{SETTINGS_FILE}"
    assert json.loads(data) == {"solutions": choice}


def test_an_unknown_choice_names_the_valid_ones():
    with pytest.raises(ValueError, match="after-attempt, off, open.*'closed'"):
        settings_file("closed")


def test_the_cli_refuses_an_unknown_choice(capsys):
    with pytest.raises(SystemExit):
        main(["release", "--solutions", "closed"])
    assert "invalid choice: 'closed'" in capsys.readouterr().err


def test_a_student_folder_released_with_solutions_off_never_shows_one(tmp_path, monkeypatch):
    rel, data = settings_file("off")
    folder = tmp_path / "release"
    (folder / "student").mkdir(parents=True)
    (folder / rel).write_bytes(data)
    monkeypatch.chdir(folder / "student")  # a student kernel runs beside its notebooks
    monkeypatch.delenv("KITLIB_SOLUTIONS", raising=False)
    check("article.byline", "not the title")  # an attempt: would open the gate by default
    shown = solution("article.byline")
    assert shown.status == "solutions_off"
