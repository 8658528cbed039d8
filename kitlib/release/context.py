"""What every release step may need to know about the notebook it is working on."""

from __future__ import annotations

from dataclasses import dataclass, field

SEED_ONLY_TAG = "seed-only"  # a cell that only makes sense for the course article
ARTICLE_CELL_TAG = "article-path"  # the cell that loads the article (else: the first code cell)


@dataclass(frozen=True)
class ReleaseContext:
    """One master notebook on its way to one release folder.

    ``article_path`` is None for the course article; the name of another shipped article; or
    an article folder as a POSIX path relative to the folders holding the released notebooks
    (never absolute, so that two releases of the same tree give the same bytes).
    """

    notebook_name: str  # the master's file stem, e.g. "01-who-speaks"
    article_name: str  # the article's folder name, e.g. "ukraine-peace-plan"
    article_path: str | None = None
    execution_dir: str = "."  # the kernel's working directory while executing
    kernel_env: dict[str, str] = field(default_factory=dict)
    timeout: int = 300  # seconds per cell
    # Where this process loads the article from (a folder or a shipped name; None: the course
    # article). Used to decide what applies; never written into a notebook.
    article_source: str | None = None
    master_exercises: int = 0  # exercises the master states, before any is left out

    @property
    def is_seed(self) -> bool:
        return self.article_path is None
