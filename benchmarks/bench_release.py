"""How much a release costs beyond running the lessons, and how it grows with articles.

    .venv/bin/python benchmarks/bench_release.py            # the masters in notebooks/
    .venv/bin/python benchmarks/bench_release.py --masters tests/fixtures/masters

Prints, measured in this one run:
- the time to execute every master once with nbclient, two at a time as the release does
  (with --sequential also one at a time);
- the time of a full release (student notebooks, executed answer keys, HTML, leak check) and
  its ratio to executing the masters once (target: at most 1.5);
- the time to release for 1, 2 and 4 articles (copies of the fictional test article), which
  should grow linearly or better: the time per article, as a ratio to the time for one
  article alone, has a target of at most 1.2 (linear, with room for a noisy machine).

Exits 1 when any ratio is over its target (``BENCH_TARGET_SCALE`` scales them; see
``_timing.py``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kitlib.release import release  # noqa: E402
from kitlib.release.command import MASTER_PATTERN  # noqa: E402
from kitlib.release.workers import fork_context, kernel_env  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from _timing import Targets  # noqa: E402

ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "harbor-bridge-vote"
RELEASE_TARGET = 1.5  # a full release / executing the masters once
GROWTH_TARGET = 1.2  # time per article with N articles / time for one article


def execute_once(master: Path) -> None:
    """What "running the lesson" costs: one fresh kernel, every cell, nothing else."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(master, as_version=4)
    env = {**_plain_env(), **kernel_env()}
    resources = {"metadata": {"path": str(master.parent)}}
    NotebookClient(nb, timeout=600, kernel_name="python3", resources=resources).execute(env=env)


def _plain_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "KITLIB_ARTICLE"}


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def execute_all(masters: list[Path], workers: int) -> None:
    with ProcessPoolExecutor(max_workers=workers, mp_context=fork_context()) as pool:
        list(pool.map(execute_once, masters))


def release_for_articles(masters_dir: Path, count: int, tmp: Path) -> float:
    articles = []
    for n in range(count):
        copy = tmp / f"articles-{count}" / f"article-{n + 1}"
        shutil.copytree(ARTICLE, copy)
        articles.append(copy)

    def run():
        for article in articles:
            report = release(masters_dir, tmp / f"out-{count}" / article.name, article=article,
                             progress=False)  # fmt: skip
            assert report.ok, report.failures or report.leaks

    return timed(run)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--masters", default=str(ROOT / "notebooks"))
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the best counts")
    parser.add_argument("--sequential", action="store_true", help="also time one worker")
    parser.add_argument("--skip-articles", action="store_true")
    args = parser.parse_args()
    masters_dir = Path(args.masters).resolve()
    masters = sorted(masters_dir.glob(MASTER_PATTERN))
    if not masters:
        masters_dir = ROOT / "tests" / "fixtures" / "masters"
        masters = sorted(masters_dir.glob(MASTER_PATTERN))
    print(f"masters: {len(masters)} in {masters_dir.relative_to(ROOT)}")
    targets = Targets("bench_release")

    import nbclient  # noqa: F401  (warm the imports both sides share)
    import nbconvert  # noqa: F401
    import nbformat  # noqa: F401

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # Alternate the two and keep each one's best of --repeat: other programs on the machine
        # slow single runs down by tens of percent.
        executes, releases = [], []
        for n in range(args.repeat):
            executes.append(timed(lambda: execute_all(masters, 2)))
            out = tmp / f"seed-{n}"
            releases.append(timed(lambda out=out: _release_seed(masters_dir, out)))
        parallel, full = min(executes), min(releases)
        print(f"execute the masters once, 2 workers: {parallel:6.1f} s  (runs: {_runs(executes)})")
        print(f"full release (2 workers)           : {full:6.1f} s  (runs: {_runs(releases)})")
        targets.check("ratio release / execute", full / parallel, RELEASE_TARGET)
        if args.sequential:
            sequential = timed(lambda: execute_all(masters, 1))
            print(f"execute the masters once, 1 worker : {sequential:6.1f} s")
            targets.check("ratio release / execute (1 worker)", full / sequential, RELEASE_TARGET)
        if args.skip_articles:
            return targets.exit_status()
        base = None
        for count in (1, 2, 4):
            seconds = release_for_articles(masters_dir, count, tmp)
            base = base or seconds
            print(f"release for {count} article(s): {seconds:6.1f} s "
                  f"({seconds / count:5.1f} s each, x{seconds / base:4.2f} of one)")  # fmt: skip
            if count > 1:
                label = f"ratio time per article, {count} articles / one article"
                targets.check(label, seconds / count / base, GROWTH_TARGET)
    return targets.exit_status()


def _runs(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values)


def _release_seed(masters_dir: Path, out: Path) -> None:
    _check(release(masters_dir, out, progress=False))


def _check(report) -> None:
    assert report.ok, report.failures or report.leaks


if __name__ == "__main__":
    sys.exit(main())
