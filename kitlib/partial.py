"""Partial credit for graded cells: ``kitlib.points(ID, answer, out_of=P)``, a number.

nbgrader scores a graded test cell whose last value is a number as that many points (its
``utils.determine_grade``: an ``execute_result`` whose text is a float between 0 and the cell's
points), so a graded cell that ends with ``kitlib.points(...)`` gives part of the points::

    ### BEGIN HIDDEN TESTS
    kitlib.points("quotes.direct-speakers", answer, out_of=2)
    ### END HIDDEN TESTS

A right answer (the same verdict as ``kitlib.check``) earns ``out_of``. A wrong answer to an
exercise made of several parts earns the share of parts it has right, less one part for each
part that does not belong (so that listing everything earns nothing):

- a list of names or ids: the items that are in the answer, less the wrong or unknown ones;
- labels for items: the items labelled right, less items that are not part of the task;
- a table: the rows that match, less the rows beyond the expected number.

One item, a number or a choice is right or wrong; a reflection is never graded by the kit.
The share is rounded down to hundredths of a point and stays below ``out_of``: only a right
answer earns every point. Nothing is counted or recorded (this is not an attempt) and nothing
is printed: nbgrader gives no credit to a cell that writes to stderr.
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections import Counter
from typing import Any

__all__ = ["points", "credit"]


def points(exercise_id: str, answer: Any = ..., out_of: float | None = None, *, article=None):
    """The points ``answer`` earns, as a plain float from 0 to ``out_of`` (default: the
    exercise's points). Raises only on a grader's mistake (an unknown exercise id, a
    reflection, ``out_of`` not a positive number), never on a student's answer."""
    from kitlib import framework as registry

    exercise = registry.get(exercise_id) if isinstance(exercise_id, str) else None
    if exercise is None:
        close = registry.suggest(exercise_id) if isinstance(exercise_id, str) else []
        guess = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        raise ValueError(f"kitlib.points: there is no exercise {exercise_id!r}{guess}")
    if exercise.kind == "reflection":
        raise ValueError(
            f"kitlib.points: {exercise_id} is a reflection; the kit never grades reflections "
            "(grade it by hand, e.g. in nbgrader's formgrader)"
        )
    total = _out_of(exercise, out_of)
    return _floor(total * credit(exercise_id, answer, article=article))


def credit(exercise_id: str, answer: Any = ..., *, article=None) -> float:
    """The share of the exercise ``answer`` has right: 1.0 when ``kitlib.check`` says
    "Correct", else a share below 1 (see the module's docstring)."""
    from kitlib.checking import _article, diagnose
    from kitlib.framework import get
    from kitlib.framework.compare import plain

    feedback = diagnose(exercise_id, answer, article=article)
    if feedback.status == "error":
        # The checker failed: say so to the grader instead of a silent zero.
        raise RuntimeError(f"kitlib.points({exercise_id!r}): {feedback.message}")
    if feedback.status == "correct":
        return 1.0
    if feedback.status != "incorrect":
        return 0.0  # not answered yet
    exercise, art = get(exercise_id), _article(article)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            share = _share(exercise, plain(answer), art)
        except Exception:  # an answer odd enough to defeat the count earns no part
            share = 0.0
    # Only a right answer earns every point (e.g. the right names in the wrong order).
    share = max(share, 0.0)
    return 0.5 if share >= 1 else share


def _share(exercise, answer: Any, art) -> float:
    own = getattr(exercise, "credit", None)  # a kind that knows its own partial credit
    if callable(own):
        return float(own(answer, art))
    share = {"names": _names_share, "classify": _classify_share, "table": _table_share}
    return share[exercise.kind](exercise, answer, art) if exercise.kind in share else 0.0


def _names_share(exercise, answer: Any, art) -> float:
    read = exercise._read(answer, art)
    if not isinstance(read, tuple):
        return 0.0  # the answer is not a list at all
    got, problems = read
    expected = set(exercise.reference(art))
    if not expected:
        return 0.0
    found = sum(1 for item in got if item in expected)
    wrong = len(got) - found + len(problems)
    return (found - wrong) / len(expected)


def _classify_share(exercise, answer: Any, art) -> float:
    from kitlib.framework import Resolver, _item_aliases, _labels, label_key
    from kitlib.framework.compare import read_pairs

    pairs = read_pairs(answer, exercise.columns)
    expected = exercise.reference(art)
    if not isinstance(pairs, list | tuple) or not expected:
        return 0.0
    resolver = Resolver(*_item_aliases(art, exercise), exercise.noun)
    allowed = _labels(art, exercise)
    labelled: dict[str, str | None] = {}
    for raw_item, raw_label in pairs:
        item, problem = resolver.resolve(raw_item)
        if not problem:
            labelled[item] = allowed.get(label_key(raw_label))
    right = sum(1 for item, label in labelled.items() if expected.get(item) == label)
    not_asked = sum(1 for item in labelled if item not in expected)
    return (right - not_asked) / len(expected)


def _table_share(exercise, answer: Any, art) -> float:
    from kitlib.framework.compare import cell_key, read_frame

    expected = exercise.reference(art)
    frame = read_frame(answer, list(expected.columns))
    if not hasattr(frame, "itertuples") or expected.empty:
        return 0.0
    want = Counter(tuple(map(cell_key, row)) for row in expected.itertuples(index=False))
    have = Counter(tuple(map(cell_key, row)) for row in frame.itertuples(index=False))
    matched = sum((want & have).values())
    surplus = max(0, len(frame) - len(expected))
    return (matched - surplus) / len(expected)


def _out_of(exercise, out_of: Any) -> float:
    total = exercise.points if out_of is None else out_of
    if isinstance(total, bool) or not isinstance(total, numbers.Real) or not total > 0:
        raise ValueError(
            f"kitlib.points({exercise.exercise_id!r}): out_of must be a positive number (the "
            f"graded cell's points), not {out_of!r}"
        )
    return float(total)


def _floor(value: float) -> float:
    # A plain float: nbgrader reads the cell's text/plain, and numpy's "np.float64(1.0)"
    # would not parse as a number (nbgrader then gives full marks).
    return float(math.floor(value * 100 + 1e-9) / 100)
