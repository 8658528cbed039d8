"""The `kitlib` command line: `kitlib author` (the release has its own tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from kitlib.cli import main

ARTICLE = Path(__file__).resolve().parent / "fixtures" / "articles" / "harbor-bridge-vote"


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "release" in capsys.readouterr().out


def test_author_fills_the_draft_into_the_annotation(tmp_path, capsys):
    for name in ("article.txt", "draft.yaml"):
        shutil.copy(ARTICLE / name, tmp_path / name)
    assert main(["author", str(tmp_path / "draft.yaml")]) == 0
    assert "it validates" in capsys.readouterr().out
    made = yaml.safe_load((tmp_path / "annotation.yaml").read_text(encoding="utf-8"))
    assert made == yaml.safe_load((ARTICLE / "annotation.yaml").read_text(encoding="utf-8"))

    # Never over an existing annotation.
    before = (tmp_path / "annotation.yaml").read_bytes()
    assert main(["author", str(tmp_path / "draft.yaml")]) == 1
    assert "exists" in capsys.readouterr().err
    assert (tmp_path / "annotation.yaml").read_bytes() == before


def test_author_reports_ambiguous_spans_and_writes_nothing(tmp_path, capsys):
    shutil.copy(ARTICLE / "article.txt", tmp_path / "article.txt")
    draft = yaml.safe_load((ARTICLE / "draft.yaml").read_text(encoding="utf-8"))
    mention = next(m for m in draft["mentions"] if m["id"] == "m003")
    del mention["sentence"]  # "Marenland" occurs six times
    (tmp_path / "draft.yaml").write_text(yaml.safe_dump(draft), encoding="utf-8")
    assert main(["author", str(tmp_path / "draft.yaml")]) == 1
    out = capsys.readouterr()
    assert "AMBIGUOUS mentions[2] (id 'm003'): 'Marenland' occurs 6 times" in out.err
    assert "Nothing written" in out.err
    assert not (tmp_path / "annotation.yaml").exists()


def test_author_skeleton_drafts_paragraphs_and_sentences(tmp_path, capsys):
    text = "First sentence here. Second one.\nA new paragraph.\n"
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    assert main(["author", "--skeleton", str(tmp_path / "article.txt")]) == 0
    draft = yaml.safe_load(capsys.readouterr().out)
    assert [p["text"] for p in draft["paragraphs"]] == ["First sentence here. Second one.",
                                                        "A new paragraph."]  # fmt: skip
    assert [s["text"] for s in draft["sentences"]] == ["First sentence here.", "Second one.",
                                                       "A new paragraph."]  # fmt: skip


def test_force_replaces_an_existing_annotation(tmp_path, capsys):
    for name in ("article.txt", "draft.yaml"):
        shutil.copy(ARTICLE / name, tmp_path / name)
    (tmp_path / "annotation.yaml").write_text("old", encoding="utf-8")
    assert main(["author", str(tmp_path / "draft.yaml"), "--force"]) == 0
    assert "schema_version: 1" in (tmp_path / "annotation.yaml").read_text(encoding="utf-8")


def test_validate_lists_problems_and_exit_code(tmp_path, capsys):
    assert main(["validate"]) == 0
    assert "ukraine-peace-plan" in capsys.readouterr().out
    shutil.copytree(ARTICLE, tmp_path / "a")
    bad = (tmp_path / "a" / "annotation.yaml").read_text(encoding="utf-8")
    (tmp_path / "a" / "annotation.yaml").write_text(bad.replace("kind: direct", "kind: dirct"))
    assert main(["validate", str(tmp_path / "a")]) == 1
    assert "expected one of: direct, partial, indirect" in capsys.readouterr().err


def test_schema_prints_the_committed_schema(capsys):
    import json

    assert main(["schema"]) == 0
    committed = (ARTICLE.parents[2].parent / "seeds" / "annotation.schema-v1.json").read_text()
    assert json.loads(capsys.readouterr().out) == json.loads(committed)
