"""The release pipelines, declared in order, and the build of one master's files.

Each step is ``step(nb, ctx) -> nb`` (see ``context.py``); a step may raise an error that
names the notebook and the cell. Student notebooks never execute; answer keys execute once.

The order matters where a step reads what an earlier one did:
- ``assign_stable_ids`` first: ids encode the master's cell index, which error messages and
  later steps report, so it must run before any cell is dropped or added;
- ``drop_seed_only`` / ``drop_not_applicable`` (or their ``flag_`` twins) before
  ``renumber_exercises`` and ``rescale_time``, which count the exercises that are left;
- ``point_to_article`` before ``execute``: the key must run on the release's article;
- ``strip_widget_state`` before ``tidy_metadata``, which keeps only known notebook metadata.
"""

from __future__ import annotations

import copy
from pathlib import Path

from kitlib.release.banner import add_answer_key_banner
from kitlib.release.clear_hidden_tests import clear_hidden_tests
from kitlib.release.clear_outputs import clear_outputs
from kitlib.release.clear_solutions import clear_solutions
from kitlib.release.execute import execute
from kitlib.release.html import to_html
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

STUDENT_STEPS = [
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
    lock_cells,
    check_nbgrader_metadata,
    tidy_metadata,
]

ANSWER_KEY_STEPS = [
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
]

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


def build_files(master_path: Path, ctx) -> dict[str, bytes]:
    """All files of one master, keyed by their path inside the release folder."""
    import dataclasses

    import nbformat

    master = nbformat.read(master_path, as_version=4)
    ctx = dataclasses.replace(ctx, master_exercises=exercises_stated(master.cells))
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
