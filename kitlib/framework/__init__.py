"""The exercise framework: the kinds of exercise and the registry that holds them.

Declaring an exercise registers it (see README.md in this folder)::

    from kitlib.framework import Item

    Item("article.byline", "Which paragraph is the byline? Give its paragraph_id.",
         answer=lambda art: art.paragraphs.query("role == 'byline'").paragraph_id.iloc[0],
         vocab="paragraphs", hints=["Look at the `role` column of `art.paragraphs`."])

Every reference answer is a function of the article (``answer=lambda art: ...``), so the same
exercise checks any annotated article. The lessons' exercises live in ``kitlib.lessons``
(files named ``lNN_topic.py``), imported on first use.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import KW_ONLY, dataclass, field
from typing import Any, ClassVar

from kitlib.framework.compare import (
    VOCABS,
    Evidence,
    Resolver,
    Verdict,
    all_of,
    cell_key,
    listing,
    mentions_article,
    norm,
    not_answered,
    per_article,
    plural,
    read_frame,
    read_items,
    read_number,
    read_pairs,
    recorded,
    right,
    safe_str,
    show,
    wrong,
)
from kitlib.framework.compare import singular as singular_of
from kitlib.framework.needs import NEEDS, missing_needs

__all__ = [
    "Exercise",
    "Names",
    "Item",
    "Number",
    "Choice",
    "Classify",
    "Table",
    "Reflection",
    "Evidence",
    "LESSONS",
    "get",
    "all_exercises",
    "suggest",
    "unregister",
    "load_errors",
]

# Lesson key (the part of an exercise id before the dot) -> the lesson it belongs to.
LESSONS = {
    "article": "00-meet-the-article",
    "actors": "01-actors",
    "demands": "02-demands",
    "quotes": "03-quotes",
    "sources": "04-source-attribution",
    "capstone": "05-your-turn",
    "machine": "06-machine-reading",
}
ID_PATTERN = re.compile(rf"^({'|'.join(LESSONS)})\.[a-z0-9]+(?:-[a-z0-9]+)*$")

_REGISTRY: dict[str, Exercise] = {}
_LOAD_ERRORS: dict[str, str] = {}
_loaded = False


def value_of(spec: Any, art) -> Any:
    """A spec may be a value or a function of the article; this gives the value."""
    return spec(art) if callable(spec) else spec


def _or_empty(found: Any) -> Any:
    """An author's value, or () for None (arrays and Series have no truth value)."""
    return () if found is None else found


@per_article
def _spec(art, exercise: Exercise, name: str) -> Any:
    """An exercise field's value for ``art``, computed once per article (checks stay fast)."""
    return value_of(getattr(exercise, name), art)


@per_article
def _mapping(art, exercise: Exercise, name: str) -> dict[str, Any]:
    """A dict field (or a function returning one) with its keys normalised for lookup."""
    return {
        norm(key): message for key, message in dict(_or_empty(_spec(art, exercise, name))).items()
    }


def _declaring_module() -> str:
    # The first frame outside this package is the module that declared the exercise.
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") in (__name__, "dataclasses"):
        frame = frame.f_back
    return frame.f_globals.get("__name__", "?") if frame is not None else "?"


@dataclass(eq=False)
class Exercise:
    """Fields every kind shares. ``hints`` are strings or functions of the article."""

    exercise_id: str
    prompt: str
    _: KW_ONLY
    points: float = 1
    lesson: str | None = None
    hints: Iterable[str | Callable] = ()
    explanation: str | Callable | None = None  # shown with a correct answer: why it is right
    needs: Iterable[str] = ()  # what the article must have (kitlib/framework/needs.py)
    empty_ok: bool = False  # an empty reference is a right answer, not "does not apply"
    module: str = field(default="", repr=False)
    kind: ClassVar[str] = "exercise"

    def __post_init__(self) -> None:
        if not ID_PATTERN.match(self.exercise_id):
            raise ValueError(
                f"exercise id {self.exercise_id!r} must look like 'lesson.short-name' with a "
                f"lesson key from {', '.join(LESSONS)} and lower-case words joined by '-'"
            )
        self.lesson = self.lesson or LESSONS[self.exercise_id.split(".")[0]]
        self.hints = tuple(self.hints)
        self.needs = tuple(self.needs)
        _known_needs(self.needs)
        self.module = self.module or _declaring_module()
        _register(self)

    # What a kind provides -------------------------------------------------------------
    def compute(self, art) -> Any:
        """The reference answer for ``art``, normalised for comparison."""
        raise NotImplementedError

    def judge(self, answer: Any, art) -> Verdict:
        raise NotImplementedError

    def last_hint(self, art) -> str:
        """The top rung of the hint ladder: nearly the answer."""
        return "Compare your answer with the table once more, row by row."

    # Shared behaviour -----------------------------------------------------------------
    def applies(self, art) -> str | None:
        """None when the exercise works on ``art``; else why not, completing "it is left
        out because ..." ("the article has no byline paragraph")."""
        return _why_not(art, self)

    def reference(self, art) -> Any:
        return _cached_reference(art, self)

    def solution(self, art) -> Any:
        """The reference answer as ``kitlib.solution`` returns it (a fresh copy)."""
        ref = self.reference(art)
        return list(ref) if isinstance(ref, tuple) else ref

    def ladder(self, art) -> list[str]:
        """The hints, reading first: rungs that point into the text come before rungs about
        pandas code (each group in the author's order), and the near-answer rung last."""
        hints = [str(value_of(h, art)) for h in self.hints]
        return sorted(hints, key=is_code_hint) + [self.last_hint(art)]

    def praise(self, text: str, art) -> str:
        why = _spec(art, self, "explanation")
        return f"{text} {why}" if why else text


CODE_HINT = re.compile(r"`|\b(?:art2?|df|table)\.\w|\.\w+\(|\[\[|\bpandas\b|\bDataFrame\b")


def is_code_hint(text: str) -> bool:
    """A hint about pandas (code in backticks, ``art.quotes``, ``.value_counts()``), as opposed
    to one that sends the student back to the text."""
    return bool(CODE_HINT.search(text))


@per_article
def _cached_reference(art, exercise: Exercise) -> Any:
    return exercise.compute(art)


@per_article
def _why_not(art, exercise: Exercise) -> str | None:
    missing = missing_needs(exercise.needs, art)
    if missing:
        return f"the article has no {listing(missing)}"
    try:
        reference = exercise.reference(art)
    except Exception as err:
        return f"its answer cannot be computed for this article ({type(err).__name__}: {err})"
    if _is_empty(reference) and not exercise.empty_ok:
        return "the article has nothing for it to ask about (its answer would be empty)"
    return None


def _is_empty(reference: Any) -> bool:
    try:
        return len(reference) == 0
    except TypeError:  # a number or a key: never empty
        return False


def _known_needs(names: tuple[str, ...]) -> None:
    unknown = [n for n in names if n not in NEEDS]
    if unknown:
        raise ValueError(f"unknown need(s) {unknown}; the needs are: {', '.join(NEEDS)}")


# --- names and ids ----------------------------------------------------------------------


@dataclass(eq=False, kw_only=True)
class Names(Exercise):
    """A set of names or ids, order-free and case-free (``ordered=True`` when order matters).

    ``vocab`` ("paragraphs", "sentences", "actors", "quotes", "claims", "demands",
    "documents", "figures") lets students answer with ids or names and points to the text.
    ``mistakes`` maps an item to what to say when it is given but is not one of them.
    """

    answer: Callable
    vocab: str | None = None
    noun: str | None = None  # plural: "speakers"
    column: str | None = None  # the column to read when the answer is a whole table
    ordered: bool = False
    mistakes: Mapping | Callable | None = None
    evidence: Callable | None = None  # art -> {item: Evidence or text}
    candidates: Iterable | Callable | None = None  # other known values, without a vocab
    kind: ClassVar[str] = "names"

    def __post_init__(self) -> None:
        if self.vocab is not None and self.vocab not in VOCABS:
            raise ValueError(f"vocab {self.vocab!r} is not one of {', '.join(VOCABS)}")
        super().__post_init__()

    def compute(self, art) -> tuple[str, ...]:
        values = value_of(self.answer, art)
        values = [values] if isinstance(values, str) else list(values)
        items = list(dict.fromkeys(str(v) for v in values))
        return tuple(items if self.ordered else sorted(items))

    def _noun(self) -> str:
        return self.noun or (VOCABS[self.vocab].noun if self.vocab else "items")

    def _column(self) -> str | None:
        return self.column or (VOCABS[self.vocab].id_column if self.vocab else None)

    def _resolver(self, art) -> Resolver:
        return _resolver(art, self)

    def _evidence(self, art) -> dict[str, Evidence]:
        return _evidence(art, self)

    def label(self, art, item: str) -> str:
        """How to print an item: actors by name, everything else as it is."""
        if self.vocab == "actors":
            return _actor_names(art).get(item, item)
        return item

    def _read(self, answer: Any, art) -> tuple[list[str], list[str]] | Verdict:
        """(canonical items in answer order, problems with items that are not in the text)."""
        items = read_items(answer, self._column())
        if isinstance(items, Verdict):
            return items
        resolver, mistakes = self._resolver(art), _mapping(art, self, "mistakes")
        got, problems = [], []
        for raw in items:
            canonical, problem = resolver.resolve(raw)
            if problem:
                known = mistakes.get(norm(raw))
                problems.append(f"{show(raw)} is not it: {known}" if known else problem)
            elif canonical not in got:
                got.append(canonical)
        return got, problems

    def judge(self, answer: Any, art) -> Verdict:
        read = self._read(answer, art)
        if isinstance(read, Verdict):
            return read
        got, problems = read
        expected, noun = self.reference(art), self._noun()
        if not got and not problems and not expected:
            return right(self.praise(f"None: this article has no such {noun}.", art))
        if not got and not problems:
            return wrong(f"The list is empty; the task asks for {noun}.")
        if not problems and set(got) == set(expected):
            names = listing([self.label(art, i) for i in expected], limit=8)
            if self.ordered and tuple(got) != tuple(expected):
                return wrong(f"These are the right {noun}, but not in the order the task asks.")
            return right(self.praise(f"{all_of(len(expected), noun)}: {names}.", art))
        return self._diagnose(got, problems, expected, art)

    def _diagnose(self, got, problems, expected, art) -> Verdict:
        noun, evidence, mistakes = (
            self._noun(),
            self._evidence(art),
            _mapping(art, self, "mistakes"),
        )
        found = [i for i in got if i in expected]
        extra = [i for i in got if i not in expected]
        missing = [i for i in expected if i not in got]
        if found:
            lines = [f"This list has {len(found)} of the {plural(len(expected), noun)}."]
        else:
            lines = [f"None of these is among the {noun} the task asks for."]
        lines += problems
        nudge = lines + [_names_mistake(len(extra), len(missing), noun)]
        quotes = []
        for item in extra:
            label = self.label(art, item)
            why = _without_name(mistakes.get(norm(item), ""), label)
            lines.append(f"{show(label)} is not one of them" + (f": {why}" if why else "."))
            if item in evidence:
                quotes.append(evidence[item].line())
        if missing:
            places = reading_order(
                art, dict.fromkeys(evidence[i].where for i in missing if i in evidence)
            )
            where = f": re-read {listing(places)}" if places else ""
            lines.append(f"{_still_missing(len(missing), noun)}{where}.")
        return wrong(" ".join(lines), quotes, nudge=" ".join(nudge))

    def last_hint(self, art) -> str:
        expected, noun = self.reference(art), self._noun()
        if not expected:
            return f"Nearly the answer: look hard, and be ready to find no {noun} at all."
        first = self.label(art, expected[0])
        return f"The answer has {plural(len(expected), noun)}; one of them is {show(first)}."


def _names_mistake(extra: int, missing: int, noun: str) -> str:
    """The kind of mistake in a list, without naming the items: a first wrong answer's nudge."""
    if extra and missing:
        return f"Some of these do not belong, and {_still_missing(missing, noun)}."
    if extra:
        return f"{extra} of these {'does' if extra == 1 else 'do'} not belong."
    return f"{_still_missing(missing, noun)}." if missing else ""


def _still_missing(count: int, noun: str) -> str:
    verb = "is" if count == 1 else "are"
    return f"{plural(count, noun)} {verb} still missing"


def _without_name(message: str, label: str) -> str:
    """A lesson's note that starts with the item's own name ("Kremlin: a place...") would
    repeat it after "'Kremlin' is not one of them"; drop the repeat."""
    message = str(message or "").strip()
    for prefix in (f"{label}:", f"{label} -", f"{label},"):
        if message.casefold().startswith(prefix.casefold()):
            return message[len(prefix) :].strip()
    return message


def reading_order(art, places) -> list[str]:
    """Places such as "paragraph p19" sorted as the text runs (p04 before p11 before p19)."""
    order = {str(p): i for i, p in enumerate(art.paragraphs.paragraph_id)}
    order.update({str(s): i for i, s in enumerate(art.sentences.sentence_id)})

    def position(place: str) -> tuple[int, int]:
        ids = re.findall(r"\b[a-z]\d+\b", place)
        known = [order[i] for i in ids if i in order]
        return (0, min(known)) if known else (1, 0)

    return sorted(places, key=position)


@dataclass(eq=False, kw_only=True)
class Item(Names):
    """One name or id (a paragraph, a sentence, a speaker); ``answer`` returns it."""

    kind: ClassVar[str] = "item"

    def compute(self, art) -> tuple[str, ...]:
        values = value_of(self.answer, art)
        if not isinstance(values, str):
            values = list(values)
            if len(values) != 1:
                raise ValueError(f"{self.exercise_id}: the reference must be one item: {values}")
            values = values[0]
        return (str(values),)

    def solution(self, art) -> str:
        return self.reference(art)[0]

    def judge(self, answer: Any, art) -> Verdict:
        read = self._read(answer, art)
        if isinstance(read, Verdict):
            return read
        got, problems = read
        singular = singular_of(self._noun())
        if len(got) + len(problems) > 1:
            return wrong(
                f"The task asks for one {singular}; this answer has {len(got) + len(problems)}."
            )
        if problems:
            return wrong(problems[0])
        if not got:
            return wrong(f"The answer is empty; the task asks for one {singular}.")
        expected, evidence = self.reference(art)[0], self._evidence(art)
        if got[0] == expected:
            quote = [evidence[expected].line()] if expected in evidence else []
            return right(self.praise(f"{self.label(art, expected)}.", art), quote)
        given = got[0]
        quote = [evidence[given].line()] if given in evidence else []
        label = self.label(art, given)
        message = _without_name(_mapping(art, self, "mistakes").get(norm(given), ""), label)
        shown = show(label)
        kind = f"a {singular} of the article" if self.vocab else "an answer here"
        nudge = f"{shown} is {kind}, but not the one the task asks for."
        return wrong(
            f"{shown} is not it: {message}" if message else f"{shown} is not it.", quote, nudge
        )

    def last_hint(self, art) -> str:
        expected = self.reference(art)[0]
        where = self._evidence(art).get(expected)
        if where is not None:
            return f"Nearly the answer: look at {where.where}."
        return f"Nearly the answer: it starts with {show(self.label(art, expected)[:2])}."


@per_article
def _resolver(art, exercise: Names) -> Resolver:
    aliases, display = VOCABS[exercise.vocab].aliases(art) if exercise.vocab else ({}, {})
    aliases, display = dict(aliases), dict(display)  # the vocabulary's own dicts are shared
    known = list(exercise.reference(art)) + [
        str(c) for c in _or_empty(value_of(exercise.candidates, art))
    ]
    for value in known:
        aliases.setdefault(norm(value), value)
        display.setdefault(norm(value), value)
    return Resolver(aliases, display, exercise._noun())


@per_article
def _evidence(art, exercise: Names) -> dict[str, Evidence]:
    if exercise.evidence is not None:
        found = exercise.evidence(art)
        return {k: v if isinstance(v, Evidence) else Evidence(str(v)) for k, v in found.items()}
    return VOCABS[exercise.vocab].evidence(art) if exercise.vocab else {}


@per_article
def _actor_names(art) -> dict[str, str]:
    return dict(zip(art.actors.actor_id, art.actors.name, strict=True))


# --- a number -----------------------------------------------------------------------------


@dataclass(eq=False, kw_only=True)
class Number(Exercise):
    """A number (a count, a sum); ``mistakes`` maps known wrong numbers to a diagnosis."""

    answer: Callable
    tolerance: float = 0
    noun: str = ""  # what is counted, plural: "body paragraphs"
    mistakes: Mapping | Callable | None = None
    kind: ClassVar[str] = "number"

    def compute(self, art) -> float:
        return float(value_of(self.answer, art))

    def solution(self, art) -> int | float:
        value = self.reference(art)
        return int(value) if value.is_integer() else value

    def judge(self, answer: Any, art) -> Verdict:
        number = read_number(answer)
        if isinstance(number, Verdict):
            return number
        expected = self.reference(art)
        shown = _number_text(expected)
        if abs(number - expected) <= self.tolerance:
            return right(self.praise(f"{shown} {self.noun}".rstrip() + ".", art))
        mistakes = {float(k): v for k, v in dict(_or_empty(_spec(art, self, "mistakes"))).items()}
        side = "high" if number > expected else "low"
        close = abs(number - expected) <= max(1, self.tolerance * 2)
        nudge = f"{_number_text(number)} is {'close, but a little ' if close else ''}too {side}."
        if number in mistakes:
            return wrong(f"{_number_text(number)} is not it: {mistakes[number]}", nudge=nudge)
        if close:
            return wrong(
                f"{nudge[:-1]}: check each row you counted against what the task asks for, "
                f"and look for one {'you should leave out' if side == 'high' else 'you left out'}.",
                nudge=nudge,
            )
        return wrong(f"{_number_text(number)} is too {side}; check which rows you counted.")

    def last_hint(self, art) -> str:
        expected = self.reference(art)
        low, high = expected - max(2, self.tolerance), expected + max(2, self.tolerance)
        return f"Nearly the answer: it is between {_number_text(low)} and {_number_text(high)}."


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --- multiple choice ---------------------------------------------------------------------


@dataclass(eq=False, kw_only=True)
class Choice(Exercise):
    """One option out of several. ``options``: key -> text; ``feedback``: key -> why.

    Each wrong option's feedback names the misconception it stands for. ``answer`` is the
    key of the right option, or a function of the article returning it.
    """

    options: Mapping[str, str]
    answer: str | Callable
    feedback: Mapping | Callable = field(default_factory=dict)
    kind: ClassVar[str] = "choice"

    def compute(self, art) -> str:
        key = str(value_of(self.answer, art))
        if key not in self.options:
            raise ValueError(f"{self.exercise_id}: answer {key!r} is not an option key")
        return key

    def _why(self, key: str, art) -> str:
        return str(dict(_or_empty(_spec(art, self, "feedback"))).get(key, ""))

    def _pick(self, answer: Any) -> str | Verdict:
        if answer is Ellipsis:
            return not_answered()
        keys = ", ".join(show(k) for k in self.options)
        items = read_items(answer)
        if isinstance(items, Verdict) or len(items) != 1:
            return wrong(f"Choose one option and give its key as text: one of {keys}.")
        raw = items[0]
        given = re.sub(r"^(option|answer)\s+", "", norm(raw)).strip("()[] ")
        by_key = {norm(k): k for k in self.options}
        by_text = {norm(t): k for k, t in self.options.items()}
        if given in by_key:
            return by_key[given]
        if given in by_text:
            return by_text[given]
        close = difflib.get_close_matches(given, list(by_text), n=1, cutoff=0.7)
        if close and difflib.SequenceMatcher(None, given, close[0]).ratio() >= 0.9:
            return by_text[close[0]]  # the option's text, retyped with a slip
        if close:
            key = by_text[close[0]]
            return wrong(
                f"{show(raw)} is not an option: did you mean option {show(key)} "
                f"({show(self.options[key])})? Give the key, e.g. {show(key)}."
            )
        if re.fullmatch(r"\d+", given):
            return wrong(f"Give the key of the option as text ({keys}), not its number.")
        return wrong(f"{show(raw)} is not one of the options; the keys are {keys}.")

    def judge(self, answer: Any, art) -> Verdict:
        key = self._pick(answer)
        if isinstance(key, Verdict):
            return key
        expected = self.reference(art)
        why = self._why(key, art)
        if key == expected:
            return right(
                self.praise(f"({key}) {self.options[key].rstrip('.')}. {why}".strip(), art)
            )
        return wrong(f"Not ({key}). {why}".strip())

    def last_hint(self, art) -> str:
        expected = self.reference(art)
        others = [k for k in self.options if k != expected]
        if len(others) < 2:
            return f"Nearly the answer: it is not {show(others[0])}." if others else ""
        # Keep the right option and the first distractor; rule out the rest.
        keep = sorted([expected, others[0]], key=list(self.options).index)
        return f"Nearly the answer: it is either {show(keep[0])} or {show(keep[1])}."


# --- classification ----------------------------------------------------------------------


@dataclass(eq=False, kw_only=True)
class Classify(Exercise):
    """A label for each item (``sentence_id -> source_type``); ``answer`` returns the dict.

    ``labels`` lists the allowed labels (default: those in the reference); ``mistakes`` maps
    an item to what to say when it is mislabelled.
    """

    answer: Callable
    labels: Iterable[str] | Callable | None = None
    vocab: str | None = None
    noun: str = "items"
    columns: tuple[str, str] | None = None  # the two columns to read from a table answer
    mistakes: Mapping | Callable | None = None
    evidence: Callable | None = None
    kind: ClassVar[str] = "classify"

    def compute(self, art) -> dict[str, str]:
        found = value_of(self.answer, art)
        items = found.items() if hasattr(found, "items") else found
        return {str(k): str(v) for k, v in items}

    def solution(self, art) -> dict[str, str]:
        return dict(self.reference(art))

    def judge(self, answer: Any, art) -> Verdict:
        pairs = read_pairs(answer, self.columns)
        if isinstance(pairs, Verdict):
            return pairs
        expected = self.reference(art)
        resolver = Resolver(*_item_aliases(art, self), self.noun)
        allowed = _labels(art, self)
        got, problems = {}, []
        for raw_item, raw_label in pairs:
            item, problem = resolver.resolve(raw_item)
            label = allowed.get(label_key(raw_label))
            if problem:
                problems.append(problem)
            elif label is None:
                close = difflib.get_close_matches(
                    label_key(raw_label), list(allowed), n=1, cutoff=0.7
                )
                if close:
                    tail = f"did you mean {show(allowed[close[0]])}?"
                else:
                    labels = dict.fromkeys(allowed.values())
                    tail = f"the labels are {listing(show(v) for v in labels)}."
                problems.append(f"{item}: {show(raw_label)} is not a label here: {tail}")
                got[item] = None
            else:
                got[item] = label
        wrong_items = [i for i in expected if i in got and got[i] not in (None, expected[i])]
        missing = [i for i in expected if i not in got]
        extra = [i for i in got if i not in expected]
        if not (wrong_items or missing or extra or problems):
            return right(self.praise(f"{all_of(len(expected), self.noun)} labelled right.", art))
        return self._diagnose(art, expected, got, wrong_items, missing, extra, problems)

    def _diagnose(self, art, expected, got, wrong_items, missing, extra, problems) -> Verdict:
        ok = sum(1 for i in expected if got.get(i) == expected[i])
        lines = [f"{ok} of the {plural(len(expected), self.noun)} labelled right."] + problems
        kinds = [f"{len(wrong_items)} with another label"] if wrong_items else []
        kinds += [f"{len(missing)} not labelled yet"] if missing else []
        kinds += [f"{len(extra)} not part of this task"] if extra else []
        nudge = " ".join(lines + ([f"Of the others: {listing(kinds)}."] if kinds else []))
        evidence, mistakes = _class_evidence(art, self), _mapping(art, self, "mistakes")
        quotes = []
        for item in wrong_items[:4]:
            why = f": {mistakes[norm(item)]}" if norm(item) in mistakes else "."
            lines.append(f"{item}: {show(got[item])} does not fit{why}")
            if item in evidence:
                quotes.append(evidence[item].line())
        if len(wrong_items) > 4:
            lines.append(f"({len(wrong_items) - 4} more mislabelled.)")
        if missing:
            lines.append(f"Not labelled yet: {listing(missing)}.")
        if extra:
            lines.append(f"Not part of this task: {listing(extra)}.")
        return wrong(" ".join(lines), quotes, nudge)

    def last_hint(self, art) -> str:
        expected = self.reference(art)
        counts = Counter(expected.values())
        spread = listing(f"{n} × {show(label)}" for label, n in counts.most_common())
        first = next(iter(expected), None)
        tip = f"; {first} is {show(expected[first])}" if first else ""
        return f"Nearly the answer: the labels are {spread}{tip}."


@per_article
def _item_aliases(art, exercise: Classify) -> tuple[dict[str, str], dict[str, str]]:
    aliases, display = VOCABS[exercise.vocab].aliases(art) if exercise.vocab else ({}, {})
    aliases, display = dict(aliases), dict(display)
    for item in exercise.reference(art):
        aliases.setdefault(norm(item), item)
        display.setdefault(norm(item), item)
    return aliases, display


@per_article
def _labels(art, exercise: Classify) -> dict[str, str]:
    labels = value_of(exercise.labels, art)
    labels = exercise.reference(art).values() if labels is None else labels
    return {label_key(label): str(label) for label in labels}


def label_key(label: object) -> str:
    """Labels match with "_", "-" and spaces forgiven: 'author bio' is 'author_bio'."""
    return re.sub(r"[\s_-]+", " ", norm(label))


@per_article
def _class_evidence(art, exercise: Classify) -> dict[str, Evidence]:
    if exercise.evidence is not None:
        found = exercise.evidence(art)
        return {k: v if isinstance(v, Evidence) else Evidence(str(v)) for k, v in found.items()}
    return VOCABS[exercise.vocab].evidence(art) if exercise.vocab else {}


# --- a pandas table ----------------------------------------------------------------------


def _pair_rows(want: list[tuple], have: list[tuple], key: int):
    """(pairs of (expected, given) row indexes, expected rows left, given rows left).

    Equal rows pair first, then rows with the same key, then rows that share the most
    values (at least half of them), each given row used once."""
    pairs, free = [], list(range(len(have)))
    lone = []
    for rule in ("equal", "key", "alike"):
        lone = []
        for w in [w for w in range(len(want)) if w not in {p[0] for p in pairs}]:
            match = _best_match(want[w], [(h, have[h]) for h in free], key, rule)
            if match is None:
                lone.append(w)
            else:
                pairs.append((w, match))
                free.remove(match)
    return sorted(pairs), lone, free


def _best_match(row: tuple, candidates: list, key: int, rule: str) -> int | None:
    if rule == "equal":
        return next((h for h, other in candidates if other == row), None)
    if rule == "key":
        return next((h for h, other in candidates if other[key] == row[key]), None)
    scored = [(sum(a == b for a, b in zip(row, other, strict=False)), h) for h, other in candidates]
    scored = [(n, h) for n, h in scored if 2 * n >= len(row)]
    return max(scored, key=lambda t: (t[0], -t[1]))[1] if scored else None


@dataclass(eq=False, kw_only=True)
class Table(Exercise):
    """A DataFrame compared on ``columns`` (default: all of the reference's), order-free.

    ``key`` names the column that identifies a row, so messages can say which rows differ.
    """

    answer: Callable
    columns: Iterable[str] | None = None
    key: str | None = None
    kind: ClassVar[str] = "table"

    def compute(self, art):
        frame = value_of(self.answer, art)
        frame = frame.reset_index() if self.key and self.key in (frame.index.names or []) else frame
        columns = list(self.columns) if self.columns else list(frame.columns)
        return frame[columns].reset_index(drop=True)

    def solution(self, art):
        return self.reference(art).copy()

    def judge(self, answer: Any, art) -> Verdict:
        expected = self.reference(art)
        columns = list(expected.columns)
        frame = read_frame(answer, columns)
        if isinstance(frame, Verdict):
            return frame
        want = [tuple(cell_key(v) for v in row) for row in expected.itertuples(index=False)]
        have = [tuple(cell_key(v) for v in row) for row in frame.itertuples(index=False)]
        if Counter(want) == Counter(have):
            verb = "matches" if len(want) == 1 else "match"
            return right(self.praise(f"{all_of(len(want), 'rows')} {verb}.", art))
        if self.key:
            return self._by_key(expected, frame, columns)
        missing = sum((Counter(want) - Counter(have)).values())
        extra = sum((Counter(have) - Counter(want)).values())
        lines = [f"The table has {plural(len(have), 'rows')}; the task expects {len(want)}."]
        if missing:
            lines.append(f"{plural(missing, 'expected rows')} are not in it (or differ).")
        if extra:
            lines.append(f"{plural(extra, 'rows')} should not be there (or differ).")
        return wrong(" ".join(lines))

    def _by_key(self, expected, frame, columns) -> Verdict:
        """Pair each expected row with the given row most like it, so that a wrong value in
        the key column itself reads as a wrong value, not as a missing and a doubled row."""
        k = columns.index(self.key)
        want = [tuple(cell_key(v) for v in row) for row in expected.itertuples(index=False)]
        have = [tuple(cell_key(v) for v in row) for row in frame.itertuples(index=False)]
        shown_want = [safe_str(row[k]) for row in expected.itertuples(index=False)]
        shown_have = [safe_str(row[k]) for row in frame.itertuples(index=False)]
        pairs, lone_want, lone_have = _pair_rows(want, have, k)
        differ = []
        for w, h in pairs:
            bad = [c for i, c in enumerate(columns) if want[w][i] != have[h][i]]
            if bad and want[w][k] == have[h][k]:
                differ.append(f"{show(shown_want[w])} ({listing(show(c) for c in bad)})")
            elif bad:
                given = show(shown_have[h])
                differ.append(f"your row {given} ({listing(show(c) for c in bad)})")
        right_rows = sum(1 for w, h in pairs if want[w] == have[h])
        verb = "is" if right_rows == 1 else "are"
        lines = [f"{right_rows} of the {len(want)} rows {verb} right."]
        doubles, extra = [], []
        for h in lone_have:
            twice = have[h] in (have[j] for j in range(len(have)) if j != h)
            (doubles if twice else extra).append(show(shown_have[h]))
        kinds = [f"{len(differ)} with other values"] if differ else []
        kinds += [f"{len(lone_want)} missing"] if lone_want else []
        kinds += [f"{len(doubles) + len(extra)} that should not be there"] if lone_have else []
        nudge = " ".join(lines + ([f"Of the others: {listing(kinds)}."] if kinds else []))
        if differ:
            lines.append(f"Rows with other values: {listing(differ)}.")
        if doubles:
            lines.append(f"Rows given twice: {listing(dict.fromkeys(doubles))}.")
        if lone_want:
            lines.append(f"Missing rows: {listing(show(shown_want[w]) for w in lone_want)}.")
        if extra:
            lines.append(f"Rows that should not be there: {listing(extra)}.")
        return wrong(" ".join(lines), nudge=nudge)

    def last_hint(self, art) -> str:
        expected = self.reference(art)
        if expected.empty:
            return "Nearly the answer: the table is empty."
        first = ", ".join(f"{c}={safe_str(v)}" for c, v in expected.iloc[0].items())
        return f"Nearly the answer: the table has {plural(len(expected), 'rows')}; one is {first}."


# --- a free-text reflection ----------------------------------------------------------------


OFF_TOPIC = (
    "Your text names nothing from the article: no one in it, no place, no words quoted from "
    "it. Point to the text: who or what in the article do you mean?"
)
PLACEHOLDERS = {"", "your answer here", "todo", "...", "…", "answer", "write your answer here"}


@dataclass(eq=False, kw_only=True)
class Reflection(Exercise):
    """Free text, recorded and never graded: a real attempt of ``min_words`` words is
    "Recorded, not graded" (never "correct"), with a self-check list and the model answer.

    ``model_answer`` is prose (the one place a reference is typed in). ``ideas`` maps an idea
    of the model answer to words that show it; ideas the text does not touch are named.
    """

    model_answer: str
    min_words: int = 25
    ideas: Mapping[str, Iterable[str]] = field(default_factory=dict)
    kind: ClassVar[str] = "reflection"

    def compute(self, art) -> str:
        return str(value_of(self.model_answer, art))

    def judge(self, answer: Any, art) -> Verdict:
        if answer is Ellipsis:
            return not_answered()
        if isinstance(answer, bytes):
            answer = answer.decode("utf-8", "replace")
        if not isinstance(answer, str):
            return wrong('Write the reflection as text in quotes: answer = """Your words..."""')
        text = answer.strip()
        if norm(text) in PLACEHOLDERS:
            return not_answered(written=True)
        words = re.findall(r"\w+", text.casefold())
        if norm(text) == norm(self.prompt):
            return wrong("This repeats the question; write your own thoughts about it.")
        off_topic = "" if mentions_article(text, _articles_for(art)) else OFF_TOPIC
        if len(words) < self.min_words:
            start = (
                f"A start ({plural(len(words), 'words')}). The task asks for at least "
                f"{self.min_words} words: say what you noticed and why it matters."
            )
            return wrong(f"{start} {off_topic}".strip())
        if len(set(words)) < max(5, len(words) // 4):
            return wrong("This text repeats the same few words; write it out in sentences.")
        lines = [
            f"Your reflection is recorded ({plural(len(words), 'words')}). Reflections are "
            "not graded: check it against the list below, then compare it with a model answer."
        ]
        if off_topic:
            lines.append(off_topic)
        untouched = [
            idea
            for idea, cues in self.ideas.items()
            if not any(norm(c) in text.casefold() for c in cues)
        ]
        if untouched:
            lines.append(f"The model answer also touches on {listing(untouched)}: worth a thought.")
        return recorded(" ".join(lines), [self.reference(art)], self.checklist(art))

    def checklist(self, art) -> list[str]:
        """What a good answer covers: the ideas of the model answer, else its first sentences."""
        if self.ideas:
            return [str(idea) for idea in self.ideas]
        sentences = re.split(r"(?<=[.!?])\s+", self.reference(art).strip())
        return [safe_str(s, 90) for s in sentences[:3] if s]

    def last_hint(self, art) -> str:
        if self.ideas:
            return f"A good answer talks about {listing(list(self.ideas))}."
        return f"A good answer starts like this: {self.reference(art).split('. ')[0]}."


def _articles_for(art) -> list:
    """The article a reflection is about, and the one in use when that is another (the
    capstone compares the two)."""
    articles = [art]
    try:
        from kitlib.article import current_article

        current = current_article()
        if current is not art:
            articles.append(current)
    except Exception:  # no article in use: the reflection's own article is enough
        pass
    return articles


# --- the registry -------------------------------------------------------------------------


def _register(exercise: Exercise) -> None:
    old = _REGISTRY.get(exercise.exercise_id)
    if old is not None and old.module != exercise.module:
        raise ValueError(
            f"exercise id {exercise.exercise_id!r} is already declared in {old.module}; "
            "pick another short name"
        )
    _REGISTRY[exercise.exercise_id] = exercise  # the same module again: a reload, replace


def unregister(exercise_id: str) -> None:
    """Forget an exercise (for tests that declare throwaway ones)."""
    _REGISTRY.pop(exercise_id, None)


def load_lessons() -> None:
    """Import every lesson module (``kitlib/lessons/lNN_topic.py``), once."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import kitlib.lessons as lessons

    for info in sorted(pkgutil.iter_modules(lessons.__path__), key=lambda m: m.name):
        if re.fullmatch(r"l\d\d_\w+", info.name):
            try:
                importlib.import_module(f"{lessons.__name__}.{info.name}")
            except Exception as err:  # one broken lesson must not take the others down
                _LOAD_ERRORS[info.name] = f"{type(err).__name__}: {err}"


def load_errors() -> dict[str, str]:
    """Lesson modules that failed to import, with the error (empty when all is well)."""
    load_lessons()
    return dict(_LOAD_ERRORS)


def get(exercise_id: str) -> Exercise | None:
    load_lessons()
    return _REGISTRY.get(exercise_id)


def all_exercises() -> list[Exercise]:
    load_lessons()
    return sorted(_REGISTRY.values(), key=lambda e: (e.lesson, e.exercise_id))


def suggest(exercise_id: str, n: int = 3) -> list[str]:
    """Registered ids close to a mistyped one."""
    load_lessons()
    wanted = norm(exercise_id)
    ids = list(_REGISTRY)
    close = difflib.get_close_matches(wanted, ids, n=n, cutoff=0.6)
    if not close:  # the short name alone ("direct-speakers") or a wrong lesson key
        tails = {i.split(".", 1)[1]: i for i in ids}
        short = wanted.split(".", 1)[-1]
        close = [tails[t] for t in difflib.get_close_matches(short, list(tails), n=n, cutoff=0.6)]
    return close
