"""A learner's progress: which exercises are right, tried, or not tried yet, per lesson.

(The module is not called ``progress``: ``kitlib.progress`` is the function, and importing a
submodule of that name would replace it.)

    import kitlib
    kitlib.progress()          # a small table and a figure, per lesson

``kitlib.check`` records each real attempt in a small JSON file beside the notebooks (the
kernel's working folder): ``.kitlib-progress.json``. Nothing leaves the machine; a new kernel
or a restart reads the same file; deleting the file starts afresh. ``KITLIB_PROGRESS`` names
another file, or ``off`` to record nothing (as the masters' executions should).

The record keeps the best state an exercise reached (a right answer stays right when a later
try is wrong), so it never depends on how often a cell ran. A file that cannot be read or
written never breaks ``check``: a friendly warning, once, and the record lives in memory.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from pathlib import Path

__all__ = ["progress", "Progress", "record", "state_of", "progress_file", "FILE_NAME", "STATES"]

FILE_NAME = ".kitlib-progress.json"
ENV = "KITLIB_PROGRESS"
VERSION = 1
# Worst to best; a recorded state only ever moves right.
STATES = ("not tried", "tried", "written", "right")
STATE_TEXT = {
    "right": "right",
    "written": "written (a reflection: recorded, not graded)",
    "tried": "tried, not right yet",
    "not tried": "not tried yet",
}

_memory: dict[str, str] = {}  # exercise id -> state, this kernel's view of the record
_warned = False


class ProgressFileWarning(UserWarning):
    """The progress file could not be read or written; progress is kept in memory."""


def progress_file() -> Path | None:
    """The file progress is kept in, or None when recording is turned off."""
    setting = os.environ.get(ENV, "").strip()
    if setting.casefold() in ("off", "0", "no", "false"):
        return None
    return Path(setting).expanduser() if setting else Path.cwd() / FILE_NAME


def _warn_once(problem: str) -> None:
    global _warned
    if _warned:
        return
    _warned = True
    warnings.warn(
        f"kitlib could not keep your progress in a file ({problem}). Your answers are still "
        "checked as usual; this session's progress is kept in memory only. Delete the file "
        "to start a fresh record.",
        ProgressFileWarning,
        stacklevel=3,
    )


def _read(path: Path) -> dict[str, str]:
    """The states stored in ``path`` ({} when there is no file yet). Raises on a bad file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    data = json.loads(text)
    exercises = data.get("exercises") if isinstance(data, dict) else None
    if not isinstance(exercises, dict):
        raise ValueError("it is not a kitlib progress file")
    return {str(k): str(v) for k, v in exercises.items() if v in STATES}


def _better(a: str | None, b: str | None) -> str:
    rank = {state: i for i, state in enumerate(STATES)}
    return max(a or "not tried", b or "not tried", key=lambda s: rank.get(s, 0))


def _merge(*records: dict[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for found in records:
        for exercise_id, state in found.items():
            merged[exercise_id] = _better(merged.get(exercise_id), state)
    return merged


def _write(path: Path, states: dict[str, str]) -> None:
    # Write a temporary file beside it, then rename: a crash never leaves half a file.
    payload = {"version": VERSION, "exercises": dict(sorted(states.items()))}
    fd, tmp = tempfile.mkstemp(prefix=".kitlib-progress-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, indent=1)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _current() -> dict[str, str]:
    """This kernel's record merged with the file's (another notebook may have written it)."""
    path = progress_file()
    if path is None:
        return dict(_memory)
    try:
        stored = _read(path)
    except Exception as err:  # a broken or unreadable file: carry on in memory
        _warn_once(f"{path} could not be read: {type(err).__name__}")
        return dict(_memory)
    _memory.update(_merge(_memory, stored))
    return dict(_memory)


def record(exercise_id: str, state: str) -> None:
    """Remember that ``exercise_id`` reached ``state`` (tried, written or right). Never raises."""
    if state not in STATES:
        return
    try:
        states = _current()
        better = _better(states.get(exercise_id), state)
        _memory[exercise_id] = better
        path = progress_file()
        if path is None or states.get(exercise_id) == better:
            return  # nothing new: no write (a check in a loop costs no disk work)
        states[exercise_id] = better
        try:
            _read(path)  # never overwrite a file that is not ours
            _write(path, states)
        except Exception as err:
            _warn_once(f"{path} could not be written: {type(err).__name__}")
    except Exception as err:  # progress is a convenience; check() must go on
        _warn_once(f"{type(err).__name__}")


def state_of(exercise_id: str) -> str:
    """'right', 'written', 'tried' or 'not tried' for one exercise. Never raises."""
    try:
        return _current().get(exercise_id, "not tried")
    except Exception:
        return _memory.get(exercise_id, "not tried")


def forget_memory() -> None:
    """Drop this kernel's copy of the record (tests; the file stays as it is)."""
    global _warned
    _memory.clear()
    _warned = False


class Progress:
    """What ``kitlib.progress()`` returns: ``.table`` (per lesson), ``.exercises`` (one row per
    exercise) and ``.figure()``; in a notebook it shows the table and the figure."""

    def __init__(self, exercises):
        self.exercises = exercises
        self.table = _per_lesson(exercises)

    def figure(self):
        return _figure(self.table)

    def summary(self) -> str:
        total = len(self.exercises)
        counts = self.exercises.state.value_counts()
        parts = [f"{int(counts.get(s, 0))} {STATE_TEXT[s]}" for s in reversed(STATES)]
        return f"Your progress over {total} exercises: " + ", ".join(parts) + "."

    def _ipython_display_(self) -> None:
        from IPython.display import display

        from kitlib import plots

        display(self.table)
        plots.show(self.figure())

    def __repr__(self) -> str:
        return f"{self.summary()}\n{self.table.to_string(index=False)}"


def _per_lesson(exercises):
    import pandas as pd

    rows = []
    for lesson, group in exercises.groupby("lesson", sort=True):
        counts = group.state.value_counts()
        again = group.loc[group.state == "tried", "exercise_id"]
        rows.append(
            {
                "lesson": lesson,
                **{state: int(counts.get(state, 0)) for state in reversed(STATES)},
                "total": len(group),
                "to try again": ", ".join(e.split(".", 1)[1] for e in again),
            }
        )
    columns = ["lesson", *reversed(STATES), "total", "to try again"]
    return pd.DataFrame(rows, columns=columns)


def _figure(table):
    """Stacked bars per lesson; each state has a colour, a pattern and its count as text."""
    import plotly.graph_objects as go

    from kitlib import palette

    colors = {
        "right": palette.OKABE_ITO["bluish_green"],
        "written": palette.OKABE_ITO["reddish_purple"],
        "tried": palette.OKABE_ITO["orange"],
        "not tried": palette.GREY,
    }
    patterns = {"right": "", "written": "/", "tried": "x", "not tried": "."}
    fig = go.Figure()
    lessons = list(table.lesson)
    for state in reversed(STATES):
        values = [int(v) for v in table[state]]
        fig.add_bar(
            name=STATE_TEXT[state],
            y=lessons,
            x=values,
            orientation="h",
            marker={"color": colors[state], "pattern": {"shape": patterns[state]}},
            text=[f"{v} {state}" if v else "" for v in values],
            textposition="inside",
            insidetextanchor="middle",
            textfont={"color": "#000000"},
            hovertemplate="%{y}: %{x} " + state + "<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        title={"text": "Your progress: exercises per lesson", "x": 0, "xanchor": "left"},
        template="plotly_white",
        font={"family": "Arial, Helvetica, sans-serif", "size": 13},
        height=max(320, 130 + 40 * len(lessons)),
        legend={"traceorder": "normal", "orientation": "h", "y": -0.2},
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        meta={"summary": _figure_summary(table)},
    )
    fig.update_xaxes(title_text="Number of exercises", dtick=1)
    fig.update_yaxes(
        title_text="Lesson", categoryorder="array", categoryarray=list(reversed(lessons))
    )
    return fig


def _figure_summary(table) -> str:
    parts = [
        f"{row.lesson}: {row.right} of {row.total} right, {row.tried} tried"
        + (f", {row.written} written" if row.written else "")
        for row in table.itertuples(index=False)
    ]
    return "Exercises per lesson. " + "; ".join(parts) + "."


def progress() -> Progress:
    """Per lesson, which exercises are right, tried or not tried yet (a table and a figure)."""
    import pandas as pd

    from kitlib import framework

    states = _current()
    rows = [
        (e.exercise_id, e.lesson, e.kind, states.get(e.exercise_id, "not tried"))
        for e in framework.all_exercises()
    ]
    table = pd.DataFrame(rows, columns=["exercise_id", "lesson", "kind", "state"])
    return Progress(table)
