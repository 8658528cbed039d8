"""Execute master notebooks in place, reproducibly: ``python -m kitlib.release.masters NB...``.

For lesson authors: a fresh kernel per notebook, stable cell ids, no timestamps, no widget
state, random ids in outputs renumbered. Running it twice gives byte-identical files, which
keeps ``git diff`` honest and nbval's strict mode green.
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kitlib.release.clear_outputs import clear_outputs
from kitlib.release.context import ReleaseContext
from kitlib.release.execute import execute
from kitlib.release.stabilize_outputs import stabilize_outputs
from kitlib.release.stable_ids import assign_stable_ids
from kitlib.release.strip_widget_state import strip_widget_state
from kitlib.release.tidy_metadata import tidy_metadata
from kitlib.release.workers import fork_context, kernel_env

MASTER_STEPS = [
    assign_stable_ids,
    clear_outputs,
    execute,
    stabilize_outputs,
    strip_widget_state,
    tidy_metadata,
]


def execute_master(path: Path, timeout: int = 300) -> str | None:
    """Execute one master in place; return None, or the error message (file left untouched)."""
    import nbformat

    from kitlib.release.files import write_atomic
    from kitlib.release.pipeline import notebook_bytes, run_steps

    path = Path(path)
    ctx = ReleaseContext(
        notebook_name=path.stem,
        article_name="",
        execution_dir=str(path.resolve().parent),
        kernel_env=kernel_env(),
        timeout=timeout,
    )
    try:
        nb = run_steps(MASTER_STEPS, nbformat.read(path, as_version=4), ctx)
    except Exception as err:  # reported per notebook
        return str(err)
    write_atomic(path, notebook_bytes(nb))
    return None


def main(argv: list[str] | None = None) -> int:
    given = [Path(p) for p in (sys.argv[1:] if argv is None else argv)]
    # A folder stands for its lessons: NN-topic.ipynb, in order.
    paths = [
        p for g in given for p in (sorted(g.glob("[0-9][0-9]-*.ipynb")) if g.is_dir() else [g])
    ]
    if not paths:
        print("usage: python -m kitlib.release.masters notebooks/NN-topic.ipynb ...")
        return 2
    import nbclient  # noqa: F401  (imported once, before the workers fork)
    import nbformat  # noqa: F401

    with ProcessPoolExecutor(max_workers=min(2, len(paths)), mp_context=fork_context()) as pool:
        errors = list(pool.map(execute_master, paths))
    for path, error in zip(paths, errors, strict=True):
        if error:
            print(f"FAILED {error}", file=sys.stderr)
        else:
            print(f"executed {path}")
    return 1 if any(errors) else 0


if __name__ == "__main__":
    sys.exit(main())
