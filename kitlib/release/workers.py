"""Worker processes and the environment of the kernels they start."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path


def fork_context():
    # fork shares the already imported nbformat/nbclient with the workers (~2 s saved each).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def kernel_env() -> dict[str, str]:
    """Extra environment for kernels: they must import this kitlib, installed or not."""
    root = str(Path(__file__).resolve().parents[2])
    paths = [root] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {"PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}
