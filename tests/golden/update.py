"""Write the golden student notebooks again: ``python -m tests.golden.update`` (or ``make golden``).

Run it after a change to the student pipeline, a release step or a golden master, then read
``git diff tests/golden/`` as the students would receive it: that diff is the point of the
golden files. Student copies are never executed, so no kernel starts and the run takes seconds.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

# (master, the article its student copy is released for, golden file). The course article is
# named rather than left to the default, so a KITLIB_ARTICLE in the shell cannot change it.
GOLDEN = [
    (
        ROOT / "notebooks" / "00-meet-the-article.ipynb",
        "ukraine-peace-plan",
        "00-meet-the-article.student.ipynb",
    ),
    (
        HERE / "masters" / "00-mini-lesson.ipynb",
        ROOT / "tests" / "fixtures" / "articles" / "festival-noise-dispute",
        "00-mini-lesson.festival-noise-dispute.student.ipynb",
    ),
]


def student_copy(master: Path, article: str | Path) -> bytes:
    """The bytes ``kitlib release --article ARTICLE`` writes to ``release/student/``."""
    from kitlib.release.command import _context, article_reference
    from kitlib.release.pipeline import student_file

    out_dir = Path("release")  # only names the answer key's folder in the context
    name, recorded, source = article_reference(article, out_dir)
    ctx = _context(master, name, recorded, source, out_dir, timeout=300)
    return student_file(master, ctx)


def main() -> int:
    for master, article, golden in GOLDEN:
        path = HERE / golden
        data = student_copy(master, article)
        changed = not path.exists() or path.read_bytes() != data
        path.write_bytes(data)
        print(f"{'updated' if changed else 'unchanged'} {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
