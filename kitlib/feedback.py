"""What a student sees after ``check`` and ``hint``: a Feedback or Hint box (HTML in JupyterLab,
text elsewhere), accessible and self-contained (inline styles, role=status)."""

from __future__ import annotations

import html
from dataclasses import dataclass

__all__ = ["Feedback", "Hint", "STYLES"]

# status -> (icon, label, text colour, background, border). Text is near-black on a pale
# background (contrast > 12:1, WCAG AA and AAA); the label and icon carry the meaning, the
# colour only repeats it.
STYLES = {
    "correct": ("✓", "Correct", "#10331c", "#e8f5ec", "#1e7b3a"),
    # A reflection is read by a person, not by the kit: no tick, no "Correct".
    "recorded": ("✎", "Recorded, not graded", "#2a1f3d", "#f3eefb", "#6a4c93"),
    "incorrect": ("✗", "Not yet", "#3d1010", "#fdeeee", "#b3261e"),
    "not_answered": ("…", "Not answered yet", "#2b2b2b", "#f3f3f3", "#6b6b6b"),
    "unknown_exercise": ("?", "Unknown exercise", "#1a2a4d", "#edf2fb", "#2f5bb7"),
    "error": ("!", "The checker needs attention", "#3d2a00", "#fff6df", "#9a6700"),
    "hint": ("➜", "Hint", "#1a2a4d", "#edf2fb", "#2f5bb7"),
    "locked": ("…", "Try it first", "#2b2b2b", "#f3f3f3", "#6b6b6b"),
    "solutions_off": ("–", "Solutions are turned off", "#2b2b2b", "#f3f3f3", "#6b6b6b"),
}
CHECKLIST_HEAD = "A good answer covers:"


def _without_label(label: str, message: str) -> str:
    """The box already says "Not answered yet"; do not make the message say it again."""
    rest = message.removeprefix(f"{label}: ")
    return rest[:1].upper() + rest[1:] if rest is not message else message


def _list(lines: tuple[str, ...]) -> str:
    items = "".join(f'<li style="margin:0.2em 0">{html.escape(line)}</li>' for line in lines)
    return f'<ul style="margin:0.4em 0 0 1.2em;padding:0">{items}</ul>' if lines else ""


def _box(
    status: str,
    title: str,
    message: str,
    evidence: tuple[str, ...] = (),
    checklist: tuple[str, ...] = (),
) -> str:
    """The accessible HTML box: role=status, an icon and a label, inline styles only."""
    icon, label, colour, background, border = STYLES[status]
    message = _without_label(label, message)
    listing = _list(evidence)
    if checklist:
        listing = (
            f'<div style="margin-top:0.4em">{html.escape(CHECKLIST_HEAD)}</div>'
            f"{_list(checklist)}"
            f'<div style="margin-top:0.4em">A model answer:</div>{listing}'
        )
    return (
        f'<div role="status" class="kitlib-feedback kitlib-{status}" style="color:{colour};'
        f"background:{background};border:1px solid {border};border-left:6px solid {border};"
        'padding:0.6em 0.9em;margin:0.4em 0;border-radius:4px;line-height:1.45;max-width:60em">'
        f'<strong><span aria-hidden="true">{icon}</span> {html.escape(label)}'
        f"{html.escape(title)}</strong>"
        f'<div style="margin-top:0.25em">{html.escape(message)}</div>{listing}</div>'
    )


def _text(
    status: str,
    title: str,
    message: str,
    evidence: tuple[str, ...] = (),
    checklist: tuple[str, ...] = (),
) -> str:
    icon, label = STYLES[status][:2]
    head = f"{icon} {label}{title}: {_without_label(label, message)}"
    lines = [head]
    if checklist:
        lines += [CHECKLIST_HEAD] + [f"  - {line}" for line in checklist] + ["A model answer:"]
    lines += [f"  - {line}" for line in evidence]
    return "\n".join(lines)


@dataclass(frozen=True)
class Feedback:
    """The result of ``check``: ``correct`` and ``message``, shown as a box or as text."""

    exercise_id: str
    correct: bool
    message: str
    # correct, incorrect, not_answered, recorded (a reflection), unknown_exercise, error,
    # locked (a solution asked for before any attempt), solutions_off
    status: str = "incorrect"
    evidence: tuple[str, ...] = ()
    points: float = 0.0  # earned
    max_points: float = 0.0
    checklist: tuple[str, ...] = ()  # a reflection's self-check list

    def __bool__(self) -> bool:
        return self.correct

    def _title(self) -> str:
        return f" ({self.exercise_id})" if self.exercise_id else ""

    def _repr_html_(self) -> str:
        return _box(self.status, self._title(), self.message, self.evidence, self.checklist)

    def __str__(self) -> str:
        return _text(self.status, self._title(), self.message, self.evidence, self.checklist)

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
