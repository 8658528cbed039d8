"""The authoring aid fills offsets from span texts and reports what it cannot place."""

import shutil

import yaml

import kitlib
from kitlib.author import fill_offsets, skeleton, write_annotation

from .conftest import SEED

TEXT = (SEED / "article.txt").read_text(encoding="utf-8")
RAW = yaml.safe_load((SEED / "annotation.yaml").read_text(encoding="utf-8"))


def strip_offsets(node):
    if isinstance(node, dict):
        return {k: strip_offsets(v) for k, v in node.items() if k not in ("start", "end")}
    if isinstance(node, list):
        return [strip_offsets(v) for v in node]
    return node


def test_skeleton_finds_paragraphs_and_sentences():
    draft = skeleton(TEXT)
    assert [p["text"] for p in draft["paragraphs"]] == TEXT.split("\n")
    seed_sentences = [s["text"] for s in RAW["sentences"]]
    assert [s["text"] for s in draft["sentences"]] == seed_sentences  # initials such as U.I.C.


def test_seed_offsets_are_reproduced_from_texts_and_hints():
    # The seed's draft gave sentence hints where a text repeats; rebuild them from the seed.
    draft = strip_offsets(RAW)
    by_sentence = {s["id"]: (s["start"], s["end"]) for s in RAW["sentences"]}
    for section in ("mentions", "documents", "quotes", "demands", "claims", "figures"):
        for plain, full in zip(draft[section], RAW[section], strict=True):
            plain["sentence"] = next(
                i for i, (a, b) in by_sentence.items() if a <= full["start"] < b
            )
            if "cue" in plain:
                plain["cue"]["sentence"] = next(
                    i for i, (a, b) in by_sentence.items() if a <= full["cue"]["start"] < b
                )
    filled, report = fill_offsets(draft, TEXT)
    assert report.ok, str(report)
    assert filled == RAW


def test_ambiguous_and_missing_spans_are_reported():
    draft = {
        "paragraphs": [],
        "sentences": [],
        "mentions": [
            {"id": "m1", "actor": "russia", "form": "name", "text": "Russia"},
            {"id": "m2", "actor": "x", "form": "name", "text": "Atlantis"},
            {"id": "m3", "actor": "russia", "form": "name", "text": "Russia", "occurrence": 2},
        ],
    }
    filled, report = fill_offsets(draft, TEXT)
    assert len(report.ambiguous) == 1 and "mentions[0] (id 'm1')" in report.ambiguous[0]
    assert "occurs" in report.ambiguous[0] and "sentence: <id>" in report.ambiguous[0]
    assert len(report.missing) == 1 and "'Atlantis'" in report.missing[0]
    second = [i for i in range(len(TEXT)) if TEXT.startswith("Russia", i)][1]
    assert filled["mentions"][2]["start"] == second


def test_write_annotation_never_overwrites_and_writes_valid_files(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(SEED / "article.txt", folder / "article.txt")
    draft = skeleton(TEXT)
    draft["mentions"] = [{"id": "m1", "actor": "putin", "form": "name", "text": "Vladimir Putin"}]
    draft["actors"] = [{"id": "putin", "name": "Vladimir Putin", "kind": "person"}]
    (folder / "draft.yaml").write_text(yaml.safe_dump(draft, sort_keys=False))
    code, message = write_annotation(folder / "draft.yaml")
    assert code == 0, message
    art = kitlib.load_article(folder)
    assert art.mentions.text.tolist() == ["Vladimir Putin"]
    before = (folder / "annotation.yaml").read_bytes()
    code, message = write_annotation(folder / "draft.yaml")
    assert code == 1 and "--force" in message
    assert (folder / "annotation.yaml").read_bytes() == before


def test_write_annotation_writes_nothing_when_a_span_is_missing(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(SEED / "article.txt", folder / "article.txt")
    draft = skeleton(TEXT)
    draft["actors"] = [{"id": "x", "name": "X", "kind": "person"}]
    draft["mentions"] = [{"id": "m1", "actor": "x", "form": "name", "text": "Atlantis"}]
    (folder / "draft.yaml").write_text(yaml.safe_dump(draft, sort_keys=False))
    code, message = write_annotation(folder / "draft.yaml")
    assert code == 1 and "MISSING" in message and "Nothing written" in message
    assert not (folder / "annotation.yaml").exists()
    assert sorted(p.name for p in folder.iterdir()) == ["article.txt", "draft.yaml"]
