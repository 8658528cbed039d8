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


def execute(nb, ctx):
    from nbclient import NotebookClient

    started: list = []  # the cell being run, for the error message
    client = NotebookClient(
        nb,
        timeout=ctx.timeout,
        kernel_name="python3",
        resources={"metadata": {"path": ctx.execution_dir}},
        record_timing=False,  # timestamps would make every release differ
        store_widget_state=False,  # stripped anyway; JupyterLab never restores it
        on_cell_start=lambda cell, cell_index: started.append(cell),
    )
    try:
        # The kernel's own stderr only says it uses TCP on localhost; cell errors come via
        # the messaging channel, so nothing the instructor needs is lost.
        client.execute(env=_kernel_env(ctx), stderr=subprocess.DEVNULL)
    except Exception as err:  # CellExecutionError, CellTimeoutError, DeadKernelError
        cell = started[-1] if started else {"id": "", "source": ""}
        raise MasterExecutionError(
            ctx.notebook_name,
            master_index(cell.get("id", "")),
            _describe(err),
            cell["source"],
            exercise=_exercise_of(cell, nb),
            ctx=ctx,
        ) from None
    return nb


def _exercise_of(cell, nb) -> str | None:
    from kitlib.release.exercise_cells import exercise_ids_in, exercise_of, grade_id_map

    return exercise_of(cell, grade_id_map(exercise_ids_in(nb.cells)))


def _kernel_env(ctx) -> dict[str, str]:
    env = dict(os.environ)
    # The release decides the article through the notebook itself, never the caller's shell.
    env.pop("KITLIB_ARTICLE", None)
    env.update(ctx.kernel_env)
    return env


def _describe(err: Exception) -> str:
    ename, evalue = getattr(err, "ename", None), getattr(err, "evalue", None)
    if ename:
        return f"{ename}: {evalue}"
    return f"{type(err).__name__}: {str(err).strip().splitlines()[0] if str(err).strip() else ''}"
