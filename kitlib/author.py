"""Authoring aid: fill in character offsets so instructors never count them by hand.

A *draft* annotation names each span by its text only::

    quotes:
      - id: q05
        speaker: bovt
        kind: direct
        text: "The plan offers no compromise regarding the territories"
        cue: {text: said}
        sentence: s14         # optional: search only inside this sentence
        occurrence: 1         # optional: the n-th match (1-based) when the text repeats

``fill_offsets`` adds ``start`` and ``end`` to every span (including a quote's ``cue``, which
is searched inside the quote's sentence), drops the search hints, and reports every span that
is missing from the text or ambiguous. ``skeleton`` drafts paragraphs and sentences from a
plain text, for the instructor to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kitlib.annotation import SECTIONS

__all__ = ["FillReport", "fill_offsets", "skeleton"]

# Every section whose items are spans (actors are not), in the order the file lists them.
SPAN_SECTIONS = tuple(section for section in SECTIONS if section != "actors")
# Paragraphs and sentences are listed in reading order: each is searched from the end of the
# one before, and the first hit wins, so repeated short sentences need no hint.
SEQUENTIAL = ("paragraphs", "sentences")
HINTS = ("sentence", "occurrence")


@dataclass
class FillReport:
    """What ``fill_offsets`` could not place: each entry names the item and the reason."""

    missing: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    filled: int = 0

    @property
    def ok(self) -> bool:
        return not self.missing and not self.ambiguous

    def __str__(self) -> str:
        lines = [f"filled {self.filled} spans"]
        lines += [f"MISSING   {m}" for m in self.missing]
        lines += [f"AMBIGUOUS {a}" for a in self.ambiguous]
        return "\n".join(lines)


def fill_offsets(draft: dict, text: str) -> tuple[dict, FillReport]:
    """Return a copy of ``draft`` with offsets filled in, and a report of what went wrong."""
    report = FillReport()
    result = dict(draft)
    sentences: dict[str, tuple[int, int]] = {}
    for section in SPAN_SECTIONS:
        items = []
        sequential = section in SEQUENTIAL
        cursor = 0
        for i, item in enumerate(draft.get(section) or []):
            where = f"{section}[{i}] (id {item.get('id')!r})"
            scope = _scope(item, sentences, text, cursor)
            filled = _place(item, text, scope, where, report, first_hit_wins=sequential)
            if section == "sentences" and "start" in filled:
                sentences[filled["id"]] = (filled["start"], filled["end"])
            if sequential and "end" in filled:
                cursor = filled["end"]
            if section == "quotes" and isinstance(item.get("cue"), dict):
                cue_scope = (
                    sentences.get(item["cue"].get("sentence"))
                    or _sentence_around(filled.get("start"), sentences)
                    or scope
                )
                filled["cue"] = _place(item["cue"], text, cue_scope, f"{where}.cue", report)
            items.append(filled)
        if section in draft:
            result[section] = items
    return result, report


def _scope(item: dict, sentences, text: str, cursor: int) -> tuple[int, int]:
    if item.get("sentence") in sentences:
        return sentences[item["sentence"]]
    return (cursor, len(text))


def _sentence_around(offset, sentences) -> tuple[int, int] | None:
    if offset is None:
        return None
    return next(((s, e) for s, e in sentences.values() if s <= offset < e), None)


def _place(
    item: dict, text: str, scope: tuple[int, int], where: str, report, first_hit_wins=False
) -> dict:
    out = {k: v for k, v in item.items() if k not in HINTS and k not in ("start", "end")}
    wanted = item.get("text")
    if not isinstance(wanted, str) or not wanted:
        report.missing.append(f"{where}: no 'text' to search for")
        return out
    lo, hi = scope
    hits = [lo + m.start() for m in re.finditer(re.escape(wanted), text[lo:hi])]
    occurrence = item.get("occurrence")
    if not hits:
        report.missing.append(
            f"{where}: {wanted[:60]!r} does not occur in the text"
            + (" inside its sentence" if "sentence" in item else "")
        )
        return out
    if occurrence is None and len(hits) > 1 and not first_hit_wins:
        spots = ", ".join(map(str, hits[:6]))
        report.ambiguous.append(
            f"{where}: {wanted[:60]!r} occurs {len(hits)} times (at {spots});"
            " add 'sentence: <id>' or 'occurrence: <n>'"
        )
        return out
    index = (occurrence or 1) - 1
    if not 0 <= index < len(hits):
        report.missing.append(f"{where}: occurrence {occurrence} asked, only {len(hits)} found")
        return out
    start = hits[index]
    report.filled += 1
    return _ordered(out, start, start + len(wanted))


def _ordered(item: dict, start: int, end: int) -> dict:
    """Put start/end just before text, so the file reads id, fields..., start, end, text."""
    out = {k: v for k, v in item.items() if k != "text"}
    out["start"], out["end"], out["text"] = start, end, item["text"]
    return out


_SENTENCE_END = re.compile(r'(?<=[.!?])["\u201d]?\s+(?=["\u201c]?[A-Z])')
_INITIAL = re.compile(r"(?:\b[A-Z]\.)+$")


def skeleton(text: str) -> dict:
    """A first draft of paragraphs (one per line) and sentences, for an instructor to review.

    Sentence splitting is a simple rule (end mark, space, capital letter) that keeps initials
    such as "U.S." together; it will still be wrong sometimes, which is why it is a draft.
    """
    paragraphs, sentences, offset = [], [], 0
    for line in text.split("\n"):
        if line.strip():
            pid = f"p{len(paragraphs) + 1:02d}"
            paragraphs.append({"id": pid, "role": "body", "text": line})
            for piece in _split_sentences(line):
                sentences.append({"id": f"s{len(sentences) + 1:02d}", "text": piece})
        offset += len(line) + 1
    return {
        "schema_version": 1,
        "text_file": "article.txt",
        "metadata": {},
        "paragraphs": paragraphs,
        "sentences": sentences,
    }


def _split_sentences(line: str) -> list[str]:
    pieces, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        cut = m.start() + (1 if line[m.start()] in '"\u201d' else 0)
        if _INITIAL.search(line[start : m.start()]):
            continue
        pieces.append(line[start:cut].rstrip())
        start = m.end()
    pieces.append(line[start:].rstrip())
    return [p for p in pieces if p]


HEADER = """\
# Annotation of {name} (schema v{version}: seeds/annotation.schema-v1.json).
# Offsets are Python string indices into {text_file}, end-exclusive: text[start:end] == text.
# Conventions: docs/annotation-format.md. Fill offsets with `kitlib author` rather than by hand.
"""


def dump_annotation(data: dict, name: str) -> str:
    """YAML for instructors: one block per section, a blank line between sections."""
    import yaml  # PyYAML: already a dependency of the loader

    header = HEADER.format(
        name=name, version=data.get("schema_version", 1), text_file=data.get("text_file")
    )
    blocks = [
        yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True, width=10_000)
        for key, value in data.items()
    ]
    return header + "\n".join(blocks)


def write_annotation(draft_path, out_path=None, force: bool = False) -> tuple[int, str]:
    """Fill a draft's offsets, validate the result, and write it atomically.

    Returns (exit code, report). Nothing is written when a span is missing or ambiguous, when
    the result does not validate, or when ``out_path`` exists and ``force`` is false.
    """
    import os
    import tempfile
    from pathlib import Path

    import yaml

    from kitlib.article import validate_annotation
    from kitlib.errors import AnnotationError

    draft_path = Path(draft_path)
    out_path = Path(out_path) if out_path else draft_path.parent / "annotation.yaml"
    if out_path.exists() and not force:
        return 1, f"{out_path} exists; Nothing written (move it away, or use --force to replace it)"
    draft = yaml.safe_load(draft_path.read_text(encoding="utf-8"))
    if not isinstance(draft, dict):
        return 1, f"{draft_path}: expected a YAML mapping (schema_version, paragraphs, ...)"
    text = (draft_path.parent / draft.get("text_file", "article.txt")).read_text(encoding="utf-8")
    filled, report = fill_offsets(draft, text)
    if not report.ok:
        return 1, f"{draft_path}:\n{report}\nNothing written: fix the spans above in the draft."
    try:
        validate_annotation(filled, text, str(out_path))
    except AnnotationError as err:
        return 1, f"{report}\n{err}\nNothing written: fix the draft and run again."
    content = dump_annotation(filled, out_path.parent.name)
    fd, tmp = tempfile.mkstemp(dir=out_path.parent, prefix=".annotation-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    os.replace(tmp, out_path)  # atomic: a reader sees the old file or the new one, never half
    return 0, (
        f"{report}\nwrote {out_path}: it validates. "
        f"Next: kitlib release --article {out_path.parent}"
    )
