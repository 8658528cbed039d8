"""Run a whole release: every master, two at a time, into ``release/``."""

from __future__ import annotations

import json
import sys
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path

from kitlib.errors import ReleaseInterrupted
from kitlib.release.context import ReleaseContext
from kitlib.release.files import place, read_manifest, write_manifest
from kitlib.release.workers import kernel_env, worker_pool

MASTER_PATTERN = "[0-9][0-9]-*.ipynb"  # notebooks/NN-topic.ipynb
OUTPUT_DIRS = ("student", "answer-key")


class NoMastersError(FileNotFoundError):
    """The masters folder holds no ``NN-topic.ipynb`` notebook."""


@dataclass
class ReleaseReport:
    out_dir: Path
    article_name: str
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by someone: not overwritten
    failures: list[str] = field(default_factory=list)  # one message per failed master
    leaks: list = field(default_factory=list)
    seed_only: dict[str, int] = field(default_factory=dict)  # per master, for another article
    left_out: dict[str, list[str]] = field(default_factory=dict)  # per master: why, per cell

    @property
    def ok(self) -> bool:
        return not self.failures and not self.leaks


@dataclass
class _Outcome:
    name: str
    files: dict[str, bytes] | None = None
    error: str | None = None


def release(
    masters_dir="notebooks",
    out_dir="release",
    article=None,
    force: bool = False,
    workers: int = 2,
    progress: bool | None = None,
    timeout: int = 300,
    solutions: str = "after-attempt",
) -> ReleaseReport:
    """Write student notebooks and answer keys for every master; see ``docs/instructor-guide.md``.

    ``article`` is an article folder (``article.txt`` + ``annotation.yaml``); None releases
    for the course article. Files edited since the last release are kept unless ``force``.
    Never raises for a failing master: the report lists it and the other files are written.
    Ctrl-C raises ``ReleaseInterrupted`` (a KeyboardInterrupt) once the workers and their
    kernels are stopped; the files already placed are whole. ``solutions`` is when
    ``kitlib.solution`` shows the model answer in the student folder: ``after-attempt``
    (self-paced), ``off`` (graded work) or ``open``.
    """
    from kitlib.release.leaks import check_release

    masters_dir, out_dir = Path(masters_dir), Path(out_dir)
    masters = sorted(masters_dir.glob(MASTER_PATTERN))
    if not masters:
        raise NoMastersError(
            f"no master notebooks (NN-topic.ipynb) in {masters_dir}; run from the kit's folder "
            f"or pass --masters DIR"
        )
    article_name, article_path, source = article_reference(article, out_dir)
    for sub in OUTPUT_DIRS:
        (out_dir / sub).mkdir(parents=True, exist_ok=True)
    contexts = [_context(m, article_name, article_path, source, out_dir, timeout) for m in masters]
    report = ReleaseReport(out_dir=out_dir, article_name=article_name)
    # Before the workers fork: they inherit the loaded article and every exercise's cached
    # answer, instead of each computing them again for its notebooks.
    report.left_out = left_out_exercises(masters, source)
    recorded = read_manifest(out_dir)
    manifest = dict(recorded)
    released: list[str] = []
    failed: list[str] = []
    outcomes = iter(())
    try:
        # The article first: the answer keys execute against this copy.
        for rel, data in article_files(source, article_path).items():
            place(out_dir, rel, data, recorded, manifest, report, force)
        rel, data = settings_file(solutions)
        place(out_dir, rel, data, recorded, manifest, report, force)
        outcomes = _build_all(masters, contexts, workers, progress)
        for outcome in outcomes:
            if outcome.error:
                report.failures.append(outcome.error)
                failed.append(outcome.name)
                continue
            for rel, data in sorted(outcome.files.items()):
                place(out_dir, rel, data, recorded, manifest, report, force)
            released.append(outcome.name)
    except KeyboardInterrupt:
        _close(outcomes)  # stops the workers and their kernels before anything is said
        left = [m.name for m in masters if m.name not in released + failed]
        raise ReleaseInterrupted(out_dir, released, left, failed) from None
    finally:
        # Also when interrupted: files already replaced must not look "edited" next time.
        write_manifest(out_dir, manifest)
    for listing in (report.written, report.unchanged, report.kept, report.failures):
        listing.sort()  # workers finish in any order; the report does not
    report.leaks = check_release(out_dir, masters_dir)
    if article_path is not None:
        report.seed_only = {m.name: n for m in masters if (n := _count_seed_only(m))}
    return report


def left_out_exercises(masters, source) -> dict[str, list[str]]:
    """Per master, one line per exercise (or passage) the article leaves out, and why."""
    from kitlib.article import current_article
    from kitlib.release.exercise_cells import reasons_left_out
    from kitlib.release.seed_only import is_seed_only

    art = current_article(source)
    found = {}
    for master in masters:
        cells = json.loads(master.read_text(encoding="utf-8")).get("cells", [])
        # Seed-only cells are reported on their own line, and only for another article.
        reasons = reasons_left_out(cells, art)
        reasons = [
            why for i, why in reasons.items() if source is None or not is_seed_only(cells[i])
        ]
        reasons = list(dict.fromkeys(reasons))
        if reasons:
            found[master.name] = reasons
    return found


ARTICLE_COPY = "articles"  # release/student/articles/<name>/: the student folder is complete


def article_files(source, article_path) -> dict[str, bytes]:
    """The article's text and annotation, for each release folder (none for a shipped one)."""
    from kitlib.article import ANNOTATION_FILE, article_dir, text_file_name

    if source is None or not str(article_path).startswith(f"{ARTICLE_COPY}/"):
        return {}
    folder = article_dir(source)
    names = [ANNOTATION_FILE, text_file_name(folder)]
    return {
        f"{sub}/{article_path}/{name}": (folder / name).read_bytes()
        for sub in OUTPUT_DIRS
        for name in names
    }


def settings_file(solutions: str) -> tuple[str, bytes]:
    """student/kitlib-settings.json: read by the student kernels (kitlib.checking)."""
    from kitlib.checking import SETTINGS_FILE, SOLUTION_SETTINGS

    if solutions not in set(SOLUTION_SETTINGS.values()):
        choices = ", ".join(sorted(set(SOLUTION_SETTINGS.values())))
        raise ValueError(f"solutions must be one of {choices}, not {solutions!r}")
    data = json.dumps({"solutions": solutions}, indent=1) + "\n"
    return f"student/{SETTINGS_FILE}", data.encode("utf-8")


def _count_seed_only(master: Path) -> int:
    from kitlib.release.seed_only import is_seed_only

    cells = json.loads(master.read_text(encoding="utf-8")).get("cells", [])
    return sum(is_seed_only(cell) for cell in cells)


def article_reference(article, out_dir: Path) -> tuple[str, str | None, str | None]:
    """The article's name, what the notebooks record to load it (None: the course article),
    and where this process loads it from."""
    from kitlib.article import DEFAULT_ARTICLE, article_dir, load_article, seeds_dir

    if article is None:
        return DEFAULT_ARTICLE, None, None
    load_article(article)  # validates: raises AnnotationError naming each problem
    folder = article_dir(article).resolve()
    if folder.parent == seeds_dir().resolve():
        # A shipped article: its name loads it wherever the kit is installed.
        recorded = None if folder.name == DEFAULT_ARTICLE else folder.name
        return folder.name, recorded, folder.name
    # The release copies the article beside the notebooks (see ``article_files``).
    return folder.name, f"{ARTICLE_COPY}/{folder.name}", str(folder)


def _context(
    master: Path, article_name, article_path, source, out_dir: Path, timeout
) -> ReleaseContext:
    return ReleaseContext(
        notebook_name=master.stem,
        article_name=article_name,
        article_path=article_path,
        article_source=source,
        execution_dir=str((out_dir / "answer-key").resolve()),
        kernel_env=kernel_env(),
        timeout=timeout,
    )


def _close(outcomes) -> None:
    close = getattr(outcomes, "close", None)  # a generator; tests may pass a plain iterator
    if close is not None:
        close()


def _build_all(masters, contexts, workers: int, progress):
    # Import the slow libraries once, before forking, so the workers inherit them.
    import nbclient  # noqa: F401
    import nbconvert  # noqa: F401
    import nbformat  # noqa: F401
    import plotly.io  # noqa: F401
    from tqdm import tqdm

    # Longest first, so that no worker is left with a long lesson at the end. A master's size
    # (its stored outputs) tracks how long it runs closely enough.
    jobs = sorted(zip(masters, contexts, strict=True), key=lambda job: -job[0].stat().st_size)
    size = max(1, min(workers, len(jobs)))
    with worker_pool(size) as pool:
        futures = [pool.submit(_build_one, master, ctx) for master, ctx in jobs]
        bar = tqdm(total=len(jobs), unit="notebook", disable=_no_bar(progress), file=sys.stderr)
        with bar:
            for future in as_completed(futures):
                outcome = future.result()
                bar.set_postfix_str(outcome.name)
                bar.update()
                yield outcome


def _build_one(master: Path, ctx: ReleaseContext) -> _Outcome:
    from kitlib.release.pipeline import build_files

    try:
        return _Outcome(master.name, files=build_files(master, ctx))
    except Exception as err:  # reported per notebook; the other masters carry on
        message = str(err)
        if not message.startswith(ctx.notebook_name):
            message = f"{master.name}: {type(err).__name__}: {message}"
        return _Outcome(master.name, error=message)


def _no_bar(progress) -> bool | None:
    return None if progress is None else not progress  # None: only on a terminal
