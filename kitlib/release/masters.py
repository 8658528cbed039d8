"""Execute master notebooks in place, reproducibly: ``python -m kitlib.release.masters NB...``.

For lesson authors: a fresh kernel per notebook, stable cell ids, no timestamps, no widget
state, random ids in outputs renumbered. Running it twice gives byte-identical files, which
keeps ``git diff`` honest and nbval's strict mode green.
"""

from __future__ import annotations

import functools
import sys
from concurrent.futures import as_completed
from pathlib import Path

from kitlib.release.clear_outputs import clear_outputs
from kitlib.release.context import ReleaseContext
from kitlib.release.execute import execute
from kitlib.release.not_applicable import flag_not_applicable
from kitlib.release.seed_only import flag_seed_only
from kitlib.release.stabilize_outputs import stabilize_outputs
from kitlib.release.stable_ids import assign_stable_ids
from kitlib.release.strip_widget_state import strip_widget_state
from kitlib.release.tidy_metadata import tidy_metadata
from kitlib.release.workers import kernel_env, worker_pool

MASTER_STEPS = [
    assign_stable_ids,
    clear_outputs,
    execute,
    stabilize_outputs,
    strip_widget_state,
    tidy_metadata,
]
# On another article, as the answer key of a release sees it.
ON_ARTICLE_STEPS = [assign_stable_ids, flag_seed_only, flag_not_applicable, *MASTER_STEPS[1:]]


def execute_master(path: Path, timeout: int = 300, article=None, out_dir=None) -> str | None:
    """Execute one master; return None, or the error message (no file written then).

    In place by default. With ``article`` (a folder or shipped name), run it on that article
    as a release would (seed-only and inapplicable exercises turned into notes) and write the
    result into ``out_dir``: how an instructor reproduces a release's failure.
    """
    import dataclasses

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
    steps, target = MASTER_STEPS, path
    if article is not None:
        from kitlib.article import article_dir

        folder = str(article_dir(article).resolve())
        target = Path(out_dir or ".") / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        ctx = dataclasses.replace(
            ctx,
            article_name=Path(folder).name,
            article_path=folder,
            article_source=folder,
            execution_dir=str(target.resolve().parent),
            kernel_env={**ctx.kernel_env, "KITLIB_ARTICLE": folder},
        )
        steps = ON_ARTICLE_STEPS
    try:
        nb = run_steps(steps, nbformat.read(path, as_version=4), ctx)
    except Exception as err:  # reported per notebook
        return str(err)
    write_atomic(target, notebook_bytes(nb))
    return None


def main(argv: list[str] | None = None, article=None, out_dir=None) -> int:
    given = [Path(p) for p in (sys.argv[1:] if argv is None else argv)]
    # A folder stands for its lessons: NN-topic.ipynb, in order.
    paths = [
        p for g in given for p in (sorted(g.glob("[0-9][0-9]-*.ipynb")) if g.is_dir() else [g])
    ]
    if not paths:
        print("usage: kitlib execute [--article PATH --out DIR] notebooks/NN-topic.ipynb ...")
        return 2
    import nbclient  # noqa: F401  (imported once, before the workers fork)
    import nbformat  # noqa: F401

    run = functools.partial(execute_master, article=article, out_dir=out_dir)
    done: dict[Path, str | None] = {}
    try:
        with worker_pool(min(2, len(paths))) as pool:
            futures = {pool.submit(run, path): path for path in paths}
            for future in as_completed(futures):
                done[futures[future]] = future.result()
    except KeyboardInterrupt:
        finished = ", ".join(p.name for p in paths if p in done) or "none"
        message = (
            f"kitlib execute: interrupted: finished {finished}; the other notebooks were not "
            "changed (each file is written whole or not at all)."
        )
        print(message, file=sys.stderr)
        return 130
    errors = [done[path] for path in paths]
    for path, error in zip(paths, errors, strict=True):
        if error:
            print(f"FAILED {error}", file=sys.stderr)
        elif article is not None:
            print(f"executed {path} on {article} -> {Path(out_dir or '.') / path.name}")
        else:
            print(f"executed {path}")
    return 1 if any(errors) else 0


if __name__ == "__main__":
    sys.exit(main())
