"""Loading the data costs little more than importing pandas.

Prints, measured in one run, the ratio of `import kitlib; kitlib.load_article()` in a fresh
process to `import pandas` alone in a fresh process. Target: at most 1.3. Exits 1 when the
ratio is over it (``BENCH_TARGET_SCALE`` scales the target; see ``_timing.py``).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import Targets, interleaved_medians  # noqa: E402

TARGET = 1.3


def main() -> int:
    medians = interleaved_medians({
        "python": "pass",
        "pandas": "import pandas",
        "kitlib": "import kitlib; kitlib.load_article()",
    })  # fmt: skip
    ratio = medians["kitlib"] / medians["pandas"]
    for name, seconds in medians.items():
        print(f"{name:>8}: {seconds * 1000:7.1f} ms (median, fresh process)")
    targets = Targets("bench_load")
    targets.check("ratio kitlib.load_article() / import pandas", ratio, TARGET)
    return targets.exit_status()


if __name__ == "__main__":
    raise SystemExit(main())
