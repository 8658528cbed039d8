"""Load an annotated article as pandas tables: ``kitlib.load_article()``.

An article is a folder holding ``article.txt`` (the verbatim text) and ``annotation.yaml``
(see ``docs/data-model.md`` and ``docs/annotation-format.md``). The kit ships the course
article as package data; ``load_article(path)`` loads any other annotated folder.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath, PureWindowsPath

import msgspec
import pandas as pd
import yaml

from kitlib import annotation, sides
from kitlib.annotation import Annotation, consistency_problems, sentence_at
from kitlib.errors import AnnotationError, ArticleNotFoundError

__all__ = [
    "Article",
    "load_article",
    "use_article",
    "current_article",
    "seed_names",
    "article_dir",
    "DEFAULT_ARTICLE",
    "ENV_VAR",
]

DEFAULT_ARTICLE = "ukraine-peace-plan"
ENV_VAR = "KITLIB_ARTICLE"  # a folder path; the release sets it to teach another article
ANNOTATION_FILE = "annotation.yaml"

COLUMNS = {
    "paragraphs": ["paragraph_id", "start", "end", "text", "role"],
    "sentences": ["sentence_id", "paragraph_id", "start", "end", "text"],
    "actors": ["actor_id", "name", "kind", "role", "affiliation", "side", "note"],
    "mentions": ["mention_id", "actor_id", "start", "end", "text", "sentence_id", "form"],
    "documents": [
        "document_id",
        "name",
        "drafted_by",
        "presented_by",
        "start",
        "end",
        "text",
        "sentence_id",
        "note",
    ],
    "quotes": [
        "quote_id",
        "speaker_id",
        "kind",
        "cue",
        "cue_start",
        "cue_end",
        "channel",
        "day",
        "text",
        "start",
        "end",
        "sentence_id",
        "note",
    ],
    "demands": [
        "demand_id",
        "kind",
        "party_id",
        "addressee_id",
        "document_id",
        "text",
        "start",
        "end",
        "sentence_id",
        "places",
        "condition",
        "note",
    ],
    "claims": [
        "claim_id",
        "text",
        "start",
        "end",
        "sentence_id",
        "source_id",
        "source_type",
        "note",
    ],
    "figures": ["figure_id", "text", "start", "end", "sentence_id", "claim_id"],
    "sides": sides.SIDE_COLUMNS,
}


@dataclass(eq=False)
class Article:
    """One annotated article: its text, what the text says about itself, and its tables."""

    name: str
    text: str
    title: str | None
    outlet: str | None
    author: str | None
    date: str | None
    dateline: str | None
    paragraphs: pd.DataFrame = field(repr=False)
    sentences: pd.DataFrame = field(repr=False)
    actors: pd.DataFrame = field(repr=False)
    mentions: pd.DataFrame = field(repr=False)
    documents: pd.DataFrame = field(repr=False)
    quotes: pd.DataFrame = field(repr=False)
    demands: pd.DataFrame = field(repr=False)
    claims: pd.DataFrame = field(repr=False)
    figures: pd.DataFrame = field(repr=False)
    sides: pd.DataFrame = field(repr=False)
    path: Path | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, t))} {t}" for t in COLUMNS)
        return f"<Article {self.name!r}: {len(self.text)} characters; {counts}>"

    def span(self, start: int, end: int) -> str:
        """The text between two offsets (end-exclusive), as ``text[start:end]``."""
        return self.text[start:end]

    def sentence_at(self, offset: int) -> str | None:
        """The id of the sentence that holds a character offset, or None."""
        hit = self.sentences[(self.sentences.start <= offset) & (offset < self.sentences.end)]
        return None if hit.empty else hit.sentence_id.iloc[0]

    def actor(self, key: str) -> pd.Series:
        """An actor row by id, full name or part of a name ("Peskov"), case-insensitive."""
        actors = self.actors
        wanted = str(key).strip().casefold()
        for column in ("actor_id", "name"):
            hit = actors[actors[column].str.casefold() == wanted]
            if len(hit) == 1:
                return hit.iloc[0]
        hit = actors[actors.name.str.casefold().str.contains(wanted, regex=False)]
        if len(hit) == 1:
            return hit.iloc[0]
        choices = ", ".join(actors.actor_id)
        if hit.empty:
            raise KeyError(f"no actor matches {key!r}; actor ids are: {choices}")
        raise KeyError(
            f"{key!r} matches several actors ({', '.join(hit.actor_id)}); be more precise"
        )


def seeds_dir() -> Path:
    """Where the shipped articles live: package data in a wheel, ``seeds/`` in a checkout."""
    packaged = resources.files("kitlib").joinpath("seeds")
    if packaged.is_dir():
        return Path(str(packaged))
    # Editable install: the package is imported from the source tree, seeds/ sits beside it.
    return Path(__file__).resolve().parent.parent / "seeds"


def seed_names() -> list[str]:
    """The names of the articles the kit ships (folders holding an annotation)."""
    return sorted(p.parent.name for p in seeds_dir().glob(f"*/{ANNOTATION_FILE}"))


def article_dir(source: str | os.PathLike | None = None) -> Path:
    """Resolve a seed name, a folder, or an annotation file to the article's folder.

    ``None`` is the article in use: see ``chosen_source``.
    """
    if source is None:
        source = chosen_source()
    path = Path(source).expanduser()
    if path.is_file():
        path = path.parent
    if path.is_dir() and (path / ANNOTATION_FILE).is_file():
        return path
    if str(source) in seed_names():
        return seeds_dir() / str(source)
    raise ArticleNotFoundError(
        f"no annotated article at {str(source)!r}: expected a folder holding {ANNOTATION_FILE} "
        f"and the article text, or one of the shipped articles: {', '.join(seed_names())}"
        + _missing_folder_advice(source)
    )


def _missing_folder_advice(source) -> str:
    if str(source) == _chosen:
        return (
            f". This notebook asked for it with kitlib.use_article({str(source)!r}): keep the "
            "article folder that came with the lessons next to the notebook, or ask your teacher"
        )
    return ""


# --- which article: one owner ----------------------------------------------------------------

_chosen: str | os.PathLike | Article | None = None  # set by use_article


def use_article(article: str | os.PathLike | Article | None = None) -> Article:
    """Use ``article`` (a folder, a shipped article's name, or an Article) from now on.

    ``load_article()``, ``kitlib.check`` and the plots and widgets then all work on it;
    ``use_article()`` goes back to the default. Returns the article now in use.
    """
    global _chosen
    if isinstance(article, str | os.PathLike):
        article_dir(article)  # fail now, with a clear message, not at the next check
    _chosen = article
    return current_article()


def chosen_source() -> str | os.PathLike:
    """Which article is in use when none is given: ``use_article``, then ``$KITLIB_ARTICLE``,
    then the course article. (An Article given to ``use_article`` is its own source.)"""
    if _chosen is not None:
        return _chosen if isinstance(_chosen, str | os.PathLike) else _chosen.path
    return os.environ.get(ENV_VAR) or DEFAULT_ARTICLE


def current_article(article: str | os.PathLike | Article | None = None) -> Article:
    """The one place that decides which article a check, plot or widget works on.

    An explicit ``article`` wins (an Article, or a folder or shipped name), then
    ``use_article``, then ``$KITLIB_ARTICLE``, then the course article. Articles loaded from
    files are shared and cached on the files' state, so an edited annotation is seen at once;
    do not modify their tables (``load_article`` gives a fresh copy to play with).
    """
    if article is not None and not isinstance(article, str | os.PathLike):
        return article  # an Article (or a stand-in with the same tables, in tests)
    if article is None and _chosen is not None and not isinstance(_chosen, str | os.PathLike):
        return _chosen
    folder = article_dir(article)
    return _shared(str(folder.resolve()), _folder_state(folder))


def _folder_state(folder: Path) -> tuple:
    """Name, mtime and size of each file in the folder: any edit changes it (cheap: 2-3 files)."""
    files = sorted(p for p in folder.iterdir() if p.is_file())
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)


@functools.lru_cache(maxsize=8)
def _shared(folder: str, _state: tuple) -> Article:
    return load_article(folder)


def load_article(source: str | os.PathLike | None = None) -> Article:
    """Load an annotated article; with no argument, the article in use (the course article
    unless ``use_article`` or ``$KITLIB_ARTICLE`` says otherwise).

    Raises ``AnnotationError`` (a ``ValueError``) naming the file, the item and the fix when
    the annotation is malformed. Each call returns fresh tables, so editing them is safe.
    """
    if source is None and isinstance(_chosen, Article):
        source = _chosen.path  # a fresh copy of the article in use
    folder = article_dir(source)
    ann, text = _validated(str(folder / ANNOTATION_FILE), _folder_state(folder))
    return _build(folder, ann, text)


def as_article(article: Article | None = None) -> Article:
    """The article a helper was given, or the article in use (see ``current_article``)."""
    return current_article(article)


def given(value):
    """None for a missing table value (None or NaN), the value otherwise."""
    if value is None:
        return None
    try:
        if value != value:  # NaN is the only value not equal to itself
            return None
    except (TypeError, ValueError):  # e.g. an array, whose comparison is not a bool
        return value
    return value


@functools.lru_cache(maxsize=16)
def _validated(file: str, _state: tuple) -> tuple[Annotation, str]:
    # Keyed on the folder's files' state: an instructor's edit is seen without a restart.
    raw = _read_yaml(Path(file))
    text_path = _confined_text_path(file, raw)
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AnnotationError(
            file, [f"text_file: cannot read the article text {text_path.name!r} ({err})"]
        ) from None
    return validate_annotation(raw, text, file), text


def _text_file(raw: object) -> str:
    text_file = raw.get("text_file") if isinstance(raw, dict) else None
    return text_file if isinstance(text_file, str) else "article.txt"


def text_file_name(folder: str | os.PathLike) -> str:
    """The file holding an article folder's text: its ``text_file``, else article.txt."""
    file = Path(folder) / ANNOTATION_FILE
    raw = _read_yaml(file)
    _confined_text_path(file, raw)  # a release copies this file into the students' folder
    return _text_file(raw)


def _confined_text_path(file: str | os.PathLike, raw: object) -> Path:
    """The article text's path, which must lie inside the annotation's folder.

    An article folder is closed: a release copies the text to the students, so ``text_file``
    may not reach outside it (absolute path, ``..``, or a symlink that leaves the folder).
    """
    name = _text_file(raw)
    folder = Path(file).parent
    expected = (
        "expected the name of a file inside the article's folder (beside annotation.yaml), "
        "e.g. 'article.txt'"
    )
    fix = "copy the text into the folder and give its name there"
    if os.path.isabs(name) or PureWindowsPath(name).anchor:
        problem = f"text_file: {expected}, but {name!r} is an absolute path; {fix}"
    elif ".." in PurePosixPath(name).parts or ".." in PureWindowsPath(name).parts:
        problem = f"text_file: {expected}, but {name!r} leads out of it through '..'; {fix}"
    elif (target := _resolved(folder / name)) is None:
        problem = f"text_file: {expected}, but {name!r} names no file that can be opened; {fix}"
    elif not target.is_relative_to(folder.resolve()):
        problem = (
            f"text_file: {expected}, but {name!r} leads through a symbolic link to "
            f"{str(target)!r}, outside the folder; {fix} instead of linking to it"
        )
    else:
        return folder / name
    raise AnnotationError(str(file), [problem])


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte in the name
        return None


def validate_annotation(raw: object, text: str, file: str = "<annotation>") -> Annotation:
    """Check a parsed annotation against the schema and the text; raise AnnotationError."""
    if not isinstance(raw, dict):
        raise AnnotationError(
            file,
            [
                f"top level: expected a mapping with schema_version, paragraphs, sentences, "
                f"... but found {type(raw).__name__}"
            ],
        )
    try:
        ann = msgspec.convert(raw, Annotation)
    except msgspec.ValidationError as err:
        raise AnnotationError(file, [_describe(str(err), raw)]) from None
    problems = consistency_problems(ann, text)
    if problems:
        raise AnnotationError(file, problems)
    return ann


def _read_yaml(file: Path) -> object:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(file.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the file"
        problem = getattr(err, "problem", None) or str(err)
        raise AnnotationError(
            file, [f"{where}: not valid YAML ({problem}); check indentation and quoting there"]
        ) from None
    except UnicodeDecodeError as err:
        raise AnnotationError(file, [f"the file is not UTF-8 text ({err})"]) from None
    if not isinstance(raw, dict):
        raise AnnotationError(
            file,
            [
                f"top level: expected a mapping with schema_version, paragraphs, sentences, "
                f"... but found {type(raw).__name__}"
            ],
        )
    return raw


_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<loc>[^`]*)`)?$", re.S)


def _describe(message: str, raw: dict) -> str:
    """Turn msgspec's "Expected `int`, got `str` - at `$.quotes[3].start`" into our form."""
    m = _AT.match(message)
    loc = m["loc"] or ""
    return f"{_path(loc, raw)}: {_advice(m['msg'], loc)}"


def _path(loc: str, raw: dict) -> str:
    """``.quotes[3].start`` -> ``quotes[3] (id 'q04').start``: the id helps find the item."""
    parts, node = [], raw
    for name, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", loc):
        key = name if name else int(index)
        parts.append(f".{key}" if name else f"[{key}]")
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
        if not name and isinstance(node, dict) and "id" in node:
            parts.append(f" (id {node['id']!r})")
    return "".join(parts).lstrip(".") or "top level"


def _advice(msg: str, loc: str) -> str:
    section = (re.match(r"\.([a-z_]+)", loc) or [None, ""])[1]
    field = loc.rsplit(".", 1)[-1]
    unknown = re.match(r"Object contains unknown field `(.+)`", msg)
    if unknown:
        valid = list(_struct_at(section, loc).__struct_fields__)
        close = difflib.get_close_matches(unknown[1], valid, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown field {unknown[1]!r}; {hint}expected one of: {', '.join(valid)}"
    missing = re.match(r"Object missing required field `(.+)`", msg)
    if missing:
        return f"missing required field {missing[1]!r}"
    if "matching regex '^[a-z0-9][a-z0-9-]*$'" in msg:
        return "an id uses only lower-case letters, digits and hyphens, e.g. 'vladimir-putin'"
    choices = _CHOICES.get((section, field))
    if msg.startswith("Invalid enum value") and choices:
        found = msg.removeprefix("Invalid enum value ")
        return f"{found} is not allowed; expected one of: {', '.join(choices)}"
    return (msg[:1].lower() + msg[1:]) or "invalid value"


_CHOICES = {
    ("paragraphs", "role"): annotation.PARAGRAPH_ROLES,
    ("actors", "kind"): annotation.ACTOR_KINDS,
    ("mentions", "form"): annotation.MENTION_FORMS,
    ("quotes", "kind"): annotation.QUOTE_KINDS,
    ("demands", "kind"): annotation.DEMAND_KINDS,
    ("claims", "source_type"): annotation.SOURCE_TYPES,
}


def _struct_at(section: str, loc: str) -> type:
    if section == "quotes" and loc.endswith(".cue"):
        return annotation.Span
    return annotation.SECTION_TYPES.get(section, Annotation)


def _build(folder: Path, ann: Annotation, text: str) -> Article:
    def sid(start: int) -> str:
        return sentence_at(ann.sentences, start)

    para_of = {
        s.id: next(p.id for p in ann.paragraphs if p.start <= s.start < p.end)
        for s in ann.sentences
    }
    side_rows = _sides(ann)
    side = sides.actor_sides({a.id: a.affiliation for a in ann.actors}, side_rows)
    rows = {
        "paragraphs": [(p.id, p.start, p.end, p.text, p.role) for p in ann.paragraphs],
        "sentences": [(s.id, para_of[s.id], s.start, s.end, s.text) for s in ann.sentences],
        "actors": [
            (a.id, a.name, a.kind, a.role, a.affiliation, side[a.id], a.note) for a in ann.actors
        ],
        "mentions": [
            (m.id, m.actor, m.start, m.end, m.text, sid(m.start), m.form) for m in ann.mentions
        ],
        "documents": [
            (
                d.id,
                d.name,
                list(d.drafted_by),
                d.presented_by,
                d.start,
                d.end,
                d.text,
                sid(d.start),
                d.note,
            )
            for d in ann.documents
        ],
        "quotes": [
            (
                q.id,
                q.speaker,
                q.kind,
                q.cue.text,
                q.cue.start,
                q.cue.end,
                q.channel,
                q.day,
                q.text,
                q.start,
                q.end,
                sid(q.start),
                q.note,
            )
            for q in ann.quotes
        ],
        "demands": [
            (
                d.id,
                d.kind,
                d.party,
                d.addressee,
                d.document,
                d.text,
                d.start,
                d.end,
                sid(d.start),
                list(d.places),
                d.condition,
                d.note,
            )
            for d in ann.demands
        ],
        "claims": [
            (c.id, c.text, c.start, c.end, sid(c.start), c.source, c.source_type, c.note)
            for c in ann.claims
        ],
        "figures": [(f.id, f.text, f.start, f.end, sid(f.start), f.claim) for f in ann.figures],
    }
    tables = {name: _frame(rows[name], COLUMNS[name]) for name in COLUMNS if name != "sides"}
    tables["sides"] = sides.side_frame(side_rows)
    meta = ann.metadata
    return Article(
        name=folder.name,
        text=text,
        title=meta.title,
        outlet=meta.outlet,
        author=meta.author,
        date=meta.date,
        dateline=meta.dateline,
        path=folder,
        **tables,
    )


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    # object dtype keeps None as None (not NaN), which students can test with `is None`.
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    for column in ("start", "end", "cue_start", "cue_end"):
        if column in frame:
            frame[column] = frame[column].astype("int64")
    return frame


def _sides(ann: Annotation) -> list[dict]:
    """The declared sides in their order, or (none declared) the sides derived from countries."""
    if ann.sides is not None:
        return [
            {"side_id": x.id, "name": x.name, "members": list(x.members), "note": x.note}
            for x in ann.sides
        ]
    actors = [(a.id, a.name, a.kind, a.affiliation) for a in ann.actors]
    mentioned = Counter(m.actor for m in ann.mentions)
    return sides.derive_sides(actors, mentioned)
