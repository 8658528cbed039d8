"""How kitlib's text and tables look in a notebook: sentences wrapped between words, text
columns aligned left.

Two things JupyterLab (4.6) does that students see as defects:

- Printed text: its output CSS has ``.jp-OutputArea-output pre { word-break: break-all;
  white-space: pre-wrap }``, so a line longer than the output area breaks at any letter
  ("Done / tsk."). ``wrap`` breaks lines between words, at ``WIDTH`` characters; ``say``
  prints that as text/plain and adds an HTML copy that the browser wraps between words at
  the output's own width (a fixed width cannot fit every window). Text a lesson cell prints
  itself needs the CSS fix in the kit's JupyterLab (see the lead's notes).
- Tables: its rendered HTML right-aligns every cell, so a column of sentences has a ragged
  left edge. ``register()`` (called when kitlib is imported in IPython) adds an HTML
  formatter for DataFrames that aligns text columns left with inline styles: pandas' own
  HTML otherwise (its truncation, its text/plain repr untouched), no ids, so the same frame
  always gives the same bytes.
"""

from __future__ import annotations

import itertools
import re
import sys
import textwrap

__all__ = ["WIDTH", "wrap", "say", "text_html", "table_html", "register"]

WIDTH = 72  # characters per printed line: fits the output area of a 1000-pixel-wide window
LEFT = ' style="text-align: left;"'
_LIST_MARK = re.compile(r"^(\s*)(?:[-*•]\s+|\d+[.)]\s+|[a-z]\d+[:.]?\s+)?")


def wrap(text: object, width: int = WIDTH) -> str:
    """``text`` with each line longer than ``width`` broken between words. A line that
    starts with an indent, a bullet ("- ") or an id ("s01 ", "c03: ") continues under its
    first word, so lists stay readable. Words are never split, not even at hyphens (ids
    such as ``russian-officials-and-analysts`` stay whole)."""
    return "\n".join(_wrap_line(line, width) for line in str(text).split("\n"))


def _wrap_line(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    hang = " " * min(len(_LIST_MARK.match(line).group(0)), width // 3)
    return textwrap.fill(
        line,
        width=width,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )


def shorten(text: str, width: int = 60) -> str:
    """The text, cut at the last word boundary that fits with an ellipsis, never inside a word."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut and text[width - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def say(*parts: object, sep: str = " ", width: int = WIDTH) -> None:
    """``print`` for sentences: the parts joined by ``sep``, wrapped between words. In a
    notebook the text also comes as HTML that the browser wraps between words at any width
    (the text/plain copy, wrapped at ``width``, is what terminals and nbval compare)."""
    text = sep.join(str(p) for p in parts)
    shell = _shell()
    if shell is None:
        print(wrap(text, width))
        return
    from IPython.display import display

    # The HTML keeps the lines whole: the browser wraps them to the output's own width.
    display({"text/plain": wrap(text, width), "text/html": text_html(text)}, raw=True)


TEXT_STYLE = (
    "white-space:pre-wrap;word-break:normal;overflow-wrap:anywhere;margin:0;padding:0;"
    "border:none;background:none;font-family:var(--jp-code-font-family,monospace);"
    "font-size:var(--jp-code-font-size,13px);line-height:var(--jp-code-line-height,1.3077)"
)


def text_html(text: str) -> str:
    """``text`` as preformatted HTML that wraps between words only."""
    import html

    return f'<pre class="kitlib-text" style="{TEXT_STYLE}">{html.escape(text)}</pre>'


def _shell():
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    shell = get_ipython()
    # A plain IPython terminal shows text only: print there, as in a script.
    return shell if shell is not None and hasattr(shell, "kernel") else None


# --- tables ---------------------------------------------------------------------------------


def text_columns(frame) -> list[int]:
    """Positions (from 0) of the columns that hold text: strings, objects, text categories."""
    import pandas as pd

    positions = []
    for position, dtype in enumerate(frame.dtypes):
        if isinstance(dtype, pd.CategoricalDtype):
            is_text = pd.api.types.is_string_dtype(dtype.categories.dtype)
        else:
            is_text = pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)
        if is_text:
            positions.append(position)
    return positions


def _shown_positions(frame, positions: list[int]) -> list[int]:
    """Where the text columns land among the ``<td>`` of a row of pandas' notebook HTML,
    which shows the first and last half of ``display.max_columns`` around a "..." column."""
    import pandas as pd

    max_cols = pd.get_option("display.max_columns")
    count = frame.shape[1]
    if not max_cols or count <= max_cols:
        return positions
    half = max_cols // 2
    shown = []
    for position in positions:
        if position < half:
            shown.append(position)
        elif position >= count - half:
            shown.append(position - (count - half) + half + 1)  # + 1: the "..." column
    return shown


def _left_align(row: str, positions: set[int], tag: str) -> str:
    cells = itertools.count()

    def one(match: re.Match) -> str:
        return f"<{tag}{LEFT}>" if next(cells) in positions else match.group(0)

    return re.sub(rf"<{tag}>", one, row)


def table_html(frame) -> str | None:
    """pandas' notebook HTML for ``frame`` with its text columns (values and their headers)
    aligned left; None when pandas would show no HTML."""
    html = frame._repr_html_()
    positions = text_columns(frame)
    if html is None or not positions:
        return html
    shown = set(_shown_positions(frame, positions))
    head, sep, body = html.partition("<tbody>")
    if not sep:
        return html
    body = re.sub(r"<tr>.*?</tr>", lambda m: _left_align(m.group(0), shown, "td"), body, flags=re.S)
    if frame.columns.nlevels == 1 and frame.index.nlevels == 1:
        # The first header row: the index's cell, then one <th> per shown column.
        headers = {p + 1 for p in shown}
        head = re.sub(
            r"<tr[^>]*>.*?</tr>",
            lambda m: _left_align(m.group(0), headers, "th"),
            head,
            count=1,
            flags=re.S,
        )
    return head + sep + body


_registered: set[int] = set()


def register(shell=None) -> bool:
    """Show DataFrames through ``table_html`` in this IPython session (once; cheap: pandas
    is not imported for it). False outside IPython."""
    if shell is None:
        if "IPython" not in sys.modules:
            return False
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None or id(shell) in _registered:
        return shell is not None
    formatter = shell.display_formatter.formatters["text/html"]
    # By name, so that pandas is not imported here; pandas 3 gives its classes the module
    # "pandas", older versions "pandas.core.frame".
    for module in ("pandas", "pandas.core.frame"):
        formatter.for_type_by_name(module, "DataFrame", table_html)
    _registered.add(id(shell))
    return True
