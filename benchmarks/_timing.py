"""Shared timing helpers: fresh processes, interleaved runs, medians (these machines are noisy)."""

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
