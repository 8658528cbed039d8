"""Step: put an "Answer key" banner at the top of the answer key."""

from __future__ import annotations

from kitlib.release.stable_ids import added_cell_id

BANNER_TAG = "answer-key-banner"


def add_answer_key_banner(nb, ctx):
    from nbformat.v4 import new_markdown_cell

    article = "the course article" if ctx.is_seed else f"the article `{ctx.article_name}`"
    text = (
        '<div style="border: 3px solid #b00020; padding: 0.6em 1em; background: #fff4f4">\n\n'
        "# ANSWER KEY: for instructors and TAs only\n\n"
        f"Solutions and hidden tests of `{ctx.notebook_name}`, executed on {article}. "
        "Do not hand this file to students; they get the notebook of the same name in "
        "`release/student/`.\n\n</div>"
    )
    banner = new_markdown_cell(text, metadata={"tags": [BANNER_TAG]})
    banner["id"] = added_cell_id(ctx.notebook_name, "answer-key-banner")
    nb.cells.insert(0, banner)
    return nb
