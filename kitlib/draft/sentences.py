"""Paragraphs and sentences: one paragraph a line, sentences split at an end mark."""

from __future__ import annotations

import re

from kitlib.author import _split_sentences
from kitlib.draft.base import Draft

COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
BYLINE = re.compile(r"^(?:By )?[A-Z][a-z]+(?: [A-Z][a-z.]+){1,2}\W{0,3}$")


def paragraph_role(line: str, previous_role: str | None, byline_name: str | None) -> str:
    """Rule ``paragraph-role``: '©...' is the copyright line; a short line that is only a
    name (after the story) is the byline; a line that starts with that name is the bio."""
    if COPYRIGHT.match(line):
        return "copyright"
    if previous_role is not None and BYLINE.match(line.strip()):
        return "byline"
    if byline_name and line.startswith(byline_name):
        return "author_bio"
    return "body"


def find_paragraphs_and_sentences(draft: Draft) -> None:
    """Rule ``paragraph-line`` and ``sentence-split``: each non-empty line is a paragraph;
    a sentence ends at . ! or ? followed by a space and a capital (initials stay together)."""
    offset, role, byline = 0, None, None
    for line in draft.text.split("\n"):
        if line.strip():
            role = paragraph_role(line, role, byline)
            if role == "byline":
                byline = re.sub(r"^By |\W+$", "", line.strip())
            draft.add("paragraphs", "paragraph-line", offset, offset + len(line), role=role)
            cursor = offset
            for piece in _split_sentences(line):
                start = draft.text.index(piece, cursor)
                cursor = start + len(piece)
                item = draft.add("sentences", "sentence-split", start, cursor)
                draft.sentences.append((item["id"], start, cursor))
        offset += len(line) + 1
