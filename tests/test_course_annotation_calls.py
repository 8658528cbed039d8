"""The contested calls of the course annotation (issue 9), each checked against the text.

Each test reads the annotation as loaded and the article's own words, so a call that drifts
back (an act stored as a quote, one utterance stored twice) fails here with its reason.
"""

import kitlib
from kitlib import framework
from kitlib.lessons import l01_actors

from .conftest import SEED


def course():
    return kitlib.load_article(SEED)


def test_the_united_states_is_a_side_with_no_voice():
    art = course()
    assert "united-states" in set(art.sides.side_id)
    side = dict(zip(art.actors.actor_id, art.actors.side, strict=True))
    assert side["trump"] == side["witkoff"] == side["us-government"] == "united-states"
    assert side["ukrainian-and-american-officials"] == "other"  # both sides at once
    american = {a for a, s in side.items() if s == "united-states"}
    assert not american & set(art.quotes.speaker_id)  # zero quotes
    assert not american & set(art.claims.source_id.dropna())  # zero claims
    # The side's note owns up to the one fact not in the text: who the U.S. president is.
    note = art.sides.set_index("side_id").note["united-states"]
    assert "knows who the U.S. president is" in note
    assert art.actor("trump")["affiliation"] is None  # the text names no country for him


def test_presenting_and_introducing_the_plan_are_acts_not_quotes():
    art = course()
    assert not {"presented", "introduced"} & set(art.quotes.cue)
    zelenskyy = art.quotes[art.quotes.speaker_id == "zelenskyy"]
    assert list(zelenskyy.cue) == ["described"]
    # The acts stay in the data, in the reporter's voice.
    acts = art.claims[art.claims.sentence_id.isin(["s01", "s03"])]
    stated = acts[acts.text.str.contains("presented|introduced by Zelenskyy")]
    assert set(stated.source_type) == {"unattributed"} and len(stated) == 2


def test_one_putin_utterance_is_one_quote():
    art = course()
    friday = art.quotes[(art.quotes.speaker_id == "putin") & (art.quotes.cue == "saying")]
    # "saying Moscow could make some "accommodations," ... while remaining prepared to fight":
    # the quoted word once, and the open last clause; no second row around the quoted word.
    assert sorted(friday.kind) == ["indirect", "partial"]
    partial = friday[friday.kind == "partial"].iloc[0]
    assert partial.text.strip(" ,") == "accommodations"
    spans = [(r.start, r.end) for r in art.quotes.itertuples()]
    nested = [(a, b) for a in spans for b in spans if a != b and a[0] <= b[0] and b[1] <= a[1]]
    assert nested == []  # no quote inside another: each words counted once
    in_own_words = art.quotes[art.quotes.kind.isin(["direct", "partial"])]
    assert list(in_own_words[in_own_words.speaker_id == "putin"].text) == ["accommodations,"]


def test_the_security_guarantees_are_a_term_of_the_plan():
    art = course()
    d05 = art.demands.set_index("demand_id").loc["d05"]
    assert art.text[d05.start - len("includes ") : d05.start] == "includes "
    assert d05.kind == "proposal_term" and d05.document_id == "twenty-point-plan"
    assert d05.addressee_id is None  # who would give them is never said


def test_the_fit_with_independent_estimates_is_the_reporters():
    art = course()
    c26 = art.claims.set_index("claim_id").loc["c26"]
    assert "consistent with independent estimates" in c26.text
    assert c26.source_type == "unattributed" and c26.source_id is None
    assert "vouches" in c26.note


def test_whose_fight_is_an_open_question_not_a_settled_fact():
    art = course()
    q12 = art.quotes.set_index("quote_id").loc["q12"]
    assert q12.text == "remaining prepared to fight to fully occupy Donetsk"
    assert "open call" in q12.note.lower()
    verdict = kitlib.check("demands.whose-fight", "d")
    assert verdict.correct
    for reading in "abc":  # each defensible reading is explained, and shown as not settled
        assert "does not settle it" in kitlib.check("demands.whose-fight", reading).message


def test_kharkiv_and_donetsk_are_both_named_on_both_sides():
    art = course()
    rows = art.demands.explode("places")
    by_place = rows.groupby("places").party_id.apply(set)
    assert {"putin"} <= by_place["Donetsk"] and "ukrainian-government" in by_place["Donetsk"]
    assert {"ukrainian-government", "russian-government"} <= by_place["Kharkiv"]
    reflection = framework.get("demands.reflection").model_answer
    assert "Two regions are named on both sides" in reflection
    assert "one region both sides name" not in reflection


def test_the_writer_is_not_counted_as_silent():
    art = course()
    assert "jim-thomas" not in l01_actors.silent_people(art)
    answer = [*l01_actors.silent_people(art), "jim-thomas"]
    first = kitlib.check("actors.silent-people", answer)  # a first miss may get only a nudge
    again = kitlib.check("actors.silent-people", answer)
    assert not first.correct and not again.correct
    assert "writer's voice" in first.message + again.message
