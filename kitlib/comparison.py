"""Compare two annotations of one text, table by table: ``kitlib.compare(a, b)``.

API (stable; lessons build on it)::

    result = kitlib.compare(machine, careful)   # Articles, or paths/seed names to load
    result.scores         # DataFrame: one row per table (and quotes.speaker, quotes.kind)
    print(result)         # a readable summary; in a notebook the HTML table shows
    result.misses("quotes"), result.extras("quotes")   # the items behind the numbers
    result.quote_pairs    # matched quotes: both speakers and kinds, and whether they agree
    result.figure()       # a plotly bar chart of F1 per table (exact and overlap)
    result.machine, result.careful   # the two Articles compared

``a`` is the annotation under test (the machine draft), ``b`` the reference (the careful
one): precision = matches / items in ``a``, recall = matches / items in ``b``. Spans match
*exactly* (same start and end) or by *overlap* (they share at least one character; each item
is matched once, largest overlap first). Actors have no span: they match *exactly* by name
(ignoring case and a leading "the") and otherwise by their mentions (the machine's "the
government of Russia" and the careful "the Russian government" share the mention "Moscow"),
each actor once, the pair sharing most mentions first (two mentions are the same if they
share at least half of each). Quotes are also compared on speaker (the two speakers share a
mention or a name) and kind, over the quotes matched by overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Comparison", "compare", "TABLES"]

TABLES = ("paragraphs", "sentences", "actors", "mentions", "quotes", "demands", "claims", "figures")
COLUMNS = [
    "table",
    "careful",
    "machine",
    "exact",
    "overlap",
    "misses",
    "extras",
    "precision",
    "recall",
    "f1",
    "exact_f1",
]


@dataclass
class Comparison:
    scores: object  # pandas DataFrame, one row per table
    quote_pairs: object  # DataFrame of matched quotes
    machine: object = None  # the Article compared (a)
    careful: object = None  # the Article it is compared with (b)
    _misses: dict = field(default_factory=dict, repr=False)
    _extras: dict = field(default_factory=dict, repr=False)

    def misses(self, table: str):
        """Items of the careful annotation the machine did not find (by overlap)."""
        return self._misses[_table(table)]

    def extras(self, table: str):
        """Items the machine found that the careful annotation does not have."""
        return self._extras[_table(table)]

    def __str__(self) -> str:
        lines = ["machine vs careful annotation (overlap matches; exact F1 beside):"]
        for row in self.scores.itertuples(index=False):
            if row.table.startswith("quotes."):
                lines.append(
                    f"  {row.table:<14} right for {row.exact} of {row.overlap} "
                    f"matched quotes ({_pct(row.precision)})"
                )
                continue
            lines.append(
                f"  {row.table:<14} {row.overlap:>3} of {row.careful:>3} found, "
                f"{row.extras:>3} extra; P {_pct(row.precision)} R {_pct(row.recall)} "
                f"F1 {_pct(row.f1)} (exact {_pct(row.exact_f1)})"
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        caption = "Machine draft against the careful annotation (spans matched by overlap)"
        table = self.scores.to_html(index=False, float_format=lambda x: f"{x:.2f}", na_rep="–")
        opening = table.index(">") + 1  # the caption goes right after <table ...>
        return f"{table[:opening]}\n  <caption>{caption}</caption>{table[opening:]}"

    def __repr__(self) -> str:
        return str(self)

    def figure(self):
        """F1 per table, exact and by overlap, as grouped bars with patterns (not colour alone)."""
        import plotly.graph_objects as go  # lazily: plotly is only needed for the figure

        rows = self.scores[~self.scores.table.str.startswith("quotes.")]
        fig = go.Figure()
        for column, name, pattern in (("exact_f1", "exact span", "/"), ("f1", "overlap", "")):
            fig.add_bar(
                x=list(rows.table),
                y=list(rows[column].fillna(0)),
                name=name,
                marker_pattern_shape=pattern,
                text=[f"{v:.2f}" for v in rows[column].fillna(0)],
                textposition="outside",
            )
        fig.update_layout(
            title="How well the machine draft matches the careful annotation (F1 per table)",
            xaxis_title="table",
            yaxis_title="F1 (1 = every item matched)",
            barmode="group",
            yaxis_range=[0, 1.1],
            template="simple_white",
        )
        return fig


def _pct(x) -> str:
    return " – " if x != x else f"{100 * x:3.0f}%"


def _table(name: str) -> str:
    if name not in TABLES:
        raise KeyError(f"no table {name!r} in a comparison; tables are: {', '.join(TABLES)}")
    return name


def compare(a, b) -> Comparison:
    """Compare annotation ``a`` (the machine draft) with ``b`` (the careful one)."""
    import pandas as pd

    a, b = _article(a), _article(b)
    rows, misses, extras = [], {}, {}
    for table in TABLES:
        if table == "actors":
            pairs = _match_actors(a, b)
            exact = sum(
                _norm(a.actors.at[i, "name"]) == _norm(b.actors.at[j, "name"]) for i, j in pairs
            )
        else:
            pairs = _match_spans(getattr(a, table), getattr(b, table))
            exact = sum(
                1 for i, j in pairs if _same_span(getattr(a, table), i, getattr(b, table), j)
            )
        rows.append(_row(table, len(getattr(b, table)), len(getattr(a, table)), pairs, exact))
        misses[table] = getattr(b, table).drop(index=[j for _, j in pairs])
        extras[table] = getattr(a, table).drop(index=[i for i, _ in pairs])
    pairs = _match_spans(a.quotes, b.quotes)
    quote_pairs = _quote_pairs(a, b, pairs)
    for what in ("speaker", "kind"):
        right = int(quote_pairs[f"{what}_right"].sum()) if len(quote_pairs) else 0
        share = right / len(quote_pairs) if len(quote_pairs) else float("nan")
        rows.append(
            {
                "table": f"quotes.{what}",
                "careful": len(b.quotes),
                "machine": len(a.quotes),
                "exact": right,
                "overlap": len(quote_pairs),
                "misses": len(quote_pairs) - right,
                "extras": 0,
                "precision": share,
                "recall": share,
                "f1": share,
                "exact_f1": float("nan"),
            }
        )
    scores = pd.DataFrame(rows, columns=COLUMNS)
    return Comparison(scores, quote_pairs, a, b, misses, extras)


def _article(x):
    from kitlib.article import Article, load_article

    return x if isinstance(x, Article) else load_article(x)


def _row(table, careful, machine, pairs, exact) -> dict:
    found = len(pairs)
    p = found / machine if machine else float("nan")
    r = found / careful if careful else float("nan")
    row = {
        "table": table,
        "careful": careful,
        "machine": machine,
        "exact": exact if exact is not None else found,
        "overlap": found,
        "misses": careful - found,
        "extras": machine - found,
        "precision": p,
        "recall": r,
        "f1": _f1(p, r),
    }
    e = row["exact"]
    row["exact_f1"] = _f1(
        e / machine if machine else float("nan"), e / careful if careful else float("nan")
    )
    return row


def _f1(p, r) -> float:
    if p != p or r != r:
        return float("nan")
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _same_span(ta, i, tb, j) -> bool:
    return (ta.at[i, "start"], ta.at[i, "end"]) == (tb.at[j, "start"], tb.at[j, "end"])


def _match_spans(ta, tb) -> list[tuple]:
    """One-to-one pairs (index in a, index in b) of overlapping spans, largest overlap first;
    an exact pair always wins."""
    candidates = []
    for i, s1, e1 in ta[["start", "end"]].itertuples():
        for j, s2, e2 in tb[["start", "end"]].itertuples():
            shared = min(e1, e2) - max(s1, s2)
            if shared > 0:
                candidates.append(((s1, e1) == (s2, e2), shared, i, j))
    pairs, used_a, used_b = [], set(), set()
    for _, _, i, j in sorted(candidates, key=lambda c: (not c[0], -c[1], c[2], c[3])):
        if i not in used_a and j not in used_b:
            pairs.append((i, j))
            used_a.add(i)
            used_b.add(j)
    return pairs


def _norm(name: str) -> str:
    name = str(name).casefold().strip()
    return name[4:] if name.startswith("the ") else name


def _match_actors(a, b) -> list[tuple]:
    """One-to-one pairs of actors: same name first, then most shared (overlapping) mentions."""
    shared: dict[tuple, int] = {}
    ma = a.mentions[["actor_id", "start", "end"]].itertuples(index=False)
    mb = list(b.mentions[["actor_id", "start", "end"]].itertuples(index=False))
    for actor_a, s1, e1 in ma:
        for actor_b, s2, e2 in mb:
            if _same_mention(s1, e1, s2, e2):
                shared[(actor_a, actor_b)] = shared.get((actor_a, actor_b), 0) + 1
    candidates = []
    for i, id_a, name_a in a.actors[["actor_id", "name"]].itertuples():
        for j, id_b, name_b in b.actors[["actor_id", "name"]].itertuples():
            score = 1000 * (_norm(name_a) == _norm(name_b)) + shared.get((id_a, id_b), 0)
            if score:
                candidates.append((-score, i, j))
    pairs, used_a, used_b = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            pairs.append((i, j))
            used_a.add(i)
            used_b.add(j)
    return pairs


def _quote_pairs(a, b, pairs):
    import pandas as pd

    rows = []
    for i, j in pairs:
        qa, qb = a.quotes.loc[i], b.quotes.loc[j]
        rows.append(
            {
                "careful_quote": qb.quote_id,
                "machine_quote": qa.quote_id,
                "text": qb.text,
                "careful_speaker": qb.speaker_id,
                "machine_speaker": qa.speaker_id,
                "speaker_right": _same_actor(a, qa.speaker_id, b, qb.speaker_id),
                "careful_kind": qb.kind,
                "machine_kind": qa.kind,
                "kind_right": qa.kind == qb.kind,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "careful_quote",
            "machine_quote",
            "text",
            "careful_speaker",
            "machine_speaker",
            "speaker_right",
            "careful_kind",
            "machine_kind",
            "kind_right",
        ],
    )


def _same_actor(a, actor_a: str, b, actor_b: str) -> bool:
    """Two annotations' actors are the same one if their names agree or a mention of each
    is the same mention: ids differ between annotations, so ids are not compared."""
    name_a = a.actors.loc[a.actors.actor_id == actor_a, "name"]
    name_b = b.actors.loc[b.actors.actor_id == actor_b, "name"]
    if len(name_a) and len(name_b) and _norm(name_a.iloc[0]) == _norm(name_b.iloc[0]):
        return True
    ma = a.mentions[a.mentions.actor_id == actor_a][["start", "end"]].itertuples(index=False)
    mb = list(b.mentions[b.mentions.actor_id == actor_b][["start", "end"]].itertuples(index=False))
    return any(_same_mention(s1, e1, s2, e2) for s1, e1 in ma for s2, e2 in mb)


def _same_mention(s1: int, e1: int, s2: int, e2: int) -> bool:
    """Two mentions are one if they share at least half of each: "Moscow" inside "analysts
    close to Moscow" is another actor's mention, not the same one."""
    shared = min(e1, e2) - max(s1, s2)
    return 2 * shared >= e1 - s1 and 2 * shared >= e2 - s2 and shared > 0
