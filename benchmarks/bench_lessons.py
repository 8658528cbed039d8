"""How fast the lessons feel: check latency, and running a lesson against the kernel floor.

Prints, measured in one run:
- the median latency of ``kitlib.check`` over every exercise, answered with its solution and
  with a wrong answer (target: under 20 ms);
- the ratio of executing all lesson notebooks to executing the same number of one-cell
  notebooks, each in a fresh kernel, one after the other (the kernel-start floor; target <= 3).

Exits 1 when either is over its target (``BENCH_TARGET_SCALE`` scales them; see ``_timing.py``).
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
from _timing import Targets  # noqa: E402

CHECK_TARGET_MS = 20
RATIO_TARGET = 3


def check_latency_ms() -> tuple[float, float, int]:
    import kitlib
    from kitlib.checking import reference

    ids = list(kitlib.exercises().exercise_id)
    for exercise_id in ids:  # the first call per exercise computes its reference: warm it
        kitlib.check(exercise_id, reference(exercise_id))
    samples = []
    for exercise_id in ids:
        for answer in (reference(exercise_id), "not the answer", None):
            start = time.perf_counter()
            kitlib.check(exercise_id, answer)
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples), len(ids)


def execute_seconds(notebooks) -> float:
    from nbclient import NotebookClient

    start = time.perf_counter()
    for nb, folder in notebooks:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(folder)}}).execute()  # fmt: skip
    return time.perf_counter() - start


def lessons_vs_floor() -> tuple[float, float, int]:
    import nbformat

    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    lessons = [(nbformat.read(p, as_version=4), p.parent) for p in paths]
    floor = [(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), ROOT)
             for _ in paths]  # fmt: skip
    execute_seconds(floor[:1])  # warm the OS file cache
    return execute_seconds(lessons), execute_seconds(floor), len(paths)


def main() -> int:
    targets = Targets("bench_lessons")
    median, worst, count = check_latency_ms()
    print(f"kitlib.check over {count} exercises x 3 answers: max {worst:.2f} ms")
    targets.check("median kitlib.check latency", median, CHECK_TARGET_MS, " ms")
    lessons, floor, n = lessons_vs_floor()
    print(f"executing {n} lessons: {lessons:.1f} s; {n} one-cell notebooks: {floor:.1f} s")
    targets.check("ratio lessons / kernel floor", lessons / floor, RATIO_TARGET)
    return targets.exit_status()


if __name__ == "__main__":
    sys.exit(main())
