"""Read a student's answer in whatever shape it comes, and compare it with the reference.

Everything here is defensive: an answer may be any Python object, including one whose
``__eq__``, ``__str__`` or ``__len__`` raises. Readers return either the normalised value or
a ``Verdict`` that explains what is wrong with the shape of the answer.
"""

from __future__ import annotations

import difflib
import functools
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

__all__ = [
    "Verdict",
    "right",
    "wrong",
    "not_answered",
    "norm",
    "plain",
    "show",
    "describe",
    "read_items",
    "read_number",
    "read_pairs",
    "read_frame",
    "Resolver",
    "Evidence",
    "VOCABS",
    "per_article",
    "listing",
    "plural",
]

ID_LIKE = re.compile(r"[a-z]\d+")  # p01, s17, q03, m001: the kit's row ids
MAX_ITEMS = 500  # junk answers can be huge; nobody lists more items than this on purpose
QUOTE_CHARS = "'\"“”‘’«»`"
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}


@dataclass(frozen=True)
class Verdict:
    """What a comparator concludes: a status, a message, and lines of evidence from the text."""

    status: str  # "correct", "incorrect", "not_answered" or "recorded" (a reflection)
    message: str
    evidence: tuple[str, ...] = ()
    # A first wrong answer sees only the nudge: the kind of mistake, no evidence, no
    # item-by-item diagnosis (empty: the message is already no more than a nudge).
    nudge: str = ""
    checklist: tuple[str, ...] = ()  # a reflection's self-check list: what a good answer covers


def right(message: str, evidence: Iterable[str] = ()) -> Verdict:
    return Verdict("correct", message, tuple(evidence))


def wrong(message: str, evidence: Iterable[str] = (), nudge: str = "") -> Verdict:
    return Verdict("incorrect", message, tuple(evidence), nudge)


def recorded(message: str, evidence: Iterable[str] = (), checklist: Iterable[str] = ()) -> Verdict:
    """A reflection's verdict: written down, never graded, so never "correct"."""
    return Verdict("recorded", message, tuple(evidence), checklist=tuple(checklist))


def not_answered(written: bool = False) -> Verdict:
    """``written``: the answer is free text, whose stub is an empty triple-quoted string."""
    where = (
        "write your answer between the triple quotes"
        if written
        else "replace the `...` with your answer"
    )
    return Verdict("not_answered", f"Not answered yet: {where} and run the cell again.")


# --- text -------------------------------------------------------------------------------


def plain(value: object) -> object:
    """A str subclass as a plain str: its overridden methods (which may raise) are not used."""
    if isinstance(value, str) and type(value) is not str:
        return str.__str__(value)
    return value


def safe_str(value: object, limit: int = 60) -> str:
    """``str(value)`` that never raises and never floods the message."""
    value = plain(value)
    try:
        text = value if isinstance(value, str) else str(value)
    except Exception:
        text = f"<a {type(value).__name__} that cannot be shown>"
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # End on a whole word when one is near: "the K…" reads as a typo, "the…" does not.
    space = cut.rfind(" ")
    return (cut[:space] if space >= limit * 2 // 3 else cut).rstrip(" ,;:(") + "…"


def norm(value: object) -> str:
    """A comparison key: case, surrounding whitespace, quotes and end punctuation forgiven."""
    text = unicodedata.normalize("NFKC", safe_str(value, limit=400))
    text = text.strip().strip(QUOTE_CHARS).strip().rstrip(".,;:!?").strip(QUOTE_CHARS)
    return " ".join(text.split()).casefold()


def show(value: object) -> str:
    """A value as a message quotes it: 'Peskov'."""
    return f"'{safe_str(value)}'"


def plural(count: int, noun: str) -> str:
    """``plural(1, "paragraphs") == "1 paragraph"``; nouns are given in the plural."""
    if count == 1:
        noun = singular(noun)
    return f"{count} {noun}"


IRREGULAR = {"people": "person", "children": "child", "media": "medium", "women": "woman"}


def singular(noun: str) -> str:
    """The singular of a plural noun the kit uses ("people" -> "person", "rows" -> "row")."""
    head, _, last = noun.rpartition(" ")
    if last in IRREGULAR:
        word = IRREGULAR[last]
    elif last.endswith("ies"):
        word = last[:-3] + "y"
    else:
        word = last.removesuffix("s")
    return f"{head} {word}" if head else word


def all_of(count: int, noun: str) -> str:
    """``all_of(3, "rows") == "All 3 rows"``, but ``all_of(1, "rows") == "The one row"``."""
    return f"All {plural(count, noun)}" if count != 1 else f"The one {plural(1, noun)[2:]}"


def listing(items: Iterable[str], limit: int = 5) -> str:
    """'a, b and c' (at most ``limit`` items, then 'and 3 more')."""
    items = list(items)
    if len(items) > limit:
        items = items[:limit] + [f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def describe(value: object) -> str:
    """What kind of thing an answer is, in words a beginner knows."""
    try:
        if value is None:
            return "None (nothing)"
        if isinstance(value, bool):
            return f"the truth value {value}"
        if isinstance(value, pd.DataFrame):
            columns = listing([show(c) for c in value.columns], limit=4)
            return f"a table (DataFrame) with {plural(len(value), 'rows')} and columns {columns}"
        if isinstance(value, pd.Series):
            return f"a column (Series) with {plural(len(value), 'values')}"
        if isinstance(value, Mapping):
            return f"a dict with {plural(len(value), 'entries')}"
        if isinstance(value, str):
            return f"the text {show(value)}"
        if isinstance(value, numbers.Number):
            return f"the number {safe_str(value)}"
        if isinstance(value, list | tuple | set | frozenset):
            return f"a {type(value).__name__} with {plural(len(value), 'items')}"
    except Exception:
        pass
    return f"a {type(value).__name__}"


# --- answer readers -----------------------------------------------------------------------


def is_missing(value: object) -> bool:
    """None, NaN, pd.NA and friends: a cell or answer with no value."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return isinstance(value, float | numbers.Real) and math.isnan(float(value))
    except Exception:
        return False


def _split_text(text: str) -> list[str]:
    # A printed list ("['p01', 'p02']") or a comma, semicolon, newline or "and" separated text.
    text = text.strip()
    if text[:1] in "[({" and text[-1:] in "])}":
        text = text[1:-1]
    parts = re.split(r"[,;\n]|\s+and\s+|\s*&\s*", text)
    return [p for p in parts if p.strip().strip(QUOTE_CHARS).strip()]


def _scalar_item(value: object) -> str | None:
    """One item as text, or None when it is not a simple value (a list inside a list...)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or is_missing(value):
        return None
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        return str(int(number)) if number.is_integer() else str(number)
    try:
        import numpy as np

        if isinstance(value, np.generic):
            return _scalar_item(value.item())
    except Exception:
        pass
    return None


def _column_of(frame: pd.DataFrame, column: str | None) -> pd.Series | Verdict:
    names = {norm(c): c for c in frame.columns}
    if column and norm(column) in names:
        return frame[names[norm(column)]]
    if column and column in (frame.index.names or []):
        return pd.Series(frame.index.get_level_values(column))
    if frame.shape[1] == 1:
        return frame.iloc[:, 0]
    want = f"the {show(column)} column, e.g. `table[{column!r}]`" if column else "one column"
    return wrong(f"This answer is {describe(frame)}; the task wants {want}.")


def read_items(answer: object, column: str | None = None) -> list[str] | Verdict:
    """A list of item texts from a list, tuple, set, Series, Index, array, table or text."""
    if answer is Ellipsis:
        return not_answered()
    if answer is None or isinstance(answer, bool):
        return wrong(f"This answer is {describe(answer)}; the task wants a list.")
    if isinstance(answer, bytes):
        answer = answer.decode("utf-8", "replace")
    if isinstance(answer, str):
        return _split_text(answer)
    if isinstance(answer, Mapping):
        return wrong(
            f"This answer is {describe(answer)} (it pairs keys with values); "
            "the task wants a plain list, e.g. `['p01', 'p02']`."
        )
    if isinstance(answer, pd.DataFrame):
        picked = _column_of(answer, column)
        if isinstance(picked, Verdict):
            return picked
        answer = picked
    single = _scalar_item(answer)
    if single is not None:
        return [single]
    if is_missing(answer):
        return wrong("This answer is an empty value (NaN); the task wants a list.")
    try:
        values = []
        for value in answer:  # Series, Index, arrays, sets, generators ...
            values.append(value)
            if len(values) > MAX_ITEMS:
                return wrong(f"This answer has more than {MAX_ITEMS} items; the task wants a few.")
    except Exception:
        return wrong(f"This answer is {describe(answer)}; the task wants a list of items.")
    items = []
    for value in values:
        text = _scalar_item(value)
        if text is None:
            if is_missing(value):
                continue  # an empty cell in a column is not an item
            return wrong(
                f"The list holds {describe(value)}; each item should be a name or an id "
                "written as text, e.g. `'p01'`."
            )
        items.append(text)
    return items


def read_number(answer: object) -> float | Verdict:
    """A number from an int, float, numpy number, numeric text or a one-item container."""
    if answer is Ellipsis:
        return not_answered()
    if isinstance(answer, bool):
        return wrong(f"This answer is {describe(answer)}; the task wants a number.")
    if isinstance(answer, pd.DataFrame | pd.Series) or isinstance(answer, list | tuple | set):
        try:
            size = len(answer)
        except Exception:
            size = -1
        if size == 1:
            inner = (
                answer.iloc[0, 0]
                if isinstance(answer, pd.DataFrame)
                else next(iter(answer.iloc if isinstance(answer, pd.Series) else answer))
            )
            if isinstance(answer, pd.DataFrame) and answer.shape[1] != 1:
                inner = None
            if inner is not None:
                return read_number(inner)
        return wrong(
            f"This answer is {describe(answer)}; the task wants one number. "
            "`len(...)` counts rows, `.sum()` adds up a column."
        )
    if isinstance(answer, str | bytes):
        text = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else answer
        key = norm(text).replace(",", "").replace("_", "")
        if key in NUMBER_WORDS:
            return float(NUMBER_WORDS[key])
        try:
            return float(key)
        except ValueError:
            return wrong(f"This answer is {describe(answer)}; the task wants a number, e.g. `3`.")
    text = _scalar_item(answer)
    if text is None:
        if is_missing(answer):
            return wrong("This answer is an empty value (NaN or None); the task wants a number.")
        return wrong(f"This answer is {describe(answer)}; the task wants a number.")
    number = float(text)
    if math.isinf(number):
        return wrong("This answer is infinite; the task wants an ordinary number.")
    return number


def read_pairs(answer: object, columns: tuple[str, str] | None = None):
    """(item, label) pairs from a dict, a Series, a two-column table or a list of pairs."""
    if answer is Ellipsis:
        return not_answered()
    shape = (
        "the task wants a dict that pairs each item with its label, "
        "e.g. `{'s07': 'named', 's12': 'unnamed'}`"
    )
    try:
        if isinstance(answer, pd.DataFrame):
            answer = _pairs_from_frame(answer, columns)
            if isinstance(answer, Verdict):
                return answer
        elif isinstance(answer, pd.Series):
            answer = list(zip(answer.index, answer.to_numpy(), strict=True))
        elif isinstance(answer, Mapping):
            answer = list(answer.items())
        elif isinstance(answer, str | bytes) or _scalar_item(answer) is not None:
            return wrong(f"This answer is {describe(answer)}; {shape}.")
        pairs = []
        for entry in answer:
            if isinstance(entry, str | bytes) or len(entry) != 2:
                return wrong(f"This answer is {describe(answer)}; {shape}.")
            item, label = entry
            item_text, label_text = _scalar_item(item), _scalar_item(label)
            if item_text is None or label_text is None:
                return wrong(
                    f"The pair ({safe_str(item)}, {safe_str(label)}) holds something that is "
                    f"not text; {shape}."
                )
            pairs.append((item_text, label_text))
            if len(pairs) > MAX_ITEMS:
                return wrong(f"This answer has more than {MAX_ITEMS} pairs; {shape}.")
        return pairs
    except Exception:
        return wrong(f"This answer is {describe(answer)}; {shape}.")


def _pairs_from_frame(frame: pd.DataFrame, columns: tuple[str, str] | None):
    frame = frame.reset_index() if columns and columns[0] in (frame.index.names or []) else frame
    names = {norm(c): c for c in frame.columns}
    if columns and all(norm(c) in names for c in columns):
        picked = frame[[names[norm(c)] for c in columns]]
    elif frame.shape[1] == 2:
        picked = frame
    elif frame.shape[1] == 1:
        picked = frame.reset_index()
    else:
        want = f"{show(columns[0])} and {show(columns[1])}" if columns else "two"
        return wrong(
            f"This answer is {describe(frame)}; the task wants a table with {want} "
            "columns, or a dict."
        )
    return list(picked.itertuples(index=False, name=None))


def read_frame(answer: object, columns: list[str]) -> pd.DataFrame | Verdict:
    """A DataFrame holding ``columns`` (matched case-free), from a table, a Series or records."""
    if answer is Ellipsis:
        return not_answered()
    want = listing([show(c) for c in columns])
    if isinstance(answer, Mapping) and len(columns) == 2 and _all_scalars(answer.values()):
        # {'russia': 13, 'ukraine': 8}: a hand-typed mapping is the same table as a Series.
        answer = pd.Series(dict(answer), dtype=object)
    if isinstance(answer, pd.Series):
        answer = answer.reset_index()
    elif not isinstance(answer, pd.DataFrame):
        if answer is None or isinstance(answer, str | bytes | bool | numbers.Number):
            return wrong(
                f"This answer is {describe(answer)}; the task wants a table with "
                f"the columns {want}."
            )
        try:
            answer = pd.DataFrame(answer)
        except Exception:
            return wrong(
                f"This answer is {describe(answer)}; the task wants a table (DataFrame) "
                f"with the columns {want}."
            )
    frame = answer
    if any(c in (frame.index.names or []) for c in columns):
        frame = frame.reset_index()  # after a groupby the key sits in the index
    names = {norm(c): c for c in frame.columns}
    missing = [c for c in columns if norm(c) not in names]
    if missing and frame.shape[1] == len(columns) and not frame.empty:
        frame = frame.set_axis(columns, axis=1)  # same shape, other names: match by position
    elif missing:
        have = listing([show(c) for c in frame.columns]) or "none"
        return wrong(
            f"The table needs the {plural(len(missing), 'columns')} "
            f"{listing(show(c) for c in missing)}; its columns are {have}."
        )
    else:
        frame = frame[[names[norm(c)] for c in columns]].set_axis(columns, axis=1)
    return frame.reset_index(drop=True)


def _all_scalars(values: Iterable) -> bool:
    try:
        return all(_scalar_item(v) is not None or is_missing(v) for v in values)
    except Exception:
        return False


def cell_key(value: object) -> str:
    """A table cell as a comparison key: numbers by value, text by ``norm``, empty as ''."""
    if isinstance(value, list | tuple | set | frozenset):
        return "|".join(sorted(cell_key(v) for v in value))
    try:
        import numpy as np

        if isinstance(value, np.ndarray):
            return cell_key(value.tolist())
    except Exception:
        pass
    if is_missing(value):
        return ""
    text = _scalar_item(value)
    return norm(text if text is not None else value)


# --- naming things in the article -------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """Where an item is in the text ("paragraph p11") and the words there, quoted."""

    where: str
    quote: str = ""

    def line(self) -> str:
        return f"{self.where}: “{self.quote}”" if self.quote else self.where


def clip(text: object, limit: int = 90) -> str:
    return safe_str(text, limit)


@dataclass(frozen=True)
class Vocab:
    """One kind of thing an answer can name: its table, id column and readable aliases."""

    table: str
    id_column: str
    noun: str  # plural
    number_aliases: bool = False  # "p1", "1", "paragraph 1" for p01

    def aliases(self, art) -> tuple[dict[str, str], dict[str, str]]:
        """(norm(alias) -> id, norm(alias) -> the alias as printed)."""
        return vocab_aliases(art, self)

    def evidence(self, art) -> dict[str, Evidence]:
        return vocab_evidence(art, self)


VOCABS = {
    "paragraphs": Vocab("paragraphs", "paragraph_id", "paragraphs", number_aliases=True),
    "sentences": Vocab("sentences", "sentence_id", "sentences"),
    "actors": Vocab("actors", "actor_id", "actors"),
    "quotes": Vocab("quotes", "quote_id", "quotes"),
    "claims": Vocab("claims", "claim_id", "claims"),
    "demands": Vocab("demands", "demand_id", "demands"),
    "documents": Vocab("documents", "document_id", "documents"),
    "figures": Vocab("figures", "figure_id", "figures"),
    "mentions": Vocab("mentions", "mention_id", "mentions"),
}


def per_article(function: Callable) -> Callable:
    """Cache ``function(art, *args)`` per article object, so a check stays fast."""
    cache: dict = {}

    @functools.wraps(function)
    def cached(art, *args):
        key = (id(art), *args)
        hit = cache.get(key)
        if hit is not None and hit[0] is art:
            return hit[1]
        value = function(art, *args)
        if len(cache) > 512:
            cache.clear()
        cache[key] = (art, value)  # holding `art` keeps its id from being reused
        return value

    cached.cache_clear = cache.clear
    return cached


def _id_variants(item_id: str, vocab: Vocab) -> list[str]:
    variants = [item_id]
    m = re.fullmatch(r"([a-z]+)0*(\d+)", item_id)
    if m:
        prefix, number = m.groups()
        singular = vocab.noun.removesuffix("s")
        variants += [f"{prefix}{number}", f"{singular} {number}", f"{singular} {item_id}"]
        if vocab.number_aliases:
            variants.append(number)
    return variants


@per_article
def vocab_aliases(art, vocab: Vocab) -> tuple[dict[str, str], dict[str, str]]:
    """norm(alias) -> id for every id in the vocabulary's table, plus names for actors."""
    table = getattr(art, vocab.table)
    found: dict[str, set[str]] = {}
    display: dict[str, str] = {}

    def add(alias: object, item_id: str, shown: str | None = None) -> None:
        if isinstance(alias, str) and alias.strip():
            found.setdefault(norm(alias), set()).add(item_id)
            display.setdefault(norm(alias), shown or alias.strip())

    # "Did you mean ...?" names an actor, never its id: 'zelenskyy' is a key, not a name.
    shown_as = _shown_as(art, vocab)
    for item_id in table[vocab.id_column]:
        for variant in _id_variants(str(item_id), vocab):
            add(variant, str(item_id), shown=shown_as.get(str(item_id), str(item_id)))
    if vocab.table == "actors":
        for row in table.itertuples():
            add(row.name, row.actor_id)
            last_word = row.name.split()[-1] if row.name else ""
            add(re.sub(r"[^\w'-]+", "", last_word), row.actor_id)  # "Moscow)" -> "Moscow"
        mentions = art.mentions
        for row in mentions[mentions.form.isin(["name", "metonym"])].itertuples():
            add(row.text, row.actor_id)
            add(re.sub(r"^the\s+", "", row.text, flags=re.I), row.actor_id)
    if vocab.table == "documents":
        for row in table.itertuples():
            add(row.name, row.document_id)
    # An alias that could mean two things is no alias at all, but an id always means itself
    # ("analysts" is both the id of a group and a word in another group's name).
    aliases = {alias: next(iter(ids)) for alias, ids in found.items() if len(ids) == 1}
    for item_id in table[vocab.id_column]:
        aliases[norm(str(item_id))] = str(item_id)
        display[norm(str(item_id))] = shown_as.get(str(item_id), str(item_id))
    return aliases, {alias: display[alias] for alias in aliases}


def _shown_as(art, vocab: Vocab) -> dict[str, str]:
    """id -> how a message names it: actors by name, every other row by its id."""
    if vocab.table != "actors":
        return {}
    return {str(a): str(n) for a, n in zip(art.actors.actor_id, art.actors.name, strict=True)}


@per_article
def vocab_evidence(art, vocab: Vocab) -> dict[str, Evidence]:
    """id -> where it is and what the text says there."""
    table = getattr(art, vocab.table)
    para_of = dict(zip(art.sentences.sentence_id, art.sentences.paragraph_id, strict=True))
    evidence = {}
    if vocab.table == "actors":
        first = art.mentions.drop_duplicates("actor_id").set_index("actor_id")
        for actor_id in table.actor_id:
            if actor_id in first.index:
                row = first.loc[actor_id]
                where = f"paragraph {para_of.get(row.sentence_id, '?')}"
                evidence[actor_id] = Evidence(where, clip(_sentence_text(art, row.sentence_id)))
            else:
                evidence[actor_id] = Evidence(f"actor {actor_id}")
        return evidence
    for row in table.itertuples(index=False):
        item_id = str(getattr(row, vocab.id_column))
        if vocab.table == "paragraphs":
            role = "" if row.role == "body" else f" ({str(row.role).replace('_', ' ')})"
            evidence[item_id] = Evidence(f"paragraph {item_id}{role}", clip(row.text))
            continue
        sentence_id = getattr(row, "sentence_id", None)
        paragraph = para_of.get(sentence_id) or getattr(row, "paragraph_id", None)
        where = f"{vocab.noun.removesuffix('s')} {item_id}"
        if paragraph:
            where += f" (paragraph {paragraph})"
        evidence[item_id] = Evidence(where, clip(getattr(row, "text", "")))
    return evidence


def _sentence_text(art, sentence_id: str) -> str:
    hit = art.sentences.loc[art.sentences.sentence_id == sentence_id, "text"]
    return hit.iloc[0] if len(hit) else ""


class Resolver:
    """Turns answer items into canonical ids: exact alias, else a named typo, else unknown."""

    def __init__(self, aliases: Mapping[str, str], display: Mapping[str, str], noun: str):
        self.aliases = dict(aliases)
        self.display = dict(display)  # norm(alias) -> how to print it in "did you mean"
        self.noun = noun

    def resolve(self, raw: str) -> tuple[str | None, str | None]:
        """(canonical id, None) or (None, a message saying what is wrong with ``raw``)."""
        key = norm(raw)
        if key in self.aliases:
            return self.aliases[key], None
        if ID_LIKE.fullmatch(key):
            return None, self._no_such_id(raw)
        close = difflib.get_close_matches(key, list(self.aliases), n=1, cutoff=0.75)
        if close:
            guess = self.display.get(close[0], close[0])
            return None, f"{show(raw)} is not in the article: did you mean {show(guess)}?"
        if re.fullmatch(r"\d+", key) and self._ids():
            return (
                None,
                f"{show(raw)}: write the id as the table does, e.g. {show(self._ids()[0])}.",
            )
        return None, f"{show(raw)} is not one of the {self.noun} in the article."

    def _ids(self) -> list[str]:
        """The ids among the known values (p01, s17, q03), sorted."""
        return sorted({v for v in self.display.values() if ID_LIKE.fullmatch(v)})

    def _no_such_id(self, raw: str) -> str:
        # A typo in an id is not a near-miss worth naming: s71 is not "nearly" s17.
        ids = self._ids()
        span = f"; the ids run from {show(ids[0])} to {show(ids[-1])}" if ids else ""
        return f"{show(raw)} is not an id of the {self.noun} in the article{span}."


# --- does a free text speak of the article? -------------------------------------------------

TOKEN = re.compile(r"[^\W_](?:[\w'’.,-]*[^\W_])?")
# Words that are capitalised in any text: a football report names weekdays and months too.
CALENDAR = set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
# Cue verbs any report uses, and capitalised words of names that are everyday words too
# ("Nuclear Power Plant", "City Hall"): neither shows that a text is about this article.
PLAIN_CUES = set(
    "say says said saying told tell tells added adds called calls asked noted stated wrote "
    "explained according".split()
)
COMMON = set(
    "the a an of and for in on at to new former president minister prime official officials "
    "government state states united nation national international university school college "
    "law science political power plant nuclear city town hall council community centre center "
    "street road news times post daily friends party club team league cup house court office "
    "north south east west northern southern eastern western american americans european "
    "pitch group public people world".split()
)
YEAR = re.compile(r"(19|20)\d\d")


def _tokens(text: str) -> list[str]:
    return [re.sub(r"['’]s$", "", t) for t in TOKEN.findall(text)]


@per_article
def article_terms(art) -> frozenset[str]:
    """Words only this article is likely to use, case-folded: the names of people, places and
    groups (capitalised inside a sentence and never lower-case), the actors' and documents'
    names, its numbers, its unusual cue verbs ("insisted") and the places its demands name.
    A reflection that uses none of them speaks of nothing in the article."""
    lower, capital = set(), set()
    for text in art.sentences.text:
        for position, token in enumerate(_tokens(str(text).lstrip(QUOTE_CHARS + " ("))):
            if token.islower():
                lower.add(token)
            elif token[:1].isupper() and position > 0:
                capital.add(token)
    lower = {t.casefold() for t in lower}
    terms = {t.casefold() for t in capital}
    for name in article_names(art):
        terms.update(t.casefold() for t in _tokens(name) if t[:1].isupper())
    terms = {t for t in terms if t not in lower and len(t) >= 3}
    for places in art.demands.places:
        for place in places if isinstance(places, list | tuple) else ():
            terms.update(t.casefold() for t in _tokens(str(place)) if len(t) >= 3)
    for token in _tokens(" ".join(str(t) for t in art.sentences.text)):
        if token[:1].isdigit() and len(token) >= 3 and not YEAR.fullmatch(token):
            terms.add(token.casefold())
    terms.update(c.casefold() for c in art.quotes.cue if str(c).casefold() not in PLAIN_CUES)
    return frozenset(terms - CALENDAR - COMMON)


@per_article
def article_names(art) -> tuple[str, ...]:
    """The names of the article's actors and documents and the names and metonyms that stand
    for them ("City Hall"), as printed."""
    mentions = art.mentions
    names = [*art.actors.name, *art.documents.name]
    names += list(mentions.loc[mentions.form.isin(["name", "metonym"]), "text"])
    return tuple(dict.fromkeys(str(n) for n in names if isinstance(n, str) and n.strip()))


def _names_in(text: str, art) -> bool:
    folded = f" {' '.join(_tokens(text.casefold()))} "
    for name in article_names(art):
        name = re.sub(r"^(the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
        phrase = " ".join(_tokens(name.casefold()))
        # Only proper names: "City Hall" counts, a description ("the town") does not.
        if name[:1].isupper() and len(phrase) >= 4 and f" {phrase} " in folded:
            return True
    return False


def quoted_from(text: str, article_text: str) -> list[str]:
    """The phrases a text puts in quotation marks that are words of the article."""
    quoted = re.findall(r"[\"“‘'«]([^\"“”‘’'«»]{3,120})[\"”’'»]", text)
    haystack = " ".join(article_text.casefold().split())
    return [q for q in quoted if " ".join(q.casefold().split()).strip(" .,;:") in haystack]


def mentions_article(text: str, articles: Iterable) -> bool:
    """True when ``text`` names something from one of the articles, or quotes its words."""
    words = {t.casefold() for t in _tokens(text)}
    for art in articles:
        if words & article_terms(art) or _names_in(text, art) or quoted_from(text, art.text):
            return True
    return False
