"""The annotation format (schema v1): typed structs plus the checks against the text.

An annotation is a YAML file next to its article text. Structure (types, required fields,
allowed kinds, id patterns, unknown fields) is validated by msgspec, which checks the same
schema as pydantic would at a tenth of the start-up cost (``import kitlib`` must stay close
to ``import pandas``; see benchmarks/bench_load.py). The checks that need the text (offsets,
references between items) then run on the whole document, so every such problem is reported
at once with the item's path and a suggested fix.

The JSON Schema in ``seeds/annotation.schema-v1.json`` is generated from these structs
(``kitlib schema``) and a test keeps the two in sync.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

__all__ = [
    "SCHEMA_VERSION",
    "ACTOR_KINDS",
    "QUOTE_KINDS",
    "SOURCE_TYPES",
    "Annotation",
    "OTHER_SIDE",
    "consistency_problems",
    "json_schema",
    "span_problems",
]

SCHEMA_VERSION = 1
ACTOR_KINDS = ("person", "organization", "government", "country", "group", "publication")
QUOTE_KINDS = ("direct", "partial", "indirect")
SOURCE_TYPES = ("named", "unnamed", "document", "unattributed")
PARAGRAPH_ROLES = ("body", "byline", "author_bio", "copyright")
MENTION_FORMS = ("name", "metonym", "pronoun", "description")
DEMAND_KINDS = ("demand", "proposal_term", "offer")
OTHER_SIDE = "other"  # the side of every actor on no declared (or derived) side

Id = Annotated[
    str,
    Meta(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        max_length=60,
        description="lower-case letters, digits and hyphens",
    ),
]
Offset = Annotated[int, Meta(ge=0, description="a Python string index into the text")]
Text = Annotated[str, Meta(min_length=1)]


class _Strict(Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    pass


class Span(_Strict):
    """A stretch of the text: ``text[start:end] == text`` (Python indices, end-exclusive)."""

    start: Offset
    end: Offset
    text: Text


# Who made an item: ``machine`` for a ``kitlib draft`` guess (``rule`` names the rule, in
# kitlib/draft/), ``reviewed`` once an instructor has confirmed it. Absent: written by hand.
Origin = Literal["machine", "reviewed"]


class Item(Span, kw_only=True):
    """A span the annotation lists as an item, which may say that a machine drafted it."""

    origin: Origin | None = None
    rule: str | None = None


class Metadata(_Strict):
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    dateline: str | None = None


class Paragraph(Item):
    id: Id
    role: Literal[PARAGRAPH_ROLES]


class Sentence(Item):
    id: Id


class Actor(_Strict):
    id: Id
    name: Text
    kind: Literal[ACTOR_KINDS]
    role: str | None = None
    affiliation: Id | None = None
    note: str | None = None
    origin: Origin | None = None
    rule: str | None = None


class Side(_Strict):
    """A side voices are counted for: its members and every actor affiliated to one of them."""

    id: Id
    name: Text
    members: Annotated[list[Id], Meta(min_length=1)]
    note: str | None = None


class Mention(Item):
    id: Id
    actor: Id
    form: Literal[MENTION_FORMS]


class Document(Item):
    id: Id
    name: Text
    drafted_by: list[Id] = []
    presented_by: Id | None = None
    note: str | None = None


class Quote(Item):
    id: Id
    speaker: Id
    kind: Literal[QUOTE_KINDS]
    cue: Span
    channel: str | None = None
    day: str | None = None
    note: str | None = None


class Demand(Item):
    id: Id
    kind: Literal[DEMAND_KINDS]
    party: Id | None
    addressee: Id | None
    document: Id | None = None
    places: list[Text] = []
    condition: str | None = None
    note: str | None = None


class Claim(Item):
    id: Id
    source_type: Literal[SOURCE_TYPES]
    source: Id | None = None
    note: str | None = None


class Figure(Item):
    id: Id
    claim: Id | None = None


class Annotation(_Strict):
    """One annotated article (see docs/annotation-format.md)."""

    schema_version: Literal[1]
    paragraphs: Annotated[list[Paragraph], Meta(min_length=1)]
    sentences: Annotated[list[Sentence], Meta(min_length=1)]
    text_file: str = "article.txt"
    metadata: Metadata = Metadata()
    actors: list[Actor] = []
    # None (absent): the sides are derived from the countries; [] declares that there are none.
    sides: list[Side] | None = None
    mentions: list[Mention] = []
    documents: list[Document] = []
    quotes: list[Quote] = []
    demands: list[Demand] = []
    claims: list[Claim] = []
    figures: list[Figure] = []


SECTION_TYPES = {
    "metadata": Metadata,
    "paragraphs": Paragraph,
    "sentences": Sentence,
    "actors": Actor,
    "sides": Side,
    "mentions": Mention,
    "documents": Document,
    "quotes": Quote,
    "demands": Demand,
    "claims": Claim,
    "figures": Figure,
}


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of the annotation format, for editors and other tools."""
    schema = msgspec.json.schema(Annotation)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://reading-the-news.example/annotation.schema-v1.json",
        "title": "Reading the News: article annotation, schema v1",
        **schema,
    }


SECTIONS = (
    "paragraphs",
    "sentences",
    "actors",
    "mentions",
    "documents",
    "quotes",
    "demands",
    "claims",
    "figures",
)


def consistency_problems(ann: Annotation, text: str | None) -> list[str]:
    """Every problem a schema cannot see: duplicate ids, dangling references, bad offsets."""
    problems = _duplicate_ids(ann) + _dangling_references(ann) + _side_problems(ann)
    if text is not None:
        problems += _offset_problems(ann, text)
        problems += _coverage_problems(ann, text)
    return problems


def _duplicate_ids(ann: Annotation) -> list[str]:
    seen: dict[str, str] = {}
    problems = []
    for section in SECTIONS:
        for i, item in enumerate(getattr(ann, section)):
            where = f"{section}[{i}] (id {item.id!r})"
            if item.id in seen:
                problems.append(
                    f"{where}: duplicate id, already used at {seen[item.id]}; "
                    "every id must be unique in the file"
                )
            else:
                seen[item.id] = f"{section}[{i}]"
    return problems


def _dangling_references(ann: Annotation) -> list[str]:
    actors = {a.id for a in ann.actors}
    documents = {d.id for d in ann.documents}
    claims = {c.id for c in ann.claims}
    problems: list[str] = []

    def need(ref, valid, where, field, what):
        if ref is not None and ref not in valid:
            choices = ", ".join(sorted(valid)) or "none defined"
            problems.append(
                f"{where}.{field}: unknown {what} id {ref!r}; expected one of: {choices}"
            )

    for i, a in enumerate(ann.actors):
        need(a.affiliation, actors, f"actors[{i}] (id {a.id!r})", "affiliation", "actor")
    for i, m in enumerate(ann.mentions):
        need(m.actor, actors, f"mentions[{i}] (id {m.id!r})", "actor", "actor")
    for i, d in enumerate(ann.documents):
        where = f"documents[{i}] (id {d.id!r})"
        for j, who in enumerate(d.drafted_by):
            need(who, actors, where, f"drafted_by[{j}]", "actor")
        need(d.presented_by, actors, where, "presented_by", "actor")
    for i, q in enumerate(ann.quotes):
        need(q.speaker, actors, f"quotes[{i}] (id {q.id!r})", "speaker", "actor")
    for i, d in enumerate(ann.demands):
        where = f"demands[{i}] (id {d.id!r})"
        need(d.party, actors, where, "party", "actor")
        need(d.addressee, actors, where, "addressee", "actor")
        need(d.document, documents, where, "document", "document")
    for i, c in enumerate(ann.claims):
        problems += _claim_source_problems(c, f"claims[{i}] (id {c.id!r})", actors, documents)
    for i, f in enumerate(ann.figures):
        need(f.claim, claims, f"figures[{i}] (id {f.id!r})", "claim", "claim")
    return problems


def _side_problems(ann: Annotation) -> list[str]:
    """Side ids are their own namespace (a side may share its id with its country), but each
    is unique, "other" is taken, and an actor is a member of one side at most."""
    actors = {a.id for a in ann.actors}
    seen: dict[str, str] = {}
    member_of: dict[str, str] = {}
    problems = []
    for i, side in enumerate(ann.sides or []):
        where = f"sides[{i}] (id {side.id!r})"
        if side.id == OTHER_SIDE:
            problems.append(
                f"{where}.id: {OTHER_SIDE!r} is reserved for the actors on no side; "
                "give the side another id (e.g. its name in lower case)"
            )
        if side.id in seen:
            problems.append(
                f"{where}: duplicate side id, already used at {seen[side.id]}; "
                "every side needs its own id (merge the two or rename one)"
            )
        seen.setdefault(side.id, f"sides[{i}]")
        for j, member in enumerate(side.members):
            at = f"{where}.members[{j}]"
            if member not in actors:
                choices = ", ".join(sorted(actors)) or "none defined"
                problems.append(f"{at}: unknown actor id {member!r}; expected one of: {choices}")
            elif member in member_of:
                problems.append(
                    f"{at}: actor {member!r} is already a member of {member_of[member]}; an actor "
                    "is on one side at most: remove it from one of them"
                )
            else:
                member_of[member] = where
    return problems


def _claim_source_problems(claim, where, actors, documents) -> list[str]:
    if claim.source_type == "unattributed":
        if claim.source is not None:
            return [
                f"{where}.source: an unattributed claim has no source; remove 'source' "
                f"or change source_type to named, unnamed or document"
            ]
        return []
    valid = documents if claim.source_type == "document" else actors
    what = "document" if claim.source_type == "document" else "actor"
    if claim.source is None:
        return [f"{where}.source: a {claim.source_type} claim needs a source ({what} id)"]
    if claim.source not in valid:
        choices = ", ".join(sorted(valid)) or "none defined"
        return [
            f"{where}.source: unknown {what} id {claim.source!r} for source_type "
            f"{claim.source_type!r}; expected one of: {choices}"
        ]
    return []


def span_problems(span: Span, text: str, where: str) -> list[str]:
    """Problems with one span against the text, with the offsets where its text does occur."""
    if span.end <= span.start:
        return [f"{where}: end ({span.end}) must be greater than start ({span.start})"]
    if span.end > len(text):
        return [
            f"{where}: end ({span.end}) is past the end of the text ({len(text)} characters)"
            + _suggest(span.text, text)
        ]
    found = text[span.start : span.end]
    if found == span.text:
        return []
    return [
        f"{where}: text[{span.start}:{span.end}] is {_short(found)!r}, "
        f"expected {_short(span.text)!r}" + _suggest(span.text, text)
    ]


def _suggest(wanted: str, text: str) -> str:
    hits = [m.start() for m in re.finditer(re.escape(wanted), text)]
    if not hits:
        return "; that text does not occur in the article (check spelling, quotes and spaces)"
    spots = ", ".join(f"start: {h}, end: {h + len(wanted)}" for h in hits[:5])
    return f"; the text occurs at {spots}"


def _short(s: str, limit: int = 60) -> str:
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _offset_problems(ann: Annotation, text: str) -> list[str]:
    problems = []
    for section in SECTIONS:
        for i, item in enumerate(getattr(ann, section)):
            where = f"{section}[{i}] (id {item.id!r})"
            if isinstance(item, Span):
                problems += span_problems(item, text, where)
            if isinstance(item, Quote):
                problems += span_problems(item.cue, text, f"{where}.cue")
                problems += _printed_problems(item, text, where, ("channel", "day"))
            if isinstance(item, Demand):
                problems += _demand_text_problems(item, where)
    return problems


def _printed_problems(item, text: str, where: str, fields: tuple[str, ...]) -> list[str]:
    """Fields recorded "as printed" must occur in the text, word for word."""
    return [
        f"{where}.{field}: {getattr(item, field)!r} does not occur in the article; "
        "record it as printed (e.g. 'Friday', not a date)"
        for field in fields
        if getattr(item, field) is not None and getattr(item, field) not in text
    ]


def _demand_text_problems(d: Demand, where: str) -> list[str]:
    problems = [
        f"{where}.places[{j}]: {place!r} does not occur in the demand's text {_short(d.text)!r}"
        for j, place in enumerate(d.places)
        if place not in d.text
    ]
    if d.condition is not None and d.condition not in d.text:
        problems.append(
            f"{where}.condition: {_short(d.condition)!r} does not occur in the demand's text; "
            "the condition must be quoted as printed inside the demand's span"
        )
    return problems


def _coverage_problems(ann: Annotation, text: str) -> list[str]:
    """Paragraphs and sentences must be in reading order, and sentences inside paragraphs."""
    problems = []
    for section in ("paragraphs", "sentences"):
        items = getattr(ann, section)
        for i in range(1, len(items)):
            if items[i].start < items[i - 1].end:
                problems.append(
                    f"{section}[{i}] (id {items[i].id!r}): starts at {items[i].start}, inside "
                    f"{items[i - 1].id!r} (which ends at {items[i - 1].end}); list {section} "
                    "in reading order without overlaps"
                )
    for i, s in enumerate(ann.sentences):
        if not any(p.start <= s.start and s.end <= p.end for p in ann.paragraphs):
            problems.append(
                f"sentences[{i}] (id {s.id!r}): span {s.start}-{s.end} is not inside any paragraph"
            )
    for section in SECTIONS[2:]:
        for i, item in enumerate(getattr(ann, section)):
            if isinstance(item, Span) and sentence_at(ann.sentences, item.start) is None:
                problems.append(
                    f"{section}[{i}] (id {item.id!r}): starts at {item.start}, which is in no "
                    "sentence; every span must start inside a listed sentence"
                )
    return problems


def sentence_at(sentences, offset: int):
    """The id of the sentence whose span holds ``offset``, or None."""
    for s in sentences:
        if s.start <= offset < s.end:
            return s.id
    return None
