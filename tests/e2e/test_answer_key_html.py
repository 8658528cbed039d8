"""The answer key's HTML draws its plots in a browser with no network (file:// only)."""

import shutil

import pytest

from kitlib.cli import main
from tests.test_release import COUNTING, FIXTURE_MASTERS

pytestmark = pytest.mark.e2e


def test_answer_key_html_plot_renders_in_an_offline_browser(browser, tmp_path):
    masters = tmp_path / "masters"
    masters.mkdir()
    shutil.copy(FIXTURE_MASTERS / f"{COUNTING}.ipynb", masters)
    out = tmp_path / "release"
    assert main(["release", "--masters", str(masters), "--out", str(out), "--no-progress"]) == 0

    context = browser.new_context(offline=True)
    try:
        page = context.new_page()
        errors, requests = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto((out / "answer-key" / f"{COUNTING}.html").as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=15_000)
        bars = page.locator(".js-plotly-plot .point").count()
    finally:
        context.close()
    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []  # nothing fetched
    assert bars == 4  # said, insisted, signaled, claimed
