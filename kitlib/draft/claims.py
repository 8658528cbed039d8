"""Claims: what each quote reports, and every other sentence in the reporter's own voice."""

from __future__ import annotations

import re

from kitlib.draft.base import Draft

SOURCE_TYPE = {"group": "unnamed"}  # a person, organisation or government is named
WHILE = re.compile(r"^(?:While|Although|Though|Even as|As) ([^,]+),")
WHICH = re.compile(r", (?=which |who )")


def find_claims(draft: Draft) -> None:
    """Rule ``claim-quote``: each direct or indirect quote is a claim of its speaker (named,
    or unnamed for a group). Rule ``claim-sentence``: a body sentence with no quote is the
    reporter's own claim (unattributed): nobody else is said to say it; a ', which ...'
    clause is a claim of its own."""
    kinds = {a["id"]: a["kind"] for a in draft.items.get("actors", [])}
    quoted = set()
    for q in draft.items.get("quotes", []):
        if q["kind"] == "partial":
            continue
        end = q["end"] - (1 if draft.text[q["end"] - 1] in ",." else 0)
        kind = kinds.get(q["speaker"], "group")
        draft.add(
            "claims",
            "claim-quote",
            q["start"],
            end,
            source=q["speaker"],
            source_type=SOURCE_TYPE.get(kind, "named"),
        )
        quoted.add(draft.sentence_of(q["start"]))
    body = [p for p in draft.items["paragraphs"] if p["role"] in ("body", "author_bio")]
    for sentence in draft.sentences:
        sid, start, end = sentence
        if sentence in quoted or not any(p["start"] <= start < p["end"] for p in body):
            continue
        cuts = [start] + [start + m.end() for m in WHICH.finditer(draft.text[start:end])]
        for a, b in zip(cuts, [c - 2 for c in cuts[1:]] + [end], strict=True):
            draft.add("claims", "claim-sentence", a, b, source_type="unattributed")


def find_reporter_clauses(draft: Draft) -> None:
    """Rule ``claim-while``: a 'While ...,' clause opening a sentence that quotes someone is
    still the reporter's own claim: attribution is not inherited across the comma."""
    quoted = {draft.sentence_of(q["start"]) for q in draft.items.get("quotes", [])}
    for sentence in quoted - {None}:
        m = WHILE.match(draft.text[sentence[1] : sentence[2]])
        if m:
            start = sentence[1] + m.start(1)
            draft.add(
                "claims", "claim-while", start, start + len(m.group(1)), source_type="unattributed"
            )


def link_figures(draft: Draft) -> None:
    """Rule ``figure-claim``: a figure belongs to the claim it stands in, if any."""
    for f in draft.items.get("figures", []):
        holder = [c for c in draft.items.get("claims", []) if c["start"] <= f["start"] < c["end"]]
        if holder:
            f["claim"] = holder[0]["id"]
