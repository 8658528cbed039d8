"""What the student sees: reflection stubs with quotes to write between, printed sentences
wrapped between words, text columns of tables aligned left."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from kitlib.display import WIDTH, register, say, table_html, text_columns, wrap

ROOT = Path(__file__).resolve().parent.parent
LEFT = '<td style="text-align: left;">'

SENTENCE = (
    "Ukrainian President Volodymyr Zelenskyy on Tuesday presented a new U.S.-Ukrainian peace "
    "proposal that departs from earlier drafts by adding security guarantees for Kyiv, while "
    "remaining prepared to fight to fully occupy Donetsk."
)


# --- printed text -------------------------------------------------------------------------


@pytest.mark.parametrize("width", [30, 60, WIDTH])
def test_wrap_breaks_between_words_only(width):
    lines = wrap(SENTENCE, width).split("\n")
    assert len(lines) > 1 and all(len(line) <= width for line in lines)
    assert " ".join(line.strip() for line in lines) == SENTENCE  # every word whole, in order
    assert "U.S.-Ukrainian" in wrap(SENTENCE, width)  # not split at its hyphen


def test_wrap_keeps_short_lines_and_line_breaks_as_they_are():
    text = "c03: named\n\nc05: document"
    assert wrap(text) == text
    assert wrap(wrap(SENTENCE)) == wrap(SENTENCE)


@pytest.mark.parametrize("mark", ["s01 ", "c03: ", "- ", "  "])
def test_a_list_line_continues_under_its_first_word(mark):
    first, *rest = wrap(mark + SENTENCE, 50).split("\n")
    assert first.startswith(mark) and rest
    assert all(line.startswith(" " * len(mark)) and line[len(mark)] != " " for line in rest)


def test_a_word_longer_than_the_line_is_left_whole():
    long_id = "russian-officials-and-analysts-close-to-moscow"
    assert wrap(f"{long_id}: said", 20).split("\n")[0] == long_id + ":"


def test_say_in_a_notebook_adds_html_that_wraps_between_words(monkeypatch):
    import kitlib.display as display_module

    shown = []
    monkeypatch.setattr(display_module, "_shell", lambda: object())
    monkeypatch.setattr("IPython.display.display", lambda data, raw: shown.append(data))
    say(SENTENCE, width=40)
    (data,) = shown
    assert data["text/plain"] == wrap(SENTENCE, 40)
    html = data["text/html"]
    assert "word-break:normal" in html and "break-all" not in html
    assert "Kyiv, while" in html and "\n" not in html  # whole: the browser wraps it


def test_say_prints_wrapped_sentences(capsys):
    say("The rule finds", 4, "texts.", SENTENCE, width=40)
    printed = capsys.readouterr().out
    assert printed == wrap(f"The rule finds 4 texts. {SENTENCE}", 40) + "\n"


# --- tables -----------------------------------------------------------------------------------


@pytest.fixture
def quotes():
    import kitlib

    return kitlib.load_article().quotes


def cell_styles(html: str) -> list[list[bool]]:
    """For each body row: is each <td> aligned left?"""
    body = html.split("<tbody>", 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    return [[bool(style) for style in re.findall(r"<td( style=[^>]*)?>", row)] for row in rows]


def test_text_columns_are_aligned_left_and_numbers_are_not(quotes):
    frame = quotes[["quote_id", "speaker_id", "cue_start", "text"]].head(4)
    html = table_html(frame)
    assert cell_styles(html) == [[True, True, False, True]] * 4
    headers = re.findall(r"<th( style=[^>]*)?>([^<]*)</th>", html.split("</thead>")[0])
    left = [name for style, name in headers if style]
    assert left == ["quote_id", "speaker_id", "text"]


def test_the_html_is_pandas_own_with_styles_added_and_stable(quotes):
    frame = quotes.head(3)
    html = table_html(frame)
    assert html.replace(' style="text-align: left;"', "") == frame._repr_html_()
    assert table_html(frame) == html
    assert " id=" not in html and "T_" not in html  # no random ids (Styler's uuid)


def test_a_frame_without_text_is_shown_as_pandas_shows_it():
    frame = pd.DataFrame({"count": [13, 1], "share": [0.9, 0.1]})
    assert text_columns(frame) == []
    assert table_html(frame) == frame._repr_html_()


def test_a_wide_frame_aligns_the_text_columns_pandas_shows():
    columns = {f"c{i}": (["x"] * 2 if i in (0, 9, 12, 25, 29) else [1, 2]) for i in range(30)}
    frame = pd.DataFrame(columns)
    with pd.option_context("display.max_columns", 20):
        html = table_html(frame)
        shown = re.findall(r"<td( style=[^>]*)?>([^<]*)</td>", html.split("<tbody>")[1])[:21]
    # Columns c0-c9, "...", c20-c29: the left ones are exactly the text ones shown.
    assert [value for style, value in shown if style] == ["x"] * 4  # c0, c9, c25, c29
    assert shown[10][1] == "..." and not shown[10][0]


def test_string_and_category_dtypes_count_as_text():
    frame = pd.DataFrame(
        {
            "name": pd.Series(["a", "b"], dtype="string"),
            "side": pd.Categorical(["russia", "ukraine"]),
            "n": [1, 2],
        }
    )
    assert text_columns(frame) == [0, 1]


def test_ipython_shows_dataframes_with_text_left_and_text_plain_unchanged(quotes):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    assert register(shell) and register(shell)  # a second call changes nothing
    frame = quotes[["quote_id", "cue_start"]].head(2)
    data, _ = shell.display_formatter.format(frame)
    assert data["text/plain"] == repr(frame)
    assert LEFT in data["text/html"] and data["text/html"] == table_html(frame)


def test_register_outside_ipython_does_nothing(monkeypatch):
    import sys

    monkeypatch.delitem(sys.modules, "IPython", raising=False)
    assert register() is False


# --- a reflection's stub --------------------------------------------------------------------


def test_a_reflection_stub_has_quotes_and_its_check_says_not_answered_yet():
    import nbformat

    import kitlib
    from kitlib.checking import diagnose
    from kitlib.release.context import ReleaseContext
    from kitlib.release.pipeline import student_file

    ctx = ReleaseContext(notebook_name="03-quotes", article_name="ukraine-peace-plan")
    student = nbformat.reads(student_file(ROOT / "notebooks" / "03-quotes.ipynb", ctx), 4)
    cell = next(c for c in student.cells if 'kitlib.check("quotes.signaled"' in c.source)
    assert 'answer = """\n\n"""' in cell.source
    scope = {"kitlib": kitlib, "art": kitlib.load_article()}
    exec(cell.source.rsplit("\n", 1)[0], scope)  # the stub, as the student gets it
    assert diagnose("quotes.signaled", scope["answer"]).status == "not_answered"
    words = " ".join(["Signaled says nobody is reported to have said it outright."] * 4)
    exec(cell.source.replace('"""\n\n"""', f'"""\n{words}\n"""').rsplit("\n", 1)[0], scope)
    assert diagnose("quotes.signaled", scope["answer"]).status != "not_answered"


def test_a_written_answer_stub_keeps_its_indent_and_other_stubs_stay_ellipses():
    from kitlib.release.stubs import code_stub

    assert code_stub(['answer = """Some', 'words."""'], "    ") == [
        "    # YOUR CODE HERE",
        '    answer = """',
        "",
        '    """',
    ]
    assert code_stub(["answer = 'short'"]) == ["# YOUR CODE HERE", "answer = ..."]
    assert code_stub(['answer = f"""{art.title}"""']) == ["# YOUR CODE HERE", "answer = ..."]
    assert code_stub(["answer = '''Words.'''", "answer = answer.strip()"]) == [
        "# YOUR CODE HERE",
        "answer = '''",
        "",
        "'''",
    ]
