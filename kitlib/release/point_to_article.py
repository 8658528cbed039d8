"""Step: make a lesson load the release's article instead of the course article.

The step puts ``kitlib.use_article("articles/<name>")`` at the top of the article cell (tagged
``article-path``, else the first code cell), so the notebook loads the right article whenever
a student runs it; ``kitlib.use_article`` is the one place that decides which article is in use.
The path is relative to the notebook's folder, where the release puts a copy of the article:
the student folder is self-contained, and two releases give the same bytes on any machine.
"""

from __future__ import annotations

import json

from kitlib.release.context import ARTICLE_CELL_TAG

MARK = "# set by `kitlib release --article`"


def point_to_article(nb, ctx):
    if ctx.is_seed:
        return nb
    cell = _article_cell(nb)
    if cell is None:
        return nb  # a lesson that never loads the article has nothing to point
    line = f"kitlib.use_article({json.dumps(ctx.article_path)})  {MARK}"
    lines = cell.source.split("\n")
    if "import kitlib" in lines:  # right after the import, before anything loads the article
        at = lines.index("import kitlib") + 1
        cell.source = "\n".join([*lines[:at], line, *lines[at:]])
    else:
        cell.source = f"import kitlib\n\n{line}\n{cell.source}"
    return nb


def _article_cell(nb):
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    tagged = [cell for cell in code_cells if ARTICLE_CELL_TAG in cell.metadata.get("tags", [])]
    return (tagged or code_cells or [None])[0]
