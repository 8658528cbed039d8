"""The lesson plots (kitlib.plots): data from the article tables, labels, colours, determinism."""

from __future__ import annotations

import dataclasses
import html
import re
import sys
import types
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import kitlib
from kitlib import palette, plots

FUNCTIONS = [
    plots.actor_mentions,
    plots.actor_cooccurrence,
    plots.demand_map,
    plots.quotes_by_speaker,
    plots.cue_verbs,
    plots.attribution_map,
    plots.source_balance,
]
SAFE_COLORS = (
    set(palette.OKABE_ITO.values())
    | {palette.GREY, "#DDDDDD", "#FFFFFF"}
    | {palette.tint(c, plots.CELL_TINT) for c in plots.DEMAND_KIND_COLORS.values()}
)


@pytest.fixture(scope="module")
def figures(art):
    return {f.__name__: f(art) for f in FUNCTIONS}


def names(art) -> dict[str, str]:
    return dict(zip(art.actors.actor_id, art.actors.name, strict=True))


def bar_totals(fig, axis_of_labels="y") -> Counter:
    """Sum the bar lengths per category label over all traces."""
    value_axis = "x" if axis_of_labels == "y" else "y"
    totals: Counter = Counter()
    for trace in fig.data:
        for label, value in zip(
            getattr(trace, axis_of_labels), getattr(trace, value_axis), strict=True
        ):
            totals[label] += value
    return totals


# ---------------------------------------------------------------- common to every figure


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_figure_is_titled_labelled_summarised_and_offline(function, figures):
    fig = figures[function.__name__]
    assert fig.layout.title.text
    axes = [key for key in fig.layout if re.fullmatch(r"[xy]axis\d*", key)]
    assert len(axes) >= 2
    for key in axes:
        assert fig.layout[key].title.text, f"{key} has no title"
    summary = plots.figure_summary(fig)
    assert summary and "\n" not in summary and summary[0].isupper()
    text = fig.to_json()
    assert "://" not in text and "cdn" not in text.lower()


FRESH_PROCESS = """
import json, sys
import kitlib
from kitlib import plots
art = kitlib.load_article()
names = sys.argv[1:]
print(json.dumps({name: getattr(plots, name)(art).to_json() for name in names}))
"""


def test_figure_json_is_the_same_in_a_fresh_process_with_another_hash_seed(figures):
    """Set and dict order of strings changes with the hash seed: a figure whose order leaned on
    it would differ here (comparing two figures built in one process could never fail)."""
    import json
    import os
    import subprocess
    import sys

    names = [f.__name__ for f in FUNCTIONS]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS, *names],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    fresh = json.loads(out.stdout)
    for name in names:
        assert fresh[name] == figures[name].to_json(), name


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_colours_are_colour_blind_safe_and_bars_carry_patterns(function, figures):
    fig = figures[function.__name__]
    for trace in fig.data:
        if trace.type == "bar":
            assert trace.marker.color in SAFE_COLORS
            assert trace.marker.pattern.shape is not None  # a second cue, even if plain
        else:
            for _stop, color in trace.colorscale:
                assert color.upper() in SAFE_COLORS, color
    patterns = [t.marker.pattern.shape for t in fig.data if t.type == "bar"]
    legends = {(t.legend or "legend") for t in fig.data if t.type == "bar"}
    for legend in legends:
        shown = [t.marker.pattern.shape for t in fig.data if (t.legend or "legend") == legend]
        assert len(set(shown)) == len(shown), "two categories share a pattern"
    assert patterns or function in (plots.actor_cooccurrence, plots.demand_map)


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_empty_tables_give_a_figure_that_says_so(function, art):
    empty = dataclasses.replace(
        art,
        **{t: getattr(art, t).iloc[0:0] for t in ("mentions", "quotes", "demands", "claims")},
    )
    fig = function(empty)
    assert fig.layout.title.text
    if function is not plots.attribution_map:  # sentences remain: they are all "no claim"
        assert re.search(r"\bno\b", plots.figure_summary(fig), re.IGNORECASE)


def test_show_displays_the_figure_then_its_summary(monkeypatch, art):
    import IPython.display
    import plotly.io as pio

    # As in any ipykernel (a plain IPython shell, which another test may have made, picks
    # "plotly_mimetype+notebook", where show() rightly hands the figure to plotly instead).
    monkeypatch.setattr(pio.renderers, "default", "plotly_mimetype")
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: shown.append((obj, kw)))
    fig = plots.quotes_by_speaker(art)
    plots.show(fig)
    # The figure goes out as the bundle plotly's own kernel renderer makes (bypassing only its
    # nbformat version check, which costs an import of nbformat per lesson).
    expected = pio.renderers["plotly_mimetype"].to_mimebundle(fig.to_dict())
    assert shown[0] == (expected, {"raw": True})
    bundle, options = shown[1]
    assert options == {"raw": True}
    assert bundle["text/plain"] == plots.figure_summary(fig)
    assert html.escape(plots.figure_summary(fig)) in bundle["text/html"]


# ---------------------------------------------------------------- actors


@pytest.mark.parametrize("by", ["kind", "side", "form"])
def test_actor_mentions_count_every_mention(art, by):
    fig = plots.actor_mentions(art, by=by)
    expected = Counter(names(art)[a] for a in art.mentions.actor_id)
    assert bar_totals(fig) == expected
    assert sum(bar_totals(fig).values()) == len(art.mentions)
    order = list(reversed(fig.layout.yaxis.categoryarray))  # top of the chart first
    assert [expected[n] for n in order] == sorted(expected.values(), reverse=True)


def test_actor_mentions_colour_by_the_actor_column(art):
    fig = plots.actor_mentions(art, by="kind")
    kind_of = dict(zip(art.actors.name, art.actors.kind, strict=True))
    for trace in fig.data:
        assert {kind_of[n] for n in trace.y} == {trace.name}
        assert trace.marker.color == palette.ACTOR_KIND_COLORS[trace.name]
    top = fig.layout.yaxis.categoryarray[-1]
    assert plots.figure_summary(fig).lower().startswith(top.lower())


def test_actor_mentions_rejects_an_unknown_colouring(art):
    with pytest.raises(ValueError, match="'kind', 'side' or 'form'"):
        plots.actor_mentions(art, by="colour")


def test_cooccurrence_counts_shared_sentences(art):
    fig = plots.actor_cooccurrence(art)
    (heat,) = fig.data
    together = art.mentions.groupby("sentence_id").actor_id.apply(set)
    label_to_id = {v: k for k, v in names(art).items()}
    for i, row_label in enumerate(heat.y):
        for j, col_label in enumerate(heat.x):
            a, b = label_to_id[row_label], label_to_id[col_label]
            expected = None if a == b else sum(1 for s in together if a in s and b in s)
            assert heat.z[i][j] == expected
    assert [list(r) for r in heat.z] == [list(c) for c in zip(*heat.z, strict=True)]
    best = max(v for r in heat.z for v in r if v is not None)
    tops = [
        (a, b) for i, a in enumerate(heat.y) for j, b in enumerate(heat.x) if heat.z[i][j] == best
    ]
    summary = plots.figure_summary(fig)
    if len(tops) == 2:  # one pair (both orders): it is named
        assert summary.startswith(f"{tops[0][0]} and {tops[0][1]} share more sentences") or (
            summary.startswith(f"{tops[0][1]} and {tops[0][0]} share more sentences")
        )
        assert f"({best})" in summary
    else:  # a tie: no pair is singled out
        assert summary.startswith(f"No pair shares more than {best} sentence")
        assert f"{len(tops) // 2} pairs share {best}" in summary


# ---------------------------------------------------------------- demands


def test_demand_map_has_one_cell_per_place_and_party(art):
    fig = plots.demand_map(art)
    (heat,) = fig.data
    placed = art.demands[art.demands.places.map(len) > 0]
    expected = set()
    for row in placed.itertuples():
        party = names(art).get(row.party_id) if row.party_id else None
        for place in row.places:
            expected.add((place, party))
    filled = {
        (place, party)
        for i, place in enumerate(heat.y)
        for j, party in enumerate(heat.x)
        if heat.z[i][j] is not None
    }
    assert filled == expected
    first_places = [p for row in placed.sort_values("start").places for p in row]
    assert list(heat.y) == list(dict.fromkeys(first_places))  # reading order
    for i, place in enumerate(heat.y):
        for j, party in enumerate(heat.x):
            kinds = {
                r.kind
                for r in placed.itertuples()
                if place in r.places and names(art).get(r.party_id) == party
            }
            if kinds:
                assert heat.text[i][j].startswith(plots.DEMAND_KIND_NAMES[kinds.pop()])


def test_demand_map_hover_gives_condition_and_addressee(art):
    (heat,) = plots.demand_map(art).data
    hovers = " ".join(h for row in heat.customdata for h in row)
    for row in art.demands[art.demands.places.map(len) > 0].itertuples():
        if row.condition:
            assert html.escape(row.condition, quote=False) in hovers
        if row.addressee_id:
            assert f"who is to act: {names(art)[row.addressee_id]}" in hovers


def test_demand_map_summary_names_the_place_named_most(art):
    placed = art.demands[art.demands.places.map(len) > 0]
    counts = Counter(p for places in placed.places for p in places)
    best = max(counts.values())
    summary = plots.figure_summary(plots.demand_map(art))
    assert any(summary.startswith(p) for p, n in counts.items() if n == best)
    unplaced = len(art.demands) - len(placed)
    words = "term names" if unplaced == 1 else "terms name"
    assert f"{unplaced} {words} no place" in summary


# ---------------------------------------------------------------- quotes


def test_quotes_by_speaker_match_the_quote_table(art):
    fig = plots.quotes_by_speaker(art)
    for trace in fig.data:
        expected = Counter(
            names(art)[s] for s in art.quotes[art.quotes.kind == trace.name].speaker_id
        )
        assert dict(zip(trace.y, trace.x, strict=True)) == dict(expected)
        assert trace.marker.color == palette.QUOTE_KIND_COLORS[trace.name]
    assert sum(bar_totals(fig).values()) == len(art.quotes)
    counts = art.quotes.speaker_id.value_counts()
    tops = [s for s in counts.index if counts[s] == counts.max()]
    summary = plots.figure_summary(fig)
    # It says what it counts: rows, and (for one leader) how many sentences they come from.
    assert summary.startswith("Counting annotated quote rows: ")
    assert all(names(art)[t] in summary for t in tops)
    if len(tops) == 1:
        sentences = art.quotes[art.quotes.speaker_id == tops[0]].sentence_id.nunique()
        assert f"from {sentences} sentence" in summary


def test_cue_verbs_count_each_verb_once_per_use(art):
    fig = plots.cue_verbs(art)
    uses = art.quotes.drop_duplicates(["cue_start", "cue_end"])
    expected = Counter(uses.cue.str.lower())
    assert bar_totals(fig, axis_of_labels="x") == expected
    top = max(expected.values())
    assert any(f"“{v}”" in plots.figure_summary(fig) for v, n in expected.items() if n == top)
    assert list(fig.layout.xaxis.categoryarray) == sorted(expected, key=lambda v: (-expected[v], v))


# ---------------------------------------------------------------- sources


def test_attribution_map_has_one_bar_per_sentence_coloured_by_its_claims(art):
    fig = plots.attribution_map(art)
    seen = {}
    for trace in fig.data:
        for hover in trace.customdata:
            sentence_id = re.match(r"<b>(s\d+)</b>", hover).group(1)
            seen[sentence_id] = trace.name
    assert sorted(seen) == sorted(art.sentences.sentence_id)
    for sentence in art.sentences.itertuples():
        types = set(art.claims[art.claims.sentence_id == sentence.sentence_id].source_type)
        expected = types.pop() if len(types) == 1 else ("mixed" if types else "no claim")
        assert seen[sentence.sentence_id] == expected
    # 7 of 26 is a plurality, not "most" (the summary used to say "Most sentences are named").
    assert plots.figure_summary(fig).startswith(
        "More sentences are named than anything else (7 of 26)"
    )


def test_attribution_map_hover_shows_the_sentence(art):
    fig = plots.attribution_map(art)
    hovers = {h.split("</b>")[0][3:]: h for t in fig.data for h in t.customdata}
    for sentence in art.sentences.itertuples():
        words = html.escape(sentence.text, quote=False).split()
        shown = hovers[sentence.sentence_id].replace("<br>", " ").split()
        assert shown[1 : 1 + len(words)] == words


def test_source_balance_counts_every_claim_and_quote(art):
    fig = plots.source_balance(art)
    claims = [t for t in fig.data if (t.legend or "legend") == "legend"]
    quotes = [t for t in fig.data if t.legend == "legend2"]
    assert sum(sum(t.y) for t in claims) == len(art.claims)
    assert sum(sum(t.y) for t in quotes) == len(art.quotes)
    unattributed = [t for t in claims if t.name == "unattributed"]
    assert list(unattributed[0].x) == ["unattributed"]  # one word for one thing
    assert sum(unattributed[0].y) == (art.claims.source_type == "unattributed").sum()
    side_of = dict(zip(art.actors.actor_id, art.actors.side, strict=True))
    russian = art.quotes.speaker_id.map(side_of).eq("russia").sum()
    assert sum(y for t in quotes for x, y in zip(t.x, t.y, strict=True) if x == "Russia") == russian


@pytest.mark.parametrize("seed", kitlib.seed_names())
def test_every_shipped_article_plots_with_totals_from_its_tables(seed):
    other = kitlib.load_article(seed)
    for function in FUNCTIONS:
        fig = function(other)
        assert fig.layout.title.text and plots.figure_summary(fig)
        assert "://" not in fig.to_json()
    assert sum(bar_totals(plots.actor_mentions(other)).values()) == len(other.mentions)
    assert sum(bar_totals(plots.quotes_by_speaker(other)).values()) == len(other.quotes)
    bars = sum(len(t.customdata) for t in plots.attribution_map(other).data)
    assert bars == len(other.sentences)


# ---------------------------------------------------------------- sides


def side_legend(fig) -> dict[str, str]:
    """Legend name -> bar colour, for figures whose traces are sides."""
    return {t.name: t.marker.color for t in fig.data if t.type == "bar"}


def zeros(fig) -> set[tuple[str, str]]:
    """(category, x axis) of each visible 0 drawn over an empty column."""
    return {(a.x, a.xref) for a in fig.layout.annotations if a.text == "0"}


def test_course_article_sides_keep_their_colours(art):
    vermillion, blue, green = (palette.OKABE_ITO[c] for c in ("vermillion", "blue", "bluish_green"))
    expected = {
        "Russia": vermillion,
        "Ukraine": blue,
        "United States": green,
        "other": palette.GREY,
    }
    assert side_legend(plots.actor_mentions(art, by="side")) == expected
    cue_sides = side_legend(plots.cue_verbs(art))
    assert cue_sides == {k: v for k, v in expected.items() if k != "United States"}  # no quotes


def test_source_balance_shows_a_side_without_voices_as_a_zero(art):
    fig = plots.source_balance(art)
    groups = ["Russia", "Ukraine", "United States", "other", "a document", "unattributed"]
    assert list(fig.layout.xaxis.categoryarray) == groups
    assert list(fig.layout.xaxis2.categoryarray) == groups
    # The American plan gets no American quote: the kit's most teachable zero.
    side_of = dict(zip(art.actors.actor_id, art.actors.side, strict=True))
    american_quotes = art.quotes.speaker_id.map(side_of).eq("united-states").sum()
    american_claims = art.claims.source_id.map(side_of).eq("united-states").sum()
    assert american_quotes == 0
    expected = {("United States", "x2")} | (
        {("United States", "x")} if not american_claims else set()
    )
    assert zeros(fig) == expected
    quotes = [t for t in fig.data if t.legend == "legend2"]
    assert all("United States" not in t.x for t in quotes)  # a zero, not an empty bar
    if not american_claims:
        assert plots.figure_summary(fig).endswith("no claim or quote comes from United States.")


@pytest.fixture(scope="module")
def declared(tmp_path_factory):
    from .test_article import harbor_with_sides

    return kitlib.load_article(harbor_with_sides(tmp_path_factory.mktemp("sides")))


def test_source_balance_follows_the_declared_sides(declared):
    fig = plots.source_balance(declared)
    sides = ["The bridge authority", "Valdoria", "Marenland", "The transport ministers"]
    assert list(fig.layout.xaxis.categoryarray) == [*sides, "other", "a document", "unattributed"]
    assert zeros(fig) == {("The transport ministers", "x"), ("The transport ministers", "x2")}
    side_name = dict(zip(declared.sides.side_id, declared.sides.name, strict=True))
    side_of = {
        a: side_name.get(s, "other")
        for a, s in zip(declared.actors.actor_id, declared.actors.side, strict=True)
    }
    quotes = [t for t in fig.data if t.legend == "legend2"]
    shown = Counter()
    for trace in quotes:
        for x, y in zip(trace.x, trace.y, strict=True):
            shown[x] += y
    assert shown == Counter(declared.quotes.speaker_id.map(side_of))
    assert shown["Valdoria"] == 3 and shown["The bridge authority"] == 1


def test_side_colours_follow_the_declared_order_and_name_no_course_side(declared):
    way = palette.SIDE_COLORWAY
    expected = {
        "The bridge authority": way[0],
        "Valdoria": way[1],
        "Marenland": way[2],
        "The transport ministers": way[3],
        "other": palette.GREY,
    }
    assert side_legend(plots.actor_mentions(declared, by="side")) == expected
    cue_sides = side_legend(plots.cue_verbs(declared))
    assert cue_sides == {k: v for k, v in expected.items() if k != "The transport ministers"}
    for function in (plots.source_balance, plots.cue_verbs, plots.actor_mentions):
        text = function(declared).to_json()
        for word in ("Russia", "Ukrain", "United States", "Americ", "Kremlin"):
            assert word not in text, (function.__name__, word)


def test_a_summary_says_most_only_for_a_majority_and_names_a_tie():
    from kitlib.plots.sources import _who_leads

    side = "sources on the side of"
    assert _who_leads("claims", {"a": 3, "b": 1}) == f"most claims come from {side} a (3 of 4)"
    assert _who_leads("claims", {"a": 2, "b": 2}) == (
        f"{side} a and {side} b tie, with more claims than any other (2 each of 4)"
    )
    assert _who_leads("claims", {"a": 2, "b": 1, "c": 1}) == (
        f"more claims come from {side} a than from any other (2 of 4)"
    )


# ---------------------------------------------------------------- "most" means a majority

FIXTURES = sorted(p for p in (Path(__file__).parent / "fixtures" / "articles").iterdir())
ARTICLES = [f"seed:{s}" for s in kitlib.seed_names()] + [f"fixture:{p.name}" for p in FIXTURES]


def load(name: str):
    kind, _, which = name.partition(":")
    if kind == "seed":
        return kitlib.load_article(which)
    return kitlib.load_article(Path(__file__).parent / "fixtures" / "articles" / which)


@pytest.fixture(scope="module", params=ARTICLES)
def every_article(request):
    return load(request.param)


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_no_summary_says_most_for_less_than_a_majority(function, every_article, declared):
    for article in (every_article, declared):
        summary = plots.figure_summary(function(article))
        for match in re.finditer(r"\bmost\b", summary, re.IGNORECASE):
            # "most X ... (n of m)": the count follows in the same clause, and is a majority.
            clause = summary[match.end() :].split(";")[0]
            counted = re.search(r"\((\d+) of (\d+)", clause)
            assert counted, f"'most' without its count: {summary}"
            n, total = map(int, counted.groups())
            assert 2 * n > total, f"'most' for {n} of {total}: {summary}"


def test_most_wording_follows_the_counts_majority_plurality_tie():
    from kitlib.plots import _base

    assert _base.leaders({"a": 2, "b": 2, "c": 1}) == ["a", "b"]
    assert _base.leaders({}) == []
    assert _base.is_majority(3, 5) and not _base.is_majority(2, 4) and not _base.is_majority(7, 26)


# ---------------------------------------------------------------- the demand map names ties


def test_demand_map_summary_names_every_tied_place_and_every_shared_place(art):
    data = plots.demand_places(art)
    placed = data[data.place.notna()]
    terms = placed.groupby("place").demand_id.nunique()
    tied = sorted(terms[terms == terms.max()].index)
    summary = plots.figure_summary(plots.demand_map(art))
    first = summary.split(";")[0]
    assert all(place in first for place in tied), summary
    if len(tied) > 1:
        assert "each" in first and "the one" not in summary
    # The course article: Kharkiv (d07 Ukraine, d09 Russia) and Donetsk (d01 Russia, d08
    # Ukraine) are both named by the two sides: neither is "the one region both sides name".
    side_of = placed.party_side.where(placed.party_side.notna(), placed.party)
    shared = sorted(p for p, who in side_of.groupby(placed.place) if who.nunique() > 1)
    assert {"Donetsk", "Kharkiv"} <= set(shared)
    clause = next(part for part in summary.split(";") if "more than one side" in part)
    assert all(place in clause for place in shared), summary


def test_demand_map_summary_on_a_tie_that_takes_every_place():
    row = {
        "demand_id": "d1",
        "kind": "demand",
        "party": "A",
        "party_side": None,
        "addressee": None,
        "document": None,
        "condition": None,
        "text": "t",
    }
    data = pd.DataFrame([{**row, "place": "X"}, {**row, "place": "Y"}])
    summary = plots.demands.summarize_demand_map(data)
    assert summary.startswith("X and Y come up in 1 term each")
    assert "more terms than any other" not in summary  # there is no other place


# ---------------------------------------------------------------- source balance encodings


def test_source_balance_panels_share_no_colour_and_no_pattern(art):
    fig = plots.source_balance(art)
    looks = {
        legend: {(t.marker.color, t.marker.pattern.shape) for t in fig.data if t.legend == legend}
        for legend in ("legend", "legend2")
    }
    colours = [{c for c, _p in looks[legend]} for legend in looks]
    patterns = [{p for _c, p in looks[legend]} for legend in looks]
    assert colours[0] and colours[1] and not colours[0] & colours[1]
    assert not patterns[0] & patterns[1]
    # the same holds for every category either panel could show, not only those drawn here
    assert not set(palette.QUOTE_KIND_COLORS.values()) & set(palette.SOURCE_TYPE_COLORS.values())
    assert not set(palette.QUOTE_KIND_PATTERNS.values()) & set(
        palette.SOURCE_TYPE_PATTERNS.values()
    )


def test_source_balance_says_unattributed_everywhere_never_no_source(art):
    fig = plots.source_balance(art)
    text = fig.to_json() + plots.figure_summary(fig)
    assert "no source" not in text
    legend_names = {t.name for t in fig.data if t.legend == "legend"}
    assert "unattributed" in legend_names and "unattributed" in fig.layout.xaxis.categoryarray


def test_balance_counts_give_every_declared_side_a_row_even_at_zero(declared):
    data = plots.balance_counts(declared)
    for panel in ("claims", "quotes"):
        rows = data[(data.panel == panel) & (data.group == "The transport ministers")]
        assert list(rows["count"]) == [0] and rows.category.isna().all()
    assert data["count"].sum() == len(declared.claims) + len(declared.quotes)


# ---------------------------------------------------------------- show() and plotly's renderers


def shown_by(monkeypatch, renderer: str, colab: bool = False):
    """What show() displays, and what it hands to plotly, under a given default renderer."""
    import IPython.display
    import plotly.basedatatypes
    import plotly.io as pio

    displayed, handed = [], []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: displayed.append(obj))
    monkeypatch.setattr(
        plotly.basedatatypes.BaseFigure, "show", lambda fig, *a, **k: handed.append(fig)
    )
    monkeypatch.setattr(pio.renderers, "default", renderer)
    if colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    return displayed, handed


@pytest.mark.parametrize("renderer", ["colab", "browser", "notebook_connected", "iframe"])
def test_show_hands_the_figure_to_plotly_where_its_renderer_is_not_json(monkeypatch, art, renderer):
    displayed, handed = shown_by(monkeypatch, renderer, colab=renderer == "colab")
    fig = plots.quotes_by_speaker(art)
    plots.show(fig)
    assert handed == [fig]  # plotly's own renderer draws it
    assert not any(plots.PLOTLY_MIME in obj for obj in displayed)
    assert displayed[-1]["text/plain"] == plots.figure_summary(fig)  # the summary still follows


@pytest.mark.parametrize("renderer", ["plotly_mimetype", "jupyterlab", "vscode", ""])
def test_show_keeps_the_fast_path_where_plotly_would_store_json(monkeypatch, art, renderer):
    displayed, handed = shown_by(monkeypatch, renderer)
    plots.show(plots.quotes_by_speaker(art))
    assert handed == [] and plots.PLOTLY_MIME in displayed[0]


def test_show_under_colab_reaches_plotlys_colab_renderer(monkeypatch, art):
    """Not only fig.show(): the renderer plotly picks is its Colab one, which writes HTML."""
    import IPython.display
    import plotly.io as pio

    displayed = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: displayed.append(obj))
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.setattr(pio.renderers, "default", "colab")
    rendered = []
    colab = pio.renderers["colab"]
    monkeypatch.setattr(
        type(colab), "to_mimebundle", lambda self, fig: rendered.append(fig) or {"text/html": ""}
    )
    plots.show(plots.quotes_by_speaker(art))
    assert len(rendered) == 1
