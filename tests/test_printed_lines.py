"""Printed text comes in short lines. JupyterLab's output CSS (``word-break: break-all``)
breaks a line wider than the output area at any letter ("Done / tsk."), and Colab, Binder or
another JupyterLab do not have the kit's CSS fix: so every line the lessons print must fit.

Tables (pandas' text/plain) and kitlib's feedback boxes and figure captions are left out: they
come with HTML, which JupyterLab shows instead of the text (tables scroll, HTML wraps).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kitlib
from kitlib import display, widgets
from kitlib.lessons import l00_article, l01_actors, l04_sources, l05_capstone, l06_machine

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
LONGEST = 80  # characters: what fits the output area of a 1000-pixel-wide JupyterLab window
OTHER_ARTICLES = [
    ROOT / "seeds" / "alderwick-library-vote",
    *sorted((ROOT / "tests" / "fixtures" / "articles").iterdir()),
]
LESSON_MODULES = [l00_article, l01_actors, l04_sources, l05_capstone, l06_machine]


def printed_texts(output: dict) -> list[str]:
    """The text a notebook shows as plain text for one output: a stream, or the text/plain of
    an output with no HTML beside it (a string's repr, a widget's text form) or with the
    HTML of ``kitlib.display.say``."""
    if output["output_type"] == "stream":
        return ["".join(output["text"])]
    data = output.get("data", {})
    html = "".join(data.get("text/html", ""))
    if "text/plain" in data and (not html or 'class="kitlib-text"' in html):
        return ["".join(data["text/plain"])]
    return []


def long_lines(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = []
    for index, cell in enumerate(cells):
        for output in cell.get("outputs", []):
            for text in printed_texts(output):
                found += [
                    f"cell {index} ({cell.get('id')}): {len(line)} characters: {line[:60]}…"
                    for line in text.split("\n")
                    if len(line) > LONGEST
                ]
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_printed_line_of_a_master_fits(path):
    assert any(
        printed_texts(o)
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        for o in cell.get("outputs", [])
    ), f"{path.name} has no printed output: execute the masters first"
    assert long_lines(path) == []


def test_the_check_finds_a_long_printed_line_and_skips_tables(tmp_path):
    stream = {"output_type": "stream", "name": "stdout", "text": ["short\n", "x" * 81 + "\n"]}
    table = {"text/plain": "y" * 200, "text/html": "<table></table>"}
    said = {"text/plain": "z" * 90, "text/html": '<pre class="kitlib-text">z</pre>'}
    outputs = [stream] + [{"output_type": "display_data", "data": d} for d in (table, said)]
    notebook = tmp_path / "nb.ipynb"
    notebook.write_text(json.dumps({"cells": [{"id": "c1", "outputs": outputs}]}))
    found = long_lines(notebook)
    assert [line.split(":")[1] for line in found] == [" 81 characters", " 90 characters"]


def summaries(art) -> dict[str, str]:
    """Every text a lesson prints from kitlib.lessons, for ``art``."""
    return {
        "parts_summary": l00_article.parts_summary(art),
        "most_mentioned_summary": l01_actors.most_mentioned_summary(art),
        "l01 voices_summary": l01_actors.voices_summary(art),
        "worked_classification": l04_sources.worked_classification(art),
        "l04 voices_summary": l04_sources.voices_summary(art),
        "second_article_note": l05_capstone.second_article_note(art),
        "rule_report": l06_machine.rule_report(art, l06_machine.NAIVE_VERBS),
        "quote_summary": l06_machine.quote_summary(l06_machine.machine_comparison(art)),
    }


@pytest.fixture(scope="module", params=OTHER_ARTICLES, ids=lambda p: p.name)
def other_article(request):
    return kitlib.load_article(request.param)


def test_the_summaries_of_another_article_are_wrapped_between_words(other_article, monkeypatch):
    wrapped = summaries(other_article)
    for module in LESSON_MODULES:
        monkeypatch.setattr(module, "wrap", lambda text, width=display.WIDTH: str(text))
    whole = summaries(other_article)
    # Not vacuous: some summary of this article is longer than a line before wrapping.
    assert any(len(line) > display.WIDTH for text in whole.values() for line in text.split("\n"))
    for name, text in wrapped.items():
        assert all(len(line) <= display.WIDTH for line in text.split("\n")), (name, text)
        assert text.split() == whole[name].split(), name  # the same words, none split


def test_a_quiz_text_form_comes_in_short_lines():
    question = "Which statement about reporting verbs (cues) is right, given the sentence " * 3
    summary = repr(widgets.choice_quiz(question, ["a", "b", "c", "d"], lambda v: None, "Quiz x"))
    lines = summary.split("\n")
    assert len(lines) > 1 and all(len(line) <= display.WIDTH for line in lines)
    assert len(summary) <= 110  # ipywidgets cuts a longer text form
