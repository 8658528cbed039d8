"""Step: make executed outputs byte-stable between two releases.

Widget views point at model ids that are random and at state the release does not keep, so
only their text form stays. Random ids and memory addresses inside text outputs are
renumbered in order of appearance. Consecutive prints to the same stream are joined: the
kernel flushes them on a timer, so ``print("a:", None)`` arrives as one message or as two.
"""

from __future__ import annotations

import re

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
UNSTABLE = [
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "uuid"),
    (re.compile(r"\bT_[0-9a-f]{5}\b"), "T"),  # pandas Styler table ids
    (re.compile(r"\b0x[0-9a-fA-F]{6,16}\b"), "0x"),  # memory addresses in reprs
]


def stabilize_outputs(nb, ctx):
    renumber = _Renumber()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        cell.outputs = _joined_streams(cell.get("outputs", []))
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data:
                data.pop(WIDGET_VIEW, None)
                for mime, value in data.items():
                    if mime.startswith("text/") or mime.endswith("javascript"):
                        data[mime] = renumber(value)
            if "text" in output:
                output["text"] = renumber(output["text"])
            if "traceback" in output:
                output["traceback"] = [renumber(line) for line in output["traceback"]]
    return nb


def _joined_streams(outputs: list) -> list:
    joined: list = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = _text(previous["text"]) + _text(output["text"])
        else:
            joined.append(output)
    return joined


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


class _Renumber:
    def __init__(self):
        self.seen: dict[str, str] = {}

    def __call__(self, value):
        if isinstance(value, list):
            return [self(v) for v in value]
        if not isinstance(value, str):
            return value
        for pattern, prefix in UNSTABLE:
            value = pattern.sub(lambda m, p=prefix: self._name(m.group(0), p), value)
        return value

    def _name(self, found: str, prefix: str) -> str:
        if found not in self.seen:
            count = sum(1 for v in self.seen.values() if v.startswith(prefix))
            self.seen[found] = f"{prefix}_{count:05d}" if prefix != "0x" else f"0x{count:012x}"
        return self.seen[found]
