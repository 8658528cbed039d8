"""Sides: whose side each actor is on, for counting voices and colouring figures by side.

An annotation may declare its sides (``sides:`` in annotation.yaml: an id, a name, the member
actors). Without that section the sides are derived from the countries, as schema v1 always
did: each country actor at the root of an affiliation chain is a side, named as the actor.
Either way an actor is on a side if it, or an actor up its affiliation chain, is a member (the
nearest member wins); every other actor is on the side "other".

Derived sides come most mentioned first (ties in actor order), so that their order, and with it
their colours, depends on the article alone; declared sides keep the annotator's order.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from kitlib import palette
from kitlib.annotation import OTHER_SIDE

__all__ = [
    "OTHER_SIDE",
    "SIDE_COLUMNS",
    "side_table",
    "side_of",
    "side_names",
    "side_colors",
    "derive_sides",
    "actor_sides",
]

SIDE_COLUMNS = ["side_id", "name", "members", "note"]


# ---------------------------------------------------------------- used by the loader


def actor_sides(parents: dict[str, str | None], sides: list[dict]) -> dict[str, str]:
    """Each actor's side: the side of the nearest member up its affiliation chain, or "other"."""
    member_of = {m: side["side_id"] for side in sides for m in side["members"]}
    return {actor: _nearest(actor, parents, member_of) for actor in parents}


def _nearest(actor: str, parents: dict[str, str | None], member_of: dict[str, str]) -> str:
    seen, current = set(), actor
    while current is not None and current not in seen:  # seen: a cycle must not hang the loader
        if current in member_of:
            return member_of[current]
        seen.add(current)
        current = parents.get(current)
    return OTHER_SIDE


def derive_sides(actors: list[tuple], mentioned: Counter) -> list[dict]:
    """The sides of an annotation that declares none: its root countries.

    ``actors`` holds (actor_id, name, kind, affiliation) in annotation order; ``mentioned``
    counts mentions per actor_id.
    """
    parents = {a: parent for a, _name, _kind, parent in actors}
    countries = [(a, name) for a, name, kind, _parent in actors if kind == "country"]
    # A country affiliated to another country is part of that one's side, not a side itself.
    roots = [(a, name) for a, name in countries if not _country_above(a, parents, dict(countries))]
    sides = [{"side_id": a, "name": name, "members": [a], "note": None} for a, name in roots]
    return _most_mentioned_first(sides, parents, mentioned)


def _country_above(actor: str, parents: dict, countries: dict) -> bool:
    seen, current = {actor}, parents.get(actor)
    while current is not None and current not in seen:
        if current in countries:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def _most_mentioned_first(sides: list[dict], parents: dict, mentioned: Counter) -> list[dict]:
    of = actor_sides(parents, sides)
    per_side = Counter()
    for actor, n in mentioned.items():
        per_side[of.get(actor, OTHER_SIDE)] += n
    order = {side["side_id"]: i for i, side in enumerate(sides)}
    return sorted(sides, key=lambda s: (-per_side[s["side_id"]], order[s["side_id"]]))


def side_frame(sides: list[dict]) -> pd.DataFrame:
    rows = [(s["side_id"], s["name"], list(s["members"]), s["note"]) for s in sides]
    return pd.DataFrame(rows, columns=SIDE_COLUMNS, dtype=object)


# ---------------------------------------------------------------- for lessons, plots, widgets


def side_table(art) -> pd.DataFrame:
    """The article's sides (side_id, name, members, note), in order: ``art.sides``.

    For a stand-in with an actors table but no sides table (tests build such), the sides are
    read off its actors' ``side`` column, or derived from its countries.
    """
    sides = getattr(art, "sides", None)
    if isinstance(sides, pd.DataFrame):
        return sides
    actors = art.actors
    rows = [
        (r.actor_id, r.name, getattr(r, "kind", None), _given(getattr(r, "affiliation", None)))
        for r in actors.itertuples(index=False)
    ]
    mentions = getattr(art, "mentions", None)
    mentioned = Counter(mentions.actor_id) if mentions is not None else Counter()
    if "side" not in actors:
        return side_frame(derive_sides(rows, mentioned))
    names = dict(zip(actors.actor_id, actors.name, strict=True))
    ids = [s for s in dict.fromkeys(actors.side) if _given(s) is not None and s != OTHER_SIDE]
    sides = [
        {"side_id": s, "name": names.get(s, s), "members": [s] if s in names else [], "note": None}
        for s in ids
    ]
    per_side = Counter()
    for actor, side in zip(actors.actor_id, actors.side, strict=True):
        per_side[side] += mentioned[actor]
    sides.sort(key=lambda s: (-per_side[s["side_id"]], ids.index(s["side_id"])))
    return side_frame(sides)


def side_of(art, actor_id: str) -> str:
    """The side id of an actor (``"other"`` for an actor on no side)."""
    actors = art.actors
    hit = actors[actors.actor_id == actor_id]
    if hit.empty:
        raise KeyError(f"no actor {actor_id!r}; actor ids are: {', '.join(actors.actor_id)}")
    side = _given(hit.side.iloc[0]) if "side" in actors else None
    return side if side in set(side_table(art).side_id) else OTHER_SIDE


def side_names(art) -> dict[str, str]:
    """Side id -> the name figures and legends give it, in side order, then "other"."""
    table = side_table(art)
    return {**dict(zip(table.side_id, table.name, strict=True)), OTHER_SIDE: OTHER_SIDE}


def side_colors(art) -> dict[str, str]:
    """Side id -> its colour (Okabe-Ito in side order), then "other" in grey."""
    return palette.side_colors(side_table(art).side_id)


def _given(value):
    return None if value is None or value != value else value  # NaN is not equal to itself
