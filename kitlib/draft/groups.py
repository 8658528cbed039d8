"""Groups that speak without a name: "analysts say", "officials familiar with the talks said"."""

from __future__ import annotations

import re

from kitlib.draft.base import CUE, Draft, in_quote, slug

GROUP_NOUNS = (
    "analysts|officials|experts|residents|critics|observers|diplomats|economists|sources|"
    "members|doctors|nurses|parents|neighbours|neighbors|activists|opponents|supporters|"
    "campaigners|organizers|organisers|lawyers|scientists|engineers|teachers|workers|farmers|"
    "owners|leaders|voters|people|staff|estimates|investigators|police|protesters|students|"
    "companies|firms|businesses|families|drivers|traders|shopkeepers|unions|groups"
)
GROUP_NOUN = re.compile(rf"\b(?:{GROUP_NOUNS})\b", re.IGNORECASE)
CLAUSE_START = re.compile(r"(?:^|[,;:] |\bthat |\bwhile |\bbut )", re.IGNORECASE)
MAX_WORDS = 8


def subject_before(draft: Draft, cue_start: int) -> tuple[int, int] | None:
    """The words before a cue back to the start of their clause (its likely subject)."""
    sentence = draft.sentence_of(cue_start)
    if sentence is None:
        return None
    head = draft.text[sentence[1] : cue_start]
    starts = [m.end() for m in CLAUSE_START.finditer(head)]
    begin = sentence[1] + (starts[-1] if starts else 0)
    chunk = draft.text[begin:cue_start].rstrip()
    chunk = re.sub(r"\s+(?:also|still|have|has|had|repeatedly|on \w+day|\w+day)$", "", chunk)
    if not chunk.strip():
        return None
    return begin, begin + len(chunk)


def find_unnamed_groups(draft: Draft) -> None:
    """Rule ``group-cue``: a few words before a reporting verb that hold a plural such as
    analysts or officials, and no name: a group, named in the text's own words."""
    for m in re.finditer(CUE, draft.text):
        span = subject_before(draft, m.start())
        if span is None or in_quote(draft, m.start()):
            continue
        words = draft.text[span[0] : span[1]]
        if len(words.split()) > MAX_WORDS or not GROUP_NOUN.search(words) or re.search(CUE, words):
            continue
        if _has_person(draft, *span):
            continue
        name = words[0].lower() + words[1:] if not _proper(words) else words
        actor = draft.actor(slug(name), name=name, kind="group")
        draft.add("mentions", "group-cue", span[0], span[1], actor=actor, form="description")


BODY = re.compile(
    r"\b(?:[Tt]he |[A-Z][a-z]+'s |[A-Z][a-z]+ )(?:[A-Z][a-z]+ |[a-z]+(?:'s|s') |"
    r"(?:town|city|county|regional|national|state|events|health|transport|water|school|"
    r"planning|finance|bridge|harbor|harbour|local|new) ){0,3}?"
    r"(?:council|committee|board|ministry|union|authority|agency|company|department|office|"
    r"government|commission|court|police|trust|association|administration)\b(?! members)"
)
GOVERNING = re.compile(r"council|ministry|department|office|government|administration|commission")


def find_bodies(draft: Draft) -> None:
    """Rule ``body-noun``: a council, committee, union, ministry, ... named in the text's
    words ("Millford's town council", "the nurses' union"). One that governs (a council, a
    ministry, an office) is a government, the others organizations; the same words (ignoring
    'the' and capitals) are the same body."""
    for m in BODY.finditer(draft.text):
        if _covered(draft, m.start()) or not draft.sentence_of(m.start()):
            continue
        words = m.group()
        name = re.sub(r"^[Tt]he ", "the ", words)
        kind = "government" if GOVERNING.search(words) else "organization"
        actor = draft.actor(slug(re.sub(r"^[Tt]he ", "", words)), name=name, kind=kind)
        form = "metonym" if words.lower().endswith("office") else "name"
        draft.add("mentions", "body-noun", m.start(), m.end(), actor=actor, form=form)


ONE_NAME = re.compile(rf"(?<=[a-z,] )([A-Z][a-z]+) (?=(?:also |has |had )?{CUE})")


def find_named_speakers(draft: Draft) -> None:
    """Rule ``name-cue``: one capitalised word before a reporting verb, inside a sentence
    ("..., and Vestria signaled"), is a speaker no other rule knows: a body or a place. Its
    kind is a guess (organization): a place that speaks stands for its government."""
    for m in ONE_NAME.finditer(draft.text):
        if _covered(draft, m.start(1)) or not draft.sentence_of(m.start(1)):
            continue
        name = m.group(1)
        actor = draft.actor(
            slug(name),
            name=name,
            kind="organization",
            note="Kind guessed by the drafter: a body, or a place standing for its government?",
        )
        draft.add("mentions", "name-cue", m.start(1), m.end(1), actor=actor, form="name")


def _covered(draft: Draft, offset: int) -> bool:
    return any(m["start"] <= offset < m["end"] for m in draft.items.get("mentions", []))


def _proper(words: str) -> bool:
    """'Russian officials' keeps its capital; 'Analysts' at a sentence start does not."""
    return bool(re.match(r"[A-Z][a-z]+(?:n|sh|ese|i)\b", words)) and not GROUP_NOUN.match(words)


def _has_person(draft: Draft, start: int, end: int) -> bool:
    kinds = {a["id"]: a["kind"] for a in draft.items.get("actors", [])}
    return any(
        start <= m["start"] < end and kinds.get(m["actor"]) == "person"
        for m in draft.items.get("mentions", [])
    )
