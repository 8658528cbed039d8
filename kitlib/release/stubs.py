"""The student's stub for one solution region.

nbgrader replaces a whole region with ``# YOUR CODE HERE`` and ``raise NotImplementedError()``.
The kit keeps nbgrader's comment but stubs each name the solution assigns
(``answer = ...``), so an unanswered exercise runs, the check below it says "not answered
yet", and "Run all" never stops at the first exercise. A written answer (a triple-quoted
string in the master, as reflections are) keeps its quotes with nothing between them, so the
prompt's "write between the triple quotes" has quotes to write between.
"""

from __future__ import annotations

import ast
import textwrap

CODE_MARK = "# YOUR CODE HERE"
TEXT_STUB = "YOUR ANSWER HERE"  # nbgrader's stub for written answers
NO_ASSIGNMENT_STUB = "pass"  # a region that assigns nothing (e.g. a function body)
TRIPLE_QUOTES = ('"""', "'''")


def code_stub(region: list[str], indent: str = "") -> list[str]:
    """Stub lines for a code region: the comment, then ``target = ...`` per assigned name."""
    stubs = [CODE_MARK] + (_assignment_stubs(region) or [NO_ASSIGNMENT_STUB])
    lines = [line for stub in stubs for line in stub.split("\n")]  # a written answer: 3 lines
    return [indent + line if line else line for line in lines]


def text_stub(indent: str = "") -> list[str]:
    return [indent + TEXT_STUB]


def _assignment_stubs(region: list[str]) -> list[str]:
    source = textwrap.dedent("\n".join(region))
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    stubs: dict[str, str] = {}  # target -> stub; a name assigned twice is stubbed once
    for statement in tree.body:
        stub = _stub_for(statement, source)
        if stub:
            stubs.setdefault(stub.split(" = ", 1)[0], stub)
    return list(stubs.values())


def _stub_for(statement: ast.stmt, source: str) -> str | None:
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        targets = [statement.target]
    else:
        return None
    left = " = ".join(ast.get_source_segment(source, t) for t in targets)
    written = _written_text_quotes(statement.value, source)
    if written:
        # An empty string is "not answered yet" to the check, like `...` (PLACEHOLDERS).
        return f"{left} = {written}\n\n{written}"
    return f"{left} = {_placeholder(targets[-1])}"


def _written_text_quotes(value: ast.expr, source: str) -> str | None:
    """The triple quotes of a written answer (a plain triple-quoted string), else None."""
    if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
        return None
    segment = ast.get_source_segment(source, value) or ""
    return next((q for q in TRIPLE_QUOTES if segment.startswith(q)), None)


def _placeholder(target: ast.expr) -> str:
    # `a, b = ...` would fail to unpack; give one Ellipsis per name instead.
    if isinstance(target, ast.Tuple | ast.List):
        return ", ".join("..." for _ in target.elts) + ("," if len(target.elts) == 1 else "")
    return "..."
