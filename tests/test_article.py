"""The course article as data: every table, the span invariant, the API around it."""

import hashlib
import os
import shutil
import subprocess
import sys
from collections import Counter

import pandas as pd
import pytest
import yaml

import kitlib
from kitlib.article import COLUMNS
from kitlib.sides import derive_sides, side_of, side_table

from .conftest import ROOT, SEED

HARBOR = ROOT / "tests" / "fixtures" / "articles" / "harbor-bridge-vote"
# Sides for the harbor fixture, in an order that is neither the actors' nor the mentions': the
# bridge authority (its engineers speak), the two countries, and the transport ministers, whom
# the text mentions but never quotes or cites: a side with no voices.
HARBOR_SIDES = """
sides:
- id: bridge-authority
  name: The bridge authority
  members: [bridge-authority]
  note: Its engineers are quoted on the bridge's state.
- id: valdoria
  name: Valdoria
  members: [valdoria]
- id: marenland
  name: Marenland
  members: [marenland, marchetti]
- id: ministers
  name: The transport ministers
  members: [transport-ministers]
"""


def harbor_with_sides(tmp_path, sides: str = HARBOR_SIDES):
    """The harbor fixture copied to tmp_path with a `sides` section appended."""
    folder = tmp_path / "harbor-with-sides"
    shutil.copytree(HARBOR, folder)
    with (folder / "annotation.yaml").open("a", encoding="utf-8") as out:
        out.write(sides)
    return folder


SEED_SHA256 = "02903eb6e48ba7a5a09ba55f57583500d23a731684b1c52757946ee40a6af0e2"
SPAN_TABLES = [
    "paragraphs",
    "sentences",
    "mentions",
    "documents",
    "quotes",
    "demands",
    "claims",
    "figures",
]


def test_seed_is_the_shared_article_byte_for_byte():
    assert hashlib.sha256((SEED / "article.txt").read_bytes()).hexdigest() == SEED_SHA256


def test_text_is_verbatim(art):
    assert art.text == (SEED / "article.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("table", list(COLUMNS))
def test_tables_have_the_documented_columns(art, table):
    frame = getattr(art, table)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == COLUMNS[table]
    assert len(frame) > 0
    doc = (ROOT / "docs" / "data-model.md").read_text()
    for column in COLUMNS[table]:
        assert f"`{column}`" in doc, f"{table}.{column} is not documented in docs/data-model.md"


@pytest.mark.parametrize("table", SPAN_TABLES)
def test_every_span_matches_the_text(art, table):
    for row in getattr(art, table).itertuples():
        assert art.text[row.start : row.end] == row.text, (table, row)


def test_cue_spans_match(art):
    for q in art.quotes.itertuples():
        assert art.text[q.cue_start : q.cue_end] == q.cue


def test_metadata_says_only_what_the_text_says(art):
    assert art.title is None and art.date is None and art.dateline is None
    assert art.author == "Jim Thomas" and art.author in art.text
    assert art.outlet == "Newsmax" and art.outlet in art.text


def test_paragraphs_cover_the_text_line_by_line(art):
    lines = art.text.split("\n")
    assert list(art.paragraphs.text) == lines
    roles = art.paragraphs.set_index("text").role
    assert roles["Jim Thomas ✉"] == "byline"
    assert roles[lines[-1]] == "copyright"
    assert (art.paragraphs.role == "body").sum() == 18


def test_sentences_sit_in_their_paragraphs_in_order(art):
    paras = art.paragraphs.set_index("paragraph_id")
    for s in art.sentences.itertuples():
        p = paras.loc[s.paragraph_id]
        assert p.start <= s.start < s.end <= p.end
    assert art.sentences.start.is_monotonic_increasing


def test_every_span_row_names_the_sentence_that_holds_it(art):
    sentences = art.sentences.set_index("sentence_id")
    for table in ["mentions", "quotes", "demands", "claims", "figures"]:
        for row in getattr(art, table).itertuples():
            s = sentences.loc[row.sentence_id]
            assert s.start <= row.start < s.end, (table, row)


def test_every_reference_resolves(art):
    actors = set(art.actors.actor_id)
    documents = set(art.documents.document_id)
    assert set(art.mentions.actor_id) <= actors
    assert set(art.quotes.speaker_id) <= actors
    assert set(art.demands.party_id.dropna()) <= actors
    assert set(art.demands.addressee_id.dropna()) <= actors
    assert set(art.demands.document_id.dropna()) <= documents
    for c in art.claims.itertuples():
        if c.source_type == "unattributed":
            assert c.source_id is None
        elif c.source_type == "document":
            assert c.source_id in documents
        else:
            assert c.source_id in actors


def test_kinds_are_the_documented_ones(art):
    assert set(art.actors.kind) <= {
        "person",
        "organization",
        "government",
        "country",
        "group",
        "publication",
    }
    assert set(art.quotes.kind) == {"direct", "partial", "indirect"}
    assert set(art.claims.source_type) == {"named", "unnamed", "document", "unattributed"}


# What a teacher reading line by line must find: people, quotations, demands.


def test_every_named_person_is_an_actor(art):
    people = set(art.actors[art.actors.kind == "person"].name)
    assert people == {
        "Volodymyr Zelenskyy",
        "Vladimir Putin",
        "Kirill Dmitriev",
        "Steve Witkoff",
        "Donald Trump",
        "Aleksei Naumov",
        "Georgi Bovt",
        "Dmitri Medvedev",
        "Dmitri Peskov",
        "Jim Thomas",
    }


def test_every_quotation_mark_pair_is_a_direct_or_partial_quote(art):
    import re

    quoted = [(m.start(1), m.group(1)) for m in re.finditer(r'"([^"]+)"', art.text)]
    recorded = {(q.start, q.text) for q in art.quotes.itertuples() if q.kind != "indirect"}
    assert set(quoted) == recorded


def test_direct_quotes_have_the_right_speakers(art):
    direct = art.quotes[art.quotes.kind == "direct"]
    assert direct.groupby("speaker_id").size().to_dict() == {"naumov": 2, "bovt": 2, "peskov": 1}
    assert set(art.quotes[art.quotes.kind == "partial"].speaker_id) == {"putin"}


def test_cues_and_channels_as_printed(art):
    assert {"said", "insisted", "signaled", "described", "reiterated", "say"} <= set(art.quotes.cue)
    naumov = art.quotes[art.quotes.speaker_id == "naumov"]
    assert set(naumov.channel) == {"a post on the Telegram messaging app"}
    putin_friday = art.quotes[(art.quotes.speaker_id == "putin") & (art.quotes.day == "Friday")]
    assert set(putin_friday.channel) == {"his annual news conference"}


def test_russias_two_core_demands(art):
    putin = art.demands[(art.demands.party_id == "putin") & (art.demands.kind == "demand")]
    assert len(putin) == 2
    assert sorted(sum(putin.places, [])) == ["Donetsk", "Luhansk"]


def test_the_conditional_term(art):
    conditional = art.demands.dropna(subset=["condition"])
    assert list(conditional.condition) == ["only if Russia withdrew from an equivalent area"]
    assert conditional.places.iloc[0] == ["Donetsk"]


def test_metonyms_stand_for_governments(art):
    metonyms = art.mentions[art.mentions.form == "metonym"].merge(art.actors, on="actor_id")
    assert set(metonyms.kind) == {"government"}
    assert {"the Kremlin", "Moscow", "Kyiv", "Washington"} == set(metonyms.text)


def test_pronouns_refer_to_named_speakers(art):
    pronouns = art.mentions[art.mentions.form == "pronoun"]
    assert set(pronouns.actor_id) == {"putin", "jim-thomas"}


def test_unattributed_figure_is_recorded(art):
    claim = art.claims[art.claims.text.str.contains("three quarters")].iloc[0]
    assert claim.source_type == "unattributed" and claim.source_id is None


# Helpers


def test_span_and_sentence_at(art):
    q = art.quotes.iloc[0]
    assert art.span(q.start, q.end) == q.text
    assert art.sentence_at(q.start) == q.sentence_id
    assert art.sentence_at(len(art.text) + 5) is None


def test_actor_lookup(art):
    assert art.actor("Peskov").actor_id == "peskov"
    assert art.actor("putin")["name"] == "Vladimir Putin"  # .name is the row label
    with pytest.raises(KeyError, match="actor ids are"):
        art.actor("Nobody")
    with pytest.raises(KeyError, match="several"):
        art.actor("Dmitri")


def test_each_load_returns_fresh_tables():
    a = kitlib.load_article()
    a.quotes.loc[0, "text"] = "changed"
    assert kitlib.load_article().quotes.loc[0, "text"] != "changed"


def test_load_by_path_and_by_env(tmp_path, monkeypatch):
    assert kitlib.load_article(SEED).name == "ukraine-peace-plan"
    assert kitlib.load_article(SEED / "annotation.yaml").name == "ukraine-peace-plan"
    # Not the default article: ignoring the variable would load ukraine-peace-plan instead.
    other = ROOT / "seeds" / "alderwick-library-vote"
    monkeypatch.setenv("KITLIB_ARTICLE", str(other))
    chosen = kitlib.load_article()
    assert chosen.name == "alderwick-library-vote"
    assert chosen.text == (other / "article.txt").read_text(encoding="utf-8")


def test_missing_article_says_what_exists(tmp_path):
    with pytest.raises(kitlib.ArticleNotFoundError, match="ukraine-peace-plan"):
        kitlib.load_article(tmp_path)
    assert issubclass(kitlib.ArticleNotFoundError, FileNotFoundError)


# ---------------------------------------------------------------- sides


def test_declared_sides_keep_their_order_and_reach_down_the_affiliation_chain(tmp_path):
    art = kitlib.load_article(harbor_with_sides(tmp_path))
    assert list(art.sides.columns) == ["side_id", "name", "members", "note"]
    assert list(art.sides.side_id) == ["bridge-authority", "valdoria", "marenland", "ministers"]
    assert list(art.sides.name)[0] == "The bridge authority"
    assert art.sides.members.iloc[2] == ["marenland", "marchetti"]
    assert art.sides.note.iloc[0] == "Its engineers are quoted on the bridge's state."
    assert art.sides.note.iloc[1] is None
    side = dict(zip(art.actors.actor_id, art.actors.side, strict=True))
    assert side["engineers-close-to-the-bridge-authority"] == "bridge-authority"  # via affiliation
    assert side["brandvik"] == "valdoria"  # brandvik -> valdorian-government -> valdoria
    assert side["janssen"] == "marenland"
    assert side["transport-ministers"] == "ministers"
    assert side["ferreira"] == "other" and side["freight-companies"] == "other"
    assert side_of(art, "brandvik") == "valdoria"
    with pytest.raises(KeyError, match="actor ids are"):
        side_of(art, "nobody")
    assert side_table(art) is art.sides


def test_the_nearest_member_up_the_chain_decides_the_side(tmp_path):
    sides = """
sides:
- id: government
  name: The Valdorian government
  members: [valdorian-government]
- id: country
  name: Valdoria
  members: [valdoria]
"""
    art = kitlib.load_article(harbor_with_sides(tmp_path, sides))
    side = dict(zip(art.actors.actor_id, art.actors.side, strict=True))
    assert side["brandvik"] == "government"  # her government is nearer than her country
    assert side["valdorian-lawmakers"] == "country"
    assert side["marenland"] == "other"  # declared sides replace the derived ones


def test_an_empty_sides_section_declares_no_sides(tmp_path):
    art = kitlib.load_article(harbor_with_sides(tmp_path, "sides: []\n"))
    assert art.sides.empty and set(art.actors.side) == {"other"}


def test_an_annotation_without_sides_derives_them_from_its_countries_as_before(tmp_path):
    raw = yaml.safe_load((SEED / "annotation.yaml").read_text(encoding="utf-8"))
    assert raw.pop("sides"), "the course article declares its sides"
    folder = tmp_path / "no-sides"
    folder.mkdir()
    shutil.copy(SEED / raw["text_file"], folder / raw["text_file"])
    (folder / "annotation.yaml").write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    art = kitlib.load_article(folder)
    # Most mentioned first: the order the course article's figures have always had.
    assert list(art.sides.side_id) == ["russia", "ukraine", "united-states"]
    assert list(art.sides.name) == ["Russia", "Ukraine", "United States"]
    assert list(art.sides.members) == [["russia"], ["ukraine"], ["united-states"]]
    side = dict(zip(art.actors.actor_id, art.actors.side, strict=True))
    assert side["peskov"] == "russia"  # peskov -> russian-government -> russia
    assert side["analysts-close-to-moscow"] == "russia"
    assert side["us-government"] == "united-states"
    assert side["witkoff"] == "other"  # -> trump, whom the text gives no country
    harbor = kitlib.load_article(HARBOR)
    assert list(harbor.sides.side_id) == ["marenland", "valdoria"]  # 5 mentions against 4


def test_a_country_inside_another_country_is_not_a_side_of_its_own():
    actors = [
        ("north", "North", "country", None),
        ("north-isles", "the North Isles", "country", "north"),
        ("islander", "an islander", "person", "north-isles"),
        ("south", "South", "country", None),
    ]
    sides = derive_sides(actors, Counter({"south": 2, "islander": 1}))
    assert [s["side_id"] for s in sides] == ["south", "north"]  # 2 mentions against 1


def test_import_does_not_pull_heavy_modules():
    code = (
        "import sys, kitlib; kitlib.load_article(); "
        "print(sorted(m for m in ('plotly', 'ipywidgets', 'nbformat', 'jsonschema', "
        "'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_seed_loads_from_a_wheel_in_a_fresh_venv(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT], check=True
    )
    wheel = next(dist.glob("*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    py = venv / "bin" / "python"
    target = next((venv / "lib").glob("python3*/site-packages"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", target, wheel],
        check=True,
    )
    # The dependencies come from this environment's site-packages via PYTHONPATH, which (unlike
    # a site dir) does not run the editable install's .pth hook: kitlib comes from the wheel.
    deps = next(p for p in sys.path if p.endswith("site-packages"))
    env = {**os.environ, "PYTHONPATH": deps}
    env.pop("KITLIB_ARTICLE", None)
    code = (
        "import kitlib; a = kitlib.load_article(); "
        "print(kitlib.__file__); print(len(a.quotes), a.name)"
    )
    out = subprocess.run(
        [py, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    ).stdout.split("\n")
    assert str(target) in out[0]
    quotes = yaml.safe_load((SEED / "annotation.yaml").read_text(encoding="utf-8"))["quotes"]
    assert out[1] == f"{len(quotes)} ukraine-peace-plan"
