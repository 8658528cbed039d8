"""Check exercise answers: ``check``, ``hint``, ``solution``, ``exercises``.

    import kitlib
    kitlib.check("article.byline", "p19")      # a Feedback box in JupyterLab, text elsewhere
    kitlib.hint("article.byline")              # one rung higher on each call
    kitlib.solution("article.byline")          # computed from the article's annotation

None of these raises on a student's input: a wrong type, a typo in an exercise id or an answer
whose methods raise all get feedback instead of a traceback.
"""

from __future__ import annotations

import warnings
from typing import Any

from kitlib import framework as registry
from kitlib.feedback import Feedback, Hint
from kitlib.framework.compare import Verdict, plain, safe_str

__all__ = [
    "Feedback",
    "Hint",
    "check",
    "hint",
    "solution",
    "exercises",
    "list_exercises",
    "reset_hints",
]

# --- the article an exercise is checked against -------------------------------------------

_hints_seen: dict[str, int] = {}


def _article(article: Any = None):
    """An Article, a path (or seed name), or None for the article in use."""
    from kitlib.article import current_article

    return current_article(article)


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


exercises = list_exercises  # kitlib.exercises(): the table of every exercise
