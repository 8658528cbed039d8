"""The course article's own words, derived from its annotation, and a scan for them.

Students of another article must not read about the course article. The words come from the
annotation (actor names, mention texts, document names, places), never from a list typed by
hand, so a new actor in the course annotation is scanned for at once. A word that the other
article itself uses is allowed there ("October" in a story that says "October").

    python tests/course_words.py release/student/*.ipynb   # lists what it finds, cell by cell
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

# Capitalised words in those texts that say nothing about the course article by themselves.
GENERIC = {
    "The", "He", "His", "Former", "President", "Law", "School", "International", "Analysts",
    "Independent", "Estimates", "Officials", "Spokesman", "Government", "Forces", "Unnamed",
    "Special", "Envoy", "Plan", "Proposal",
}  # fmt: skip
SEED_ONLY = "seed-only"
NOTE_TAGS = {"instructor-note"}
MIMES = ("text/plain", "text/html", "text/markdown", "application/vnd.plotly.v1+json")


@cache
def course_words() -> frozenset[str]:
    import kitlib

    art = kitlib.load_article("ukraine-peace-plan")
    texts = [
        *art.actors.name,
        *art.mentions.text,
        *art.documents.name,
        *(place for places in art.demands.places for place in places),
    ]
    words = set()
    for text in texts:
        for word in re.findall(r"[A-Z][\w.'-]*\w|\d+-point", text):
            if len(word) > 2 and word not in GENERIC:
                words.add(word)
    return frozenset(words)


def find_course_words(text: str, allowed: str = "") -> list[str]:
    """The course words in ``text`` that ``allowed`` (the other article's text) does not use."""
    found = []
    for word in sorted(course_words()):
        pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
        if re.search(pattern, text) and not re.search(pattern, allowed):
            found.append(word)
    return found


def notebook_texts(path: Path, outputs: bool = True) -> list[tuple[str, str]]:
    """(where, text) for each cell a student reads: sources, and the outputs if asked."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    texts = []
    for index, cell in enumerate(nb["cells"]):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if SEED_ONLY in tags or tags & NOTE_TAGS:
            continue  # course-only by design: dropped or an instructor note elsewhere
        texts.append((f"{path.name} cell {index}", _joined(cell["source"])))
        for output in cell.get("outputs", []) if outputs else ():
            data = output.get("data", {})
            for mime in MIMES:
                if mime in data:
                    value = data[mime]
                    text = value if isinstance(value, str) else json.dumps(value)
                    texts.append((f"{path.name} cell {index} output", _joined(text)))
            if "text" in output:
                texts.append((f"{path.name} cell {index} output", _joined(output["text"])))
    return texts


def _joined(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def main(argv: list[str] | None = None) -> int:
    found_any = False
    for name in sys.argv[1:] if argv is None else argv:
        for where, text in notebook_texts(Path(name)):
            words = find_course_words(text)
            if words:
                found_any = True
                print(f"{where}: {', '.join(words)}")
    return 1 if found_any else 0


if __name__ == "__main__":
    sys.exit(main())
