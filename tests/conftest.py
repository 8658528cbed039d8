"""Shared fixtures, and the lines that say whether the browser tests (tests/e2e) run.

A run without Chromium is green but has not opened a lesson in a browser; the header (at the
start) and the summary (at the end) say so, and how to make them run.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "ukraine-peace-plan"

# What tests/e2e/conftest.py and its test modules skip without (keep the two in step).
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tests" / "e2e" / "node_modules" / "axe-core" / "axe.min.js"
HOW_TO_RUN_E2E = (
    "to run them: .ci/install-browser (apt-get install chromium; npm ci for axe-core) and "
    ".venv/bin/pip install -e '.[e2e]' (playwright), then `make test` or `make e2e`"
)
BROWSER = "browser tests (tests/e2e)"


# Kernels the suite starts (nbval on the masters, releases) record no progress: the masters'
# outputs must not depend on a learner's file. Each test gets its own file (below).
os.environ["KITLIB_PROGRESS"] = "off"


@pytest.fixture(autouse=True)
def _own_progress_file(tmp_path, monkeypatch):
    """Each test records progress in its own file, so no test opens another's solution gate."""
    monkeypatch.setenv("KITLIB_PROGRESS", str(tmp_path / "progress.json"))


@pytest.fixture(scope="session")
def art():
    import kitlib

    return kitlib.load_article()


def missing_for_e2e() -> list[str]:
    """What the browser tests need and this machine lacks (empty: they can run)."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium ({CHROMIUM})")
    if importlib.util.find_spec("playwright") is None:
        missing.append("playwright (the e2e extra)")
    if not AXE.exists():
        missing.append("axe-core (tests/e2e/node_modules; the accessibility tests only)")
    return missing


def pytest_report_header(config):
    missing = missing_for_e2e()
    if "not e2e" in (config.getoption("markexpr", "") or ""):
        return f"{BROWSER}: DESELECTED by -m {config.getoption('markexpr')!r}"
    if not missing:
        return f"{BROWSER}: will run where selected (Chromium, playwright and axe-core found)"
    return f"{BROWSER}: WILL BE SKIPPED, missing {', '.join(missing)}; {HOW_TO_RUN_E2E}"


def _is_e2e(report_or_item) -> bool:
    # A module skipped at import (no playwright) reports without keywords: its path tells.
    keywords = getattr(report_or_item, "keywords", {})
    return "e2e" in keywords or report_or_item.nodeid.startswith("tests/e2e/")


def _skip_reason(report) -> str:
    longrepr = report.longrepr
    return str(longrepr[2] if isinstance(longrepr, tuple) else longrepr).removeprefix("Skipped: ")


def _blocked(reason: str) -> bool:
    """A skip for a missing tool, not a lesson the check does not apply to."""
    return "is missing" in reason or "e2e extra" in reason


def pytest_terminal_summary(terminalreporter, config):
    if config.option.collectonly:
        return
    stats = terminalreporter.stats
    counts = {
        key: [r for r in stats.get(key, []) if hasattr(r, "nodeid") and _is_e2e(r)]
        for key in ("passed", "failed", "error", "skipped", "deselected")
    }
    blocked = [r for r in counts["skipped"] if _blocked(_skip_reason(r))]
    ran = len(counts["passed"]) + len(counts["failed"]) + len(counts["error"])
    terminalreporter.section("browser tests", sep="-")
    write = terminalreporter.write_line
    if not any(counts[key] for key in ("passed", "failed", "error", "skipped")):
        how = "deselected" if counts["deselected"] else "not collected"
        write(f"{BROWSER}: NOT RUN ({how} in this run); `make test` or `make e2e` runs them")
        return
    other_skips = len(counts["skipped"]) - len(blocked)
    parts = [f"{len(counts['passed'])} passed"]
    parts += [f"{len(counts[k])} {k}" for k in ("failed", "error") if counts[k]]
    if other_skips:
        parts.append(f"{other_skips} skipped as not applicable to a lesson")
    if blocked:
        reasons = sorted({_skip_reason(r) for r in blocked})
        verdict = "NOT RUN" if not ran else "PARTLY RUN"
        write(f"{BROWSER}: {verdict}: {len(blocked)} skipped because {'; '.join(reasons)}")
        if ran:
            write(f"  ran: {', '.join(parts)}")
        write(f"  {HOW_TO_RUN_E2E}")
    else:
        write(f"{BROWSER}: RAN: {', '.join(parts)}")
