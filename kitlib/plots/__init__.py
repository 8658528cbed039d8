"""Plots for the lessons: one function per question, each returning a plotly Figure.

Each figure is built in three steps, so that figure and summary cannot disagree: a function
returns the counts as a DataFrame (``mention_counts``, ``cooccurrence_counts``,
``demand_places``, ``quote_counts``, ``cue_counts``, ``sentence_sources``, ``balance_counts``),
the figure is drawn from that DataFrame alone, and the summary sentence is computed from it too.

Every figure has a title, labelled axes, colour-blind-safe colours (Okabe-Ito) with a second cue
(bar patterns or numbers in cells), a deterministic order, and a one-line summary for screen
readers in ``fig.layout.meta["summary"]`` (read it with ``figure_summary(fig)``). A summary says
"most" only for a majority. ``show(fig)`` displays the figure followed by its summary as text.

plotly is imported on first use. The figures carry no URL and need no network: in Jupyter the
default renderer stores them as JSON, drawn by the plotly.js that ships with the plotly wheel.
"""

from __future__ import annotations

from kitlib.plots.actors import (
    actor_cooccurrence,
    actor_mentions,
    cooccurrence_counts,
    mention_counts,
)
from kitlib.plots.demands import (
    CELL_TINT,
    DEMAND_KIND_COLORS,
    DEMAND_KIND_NAMES,
    demand_map,
    demand_places,
)
from kitlib.plots.display import PLOTLY_MIME, figure_summary, show
from kitlib.plots.quotes import cue_counts, cue_verbs, quote_counts, quotes_by_speaker
from kitlib.plots.sources import (
    ATTRIBUTION_COLORS,
    attribution_map,
    balance_counts,
    sentence_sources,
    source_balance,
)

__all__ = [
    "actor_mentions",
    "actor_cooccurrence",
    "demand_map",
    "quotes_by_speaker",
    "cue_verbs",
    "attribution_map",
    "source_balance",
    "mention_counts",
    "cooccurrence_counts",
    "demand_places",
    "quote_counts",
    "cue_counts",
    "sentence_sources",
    "balance_counts",
    "figure_summary",
    "show",
    "ATTRIBUTION_COLORS",
    "CELL_TINT",
    "DEMAND_KIND_COLORS",
    "DEMAND_KIND_NAMES",
    "PLOTLY_MIME",
]
