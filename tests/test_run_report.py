"""The run says, at its start and at its end, whether the browser tests ran (tests/conftest.py)."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

E2E_TESTS = """
import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def chromium():
    if {missing}:
        pytest.skip("/usr/bin/chromium is missing: run .ci/install-browser")


def test_lesson_00(chromium):
    pass


def test_lesson_01(chromium):
    pass


def test_a_lesson_without_a_quiz(chromium):
    pytest.skip("this lesson shows no quiz")
"""

NO_PLAYWRIGHT = """
import pytest

pytest.importorskip("no_such_playwright", reason="needs the e2e extra: pip install -e '.[e2e]'")


def test_contrast():
    pass
"""

CONFTEST = """
import tests.conftest as kit
from tests.conftest import pytest_report_header, pytest_terminal_summary

kit.CHROMIUM = kit.Path({chromium!r})
"""


@pytest.fixture
def run(pytester, monkeypatch):
    from tests.conftest import ROOT

    monkeypatch.syspath_prepend(str(ROOT))

    def run(*args, chromium_missing: bool):
        chromium = "/nonexistent/chromium" if chromium_missing else "/"
        pytester.makeconftest(CONFTEST.format(chromium=chromium))
        pytester.makeini("[pytest]\nmarkers = e2e: browser\n")
        e2e = pytester.mkdir("tests").joinpath("e2e")
        e2e.mkdir()
        e2e.joinpath("test_fake.py").write_text(E2E_TESTS.format(missing=chromium_missing))
        if chromium_missing:  # and no playwright: the module is skipped as it is imported
            e2e.joinpath("test_fake_a11y.py").write_text(NO_PLAYWRIGHT)
        return pytester.runpytest("-p", "no:cacheprovider", *args).stdout.lines

    return run


def test_without_chromium_the_first_and_last_lines_say_the_browser_tests_did_not_run(run):
    lines = run(chromium_missing=True)
    header = next(line for line in lines if line.startswith("browser tests (tests/e2e):"))
    assert "WILL BE SKIPPED, missing Chromium (/nonexistent/chromium)" in header
    assert ".ci/install-browser" in header
    last = lines[-4:]
    assert any(
        "NOT RUN: 4 skipped because /usr/bin/chromium is missing: run .ci/install-browser; "
        "needs the e2e extra" in line
        for line in last
    ), last
    assert any(".ci/install-browser" in line and "make e2e" in line for line in last), last


def test_with_chromium_the_summary_says_they_ran_and_which_skips_were_lessons(run):
    lines = run(chromium_missing=False)
    assert any("RAN: 2 passed, 1 skipped as not applicable to a lesson" in x for x in lines[-3:])


def test_deselected_browser_tests_are_named_at_both_ends(run):
    lines = run("-m", "not e2e", chromium_missing=False)
    assert "browser tests (tests/e2e): DESELECTED by -m 'not e2e'" in lines
    assert any("NOT RUN (deselected in this run)" in line for line in lines[-3:])
