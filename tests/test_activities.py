"""The activities of issue 9 in lessons 03 and 04 (verbs by side, go upstream, anonymous
sources), and the corrected statements around them.

Each activity has at least three graded checks computed from the annotation; its wrong answers
get a diagnosis; it works on the shipped second article. Feedback is read with ``diagnose`` (the
full feedback, without the first-miss nudge) and references with ``reference`` (never gated).
"""

from __future__ import annotations

import pytest

import kitlib
from kitlib.checking import diagnose, reference
from kitlib.framework import Reflection, get, load_lessons
from kitlib.lessons import l03_quotes, l04_sources

SECOND = "alderwick-library-vote"

ACTIVITIES = {
    "verbs by side": [
        "quotes.coloured-cues",
        "quotes.coloured-speakers",
        "quotes.coloured-side",
        "quotes.swap-said",
    ],
    "go upstream": [
        "sources.upstream-origin",
        "sources.upstream-traceable",
        "sources.upstream-lateral",
        "sources.upstream-trust",
    ],
    "anonymous sources": [
        "sources.anonymous-precision",
        "sources.anonymous-reason",
        "sources.anonymous-ap",
        "sources.anonymous-opinion",
    ],
}
ALL_NEW = [exercise_id for ids in ACTIVITIES.values() for exercise_id in ids]


@pytest.fixture(scope="module")
def course():
    return kitlib.load_article()


@pytest.fixture(scope="module")
def second():
    return kitlib.load_article(SECOND)


def _exercise(exercise_id):
    load_lessons()
    found = get(exercise_id)
    assert found is not None, exercise_id
    return found


def _graded(ids):
    return [i for i in ids if not isinstance(_exercise(i), Reflection)]


# --- every activity: three graded checks, on both shipped articles ---------------------------


@pytest.mark.parametrize("activity", list(ACTIVITIES))
def test_activity_has_three_graded_checks_that_apply_to_both_articles(activity, course, second):
    graded = _graded(ACTIVITIES[activity])
    assert len(graded) >= 3
    for art in (course, second):
        applying = [i for i in graded if _exercise(i).applies(art) is None]
        assert len(applying) >= 3, (activity, art.name, applying)


@pytest.mark.parametrize("exercise_id", ALL_NEW)
@pytest.mark.parametrize("which", ["course", "second"])
def test_the_reference_checks_correct_where_the_exercise_applies(exercise_id, which, request):
    art = request.getfixturevalue(which)
    if _exercise(exercise_id).applies(art) is not None:
        pytest.skip(f"does not apply to {art.name}: {_exercise(exercise_id).applies(art)}")
    feedback = diagnose(exercise_id, reference(exercise_id, art), article=art)
    if isinstance(_exercise(exercise_id), Reflection):
        assert not feedback.correct  # a reflection is recorded, never "correct"
    else:
        assert feedback.correct, feedback.message


def test_only_the_side_check_and_the_course_reflection_step_aside_on_the_second_article(second):
    out = [i for i in ALL_NEW if _exercise(i).applies(second) is not None]
    assert out == ["quotes.coloured-side", "sources.anonymous-opinion"]
    assert "two sides" in _exercise("quotes.coloured-side").applies(second)


# --- verbs by side ---------------------------------------------------------------------------


def test_cue_places_count_each_verb_once_as_the_figure_does(course):
    places = l03_quotes.cue_places(course)
    assert places.cue_start.is_unique
    # The cue figure stacks one bar per verb and side; its bars add up to the places.
    figure = kitlib.plots.cue_verbs(course)
    assert sum(sum(trace.y) for trace in figure.data) == len(places)
    said = int((places.cue == "said").sum())
    assert said < int((course.quotes.cue.str.lower() == "said").sum())  # two spans, one verb


def test_coloured_cues_are_the_verbs_outside_the_neutral_list(course, second):
    for art in (course, second):
        coloured = set(reference("quotes.coloured-cues", art))
        assert coloured and not coloured & l03_quotes.NEUTRAL_CUES
        assert coloured == set(l03_quotes.cue_places(art).cue) - l03_quotes.NEUTRAL_CUES
    assert {"claimed", "conceded"} <= set(reference("quotes.coloured-cues", second))


def test_a_neutral_verb_among_the_coloured_ones_is_named_neutral(course):
    answer = [*reference("quotes.coloured-cues", course), "said"]
    feedback = diagnose("quotes.coloured-cues", answer, article=course)
    assert not feedback.correct
    assert "“said” is neutral" in feedback.message


def test_a_speaker_only_ever_said_is_diagnosed(second):
    answer = [*reference("quotes.coloured-speakers", second), "reyes"]
    feedback = diagnose("quotes.coloured-speakers", answer, article=second)
    assert not feedback.correct
    assert "Tomasz Reyes is introduced only by neutral verbs (“said”)" in feedback.message


def test_the_side_with_most_coloured_verbs_is_computed_and_others_get_their_counts(course):
    per_side = l03_quotes._coloured_per_side(course)
    top = reference("quotes.coloured-side", course)
    assert all(per_side[s][0] == max(c for c, _n in per_side.values()) for s in top)
    other = next(s for s in course.sides.side_id if s not in top and s in per_side)
    feedback = diagnose("quotes.coloured-side", [other], article=course)
    assert not feedback.correct
    coloured, total = per_side[other]
    assert f"{coloured} of the {total} verbs" in feedback.message
    silent = [s for s in course.sides.side_id if s not in per_side]
    if silent:  # a side nobody speaks for is said to be unheard, not to have few verbs
        feedback = diagnose("quotes.coloured-side", silent[:1], article=course)
        assert "is quoted at all" in feedback.message


@pytest.mark.parametrize("which", ["course", "second"])
def test_each_wrong_swap_option_has_its_own_diagnosis(which, request):
    art = request.getfixturevalue(which)
    exercise, right = _exercise("quotes.swap-said"), reference("quotes.swap-said", art)
    verb = l03_quotes.swap_example(art).cue
    assert exercise.options[right].rstrip(".").lower().startswith("that")
    messages = set()
    for key in exercise.options:
        if key == right:
            continue
        feedback = diagnose("quotes.swap-said", key, article=art)
        assert not feedback.correct
        assert f"“{verb}”" in feedback.message
        messages.add(feedback.message)
    assert len(messages) == len(exercise.options) - 1


def test_swap_example_prefers_the_lesson_order(course, second):
    assert l03_quotes.swap_example(course).cue == "insisted"
    assert l03_quotes.swap_example(second).cue == "claimed"
    assert reference("quotes.swap-said", second) == "d"


# --- go upstream -----------------------------------------------------------------------------


def test_upstream_claims_are_a_handful_one_per_origin_and_channel(course, second):
    for art in (course, second):
        origins = reference("sources.upstream-origin", art)
        assert 3 <= len(origins) <= 8
        kinds = list(origins.values())
        assert kinds.count("channel") == len(
            {
                l04_sources._channel_of(art, c)
                for c in art.claims.itertuples()
                if origins.get(c.claim_id) == "channel"
            }
        )
        assert all(kinds.count(k) == 1 for k in set(kinds) - {"channel"})


def test_course_upstream_claims_are_the_ones_the_issue_names(course):
    claims = course.claims.set_index("claim_id").text
    traced = reference("sources.upstream-origin", course)
    texts = " | ".join(claims[c] for c in traced)
    for words in ("absolute mockery", "accommodations", "417,000", "18 months", "Indiana"):
        assert words in texts, words
    assert traced[next(c for c in traced if "417,000" in claims[c])] == "named"
    assert traced[next(c for c in traced if "mockery" in claims[c])] == "channel"
    assert traced[next(c for c in traced if "Indiana" in claims[c])] == "outlet"


def test_upstream_origin_is_read_from_the_annotation_fields(course):
    for claim in course.claims.itertuples(index=False):
        origin = l04_sources.origin_of(course, claim)
        if origin == "document":
            assert claim.source_type == "document"
        elif origin in ("channel", "named"):
            assert claim.source_type == "named"
            assert (origin == "channel") == bool(l04_sources._channel_of(course, claim))
        elif origin == "reporter":
            assert claim.source_type == "unattributed"


def test_a_mislabelled_origin_quotes_the_words_that_show_it(course, second):
    feedback = diagnose(
        "sources.upstream-origin",
        {c: "named" for c in reference("sources.upstream-origin", course)},
        article=course,
    )
    assert not feedback.correct
    assert "a post on the Telegram messaging app" in feedback.message
    assert "“He” is named" not in feedback.message  # the name, not the pronoun
    feedback = diagnose(
        "sources.upstream-origin",
        {c: "reporter" for c in reference("sources.upstream-origin", second)},
        article=second,
    )
    assert "budget report" in feedback.message


def test_traceable_claims_are_those_with_a_channel_or_document(second):
    assert reference("sources.upstream-traceable", second) == ["c06"]  # the budget report
    origins = reference("sources.upstream-origin", second)
    named = next(c for c, o in origins.items() if o == "named")
    feedback = diagnose("sources.upstream-traceable", ["c06", named], article=second)
    assert not feedback.correct
    assert "names no original to look up" in feedback.message


def test_each_wrong_lateral_option_has_its_own_diagnosis(course):
    messages = {diagnose("sources.upstream-lateral", key, article=course).message for key in "bcd"}
    assert len(messages) == 3
    assert all("18 months" in m for m in messages)  # the article's own unsourced figure


# --- anonymous sources -----------------------------------------------------------------------


def test_anonymous_precision_is_derived_from_how_the_text_names_the_source(course, second):
    assert reference("sources.anonymous-precision", course) == {
        "russian-officials-and-analysts": "described",
        "analysts-close-to-moscow": "described",
        "unnamed-interpreters": "passive",
        "analysts": "bare",
    }
    assert reference("sources.anonymous-precision", second) == {
        "council-staff-member": "described",
        "unnamed-observers": "passive",
    }


def test_wrong_precision_quotes_the_sources_words(course):
    feedback = diagnose(
        "sources.anonymous-precision",
        {**reference("sources.anonymous-precision", course), "analysts": "described"},
        article=course,
    )
    assert not feedback.correct
    assert "“analysts” is a bare word" in feedback.message


def test_a_reason_for_anonymity_is_found_only_where_the_text_gives_one(course, second):
    assert reference("sources.anonymous-reason", course) == []
    assert diagnose("sources.anonymous-reason", [], article=course).correct
    assert reference("sources.anonymous-reason", second) == ["council-staff-member"]
    feedback = diagnose("sources.anonymous-reason", ["analysts"], article=course)
    assert not feedback.correct
    assert "does not say why “analysts” is not named" in feedback.message
    assert not diagnose("sources.anonymous-reason", [], article=second).correct


def test_the_ap_choice_flips_with_the_article(course, second):
    assert reference("sources.anonymous-ap", course) == "b"
    assert reference("sources.anonymous-ap", second) == "a"
    wrong_course = diagnose("sources.anonymous-ap", "a", article=course)
    assert not wrong_course.correct and "not one meets the rule" in wrong_course.message
    wrong_second = diagnose("sources.anonymous-ap", "b", article=second)
    assert not wrong_second.correct and "asked not to be named" in wrong_second.message
    for key in "cd":
        assert not diagnose("sources.anonymous-ap", key, article=course).correct


# --- corrected statements --------------------------------------------------------------------


def test_author_bio_feedback_does_not_say_where_the_story_was_written(course):
    message = diagnose("sources.author-bio", "c", article=course).message
    assert "written from" not in message
    assert "based" in message


def test_direct_channel_explanation_raises_checking_and_translation(course):
    message = diagnose(
        "quotes.direct-channel", reference("quotes.direct-channel", course), article=course
    ).message
    assert "can be checked" not in message
    assert "translat" in message and "link" in message


def test_claims_per_side_prompt_allows_a_dict_and_a_typed_dict_is_read(course):
    assert "dict" in _exercise("sources.claims-per-side").prompt
    counts = reference("sources.claims-per-side", course)
    typed = {row.side: int(row.count) for row in counts.itertuples(index=False)}
    feedback = diagnose("sources.claims-per-side", typed, article=course)
    assert feedback.correct, feedback.message
