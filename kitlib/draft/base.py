"""What every rule shares: the text, its sentences, and the items found so far.

Rules find spans by offset (``start``, ``end``); ``to_draft`` turns them into the draft
format ``kitlib author`` reads (texts plus ``sentence`` / ``occurrence`` hints).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The reporting verbs the lessons teach (lesson 03), and the other common ones.
from kitlib.lessons.l03_quotes import LOADED_CUES, NEUTRAL_CUES

CUE_WORDS = sorted(
    set(LOADED_CUES)
    | NEUTRAL_CUES
    | {
        *("says", "tell", "signal", "signals", "insist", "insists", "insisting"),
        *("described", "describes", "presented", "introduced", "warned", "warns"),
        *("argued", "argues", "added", "adds", "noted", "notes", "stressed", "called"),
        *("announced", "announces", "wrote", "writes", "explained", "acknowledged"),
        *("demanded", "demands", "offered", "promised", "vowed", "urged", "asked"),
        *("estimated", "estimates", "predicted", "replied", "countered", "suggested"),
    }
)
CUE = r"\b(?:" + "|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r")\b"
DAYS = r"(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)"
QUOTE_MARKS = re.compile(r"[\"“]([^\"“”]+?)[\"”]")


@dataclass
class Draft:
    """The text, its sentences as (id, start, end), and the items each section holds."""

    text: str
    sentences: list[tuple[str, int, int]] = field(default_factory=list)
    items: dict[str, list[dict]] = field(default_factory=dict)

    def add(self, section: str, rule: str, start: int, end: int, **fields) -> dict:
        """Record an item found by ``rule`` at text[start:end], unless it is already there."""
        for item in self.items.setdefault(section, []):
            if (item["start"], item["end"]) == (start, end) and _same(item, fields):
                return item
        number = len(self.items[section]) + 1
        item = {"id": f"{section[0]}{number:02d}", **fields, "start": start, "end": end}
        item.update(origin="machine", rule=rule)
        self.items[section].append(item)
        return item

    def sentence_of(self, offset: int) -> tuple[str, int, int] | None:
        return next((s for s in self.sentences if s[1] <= offset < s[2]), None)

    def actor(self, actor_id: str, **fields) -> str:
        """Register an actor once (the first rule to find it describes it); return its id."""
        actors = self.items.setdefault("actors", [])
        if not any(a["id"] == actor_id for a in actors):
            actors.append({"id": actor_id, **fields})
        return actor_id

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor of the mention covering start..end most closely, if any."""
        hits = [
            m for m in self.items.get("mentions", []) if m["start"] <= start and end <= m["end"]
        ]
        hits += [
            m for m in self.items.get("mentions", []) if start <= m["start"] and m["end"] <= end
        ]
        return min(hits, key=lambda m: m["end"] - m["start"])["actor"] if hits else None


def _same(item: dict, fields: dict) -> bool:
    return all(item.get(k) == v for k, v in fields.items() if k in ("actor", "speaker"))


def slug(words: str) -> str:
    """An id from a name: 'Ruth Okafor' -> 'ruth-okafor' (ids allow a-z, 0-9 and hyphens)."""
    out = re.sub(r"[^a-z0-9]+", "-", words.casefold()).strip("-")
    return (out or "x")[:60].strip("-")


def in_quote(draft: Draft, offset: int) -> bool:
    """Is ``offset`` inside quotation marks (in its sentence)?"""
    sentence = draft.sentence_of(offset)
    if sentence is None:
        return False
    _, start, end = sentence
    return any(
        start + m.start() <= offset < start + m.end()
        for m in QUOTE_MARKS.finditer(draft.text[start:end])
    )
