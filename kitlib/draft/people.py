"""People: a name after a title, before an appositive or next to a cue; later surnames."""

from __future__ import annotations

import re

from kitlib.draft.base import CUE, Draft, slug

TITLES = (
    "President|Prime Minister|Minister|Mayor|Deputy Mayor|Councilor|Councillor|Council member|"
    "Senator|Governor|Chancellor|Secretary|Ambassador|General|Judge|Professor|Dr\\.|"
    "spokesman|spokeswoman|spokesperson|Spokesman|Spokeswoman|envoy|Chair|Chairman|"
    "Chairwoman|Commissioner|Director|Superintendent|Sheriff|Chief|King|Queen|Representative"
)
WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"  # Okafor, Jean-Luc
NAME = rf"{WORD}(?: [A-Z]\.)?(?: (?:van |de |von )?{WORD}){{1,2}}"  # two or three words
TITLED = re.compile(
    rf"\b((?:[Ff]ormer )?(?:(?!The\b|A\b|An\b)[A-Z][\w'’]+ ){{0,2}}(?:{TITLES})),? ({NAME})\b"
)
APPOSITIVE = re.compile(
    rf"(?<!\bin )(?<!\bof )(?<!\bat )(?<!\bfrom )\b({NAME}), ((?:a|an|the) [^,.;\"“”]+)"
)
NEAR_CUE = re.compile(rf"\b({NAME}),? (?={CUE})|(?<=\S )(?:{CUE}) ({NAME})\b")
PRONOUN = re.compile(r"^(He|She)\b")
NOT_NAMES = {"The", "A", "An", "On", "In", "But", "And", "While", "Despite", "Under", "It"}


PLACE_WORDS = re.compile(
    r" (?:Hall|Street|Library|Bridge|Council|Committee|House|Square|Park|Centre|Center|Road|"
    r"Lane|Hospital|School|Party|Court|Trust|Union|Meadow|Hill|River|Lake)$"
)


def add_person(draft: Draft, rule: str, name: str, start: int, end: int, role=None) -> bool:
    if name.split()[0] in NOT_NAMES or PLACE_WORDS.search(name):
        return False  # "The Council", "Holmbury City Hall": not people
    actor = draft.actor(slug(name), name=name, kind="person", role=role)
    draft.add("mentions", rule, start, end, actor=actor, form="name")
    return True


def find_titled_people(draft: Draft) -> None:
    """Rule ``person-title``: a title and a name ("Councilor Ruth Okafor", "Kremlin
    spokesman Dmitri Peskov"); the role is the title as printed, the mention all of it."""
    for m in TITLED.finditer(draft.text):
        add_person(draft, "person-title", m.group(2), m.start(), m.end(), role=m.group(1))


def find_appositive_people(draft: Draft) -> None:
    """Rule ``person-appositive``: a name, a comma and 'a/an/the ...' ("Aleksei Naumov, a
    Moscow-based analyst"): the name is a mention, the appositive a description and the role."""
    for m in APPOSITIVE.finditer(draft.text):
        if _covered(draft, m.start(1)):
            continue
        name, role = m.group(1), m.group(2).strip()
        if add_person(draft, "person-appositive", name, m.start(1), m.end(1), role=role):
            draft.add(
                "mentions",
                "person-appositive",
                m.start(2),
                m.start(2) + len(role),
                actor=slug(name),
                form="description",
            )


def find_speaking_people(draft: Draft) -> None:
    """Rule ``person-cue``: two or three capitalised words right before or after a
    reporting verb ("Lena Brandt said", "Jonah Pike, said", "said Georgi Bovt")."""
    for m in NEAR_CUE.finditer(draft.text):
        group = 1 if m.group(1) else 2
        if not _covered(draft, m.start(group)):
            add_person(draft, "person-cue", m.group(group), m.start(group), m.end(group))


ROLE_NOUNS = (
    "manager|master|treasurer|clerk|spokesman|spokeswoman|spokesperson|chair|chairman|"
    "chairwoman|director|head|organiser|organizer|mayor|governor|minister|superintendent|"
    "principal|owner|inspector|engineer|coroner|surveyor"
)
ROLE_ONLY = re.compile(rf"\b[Tt]he (?:[a-z]+ ){{0,2}}(?:{ROLE_NOUNS})(?=,? (?:{CUE}))")


def find_role_people(draft: Draft) -> None:
    """Rule ``person-role``: one official known only by role, speaking ("the harbor master
    said"): a person named in the text's own words, with a description mention."""
    for m in ROLE_ONLY.finditer(draft.text):
        if _covered(draft, m.start()) or not draft.sentence_of(m.start()):
            continue
        words = m.group()
        name = words[0].lower() + words[1:]
        actor = draft.actor(
            slug(name),
            name=name,
            kind="person",
            role=name,
            note="The drafter found no name for this person.",
        )
        draft.add("mentions", "person-role", m.start(), m.end(), actor=actor, form="description")


def find_surnames(draft: Draft) -> None:
    """Rule ``person-surname``: after a person is named in full, their full name again, or
    their surname alone, is a mention of them ("Zelenskyy", "Okafor's")."""
    for actor in [a for a in draft.items.get("actors", []) if a["kind"] == "person"]:
        for words in (actor["name"], actor["name"].split()[-1]):
            for m in re.finditer(rf"\b{re.escape(words)}\b", draft.text):
                if not _covered(draft, m.start()) and draft.sentence_of(m.start()):
                    draft.add(
                        "mentions",
                        "person-surname",
                        m.start(),
                        m.end(),
                        actor=actor["id"],
                        form="name",
                    )


def find_pronouns(draft: Draft) -> None:
    """Rule ``pronoun-last-person``: a sentence that starts with He or She speaks of the
    last person mentioned before it."""
    for _sid, start, end in draft.sentences:
        m = PRONOUN.match(draft.text[start:end])
        before = [
            x
            for x in draft.items.get("mentions", [])
            if x["end"] <= start and _kind(draft, x["actor"]) == "person"
        ]
        if m and before:
            last = max(before, key=lambda x: x["start"])
            draft.add(
                "mentions",
                "pronoun-last-person",
                start,
                start + len(m.group(1)),
                actor=last["actor"],
                form="pronoun",
            )


def _kind(draft: Draft, actor_id: str) -> str | None:
    return next((a["kind"] for a in draft.items["actors"] if a["id"] == actor_id), None)


def _covered(draft: Draft, offset: int) -> bool:
    return any(m["start"] <= offset < m["end"] for m in draft.items.get("mentions", []))


def find_byline(draft: Draft) -> None:
    """Rule ``person-byline``: the byline paragraph names the author."""
    for p in draft.items.get("paragraphs", []):
        if p["role"] == "byline":
            line = draft.text[p["start"] : p["end"]]
            m = re.search(NAME, line)
            if m:
                add_person(
                    draft, "person-byline", m.group(), p["start"] + m.start(), p["start"] + m.end()
                )
