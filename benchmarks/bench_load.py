"""Loading the data costs little more than importing pandas.

Prints, measured in one run, the ratio of `import kitlib; kitlib.load_article()` in a fresh
process to `import pandas` alone in a fresh process. Target: at most 1.3.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import interleaved_medians  # noqa: E402

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
    print(f"ratio kitlib.load_article() / import pandas = {ratio:.2f} (target <= {TARGET})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
