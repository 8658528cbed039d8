"""Step: prove the nbgrader metadata of a released notebook is valid (schema version 3).

The same rules as nbgrader's ``CheckCellMetadata``, written out so that a release does not
need nbgrader installed; when nbgrader is installed its own validator runs as well.
"""

from __future__ import annotations

import re

REQUIRED = ("schema_version", "grade", "solution", "locked")
GRADE_ID = re.compile(r"^[a-zA-Z0-9_\-]*$")


class NbgraderMetadataError(ValueError):
    """A cell's nbgrader metadata would make ``nbgrader generate_assignment`` fail."""


def check_nbgrader_metadata(nb, ctx):
    problems = list(_problems(nb))
    if problems:
        raise NbgraderMetadataError(
            f"{ctx.notebook_name}: invalid nbgrader metadata; fix it in the master "
            f"(View > Cell Toolbar > Create Assignment in classic Jupyter, or edit the JSON):\n"
            + "\n".join(f"  - {p}" for p in problems)
        )
    _nbgrader_validate(nb, ctx)
    return nb


def _problems(nb):
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader")
        if meta is None:
            continue
        where = f"cell {index}"
        missing = [key for key in REQUIRED if key not in meta]
        if missing:
            yield f"{where}: missing {', '.join(missing)}"
            continue
        if meta["schema_version"] != 3:
            yield f"{where}: schema_version is {meta['schema_version']}, expected 3"
        if not (meta["grade"] or meta["solution"] or meta["locked"]):
            continue
        grade_id = meta.get("grade_id", "")
        if not grade_id or not GRADE_ID.match(grade_id):
            yield f"{where}: grade_id {grade_id!r} must be letters, digits, '-' or '_'"
        elif grade_id in seen:
            yield f"{where}: duplicate grade_id {grade_id!r}"
        seen.add(grade_id)
        if meta["grade"] and "points" not in meta:
            yield f"{where}: a graded cell needs points"
        is_markdown_answer = cell.cell_type == "markdown" and not meta.get("task")
        if is_markdown_answer and meta["grade"] != meta["solution"]:
            yield f"{where}: a markdown answer cell must be both grade and solution"


def _nbgrader_validate(nb, ctx):
    try:
        from nbgrader.nbgraderformat import MetadataValidator, ValidationError
    except ImportError:  # nbgrader is an optional extra
        return
    try:
        MetadataValidator().validate_nb(nb)
    except ValidationError as err:
        raise NbgraderMetadataError(f"{ctx.notebook_name}: nbgrader says: {err}") from None
