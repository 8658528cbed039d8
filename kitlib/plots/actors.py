"""Who is mentioned (actor_mentions) and who shares sentences (actor_cooccurrence).

Each figure is three steps: a table of counts from the article, the figure drawn from that
table alone, and the summary sentence computed from the same table.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from kitlib import palette
from kitlib.article import as_article
from kitlib.plots import _base as b
from kitlib.sides import side_colors, side_names

MENTION_COLUMNS = ["actor_id", "actor", "category", "label", "mentions"]
PAIR_COLUMNS = ["actor_id", "other_id", "actor", "other", "sentences", "actor_mentions"]
BY_CHOICES = ("kind", "side", "form")


# ---------------------------------------------------------------- mentions


def mention_counts(article=None, by: str = "kind") -> pd.DataFrame:
    """Mentions per actor and category (the actor's kind or side, or the mention's form).

    One row per (actor, category), the most mentioned actor first (ties by name), categories
    in palette order: ``actor_id, actor, category, label, mentions``.
    """
    if by not in BY_CHOICES:
        raise ValueError(f"by={by!r} is not a choice: use 'kind', 'side' or 'form'")
    art = as_article(article)
    names = b.names_of(art)
    per_actor = b.actor_values(art, by) if by != "form" else {}
    counts: Counter = Counter()
    for row in art.mentions.itertuples(index=False):
        category = row.form if by == "form" else per_actor.get(row.actor_id)
        counts[(row.actor_id, category or "other")] += 1
    totals: Counter = Counter()
    for (actor_id, _category), n in counts.items():
        totals[actor_id] += n
    labels = side_names(art) if by == "side" else {}
    colors = _mention_colors(art, by)
    rows = [
        (actor_id, names.get(actor_id, actor_id), c, labels.get(c, c), counts[(actor_id, c)])
        for actor_id in b.ranked(totals, names)
        for c in b.categories({c for _a, c in counts}, colors)
        if counts[(actor_id, c)]
    ]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def actor_mentions(article=None, by: str = "kind"):
    """Mentions per actor, most mentioned first, coloured by the actor's kind (or side, or form).

    ``by`` is ``"kind"`` (person, government, ...), ``"side"`` (the article's sides, see
    ``art.sides``) or ``"form"`` (name, metonym, pronoun, description: the bars are then stacked).
    """
    data = mention_counts(article, by)
    colors = _mention_colors(as_article(article), by)
    return b.finish(draw_mentions(data, colors, by), summarize_mentions(data))


def draw_mentions(data: pd.DataFrame, colors: dict[str, str], by: str):
    order = list(dict.fromkeys(data.actor))
    fig = b.figure(
        "Who is mentioned, and how often",
        x_title="Mentions in the article",
        y_title="Actor",
        height=b.bar_height(len(order)),
    )
    for category in dict.fromkeys(data.category):
        part = data[data.category == category]
        label = part.label.iloc[0]
        fig.add_bar(
            name=label,
            orientation="h",
            y=list(part.actor),
            x=[int(n) for n in part.mentions],
            marker=b.marker(category, colors),
            hovertemplate=f"%{{y}}: %{{x}} mentions ({b.escape(label)})<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_title_text=f"Actor {by}" if by != "form" else "Form")
    b.order_y(fig, order)
    fig.update_xaxes(dtick=1)
    return fig


@b.sentence_case
def summarize_mentions(data: pd.DataFrame) -> str:
    if data.empty:
        return "The article has no mentions annotated."
    totals = data.groupby("actor", sort=False).mentions.sum().to_dict()
    total, top = sum(totals.values()), b.leaders(totals)
    n = totals[top[0]]
    if len(top) > 1 and len(top) == len(totals):
        lead = f"every actor is mentioned as often ({b.count(n, 'time')} each)"
    elif len(top) > 1:
        lead = f"{b.join(top)} are mentioned more often than any other actor ({n} times each)"
    elif len(totals) == 1:
        lead = f"{top[0]} is the only actor mentioned ({b.count(n, 'time')})"
    elif b.is_majority(n, total):
        lead = f"most mentions are of {top[0]} ({n} of {total})"
    else:
        lead = f"{top[0]} is mentioned more often than any other actor ({n} of {total} mentions)"
    return f"{lead}; {b.count(len(totals), 'actor')}, {b.count(total, 'mention')} in all."


def _mention_colors(art, by: str) -> dict[str, str]:
    if by == "side":
        return side_colors(art)
    return palette.MENTION_FORM_COLORS if by == "form" else palette.ACTOR_KIND_COLORS


# ---------------------------------------------------------------- sentences shared


def cooccurrence_counts(article=None, min_mentions: int = 1) -> pd.DataFrame:
    """How many sentences each ordered pair of actors shares (both orders, so it is symmetric).

    Actors with fewer than ``min_mentions`` mentions, or who share no sentence, are left out.
    Rows: ``actor_id, other_id, actor, other, sentences, actor_mentions``, most mentioned
    actor first.
    """
    art = as_article(article)
    names = b.names_of(art)
    per_sentence: dict[str, set[str]] = defaultdict(set)
    mentions: Counter = Counter()
    for row in art.mentions.itertuples(index=False):
        per_sentence[b.sentence_of(art, row)].add(row.actor_id)
        mentions[row.actor_id] += 1
    pairs: Counter = Counter()
    for actors in per_sentence.values():
        pairs.update((x, y) for x in actors for y in actors if x != y)
    keep = {x for (x, _y) in pairs if mentions[x] >= min_mentions}
    order = [x for x in b.ranked(mentions, names) if x in keep]
    rows = [
        (x, y, names.get(x, x), names.get(y, y), pairs[(x, y)], mentions[x])
        for x in order
        for y in order
        if pairs[(x, y)]
    ]
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def actor_cooccurrence(article=None, min_mentions: int = 1):
    """How many sentences each pair of actors shares: a heatmap with the count in each cell.

    Actors with fewer than ``min_mentions`` mentions, or who share no sentence, are left out.
    """
    data = cooccurrence_counts(article, min_mentions)
    return b.finish(draw_cooccurrence(data), summarize_cooccurrence(data))


def draw_cooccurrence(data: pd.DataFrame):
    labels = list(dict.fromkeys(data.actor))
    shared = {(r.actor, r.other): int(r.sentences) for r in data.itertuples(index=False)}
    matrix = [[shared.get((y, x), 0) if y != x else None for x in labels] for y in labels]
    fig = b.figure(
        "Which actors appear in the same sentence",
        x_title="Actor",
        y_title="Actor",
        # Rotated names take ~200 px; 30 px a row keeps every label readable.
        height=max(420, 260 + 30 * len(labels)),
    )
    fig.add_heatmap(
        x=labels,
        y=labels,
        z=matrix,
        text=[["" if not n else str(n) for n in line] for line in matrix],
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
    return fig


@b.sentence_case
def summarize_cooccurrence(data: pd.DataFrame) -> str:
    if data.empty:
        return "No two actors are mentioned in the same sentence."
    # Each pair once, the better known actor first, in the table's order.
    rank = {a: i for i, a in enumerate(dict.fromkeys(data.actor_id))}
    once = data[[rank[x] < rank[y] for x, y in zip(data.actor_id, data.other_id, strict=True)]]
    pairs = {f"{r.actor} and {r.other}": int(r.sentences) for r in once.itertuples(index=False)}
    top = b.leaders(pairs)
    n = pairs[top[0]]
    actors = b.count(len(rank), "actor")
    if len(top) == 1:
        lead = f"{top[0]} share more sentences than any other pair ({n})"
    else:
        lead = f"no pair shares more than {b.count(n, 'sentence')}; {len(top)} pairs share {n}, "
        lead += f"among them {top[0]}"
    return f"{lead}; {actors} share at least one sentence with another."
