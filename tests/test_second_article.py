"""The kit's second, fictional article and the capstone exercises bound to it."""

from __future__ import annotations

import pytest

from kitlib.article import load_article, seed_names
from kitlib.checking import check, exercises, reference, solution
from kitlib.lessons.l05_capstone import SECOND_ARTICLE


@pytest.fixture(scope="module")
def art2():
    return load_article(SECOND_ARTICLE)


def test_second_article_is_shipped_and_says_it_is_fictional(art2):
    assert SECOND_ARTICLE in seed_names()
    bio = " ".join(art2.paragraphs.loc[art2.paragraphs.role == "author_bio", "text"])
    assert "fictional" in bio
    assert set(art2.paragraphs.role) == {"body", "byline", "author_bio", "copyright"}


def test_second_article_has_what_the_capstone_teaches(art2):
    quotes = art2.quotes
    assert set(quotes.kind) == {"direct", "partial", "indirect"}
    # One quotation interrupted by its attribution: two direct spans sharing speaker and cue.
    direct = quotes[quotes.kind == "direct"]
    assert direct.duplicated(subset=["speaker_id", "cue_start"]).any()
    assert len(set(quotes.cue)) >= 5
    assert set(art2.claims.source_type) == {"named", "unnamed", "document", "unattributed"}
    unattributed = set(art2.claims.loc[art2.claims.source_type == "unattributed", "claim_id"])
    assert unattributed & set(art2.figures.claim_id.dropna())
    assert art2.demands.condition.notna().sum() == 1
    assert (art2.mentions.form == "metonym").any()


def test_capstone_exercises_are_bound_to_the_second_article():
    table = exercises("capstone")
    kinds = dict(zip(table.exercise_id, table.kind, strict=True))
    assert len(kinds) >= 5
    course = load_article()
    for exercise_id, kind in kinds.items():
        check(exercise_id, None)  # an attempt first: the solution opens only after one
        reference = solution(exercise_id)
        for verdict in (
            check(exercise_id, reference),
            # The course article passed explicitly changes nothing: the capstone is about art2.
            check(exercise_id, reference, article=course),
        ):
            if kind == "reflection":  # recorded, never graded correct
                assert not verdict.correct and "Recorded" in str(verdict), exercise_id
            else:
                assert verdict.correct, exercise_id


def test_capstone_speakers_come_from_the_second_article(art2):
    assert sorted(reference("capstone.speakers")) == sorted(art2.quotes.speaker_id.unique())
    course_speakers = sorted(load_article().quotes.speaker_id.unique())
    assert not check("capstone.speakers", course_speakers).correct
