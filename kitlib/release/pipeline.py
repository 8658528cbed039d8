"""The release pipelines, declared in order, and the build of one master's files.

Each step is ``step(nb, ctx) -> nb`` (see ``context.py``); a step may raise an error that
names the notebook and the cell. Student notebooks never execute; answer keys execute once.

The order matters where a step reads what an earlier one did. ``ORDER`` below says, for each
such step, which steps must run before it and why; every pipeline is checked against it when
this module is imported, so a list put in the wrong order fails at once with a message that
names both steps (``PipelineOrderError``). To add a step: put it in the list, and if it reads
what another step writes, give it an ``ORDER`` entry.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from kitlib.release.banner import add_answer_key_banner
from kitlib.release.clear_hidden_tests import clear_hidden_tests
from kitlib.release.clear_outputs import clear_outputs
from kitlib.release.clear_solutions import clear_solutions
from kitlib.release.execute import execute
from kitlib.release.html import to_html
from kitlib.release.install_cell import add_install_cell
from kitlib.release.leaks import LeakError, find_leaks
from kitlib.release.lesson_time import exercises_stated, rescale_time
from kitlib.release.lock_cells import lock_cells
from kitlib.release.nbgrader_metadata import check_nbgrader_metadata
from kitlib.release.not_applicable import drop_not_applicable, flag_not_applicable
from kitlib.release.plotly_static import render_plotly_static
from kitlib.release.point_to_article import point_to_article
from kitlib.release.renumber_exercises import renumber_exercises
from kitlib.release.require_correct_checks import require_correct_checks
from kitlib.release.seed_only import drop_seed_only, flag_seed_only
from kitlib.release.stabilize_outputs import stabilize_outputs
from kitlib.release.stable_ids import assign_stable_ids
from kitlib.release.strip_widget_state import strip_widget_state
from kitlib.release.tidy_metadata import tidy_metadata


class PipelineOrderError(ValueError):
    """A release pipeline lists a step before a step it depends on."""


@dataclass(frozen=True)
class Order:
    """What must run before a step: ``first`` (before everything), or the steps in ``after``
    (each one that is in the pipeline must come earlier), and why."""

    why: str
    after: tuple[str, ...] = ()
    first: bool = False


# The steps whose place matters, by function name. A name in ``after`` that a pipeline does
# not use is ignored there (the student pipeline has drop_seed_only, the key flag_seed_only).
LEFT_OUT = ("drop_seed_only", "drop_not_applicable", "flag_seed_only", "flag_not_applicable")
ORDER = {
    "assign_stable_ids": Order(
        first=True,
        why="ids encode the master's cell index, which errors and later steps report: they "
        "must be given before any cell is dropped, added or turned into a note",
    ),
    "renumber_exercises": Order(
        after=LEFT_OUT, why="it numbers the exercises that are left, so the cut comes first"
    ),
    "rescale_time": Order(
        after=LEFT_OUT, why="it scales the minutes to the exercises that are left"
    ),
    "execute": Order(
        after=("point_to_article", "clear_outputs"),
        why="the key must run on the release's article, from a notebook without old outputs",
    ),
    "require_correct_checks": Order(
        after=("execute",), why="it reads the feedback boxes that executing writes"
    ),
    "stabilize_outputs": Order(after=("execute",), why="it rewrites the outputs execute made"),
    "tidy_metadata": Order(
        after=("strip_widget_state", "execute"),
        why="it keeps saved widget state it finds, so strip_widget_state must drop it first "
        "in the student copy; and executing records language_info, which it resets",
    ),
    "lock_cells": Order(
        after=("clear_solutions", "clear_hidden_tests"),
        why="a locked cell must already hold what students get, stubs and no hidden tests",
    ),
    "add_install_cell": Order(
        after=("point_to_article",),
        why="point_to_article writes into the first code cell, which must stay the lesson's own",
    ),
    "check_nbgrader_metadata": Order(
        after=("clear_solutions", "lock_cells"),
        why="it validates the metadata of the cells as students receive them",
    ),
}


def checked(pipeline: str, steps: list) -> list:
    """``steps`` itself, once their order honours ``ORDER``; else PipelineOrderError."""
    place = {step.__name__: index for index, step in enumerate(steps)}
    for index, step in enumerate(steps):
        rule = ORDER.get(step.__name__)
        if rule is None:
            continue
        if rule.first and index != 0:
            raise PipelineOrderError(
                f"the {pipeline} pipeline has {step.__name__} at position {index + 1}: it must "
                f"be the first step ({rule.why})"
            )
        for before in rule.after:
            if place.get(before, -1) > index:
                raise PipelineOrderError(
                    f"the {pipeline} pipeline runs {step.__name__} (position {index + 1}) "
                    f"before {before} (position {place[before] + 1}): {step.__name__} must "
                    f"come after {before} ({rule.why})"
                )
    return steps


STUDENT_STEPS = checked(
    "student",
    [
        assign_stable_ids,
        drop_seed_only,
        drop_not_applicable,
        renumber_exercises,
        rescale_time,
        point_to_article,
        clear_solutions,
        clear_hidden_tests,
        clear_outputs,
        strip_widget_state,
        add_install_cell,
        lock_cells,
        check_nbgrader_metadata,
        tidy_metadata,
    ],
)

ANSWER_KEY_STEPS = checked(
    "answer-key",
    [
        assign_stable_ids,
        flag_seed_only,
        flag_not_applicable,
        renumber_exercises,
        rescale_time,
        point_to_article,
        clear_outputs,
        execute,
        require_correct_checks,
        stabilize_outputs,
        strip_widget_state,
        tidy_metadata,
        add_answer_key_banner,
    ],
)

ANSWER_KEY_HTML_STEPS = [render_plotly_static]  # applied to a copy: the .ipynb stays light


def run_steps(steps, nb, ctx):
    for step in steps:
        nb = step(nb, ctx)
    return nb


def build_student(master, ctx):
    student = run_steps(STUDENT_STEPS, copy.deepcopy(master), ctx)
    leaks = find_leaks(student, master, f"{ctx.notebook_name}.ipynb")
    if leaks:
        raise LeakError(leaks)
    return student


def build_answer_key(master, ctx):
    return run_steps(ANSWER_KEY_STEPS, copy.deepcopy(master), ctx)


def read_master(master_path: Path, ctx):
    """The master notebook, and ``ctx`` with what the steps need to know about it."""
    import dataclasses

    import nbformat

    master = nbformat.read(master_path, as_version=4)
    return master, dataclasses.replace(ctx, master_exercises=exercises_stated(master.cells))


def student_file(master_path: Path, ctx) -> bytes:
    """The student copy alone, as the release writes it; no kernel (students get no outputs)."""
    return notebook_bytes(build_student(*read_master(master_path, ctx)))


def build_files(master_path: Path, ctx) -> dict[str, bytes]:
    """All files of one master, keyed by their path inside the release folder."""
    master, ctx = read_master(master_path, ctx)
    student = build_student(master, ctx)
    key = build_answer_key(master, ctx)
    html = to_html(run_steps(ANSWER_KEY_HTML_STEPS, copy.deepcopy(key), ctx), ctx)
    name = ctx.notebook_name
    return {
        f"student/{name}.ipynb": notebook_bytes(student),
        f"answer-key/{name}.ipynb": notebook_bytes(key),
        f"answer-key/{name}.html": html.encode("utf-8"),
    }


def notebook_bytes(nb) -> bytes:
    import nbformat

    nbformat.validate(nb)
    return (nbformat.writes(nb).rstrip("\n") + "\n").encode("utf-8")
