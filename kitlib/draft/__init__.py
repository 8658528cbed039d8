"""A machine first draft of an annotation, by rules a student can read (no model, no network).

API (stable; lessons build on it)::

    from kitlib.draft import draft_annotation, draft_yaml, draft_article
    draft = draft_annotation(text)   # dict in the draft format `kitlib author` reads
    print(draft_yaml(text))          # the same, as YAML for an instructor to review
    machine = draft_article(text)    # an Article (offsets filled, validated) to compare
    kitlib.compare(machine, kitlib.load_article())   # see kitlib/comparison.py

Every item the rules make carries ``origin: machine`` and ``rule: <name>``; the rule names are
the functions' docstring titles in this package (one small module per family of rules:
sentences, figures, people, places, groups, quotes, indirect, claims, demands). An instructor
confirms an item by changing ``origin`` to ``reviewed`` (or deleting the two lines).
"""

from __future__ import annotations

from kitlib.draft import claims, demands, figures, groups, indirect, people, places, quotes
from kitlib.draft.base import Draft
from kitlib.draft.sentences import find_paragraphs_and_sentences

__all__ = ["RULES", "DraftError", "draft_annotation", "draft_yaml", "draft_article"]

# In order: later rules use what earlier ones found (quotes need the mentions of speakers).
RULES = (
    find_paragraphs_and_sentences,
    people.find_titled_people,
    people.find_appositive_people,
    people.find_speaking_people,
    people.find_byline,
    places.find_countries,
    places.find_metonyms,
    places.find_town_halls,
    people.find_role_people,
    people.find_surnames,
    people.find_pronouns,
    groups.find_unnamed_groups,
    groups.find_bodies,
    groups.find_named_speakers,
    quotes.find_direct_quotes,
    indirect.find_indirect_quotes,
    indirect.attach_partials,
    claims.find_claims,
    claims.find_reporter_clauses,
    demands.find_conditions,
    demands.find_demands,
    figures.find_figures,
    claims.link_figures,
)
ORDER = ("paragraphs", "sentences", "actors", "mentions", "quotes", "demands", "claims", "figures")


class DraftError(ValueError):
    """The text cannot be drafted (empty, or no sentence in it); the message says why."""


def draft_annotation(text: str, text_file: str = "article.txt") -> dict:
    """The machine draft of ``text``: texts plus search hints, the format of `kitlib author`."""
    if not isinstance(text, str) or not text.strip():
        raise DraftError("the article text is empty: paste the article into article.txt first")
    draft = Draft(text)
    for rule in RULES:
        rule(draft)
    if not draft.sentences:
        raise DraftError("no sentence found in the text: check that it is plain text")
    _sort_spans(draft)
    out = {"schema_version": 1, "text_file": text_file, "metadata": {}}
    for section in ORDER:
        out[section] = [
            _as_draft_item(draft, section, item) for item in draft.items.get(section, [])
        ]
    return out


def _sort_spans(draft: Draft) -> None:
    """Reading order, and ids renumbered so they follow it (q01, q02, ...)."""
    renamed = {}
    for section in ORDER[3:]:
        items = sorted(draft.items.get(section, []), key=lambda i: (i["start"], i["end"]))
        for n, item in enumerate(items, 1):
            new = f"{section[0]}{n:03d}" if section == "mentions" else f"{section[0]}{n:02d}"
            renamed[item["id"]] = new
            item["id"] = new
        draft.items[section] = items
    for f in draft.items.get("figures", []):
        if f.get("claim"):
            f["claim"] = renamed[f["claim"]]


def _as_draft_item(draft: Draft, section: str, item: dict) -> dict:
    if "start" not in item:  # actors: made by the rule of their first mention
        first = next((m for m in draft.items.get("mentions", []) if m["actor"] == item["id"]), {})
        rule = first.get("rule", "quote-speaker-unknown")
        return {k: v for k, v in item.items() if v is not None} | {
            "origin": "machine",
            "rule": rule,
        }
    out = {k: v for k, v in item.items() if k not in ("start", "end", "cue")}
    if section == "demands":
        out.setdefault("party", None)
    else:
        out = {k: v for k, v in out.items() if v is not None and v != []}
    if section in ("paragraphs", "sentences"):  # placed in reading order: no hints needed
        return out | {"text": draft.text[item["start"] : item["end"]]}
    if section == "quotes":
        out["cue"] = _hinted(draft, *item["cue"], {})
    return _hinted(draft, item["start"], item["end"], out)


def _hinted(draft: Draft, start: int, end: int, item: dict) -> dict:
    """text, plus the hints `kitlib author` needs to find this one occurrence of it."""
    text = draft.text[start:end]
    item = dict(item, text=text)
    sentence = draft.sentence_of(start)
    inside = sentence and end <= sentence[2]
    lo, hi = (sentence[1], sentence[2]) if inside else (0, len(draft.text))
    hits = _occurrences(draft.text, text, lo, hi)
    if inside and hits != [start]:
        item["sentence"] = sentence[0]
    elif inside and _occurrences(draft.text, text, 0, len(draft.text)) != [start]:
        item["sentence"] = sentence[0]
    if len(hits) > 1:
        item["occurrence"] = hits.index(start) + 1
    return item


def _occurrences(text: str, wanted: str, lo: int, hi: int) -> list[int]:
    hits, at = [], text.find(wanted, lo, hi)
    while at != -1:
        hits.append(at)
        at = text.find(wanted, at + 1, hi)
    return hits


def draft_yaml(text: str, name: str = "article", draft: dict | None = None) -> str:
    """The draft as YAML, with a header that says how to review it."""
    from kitlib.author import dump_annotation

    body = dump_annotation(draft or draft_annotation(text), name)
    return (
        "# MACHINE DRAFT (kitlib draft): every item with 'origin: machine' is a rule's guess.\n"
        "# Review it (check first: speakers of continuation quotes, unnamed groups, claims),\n"
        "# then run: kitlib author draft.yaml\n" + body
    )


def draft_article(text: str, name: str = "machine-draft"):
    """The draft with its offsets filled in and validated, loaded as an Article.

    It goes through the same steps as an instructor (draft.yaml, `kitlib author`, load) in a
    new temporary folder, which is kept so that the Article's ``path`` stays valid."""
    import tempfile
    from pathlib import Path

    from kitlib.article import load_article
    from kitlib.author import write_annotation

    folder = Path(tempfile.mkdtemp(prefix="kitlib-draft-")) / name
    folder.mkdir()
    (folder / "article.txt").write_text(text, encoding="utf-8")
    (folder / "draft.yaml").write_text(draft_yaml(text, name), encoding="utf-8")
    code, report = write_annotation(folder / "draft.yaml")
    if code:
        raise DraftError(f"the machine draft does not validate (a drafter bug):\n{report}")
    return load_article(folder)


def write_draft(text_path, out=None, force: bool = False) -> tuple[int, str]:
    """`kitlib draft`: read the text, write the draft YAML; (exit code, message).

    ``out`` defaults to draft.yaml beside the text; ``"-"`` returns the YAML as the message.
    Bad input (no file, not UTF-8, empty, no sentence) gets a message naming file and fix.
    """
    from pathlib import Path

    from kitlib.release.files import write_atomic

    path = Path(text_path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        return 2, f"kitlib draft: cannot read {path} ({err.strerror}); give the article's text file"
    except UnicodeDecodeError as err:
        return 2, (
            f"kitlib draft: {path} is not UTF-8 text (byte {err.object[err.start]:#04x} at "
            f"position {err.start}); save it as UTF-8 (e.g. iconv -f latin1 -t utf-8 "
            f"{path.name} > article.txt) and run again"
        )
    if "\r" in text:
        return 2, (
            f"kitlib draft: {path} has Windows line ends (CR LF); offsets are counted on the "
            "text as stored, so save it with LF line ends first (e.g. dos2unix)"
        )
    try:
        draft = draft_annotation(text)
        yaml_text = draft_yaml(text, path.resolve().parent.name, draft)
    except DraftError as err:
        return 2, f"kitlib draft: {path}: {err}"
    if out == "-":
        return 0, yaml_text
    target = Path(out) if out else path.parent / "draft.yaml"
    if target.exists() and not force:
        return 1, f"kitlib draft: {target} exists; nothing written (use --force to replace it)"
    write_atomic(target, yaml_text.encode("utf-8"))
    counts = ", ".join(f"{len(v)} {k}" for k, v in draft.items() if isinstance(v, list))
    return 0, (
        f"wrote {target}: {counts}, all 'origin: machine'. Review it (first: speakers of "
        f"continuation quotes, unnamed groups, claims), then: kitlib author {target}"
    )
