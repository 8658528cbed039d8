"""Steps for exercises (and passages) that do not apply to the release's article.

An exercise declares what it needs from an article (``needs=``, see kitlib/framework/needs.py),
and one whose answer would be empty does not apply either. Released for an article that lacks
it, the students do not get the exercise or the cells that belong to it
(``exercise_cells.py``); the answer key keeps each as an instructor note saying why.
"""

from __future__ import annotations

from kitlib.release.exercise_cells import reasons_left_out


def _reasons(nb, ctx) -> dict[int, str]:
    from kitlib.article import current_article

    return reasons_left_out(nb.cells, current_article(ctx.article_source))


def drop_not_applicable(nb, ctx):
    reasons = _reasons(nb, ctx)
    nb.cells = [cell for index, cell in enumerate(nb.cells) if index not in reasons]
    return nb


def flag_not_applicable(nb, ctx):
    from kitlib.release.seed_only import instructor_note

    for index, why in _reasons(nb, ctx).items():
        nb.cells[index] = instructor_note(
            nb.cells[index], f"is left out of the student notebooks for `{ctx.article_name}`: {why}"
        )
    return nb
