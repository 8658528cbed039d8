"""Find the delimited regions of a cell: solutions and hidden tests, as nbgrader marks them."""

from __future__ import annotations

from collections.abc import Iterator

# nbgrader's default delimiters, matched the way nbgrader matches them (anywhere in a line),
# so `# BEGIN SOLUTION` in code and `<!-- BEGIN SOLUTION -->` in markdown both count.
BEGIN_SOLUTION, END_SOLUTION = "BEGIN SOLUTION", "END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
MARKERS = (BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN, END_HIDDEN)


class RegionError(ValueError):
    """A BEGIN marker without its END (or nested markers) in a master cell."""


def split_regions(source: str, begin: str, end: str) -> Iterator[tuple[bool, list[str], str]]:
    """Yield ``(inside, lines, begin_line)`` runs of a cell's lines.

    Runs outside a region have ``inside=False`` and ``begin_line=""``; marker lines are not
    part of any run. Raises ``RegionError`` on nesting or a missing END marker.
    """
    outside: list[str] = []
    inside: list[str] | None = None
    begin_line = ""
    for line in source.split("\n"):
        if begin in line:
            if inside is not None:
                raise RegionError(f"nested {begin!r} markers; close the first with {end!r}")
            if outside:
                yield False, outside, ""
            outside, inside, begin_line = [], [], line
        elif end in line:
            if inside is None:
                raise RegionError(f"{end!r} without a {begin!r} above it")
            yield True, inside, begin_line
            inside = None
        elif inside is not None:
            inside.append(line)
        else:
            outside.append(line)
    if inside is not None:
        raise RegionError(f"{begin!r} without a matching {end!r}; add the {end!r} line")
    if outside:
        yield False, outside, ""


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def is_solution_cell(cell) -> bool:
    return bool(nbgrader_meta(cell).get("solution"))


def is_grade_cell(cell) -> bool:
    return bool(nbgrader_meta(cell).get("grade"))
