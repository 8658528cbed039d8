"""Who is quoted (quotes_by_speaker) and the verbs that introduce speech (cue_verbs)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from kitlib import palette
from kitlib.article import as_article
from kitlib.plots import _base as b
from kitlib.sides import OTHER_SIDE, side_colors, side_names

QUOTE_COLUMNS = ["speaker_id", "speaker", "kind", "quotes", "sentences"]
CUE_COLUMNS = ["verb", "side", "side_name", "uses"]


# ---------------------------------------------------------------- quotes per speaker


def quote_counts(article=None) -> pd.DataFrame:
    """Quote rows per speaker and kind, the speaker with most rows first (ties by name).

    ``quotes`` counts rows of ``art.quotes`` (annotated quotes): one sentence can hold several,
    so ``sentences`` gives, for the speaker, how many sentences those rows come from.
    """
    art = as_article(article)
    names = b.names_of(art)
    quotes = art.quotes
    counts = Counter(zip(quotes.speaker_id, quotes.kind, strict=True))
    totals = Counter(quotes.speaker_id)
    sentences = {
        speaker: len({b.sentence_of(art, row) for row in group.itertuples(index=False)})
        for speaker, group in quotes.groupby("speaker_id")
    }
    kinds = b.categories(set(quotes.kind), palette.QUOTE_KIND_COLORS)
    rows = [
        (s, names.get(s, s), k, counts[(s, k)], sentences[s])
        for s in b.ranked(totals, names)
        for k in kinds
        if counts[(s, k)]
    ]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def quotes_by_speaker(article=None):
    """Quotes per speaker, most quoted first, stacked by kind (direct, partial, indirect)."""
    data = quote_counts(article)
    return b.finish(draw_quotes(data), summarize_quotes(data))


def draw_quotes(data: pd.DataFrame):
    order = list(dict.fromkeys(data.speaker))
    fig = b.figure(
        "Who is quoted, and how: annotated quotes per speaker, by kind",
        x_title="Quotes (rows of art.quotes; one sentence can hold several)",
        y_title="Speaker",
        height=b.bar_height(len(order)),
    )
    colors, patterns = palette.QUOTE_KIND_COLORS, palette.QUOTE_KIND_PATTERNS
    for kind in dict.fromkeys(data.kind):
        part = data[data.kind == kind]
        fig.add_bar(
            name=kind,
            orientation="h",
            y=list(part.speaker),
            x=[int(n) for n in part.quotes],
            customdata=[int(n) for n in part.sentences],
            marker=b.marker(kind, colors, patterns),
            hovertemplate=f"%{{y}}: %{{x}} {kind} quotes (all quotes of this speaker come from "
            "%{customdata} sentences)<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_title_text="Kind of quote")
    b.order_y(fig, order)
    fig.update_xaxes(dtick=1)
    return fig


@b.sentence_case
def summarize_quotes(data: pd.DataFrame) -> str:
    """Says what is counted (quote rows, and the sentences they come from), so that many rows
    from one sentence never read as "quoted most"."""
    if data.empty:
        return "The article has no quotes annotated."
    rows = data.groupby("speaker", sort=False).quotes.sum().to_dict()
    sentences = data.groupby("speaker", sort=False).sentences.first().to_dict()
    total, top = sum(rows.values()), b.leaders(rows)
    n = rows[top[0]]
    if len(top) > 1:
        rivals = "as many as" if len(top) == len(rows) else "more than"
        lead = f"{b.join(top)} have {n} quote rows each of {total}, {rivals} any other speaker"
    else:
        kinds = data[data.speaker == top[0]]
        parts = ", ".join(f"{r.quotes} {r.kind}" for r in kinds.itertuples(index=False))
        where = b.count(sentences[top[0]], "sentence")
        if b.is_majority(n, total):
            who = f"most quote rows are {top[0]}'s"
        else:
            who = f"{top[0]} has more quote rows than any other speaker"
        lead = f"{who} ({n} of {total}: {parts}), from {where}"
    speakers = b.count(len(rows), "speaker")
    return f"Counting annotated quote rows: {lead}; {speakers} in all."


# ---------------------------------------------------------------- cue verbs


def cue_counts(article=None) -> pd.DataFrame:
    """Uses of each reporting verb, by the speaker's side, the most used verb first.

    A verb that introduces several quotes at once (one "said" for two sentences of a direct
    quote) counts once: ``uses`` counts verbs in the text, not quotes.
    """
    art = as_article(article)
    sides = b.actor_values(art, "side")
    colors, side_label = side_colors(art), side_names(art)
    cues: dict[tuple[int, int], tuple[str, str]] = {}
    for row in art.quotes.sort_values("cue_start").itertuples(index=False):
        side = sides.get(row.speaker_id)
        side = side if side in colors else OTHER_SIDE
        cues.setdefault((row.cue_start, row.cue_end), (row.cue.lower(), side))
    counts = Counter(cues.values())
    totals = Counter(verb for verb, _side in cues.values())
    order = sorted(totals, key=lambda verb: (-totals[verb], verb))
    rows = [
        (verb, side, side_label.get(side, side), counts[(verb, side)])
        for side in b.categories({s for _v, s in counts}, colors)
        for verb in order
        if counts[(verb, side)]
    ]
    data = pd.DataFrame(rows, columns=CUE_COLUMNS)
    data["rank"] = data.verb.map({verb: i for i, verb in enumerate(order)})
    return data.sort_values(["rank"], kind="stable").drop(columns="rank").reset_index(drop=True)


def cue_verbs(article=None):
    """How often each reporting verb ("said", "insisted", ...) introduces speech, by speaker side.

    A verb that introduces several quotes at once (one "said" for two sentences of a direct quote)
    counts once: the bars count verbs in the text, not quotes.
    """
    art = as_article(article)
    data = cue_counts(art)
    return b.finish(draw_cues(data, side_colors(art)), summarize_cues(data))


def draw_cues(data: pd.DataFrame, colors: dict[str, str]):
    fig = b.figure(
        "The verbs that introduce speech, by the speaker's side",
        x_title="Reporting verb (cue)",
        y_title="Times used",
        height=420,
    )
    for side in b.categories(set(data.side), colors):
        part = data[data.side == side]
        label = part.side_name.iloc[0]
        fig.add_bar(
            name=label,
            x=list(part.verb),
            y=[int(n) for n in part.uses],
            marker=b.marker(side, colors),
            hovertemplate=f"“%{{x}}”: %{{y}} times, {b.escape(label)} side<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_title_text="Speaker's side")
    fig.update_xaxes(categoryorder="array", categoryarray=list(dict.fromkeys(data.verb)))
    fig.update_yaxes(dtick=1)
    return fig


@b.sentence_case
def summarize_cues(data: pd.DataFrame) -> str:
    if data.empty:
        return "The article has no quotes, so no reporting verbs."
    uses = data.groupby("verb", sort=False).uses.sum().to_dict()
    total, top = sum(uses.values()), b.leaders(uses)
    n = uses[top[0]]
    shown = b.join([f"“{verb}”" for verb in top])
    if len(top) > 1 and len(top) == len(uses):
        lead = f"every verb introduces speech as often as the others ({n} each of {total})"
    elif len(top) > 1:
        lead = f"the verbs {shown} introduce speech more often than any other ({n} each of {total})"
    elif b.is_majority(n, total):
        lead = f"most reporting verbs are {shown} ({n} of {total})"
    else:
        lead = f"the verb {shown} introduces speech more often than any other ({n} of {total} uses)"
    return f"{lead}; {b.count(len(uses), 'different verb')} in all."
