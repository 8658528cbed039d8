"""How good and how fast is the machine draft (`kitlib draft`)?

Drafts every shipped and fixture article, compares each draft with its careful annotation
(kitlib.compare) and prints, per article and table, precision, recall and F1 (spans matched by
overlap; exact F1 beside). Then the quote-content F1 next to BBC's Citron on PARC (59.3% exact,
83.3% overlap), and the targets, pooled over all articles (each item counts once):

    quote content overlap F1 >= 0.85      speaker right >= 85% of matched quotes
    recall of named people  >= 0.90      figures F1 (overlap) >= 0.90
    drafting the course article (18 body paragraphs) well under 1 s (target < 0.5 s)

Exits 1 when a target is missed.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(p.parent for p in ROOT.glob("seeds/*/annotation.yaml")) + sorted(
    p.parent for p in ROOT.glob("tests/fixtures/articles/*/annotation.yaml")
)
CITRON = {"exact": 0.593, "overlap": 0.833}
TARGETS = {
    "quote overlap F1": 0.85,
    "speaker right": 0.85,
    "named-people recall": 0.90,
    "figures F1": 0.90,
}
SECONDS_TARGET = 0.5


def named_people_found(machine, careful) -> tuple[int, int]:
    """Careful person actors with a name (not 'the harbor master'), and how many the draft has."""
    from kitlib.comparison import _norm

    named = [n for n in careful.actors[careful.actors.kind == "person"].name if n[:1].isupper()]
    drafted = {_norm(n) for n in machine.actors.name}
    return sum(_norm(n) in drafted for n in named), len(named)


def main() -> int:
    import kitlib
    from kitlib.draft import draft_article

    totals: dict[str, list[int]] = {}
    people = [0, 0]
    speakers = [0, 0]
    for folder in ARTICLES:
        careful = kitlib.load_article(folder)
        result = kitlib.compare(draft_article(careful.text, folder.name), careful)
        print(f"\n{folder.relative_to(ROOT)}\n{result}")
        for row in result.scores.itertuples(index=False):
            if not row.table.startswith("quotes."):
                t = totals.setdefault(row.table, [0, 0, 0, 0])
                t[0] += row.careful
                t[1] += row.machine
                t[2] += row.overlap
                t[3] += row.exact
        speakers[0] += int(result.quote_pairs.speaker_right.sum())
        speakers[1] += len(result.quote_pairs)
        found, named = named_people_found(result.machine, careful)
        people[0] += found
        people[1] += named
    print("\nAll articles pooled (overlap; exact):")
    for table, (careful, machine, overlap, exact) in totals.items():
        print(
            f"  {table:<11} P {overlap / machine:.2f} R {overlap / careful:.2f} "
            f"F1 {_f1(overlap, careful, machine):.2f}; exact F1 {_f1(exact, careful, machine):.2f}"
        )
    q = totals["quotes"]
    measured = {
        "quote overlap F1": _f1(q[2], q[0], q[1]),
        "speaker right": speakers[0] / speakers[1],
        "named-people recall": people[0] / people[1],
        "figures F1": _f1(totals["figures"][2], totals["figures"][0], totals["figures"][1]),
    }
    print(
        f"\nQuote content F1: exact {_f1(q[3], q[0], q[1]):.3f} (Citron on PARC: "
        f"{CITRON['exact']:.3f}), overlap {measured['quote overlap F1']:.3f} "
        f"(Citron: {CITRON['overlap']:.3f})"
    )
    missed = []
    for name, value in measured.items():
        ok = value >= TARGETS[name]
        missed += [] if ok else [name]
        print(
            f"  {name:<20} {value:.3f} (target >= {TARGETS[name]:.2f}) {'ok' if ok else 'MISSED'}"
        )
    seconds = draft_seconds(kitlib.load_article().text)
    ok = seconds < SECONDS_TARGET
    missed += [] if ok else ["draft time"]
    print(
        f"  draft time (course article, median of 9) {seconds * 1000:.0f} ms "
        f"(target < {SECONDS_TARGET * 1000:.0f} ms) {'ok' if ok else 'MISSED'}"
    )
    print(f"  100-paragraph text: {draft_seconds(_long_text(), rounds=3):.2f} s (draft only)")
    return 1 if missed else 0


def draft_seconds(text: str, rounds: int = 9) -> float:
    from kitlib.draft import draft_annotation

    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        draft_annotation(text)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _long_text() -> str:
    import kitlib

    body = [p for p in kitlib.load_article().text.split("\n")[:18]]
    return "\n".join((body * 6)[:100])


def _f1(found: int, careful: int, machine: int) -> float:
    return 0.0 if not found else 2 * found / (careful + machine)


if __name__ == "__main__":
    raise SystemExit(main())
