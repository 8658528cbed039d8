"""Step: give every cell an id derived from the notebook name and its place in the master.

nbformat 4.5 requires cell ids and makes random ones; random ids would change the bytes of
every release. An id also tells an error message which master cell it came from.
"""

from __future__ import annotations

import re

MAX_ID = 64  # nbformat's limit


def cell_id(notebook_name: str, index: int) -> str:
    return added_cell_id(notebook_name, f"c{index:03d}")


def added_cell_id(notebook_name: str, label: str) -> str:
    """A valid nbformat id: the notebook's name (cut to fit) and a label."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", notebook_name).strip("-") or "nb"
    suffix = f"-{label}"
    return stem[: MAX_ID - len(suffix)] + suffix


def master_index(cell_id_: str) -> int | None:
    """The master cell index encoded by :func:`cell_id`, or None for an added cell."""
    match = re.search(r"-c(\d{3,})$", cell_id_ or "")
    return int(match.group(1)) if match else None


def assign_stable_ids(nb, ctx):
    for index, cell in enumerate(nb.cells):
        cell["id"] = cell_id(ctx.notebook_name, index)
    nb.nbformat, nb.nbformat_minor = 4, max(nb.get("nbformat_minor", 0), 5)
    return nb
