"""Figures: numbers as printed, in digits or words, with the words that qualify them."""

from __future__ import annotations

import re

from kitlib.draft.base import Draft, in_quote

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion dozen"
).split()
WORD = r"(?:" + "|".join(NUMBER_WORDS) + r")(?:-(?:" + "|".join(NUMBER_WORDS) + r"))?"
DIGITS = r"\d+(?:[,.]\d+)*(?:(?:-| to )\d+\b)?"  # 417,000 / 2.5 / a vote of 5-2 or 61 to 54
SHARE = r"a (?:third|quarter|half|fifth)|twice|three times|four times"
FRACTION = r"(?:\s+(?:quarters?|thirds?|halves|half|fifths?|percent|per cent|million|billion))?"
QUALIFIER = (
    r"(?:(?:nearly|roughly|about|around|almost|approximately|some|over|under|at least|"
    r"at most|more than|less than|fewer than|up to) )?"
)
UNIT = (
    r"(?:%|-(?:point|page|year|day|month|week|mile|member|seat|storey|story)\b|"
    r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|kilometres?|kilometers?|miles?|"
    r"metres?|meters?|percent|per cent|euros?|dollars?|pounds?|people|seats?|an hour|a day|"
    r"a week|a year)\b)?"
)
FIGURE = re.compile(
    rf"(?<![\w$€£])[$€£]?{QUALIFIER}(?:{DIGITS}|\b(?:{WORD}|{SHARE})\b){FRACTION}{UNIT}",
    re.IGNORECASE,
)
NOT_A_FIGURE = re.compile(r"^one$|o'clock|^(?:two|three|four|five|six)$", re.IGNORECASE)
DEFINITE = re.compile(r"\b(?:the|The|its|their|both|those|these) $")


def find_figures(draft: Draft) -> None:
    """Rule ``figure-number``: digits (417,000, 2025, 18%, a 5-2 vote) or number words (two,
    three quarters, a third), with a qualifier before (nearly, about, more than) and a unit
    after (years, -point, percent). Not a figure: a clock time, 'the two hospitals' (it points
    back, it does not count), a number word inside a quotation, or 'one' alone."""
    body = [p for p in draft.items["paragraphs"] if p["role"] in ("body", "author_bio")]
    for m in FIGURE.finditer(draft.text):
        found, start = m.group(), m.start()
        if not any(p["start"] <= start < p["end"] for p in body) or not draft.sentence_of(start):
            continue
        if found.casefold() == "one" or "o'clock" in draft.text[m.end() : m.end() + 8]:
            continue
        is_word = not re.search(r"\d", found)
        if is_word and (
            DEFINITE.search(draft.text[max(0, start - 8) : start]) or in_quote(draft, start)
        ):
            continue
        draft.add("figures", "figure-number", start, m.end())
