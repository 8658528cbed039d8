"""The authoring aid fills offsets from span texts and reports what it cannot place."""

import os
import shutil
import stat

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


# A short text of our own, so the sentence ids in the messages are known.
TOWN = (
    "The council met on Monday. Mayor Ana Reyes said the vote would wait.\n"
    '"We need more time," the harbor master told reporters.\n'
)


def town_draft(**quote) -> dict:
    draft = skeleton(TOWN)  # s01, s02 in the first line; s03 in the second
    draft["quotes"] = [{"id": "q1", "speaker": "x", "kind": "direct", **quote}]
    return draft


def test_a_cue_outside_its_quotes_sentence_is_reported_with_where_it_occurs():
    draft = town_draft(text="We need more time,", cue={"text": "said"})
    _, report = fill_offsets(draft, TOWN)
    assert report.missing == [
        "quotes[0] (id 'q1').cue: 'said' occurs in s02, not in s03, where this quote stands; "
        "give the cue the hint 'sentence: s02'"
    ]
    # ... and the fix it names works (here it is the wrong cue, but it places).
    draft["quotes"][0]["cue"]["sentence"] = "s02"
    filled, report = fill_offsets(draft, TOWN)
    assert report.ok, str(report)
    cue = filled["quotes"][0]["cue"]
    assert TOWN[cue["start"] : cue["end"]] == "said" and "sentence" not in cue


def test_a_span_outside_its_hinted_sentence_names_the_sentences_it_is_in():
    draft = skeleton(TOWN)
    draft["mentions"] = [
        {"id": "m1", "actor": "x", "form": "name", "text": "Ana Reyes", "sentence": "s03"},
        {"id": "m2", "actor": "x", "form": "description", "text": "the", "sentence": "s01"},
        {"id": "m3", "actor": "x", "form": "name", "text": "Ana Reyes", "sentence": "s09"},
    ]
    _, report = fill_offsets(draft, TOWN)
    assert report.missing[0] == (
        "mentions[0] (id 'm1'): 'Ana Reyes' occurs in s02, not in s03, the sentence its hint "
        "names; change its hint to 'sentence: s02'"
    )
    # "the" is in s02 and s03, never in s01 ("The" is not "the"): both are offered.
    assert "occurs in s02 and s03, not in s01" in report.missing[1]
    assert "'sentence: <one of s02, s03>'" in report.missing[1]
    assert "'sentence: s09' names no sentence" in report.missing[2]
    assert "use a sentence id (s01, s02, s03)" in report.missing[2]


def test_a_span_printed_with_other_capitals_is_found_for_the_message():
    draft = skeleton(TOWN)
    draft["mentions"] = [{"id": "m1", "actor": "x", "form": "description", "text": "the council"}]
    _, report = fill_offsets(draft, TOWN)
    assert report.missing == [
        "mentions[0] (id 'm1'): 'the council' does not occur in the text, but 'The council' "
        "does (in s01); a span is copied as printed, capitals included"
    ]


def test_occurrence_past_the_matches_in_scope_names_the_fix():
    draft = town_draft(text="We need more time,", cue={"text": "told", "occurrence": 2})
    _, report = fill_offsets(draft, TOWN)
    assert report.missing == [
        "quotes[0] (id 'q1').cue: occurrence 2 asked, only 1 found in s03, where this quote "
        "stands; remove 'occurrence' (it occurs once there), or give a 'sentence' hint for "
        "a match in another sentence"
    ]


def test_sentences_out_of_reading_order_are_reported_with_the_fix():
    draft = skeleton(TOWN)
    draft["sentences"][0], draft["sentences"][1] = draft["sentences"][1], draft["sentences"][0]
    _, report = fill_offsets(draft, TOWN)
    assert len(report.missing) == 1
    assert report.missing[0].startswith(
        "sentences[1] (id 's01'): 'The council met on Monday.' occurs at 0, not after 's02'"
    )
    assert "list them in reading order" in report.missing[0]


def test_every_message_names_a_fix():
    # Each way a span can fail, in one draft: every line of the report says what to do.
    draft = skeleton(TOWN)
    draft["mentions"] = [
        {"id": "m1", "actor": "x", "form": "name", "text": "Atlantis"},
        {"id": "m2", "actor": "x", "form": "name", "text": "the"},
        {"id": "m3", "actor": "x", "form": "name"},
        {"id": "m4", "actor": "x", "form": "name", "text": "Ana", "occurrence": 3},
    ]
    _, report = fill_offsets(draft, TOWN)
    fixes = {
        "m1": "copy it from the article as printed",
        "m2": "add 'sentence: <id>' or 'occurrence: <n>'",
        "m3": "add 'text:' with the span as printed",
        "m4": "remove 'occurrence' (it occurs once there)",
    }
    lines = report.missing + report.ambiguous
    assert len(lines) == len(fixes)
    for line in lines:
        assert fixes[line.split("'")[1]] in line, line
    # In the whole text a sentence hint finds nothing more, so it is not offered.
    assert "sentence" not in next(line for line in lines if "'m4'" in line)


def write_town(folder, umask):
    folder.mkdir()
    (folder / "article.txt").write_text(TOWN, encoding="utf-8")
    draft = skeleton(TOWN)
    draft["actors"] = [{"id": "reyes", "name": "Ana Reyes", "kind": "person", "role": "Mayor"}]
    draft["mentions"] = [{"id": "m1", "actor": "reyes", "form": "name", "text": "Ana Reyes"}]
    (folder / "draft.yaml").write_text(yaml.safe_dump(draft, sort_keys=False), encoding="utf-8")
    old = os.umask(umask)
    try:
        return write_annotation(folder / "draft.yaml")
    finally:
        os.umask(old)


def test_the_annotation_is_written_readable_respecting_the_umask(tmp_path):
    code, message = write_town(tmp_path / "shared", 0o022)
    assert code == 0, message
    assert stat.S_IMODE(os.stat(tmp_path / "shared" / "annotation.yaml").st_mode) == 0o644
    code, message = write_town(tmp_path / "private", 0o077)
    assert code == 0, message
    assert stat.S_IMODE(os.stat(tmp_path / "private" / "annotation.yaml").st_mode) == 0o600
    # No temporary file is left beside it.
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == [
        "annotation.yaml", "article.txt", "draft.yaml"]  # fmt: skip


def test_unreadable_drafts_and_texts_name_the_fix(tmp_path):
    (tmp_path / "draft.yaml").write_text("paragraphs: [unclosed", encoding="utf-8")
    code, message = write_annotation(tmp_path / "draft.yaml")
    assert code == 1 and "is not valid YAML; fix the place it names" in message
    (tmp_path / "draft.yaml").write_text(yaml.safe_dump(skeleton(TOWN)), encoding="utf-8")
    code, message = write_annotation(tmp_path / "draft.yaml")
    assert code == 1 and "cannot read the article's text" in message
    assert "put article.txt (UTF-8) next to the draft" in message
    code, message = write_annotation(tmp_path / "nowhere.yaml")
    assert code == 1 and "cannot read" in message and "--skeleton" in message
