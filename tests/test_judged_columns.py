"""No table shown before a classify exercise holds the column that exercise asks students to
judge (issue 9): a student who sees `kind` beside each quote_id has nothing left to classify.

For every ``Classify`` exercise of every lesson, the judged column is the label column of its
declaration (``columns=(item, label)``), and its items are those of its reference answer on
the shipped articles. Every output of the master cells before the exercise's statement is read
(the header and cells of an HTML table, a DataFrame; the ``Name:`` line and the index of a
printed Series). An output holds the judged column when it shows that column together with
one of the exercise's items: that item's label is then on the screen. Not counted: a table of
the labels alone (``art.actors`` lists the actor_ids a metonym may stand for: the vocabulary
of the answer), a count of the labels (``.value_counts()``), and worked examples on items the
exercise does not ask about.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import kitlib
from kitlib.framework import Classify, all_exercises, load_lessons

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SECOND = "alderwick-library-vote"  # the shipped second article (lesson 05's capstone)
SERIES_NAME = re.compile(r"^Name: ([^,\n]+), (?:Length: \d+, )?dtype: ", re.MULTILINE)


class _Table(HTMLParser):
    """The header names and the cell texts of the HTML tables in an output."""

    def __init__(self):
        super().__init__()
        self.columns: set[str] = set()
        self.cells: set[str] = set()
        self._in_head = self._in_cell = False
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "thead":
            self._in_head = True
        elif tag in ("th", "td"):
            self._in_cell, self._text = True, ""

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_head = False
        elif tag in ("th", "td") and self._in_cell:
            self._in_cell = False
            (self.columns if self._in_head else self.cells).add(self._text.strip())

    def handle_data(self, data):
        if self._in_cell:
            self._text += data


def shown(output: dict) -> tuple[set[str], set[str]]:
    """(columns, values) an output displays: a DataFrame's header and cells, or a Series'
    name and the first word of each of its lines (its index)."""
    data = output.get("data", {})
    html = "".join(data.get("text/html", ""))
    if "<table" in html:
        parser = _Table()
        parser.feed(html)
        return parser.columns, parser.cells
    text = "".join(data.get("text/plain", "")) or "".join(output.get("text", ""))
    names = set(SERIES_NAME.findall(text))
    if not names:
        return set(), set()
    return names, {line.split()[0] for line in text.splitlines() if line.split()}


def holds_judged_column(output: dict, judged: str, items: set[str]) -> bool:
    columns, values = shown(output)
    return judged in columns and bool(values & items)


def _items(exercise: Classify) -> set[str]:
    """The items the exercise asks about, on the course article and the second article."""
    items = set()
    for name in (None, SECOND):
        art = kitlib.load_article(name) if name else kitlib.load_article()
        if exercise.applies(art) is None:
            items |= set(exercise.reference(art))
    return items


def _classify_exercises() -> list[Classify]:
    load_lessons()
    return [e for e in all_exercises() if isinstance(e, Classify)]


def _statement_index(cells: list[dict], exercise_id: str) -> int | None:
    for index, cell in enumerate(cells):
        if cell["cell_type"] == "markdown" and f"(id `{exercise_id}`" in "".join(cell["source"]):
            return index
    return None


def _cases():
    cases = []
    for exercise in _classify_exercises():
        for notebook in NOTEBOOKS:
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
            if _statement_index(cells, exercise.exercise_id) is not None:
                cases.append(pytest.param(exercise, notebook, id=exercise.exercise_id))
    return cases


def test_every_classify_exercise_is_in_a_lesson():
    found = {case.values[0].exercise_id for case in _cases()}
    assert found == {e.exercise_id for e in _classify_exercises()}


@pytest.mark.parametrize(("exercise", "notebook"), _cases())
def test_no_output_before_the_exercise_shows_its_judged_column(exercise, notebook):
    assert exercise.columns, f"{exercise.exercise_id} declares no (item, label) columns"
    judged, items = exercise.columns[1], _items(exercise)
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    before = cells[: _statement_index(cells, exercise.exercise_id)]
    offenders = [
        index
        for index, cell in enumerate(before)
        for output in cell.get("outputs", [])
        if holds_judged_column(output, judged, items)
    ]
    assert not offenders, (
        f"{notebook.name}: cell(s) {offenders} show the column {judged!r} before exercise "
        f"{exercise.exercise_id} asks students to judge it"
    )


def test_the_reader_finds_items_beside_their_labels():
    def table(headers, cells):
        head = "".join(f"<th>{h}</th>" for h in headers)
        body = "".join(f"<td>{c}</td>" for c in cells)
        html = f"<table><thead><tr>{head}</tr></thead><tbody><tr>{body}</tr></tbody></table>"
        return {"data": {"text/html": html, "text/plain": "ignored"}}

    asked = {"q01", "q02"}
    series = {"data": {"text/plain": "quote_id\nq01    direct\nName: kind, dtype: object"}}
    counts = {"data": {"text/plain": "kind\ndirect    3\nName: count, dtype: int64"}}
    assert holds_judged_column(table(["quote_id", "kind"], ["q01", "direct"]), "kind", asked)
    assert not holds_judged_column(table(["quote_id", "cue"], ["q01", "said"]), "kind", asked)
    assert not holds_judged_column(table(["quote_id", "kind"], ["q09", "direct"]), "kind", asked)
    assert not holds_judged_column(table(["actor_id", "name"], ["putin", "P"]), "actor_id", {"x"})
    assert holds_judged_column(series, "kind", asked)
    assert not holds_judged_column(counts, "kind", asked)
    assert not holds_judged_column({"output_type": "stream", "text": "q01 kind"}, "kind", asked)
