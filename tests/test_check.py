"""The exercise-check framework: check, hint, solution, exercises, and every exercise kind."""

from __future__ import annotations

import dataclasses
import math
import statistics
import time
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitlib import framework as registry
from kitlib import use_article
from kitlib.article import load_article
from kitlib.checking import check, diagnose, exercises, hint, reset_attempts, reset_hints
from kitlib.checking import reference as solution  # the ungated key: no attempt needed first
from kitlib.feedback import Feedback, Hint
from kitlib.framework import Choice, Classify, Item, Names, Number, Reflection, Table
from kitlib.framework.compare import norm, read_items, read_number, safe_str

ALL_IDS = list(exercises().exercise_id)
STATUSES = {"correct", "incorrect", "not_answered", "recorded"}
REFLECTIONS = {e.exercise_id for e in registry.all_exercises() if e.kind == "reflection"}


@pytest.fixture(autouse=True)
def _fresh_kernel_state(tmp_path, monkeypatch):
    """Each test starts as a fresh kernel would: no attempts yet, its own progress file."""
    from kitlib import tracking

    monkeypatch.setenv("KITLIB_PROGRESS", str(tmp_path / "progress.json"))
    tracking.forget_memory()
    reset_attempts()
    yield
    reset_attempts()
    tracking.forget_memory()


@pytest.fixture(scope="module")
def art():
    return load_article()


@pytest.fixture
def declare():
    """Declare throwaway exercises for one test and forget them afterwards."""
    made = []

    def make(kind, *args, **kwargs):
        exercise = kind(*args, **kwargs)
        made.append(exercise.exercise_id)
        return exercise

    yield make
    for exercise_id in made:
        registry.unregister(exercise_id)
    reset_hints()


# --- every registered exercise (parametrised, so later lessons are covered too) ----------


def test_lesson_modules_load_without_errors():
    assert registry.load_errors() == {}
    assert ALL_IDS, "no exercise is registered"


def test_exercises_table_has_the_public_columns():
    table = exercises()
    assert list(table.columns) == ["exercise_id", "lesson", "kind", "prompt", "points"]
    assert table.exercise_id.is_unique
    assert (table.points > 0).all()
    assert table.prompt.str.len().gt(10).all()
    assert set(exercises("article").exercise_id) == {i for i in ALL_IDS if i.startswith("article.")}
    import kitlib

    # The package-level names judge and list like kitlib.checking's: a right and a wrong
    # answer are told apart, and a lesson key filters to that lesson alone.
    right = kitlib.check("article.byline", solution("article.byline"))
    wrong = kitlib.check("article.byline", "p01")
    assert (right.status, right.points) == ("correct", 1.0)
    assert (wrong.status, wrong.points, wrong.max_points) == ("incorrect", 0.0, 1.0)
    actors = kitlib.exercises("actors")
    assert set(actors.lesson) == {"01-actors"} and len(actors) > 1
    assert list(actors.exercise_id) == list(table.exercise_id[table.lesson == "01-actors"])


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_the_solution_is_correct(exercise_id):
    answer = solution(exercise_id)
    assert not isinstance(answer, Feedback), answer
    result = check(exercise_id, answer)
    if exercise_id in REFLECTIONS:  # read by a person: recorded, never "correct"
        assert (result.correct, result.status) == (False, "recorded"), result
        return
    assert result.correct is True, result
    assert result.status == "correct"
    assert result.points == result.max_points > 0


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_the_stub_is_not_answered_yet(exercise_id):
    result = check(exercise_id, ...)
    assert (result.correct, result.status) == (False, "not_answered")
    assert "Not answered yet" in str(result)


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_the_hint_ladder_climbs_then_stops(exercise_id):
    reset_hints(exercise_id)
    rungs = []
    while True:
        step = hint(exercise_id)
        assert isinstance(step, Hint), step
        if step.level == 0:
            break
        rungs.append(step)
        assert len(rungs) < 20
    assert len(rungs) >= 2, "a ladder needs at least a pointer and the near-answer rung"
    assert [r.level for r in rungs] == list(range(1, len(rungs) + 1))
    assert all(r.text.strip() for r in rungs)
    assert len({r.text for r in rungs}) == len(rungs), "each rung says something new"
    assert "No more hints" in hint(exercise_id).text
    assert 'role="status"' in hint(exercise_id)._repr_html_()
    reset_hints(exercise_id)
    assert hint(exercise_id).level == 1
    reset_hints(exercise_id)


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_the_solution_is_computed_per_article_and_copied(exercise_id, art):
    first = solution(exercise_id, article=art)
    if isinstance(first, list | dict):
        kept = type(first)(first)
        first.append("edited") if isinstance(first, list) else first.clear()
        # a student editing the returned answer must not change the next one
        assert solution(exercise_id, article=art) == kept
    result = check(exercise_id, solution(exercise_id, article=art), article=art)
    assert result.status == ("recorded" if exercise_id in REFLECTIONS else "correct"), result


# --- odd and wrong answers never raise ------------------------------------------------------


class Hostile:
    """An object every dunder of which raises."""

    def _boom(self, *args, **kwargs):
        raise RuntimeError("boom")

    __eq__ = __ne__ = __lt__ = __hash__ = __str__ = __len__ = _boom
    __iter__ = __bool__ = __float__ = __int__ = __index__ = __getitem__ = _boom
    __format__ = _boom

    def __repr__(self):  # hypothesis needs it to report a failing example
        return "<Hostile>"


class HostileRepr(Hostile):
    __repr__ = Hostile._boom


class HostileList(list):
    def __iter__(self):
        raise RuntimeError("boom")

    def __len__(self):
        raise RuntimeError("boom")


class HostileStr(str):
    def strip(self, *args):
        raise RuntimeError("boom")

    def __str__(self):
        raise RuntimeError("boom")


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.binary(max_size=10),
    st.sampled_from([math.nan, pd.NA, np.int64(7), np.float32(2.5), np.str_("x"), "", " "]),
)
odd_answers = st.one_of(
    scalars,
    st.lists(scalars, max_size=6),
    st.lists(scalars, max_size=4).map(tuple),
    st.sets(st.text(max_size=8), max_size=4),
    st.dictionaries(st.text(max_size=6), scalars, max_size=4),
    st.lists(st.lists(scalars, max_size=2), max_size=3),
    st.lists(st.text(max_size=8), max_size=5).map(pd.Series),
    st.lists(st.text(max_size=8), max_size=5).map(lambda v: pd.DataFrame({"x": v})),
    st.lists(st.integers(0, 9), max_size=5).map(lambda v: pd.DataFrame({"a": v, "b": v})),
    st.lists(st.text(max_size=8), max_size=5).map(pd.Index),
    st.lists(st.floats(allow_nan=True), max_size=5).map(np.array),
)


HOSTILE = {
    "hostile": Hostile,
    "hostile-repr": HostileRepr,
    "hostile-list": lambda: HostileList([1]),
    "hostile-str": lambda: HostileStr("nothing-right"),
    "list-of-hostile": lambda: [Hostile()],
    "dict-of-hostile": lambda: {"p19": Hostile()},
    "series-of-hostile": lambda: pd.Series({"s01": Hostile()}),
    "a-class": lambda: object,
    "a-function": lambda: print,
    "a-generator": lambda: (x for x in ["nothing-right"]),
    "a-huge-list": lambda: [f"p{i}" for i in range(100_000)],
}


# Objects whose methods raise are not drawn by hypothesis: it trips over them itself.
@pytest.mark.parametrize("exercise_id", ALL_IDS)
@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_answers_get_feedback(exercise_id, make):
    result = check(exercise_id, make())
    assert isinstance(result, Feedback)
    assert result.status in STATUSES, result
    assert result.correct is False
    assert 'role="status"' in result._repr_html_() and str(result)


def _could_be_right(exercise_id: str, answer) -> bool:
    """Only a number exercise can be hit by chance (an int equal to the count), a choice by
    its one letter, or a list exercise whose answer is "none" (``empty_ok``) by an empty
    answer."""
    exercise = registry.get(exercise_id)
    if exercise.kind == "choice":
        return isinstance(answer, str) and norm(answer) == norm(str(solution(exercise_id)))
    if exercise.kind == "names" and exercise.empty_ok and len(solution(exercise_id)) == 0:
        return read_items(answer, exercise._column()) == []
    if exercise.kind != "number":
        return False
    value = read_number(answer)
    return isinstance(value, float) and value == solution(exercise_id)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exercise_id=st.sampled_from(ALL_IDS), answer=odd_answers)
def test_odd_answers_get_feedback_never_an_exception(exercise_id, answer):
    result = check(exercise_id, answer)
    assert isinstance(result, Feedback)
    assert result.status in STATUSES, result  # "error" would mean the checker broke
    assert isinstance(result.message, str) and result.message
    if result.correct:
        assert _could_be_right(exercise_id, answer), (answer, result)
    html = result._repr_html_()
    assert 'role="status"' in html and "<script" not in html.lower()
    assert str(result) and repr(result)


@settings(max_examples=100, deadline=None)
@given(exercise_id=st.text(max_size=30), answer=odd_answers)
def test_any_exercise_id_gets_feedback(exercise_id, answer):
    if exercise_id in ALL_IDS or registry.get(exercise_id) is not None:
        return  # a real id (hypothesis will hardly ever draw one): judged elsewhere
    shown = repr(safe_str(exercise_id))  # quoted as the student typed it, whitespace tidied
    for result in (check(exercise_id, answer), hint(exercise_id), solution(exercise_id)):
        assert (result.correct, result.status) == (False, "unknown_exercise"), result
        assert "There is no exercise" in result.message and shown in result.message
        assert "kitlib.exercises()" in result.message
    not_text = solution(Hostile())
    assert (not_text.status, not_text.exercise_id) == ("unknown_exercise", "")
    assert "should be text such as 'article.byline'" in not_text.message


def test_unknown_exercise_suggests_close_ids():
    result = check("article.bylin", "p19")
    assert (result.correct, result.status) == (False, "unknown_exercise")
    assert "'article.byline'" in result.message
    assert "'article.byline'" in check("byline", "p19").message  # the short name alone
    assert "'article.byline'" in hint("article.by-line").message
    assert "'article.byline'" in solution("articles.byline").message
    assert check(None, 1).status == "unknown_exercise"


# --- rendering ---------------------------------------------------------------------------


def test_html_box_is_accessible_and_self_contained():
    result = check("article.byline", "<script>alert(1)</script>")
    html = result._repr_html_()
    assert html.startswith('<div role="status"')
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "Not yet" in html and 'aria-hidden="true"' in html  # a label, not colour alone
    assert "<link" not in html and "<style" not in html and "http" not in html
    good = check("article.byline", solution("article.byline"))._repr_html_()
    assert "Correct" in good and "<li" in good  # the evidence, quoted from the text


def test_plain_text_is_short():
    result = check("article.body-paragraphs", 21)
    text = str(result)
    assert text == repr(result)
    assert text.startswith("✗ Not yet (article.body-paragraphs):")
    assert len(text.splitlines()) <= 5


def test_feedback_is_a_dataclass_with_correct_and_message(art):
    result = check("article.byline", "p19")
    assert dataclasses.is_dataclass(result)
    assert (result.exercise_id, result.correct, bool(result)) == ("article.byline", True, True)
    assert result.message.startswith("p19.")  # says which paragraph it judged
    byline = art.paragraphs.set_index("paragraph_id").loc["p19", "text"]
    assert any(byline in line for line in result.evidence), result.evidence  # quoted text
    miss = check("article.byline", "p01")
    assert (miss.correct, bool(miss), miss.points) == (False, False, 0.0)
    assert "p01" in miss.message  # names the answer it rejected
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.correct = False  # a student cannot turn a verdict around


# --- names: near misses, typos, case, order, shapes ---------------------------------------


def _direct_speakers(art):
    return art.quotes.loc[art.quotes.kind == "direct", "speaker_id"].unique()


@pytest.fixture
def speakers(declare, art):
    declare(
        Names,
        "quotes.test-direct-speakers",
        "Who is quoted directly?",
        answer=_direct_speakers,
        vocab="actors",
        noun="speakers",
        column="speaker_id",
        mistakes={"putin": "his words are reported, never quoted in full."},
    )
    ids = list(solution("quotes.test-direct-speakers"))
    names = [art.actor(i)["name"] for i in ids]
    return ids, names


def test_names_forgive_case_order_whitespace_and_shape(speakers, art):
    ids, names = speakers
    last_names = [n.split()[-1] for n in names]
    direct = art.quotes[art.quotes.kind == "direct"]
    for answer in [
        ids,
        list(reversed(ids)),
        tuple(ids),
        set(ids),
        [f"  {n.upper()} " for n in last_names],
        names,
        ", ".join(last_names),
        " and ".join(last_names),
        pd.Series(ids),
        pd.Index(ids),
        np.array(ids),
        pd.DataFrame({"who": ids}),
        direct,  # the filtered table itself: its speaker_id column is read
        direct.speaker_id,  # duplicates do not matter
        str(ids),  # a printed list
    ]:
        result = check("quotes.test-direct-speakers", answer)
        assert result.correct, (answer, result)


def test_names_near_miss_points_to_the_paragraph(speakers, art):
    ids, names = speakers
    result = diagnose("quotes.test-direct-speakers", names[:-1])
    assert not result.correct
    n = len(ids)
    assert f"This list has {n - 1} of the {n} speakers." in result.message
    first = art.mentions[art.mentions.actor_id == ids[-1]].sentence_id.iloc[0]
    paragraph = art.sentences.set_index("sentence_id").paragraph_id[first]
    assert f"1 speaker is still missing: re-read paragraph {paragraph}." in result.message
    assert names[-1] not in result.message  # a pointer, not the answer


def test_names_typo_is_named(speakers):
    ids, names = speakers
    typo = names[-1][:-1] + ("x" if names[-1][-1] != "x" else "y")
    result = check("quotes.test-direct-speakers", names[:-1] + [typo])
    assert f"'{typo}' is not in the article: did you mean '{names[-1]}'?" in result.message


def test_names_extra_item_gets_its_diagnosis_and_evidence(speakers):
    ids, names = speakers
    result = diagnose("quotes.test-direct-speakers", names + ["Putin"])
    assert "'Vladimir Putin' is not one of them: his words are reported" in result.message
    assert any("Putin" in line for line in result.evidence)
    unknown = diagnose("quotes.test-direct-speakers", names + ["Smith"])
    assert "'Smith' is not one of the speakers in the article." in unknown.message


def test_names_wrong_shapes_are_explained(speakers):
    assert "dict" in check("quotes.test-direct-speakers", {"a": 1}).message
    assert "empty" in check("quotes.test-direct-speakers", []).message
    table = pd.DataFrame({"a": [1], "b": [2]})
    assert "'speaker_id' column" in check("quotes.test-direct-speakers", table).message
    assert "None" in check("quotes.test-direct-speakers", None).message


def test_one_exercise_candidates_do_not_leak_into_another(declare):
    declare(
        Names,
        "article.test-leak",
        "x",
        answer=lambda a: ["p01"],
        vocab="paragraphs",
        candidates=["zzz-extra"],
    )
    assert "is not one of them" in diagnose("article.test-leak", ["p01", "zzz-extra"]).message
    other = diagnose("article.byline", "zzz-extra")
    assert "'zzz-extra' is not one of the paragraphs in the article." in other.message


def test_ordered_names(declare, art):
    declare(
        Names,
        "article.test-first-paragraphs",
        "The first three paragraphs, in reading order.",
        answer=lambda a: a.paragraphs.paragraph_id.head(3),
        vocab="paragraphs",
        ordered=True,
    )
    ids = list(art.paragraphs.paragraph_id.head(3))
    assert check("article.test-first-paragraphs", ids).correct
    assert "order" in check("article.test-first-paragraphs", ids[::-1]).message


# --- items, numbers, choices --------------------------------------------------------------


def test_item_accepts_id_variants_and_rejects_two(art):
    byline = solution("article.byline")
    number = byline.lstrip("p").lstrip("0")
    for answer in [
        *[byline, byline.upper(), f" '{byline}' ", f"p{number}", f"paragraph {number}"],
        *[int(number), [byline], art.paragraphs[art.paragraphs.role == "byline"]],
    ]:
        assert check("article.byline", answer).correct, answer
    two = check("article.byline", [byline, "p01"])
    assert "one paragraph" in two.message and not two.correct


def test_item_wrong_answer_quotes_the_text(art):
    bio = art.paragraphs[art.paragraphs.role == "author_bio"].iloc[0]
    result = diagnose("article.byline", bio.paragraph_id)
    assert f"'{bio.paragraph_id}' is not it: that is the author bio" in result.message
    assert any(bio.text[:30] in line for line in result.evidence)


def test_sentence_id_typo_and_paragraph_confusion(art):
    right = solution("article.figure-sentence")
    paragraph = art.sentences.set_index("sentence_id").paragraph_id[right]
    assert "the id of the paragraph" in check("article.figure-sentence", paragraph).message
    last = art.sentences.sentence_id.iloc[-1]
    far = check("article.figure-sentence", "s999").message
    assert f"the ids run from 's01' to '{last}'" in far


def test_number_reads_many_spellings(art):
    count = solution("article.body-paragraphs")
    for answer in [count, float(count), np.int64(count), str(count), f" {count} ", [count],
                   pd.Series([count]), pd.DataFrame({"n": [count]})]:  # fmt: skip
        assert check("article.body-paragraphs", answer).correct, answer
    assert check("article.body-paragraphs", "eighteen").correct == (count == 18)
    assert not check("article.body-paragraphs", True).correct
    everything = check("article.body-paragraphs", len(art.paragraphs))
    assert "counts every paragraph" in everything.message
    close = check("article.body-paragraphs", count - 1)
    assert "close" in close.message and "low" in close.message
    table = check("article.body-paragraphs", art.paragraphs)
    assert "len(" in table.message


def test_choice_feedback_per_option():
    right = solution("article.when")
    messages = {}
    for key in "abcd":
        result = check("article.when", key)
        assert result.correct == (key == right)
        messages[key] = result.message
    assert len(set(messages.values())) == 4, "each option has its own diagnosis"
    assert check("article.when", f"({right.upper()})").correct
    assert check("article.when", [right]).correct
    assert "not its number" in check("article.when", 2).message
    assert "'zz' is not one of the options" in check("article.when", "zz").message


def test_choice_text_with_a_typo_is_named(declare):
    declare(
        Choice,
        "sources.test-choice",
        "Pick one.",
        options={"a": "A paraphrase is still a quote", "b": "Only quotation marks make a quote"},
        answer="a",
        feedback={"b": "reported speech is a quote too."},
    )
    assert check("sources.test-choice", "a paraphrase is still a quote.").correct
    slip = check("sources.test-choice", "a paraphrase is stil a quote")
    assert slip.correct  # a slip in retyping the option's text is forgiven
    far = check("sources.test-choice", "only quotation make quote")
    assert "did you mean option 'b'" in far.message and not far.correct
    assert "reported speech" in check("sources.test-choice", "b").message


# --- classification and tables on a small hand-made article -------------------------------


@pytest.fixture
def tiny():
    """A three-sentence article built by hand, to test the kinds without the real data."""
    sentences = pd.DataFrame(
        {
            "sentence_id": ["s01", "s02", "s03"],
            "paragraph_id": ["p01", "p01", "p02"],
            "text": ["Ann said it rains.", "Officials say so.", "It rains."],
        }
    )
    claims = pd.DataFrame(
        {
            "claim_id": ["c01", "c02", "c03"],
            "sentence_id": ["s01", "s02", "s03"],
            "text": sentences.text,
            "source_type": ["named", "unnamed", "unattributed"],
        }
    )
    return SimpleNamespace(sentences=sentences, claims=claims, paragraphs=pd.DataFrame())


def test_classify_reports_wrong_items_with_evidence(declare, tiny):
    declare(
        Classify,
        "sources.test-types",
        "Label each sentence with the type of its source.",
        answer=lambda a: dict(zip(a.claims.sentence_id, a.claims.source_type, strict=True)),
        labels=["named", "unnamed", "document", "unattributed"],
        vocab="sentences",
        noun="sentences",
        mistakes={"s03": "no one in the sentence says so."},
    )
    good = {"s01": "named", "s02": "unnamed", "s03": "unattributed"}
    assert diagnose("sources.test-types", good, article=tiny).correct
    shapes = [
        {k.upper(): f" {v.upper()} " for k, v in good.items()},
        pd.Series(good),
        pd.DataFrame({"sentence_id": list(good), "label": list(good.values())}),
        list(good.items()),
    ]
    for answer in shapes:
        assert diagnose("sources.test-types", answer, article=tiny).correct, answer
    result = diagnose("sources.test-types", {**good, "s03": "named"}, article=tiny)
    assert "2 of the 3 sentences labelled right" in result.message
    assert "s03: 'named' does not fit: no one in the sentence says so." in result.message
    assert any("It rains." in line for line in result.evidence)
    typo = diagnose("sources.test-types", {**good, "s02": "unamed"}, article=tiny)
    assert "did you mean 'unnamed'?" in typo.message
    partial = diagnose("sources.test-types", {"s01": "named"}, article=tiny)
    assert "Not labelled yet: s02 and s03." in partial.message
    assert solution("sources.test-types", article=tiny) == good


def test_table_compares_relevant_columns_order_free(declare, tiny):
    declare(
        Table,
        "sources.test-table",
        "Count the claims per source type.",
        answer=lambda a: a.claims.groupby("source_type").size().rename("n").reset_index(),
        key="source_type",
    )
    expected = solution("sources.test-table", article=tiny)
    assert list(expected.columns) == ["source_type", "n"]
    shuffled = expected.sample(frac=1, random_state=1).assign(extra=1)
    assert diagnose("sources.test-table", shuffled, article=tiny).correct
    as_series = tiny.claims.groupby("source_type").size()  # index holds the key
    assert diagnose("sources.test-table", as_series, article=tiny).correct
    upper = expected.rename(columns=str.upper)
    assert diagnose("sources.test-table", upper, article=tiny).correct
    off = expected.copy()
    off.loc[0, "n"] = 5
    result = diagnose("sources.test-table", off, article=tiny)
    assert f"Rows with other values: '{off.source_type[0]}' ('n')." in result.message
    short = diagnose("sources.test-table", expected.head(2), article=tiny)
    assert "Missing rows:" in short.message
    bad = diagnose("sources.test-table", pd.DataFrame({"x": [1], "y": [2], "z": [3]}), article=tiny)
    assert "needs the 2 columns 'source_type' and 'n'" in bad.message


def test_reflection_counts_a_real_attempt(declare):
    declare(
        Reflection,
        "capstone.test-reflection",
        "What did you learn?",
        model_answer="A model answer " * 10,
        min_words=12,
        ideas={"the headline": ["headline"]},
    )
    assert check("capstone.test-reflection", "YOUR ANSWER HERE").status == "not_answered"
    assert "at least 12 words" in check("capstone.test-reflection", "too short").message
    assert "repeats" in check("capstone.test-reflection", "word " * 40).message
    attempt = "I learned that a reader should ask who says so for every claim in the story."
    result = check("capstone.test-reflection", attempt)
    assert (result.correct, result.status) == (False, "recorded") and "Correct" not in str(result)
    assert "not graded" in result.message and "model answer" in result.message
    assert result.checklist == ("the headline",)
    assert "the headline" in result.message and result.evidence == (solution(
        "capstone.test-reflection"),)  # fmt: skip
    assert not check("capstone.test-reflection", ["a list"]).correct


# --- articles, registry, speed -------------------------------------------------------------


def test_another_article_changes_the_computed_solution(art):
    byline = solution("article.byline")
    paragraphs = art.paragraphs.copy()
    paragraphs.loc[paragraphs.paragraph_id == byline, "role"] = "body"
    other = dataclasses.replace(art, paragraphs=paragraphs)
    count = solution("article.body-paragraphs")
    assert solution("article.body-paragraphs", article=other) == count + 1
    assert check("article.body-paragraphs", count + 1, article=other).correct
    assert not check("article.body-paragraphs", count + 1).correct
    try:
        use_article(other)
        assert check("article.body-paragraphs", count + 1).correct
    finally:
        use_article()
    assert check("article.body-paragraphs", count).correct


def test_article_given_as_a_path(art):
    assert check("article.byline", solution("article.byline"), article=art.path).correct
    broken = check("article.byline", "p19", article="/no/such/folder")
    assert (broken.correct, broken.status) == (False, "error")
    assert "could not be loaded" in broken.message


def test_registry_rejects_bad_and_duplicate_ids(declare):
    with pytest.raises(ValueError, match="lesson key"):
        Number("nolesson.count", "x", answer=1)
    with pytest.raises(ValueError, match="lower-case"):
        Number("article.Bad_Name", "x", answer=1)
    with pytest.raises(ValueError, match="vocab"):
        Names("article.test-vocab", "x", answer=list, vocab="paragraph")
    taken = registry.get("article.byline")
    with pytest.raises(ValueError, match="already declared"):
        Item("article.byline", "again", answer=lambda a: "p01", module="somewhere.else")
    assert registry.get("article.byline") is taken


def test_item_reference_must_be_one(declare, art):
    declare(Item, "article.test-two", "x", answer=lambda a: ["p01", "p02"], vocab="paragraphs")
    result = check("article.test-two", "p01")
    assert result.status == "error" and "tell the teacher" in result.message


def test_median_check_latency_is_well_under_20_ms(art):
    answers = {i: solution(i) for i in ALL_IDS}
    wrong = {i: "p02" for i in ALL_IDS}
    for batch in (answers, wrong):  # warm the caches
        for exercise_id, answer in batch.items():
            check(exercise_id, answer)
    times = []
    for _ in range(20):
        for batch in (answers, wrong):
            for exercise_id, answer in batch.items():
                start = time.perf_counter()
                check(exercise_id, answer)
                times.append(time.perf_counter() - start)
    median_ms = statistics.median(times) * 1000
    print(f"median check latency: {median_ms:.2f} ms over {len(times)} checks")
    assert median_ms < 20


def test_odd_answers_draw_no_warning_in_the_students_notebook():
    import warnings

    from kitlib.checking import check, exercises

    table_ids = list(exercises().query("kind == 'table'").exercise_id)
    assert table_ids
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for exercise_id in table_ids:
            assert not check(exercise_id, [[1, 2, 3], [4]]).correct  # ragged rows
    assert [str(w.message) for w in caught] == []
