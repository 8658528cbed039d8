"""An article folder is closed: ``text_file`` names a file inside it (issue 11).

A release copies the text into the students' folder, so an annotation that reached outside
could hand out any file. Each way out is refused with an AnnotationError naming the file,
the field, what was expected and what to do; a name that stays inside still loads.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import kitlib
from kitlib.errors import AnnotationError

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "harbor-bridge-vote"


def article_with_text_file(tmp_path: Path, text_file: str) -> Path:
    """A copy of a fixture article whose annotation reads its text from ``text_file``."""
    folder = tmp_path / "article"
    shutil.copytree(ARTICLE, folder)
    annotation = folder / "annotation.yaml"
    lines = [line for line in annotation.read_text(encoding="utf-8").splitlines(keepends=True)
             if not line.startswith("text_file:")]  # fmt: skip
    lines.append(f"text_file: {text_file!r}\n")
    annotation.write_text("".join(lines), encoding="utf-8")
    return folder


def refusal(folder: Path) -> str:
    with pytest.raises(AnnotationError) as raised:
        kitlib.load_article(folder)
    message = str(raised.value)
    assert str(folder / "annotation.yaml") in message  # the file
    assert "text_file:" in message  # the field
    assert "expected the name of a file inside the article's folder" in message
    assert "copy the text into the folder" in message  # what to do
    return message


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the article's folder, holding the article's text (so only the place
    is wrong: an unconfined loader would accept it)."""
    path = tmp_path / "secret.txt"
    shutil.copy(ARTICLE / "article.txt", path)
    return path


def test_an_absolute_path_is_refused(tmp_path, secret):
    folder = article_with_text_file(tmp_path, str(secret))
    assert "is an absolute path" in refusal(folder)


def test_a_dot_dot_component_is_refused(tmp_path, secret):
    folder = article_with_text_file(tmp_path, "../secret.txt")
    assert "through '..'" in refusal(folder)


def test_a_dot_dot_that_comes_back_inside_is_refused_too(tmp_path):
    folder = article_with_text_file(tmp_path, "../article/article.txt")
    assert "through '..'" in refusal(folder)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symlink_leading_out_of_the_folder_is_refused(tmp_path, secret):
    folder = article_with_text_file(tmp_path, "linked.txt")
    (folder / "linked.txt").symlink_to(secret)
    message = refusal(folder)
    assert "symbolic link" in message and str(secret.resolve()) in message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symlinked_subfolder_leading_out_is_refused(tmp_path, secret):
    folder = article_with_text_file(tmp_path, "outside/secret.txt")
    (folder / "outside").symlink_to(secret.parent, target_is_directory=True)
    assert "symbolic link" in refusal(folder)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symlink_that_stays_inside_the_folder_loads(tmp_path):
    folder = article_with_text_file(tmp_path, "linked.txt")
    (folder / "linked.txt").symlink_to("article.txt")
    art = kitlib.load_article(folder)
    assert art.text == (ARTICLE / "article.txt").read_text(encoding="utf-8")


def test_a_file_in_a_subfolder_loads(tmp_path):
    folder = article_with_text_file(tmp_path, "text/article.txt")
    (folder / "text").mkdir()
    shutil.move(folder / "article.txt", folder / "text" / "article.txt")
    art = kitlib.load_article(folder)
    assert art.text == (ARTICLE / "article.txt").read_text(encoding="utf-8")


def test_the_release_refuses_to_copy_a_file_from_outside(tmp_path, secret):
    from kitlib.article import text_file_name

    folder = article_with_text_file(tmp_path, "../secret.txt")
    with pytest.raises(AnnotationError, match="through '..'"):
        text_file_name(folder)
