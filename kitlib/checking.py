"""Check exercise answers: ``check``, ``hint``, ``solution``, ``exercises``.

    import kitlib
    kitlib.check("article.byline", "p19")      # a Feedback box in JupyterLab, text elsewhere
    kitlib.hint("article.byline")              # one rung higher on each call
    kitlib.solution("article.byline")          # the model answer, once you have tried

Feedback is layered: the first wrong answer to an exercise gets a nudge that names the kind of
mistake; from the second on, the full diagnosis and the evidence from the text. The count
lives in the kernel's memory only, so an executed notebook always shows the same feedback.
``check`` also records progress (``kitlib.progress``, kept in a file beside the notebooks).

``solution`` opens only after an attempt at that exercise (in this kernel or recorded in the
progress file). ``KITLIB_SOLUTIONS`` (or ``"solutions"`` in ``kitlib-settings.json`` in the
notebooks' folder) sets it: ``after-attempt`` (the default), ``off`` (graded use: never) or
``open`` (always). Code that needs the reference itself uses ``reference``, which is never
gated, and ``diagnose``, the full feedback without counting or recording.

None of these raises on a student's input: a wrong type, a typo in an exercise id or an answer
whose methods raise all get feedback instead of a traceback.
"""

from __future__ import annotations

import json
import os
import warnings
from collections import Counter
from pathlib import Path
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
    "reference",
    "diagnose",
    "solutions_setting",
    "exercises",
    "list_exercises",
    "reset_hints",
    "reset_attempts",
]

SOLUTIONS_ENV = "KITLIB_SOLUTIONS"
SETTINGS_FILE = "kitlib-settings.json"
SOLUTION_SETTINGS = {
    "after-attempt": "after-attempt",
    "after attempt": "after-attempt",
    "on": "after-attempt",
    "off": "off",
    "no": "off",
    "none": "off",
    "open": "open",
    "always": "open",
}

# --- the article an exercise is checked against -------------------------------------------

_hints_seen: dict[str, int] = {}
_wrong_answers: Counter = Counter()  # exercise id -> wrong answers in this kernel
_attempted: set[str] = set()  # exercise ids checked with a real answer in this kernel


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


def _judge(exercise_id: Any, answer: Any, article: Any):
    """(exercise, verdict), or the Feedback that says why there is no verdict."""
    found = _exercise_and_article(exercise_id, article)
    if isinstance(found, Feedback):
        return found
    exercise, art = found
    try:
        # An odd answer (a ragged list, a comparison of mixed types) can draw a pandas or
        # numpy warning; in a notebook that is red noise beside the feedback that explains it.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return exercise, exercise.judge(plain(answer), art)
    except Exception as err:
        return _checker_failed(exercise_id, err)


def diagnose(exercise_id: str, answer: Any = ..., *, article: Any = None) -> Feedback:
    """The full feedback on ``answer``, every time: no layering, nothing counted or recorded
    (for teachers, tests and tools). Never raises."""
    judged = _judge(exercise_id, answer, article)
    return judged if isinstance(judged, Feedback) else _feedback(*judged)


def _feedback(exercise, verdict: Verdict, first_wrong: bool = False) -> Feedback:
    correct = verdict.status == "correct"
    message, evidence = verdict.message, verdict.evidence
    if first_wrong and verdict.status == "incorrect" and verdict.nudge:
        message = f"{verdict.nudge} {NEXT_TIME}"
        evidence = ()
    return Feedback(
        exercise.exercise_id,
        correct,
        message,
        status=verdict.status,
        evidence=evidence,
        points=float(exercise.points) if correct else 0.0,
        max_points=float(exercise.points),
        checklist=verdict.checklist,
    )


NEXT_TIME = "Look at the text again and try once more; after another miss, the check shows where."
PROGRESS_STATE = {"correct": "right", "recorded": "written", "incorrect": "tried"}


def check(exercise_id: str, answer: Any = ..., *, article: Any = None) -> Feedback:
    """Check ``answer`` for an exercise; ``article`` defaults to the one in use. Never raises.

    The first wrong answer gets a nudge (the kind of mistake), later ones the full diagnosis
    with the evidence. A real attempt opens ``solution`` and is recorded as progress."""
    judged = _judge(exercise_id, answer, article)
    if isinstance(judged, Feedback):
        return judged
    exercise, verdict = judged
    if verdict.status not in PROGRESS_STATE:
        return _feedback(exercise, verdict)  # not answered yet: not an attempt
    _attempted.add(exercise_id)
    _record(exercise_id, PROGRESS_STATE[verdict.status])
    if verdict.status == "incorrect":
        _wrong_answers[exercise_id] += 1
    return _feedback(exercise, verdict, first_wrong=_wrong_answers[exercise_id] == 1)


def _record(exercise_id: str, state: str) -> None:
    from kitlib import tracking

    tracking.record(exercise_id, state)


def reset_attempts(exercise_id: str | None = None) -> None:
    """Forget this kernel's attempts (the layering count and the solution gate's memory)."""
    if exercise_id is None:
        _wrong_answers.clear()
        _attempted.clear()
    else:
        _wrong_answers.pop(exercise_id, None)
        _attempted.discard(exercise_id)


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


def reference(exercise_id: str, article: Any = None) -> Any:
    """The reference answer, computed from the article's annotation (a model text for a
    reflection), never gated. For an unknown id or an article that cannot be loaded: a
    Feedback."""
    found = _exercise_and_article(exercise_id, article)
    if isinstance(found, Feedback):
        return found
    exercise, art = found
    try:
        return exercise.solution(art)
    except Exception as err:
        return _checker_failed(exercise_id, err)


def solutions_setting() -> str:
    """'after-attempt' (the default), 'off' or 'open': the environment variable
    KITLIB_SOLUTIONS, else ``"solutions"`` in kitlib-settings.json in the working folder."""
    value = os.environ.get(SOLUTIONS_ENV, "").strip()
    if not value:
        try:
            settings = json.loads((Path.cwd() / SETTINGS_FILE).read_text(encoding="utf-8"))
            value = str(settings.get("solutions", "")) if isinstance(settings, dict) else ""
        except (OSError, ValueError):
            value = ""
    # An unknown value keeps the gate: a typo must not open the answers.
    return SOLUTION_SETTINGS.get(value.strip().casefold(), "after-attempt")


def _tried(exercise_id: str) -> bool:
    if exercise_id in _attempted:
        return True
    from kitlib import tracking

    return tracking.state_of(exercise_id) != "not tried"


def solution(exercise_id: str, article: Any = None) -> Any:
    """The model answer of an exercise, once it has been tried (``kitlib.check`` with an
    answer); before that, a message saying to try first. Never raises."""
    found = _exercise_and_article(exercise_id, article)
    if isinstance(found, Feedback):
        return found
    setting = solutions_setting()
    if setting == "off":
        return Feedback(
            exercise_id,
            False,
            "Your teacher has turned solutions off for this course. Use "
            f"kitlib.hint({exercise_id!r}) for a pointer.",
            status="solutions_off",
        )
    if setting != "open" and not _tried(exercise_id):
        return Feedback(
            exercise_id,
            False,
            f"Try the exercise first: check an answer with kitlib.check({exercise_id!r}, "
            f"answer), then ask again. kitlib.hint({exercise_id!r}) gives a pointer.",
            status="locked",
        )
    return reference(exercise_id, article)


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
