"""Candidate demands, proposal terms, offers and conditions, from their signal words."""

from __future__ import annotations

import re

from kitlib.draft.base import Draft
from kitlib.draft.places import COUNTRIES

SIGNALS = {
    "demand": r"demand(?:ed|s)?|insist(?:ed|s)? on|requir(?:e|ed|es)|call(?:ed|s)? for|"
    r"urg(?:e|ed|es)|asks?|asked|must",
    "offer": r"offer(?:ed|s)?(?= to)|would offer|(?:is|was|were|are) ready",
    "proposal_term": r"would(?: also)?(?! not)(?= [a-z])",
}
SIGNAL = re.compile("|".join(rf"(?P<{k}>\b(?:{v})\b)" for k, v in SIGNALS.items()))
LEAD = re.compile(r":?\s*(?:that\s+|to\s+|for\s+)?")
# A demand ends at the clause's end: . ; a quotation mark, or a comma not before a condition.
END = re.compile(r"[.;\"“”]|,(?! (?:but )?(?:only if|unless|provided|on condition))|$")
CONDITION = re.compile(r"\b(?:only if|on condition that|unless|provided that)\b[^.;]*")
# "... and that ...", ", and move all ...", " and keep the ...": the next demand starts
NEXT = re.compile(r",? and that |,? and (?=[a-z]+ (?:the|a|an|all|about|its|their|no)\b)")
PROPOSAL = re.compile(r"\b(?:plan|proposal|deal|agreement|draft|bill|scheme)\b|^It\b")


def find_demands(draft: Draft) -> None:
    """Rule ``demand-signal``: after 'demand(ed) that', 'insist on', 'require', 'call for',
    'urge', 'ask(ed) that', 'must' comes a demand; after 'offered to', 'would offer', 'was
    ready to' an offer; after 'would' in a sentence about a plan or proposal ('It would also
    build ...') a proposal term. The span runs to the clause's end; '... and that ...' starts
    the next one. 'only if', 'unless', 'provided that' inside it is the condition."""
    for _sid, s_start, s_end in draft.sentences:
        sentence = draft.text[s_start:s_end]
        for m in SIGNAL.finditer(sentence):
            if m.lastgroup == "proposal_term" and not PROPOSAL.search(sentence):
                continue
            if _in_demand(draft, s_start + m.start()):
                continue  # "two core demands: ..." inside the demand "insisted on" began
            start = s_start + m.end() + LEAD.match(sentence[m.end() :]).end()
            end = start + END.search(draft.text[start:s_end]).start()
            for a, b in _pieces(draft, start, end):
                _add(draft, m.lastgroup, a, b)


def find_conditions(draft: Draft) -> None:
    """Rule ``demand-condition``: a clause with 'only if', 'unless' or 'provided that' is a
    demand with that condition; the clause starts after 'that', a comma, or the sentence start."""
    for _sid, s_start, s_end in draft.sentences:
        sentence = draft.text[s_start:s_end]
        for m in CONDITION.finditer(sentence):
            if _in_demand(draft, s_start + m.start()):
                continue
            head = sentence[: m.start()]
            cuts = [c.end() for c in re.finditer(r"\bthat |; |(?<!but), (?!but)", head)]
            start = s_start + (cuts[-1] if cuts else 0)
            end = s_start + len(sentence.rstrip('."” '))
            _add(draft, "demand", start, end)


def _in_demand(draft: Draft, offset: int) -> bool:
    return any(d["start"] <= offset < d["end"] for d in draft.items.get("demands", []))


def _pieces(draft: Draft, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for m in NEXT.finditer(draft.text[start:end]):
        spans.append((cursor, start + m.start()))
        cursor = start + m.end()
    spans.append((cursor, end))
    return [(a, b) for a, b in spans if b - a > 8]


def _add(draft: Draft, kind: str, start: int, end: int) -> None:
    text = draft.text[start:end]
    condition = CONDITION.search(text)
    draft.add(
        "demands",
        "demand-signal",
        start,
        end,
        kind=kind,
        party=_party(draft, start),
        addressee=None,
        places=_places(text),
        condition=condition.group().rstrip(" ,") if condition else None,
    )


def _party(draft: Draft, start: int) -> str | None:
    """The speaker of the quote the demand stands in, if any: who asks or offers."""
    around = [q for q in draft.items.get("quotes", []) if q["start"] <= start < q["end"] + 2]
    return around[0]["speaker"] if around else None


def _places(text: str) -> list[str]:
    """Places named inside the span: known countries and capitals, and 'X (and Y) region(s)'."""
    known = [n for c, seats in COUNTRIES.items() for n in (c, *seats)]
    names = [n for n in known if re.search(rf"\b{re.escape(n)}\b", text)]
    region = re.search(r"((?:[A-Z][a-z]+(?:, | and |, and )?)+) regions?\b", text)
    if region:
        names += re.findall(r"[A-Z][a-z]+", region.group(1))
    return sorted(set(names), key=text.index)
