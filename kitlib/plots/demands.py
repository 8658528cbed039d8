"""Places in demands, offers and plan terms, by who asks (demand_map)."""

from __future__ import annotations

import pandas as pd

from kitlib import palette
from kitlib.article import as_article, given
from kitlib.plots import _base as b
from kitlib.sides import OTHER_SIDE, side_names

DEMAND_KIND_NAMES = {"demand": "demand", "proposal_term": "proposal term", "offer": "offer"}
NOT_SAID = "not said"
DEMAND_KIND_COLORS = {
    "demand": palette.OKABE_ITO["vermillion"],
    "proposal_term": palette.OKABE_ITO["blue"],
    "offer": palette.OKABE_ITO["bluish_green"],
    "several": palette.OKABE_ITO["reddish_purple"],
}
CELL_TINT = 0.45  # heatmap cells are tinted so black text on them meets WCAG AA
PLACE_COLUMNS = [
    "demand_id",
    "kind",
    "party",
    "party_side",
    "place",
    "addressee",
    "document",
    "condition",
    "text",
]


def demand_places(article=None) -> pd.DataFrame:
    """One row per place a term names, in reading order; a term naming no place has one row
    with ``place`` None. ``party`` is who asks or offers (the plan, if no one is named);
    ``party_side`` the name of the party's declared side (None: no side, or "other")."""
    art = as_article(article)
    names = b.names_of(art)
    sides, side_label = b.actor_values(art, "side"), side_names(art)
    rows = []
    for row in art.demands.sort_values("start").itertuples(index=False):
        party_side = sides.get(given(row.party_id))
        facts = (
            row.demand_id,
            row.kind,
            _party_name(row, names),
            side_label.get(party_side) if party_side not in (None, OTHER_SIDE) else None,
        )
        addressee, document = given(row.addressee_id), given(row.document_id)
        tail = (
            names.get(addressee, addressee) if addressee else None,
            names.get(document, document) if document else None,
            given(row.condition),
            row.text,
        )
        places = list(row.places) if given(row.places) is not None else []
        rows += [(*facts, place, *tail) for place in places or [None]]
    return pd.DataFrame(rows, columns=PLACE_COLUMNS)


def demand_map(article=None):
    """Places named in demands, offers and plan terms, by who asks: the kind of term in each cell.

    The hover shows each term, who is asked to act, the plan it belongs to and any condition.
    Terms that name no place are left out (the summary says how many).
    """
    data = demand_places(article)
    return b.finish(draw_demand_map(data), summarize_demand_map(data))


def draw_demand_map(data: pd.DataFrame):
    placed = data[data.place.notna()]
    places, parties = list(dict.fromkeys(placed.place)), list(dict.fromkeys(placed.party))
    cells = {key: group for key, group in placed.groupby(["place", "party"], sort=False)}
    # At least one kind, so that plotly gets a valid colour scale even for an empty map.
    present = {_cell_kind(group) for group in cells.values()}
    kinds = [k for k in DEMAND_KIND_COLORS if k in present] or ["demand"]
    z, text, hover = [], [], []
    for place in places:
        groups = [cells.get((place, party)) for party in parties]
        z.append([None if g is None else kinds.index(_cell_kind(g)) for g in groups])
        text.append(["" if g is None else _cell_text(g) for g in groups])
        hover.append(["" if g is None else _cell_hover(g) for g in groups])

    fig = b.figure(
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
        colorscale=_discrete_scale([palette.tint(DEMAND_KIND_COLORS[k], CELL_TINT) for k in kinds]),
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
    return fig


@b.sentence_case
def summarize_demand_map(data: pd.DataFrame) -> str:
    placed = data[data.place.notna()]
    if placed.empty:
        return "No demand, offer or plan term in the article names a place."
    terms = placed.groupby("place", sort=False).demand_id.nunique().to_dict()
    top = b.leaders(terms)
    n = terms[top[0]]
    if len(top) == len(terms):  # one place, or all tied: no place comes up more than another
        each = "each " if len(top) > 1 else ""
        lead = f"{b.join(top)} {'come' if each else 'comes'} up in {b.count(n, 'term')} {each}"
        lead = lead.rstrip()
    elif len(top) == 1:
        lead = f"{top[0]} comes up in more terms than any other place ({n})"
    else:  # a tie is named in full: no place is singled out
        lead = f"{b.join(top)} come up in more terms than any other place ({n} each)"
    parts = [lead]
    shared = _named_by_several(placed)
    if shared:
        parts.append(shared)
    unplaced = data[data.place.isna()].demand_id.nunique()
    tail = f"{b.count(len(terms), 'place')} in {b.count(placed.demand_id.nunique(), 'term')}"
    if unplaced:
        tail += f"; {b.count(unplaced, 'term')} {'names' if unplaced == 1 else 'name'} no place"
    return "; ".join([*parts, tail]) + "."


def _named_by_several(placed: pd.DataFrame) -> str:
    """ "named by both Russia and Ukraine: Donetsk and Kharkiv": every place two sides share.

    A party without a declared side counts as its own side; the word is "party" then."""
    askers = placed.party_side.where(placed.party_side.notna(), placed.party)
    by_place = askers.groupby(placed.place, sort=False).agg(lambda s: tuple(dict.fromkeys(s)))
    shared = {place: who for place, who in by_place.items() if len(who) > 1}
    if not shared:
        return ""
    groups: dict[tuple, list[str]] = {}
    for place, who in shared.items():
        groups.setdefault(tuple(sorted(who)), []).append(place)
    word = "side" if placed.party_side.notna().all() else "party"
    return "; ".join(
        f"{b.join(places)} {'is' if len(places) == 1 else 'are'} named by more than one {word} "
        f"({b.join(list(who))})"
        for who, places in groups.items()
    )


def _party_name(row, names: dict[str, str]) -> str:
    party = given(row.party_id) or given(row.document_id)
    return names.get(party, party) if party else NOT_SAID


def _cell_kind(group: pd.DataFrame) -> str:
    kinds = set(group.kind)
    return "several" if len(kinds) > 1 else kinds.pop()


def _cell_text(group: pd.DataFrame) -> str:
    """The kind of term, then who is asked to act: "proposal term<br>to act: Russian forces"."""
    kind = _cell_kind(group)
    actors = sorted(set(group.addressee.dropna()))
    return DEMAND_KIND_NAMES.get(kind, kind) + (f"<br>to act: {b.join(actors)}" if actors else "")


def _cell_hover(group: pd.DataFrame) -> str:
    return "<br><br>".join(_term_hover(row) for row in group.itertuples(index=False))


def _term_hover(row) -> str:
    lines = [
        f"<b>{b.escape(row.place)}</b>: {DEMAND_KIND_NAMES.get(row.kind, row.kind)} "
        f"by {b.escape(row.party)}",
        f"who is to act: {b.escape(row.addressee or NOT_SAID)}",
    ]
    if row.document:
        lines.append(f"in: {b.escape(row.document)}")
    if row.condition:
        lines.append(f"condition: {b.escape(row.condition)}")
    lines.append(b.wrap(f"“{row.text}”"))
    return "<br>".join(lines)


def _discrete_scale(colors: list[str]) -> list[list]:
    """A colorscale with one flat band per colour (for categories coded 0, 1, 2, ...)."""
    scale, n = [], len(colors)
    for i, color in enumerate(colors):
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale
