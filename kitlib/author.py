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
        cursor, previous = 0, None
        for i, item in enumerate(draft.get(section) or []):
            where = f"{section}[{i}] (id {item.get('id')!r})"
            scope = _scope(item, sentences, text, where, report)
            if scope is None:
                items.append(_place_nowhere(item))
                continue
            if sequential and previous is not None:
                scope = Scope(cursor, len(text), f"after {previous!r}", "reading order")
            filled = _place(item, text, scope, where, report, sentences, first_hit_wins=sequential)
            if section == "sentences" and "start" in filled:
                sentences[filled["id"]] = (filled["start"], filled["end"])
            if sequential and "end" in filled:
                cursor, previous = filled["end"], filled.get("id")
            if section == "quotes" and isinstance(item.get("cue"), dict):
                filled["cue"] = _place_cue(
                    item["cue"], filled, scope, text, where, report, sentences
                )
            items.append(filled)
        if section in draft:
            result[section] = items
    return result, report


@dataclass(frozen=True)
class Scope:
    """Where a span is searched: ``text[start:end]``, and how to say so in a message.

    ``label`` is empty for the whole text; ``by`` says what narrowed the search (a ``hint``
    the item gives, the ``quote`` a cue belongs to, or ``reading order``), which decides the fix.
    """

    start: int
    end: int
    label: str = ""
    by: str = ""


def _scope(item: dict, sentences, text: str, where: str, report) -> Scope | None:
    """The item's own ``sentence`` hint, or the whole text; None (reported) for a bad hint."""
    hint = item.get("sentence")
    if hint is None:
        return Scope(0, len(text))
    if hint in sentences:
        return Scope(*sentences[hint], f"in {hint}, the sentence its hint names", "hint")
    known = ", ".join(list(sentences)[:3] + (["..."] if len(sentences) > 3 else []))
    report.missing.append(
        f"{where}: its hint 'sentence: {hint}' names no sentence that was placed; "
        + (f"use a sentence id ({known}), or remove the hint" if sentences else
           "list the sentences first (kitlib author --skeleton drafts them), or remove the hint")
    )  # fmt: skip
    return None


def _place_cue(cue: dict, quote: dict, scope: Scope, text, where, report, sentences) -> dict:
    """A cue is searched in its own hinted sentence, else in the sentence its quote starts in."""
    where = f"{where}.cue"
    if "sentence" in cue:
        cue_scope = _scope(cue, sentences, text, where, report)
        if cue_scope is None:
            return _place_nowhere(cue)
    else:
        around = _sentence_around(quote.get("start"), sentences)
        cue_scope = (
            Scope(*sentences[around], f"in {around}, where this quote stands", "quote")
            if around
            else scope
        )
    return _place(cue, text, cue_scope, where, report, sentences)


def _place_nowhere(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in HINTS and k not in ("start", "end")}


def _sentence_around(offset, sentences) -> str | None:
    if offset is None:
        return None
    return next((sid for sid, (s, e) in sentences.items() if s <= offset < e), None)


def _place(
    item: dict, text: str, scope: Scope, where: str, report, sentences, first_hit_wins=False
) -> dict:
    out = _place_nowhere(item)
    wanted = item.get("text")
    if not isinstance(wanted, str) or not wanted:
        report.missing.append(
            f"{where}: no 'text' to search for; add 'text:' with the span as printed"
        )
        return out
    hits = [
        scope.start + m.start()
        for m in re.finditer(re.escape(wanted), text[scope.start : scope.end])
    ]
    occurrence = item.get("occurrence")
    if not hits:
        report.missing.append(f"{where}: {_not_found(wanted, text, scope, sentences)}")
        return out
    if occurrence is None and len(hits) > 1 and not first_hit_wins:
        spots = ", ".join(map(str, hits[:6]))
        fix = (
            f"add 'occurrence: <n>' (1 to {len(hits)})"
            if scope.label
            else "add 'sentence: <id>' or 'occurrence: <n>'"
        )
        report.ambiguous.append(
            f"{where}: {wanted[:60]!r} occurs {len(hits)} times {scope.label or 'in the text'}"
            f" (at {spots}); {fix}"
        )
        return out
    index = (occurrence or 1) - 1
    if not 0 <= index < len(hits):
        report.missing.append(
            f"{where}: occurrence {occurrence} asked, only {len(hits)} found "
            f"{scope.label or 'in the text'}; "
            + (
                "remove 'occurrence' (it occurs once there)"
                if len(hits) == 1
                else f"use 'occurrence: <n>' with n from 1 to {len(hits)}"
            )
            + (
                ", or give a 'sentence' hint for a match in another sentence"
                if scope.by in ("hint", "quote")
                else ""
            )
        )
        return out
    start = hits[index]
    report.filled += 1
    return _ordered(out, start, start + len(wanted))


def _not_found(wanted: str, text: str, scope: Scope, sentences) -> str:
    """Why a text was not found in its scope, and the fix: where it does occur, if anywhere."""
    shown = repr(wanted[:60])
    elsewhere = [m.start() for m in re.finditer(re.escape(wanted), text)]
    if not elsewhere:
        return _not_in_text(wanted, text, sentences)
    places = _where_in_text(elsewhere, sentences)
    said = f"{shown} occurs {_and(places)}, not {scope.label}"
    if scope.by == "reading order":
        return (
            f"{said}: each is searched after the one before; list them in reading order, "
            "and check that the one before does not run into this one"
        )
    ids = [p for p in places if not p.startswith("at ")]
    if not ids:
        return f"{said}, and in no placed sentence; check the sentences cover that part of the text"
    target = ids[0] if len(ids) == 1 else f"<one of {', '.join(ids)}>"
    count = sum(1 for h in elsewhere if _sentence_around(h, sentences) == ids[0])
    again = (
        f" (with 'occurrence: <n>': it occurs {count} times there)"
        if count > 1 and len(ids) == 1
        else ""
    )
    if scope.by == "quote":
        fix = f"give the cue the hint 'sentence: {target}'"
    else:
        fix = f"change its hint to 'sentence: {target}'"
    return f"{said}; {fix}{again}"


def _not_in_text(wanted: str, text: str, sentences) -> str:
    shown = repr(wanted[:60])
    other_case = re.search(re.escape(wanted), text, re.IGNORECASE)
    if other_case:  # "The harbor master" at the start of a sentence
        place = _and(_where_in_text([other_case.start()], sentences))
        return (
            f"{shown} does not occur in the text, but {other_case.group()[:60]!r} does "
            f"({place}); a span is copied as printed, capitals included"
        )
    return (
        f"{shown} does not occur in the text; copy it from the article as printed "
        "(check spelling, quote marks, dashes and spaces)"
    )


def _where_in_text(offsets: list[int], sentences) -> list[str]:
    """Sentence ids (in order, once each) for offsets, or 'at N' where no sentence holds one."""
    places: list[str] = []
    for offset in offsets:
        place = _sentence_around(offset, sentences) or f"at {offset}"
        if place not in places:
            places.append(place)
    return places


def _and(places: list[str]) -> str:
    """'in s04', 'in s03, s04 and s07', 'at 120 and in s04': the places a text occurs."""
    ids = [p for p in places if not p.startswith("at ")]
    words = [p for p in places if p.startswith("at ")][:3]
    if ids:
        shown = ids[:6] + ([f"{len(ids) - 6} more"] if len(ids) > 6 else [])
        words.append(
            "in " + (", ".join(shown[:-1]) + " and " if len(shown) > 1 else "") + shown[-1]
        )
    return " and ".join(words)


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
    from pathlib import Path

    from kitlib.article import validate_annotation
    from kitlib.errors import AnnotationError
    from kitlib.release.files import write_atomic  # cheap: hashlib, json, os, tempfile

    draft_path = Path(draft_path)
    out_path = Path(out_path) if out_path else draft_path.parent / "annotation.yaml"
    if out_path.exists() and not force:
        return 1, f"{out_path} exists; Nothing written (move it away, or use --force to replace it)"
    draft, problem = _read_draft(draft_path)
    if problem:
        return 1, problem
    text, problem = _read_text(draft_path, draft)
    if problem:
        return 1, problem
    filled, report = fill_offsets(draft, text)
    if not report.ok:
        return 1, f"{draft_path}:\n{report}\nNothing written: fix the spans above in the draft."
    try:
        validate_annotation(filled, text, str(out_path))
    except AnnotationError as err:
        return 1, f"{report}\n{err}\nNothing written: fix the draft and run again."
    content = dump_annotation(filled, out_path.parent.name)
    # All or nothing, and readable like every file the kit writes (umask respected).
    write_atomic(out_path, content.encode("utf-8"))
    return 0, (
        f"{report}\nwrote {out_path}: it validates. "
        f"Next: kitlib release --article {out_path.parent}"
    )


def _read_draft(draft_path) -> tuple[dict | None, str | None]:
    import yaml  # PyYAML: already a dependency of the loader

    try:
        draft = yaml.safe_load(draft_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        return None, (
            f"cannot read {draft_path} ({err}); give the path of a UTF-8 draft "
            "(kitlib author --skeleton article.txt > draft.yaml starts one)"
        )
    except yaml.YAMLError as err:
        return None, f"{draft_path} is not valid YAML; fix the place it names:\n{err}"
    if not isinstance(draft, dict):
        return None, (
            f"{draft_path}: expected a YAML mapping (schema_version, paragraphs, ...); "
            "start from kitlib author --skeleton article.txt"
        )
    return draft, None


def _read_text(draft_path, draft: dict) -> tuple[str | None, str | None]:
    from kitlib.article import _confined_text_path
    from kitlib.errors import AnnotationError

    try:  # the same closed folder as a loaded article: the text must sit beside the draft
        path = _confined_text_path(draft_path, draft)
    except AnnotationError as err:
        return None, str(err)
    try:
        return path.read_text(encoding="utf-8"), None
    except (OSError, UnicodeDecodeError) as err:
        return None, (
            f"cannot read the article's text {path} ({err}); put article.txt (UTF-8) next to "
            f"the draft, or set the draft's 'text_file' to the text's file name"
        )
