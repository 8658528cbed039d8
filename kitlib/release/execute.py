"""Step: run the notebook in a fresh kernel (nbclient), stopping at the first failing cell."""

from __future__ import annotations

import os
import subprocess

from kitlib.release.stable_ids import master_index


class MasterExecutionError(RuntimeError):
    """A master notebook's cell raised (or timed out) while the release executed it."""

    def __init__(self, notebook: str, cell_index: int | None, error: str, source: str,
                 exercise: str | None = None, ctx=None):  # fmt: skip
        self.notebook, self.cell_index, self.error = notebook, cell_index, error
        where = f"cell {cell_index}" if cell_index is not None else "an added cell"
        if exercise:
            where += f" (exercise `{exercise}`)"
        excerpt = "\n".join(f"    | {line}" for line in source.splitlines()[:6])
        super().__init__(
            f"{notebook}.ipynb: {where} failed on article {_article(ctx)}: {error}\n{excerpt}\n"
            + _advice(notebook, ctx)
        )


def _article(ctx) -> str:
    return repr(ctx.article_name) if ctx is not None and ctx.article_name else "the course article"


def _advice(notebook: str, ctx) -> str:
    if ctx is None or ctx.is_seed:
        return (
            "  Fix the master (open it, Run All, read the traceback), then release again; "
            "the other notebooks' outputs were written as usual."
        )
    source = ctx.article_source
    return (
        f"  To see it happen: `kitlib execute --article {source} --out /tmp/try "
        f"notebooks/{notebook}.ipynb`, or open the master on that article in JupyterLab with "
        f"`kitlib lab --article {source}`. If the exercise cannot work on this article, declare "
        "what it needs (needs=... in kitlib/lessons) or tag its cells seed-only; the other "
        "notebooks' outputs were written as usual."
    )


class KernelStartError(RuntimeError):
    """The Jupyter kernel did not start (twice): the machine or the environment, not the master."""

    def __init__(self, notebook: str, error: str, waited: int):
        self.notebook, self.error = notebook, error
        super().__init__(
            f"{notebook}.ipynb: the Jupyter kernel failed to start, twice (the second time "
            f"after waiting {waited} s): {error}\n  No cell of the notebook ran, so this is "
            "not a problem of the master but of the environment or the machine's load: check "
            "that `python -m ipykernel_launcher --version` works in this environment, close "
            "what is using the CPU (or pass --workers 1), then release again."
        )


STARTUP_TIMEOUT = 60  # seconds; nbclient's default, for the first attempt
RETRY_STARTUP_TIMEOUT = 180  # a loaded 2-core machine can take over a minute (issue 11)


def execute(nb, ctx):
    """Run every cell; a kernel that fails before any cell ran is started once more."""
    try:
        return _execute_once(nb, ctx, STARTUP_TIMEOUT)
    except _KernelDidNotStart:
        pass
    try:
        return _execute_once(nb, ctx, RETRY_STARTUP_TIMEOUT)
    except _KernelDidNotStart as failed:
        raise KernelStartError(ctx.notebook_name, failed.error, RETRY_STARTUP_TIMEOUT) from None


class _KernelDidNotStart(Exception):
    def __init__(self, error: str):
        self.error = error


def _execute_once(nb, ctx, startup_timeout: int):
    from nbclient import NotebookClient

    from kitlib.release.workers import off_main_thread, tracked

    started: list = []  # the cell being run, for the error message
    client = NotebookClient(
        nb,
        timeout=ctx.timeout,
        startup_timeout=startup_timeout,
        kernel_name="python3",
        resources={"metadata": {"path": ctx.execution_dir}},
        record_timing=False,  # timestamps would make every release differ
        store_widget_state=False,  # stripped anyway; JupyterLab never restores it
        on_cell_start=lambda cell, cell_index: started.append(cell),
    )
    try:
        # The kernel's own stderr only says it uses TCP on localhost; cell errors come via
        # the messaging channel, so nothing the instructor needs is lost.
        with tracked(client):
            off_main_thread(lambda: client.execute(env=_kernel_env(ctx), stderr=subprocess.DEVNULL))
    except Exception as err:  # CellExecutionError, CellTimeoutError, DeadKernelError
        if not any(_runs_code(cell) for cell in started):  # the kernel itself failed
            raise _KernelDidNotStart(_describe(err)) from None
        cell = started[-1]
        raise MasterExecutionError(
            ctx.notebook_name,
            master_index(cell.get("id", "")),
            _describe(err),
            cell["source"],
            exercise=_exercise_of(cell, nb),
            ctx=ctx,
        ) from None
    return nb


def _runs_code(cell) -> bool:
    return cell.get("cell_type") == "code" and bool(cell.get("source", "").strip())


def _exercise_of(cell, nb) -> str | None:
    from kitlib.release.exercise_cells import exercise_ids_in, exercise_of, grade_id_map

    return exercise_of(cell, grade_id_map(exercise_ids_in(nb.cells)))


def _kernel_env(ctx) -> dict[str, str]:
    env = dict(os.environ)
    # The release decides the article through the notebook itself, never the caller's shell.
    env.pop("KITLIB_ARTICLE", None)
    # A master run is not a learner: no progress file beside the masters, and outputs that
    # never depend on one.
    env["KITLIB_PROGRESS"] = "off"
    env.update(ctx.kernel_env)
    return env


def _describe(err: Exception) -> str:
    ename, evalue = getattr(err, "ename", None), getattr(err, "evalue", None)
    if ename:
        return f"{ename}: {evalue}"
    return f"{type(err).__name__}: {str(err).strip().splitlines()[0] if str(err).strip() else ''}"
