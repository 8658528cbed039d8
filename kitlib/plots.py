"""Plots for the lessons: one function per question, each returning a plotly Figure.

Every figure has a title, labelled axes, colour-blind-safe colours (Okabe-Ito) with a second cue
(bar patterns or numbers in cells), a deterministic order, and a one-line summary for screen
readers in ``fig.layout.meta["summary"]`` (read it with ``figure_summary(fig)``). ``show(fig)``
displays the figure followed by its summary as text.

plotly is imported on first use. The figures carry no URL and need no network: in Jupyter the
default renderer stores them as JSON, drawn by the plotly.js that ships with the plotly wheel.
"""

from __future__ import annotations

import html
import json
import textwrap
from collections import Counter, defaultdict

from kitlib import palette
from kitlib.article import as_article, given
from kitlib.sides import OTHER_SIDE, side_colors, side_names

__all__ = [
    "actor_mentions",
    "actor_cooccurrence",
    "demand_map",
    "quotes_by_speaker",
    "cue_verbs",
    "attribution_map",
    "source_balance",
    "figure_summary",
    "show",
]

DEMAND_KIND_NAMES = {"demand": "demand", "proposal_term": "proposal term", "offer": "offer"}
NOT_SAID = "not said"
DEMAND_KIND_COLORS = {
    "demand": palette.OKABE_ITO["vermillion"],
    "proposal_term": palette.OKABE_ITO["blue"],
    "offer": palette.OKABE_ITO["bluish_green"],
    "several": palette.OKABE_ITO["reddish_purple"],
}
CELL_TINT = 0.45  # heatmap cells are tinted so black text on them meets WCAG AA

_FONT = {"family": "Arial, Helvetica, sans-serif", "size": 13}
_TEMPLATE = "plotly_white"


# ---------------------------------------------------------------- actors


def actor_mentions(article=None, by: str = "kind"):
    """Mentions per actor, most mentioned first, coloured by the actor's kind (or side, or form).

    ``by`` is ``"kind"`` (person, government, ...), ``"side"`` (the article's sides, see
    ``art.sides``) or ``"form"`` (name, metonym, pronoun, description: the bars are then stacked).
    """
    if by not in ("kind", "side", "form"):
        raise ValueError(f"by={by!r} is not a choice: use 'kind', 'side' or 'form'")
    art = as_article(article)
    colors = {
        "kind": palette.ACTOR_KIND_COLORS,
        "side": side_colors(art) if by == "side" else {},
        "form": palette.MENTION_FORM_COLORS,
    }
    side_label = side_names(art) if by == "side" else {}
    names = _names(art)
    per_actor = _actor_values(art, by) if by != "form" else {}
    counts: Counter = Counter()
    for row in art.mentions.itertuples(index=False):
        category = row.form if by == "form" else per_actor.get(row.actor_id)
        counts[(row.actor_id, category or "other")] += 1
    totals: Counter = Counter()
    for (actor_id, _category), n in counts.items():
        totals[actor_id] += n
    order = _ranked(totals, names)
    labels = [names.get(actor_id, actor_id) for actor_id in order]

    fig = _figure(
        "Who is mentioned, and how often",
        x_title="Mentions in the article",
        y_title="Actor",
        height=_bar_height(len(order)),
    )
    for category in _categories({c for _a, c in counts}, colors[by]):
        ids = [a for a in order if counts[(a, category)]]
        label = side_label.get(category, category) if by == "side" else category
        fig.add_bar(
            name=label,
            orientation="h",
            y=[names.get(a, a) for a in ids],
            x=[counts[(a, category)] for a in ids],
            marker={
                "color": palette.color_for(category, colors[by]),
                "pattern": {"shape": palette.pattern_for(category, colors[by])},
            },
            hovertemplate=f"%{{y}}: %{{x}} mentions ({label})<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_title_text=f"Actor {by}" if by != "form" else "Form")
    _order_y(fig, labels)
    fig.update_xaxes(dtick=1)

    if order:
        top = _tied_top(totals, order, names)
        summary = (
            f"{top} {'is' if ' and ' not in top else 'are'} mentioned most often "
            f"({totals[order[0]]} times{' each' if ' and ' in top else ''}); "
            f"{len(order)} actors are mentioned {sum(totals.values())} times in all."
        )
    else:
        summary = "The article has no mentions annotated."
    return _finish(fig, summary)


def actor_cooccurrence(article=None, min_mentions: int = 1):
    """How many sentences each pair of actors shares: a heatmap with the count in each cell.

    Actors with fewer than ``min_mentions`` mentions, or who share no sentence, are left out.
    """
    art = as_article(article)
    names = _names(art)
    per_sentence: dict[str, set[str]] = defaultdict(set)
    mentions: Counter = Counter()
    for row in art.mentions.itertuples(index=False):
        per_sentence[_sentence_of(art, row)].add(row.actor_id)
        mentions[row.actor_id] += 1
    pairs: Counter = Counter()
    for actors in per_sentence.values():
        for a in actors:
            for b in actors:
                if a != b:
                    pairs[(a, b)] += 1
    keep = {a for (a, _b) in pairs if mentions[a] >= min_mentions}
    order = [a for a in _ranked(mentions, names) if a in keep]
    labels = [names.get(a, a) for a in order]
    matrix = [[pairs[(row, col)] if row != col else None for col in order] for row in order]
    cell_text = [["" if not n else str(n) for n in line] for line in matrix]

    fig = _figure(
        "Which actors appear in the same sentence",
        x_title="Actor",
        y_title="Actor",
        # Rotated names take ~200 px; 30 px a row keeps every label readable.
        height=max(420, 260 + 30 * len(order)),
    )
    fig.add_heatmap(
        x=labels,
        y=labels,
        z=matrix,
        text=cell_text,
        texttemplate="%{text}",
        colorscale=palette.COUNT_SCALE,
        zmin=0,
        xgap=1,
        ygap=1,
        colorbar={"title": {"text": "Sentences"}, "dtick": 1},
        hovertemplate="%{y} and %{x}: %{z} sentences together<extra></extra>",
    )
    fig.update_xaxes(tickangle=-45, showgrid=False, dtick=1)  # dtick 1: label every actor
    fig.update_yaxes(autorange="reversed", showgrid=False, dtick=1)

    if pairs:
        ranked = sorted(
            ((pair, n) for pair, n in pairs.items() if pair[0] < pair[1]),
            key=lambda item: (-item[1], names.get(item[0][0], ""), names.get(item[0][1], "")),
        )
        (a, b), n = ranked[0]
        ties = sum(1 for _pair, m in ranked if m == n) - 1
        summary = (
            f"{names.get(a, a)} and {names.get(b, b)} share the most sentences ({n}"
            + (f", as do {ties} other pair{'s' if ties > 1 else ''}" if ties else "")
            + f"); {len(order)} actors share at least one sentence with another."
        )
    else:
        summary = "No two actors are mentioned in the same sentence."
    return _finish(fig, summary)


# ---------------------------------------------------------------- demands


def demand_map(article=None):
    """Places named in demands, offers and plan terms, by who asks: the kind of term in each cell.

    The hover shows each term, who is asked to act, the plan it belongs to and any condition.
    Terms that name no place are left out (the summary says how many).
    """
    art = as_article(article)
    names = _names(art)
    cells: dict[tuple[str, str], list] = defaultdict(list)
    places: list[str] = []
    parties: list[str] = []
    unplaced = 0
    for row in art.demands.sort_values("start").itertuples(index=False):
        row_places = list(row.places) if given(row.places) is not None else []
        if not row_places:
            unplaced += 1
            continue
        party = _party_name(row, names)
        parties += [party] if party not in parties else []
        for place in row_places:
            places += [place] if place not in places else []
            cells[(place, party)].append(row)

    # At least one kind, so that plotly gets a valid colour scale even for an empty map.
    kinds = [k for k in DEMAND_KIND_COLORS if k in _cell_kinds(cells)] or ["demand"]
    colors = [palette.tint(DEMAND_KIND_COLORS[k], CELL_TINT) for k in kinds]
    z, text, hover = [], [], []
    for place in places:
        z.append([])
        text.append([])
        hover.append([])
        for party in parties:
            rows = cells.get((place, party), [])
            kind = _cell_kind(rows)
            z[-1].append(kinds.index(kind) if kind else None)
            text[-1].append(_cell_text(rows, kind, names))
            hover[-1].append(
                "<br><br>".join(_demand_hover(r, place, party, names) for r in rows) or ""
            )

    fig = _figure(
        "Who asks for what, where: places in demands, offers and plan terms",
        x_title="Who asks or offers",
        y_title="Place",
        height=max(360, 180 + 40 * len(places)),
    )
    fig.add_heatmap(
        x=parties,
        y=places,
        z=z,
        text=text,
        texttemplate="%{text}",
        textfont={"color": "#000000"},
        customdata=hover,
        hovertemplate="%{customdata}<extra></extra>",
        colorscale=_discrete_scale(colors),
        zmin=-0.5,
        zmax=len(kinds) - 0.5,
        xgap=2,
        ygap=2,
        colorbar={
            "title": {"text": "Kind of term"},
            "tickvals": list(range(len(kinds))),
            "ticktext": [DEMAND_KIND_NAMES.get(k, k) for k in kinds],
        },
    )
    fig.update_xaxes(showgrid=False)
    fig.update_yaxes(autorange="reversed", showgrid=False)

    if places:
        counts = {p: sum(len(cells.get((p, party), [])) for party in parties) for p in places}
        top = max(places, key=lambda p: (counts[p], -places.index(p)))
        askers = [party for party in parties if cells.get((top, party))]
        summary = (
            f"{top} comes up in the most terms ({counts[top]}, from {_join(askers)}); "
            f"{_count(len(places), 'place')} in {_count(len(_unique_ids(cells)), 'term')}"
            + (f"; {_count(unplaced, 'term')} {_verb(unplaced)} no place." if unplaced else ".")
        )
    else:
        summary = "No demand, offer or plan term in the article names a place."
    return _finish(fig, summary)


def _party_name(row, names: dict[str, str]) -> str:
    party = given(row.party_id)
    if party:
        return names.get(party, party)
    document = given(row.document_id)
    if document:
        return names.get(document, document)
    return NOT_SAID


def _demand_hover(row, place: str, party: str, names: dict[str, str]) -> str:
    addressee = given(row.addressee_id)
    document = given(row.document_id)
    lines = [
        f"<b>{_escape(place)}</b>: {DEMAND_KIND_NAMES.get(row.kind, row.kind)} by {_escape(party)}",
        f"who is to act: {_escape(names.get(addressee, addressee) if addressee else NOT_SAID)}",
    ]
    if document:
        lines.append(f"in: {_escape(names.get(document, document))}")
    if given(row.condition):
        lines.append(f"condition: {_escape(row.condition)}")
    lines.append(_wrap(f"“{row.text}”"))
    return "<br>".join(lines)


def _cell_kind(rows: list) -> str | None:
    kinds = {row.kind for row in rows}
    if len(kinds) > 1:
        return "several"
    return kinds.pop() if kinds else None


def _cell_kinds(cells: dict) -> set[str]:
    return {_cell_kind(rows) for rows in cells.values()}


def _cell_text(rows: list, kind: str | None, names: dict[str, str]) -> str:
    """The kind of term, then who is asked to act: "proposal term<br>to act: Russian forces"."""
    if not rows:
        return ""
    actors = sorted({names.get(a, a) for r in rows if (a := given(r.addressee_id))})
    return DEMAND_KIND_NAMES.get(kind, kind) + (f"<br>to act: {_join(actors)}" if actors else "")


def _unique_ids(cells: dict) -> set[str]:
    return {row.demand_id for rows in cells.values() for row in rows}


def _discrete_scale(colors: list[str]) -> list[list]:
    """A colorscale with one flat band per colour (for categories coded 0, 1, 2, ...)."""
    scale, n = [], len(colors)
    for i, color in enumerate(colors):
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale


# ---------------------------------------------------------------- quotes


def quotes_by_speaker(article=None):
    """Quotes per speaker, most quoted first, stacked by kind (direct, partial, indirect)."""
    art = as_article(article)
    names = _names(art)
    counts: Counter = Counter()
    totals: Counter = Counter()
    for row in art.quotes.itertuples(index=False):
        counts[(row.speaker_id, row.kind)] += 1
        totals[row.speaker_id] += 1
    order = _ranked(totals, names)
    labels = [names.get(a, a) for a in order]
    colors = palette.QUOTE_KIND_COLORS

    fig = _figure(
        "Who is quoted, and how: quotes per speaker by kind",
        x_title="Quotes",
        y_title="Speaker",
        height=_bar_height(len(order)),
    )
    for kind in _categories({k for _s, k in counts}, colors):
        ids = [a for a in order if counts[(a, kind)]]
        fig.add_bar(
            name=kind,
            orientation="h",
            y=[names.get(a, a) for a in ids],
            x=[counts[(a, kind)] for a in ids],
            marker={
                "color": palette.color_for(kind, colors),
                "pattern": {"shape": palette.pattern_for(kind, colors)},
            },
            hovertemplate=f"%{{y}}: %{{x}} {kind} quotes<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_title_text="Kind of quote")
    _order_y(fig, labels)
    fig.update_xaxes(dtick=1)

    if order:
        top = order[0]
        parts = ", ".join(f"{counts[(top, k)]} {k}" for k in colors if counts[(top, k)])
        summary = (
            f"{names.get(top, top)} is quoted most often ({totals[top]} quotes: {parts}); "
            f"{len(order)} speakers, {sum(totals.values())} quotes in all."
        )
    else:
        summary = "The article has no quotes annotated."
    return _finish(fig, summary)


def cue_verbs(article=None):
    """How often each reporting verb ("said", "insisted", ...) introduces speech, by speaker side.

    A verb that introduces several quotes at once (one "said" for two sentences of a direct quote)
    counts once: the bars count verbs in the text, not quotes.
    """
    art = as_article(article)
    sides = _actor_values(art, "side")
    colors, side_label = side_colors(art), side_names(art)
    cues: dict[tuple[int, int], tuple[str, str]] = {}
    for row in art.quotes.sort_values("cue_start").itertuples(index=False):
        side = sides.get(row.speaker_id)
        side = side if side in colors else OTHER_SIDE
        cues.setdefault((row.cue_start, row.cue_end), (row.cue.lower(), side))
    counts = Counter(cues.values())
    totals = Counter(verb for verb, _side in cues.values())
    order = sorted(totals, key=lambda verb: (-totals[verb], verb))

    fig = _figure(
        "The verbs that introduce speech, by the speaker's side",
        x_title="Reporting verb (cue)",
        y_title="Times used",
        height=420,
    )
    for side in _categories({s for _v, s in counts}, colors):
        verbs = [v for v in order if counts[(v, side)]]
        fig.add_bar(
            name=side_label.get(side, side),
            x=verbs,
            y=[counts[(v, side)] for v in verbs],
            marker={
                "color": palette.color_for(side, colors),
                "pattern": {"shape": palette.pattern_for(side, colors)},
            },
            hovertemplate=f"“%{{x}}”: %{{y}} times, {_escape(side_label.get(side, side))} side"
            "<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_title_text="Speaker's side")
    fig.update_xaxes(categoryorder="array", categoryarray=order)
    fig.update_yaxes(dtick=1)

    if order:
        top = order[0]
        summary = (
            f"The most common cue is “{top}” ({totals[top]} of {len(cues)} reporting verbs); "
            f"{len(order)} different verbs in all."
        )
    else:
        summary = "The article has no quotes, so no reporting verbs."
    return _finish(fig, summary)


# ---------------------------------------------------------------- sources


ATTRIBUTION_COLORS = {
    **palette.SOURCE_TYPE_COLORS,
    "mixed": palette.OKABE_ITO["reddish_purple"],
    "no claim": "#DDDDDD",
}


def attribution_map(article=None):
    """Each sentence in reading order, one row per paragraph, coloured by who its claims cite.

    A sentence whose claims have one source type takes that type; several types make it
    "mixed"; a sentence with no claim is "no claim". Bar lengths are sentence lengths.
    """
    art = as_article(article)
    names = _names(art)
    claims_of: dict[str, list] = defaultdict(list)
    for row in art.claims.sort_values("start").itertuples(index=False):
        claims_of[_sentence_of(art, row)].append(row)
    paragraphs = art.paragraphs.sort_values("start")
    para_label = {
        row.paragraph_id: f"¶{i} ({row.role})" if row.role != "body" else f"¶{i}"
        for i, row in enumerate(paragraphs.itertuples(index=False), start=1)
    }
    para_start = dict(zip(paragraphs.paragraph_id, paragraphs.start, strict=True))
    bars: dict[str, list[tuple]] = defaultdict(list)
    for row in art.sentences.sort_values("start").itertuples(index=False):
        claims = claims_of.get(row.sentence_id, [])
        types = sorted({c.source_type for c in claims}, key=list(ATTRIBUTION_COLORS).index)
        category = types[0] if len(types) == 1 else ("mixed" if types else "no claim")
        offset = int(row.start - para_start[row.paragraph_id])
        bars[category].append((row, offset, _sentence_hover(row, claims, names)))

    fig = _figure(
        "Who says so? Each sentence coloured by the source of its claims",
        x_title="Position in the paragraph (characters)",
        y_title="Paragraph",
        height=max(360, 140 + 26 * len(paragraphs)),
    )
    for category in _categories(set(bars), ATTRIBUTION_COLORS):
        entries = bars[category]
        fig.add_bar(
            name=category,
            orientation="h",
            y=[para_label[row.paragraph_id] for row, _o, _h in entries],
            x=[max(1, len(row.text) - 2) for row, _o, _h in entries],  # a gap between sentences
            base=[offset for _r, offset, _h in entries],
            customdata=[hover for _r, _o, hover in entries],
            hovertemplate="%{customdata}<extra></extra>",
            marker={
                "color": ATTRIBUTION_COLORS[category],
                "pattern": {"shape": palette.pattern_for(category, ATTRIBUTION_COLORS)},
                "line": {"color": "#FFFFFF", "width": 1},
            },
        )
    fig.update_layout(barmode="overlay", legend_title_text="Source of the claims")
    _order_y(fig, [para_label[p] for p in paragraphs.paragraph_id])

    counts = {category: len(entries) for category, entries in bars.items()}
    if counts:
        top = max(counts, key=lambda c: (counts[c], -list(ATTRIBUTION_COLORS).index(c)))
        detail = ", ".join(f"{counts[c]} {c}" for c in ATTRIBUTION_COLORS if counts.get(c))
        total, leaders = sum(counts.values()), _leaders(counts)
        if len(leaders) > 1:
            lead = f"{_join(leaders)} sentences tie for the most ({counts[top]} each of {total})"
        elif 2 * counts[top] > total:
            lead = f"Most sentences are {top} ({counts[top]} of {total})"
        else:  # a plurality is not "most"
            lead = f"More sentences are {top} than anything else ({counts[top]} of {total})"
        summary = f"{lead}: {detail}."
    else:
        summary = "The article has no sentences annotated."
    return _finish(fig, summary)


def _sentence_hover(row, claims: list, names: dict[str, str]) -> str:
    lines = [f"<b>{row.sentence_id}</b>: " + _wrap(row.text)]
    for claim in claims:
        source = given(claim.source_id)
        who = names.get(source, source) if source else "no source"
        lines.append(f"{claim.claim_id}: {claim.source_type} ({_escape(who)})")
    return "<br>".join(lines) if claims else "<br>".join(lines + ["no claim annotated"])


def source_balance(article=None):
    """Whose voice carries the article: claims by source type and quotes by kind, per side.

    Claims from a named or unnamed source count for the source's side; claims whose source is a
    document, and unattributed claims (the writer's voice), get columns of their own. Every side
    of the article has its column, a side no one speaks for shows a 0: a missing voice is news.
    """
    from plotly.subplots import make_subplots

    art = as_article(article)
    sides = _actor_values(art, "side")
    names = side_names(art)

    def side_of(actor_id) -> str:
        return names.get(sides.get(actor_id), OTHER_SIDE)

    claims: Counter = Counter()
    for row in art.claims.itertuples(index=False):
        if row.source_type == "document":
            group = "a document"
        elif row.source_type == "unattributed" or given(row.source_id) is None:
            group = "no source"
        else:
            group = side_of(row.source_id)
        claims[(group, row.source_type)] += 1
    quotes: Counter = Counter((side_of(r.speaker_id), r.kind) for r in art.quotes.itertuples())
    side_groups = [n for side, n in names.items() if side != OTHER_SIDE]
    used = {g for g, _t in claims} | {g for g, _k in quotes}
    extra = [g for g in (names[OTHER_SIDE], "a document", "no source") if g in used]
    groups = list(dict.fromkeys(side_groups + extra))

    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=False,
        subplot_titles=("Claims, by source type", "Quotes, by kind"),
        horizontal_spacing=0.12,
    )
    _style(fig, "Whose voice carries the article: claims and quotes by side", height=460)
    tables = (
        (claims, palette.SOURCE_TYPE_COLORS, 1, "legend", "claims"),
        (quotes, palette.QUOTE_KIND_COLORS, 2, "legend2", "quotes"),
    )
    for counts, colors, col, legend, unit in tables:
        for category in _categories({c for _g, c in counts}, colors):
            shown = [g for g in groups if counts[(g, category)]]
            fig.add_bar(
                name=category,
                x=shown,
                y=[counts[(g, category)] for g in shown],
                marker={
                    "color": palette.color_for(category, colors),
                    "pattern": {"shape": palette.pattern_for(category, colors)},
                },
                legend=legend,
                hovertemplate=f"%{{x}}: %{{y}} {category} {unit}<extra></extra>",
                row=1,
                col=col,
            )
        for group in side_groups:
            if not any(n for (g, _c), n in counts.items() if g == group):
                _visible_zero(fig, group, unit, col)
        fig.update_xaxes(
            title_text="Side of the source", categoryorder="array", categoryarray=groups, col=col
        )
        fig.update_yaxes(title_text=f"Number of {unit}", rangemode="tozero", row=1, col=col)
    fig.update_layout(
        barmode="stack",
        legend={"title": {"text": "Claims: source"}, "x": 1.02, "y": 1, "yanchor": "top"},
        legend2={
            "title": {"text": "Quotes: kind"},
            "x": 1.02,
            "y": 0.45,
            "yanchor": "top",
            "traceorder": "normal",
        },
    )

    claim_totals = Counter()
    for (group, _t), n in claims.items():
        claim_totals[group] += n
    quote_totals = Counter()
    for (group, _k), n in quotes.items():
        quote_totals[group] += n
    parts = []
    for noun, totals in (("claims", claim_totals), ("quotes", quote_totals)):
        if totals:
            parts.append(_who_leads(noun, {g: totals[g] for g in groups if totals[g]}))
    silent = [g for g in side_groups if not claim_totals[g] and not quote_totals[g]]
    if parts and silent:
        parts.append(f"no claim or quote comes from {_join(silent)}")
    summary = ("; ".join(parts) or "The article has no claims or quotes annotated") + "."
    return _finish(fig, summary)


def _leaders(counts: dict) -> list:
    """The categories with the highest count (more than one: a tie), in the dict's order."""
    top = max(counts.values())
    return [c for c, n in counts.items() if n == top]


def _who_leads(noun: str, counts: dict) -> str:
    """ "most claims come from X (13 of 20)" only for a majority; a plurality or a tie says so."""
    leaders, total = _leaders(counts), sum(counts.values())
    top = counts[leaders[0]]
    if len(leaders) > 1:
        voices = _join([_voice(g) for g in leaders])
        return f"{voices} tie for the most {noun} ({top} each of {total})"
    if 2 * top > total:
        return f"most {noun} come from {_voice(leaders[0])} ({top} of {total})"
    return f"more {noun} come from {_voice(leaders[0])} than from any other ({top} of {total})"


def _visible_zero(fig, group: str, unit: str, col: int) -> None:
    """A "0" over a side's empty column: an empty slot alone reads as a gap in the chart."""
    fig.add_annotation(
        x=group,
        y=0,
        text="0",
        showarrow=False,
        yanchor="bottom",
        font={"size": 14},
        hovertext=f"{_escape(group)}: no {unit}",
        row=1,
        col=col,
    )


def _voice(group: str) -> str:
    """A source group of source_balance in words, for the summary."""
    return {
        "other": "other sources",
        "a document": "documents",
        "no source": "the writer's own voice (no source)",
    }.get(group, f"sources on the side of {group}")


# ---------------------------------------------------------------- summaries and display


def figure_summary(fig) -> str:
    """The one-line text summary of a kit figure (for screen readers and text exports)."""
    meta = fig.layout.meta
    if isinstance(meta, dict) and meta.get("summary"):
        return str(meta["summary"])
    title = fig.layout.title.text
    return f"A figure: {title}." if title else "A figure."


PLOTLY_MIME = "application/vnd.plotly.v1+json"


def show(fig) -> None:
    """Display a figure, then its one-line summary as a paragraph screen readers can read."""
    from IPython.display import display

    summary = figure_summary(fig)
    # The same bundle as plotly's default renderer in a kernel, without its check of the
    # nbformat version, which imports nbformat and jsonschema: ~1.5 s per lesson.
    display({PLOTLY_MIME: json.loads(fig.to_json())}, raw=True)
    display(
        {
            "text/plain": summary,
            "text/html": f'<p class="kit-figure-summary">{html.escape(summary)}</p>',
        },
        raw=True,
    )


# ---------------------------------------------------------------- shared plumbing


def _figure(title: str, x_title: str, y_title: str, height: int):
    import plotly.graph_objects as go

    fig = go.Figure()
    _style(fig, title, height)
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title)
    return fig


def _style(fig, title: str, height: int) -> None:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        template=_TEMPLATE,
        colorway=palette.COLORWAY,
        font=_FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        hoverlabel={"align": "left"},
        legend={"traceorder": "normal"},
    )


def _finish(fig, summary: str):
    summary = summary[:1].upper() + summary[1:]
    fig.update_layout(meta={"summary": summary})
    return fig


def _bar_height(n_bars: int) -> int:
    return max(320, 130 + 26 * n_bars)


def _order_y(fig, labels: list[str]) -> None:
    """Categories top to bottom in the given order (plotly draws the first at the bottom)."""
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(labels)))


def _ranked(counts: Counter, names: dict[str, str]) -> list[str]:
    """Ids by count, highest first; ties by name, so the order never depends on the input."""
    return sorted(counts, key=lambda key: (-counts[key], names.get(key, str(key)), str(key)))


def _tied_top(counts: Counter, order: list[str], names: dict[str, str]) -> str:
    best = counts[order[0]]
    return _join([names.get(a, a) for a in order if counts[a] == best])


def _verb(n: int, singular: str = "names", plural: str = "name") -> str:
    return singular if n == 1 else plural


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _categories(present: set, colors: dict[str, str]) -> list[str]:
    """The categories present, in palette order, then any unknown ones alphabetically."""
    known = [c for c in colors if c in present]
    return known + sorted(c for c in present if c not in colors)


def _names(art) -> dict[str, str]:
    names = {}
    documents = getattr(art, "documents", None)
    if documents is not None and not documents.empty:
        names.update(zip(documents.document_id, documents.name, strict=True))
    names.update(zip(art.actors.actor_id, art.actors.name, strict=True))
    return names


def _actor_values(art, column: str) -> dict[str, str]:
    return {a: given(v) for a, v in zip(art.actors.actor_id, art.actors[column], strict=True)}


def _sentence_of(art, row) -> str:
    sentence = given(getattr(row, "sentence_id", None))
    if sentence:
        return sentence
    hit = art.sentences[(art.sentences.start <= row.start) & (row.start < art.sentences.end)]
    return hit.sentence_id.iloc[0] if len(hit) else f"@{row.start}"


def _escape(value) -> str:
    # plotly hover labels read a little HTML: escape what the article says.
    return html.escape(str(value), quote=False)


def _wrap(text: str, width: int = 70) -> str:
    return "<br>".join(_escape(line) for line in textwrap.wrap(str(text), width))
