"""The student's stub for one solution region.

nbgrader replaces a whole region with ``# YOUR CODE HERE`` and ``raise NotImplementedError()``.
The kit keeps nbgrader's comment but stubs each name the solution assigns
(``answer = ...``), so an unanswered exercise runs, the check below it says "not answered
yet", and "Run all" never stops at the first exercise.
"""

from __future__ import annotations

import ast
import textwrap

CODE_MARK = "# YOUR CODE HERE"
TEXT_STUB = "YOUR ANSWER HERE"  # nbgrader's stub for written answers
NO_ASSIGNMENT_STUB = "pass"  # a region that assigns nothing (e.g. a function body)


def code_stub(region: list[str], indent: str = "") -> list[str]:
    """Stub lines for a code region: the comment, then ``target = ...`` per assigned name."""
    lines = [CODE_MARK] + (_assignment_stubs(region) or [NO_ASSIGNMENT_STUB])
    return [indent + line for line in lines]


def text_stub(indent: str = "") -> list[str]:
    return [indent + TEXT_STUB]


def _assignment_stubs(region: list[str]) -> list[str]:
    source = textwrap.dedent("\n".join(region))
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    stubs: list[str] = []
    for statement in tree.body:
        stub = _stub_for(statement, source)
        if stub and stub not in stubs:
            stubs.append(stub)
    return stubs


def _stub_for(statement: ast.stmt, source: str) -> str | None:
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        targets = [statement.target]
    else:
        return None
    left = " = ".join(ast.get_source_segment(source, t) for t in targets)
    return f"{left} = {_placeholder(targets[-1])}"


def _placeholder(target: ast.expr) -> str:
    # `a, b = ...` would fail to unpack; give one Ellipsis per name instead.
    if isinstance(target, ast.Tuple | ast.List):
        return ", ".join("..." for _ in target.elts) + ("," if len(target.elts) == 1 else "")
    return "..."
