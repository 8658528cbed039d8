"""What a student sees: each lesson opened in JupyterLab, all cells run, in a real browser.

One page and one kernel per lesson (a module-scoped fixture): the read-only checks come first,
then the checks that type into cells, then the network check that covers the whole visit.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass

import pytest

pytest.importorskip("playwright.sync_api", reason="needs the e2e extra: pip install -e '.[e2e]'")

from lesson_files import ARTIFACTS, lesson_notebooks
from lesson_page import (
    check_cells,
    open_notebook,
    run_all_cells,
    screenshot_whole_notebook,
    type_into_cell_and_run,
    wait_for_plots,
    wait_for_widgets,
)

pytestmark = pytest.mark.e2e

# What the tests rely on from kitlib (see tests/e2e/README.md): a check result renders one
# element of class kitlib-feedback with role="status" and a state class kitlib-correct,
# kitlib-incorrect or kitlib-not_answered (kitlib/feedback.py);
# kitlib.widgets.article_viewer() is a box of class kit-article-viewer with one checkbox per
# layer, and each highlighted stretch of text is a span of class kit-hl; kitlib.widgets.quiz()
# is a box of class kit-quiz-<id> with radio buttons and a Check button that shows the box.
FEEDBACK = ".kitlib-feedback"
VIEWER = ".kit-article-viewer"
HIGHLIGHT = ".kit-hl"
QUIZ = '.kit-widget[class*="kit-quiz"]'
TOGGLE = ".widget-checkbox input, .widget-toggle-button, .widget-toggle-buttons button"
WRONG_ANSWER = '"not the answer"'
# The highlighted spans inside an element, as one string to compare before and after a click.
HIGHLIGHTED = "(el, sel) => Array.from(el.querySelectorAll(sel), (m) => m.outerHTML).join('\\n')"


@dataclass
class RenderedLesson:
    name: str  # the notebook's path on the server
    page: object
    network: object
    summary: dict
    seconds: dict[str, float]  # to open the notebook (page, kernel), to run all cells


@pytest.fixture(scope="module", params=lesson_notebooks(), ids=lambda path: path.stem)
def lesson(request, jupyter_lab, open_page):
    notebook = request.param
    page, network = open_page()
    started = time.monotonic()
    open_notebook(
        page, jupyter_lab.base_url, jupyter_lab.token, notebook.name, f"e2e-{notebook.stem}"
    )
    opened = time.monotonic()
    summary = run_all_cells(page, notebook.name)
    seconds = {"open": opened - started, "run_all": time.monotonic() - opened}
    rendered = RenderedLesson(notebook.name, page, network, summary, seconds)
    yield rendered
    record_visit(notebook.stem, rendered)
    page.close()
    jupyter_lab.shut_down_kernels()


def record_visit(stem: str, lesson: RenderedLesson) -> None:
    """Keep the figures of each visit beside the screenshots, for the closing note."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visit = {
        "seconds": {step: round(value, 1) for step, value in lesson.seconds.items()},
        "notebook": lesson.summary,
        "requests": len(lesson.network.requests),
        "blocked": lesson.network.blocked,
        "failed": lesson.network.failed,
    }
    (ARTIFACTS / f"{stem}.json").write_text(json.dumps(visit, indent=1) + "\n")


def test_every_cell_runs_without_error(lesson):
    summary = lesson.summary
    assert summary["errors"] == [], f"cells raised: {summary['errors']}"
    assert summary["executed"] == summary["code"], f"not every code cell ran: {summary}"
    tracebacks = lesson.page.evaluate("(p) => window.__e2e.tracebacks(p)", lesson.name)
    assert tracebacks == [], "the page shows tracebacks:\n" + "\n---\n".join(tracebacks)


def test_every_plotly_figure_renders(lesson):
    expected = lesson.summary["plotly"]
    if expected == 0:
        pytest.skip("this lesson has no plotly figure")
    plots = wait_for_plots(lesson.page, lesson.name, expected)
    for plot in plots:
        assert plot["svg"] > 0 and plot["traces"] > 0, plot
        assert plot["width"] > 100 and plot["height"] > 100, f"a figure is too small: {plot}"


def test_every_widget_is_a_live_control(lesson):
    expected = lesson.summary["widgets"]
    if expected == 0:
        pytest.skip("this lesson displays no widget")
    state = wait_for_widgets(lesson.page, lesson.name, expected)
    assert state["live"] == expected and state["loading"] == 0 and state["broken"] == 0, state


def test_full_page_screenshot(lesson):
    target = ARTIFACTS / f"{lesson.name.removesuffix('.ipynb')}.png"
    target.unlink(missing_ok=True)
    height = screenshot_whole_notebook(lesson.page, lesson.name, target)
    assert target.stat().st_size > 10_000, f"{target} is nearly empty"
    assert height > 0


def test_feedback_box_turns_green_after_a_right_answer(lesson):
    from playwright.sync_api import expect

    checks = check_cells(lesson.page, lesson.name)
    if not checks:
        pytest.skip("this lesson calls no check")
    cell = checks[0]
    call, exercise = cell["func"], cell["id"]
    box = lesson.page.locator(".jp-Notebook .jp-Cell").nth(cell["index"]).locator(FEEDBACK)

    wrong = f'{call}("{exercise}", {WRONG_ANSWER})'
    type_into_cell_and_run(lesson.page, lesson.name, cell["index"], wrong)
    expect(box).to_have_count(1)
    expect(box).to_have_class(re.compile(r"\bkitlib-incorrect\b"))
    expect(box).to_have_attribute("role", "status")
    expect(box).to_be_visible()
    wrong_colour = dominant_colour(box)

    solution = call.replace("check", "solution")
    right = f'{call}("{exercise}", {solution}("{exercise}"))'
    type_into_cell_and_run(lesson.page, lesson.name, cell["index"], right)
    expect(box).to_have_count(1)
    expect(box).to_have_class(re.compile(r"\bkitlib-correct\b"))
    expect(box).to_be_visible()
    assert dominant_colour(box) == "green", "the 'correct' box is not drawn in green"
    assert wrong_colour != "green", "the 'incorrect' box is drawn in green too"


def dominant_colour(box) -> str:
    """'green' when the box's border or background is clearly green, else the colours seen."""
    colours = box.evaluate(
        """(el) => { const s = getComputedStyle(el);
             return [s.borderLeftColor, s.borderTopColor, s.backgroundColor]; }"""
    )
    for colour in colours:
        channels = [float(c) for c in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        alpha = float(colour[:-1].split(",")[3]) if colour.startswith("rgba") else 1.0
        red, green, blue = channels
        if alpha > 0 and green > red + 20 and green > blue + 10:
            return "green"
    return " / ".join(colours)


def test_article_viewer_toggles_change_highlights(lesson):
    page = lesson.page
    viewers = page.locator(VIEWER)
    if viewers.count() == 0:
        pytest.skip("this lesson shows no article viewer")
    viewer = viewers.first
    viewer.scroll_into_view_if_needed()
    toggles = viewer.locator(TOGGLE)
    assert toggles.count() > 0, "the article viewer shows no toggle"
    before = viewer.evaluate(HIGHLIGHTED, HIGHLIGHT)
    toggle = first_inactive(toggles)
    toggle.click()
    # Wait in the page until the highlighted set differs from the one before the click.
    page.wait_for_function(
        f"([sel, hl, before]) => ({HIGHLIGHTED})(document.querySelector(sel), hl) !== before",
        arg=[VIEWER, HIGHLIGHT, before],
        timeout=15_000,
    )
    after = viewer.evaluate(HIGHLIGHTED, HIGHLIGHT)
    assert after != before
    assert viewer.locator(HIGHLIGHT).count() > 0 or before, "no span was ever highlighted"


def first_inactive(toggles):
    """A toggle that is not pressed yet (clicking it must change what is highlighted)."""
    for i in range(toggles.count()):
        toggle = toggles.nth(i)
        pressed = toggle.evaluate(
            "(el) => el.classList.contains('mod-active') || el.checked === true"
        )
        if not pressed:
            return toggle
    return toggles.first


def test_quiz_answers_with_a_feedback_box(lesson):
    from playwright.sync_api import expect

    quizzes = lesson.page.locator(QUIZ)
    if quizzes.count() == 0:
        pytest.skip("this lesson shows no quiz")
    quiz = quizzes.first
    quiz.scroll_into_view_if_needed()
    quiz.locator(".widget-radio-box input[type=radio]").first.check()
    quiz.locator("button", has_text="Check").click()
    # The answer goes to the kernel and the verdict comes back through the widget's comm.
    box = quiz.locator(FEEDBACK)
    expect(box).to_be_visible(timeout=15_000)
    expect(box).to_have_class(re.compile(r"\bkitlib-(correct|incorrect)\b"))


def test_no_request_left_the_machine(lesson):
    network = lesson.network
    assert network.requests, "the network log recorded nothing: the recorder is broken"
    outside = network.outside()
    assert outside == [], (
        f"{len(outside)} request(s) went for hosts other than localhost "
        f"({len(network.blocked)} blocked, {len(network.failed)} failed):\n" + "\n".join(outside)
    )
