"""Countries by name, and capitals (or seats of power) standing for their government."""

from __future__ import annotations

import re

from kitlib.draft.base import Draft, slug

# country: its capital and the other names that stand for its government
COUNTRIES = {
    "Russia": ("Moscow", "the Kremlin"),
    "Ukraine": ("Kyiv",),
    "the United States": ("Washington", "the White House"),
    "China": ("Beijing",),
    "France": ("Paris", "the Elysee"),
    "Germany": ("Berlin",),
    "the United Kingdom": ("London", "Downing Street"),
    "Britain": (),
    "Poland": ("Warsaw",),
    "Turkey": ("Ankara",),
    "Iran": ("Tehran",),
    "Israel": ("Jerusalem",),
    "India": ("New Delhi",),
    "Japan": ("Tokyo",),
    "Italy": ("Rome",),
    "Spain": ("Madrid",),
    "Canada": ("Ottawa",),
    "Belarus": ("Minsk",),
    "Georgia": ("Tbilisi",),
    "Hungary": ("Budapest",),
    "Brazil": ("Brasilia",),
    "Mexico": ("Mexico City",),
    "Egypt": ("Cairo",),
    "Syria": ("Damascus",),
}
OTHER_BODIES = ("NATO", "the European Union", "the United Nations", "the EU", "the UN")


def _find(draft: Draft, phrase: str):
    for m in re.finditer(rf"\b{re.escape(phrase)}\b(?!-)", draft.text):
        if draft.sentence_of(m.start()) and not _in_mention(draft, m.start()):
            yield m


def find_countries(draft: Draft) -> None:
    """Rule ``country-name``: a country's name is a mention of the country (adjectives such
    as "Russian" are not)."""
    for country in COUNTRIES:
        for m in _find(draft, country):
            actor = draft.actor(slug(country), name=country.removeprefix("the "), kind="country")
            draft.add("mentions", "country-name", m.start(), m.end(), actor=actor, form="name")
    for body in OTHER_BODIES:
        for m in _find(draft, body):
            actor = draft.actor(slug(body), name=body, kind="organization")
            draft.add("mentions", "body-name", m.start(), m.end(), actor=actor, form="name")


def find_metonyms(draft: Draft) -> None:
    """Rule ``capital-metonym``: a capital or seat of power ("Moscow", "the Kremlin") stands
    for the country's government: a building cannot speak."""
    for country, seats in COUNTRIES.items():
        for seat in seats:
            for m in _find(draft, seat):
                plain = country.removeprefix("the ")
                nation = draft.actor(slug(country), name=plain, kind="country")
                actor = draft.actor(
                    slug(f"{plain}-government"),
                    kind="government",
                    name=f"the government of {plain} ({', '.join(seats)})",
                    affiliation=nation,
                )
                draft.add(
                    "mentions", "capital-metonym", m.start(), m.end(), actor=actor, form="metonym"
                )


TOWN_HALL = re.compile(r"\b(?:([A-Z][a-z]+) )?(?:City|Town) Hall\b")


def find_town_halls(draft: Draft) -> None:
    """Rule ``town-hall-metonym``: "City Hall" (or "Holmbury City Hall") stands for the
    town's government, as "the Kremlin" stands for Russia's."""
    for m in TOWN_HALL.finditer(draft.text):
        if not draft.sentence_of(m.start()) or _in_mention(draft, m.start()):
            continue
        town = m.group(1) or "the town"
        actor = draft.actor(
            slug(f"{town}-government"),
            kind="government",
            name=f"the {town.removeprefix('the ')} town government (City Hall)",
        )
        draft.add("mentions", "town-hall-metonym", m.start(), m.end(), actor=actor, form="metonym")


def _in_mention(draft: Draft, offset: int) -> bool:
    return any(m["start"] <= offset < m["end"] for m in draft.items.get("mentions", []))
