"""Honest feedback: reflections are recorded, never graded; wrong answers get layered feedback;
messages name the right thing (plurals, reading order, names not ids); hints read first."""

from __future__ import annotations

import pandas as pd
import pytest

from kitlib import framework as registry
from kitlib import tracking
from kitlib.article import load_article
from kitlib.checking import check, diagnose, hint, reference, reset_attempts, reset_hints
from kitlib.framework import Names, is_code_hint
from kitlib.framework.compare import mentions_article, safe_str
from kitlib.lessons.l05_capstone import second_article

REFLECTIONS = [e.exercise_id for e in registry.all_exercises() if e.kind == "reflection"]

# Texts about something else entirely, each long enough for any reflection's word minimum
# except the first, the 31-word football paragraph of the issue.
FOOTBALL = (
    "The home side pressed high from the first whistle and won loose balls in midfield. After "
    "the break the visitors equalised from a corner, and the match finished level at one."
)
OFF_TOPIC = [
    FOOTBALL,
    "My favourite recipe is a simple tomato soup. You roast the tomatoes with garlic and "
    "onions, blend them with a little stock, and season with salt, pepper and fresh basil. It "
    "tastes even better the next day, served with warm bread and a spoon of cream on top.",
    "Last summer we went camping by a lake in the mountains. Every morning the mist lay on the "
    "water, and we swam before breakfast. In the afternoons we walked through the forest, "
    "picked berries and watched the birds, and at night we counted shooting stars.",
    "This is my reflection. I think the text is interesting and it makes me think about many "
    "things. It is important to read carefully and to think about what you read, because "
    "reading is a skill that everybody needs in school and in life.",
]


@pytest.fixture(autouse=True)
def _fresh_kernel_state(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_PROGRESS", str(tmp_path / "progress.json"))
    tracking.forget_memory()
    reset_attempts()
    yield
    reset_attempts()
    tracking.forget_memory()


@pytest.fixture(scope="module")
def art():
    return load_article()


def _words(text: str) -> int:
    return len(text.split())


def _never_says_correct(result) -> None:
    for shown in (str(result), result._repr_html_()):
        assert "Correct" not in shown and "✓" not in shown, shown


# --- reflections -----------------------------------------------------------------------------


def test_the_course_has_reflections():
    assert len(REFLECTIONS) >= 6


@pytest.mark.parametrize("exercise_id", REFLECTIONS)
def test_a_reflection_is_recorded_never_correct(exercise_id):
    model = reference(exercise_id)
    result = check(exercise_id, model)
    assert (result.correct, bool(result), result.status) == (False, False, "recorded"), result
    assert result.points == 0.0
    assert "Recorded, not graded" in str(result) and "Recorded, not graded" in result._repr_html_()
    _never_says_correct(result)
    assert result.checklist, "a self-check list of what a good answer covers"
    assert "A good answer covers:" in str(result) and "<li" in result._repr_html_()
    assert result.evidence == (model,)  # the model answer, to compare with
    assert "names nothing from the article" not in result.message  # the model names it


@pytest.mark.parametrize("exercise_id", REFLECTIONS)
@pytest.mark.parametrize("text", OFF_TOPIC, ids=["football", "soup", "camping", "vague"])
def test_off_topic_texts_get_the_nudge(exercise_id, text):
    result = check(exercise_id, text)
    assert "names nothing from the article" in result.message, result
    assert not result.correct
    _never_says_correct(result)
    minimum = registry.get(exercise_id).min_words
    if _words(text) >= minimum:
        assert result.status == "recorded"
    else:
        assert result.status == "incorrect" and f"at least {minimum} words" in result.message


def test_the_football_paragraph_is_31_words():
    assert _words(FOOTBALL) == 31


@pytest.mark.parametrize("exercise_id", REFLECTIONS)
def test_one_name_from_the_article_is_enough_to_be_on_topic(exercise_id):
    exercise = registry.get(exercise_id)
    own = second_article() if exercise_id.startswith("capstone.") else load_article()
    person = own.actors.loc[own.actors.kind == "person", "name"].iloc[0]
    text = f"{OFF_TOPIC[1]} It makes me think of {person} and of who gets to speak in it."
    assert _words(text) >= exercise.min_words
    result = check(exercise_id, text)
    assert result.status == "recorded" and "names nothing" not in result.message


def test_mentions_article_counts_names_places_numbers_and_quoted_words(art):
    assert not mentions_article(FOOTBALL, [art])
    for text in (
        "The Kremlin says no.",  # a metonym
        "Donetsk matters.",  # a place of the demands
        "417,000 recruits is a big number.",  # a number of the text
        "The word 'signaled' is vague.",  # a cue verb, quoted
        'The text says "unlikely to accept terms" and nothing more.',  # quoted words
        "putin and zelenskyy",  # names, lower-case
    ):
        assert mentions_article(text, [art]), text
    library = second_article()
    assert mentions_article("City Hall decided it.", [library])
    assert not mentions_article("The town decided it.", [library])  # a description, not a name


# --- layered feedback --------------------------------------------------------------------------


def test_a_first_wrong_answer_gets_a_nudge_and_the_second_the_evidence(art):
    bio = art.paragraphs[art.paragraphs.role == "author_bio"].iloc[0]
    first = check("article.byline", bio.paragraph_id)
    assert not first.correct and first.evidence == ()
    assert "is a paragraph of the article, but not the one" in first.message
    assert "author bio" not in first.message  # the diagnosis waits for the second try
    second = check("article.byline", bio.paragraph_id)
    assert "that is the author bio" in second.message
    assert any(bio.text[:30] in line for line in second.evidence)
    assert check("article.byline", bio.paragraph_id).message == second.message  # stays full


def test_the_nudge_names_the_kind_of_mistake_without_the_items(art):
    people = list(reference("actors.people"))
    answer = people[1:] + ["russian-government"]
    first = check("actors.people", answer)
    assert first.evidence == ()
    assert "Some of these do not belong, and 1 person is still missing." in first.message
    assert "re-read" not in first.message and "government" not in first.message
    full = check("actors.people", answer)
    assert "re-read paragraph" in full.message and "government" in full.message


@pytest.mark.parametrize(
    ("exercise_id", "answer_of"),
    [
        ("article.body-paragraphs", lambda ref: ref + 1),
        ("demands.kinds", lambda ref: {k: "offer" for k in ref}),
        ("sources.claims-per-side", lambda ref: ref.assign(count=ref["count"] + 1)),
    ],
)
def test_every_kind_holds_its_diagnosis_back_once(exercise_id, answer_of):
    answer = answer_of(reference(exercise_id))
    first, second = check(exercise_id, answer), check(exercise_id, answer)
    assert not first.correct and not second.correct
    assert first.evidence == () and first.message != second.message
    assert second.message == diagnose(exercise_id, answer).message


def test_layering_lives_in_memory_and_repeats_after_a_reset():
    a = check("article.byline", "p03").message
    b = check("article.byline", "p03").message
    reset_attempts()
    tracking.forget_memory()
    assert (check("article.byline", "p03").message, check("article.byline", "p03").message) == (
        a,
        b,
    )


def test_diagnose_counts_nothing_and_records_nothing(tmp_path):
    assert diagnose("article.byline", "p03").message == diagnose("article.byline", "p03").message
    assert tracking.state_of("article.byline") == "not tried"
    assert not (tmp_path / "progress.json").exists()


# --- messages that named the wrong thing ------------------------------------------------------


def test_one_missing_person_is_singular_and_places_are_in_reading_order(art):
    people = list(reference("actors.people"))
    result = diagnose("actors.people", people[1:])
    assert "1 person is still missing: re-read paragraph" in result.message
    assert "1 people" not in result.message
    most = diagnose("actors.people", people[:1]).message
    places = most.split("re-read ", 1)[1]
    ids = [p for p in art.paragraphs.paragraph_id if f"paragraph {p}" in places]
    positions = [places.index(f"paragraph {p}") for p in ids]
    assert len(ids) >= 3 and positions == sorted(positions), places


def test_a_lesson_note_that_starts_with_the_name_does_not_repeat_it():
    people = list(reference("actors.people"))
    result = diagnose("actors.people", people + ["russian-government"])
    label = "'the Russian government (the Kremlin, Moscow)'"
    assert f"{label} is not one of them: it is a government" in result.message, result
    assert result.message.count("the Russian government") == 1


def test_typo_suggestions_name_the_actor_not_its_id(art):
    result = diagnose("actors.people", ["zelenskyi"])
    assert "did you mean 'Volodymyr Zelenskyy'?" in result.message, result
    assert "'zelenskyy'?" not in result.message


def test_a_wrong_cue_is_a_wrong_value_not_a_doubled_row():
    rows = [tuple(r) for r in reference("capstone.paragraph-quotes").itertuples(index=False)]
    assert len({r[2] for r in rows}) == len(rows) >= 2  # the cue tells the rows apart
    wrong_cue = [rows[0], (*rows[1][:2], rows[0][2])]
    result = diagnose("capstone.paragraph-quotes", wrong_cue)
    assert "given twice" not in result.message and "Missing rows" not in result.message
    assert f"your row '{rows[0][2]}' ('cue')" in result.message, result
    doubled = diagnose("capstone.paragraph-quotes", [*rows, rows[1]])
    assert "Rows given twice" in doubled.message  # a real double still says so


def test_a_table_exercise_accepts_a_hand_typed_dict_and_a_series():
    expected = reference("sources.claims-per-side")
    key, value = expected.columns
    typed = {str(k): int(v) for k, v in zip(expected[key], expected[value], strict=True)}
    assert check("sources.claims-per-side", typed).correct
    assert check("sources.claims-per-side", pd.Series(typed)).correct
    short = dict(list(typed.items())[:-1])
    result = diagnose("sources.claims-per-side", short)
    assert not result.correct and "Missing rows" in result.message


@pytest.mark.parametrize("answer", [{}, {"a": [1, 2]}, {"a": {"b": 1}}, {1: None}, {None: 2}])
def test_odd_dicts_for_a_table_get_feedback(answer):
    result = check("sources.claims-per-side", answer)
    assert result.status in {"incorrect", "not_answered"} and result.message


def test_clipped_text_ends_on_a_whole_word():
    text = "the Russian government (the Kremlin, Moscow) is mentioned by many writers today"
    clipped = safe_str(text, 50)
    assert clipped.endswith("…") and len(clipped) <= 50
    assert text.startswith(clipped[:-1]) and text[len(clipped) - 1] == " "


# --- hints: reading first -------------------------------------------------------------------


def test_the_hint_ladder_puts_reading_before_pandas():
    exercise = Names(
        "article.test-reading-first",
        "Which paragraph?",
        answer=lambda a: ["p01"],
        vocab="paragraphs",
        hints=["Use `art.paragraphs.query('role == \"body\"')`.", "Read the first paragraph."],
    )
    try:
        reset_hints(exercise.exercise_id)
        first, second = hint(exercise.exercise_id), hint(exercise.exercise_id)
        assert first.text == "Read the first paragraph." and "`art." in second.text
    finally:
        registry.unregister(exercise.exercise_id)
        reset_hints()


def test_code_hints_are_told_from_reading_hints():
    assert is_code_hint("Count with `.value_counts()`.")
    assert is_code_hint("Use art.quotes.speaker_id.")
    assert not is_code_hint("Read paragraph 7: who speaks, and in whose words?")
