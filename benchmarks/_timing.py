"""Shared helpers: fresh processes, interleaved runs, medians (these machines are noisy), and
the targets every benchmark checks its ratios against.

Each ``bench_*.py`` prints every ratio beside its target and exits 1 when one is over, so
``make bench`` stops non-zero on a regression. ``BENCH_TARGET_SCALE`` multiplies every target
(default 1): ``BENCH_TARGET_SCALE=0.1 make bench`` makes them ten times stricter, to see the
failure, and 1.5 loosens them on a machine that is busy with something else.
"""

import os
import statistics
import subprocess
import sys
import time


def fresh_process_seconds(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def interleaved_medians(snippets: dict[str, str], rounds: int = 15) -> dict[str, float]:
    """Run each snippet in a fresh process, round-robin, so drift hits all of them alike."""
    samples = {name: [] for name in snippets}
    for code in snippets.values():  # warm the OS file cache once
        fresh_process_seconds(code)
    for _ in range(rounds):
        for name, code in snippets.items():
            samples[name].append(fresh_process_seconds(code))
    return {name: statistics.median(values) for name, values in samples.items()}


def target_scale() -> float:
    raw = os.environ.get("BENCH_TARGET_SCALE", "1")
    try:
        scale = float(raw)
    except ValueError:
        scale = 0.0
    if scale <= 0:
        raise SystemExit(f"BENCH_TARGET_SCALE must be a positive number such as 0.5, not {raw!r}")
    return scale


class Targets:
    """The ratios of one benchmark against their targets: each is printed as it is checked,
    and ``exit_status`` is 1 if any was over its target."""

    def __init__(self, benchmark: str):
        self.benchmark = benchmark
        self.scale = target_scale()
        self.over: list[str] = []
        self.count = 0

    def check(self, label: str, value: float, target: float, unit: str = "") -> bool:
        limit = target * self.scale
        within = value <= limit
        scaled = f", x{self.scale:g} of {target:g}" if self.scale != 1 else ""
        verdict = "ok  " if within else "OVER"
        print(f"{verdict} {label} = {value:.2f}{unit}  (target <= {limit:.3g}{unit}{scaled})")
        self.count += 1
        if not within:
            self.over.append(f"{label} = {value:.2f}{unit} > {limit:.3g}{unit}")
        return within

    def exit_status(self) -> int:
        if self.over:
            print(f"{self.benchmark}: FAILED, {len(self.over)} of {self.count} over target: "
                  + "; ".join(self.over))  # fmt: skip
            return 1
        print(f"{self.benchmark}: all {self.count} within target")
        return 0
