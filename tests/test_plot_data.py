"""The counts behind each figure (kitlib.plots.*_counts and friends), checked against the
annotation on their own; then the figure and its summary, both drawn from one such table."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from kitlib import plots


def names(art) -> dict[str, str]:
    return dict(zip(art.actors.actor_id, art.actors.name, strict=True))


@pytest.mark.parametrize("by", ["kind", "side", "form"])
def test_mention_counts_add_up_to_each_actors_mentions(art, by):
    data = plots.mention_counts(art, by)
    per_actor = data.groupby("actor_id").mentions.sum()
    assert per_actor.to_dict() == art.mentions.actor_id.value_counts().to_dict()
    totals = list(data.groupby("actor_id", sort=False).mentions.sum())
    assert totals == sorted(totals, reverse=True)  # most mentioned first
    if by == "kind":
        kind_of = dict(zip(art.actors.actor_id, art.actors.kind, strict=True))
        assert all(kind_of[a] == c for a, c in zip(data.actor_id, data.category, strict=True))
    if by == "form":
        forms = Counter(zip(art.mentions.actor_id, art.mentions.form, strict=True))
        assert {(r.actor_id, r.category): r.mentions for r in data.itertuples()} == dict(forms)


def test_cooccurrence_counts_are_shared_sentences_both_ways(art):
    data = plots.cooccurrence_counts(art)
    together = art.mentions.groupby("sentence_id").actor_id.apply(set)
    for row in data.itertuples():
        expected = sum(1 for s in together if row.actor_id in s and row.other_id in s)
        assert row.sentences == expected
    pairs = {(r.actor_id, r.other_id): r.sentences for r in data.itertuples()}
    assert all(pairs[(b, a)] == n for (a, b), n in pairs.items())
    assert (data.actor_id != data.other_id).all()


def test_cooccurrence_counts_leave_out_the_rarely_mentioned(art):
    counts = art.mentions.actor_id.value_counts()
    data = plots.cooccurrence_counts(art, min_mentions=3)
    assert set(data.actor_id) <= set(counts[counts >= 3].index)


def test_demand_places_has_a_row_per_place_and_one_for_a_term_without_place(art):
    data = plots.demand_places(art)
    assert len(data) == sum(max(1, len(p)) for p in art.demands.places)
    for row in art.demands.itertuples():
        mine = data[data.demand_id == row.demand_id]
        assert list(mine.place.dropna()) == list(row.places)
        assert set(mine.kind) == {row.kind}
    side = dict(zip(art.actors.actor_id, art.actors.side, strict=True))
    side_name = dict(zip(art.sides.side_id, art.sides.name, strict=True))
    for row in art.demands.itertuples():
        expected = side_name.get(side.get(row.party_id))
        assert set(data[data.demand_id == row.demand_id].party_side.fillna("-")) == {
            expected or "-"
        }


def test_quote_counts_count_rows_and_the_sentences_they_come_from(art):
    data = plots.quote_counts(art)
    rows = art.quotes.groupby(["speaker_id", "kind"]).size().to_dict()
    assert {(r.speaker_id, r.kind): r.quotes for r in data.itertuples()} == rows
    sentences = art.quotes.groupby("speaker_id").sentence_id.nunique().to_dict()
    assert {r.speaker_id: r.sentences for r in data.itertuples()} == sentences


def test_cue_counts_count_each_verb_once_per_use(art):
    data = plots.cue_counts(art)
    uses = art.quotes.drop_duplicates(["cue_start", "cue_end"])
    assert data.groupby("verb").uses.sum().to_dict() == dict(Counter(uses.cue.str.lower()))
    totals = list(data.groupby("verb", sort=False).uses.sum())
    assert totals == sorted(totals, reverse=True)


def test_sentence_sources_give_each_sentence_the_type_of_its_claims(art):
    data = plots.sentence_sources(art)
    assert list(data.sentence_id) == list(art.sentences.sort_values("start").sentence_id)
    for row in data.itertuples():
        types = set(art.claims[art.claims.sentence_id == row.sentence_id].source_type)
        expected = types.pop() if len(types) == 1 else ("mixed" if types else "no claim")
        assert row.category == expected


def test_balance_counts_hold_every_claim_and_quote_once(art):
    data = plots.balance_counts(art)
    claims, quotes = (data[data.panel == p] for p in ("claims", "quotes"))
    assert claims["count"].sum() == len(art.claims)
    assert quotes["count"].sum() == len(art.quotes)
    unattributed = claims[claims.group == "unattributed"]
    assert unattributed["count"].sum() == (art.claims.source_type == "unattributed").sum()
    assert set(unattributed.category) == {"unattributed"}
    side_of = dict(zip(art.actors.actor_id, art.actors.side, strict=True))
    russian = quotes[quotes.group == "Russia"]["count"].sum()
    assert russian == art.quotes.speaker_id.map(side_of).eq("russia").sum()
    declared = [n for s, n in zip(art.sides.side_id, art.sides.name, strict=True)]
    for panel in ("claims", "quotes"):
        assert set(declared) <= set(data[data.panel == panel].group)  # zeros included


# ---------------------------------------------------------------- figure and summary, one table


def made_up_quotes() -> pd.DataFrame:
    """Six rows from one sentence for A, two from two sentences for B: rows are not sentences."""
    return pd.DataFrame(
        [
            ("a", "A", "indirect", 5, 1),
            ("a", "A", "partial", 1, 1),
            ("b", "B", "direct", 2, 2),
        ],
        columns=plots.quotes.QUOTE_COLUMNS,
    )


def test_quotes_figure_and_summary_come_from_the_table_alone():
    data = made_up_quotes()
    fig = plots.quotes.draw_quotes(data)
    bars = Counter()
    for trace in fig.data:
        bars.update(dict(zip(trace.y, trace.x, strict=True)))
    assert bars == {"A": 6, "B": 2}
    summary = plots.quotes.summarize_quotes(data)
    assert summary == (
        "Counting annotated quote rows: most quote rows are A's "
        "(6 of 8: 5 indirect, 1 partial), from 1 sentence; 2 speakers in all."
    )


def test_a_plurality_of_quote_rows_is_not_most():
    data = made_up_quotes()
    data.loc[2, "quotes"] = 5
    data.loc[3] = ("c", "C", "direct", 2, 2)  # A: 6 rows, B: 5, C: 2, of 13
    summary = plots.quotes.summarize_quotes(data)
    assert "most" not in summary
    assert "A has more quote rows than any other speaker (6 of 13" in summary


def test_cue_figure_and_summary_agree_on_a_made_up_table():
    data = pd.DataFrame(
        [("said", "x", "X", 2), ("insisted", "x", "X", 2), ("told", "other", "other", 1)],
        columns=plots.quotes.CUE_COLUMNS,
    )
    fig = plots.quotes.draw_cues(data, {"x": "#0072B2", "other": "#999999"})
    assert list(fig.layout.xaxis.categoryarray) == ["said", "insisted", "told"]
    summary = plots.quotes.summarize_cues(data)
    assert summary.startswith("The verbs “said” and “insisted” introduce speech more often")
    assert "(2 each of 5)" in summary


@pytest.mark.parametrize(
    ("data", "figure", "summary"),
    [
        (plots.mention_counts, plots.actor_mentions, plots.actors.summarize_mentions),
        (plots.cooccurrence_counts, plots.actor_cooccurrence, plots.actors.summarize_cooccurrence),
        (plots.demand_places, plots.demand_map, plots.demands.summarize_demand_map),
        (plots.quote_counts, plots.quotes_by_speaker, plots.quotes.summarize_quotes),
        (plots.cue_counts, plots.cue_verbs, plots.quotes.summarize_cues),
        (plots.sentence_sources, plots.attribution_map, plots.sources.summarize_attribution_map),
        (plots.balance_counts, plots.source_balance, plots.sources.summarize_balance),
    ],
    ids=lambda f: getattr(f, "__name__", ""),
)
def test_each_public_figure_carries_the_summary_of_its_own_table(art, data, figure, summary):
    assert plots.figure_summary(figure(art)) == summary(data(art))
