"""Who says so: the source of each sentence (attribution_map) and voices per side
(source_balance)."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from kitlib import palette
from kitlib.article import as_article, given
from kitlib.plots import _base as b
from kitlib.sides import OTHER_SIDE, side_names

ATTRIBUTION_COLORS = {
    **palette.SOURCE_TYPE_COLORS,
    "mixed": palette.OKABE_ITO["reddish_purple"],
    "no claim": "#DDDDDD",
}
SENTENCE_COLUMNS = [
    "sentence_id",
    "paragraph_id",
    "paragraph",
    "offset",
    "length",
    "category",
    "hover",
]
# The source_balance columns that are not a side. "unattributed" is the annotation's own
# source type (docs/data-model.md): the figure uses that word on its axis and in its legend.
DOCUMENT_GROUP = "a document"
UNATTRIBUTED_GROUP = "unattributed"
BALANCE_COLUMNS = ["panel", "group", "is_side", "category", "count"]
PANELS = {"claims": "Claims, by source type", "quotes": "Quotes, by kind"}


# ---------------------------------------------------------------- attribution map


def sentence_sources(article=None) -> pd.DataFrame:
    """Each sentence in reading order with the source type of its claims (``category``): one
    type gives that type, several give "mixed", none gives "no claim". ``offset`` is where the
    sentence starts in its paragraph, ``length`` its length (characters)."""
    art = as_article(article)
    names = b.names_of(art)
    claims_of: dict[str, list] = defaultdict(list)
    for row in art.claims.sort_values("start").itertuples(index=False):
        claims_of[b.sentence_of(art, row)].append(row)
    paragraphs = art.paragraphs.sort_values("start")
    label = {
        row.paragraph_id: f"¶{i} ({row.role})" if row.role != "body" else f"¶{i}"
        for i, row in enumerate(paragraphs.itertuples(index=False), start=1)
    }
    start = dict(zip(paragraphs.paragraph_id, paragraphs.start, strict=True))
    rows = []
    for row in art.sentences.sort_values("start").itertuples(index=False):
        claims = claims_of.get(row.sentence_id, [])
        types = sorted({c.source_type for c in claims}, key=list(ATTRIBUTION_COLORS).index)
        category = types[0] if len(types) == 1 else ("mixed" if types else "no claim")
        offset = int(row.start - start[row.paragraph_id])
        hover = _sentence_hover(row, claims, names)
        rows.append(
            (row.sentence_id, row.paragraph_id, label[row.paragraph_id], offset, len(row.text))
            + (category, hover)
        )
    data = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    data.attrs["paragraphs"] = [label[p] for p in paragraphs.paragraph_id]
    return data


def attribution_map(article=None):
    """Each sentence in reading order, one row per paragraph, coloured by who its claims cite.

    A sentence whose claims have one source type takes that type; several types make it
    "mixed"; a sentence with no claim is "no claim". Bar lengths are sentence lengths.
    """
    data = sentence_sources(article)
    return b.finish(draw_attribution_map(data), summarize_attribution_map(data))


def draw_attribution_map(data: pd.DataFrame):
    paragraphs = data.attrs.get("paragraphs") or list(dict.fromkeys(data.paragraph))
    fig = b.figure(
        "Who says so? Each sentence coloured by the source of its claims",
        x_title="Position in the paragraph (characters)",
        y_title="Paragraph",
        height=max(360, 140 + 26 * len(paragraphs)),
    )
    for category in b.categories(set(data.category), ATTRIBUTION_COLORS):
        part = data[data.category == category]
        fig.add_bar(
            name=category,
            orientation="h",
            y=list(part.paragraph),
            x=[max(1, int(n) - 2) for n in part.length],  # a gap between sentences
            base=[int(n) for n in part.offset],
            customdata=list(part.hover),
            hovertemplate="%{customdata}<extra></extra>",
            marker={
                **b.marker(category, ATTRIBUTION_COLORS, palette.SOURCE_TYPE_PATTERNS),
                "line": {"color": "#FFFFFF", "width": 1},
            },
        )
    fig.update_layout(barmode="overlay", legend_title_text="Source of the claims")
    b.order_y(fig, paragraphs)
    return fig


@b.sentence_case
def summarize_attribution_map(data: pd.DataFrame) -> str:
    if data.empty:
        return "The article has no sentences annotated."
    counts = data.category.value_counts().to_dict()
    counts = {c: counts[c] for c in b.categories(set(counts), ATTRIBUTION_COLORS)}
    total, top = sum(counts.values()), b.leaders(counts)
    n = counts[top[0]]
    if len(top) > 1:
        lead = f"{b.join(top)} sentences tie, more than any other kind ({n} each of {total})"
    elif b.is_majority(n, total):
        lead = f"Most sentences are {top[0]} ({n} of {total})"
    else:  # a plurality is not "most"
        lead = f"More sentences are {top[0]} than anything else ({n} of {total})"
    detail = ", ".join(f"{n} {c}" for c, n in counts.items())
    return f"{lead}: {detail}."


def _sentence_hover(row, claims: list, names: dict[str, str]) -> str:
    lines = [f"<b>{row.sentence_id}</b>: " + b.wrap(row.text)]
    for claim in claims:
        source = given(claim.source_id)
        who = names.get(source, source) if source else "no source: the writer's own voice"
        lines.append(f"{claim.claim_id}: {claim.source_type} ({b.escape(who)})")
    return "<br>".join(lines) if claims else "<br>".join(lines + ["no claim annotated"])


# ---------------------------------------------------------------- source balance


def balance_counts(article=None) -> pd.DataFrame:
    """Claims by source type and quotes by kind, per group: the article's sides, then "other",
    "a document" and "unattributed" when they occur (``is_side`` marks the declared sides).

    Claims from a named or unnamed source count for the source's side; claims whose source is a
    document, and unattributed claims (the writer's voice), get groups of their own. Every
    declared side has its rows in both panels: a side no one speaks for has one row with
    ``category`` None and ``count`` 0, because a missing voice is news.
    """
    art = as_article(article)
    sides, names = b.actor_values(art, "side"), side_names(art)

    def side_of(actor_id) -> str:
        return names.get(sides.get(actor_id), OTHER_SIDE)

    found = {"claims": defaultdict(int), "quotes": defaultdict(int)}
    for row in art.claims.itertuples(index=False):
        found["claims"][(_claim_group(row, side_of), row.source_type)] += 1
    for row in art.quotes.itertuples(index=False):
        found["quotes"][(side_of(row.speaker_id), row.kind)] += 1
    side_groups = [n for side, n in names.items() if side != OTHER_SIDE]
    used = {g for counts in found.values() for g, _c in counts}
    extra = [g for g in (names[OTHER_SIDE], DOCUMENT_GROUP, UNATTRIBUTED_GROUP) if g in used]
    groups = list(dict.fromkeys(side_groups + extra))
    colors = {"claims": palette.SOURCE_TYPE_COLORS, "quotes": palette.QUOTE_KIND_COLORS}
    rows = []
    for panel, counts in found.items():
        for group in groups:
            mine = {c: n for (g, c), n in counts.items() if g == group}
            is_side = group in side_groups
            for category in b.categories(set(mine), colors[panel]):
                rows.append((panel, group, is_side, category, mine[category]))
            if not mine:
                rows.append((panel, group, is_side, None, 0))
    return pd.DataFrame(rows, columns=BALANCE_COLUMNS)


def _claim_group(row, side_of) -> str:
    if row.source_type == "document":
        return DOCUMENT_GROUP
    if row.source_type == "unattributed" or given(row.source_id) is None:
        return UNATTRIBUTED_GROUP
    return side_of(row.source_id)


def source_balance(article=None):
    """Whose voice carries the article: claims by source type and quotes by kind, per side.

    Each panel has its own colours and patterns (source types on the left, quote kinds on the
    right); a declared side with no claim or no quote shows a visible 0 in that panel.
    """
    data = balance_counts(article)
    return b.finish(draw_balance(data), summarize_balance(data))


def draw_balance(data: pd.DataFrame):
    from plotly.subplots import make_subplots

    groups = list(dict.fromkeys(data.group))
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=False,
        subplot_titles=tuple(PANELS.values()),
        horizontal_spacing=0.12,
    )
    b.style(fig, "Whose voice carries the article: claims and quotes by side", height=460)
    encodings = {
        "claims": (palette.SOURCE_TYPE_COLORS, palette.SOURCE_TYPE_PATTERNS, "legend"),
        "quotes": (palette.QUOTE_KIND_COLORS, palette.QUOTE_KIND_PATTERNS, "legend2"),
    }
    for col, (panel, (colors, patterns, legend)) in enumerate(encodings.items(), start=1):
        rows = data[data.panel == panel]
        for category in b.categories(set(rows.category.dropna()), colors):
            part = rows[rows.category == category]
            fig.add_bar(
                name=category,
                x=list(part.group),
                y=[int(n) for n in part["count"]],
                marker=b.marker(category, colors, patterns),
                legend=legend,
                hovertemplate=f"%{{x}}: %{{y}} {category} {panel}<extra></extra>",
                row=1,
                col=col,
            )
        for group in rows[rows.is_side & (rows["count"] == 0)].group:
            _visible_zero(fig, group, panel, col)
        fig.update_xaxes(
            title_text="Side of the source (or none: a document, unattributed)",
            categoryorder="array",
            categoryarray=groups,
            col=col,
        )
        fig.update_yaxes(title_text=f"Number of {panel}", rangemode="tozero", row=1, col=col)
    fig.update_layout(
        barmode="stack",
        legend={"title": {"text": "Claims: source type"}, "x": 1.02, "y": 1, "yanchor": "top"},
        legend2={
            "title": {"text": "Quotes: kind"},
            "x": 1.02,
            "y": 0.45,
            "yanchor": "top",
            "traceorder": "normal",
        },
    )
    return fig


@b.sentence_case
def summarize_balance(data: pd.DataFrame) -> str:
    parts = []
    for panel in PANELS:
        rows = data[data.panel == panel]
        totals = {g: n for g, n in rows.groupby("group", sort=False)["count"].sum().items() if n}
        if totals:
            parts.append(_who_leads(panel, totals))
    totals = data.groupby("group", sort=False)["count"].sum()
    silent = [g for g in dict.fromkeys(data[data.is_side].group) if not totals[g]]
    if parts and silent:
        parts.append(f"no claim or quote comes from {b.join(silent)}")
    return ("; ".join(parts) or "The article has no claims or quotes annotated") + "."


def _who_leads(noun: str, counts: dict) -> str:
    """ "most claims come from X (13 of 20)" only for a majority; a plurality or a tie says so."""
    top, total = b.leaders(counts), sum(counts.values())
    n = counts[top[0]]
    if len(top) > 1:
        voices = b.join([_voice(g) for g in top])
        return f"{voices} tie, with more {noun} than any other ({n} each of {total})"
    if b.is_majority(n, total):
        return f"most {noun} come from {_voice(top[0])} ({n} of {total})"
    return f"more {noun} come from {_voice(top[0])} than from any other ({n} of {total})"


def _visible_zero(fig, group: str, unit: str, col: int) -> None:
    """A "0" over a side's empty column: an empty slot alone reads as a gap in the chart."""
    fig.add_annotation(
        x=group,
        y=0,
        text="0",
        showarrow=False,
        yanchor="bottom",
        font={"size": 14},
        hovertext=f"{b.escape(group)}: no {unit}",
        row=1,
        col=col,
    )


def _voice(group: str) -> str:
    """A source group of source_balance in words, for the summary."""
    return {
        OTHER_SIDE: "other sources",
        DOCUMENT_GROUP: "documents",
        UNATTRIBUTED_GROUP: "the writer's own voice (unattributed)",
    }.get(group, f"sources on the side of {group}")
