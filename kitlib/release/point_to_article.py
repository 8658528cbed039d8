"""Step: make a lesson load the release's article instead of the course article.

``kitlib.load_article()`` with no argument honours ``$KITLIB_ARTICLE``. The step writes that
variable at the top of the article cell (tagged ``article-path``, else the first code cell),
so the notebook keeps loading the right article whenever a student runs it. The path is
relative to the release folders, which keeps releases byte-identical across machines.
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
    line = f'os.environ["KITLIB_ARTICLE"] = {json.dumps(ctx.article_path)}  {MARK}'
    cell.source = f"import os\n\n{line}\n{cell.source}"
    return nb


def _article_cell(nb):
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    tagged = [cell for cell in code_cells if ARTICLE_CELL_TAG in cell.metadata.get("tags", [])]
    return (tagged or code_cells or [None])[0]
