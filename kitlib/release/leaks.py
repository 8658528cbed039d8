"""The leak check: nothing from a master's answers reaches a student notebook.

A *secret line* is a line inside a solution region, a solution cell or a hidden-test region
of the master that does not also appear in the master's open text (a worked example may
legitimately share a line with a solution). Short lines (``)``, ``else:``) carry no answer
and are skipped. A student notebook leaks when one of its lines is a secret line, or it holds
a region marker, a stored output or execution count, or saved widget state.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from kitlib.release.regions import (
    BEGIN_HIDDEN,
    BEGIN_SOLUTION,
    END_HIDDEN,
    END_SOLUTION,
    MARKERS,
    is_solution_cell,
    split_regions,
)

MIN_SECRET_LENGTH = 8  # characters, without surrounding spaces


@dataclass(frozen=True)
class Leak:
    notebook: str
    cell_index: int
    what: str

    def __str__(self) -> str:
        return f"{self.notebook}: cell {self.cell_index}: {self.what}"


class LeakError(AssertionError):
    """A student notebook contains something only the answer key may hold."""

    def __init__(self, leaks: list[Leak]):
        self.leaks = leaks
        lines = "\n".join(f"  - {leak}" for leak in leaks[:30])
        super().__init__(
            f"{len(leaks)} leak(s) into student notebooks:\n{lines}\n"
            f"  Release again (with --force for files you edited by hand), or remove these lines."
        )


# `answer = """` opens a reflection in the master and is also its student stub: it reveals
# nothing of the answer.
OPENS_WRITTEN_ANSWER = re.compile(r"^\w+ = (\"\"\"|''')$")


def secret_lines(master) -> set[str]:
    """The master's answer lines: in solutions or hidden tests, and nowhere in its open text."""
    secret, open_text = set(), set()
    for cell in master.cells:
        if cell.cell_type not in ("code", "markdown"):
            continue
        whole_cell_is_answer = is_solution_cell(cell) and BEGIN_SOLUTION not in cell.source
        for inside, lines in _runs(cell.source):
            bucket = secret if inside or whole_cell_is_answer else open_text
            bucket.update(line.strip() for line in lines)
    return {
        line
        for line in secret - open_text
        if len(line) >= MIN_SECRET_LENGTH and not OPENS_WRITTEN_ANSWER.match(line)
    }


def find_leaks(student, master, name: str) -> list[Leak]:
    secrets = secret_lines(master)
    leaks = []
    if "widgets" in student.get("metadata", {}):
        leaks.append(Leak(name, -1, "saved widget state (metadata.widgets)"))
    for index, cell in enumerate(student.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            leaks.append(Leak(name, index, "stored output or execution count"))
        metadata = json.dumps(cell.get("metadata", {}), ensure_ascii=False)
        text = cell.source + "\n" + metadata
        leaks += [Leak(name, index, f"marker {m!r}") for m in MARKERS if m in text]
        # Whole lines, not substrings: `plan = art.demands[` is inside many open lines.
        lines = {line.strip() for line in cell.source.split("\n")}
        for line in sorted(secrets):
            if line in lines or json.dumps(line)[1:-1] in metadata:
                leaks.append(Leak(name, index, f"answer line {line!r}"))
    return leaks


def check_release(out_dir, masters_dir) -> list[Leak]:
    """Scan ``out_dir/student`` against the masters; return every leak (empty: clean)."""
    import nbformat

    leaks = []
    for student_file in sorted(Path(out_dir, "student").glob("*.ipynb")):
        master_file = Path(masters_dir) / student_file.name
        if not master_file.exists():
            continue
        master = nbformat.read(master_file, as_version=4)
        student = nbformat.read(student_file, as_version=4)
        leaks += find_leaks(student, master, student_file.name)
    return leaks


def _runs(source: str):
    """(inside_a_secret_region, lines) over solution and hidden-test regions alike."""
    for inside, lines, _ in split_regions(source, BEGIN_SOLUTION, END_SOLUTION):
        if inside:
            yield True, lines
            continue
        for hidden, sub, _ in split_regions("\n".join(lines), BEGIN_HIDDEN, END_HIDDEN):
            yield hidden, sub
