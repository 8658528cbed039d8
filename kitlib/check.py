"""Check exercise answers: ``check``, ``hint``, ``solution``, ``exercises``, ``use_article``.

    import kitlib
    kitlib.check("article.byline", "p19")      # a Feedback box in JupyterLab, text elsewhere
    kitlib.hint("article.byline")              # one rung higher on each call
    kitlib.solution("article.byline")          # computed from the article's annotation

None of these raises on a student's input: a wrong type, a typo in an exercise id or an answer
whose methods raise all get feedback instead of a traceback.
"""

from __future__ import annotations

import functools
import html
import os
import sys
import types
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kitlib import exercises as registry
from kitlib.exercises.compare import Verdict, plain, safe_str

__all__ = [
    "Feedback",
    "Hint",
    "check",
    "hint",
    "solution",
    "exercises",
    "list_exercises",
    "use_article",
    "reset_hints",
]

# status -> (icon, label, text colour, background, border). Text is near-black on a pale
# background (contrast > 12:1, WCAG AA and AAA); the label and icon carry the meaning, the
# colour only repeats it.
STYLES = {
    "correct": ("✓", "Correct", "#10331c", "#e8f5ec", "#1e7b3a"),
    "incorrect": ("✗", "Not yet", "#3d1010", "#fdeeee", "#b3261e"),
    "not_answered": ("…", "Not answered yet", "#2b2b2b", "#f3f3f3", "#6b6b6b"),
    "unknown_exercise": ("?", "Unknown exercise", "#1a2a4d", "#edf2fb", "#2f5bb7"),
    "error": ("!", "The checker needs attention", "#3d2a00", "#fff6df", "#9a6700"),
    "hint": ("➜", "Hint", "#1a2a4d", "#edf2fb", "#2f5bb7"),
}


def _without_label(label: str, message: str) -> str:
    """The box already says "Not answered yet"; do not make the message say it again."""
    rest = message.removeprefix(f"{label}: ")
    return rest[:1].upper() + rest[1:] if rest is not message else message


def _box(status: str, title: str, message: str, evidence: tuple[str, ...] = ()) -> str:
    """The accessible HTML box: role=status, an icon and a label, inline styles only."""
    icon, label, colour, background, border = STYLES[status]
    message = _without_label(label, message)
    items = "".join(f'<li style="margin:0.2em 0">{html.escape(line)}</li>' for line in evidence)
    listing = f'<ul style="margin:0.4em 0 0 1.2em;padding:0">{items}</ul>' if evidence else ""
    return (
        f'<div role="status" class="kitlib-feedback kitlib-{status}" style="color:{colour};'
        f"background:{background};border:1px solid {border};border-left:6px solid {border};"
        'padding:0.6em 0.9em;margin:0.4em 0;border-radius:4px;line-height:1.45;max-width:60em">'
        f'<strong><span aria-hidden="true">{icon}</span> {html.escape(label)}'
        f"{html.escape(title)}</strong>"
        f'<div style="margin-top:0.25em">{html.escape(message)}</div>{listing}</div>'
    )


def _text(status: str, title: str, message: str, evidence: tuple[str, ...] = ()) -> str:
    icon, label = STYLES[status][:2]
    head = f"{icon} {label}{title}: {_without_label(label, message)}"
    lines = [head] + [f"  - {line}" for line in evidence]
    return "\n".join(lines)


@dataclass(frozen=True)
class Feedback:
    """The result of ``check``: ``correct`` and ``message``, shown as a box or as text."""

    exercise_id: str
    correct: bool
    message: str
    status: str = "incorrect"  # correct, incorrect, not_answered, unknown_exercise, error
    evidence: tuple[str, ...] = ()
    points: float = 0.0  # earned
    max_points: float = 0.0

    def __bool__(self) -> bool:
        return self.correct

    def _title(self) -> str:
        return f" ({self.exercise_id})" if self.exercise_id else ""

    def _repr_html_(self) -> str:
        return _box(self.status, self._title(), self.message, self.evidence)

    def __str__(self) -> str:
        return _text(self.status, self._title(), self.message, self.evidence)

    __repr__ = __str__


@dataclass(frozen=True)
class Hint:
    """One rung of an exercise's hint ladder (``level`` of ``total``; 0 when there are none)."""

    exercise_id: str
    level: int
    total: int
    text: str

    def _title(self) -> str:
        return f" {self.level} of {self.total} ({self.exercise_id})" if self.level else ""

    def _repr_html_(self) -> str:
        return _box("hint", self._title(), self.text)

    def __str__(self) -> str:
        return _text("hint", self._title(), self.text)

    __repr__ = __str__


# --- the article an exercise is checked against -------------------------------------------

_current: Any = None  # set by use_article; None means the course article
_hints_seen: dict[str, int] = {}


@functools.lru_cache(maxsize=1)
def _course_article():
    from kitlib.article import load_article

    return load_article()


@functools.lru_cache(maxsize=8)
def _article_at(path: str):
    from kitlib.article import load_article

    return load_article(path)


def _article(article: Any = None):
    """An Article, a path (or seed name) to load once, or None for the current article."""
    if article is None:
        article = _current
    if article is None:
        return _course_article()
    if isinstance(article, str | os.PathLike):
        return _article_at(str(Path(article).expanduser()))
    return article


def use_article(article: Any = None):
    """Check the following exercises against ``article`` (an Article or a path).

    ``use_article()`` goes back to the course article. Returns the article now in use.
    """
    global _current
    _current = None if article is None else _article(article)
    return _article(None)


def _article_problem(exercise_id: str, err: Exception) -> Feedback:
    return Feedback(
        exercise_id,
        False,
        f"The article to check against could not be loaded ({type(err).__name__}: "
        f"{safe_str(err, 300)}). Pass an Article from kitlib.load_article(), or a folder "
        "that holds article.txt and annotation.yaml.",
        status="error",
    )


def _unknown(exercise_id: Any) -> Feedback:
    shown = safe_str(exercise_id)
    if not isinstance(exercise_id, str):
        message = f"The exercise id should be text such as 'article.byline', not {shown!r}."
        return Feedback("", False, message, status="unknown_exercise")
    close = registry.suggest(exercise_id)
    guess = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return Feedback(
        shown,
        False,
        f"There is no exercise {shown!r}.{guess} kitlib.exercises() lists them all.",
        status="unknown_exercise",
    )


def _checker_failed(exercise_id: str, err: Exception) -> Feedback:
    return Feedback(
        exercise_id,
        False,
        f"The checker itself failed on this exercise ({type(err).__name__}: "
        f"{safe_str(err, 200)}). This says nothing about the answer; please tell the teacher.",
        status="error",
    )


# --- the public functions -----------------------------------------------------------------


def _exercise_and_article(exercise_id: Any, article: Any):
    """(exercise, article) for check and solution, or the Feedback that says what is wrong."""
    try:
        exercise = registry.get(exercise_id) if isinstance(exercise_id, str) else None
    except Exception as err:
        return _checker_failed(safe_str(exercise_id), err)
    if exercise is None:
        return _unknown(exercise_id)
    try:
        return exercise, _article(article)
    except Exception as err:
        return _article_problem(exercise_id, err)


def check(exercise_id: str, answer: Any = ..., *, article: Any = None) -> Feedback:
    """Check ``answer`` for an exercise; ``article`` defaults to the one in use. Never raises."""
    found = _exercise_and_article(exercise_id, article)
    if isinstance(found, Feedback):
        return found
    exercise, art = found
    try:
        # An odd answer (a ragged list, a comparison of mixed types) can draw a pandas or
        # numpy warning; in a notebook that is red noise beside the feedback that explains it.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            verdict: Verdict = exercise.judge(plain(answer), art)
    except Exception as err:
        return _checker_failed(exercise_id, err)
    correct = verdict.status == "correct"
    return Feedback(
        exercise_id,
        correct,
        verdict.message,
        status=verdict.status,
        evidence=verdict.evidence,
        points=float(exercise.points) if correct else 0.0,
        max_points=float(exercise.points),
    )


def hint(exercise_id: str, *, article: Any = None) -> Hint | Feedback:
    """The next hint for an exercise: a pointer, then an explanation, then nearly the answer."""
    try:
        exercise = registry.get(exercise_id) if isinstance(exercise_id, str) else None
        if exercise is None:
            return _unknown(exercise_id)
        ladder = exercise.ladder(_article(article))
    except Exception as err:
        return _checker_failed(safe_str(exercise_id), err)
    seen = _hints_seen.get(exercise_id, 0)
    if seen >= len(ladder):
        return Hint(
            exercise_id,
            0,
            len(ladder),
            f"No more hints for {exercise_id}: you have seen all {len(ladder)}. "
            f"kitlib.solution({exercise_id!r}) shows the answer, once you have tried.",
        )
    _hints_seen[exercise_id] = seen + 1
    return Hint(exercise_id, seen + 1, len(ladder), ladder[seen])


def reset_hints(exercise_id: str | None = None) -> None:
    """Start the hint ladder again, for one exercise or for all."""
    if exercise_id is None:
        _hints_seen.clear()
    else:
        _hints_seen.pop(exercise_id, None)


def solution(exercise_id: str, article: Any = None) -> Any:
    """The reference answer, computed from the article's annotation (a model text for a
    reflection). For an unknown id or an article that cannot be loaded: a Feedback."""
    found = _exercise_and_article(exercise_id, article)
    if isinstance(found, Feedback):
        return found
    exercise, art = found
    try:
        return exercise.solution(art)
    except Exception as err:
        return _checker_failed(exercise_id, err)


def list_exercises(lesson: str | None = None):
    """Every exercise: exercise_id, lesson, kind, prompt, points (a DataFrame).

    ``lesson`` filters by lesson name ("00-meet-the-article") or key ("article").
    """
    import pandas as pd

    rows = [
        (e.exercise_id, e.lesson, e.kind, e.prompt, e.points)
        for e in registry.all_exercises()
        if lesson is None or lesson in (e.lesson, e.exercise_id.split(".")[0])
    ]
    return pd.DataFrame(rows, columns=["exercise_id", "lesson", "kind", "prompt", "points"])


# ``kitlib.exercises`` is both this listing and the package of exercise modules: the package
# is a callable module, so ``kitlib.exercises()`` and ``from kitlib.exercises import Item``
# both work whichever of the two Python binds to the name first.
exercises = registry


class _CallableModule(types.ModuleType):
    """``kitlib.check(id, answer)`` works even where Python binds the name to this module
    (importing the submodule ``kitlib.check`` sets that attribute of the package)."""

    def __call__(self, exercise_id: str, answer: Any = ..., *, article: Any = None) -> Feedback:
        return check(exercise_id, answer, article=article)


sys.modules[__name__].__class__ = _CallableModule
