"""Indirect quotes: reported speech after a cue verb, with its subject as the speaker."""

from __future__ import annotations

import re

from kitlib.draft.base import CUE, DAYS, Draft
from kitlib.draft.groups import subject_before
from kitlib.draft.quotes import speaker_near

# Between the cue and the content: a day, a channel ("in a radio interview"), "that", "on".
LEAD_IN = re.compile(
    rf"^\s*(?:{DAYS}\s*)?"
    r"(?:(?:in|during|at) (?:a|an|the|his|her|their|its) [^,\"“]*?\s+(?=that\b))?"
    rf"(?:{DAYS}\s*)?(?:that\s+|on\s+)?"
)
CONTENT_END = re.compile(
    rf"(?:,[\"”]? saying\b|, while\b|; |, but\b|, according\b|,? (?:and|but) (?={CUE})|\.\s*$|$)"
)
SPLIT = re.compile(r",? and that ")
NEGATED = re.compile(r"\b(?:not|never|n't)\s+$")  # "has not said what ...": no quote
PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being|widely)\s+$")


def find_indirect_quotes(draft: Draft) -> None:
    """Rule ``quote-indirect``: a reporting verb outside quotation marks; the speaker is the
    mention just before it (its subject), the content what follows (after a day, a channel
    or 'that'), up to the sentence end or ', saying'. '... and that ...' is two quotes.
    A direct quote's own cue, a passive or a negated cue reports nothing here."""
    used = {tuple(q["cue"]) for q in draft.items.get("quotes", []) if q["cue"]}
    last_speaker, reported = None, []
    for _sid, s_start, s_end in draft.sentences:
        for m in re.finditer(CUE, draft.text[s_start:s_end]):
            cue = (s_start + m.start(), s_start + m.end())
            before = draft.text[s_start : cue[0]]
            if cue in used or _reports_nothing(before, m.group()):
                continue
            if _inside_marks(draft, cue[0], s_start, s_end) or _inside(cue[0], reported):
                continue  # a cue inside reported speech belongs to what is reported
            speaker = _speaker(draft, cue[0], s_start, last_speaker, m.group())
            contents = _contents(draft, cue[1], s_end) or _fronted(draft, cue, s_start, s_end)
            for start, end in contents if speaker else []:
                draft.add(
                    "quotes",
                    "quote-indirect",
                    start,
                    end,
                    kind="indirect",
                    speaker=speaker,
                    cue=cue,
                )
                last_speaker = speaker
                reported.append((start, end))


def _reports_nothing(before: str, verb: str) -> bool:
    """A direct quote's own cue ('"...," she said'; but '"...," saying ...' goes on with
    reported speech), a passive ('was described') or a negated cue ('has not said')."""
    after_quote = re.search(r"[\"”]\s*$", before) and verb != "saying"
    return bool(after_quote or PASSIVE.search(before) or NEGATED.search(before))


def _fronted(draft: Draft, cue: tuple[int, int], s_start: int, s_end: int) -> list:
    """Rule ``quote-indirect`` also reads reported speech put first: 'The town will cut the
    water, Mayor Helen Varga said on Wednesday.' (nothing but a day after the cue)."""
    after = draft.text[cue[1] : s_end]
    if not re.fullmatch(rf"\s*(?:{DAYS})?\s*[.!]?", after):
        return []
    comma = draft.text.rfind(", ", s_start, cue[0])
    if comma <= s_start or draft.text[s_start] in '"“':
        return []
    return [(s_start, comma)]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _speaker(draft: Draft, cue_start: int, s_start: int, last_speaker, verb: str):
    """The subject before the cue; for ', saying', the speaker of the clause before; else
    the first mention of the sentence ("Abernathy, one of the two members ..., argued").
    None when there is no mention at all: no indirect quote is guessed then."""
    span = subject_before(draft, cue_start)
    found = speaker_near(draft, *span) if span else None
    if found is None and verb == "saying" and last_speaker:
        return last_speaker
    return found or _first_mention(draft, s_start, cue_start)


def _first_mention(draft: Draft, start: int, end: int) -> str | None:
    inside = [m for m in draft.items.get("mentions", []) if start <= m["start"] < end]
    return min(inside, key=lambda m: m["start"])["actor"] if inside else None


def _contents(draft: Draft, after_cue: int, s_end: int) -> list[tuple[int, int]]:
    lead = LEAD_IN.match(draft.text[after_cue:s_end])
    start = after_cue + (lead.end() if lead else 0)
    rest = draft.text[start:s_end]
    after_that = bool(lead) and lead.group().rstrip().endswith("that")  # said that "..."
    if not rest or (rest[0] in '"“' and not after_that) or len(rest.split()) < 2:
        return []
    end = start + CONTENT_END.search(rest).start()
    spans, cursor = [], start
    for m in SPLIT.finditer(draft.text[start:end]):
        spans.append((cursor, start + m.start()))
        cursor = start + m.end()
    spans.append((cursor, end))
    return [(a, b) for a, b in spans if b - a > 3]


def _inside_marks(draft: Draft, offset: int, s_start: int, s_end: int) -> bool:
    inner = draft.text[s_start:offset]
    return (inner.count('"') % 2 == 1) or inner.count("“") > inner.count("”")


def attach_partials(draft: Draft) -> None:
    """Rule ``quote-partial``: a quoted fragment inside reported speech has the speaker and
    cue of the indirect quote around it; with none around it, it is dropped (scare quotes)."""
    quotes = draft.items.get("quotes", [])
    kept = []
    for q in quotes:
        if q["kind"] == "partial":
            around = [
                o
                for o in quotes
                if o["kind"] == "indirect" and o["start"] <= q["start"] and q["end"] <= o["end"] + 1
            ]
            if not around:
                continue
            q.update(speaker=around[0]["speaker"], cue=around[0]["cue"])
        kept.append(q)
    draft.items["quotes"] = kept
