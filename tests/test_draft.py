"""The machine draft (`kitlib draft`): valid on every article, marked, measured, robust."""

import inspect

import pytest
import yaml

import kitlib
from kitlib.cli import main
from kitlib.draft import RULES, DraftError, draft_annotation, draft_article

from .conftest import ROOT, SEED

ARTICLES = sorted(p.parent for p in ROOT.glob("seeds/*/annotation.yaml")) + sorted(
    p.parent for p in ROOT.glob("tests/fixtures/articles/*/annotation.yaml")
)


@pytest.mark.parametrize("folder", ARTICLES, ids=lambda p: p.name)
def test_the_draft_of_every_article_passes_author_and_validation_unedited(folder, tmp_path):
    text = (folder / "article.txt").read_text(encoding="utf-8")
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    assert main(["draft", str(tmp_path / "article.txt")]) == 0
    assert main(["author", str(tmp_path / "draft.yaml")]) == 0
    machine = kitlib.load_article(tmp_path)  # loading validates against the schema and text
    assert len(machine.quotes) and len(machine.mentions) and len(machine.figures)
    raw = yaml.safe_load((tmp_path / "annotation.yaml").read_text(encoding="utf-8"))
    for section in ("paragraphs", "sentences", "actors", "mentions", "quotes", "claims"):
        assert raw[section] and all(item["origin"] == "machine" for item in raw[section])
    assert all(item["rule"] for item in raw["quotes"] + raw["claims"] + raw["figures"])


def test_quote_overlap_f1_on_the_course_article_stays_at_least_0_8():
    careful = kitlib.load_article(SEED)
    result = kitlib.compare(draft_article(careful.text), careful)
    quotes = result.scores.set_index("table").loc["quotes"]
    assert quotes.f1 >= 0.8, str(result)


def test_every_rule_has_a_docstring_students_can_read():
    for rule in RULES:
        doc = inspect.getdoc(rule)
        assert doc and len(doc) > 40, rule.__name__
        assert len(inspect.getsource(rule).splitlines()) <= 40, (
            f"{rule.__name__} is too long to read"
        )


INVENTED = (
    "Councilor Ruth Okafor said on Monday that the ferry would keep running.\n"
    '"We will not cut the service," Okafor said. "The town needs it."\n'
    "Analysts say the town spends about 40 percent of its budget on transport.\n"
    "Residents demanded that the ferry run on Sundays."
)


def test_rules_on_an_invented_text():
    draft = draft_annotation(INVENTED)
    actors = {a["id"]: a for a in draft["actors"]}
    assert (
        actors["ruth-okafor"]["role"] == "Councilor" and actors["ruth-okafor"]["kind"] == "person"
    )
    assert [m["text"] for m in draft["mentions"] if m["actor"] == "ruth-okafor"] == [
        "Councilor Ruth Okafor",
        "Okafor",
    ]
    quotes = [(q["kind"], q["speaker"], q["cue"]["text"], q["text"]) for q in draft["quotes"]]
    assert ("indirect", "ruth-okafor", "said", "the ferry would keep running") in quotes
    assert ("direct", "ruth-okafor", "said", "We will not cut the service,") in quotes
    continuation = next(q for q in draft["quotes"] if q["text"] == "The town needs it.")
    assert continuation["rule"] == "quote-continuation" and continuation["speaker"] == "ruth-okafor"
    assert actors["analysts"]["kind"] == "group"
    claim = next(c for c in draft["claims"] if c["text"].startswith("the town spends"))
    assert claim["source_type"] == "unnamed" and claim["source"] == "analysts"
    assert [f["text"] for f in draft["figures"]] == ["about 40 percent"]
    assert [d["text"] for d in draft["demands"]] == ["the ferry run on Sundays"]


def test_a_negated_cue_reports_nothing_and_saying_after_a_quote_goes_on():
    text = (
        'Mayor Lena Brandt called the cut "painful but fair," saying the town had no choice.\n'
        "City Hall has not said what the building could sell for.\n"
    )
    quotes = [(q["kind"], q["speaker"], q["text"]) for q in draft_annotation(text)["quotes"]]
    assert ("indirect", "lena-brandt", "the town had no choice") in quotes
    assert not any("could sell for" in t for _, _, t in quotes)


def test_a_sentence_with_no_cue_is_an_unattributed_claim():
    draft = draft_annotation("The bridge opened in 1962. It carries 9,000 cars a day.")
    assert [(c["source_type"], c["text"]) for c in draft["claims"]] == [
        ("unattributed", "The bridge opened in 1962."),
        ("unattributed", "It carries 9,000 cars a day."),
    ]


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        ("Le maire a dit: \u00e7a suffit.".encode("latin-1"), "not UTF-8"),
        (b"The ferry runs\r\nIt stops\r\n", "line ends"),
    ],
)
def test_bad_input_gets_a_clear_error_and_no_traceback(tmp_path, capsys, content, expected):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert main(["draft", str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err and str(path) in err and "Traceback" not in err
    assert not (tmp_path / "draft.yaml").exists()


def test_a_missing_file_is_named(tmp_path, capsys):
    assert main(["draft", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_a_text_with_no_sentence_end_still_drafts_validly(tmp_path):
    (tmp_path / "article.txt").write_text("the council met and nobody said anything", "utf-8")
    assert main(["draft", str(tmp_path / "article.txt")]) == 0
    assert main(["author", str(tmp_path / "draft.yaml")]) == 0
    assert len(kitlib.load_article(tmp_path).sentences) == 1


def test_a_text_of_100_paragraphs_drafts_validly(tmp_path):
    lines = (SEED / "article.txt").read_text(encoding="utf-8").split("\n")[:18]
    text = "\n".join((lines * 6)[:100])
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    assert main(["draft", str(tmp_path / "article.txt")]) == 0
    assert main(["author", str(tmp_path / "draft.yaml")]) == 0
    assert len(kitlib.load_article(tmp_path).paragraphs) == 100


def test_an_existing_draft_is_not_overwritten(tmp_path, capsys):
    (tmp_path / "article.txt").write_text(INVENTED, encoding="utf-8")
    (tmp_path / "draft.yaml").write_text("mine", encoding="utf-8")
    assert main(["draft", str(tmp_path / "article.txt")]) == 1
    assert (tmp_path / "draft.yaml").read_text(encoding="utf-8") == "mine"
    assert main(["draft", str(tmp_path / "article.txt"), "--out", "-"]) == 0
    assert "origin: machine" in capsys.readouterr().out


def test_draft_annotation_refuses_empty_text():
    with pytest.raises(DraftError, match="empty"):
        draft_annotation("")
