"""Hint ladders: reading first, pandas second, and about the article in use.

Every registered exercise is checked on every article it applies to (the course article, the
shipped second article and the fixture articles): the first rung of its ladder must send the
student back to the text, not to pandas code (``framework.is_code_hint``), and, unless the
exercise is written for the course article alone (``needs=("course-article",)``), no rung may
carry a word of the course article that the article in use does not itself print
(see course_words.py).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import kitlib
from kitlib.framework import all_exercises, get, is_code_hint
from tests.course_words import find_course_words

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
COURSE, SECOND = "ukraine-peace-plan", "alderwick-library-vote"

# Exercises of lessons that other helpers are rewriting; the lead removes these marks.
PENDING: set[str] = set()  # exercises still without a reading hint (none)
PENDING_REASON = "owned by lesson 03/04/06 helper"


@cache
def articles() -> tuple:
    """The course article first, then the second article and every fixture article."""
    fixtures = sorted(p for p in FIXTURES.iterdir() if (p / "annotation.yaml").is_file())
    return tuple(kitlib.load_article(a) for a in [COURSE, SECOND, *fixtures])


def applied(exercise) -> list:
    return [art for art in articles() if exercise.applies(art) is None]


def shown_on(exercise, art):
    """The article a ladder speaks of: the capstone's is always the second article."""
    from kitlib.lessons.l05_capstone import OnSecondArticle, second_article

    return second_article() if isinstance(exercise, OnSecondArticle) else art


def params() -> list:
    marks = pytest.mark.xfail(reason=PENDING_REASON, strict=False)
    return [
        pytest.param(e.exercise_id, marks=marks if e.exercise_id in PENDING else ())
        for e in all_exercises()
    ]


def test_every_exercise_is_checked_on_some_article():
    alone = [e.exercise_id for e in all_exercises() if not applied(e)]
    assert not alone, f"these apply to none of the test articles, so no hint is checked: {alone}"


@pytest.mark.parametrize("exercise_id", params())
def test_the_first_hint_sends_the_student_to_the_text(exercise_id):
    exercise = get(exercise_id)
    for art in applied(exercise):
        ladder = exercise.ladder(art)
        assert len(ladder) >= 2, (exercise_id, art.name, ladder)
        assert not is_code_hint(ladder[0]), (
            f"{exercise_id} on {art.name}: the first hint is about code, not the text: "
            f"{ladder[0]!r}"
        )


def test_the_ladder_puts_reading_hints_before_code_hints_in_the_authors_order():
    from kitlib.framework import Number, unregister

    code_a, code_b = "`art.paragraphs.role` says which part.", "Count with `.sum()`."
    read_a, read_b = "Read the end of the text.", "Ask which lines only name a person."
    exercise = Number(
        "article.throwaway-hint-order",
        "How many paragraphs?",
        answer=lambda art: len(art.paragraphs),
        hints=[code_a, read_a, code_b, lambda art: read_b],
    )
    try:
        ladder = exercise.ladder(articles()[0])
    finally:
        unregister(exercise.exercise_id)
    assert ladder[:4] == [read_a, read_b, code_a, code_b]
    assert len(ladder) == 5  # and the near-answer rung last


@pytest.mark.parametrize(
    "exercise_id",
    [e.exercise_id for e in all_exercises() if "course-article" not in e.needs],
)
def test_hints_speak_of_the_article_in_use(exercise_id):
    exercise = get(exercise_id)
    found = []
    for hint in exercise.hints:  # typed text reaches every article: no course word at all
        if isinstance(hint, str) and find_course_words(hint):
            found.append(f"typed hint: {find_course_words(hint)} in {hint[:80]!r}")
    for art in applied(exercise):
        if art.name == COURSE:
            continue
        allowed = shown_on(exercise, art).text
        for rung in exercise.ladder(art):
            words = find_course_words(rung, allowed)
            if words:
                found.append(f"on {art.name}: {words} in {rung[:80]!r}")
    assert not found, f"{exercise_id}: " + "\n".join(found)


def test_the_course_article_hints_name_its_own_passages():
    # Computed hints point into the article in use: the course article's paragraphs here.
    art = articles()[0]
    first = get("demands.core-places").ladder(art)[0]
    putin = art.demands.loc[art.demands.party_id == "putin", "sentence_id"]
    paragraphs = set(art.sentences.loc[art.sentences.sentence_id.isin(putin), "paragraph_id"])
    assert paragraphs and all(p in first for p in paragraphs), first
    second = kitlib.load_article(SECOND)
    metonym_paragraphs = set(
        second.sentences.loc[
            second.sentences.sentence_id.isin(
                second.mentions.loc[second.mentions.form == "metonym", "sentence_id"]
            ),
            "paragraph_id",
        ]
    )
    hint = get("actors.metonyms").ladder(second)[0]
    assert metonym_paragraphs and all(p in hint for p in metonym_paragraphs), hint
