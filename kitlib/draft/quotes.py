"""Direct and partial quotes: words in quotation marks, with the speaker of their attribution."""

from __future__ import annotations

import re

from kitlib.draft.base import CUE, Draft, slug

MARKED = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")
ATTRIBUTION_WORDS = 10  # the cue comes within a few words of the closing mark


def _cue_near(draft: Draft, start: int, end: int):
    """The first reporting verb in text[start:end], as a match with absolute offsets."""
    m = re.search(CUE, draft.text[start:end])
    return None if m is None else (start + m.start(), start + m.end())


def speaker_near(draft: Draft, start: int, end: int) -> str | None:
    """The longest mention in text[start:end]: the attribution's speaker."""
    inside = [m for m in draft.items.get("mentions", []) if start <= m["start"] and m["end"] <= end]
    return max(inside, key=lambda m: m["end"] - m["start"])["actor"] if inside else None


def attribution(draft: Draft, q_start: int, q_end: int, sentence) -> tuple | None:
    """Rule ``quote-attribution``: a cue within a few words after the closing mark
    ('," Peskov said', '," said X, a Y') or before the opening one ('Peskov said: "');
    the speaker is the longest mention in that attribution (up to the next quotation mark)."""
    _, s_start, s_end = draft.sentence_of(q_end) or sentence  # a quotation may span sentences
    after_end = draft.text.find('"', q_end + 1, s_end)
    after_end = s_end if after_end == -1 else after_end
    window = draft.text[q_end + 1 : after_end].split()[:ATTRIBUTION_WORDS]
    cue = _cue_near(draft, q_end + 1, q_end + 2 + len(" ".join(window)))
    if cue:
        return cue, speaker_near(draft, q_end + 1, after_end)
    s_start = sentence[1]
    before = draft.text[s_start : q_start - 1]
    if re.search(r"[,:]\s*$", before) and len(before.split()) <= ATTRIBUTION_WORDS:
        cue = _cue_near(draft, s_start, q_start - 1)
        if cue:
            return cue, speaker_near(draft, s_start, q_start - 1)
    return None


def is_direct(draft: Draft, q_start: int, q_end: int, sentence, has_attribution: bool) -> bool:
    """Direct: the quotation opens its sentence, or follows 'said:' or ','; else partial."""
    before = draft.text[sentence[1] : q_start - 1]
    return not before.strip() or re.search(r"[,:]\s*$", before) is not None


def find_direct_quotes(draft: Draft) -> None:
    """Rule ``quote-marks``: text in double quotation marks. With an attribution in the
    sentence it is direct; without one, the speaker and cue of the quote just before in the
    same paragraph (rule ``quote-continuation``); a fragment inside reported speech is partial
    and gets its speaker from the indirect quote around it (see indirect.py)."""
    previous = None
    for p in draft.items.get("paragraphs", []):
        line = draft.text[p["start"] : p["end"]]
        for m in MARKED.finditer(line):
            start = p["start"] + m.start() + 1
            end = p["start"] + m.end() - 1
            sentence = draft.sentence_of(start)
            if sentence is None:
                continue
            found = attribution(draft, start, end, sentence)
            direct = is_direct(draft, start, end, sentence, found is not None)
            if not direct:
                draft.add(
                    "quotes", "quote-partial", start, end, kind="partial", speaker=None, cue=None
                )
                continue
            if found:
                cue, speaker = found
                rule = "quote-attribution"
            elif previous and previous["paragraph"] == p["id"]:
                cue, speaker, rule = previous["cue"], previous["speaker"], "quote-continuation"
            else:
                continue  # scare quotes or a title: not a quote
            speaker = speaker or unknown_speaker(draft)
            draft.add("quotes", rule, start, end, kind="direct", speaker=speaker, cue=cue)
            previous = {"paragraph": p["id"], "cue": cue, "speaker": speaker}


def unknown_speaker(draft: Draft) -> str:
    """The placeholder speaker where a rule found a quote but no speaker: review it."""
    return draft.actor(
        slug("unknown speaker"),
        name="(speaker not found)",
        kind="group",
        note="The drafter found no speaker for some quotes: name the speaker.",
    )
