"""What every kit figure shares: styling, name look-ups, ordering and the wording of leaders.

The wording helpers keep one promise of the kit: a summary says "most" only for a majority
(more than half of the total); a plurality says "more ... than any other", a tie names the tied.
"""

from __future__ import annotations

import functools
import html
import textwrap
from collections import Counter

from kitlib import palette
from kitlib.article import given

FONT = {"family": "Arial, Helvetica, sans-serif", "size": 13}
TEMPLATE = "plotly_white"


# ---------------------------------------------------------------- who leads, in words


def leaders(counts: dict) -> list:
    """The keys with the highest count (more than one: a tie), in the dict's order."""
    if not counts:
        return []
    top = max(counts.values())
    return [key for key, n in counts.items() if n == top]


def is_majority(n: int, total: int) -> bool:
    """More than half: the only case a summary may call "most"."""
    return 2 * n > total


# ---------------------------------------------------------------- figures


def figure(title: str, x_title: str, y_title: str, height: int):
    import plotly.graph_objects as go

    fig = go.Figure()
    style(fig, title, height)
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title)
    return fig


def style(fig, title: str, height: int) -> None:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        template=TEMPLATE,
        colorway=palette.COLORWAY,
        font=FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        hoverlabel={"align": "left"},
        legend={"traceorder": "normal"},
    )


def sentence_case(summarize):
    """A summary function whose sentence starts with a capital, however its first clause runs."""

    @functools.wraps(summarize)
    def wrapper(*args, **kwargs) -> str:
        summary = summarize(*args, **kwargs)
        return summary[:1].upper() + summary[1:]

    return wrapper


def finish(fig, summary: str):
    """Store the one-line summary in the figure, where figure_summary() and show() find it."""
    summary = summary[:1].upper() + summary[1:]
    fig.update_layout(meta={"summary": summary})
    return fig


def bar_height(n_bars: int) -> int:
    return max(320, 130 + 26 * n_bars)


def order_y(fig, labels: list[str]) -> None:
    """Categories top to bottom in the given order (plotly draws the first at the bottom)."""
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(labels)))


def ranked(counts: Counter, names: dict[str, str]) -> list[str]:
    """Ids by count, highest first; ties by name, so the order never depends on the input."""
    return sorted(counts, key=lambda key: (-counts[key], names.get(key, str(key)), str(key)))


def categories(present: set, colors: dict[str, str]) -> list[str]:
    """The categories present, in palette order, then any unknown ones alphabetically."""
    known = [c for c in colors if c in present]
    return known + sorted(c for c in present if c not in colors)


def marker(category: str, colors: dict[str, str], patterns: dict[str, str] | None = None):
    return {
        "color": palette.color_for(category, colors),
        "pattern": {"shape": palette.pattern_for(category, colors, patterns)},
    }


# ---------------------------------------------------------------- the article's tables


def names_of(art) -> dict[str, str]:
    names = {}
    documents = getattr(art, "documents", None)
    if documents is not None and not documents.empty:
        names.update(zip(documents.document_id, documents.name, strict=True))
    names.update(zip(art.actors.actor_id, art.actors.name, strict=True))
    return names


def actor_values(art, column: str) -> dict[str, str]:
    return {a: given(v) for a, v in zip(art.actors.actor_id, art.actors[column], strict=True)}


def sentence_of(art, row) -> str:
    sentence = given(getattr(row, "sentence_id", None))
    if sentence:
        return sentence
    hit = art.sentences[(art.sentences.start <= row.start) & (row.start < art.sentences.end)]
    return hit.sentence_id.iloc[0] if len(hit) else f"@{row.start}"


# ---------------------------------------------------------------- words


def count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def join(items: list[str]) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def escape(value) -> str:
    # plotly hover labels read a little HTML: escape what the article says.
    return html.escape(str(value), quote=False)


def wrap(text: str, width: int = 70) -> str:
    return "<br>".join(escape(line) for line in textwrap.wrap(str(text), width))
