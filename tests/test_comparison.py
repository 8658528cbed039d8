"""kitlib.compare: table-by-table matches, misses and extras of two annotations of one text."""

import math
import shutil

import pytest
import yaml

import kitlib
from kitlib.cli import main

from .conftest import SEED


def copy_with(tmp_path, change):
    """A copy of the course article whose annotation ``change`` edits."""
    folder = tmp_path / "edited"
    shutil.copytree(SEED, folder)
    raw = yaml.safe_load((folder / "annotation.yaml").read_text(encoding="utf-8"))
    change(raw)
    (folder / "annotation.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), "utf-8")
    return kitlib.load_article(folder)


def row(result, table):
    return result.scores.set_index("table").loc[table]


def test_an_annotation_matches_itself_everywhere(art):
    result = kitlib.compare(art, art)
    for table in ("paragraphs", "mentions", "quotes", "claims", "figures", "actors"):
        r = row(result, table)
        assert (r.precision, r.recall, r.f1, r.exact_f1) == (1.0, 1.0, 1.0, 1.0), table
        assert r.misses == 0 and r.extras == 0
    assert row(result, "quotes.speaker").precision == 1.0
    assert result.misses("quotes").empty and result.extras("quotes").empty


def test_a_dropped_quote_is_a_miss_and_lowers_recall_only(tmp_path, art):
    fewer = copy_with(tmp_path, lambda raw: raw["quotes"].pop(0))
    r = row(kitlib.compare(fewer, art), "quotes")
    n = len(art.quotes)
    assert (r.careful, r.machine, r.overlap, r.misses, r.extras) == (n, n - 1, n - 1, 1, 0)
    assert r.precision == 1.0 and math.isclose(r.recall, (n - 1) / n)
    assert kitlib.compare(fewer, art).misses("quotes").quote_id.tolist() == [art.quotes.quote_id[0]]


def test_a_shortened_span_matches_by_overlap_not_exactly(tmp_path, art):
    def shorten(raw):
        q = raw["quotes"][0]
        q["end"] -= 1
        q["text"] = q["text"][:-1]

    r = row(kitlib.compare(copy_with(tmp_path, shorten), art), "quotes")
    assert r.overlap == len(art.quotes) and r.exact == len(art.quotes) - 1
    assert r.f1 == 1.0 and r.exact_f1 < 1.0


def test_a_wrong_speaker_and_kind_are_counted(tmp_path, art):
    def wrong(raw):
        raw["quotes"][0]["speaker"] = "newsmax"
        raw["quotes"][0]["kind"] = "partial"

    result = kitlib.compare(copy_with(tmp_path, wrong), art)
    n = len(art.quotes)
    assert row(result, "quotes.speaker").exact == n - 1
    assert row(result, "quotes.kind").exact == n - 1
    bad = result.quote_pairs[~result.quote_pairs.speaker_right]
    assert bad.machine_speaker.tolist() == ["newsmax"]


def test_summary_html_and_figure_are_readable(art):
    result = kitlib.compare(art, art)
    text = str(result)
    assert "quotes" in text and "F1" in text and "exact" in text
    assert "<caption>" in result._repr_html_()
    fig = result.figure()
    assert fig.layout.title.text and fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
    patterns = {bar.marker.pattern.shape for bar in fig.data}
    assert len(patterns) == 2  # exact and overlap differ by pattern, not colour alone


def test_compare_accepts_paths_and_seed_names():
    result = kitlib.compare(SEED, "ukraine-peace-plan")
    assert row(result, "claims").f1 == 1.0


def test_an_unknown_table_is_named():
    with pytest.raises(KeyError, match="tables are"):
        kitlib.compare("ukraine-peace-plan", "ukraine-peace-plan").misses("quote")


def test_cli_compare_prints_the_summary_and_names_a_bad_path(tmp_path, capsys):
    assert main(["compare", str(SEED), "ukraine-peace-plan"]) == 0
    assert "quotes.speaker" in capsys.readouterr().out
    assert main(["compare", str(tmp_path / "none"), "ukraine-peace-plan"]) == 1
    err = capsys.readouterr().err
    assert "none" in err and "Traceback" not in err
