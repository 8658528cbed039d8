"""The fictional fixture articles (issue 8): each loads, its draft authors exactly its
annotation, and each has the shape it is there to test (no byline, no countries, declared
sides, a long text, a silent person, ...), so a lesson tried on it meets that shape."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import kitlib
from kitlib.cli import main
from kitlib.framework.needs import NEEDS

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
NEW = ("twin-towns-water", "festival-noise-dispute", "county-hospital-merger")


def load(name: str):
    return kitlib.load_article(ARTICLES / name)


def has(art, need: str) -> bool:
    return bool(NEEDS[need].test(art))


def people(art) -> set[str]:
    return set(art.actors.loc[art.actors.kind == "person", "actor_id"])


def speakers(art) -> set[str]:
    return set(art.quotes.speaker_id)


def side_of(art) -> dict[str, str]:
    return dict(zip(art.actors.actor_id, art.actors.side, strict=True))


def end_matter(art) -> list[str]:
    return [role for role in art.paragraphs.role if role != "body"]


# --- every fixture -----------------------------------------------------------------------


@pytest.mark.parametrize("name", NEW)
def test_fixture_loads_and_is_marked_fictional(name):
    art = load(name)
    assert len(art.paragraphs) and len(art.quotes) and len(art.claims)
    for file in ("draft.yaml", "annotation.yaml"):
        first = (ARTICLES / name / file).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# FICTIONAL:"), file


@pytest.mark.parametrize("name", NEW)
def test_draft_authors_exactly_the_annotation(name, tmp_path, capsys):
    for file in ("article.txt", "draft.yaml"):
        shutil.copy(ARTICLES / name / file, tmp_path / file)
    assert main(["author", str(tmp_path / "draft.yaml")]) == 0
    assert "it validates" in capsys.readouterr().out
    made = yaml.safe_load((tmp_path / "annotation.yaml").read_text(encoding="utf-8"))
    kept = yaml.safe_load((ARTICLES / name / "annotation.yaml").read_text(encoding="utf-8"))
    assert made == kept


@pytest.mark.parametrize("name", NEW)
def test_fixture_has_every_kind_of_source_and_quote_it_claims(name):
    art = load(name)
    assert set(art.claims.source_type) == {"named", "unnamed", "document", "unattributed"}
    assert {"direct", "partial", "indirect"} <= set(art.quotes.kind)
    assert len(art.figures) >= 5 and len(art.documents) >= 1
    assert "demand" in set(art.demands.kind)
    assert len(set(art.actors.kind)) >= 4  # actors of several kinds


# --- twin-towns-water: two towns, declared sides, no end matter, no countries ------------


def test_twin_towns_has_no_end_matter_and_no_countries():
    art = load("twin-towns-water")
    assert 11 <= len(art.paragraphs) <= 12
    assert end_matter(art) == [] and art.author is None and art.outlet is None
    assert "country" not in set(art.actors.kind)
    assert not has(art, "byline") and not has(art, "countries") and not has(art, "end-matter")
    assert "fictional" not in art.text.lower()  # the text reads as news; the comments say it


def test_twin_towns_declares_one_side_per_town():
    art = load("twin-towns-water")
    assert list(art.sides.side_id) == ["eastbrook", "millford"]
    assert list(art.sides.name) == ["Eastbrook", "Millford"]
    sides = side_of(art)
    # Members by affiliation are on their town's side; the shared and unnamed are not.
    assert sides["varga"] == sides["eastbrook-town"] == "eastbrook"
    assert sides["adeyemi"] == sides["millford-council"] == sides["millford-town"] == "millford"
    assert sides["both-towns"] == sides["reservoir-manager"] == "other"
    assert has(art, "two-sides")


def test_twin_towns_quotes_everyone_and_makes_a_conditional_offer():
    art = load("twin-towns-water")
    assert people(art) == {"varga", "adeyemi"} and people(art) <= speakers(art)
    assert list(art.quotes.kind).count("direct") == 2
    assert list(art.quotes.kind).count("partial") == 1
    assert art.text.count("both towns") == 1
    both = art.mentions[art.mentions.text == "both towns"]
    assert list(both.actor_id) == ["both-towns"]
    offers = art.demands[(art.demands.kind == "offer") & art.demands.condition.notna()]
    assert list(offers.condition.str.startswith("only if")) == [True]
    # The mayor's office speaks as a metonym; the reservoir manager only by role.
    assert list(art.mentions.loc[art.mentions.form == "metonym", "text"]) == ["The mayor's office"]
    manager = art.claims[art.claims.source_id == "reservoir-manager"]
    assert set(manager.source_type) == {"unnamed"}


# --- festival-noise-dispute: no sides at all, a petition --------------------------------


def test_festival_has_no_sides_no_countries_and_no_end_matter():
    art = load("festival-noise-dispute")
    assert 9 <= len(art.paragraphs) <= 10
    assert end_matter(art) == [] and art.author is None
    raw = yaml.safe_load((ARTICLES / "festival-noise-dispute" / "annotation.yaml").read_text())
    assert "sides" not in raw and "country" not in set(art.actors.kind)
    assert set(art.actors.side) == {"other"}
    assert not has(art, "two-sides")
    assert "fictional" not in art.text.lower()


def test_festival_quotes_everyone_and_the_petition_is_a_source():
    art = load("festival-noise-dispute")
    assert people(art) == {"costa", "pike", "whitlock"} and people(art) <= speakers(art)
    assert "petition" in set(art.documents.document_id)
    petition = art.claims[art.claims.source_id == "petition"]
    assert set(petition.source_type) == {"document"} and len(petition) >= 1
    asked = art.demands[(art.demands.document_id == "petition") & (art.demands.kind == "demand")]
    assert len(asked) >= 1


# --- county-hospital-merger: long, with end matter, derived sides, silent people ----------


def test_county_is_long_with_byline_bio_and_copyright():
    art = load("county-hospital-merger")
    assert 20 <= len(art.paragraphs) <= 22
    assert end_matter(art) == ["byline", "author_bio", "copyright"]
    assert art.author == "Johanna Reis" and art.outlet == "The Border Valley Herald"
    bio = art.paragraphs.loc[art.paragraphs.role == "author_bio", "text"].iloc[0]
    assert "fictional reporter" in bio and "invented" in bio
    assert all(has(art, n) for n in ("byline", "author-bio", "copyright", "author"))


def test_county_derives_two_sides_from_its_countries():
    art = load("county-hospital-merger")
    raw = yaml.safe_load((ARTICLES / "county-hospital-merger" / "annotation.yaml").read_text())
    assert "sides" not in raw
    countries = set(art.actors.loc[art.actors.kind == "country", "actor_id"])
    assert countries == {"aldermark", "vestria"}
    assert set(art.actors.side) == countries | {"other"}
    sides = side_of(art)
    assert sides["brandt"] == sides["hale"] == "aldermark"
    assert sides["vidal"] == sides["nandakumar"] == sides["dahl"] == "vestria"
    assert sides["officials-familiar-with-the-talks"] == sides["hospital-boards"] == "other"


def test_county_has_silent_people_metonyms_pronouns_and_conditions():
    art = load("county-hospital-merger")
    silent = people(art) - speakers(art) - {"johanna-reis"}  # the author writes, not speaks
    assert silent == {"solberg", "hale"}
    forms = set(art.mentions.form)
    assert {"name", "metonym", "pronoun", "description"} <= forms
    assert "Holmbury City Hall" in set(art.mentions.text)
    quotes = art.quotes
    assert quotes.channel.notna().sum() >= 3 and quotes.day.notna().sum() >= 3
    terms = art.demands[art.demands.kind == "proposal_term"]
    assert set(terms.document_id) == {"merger-plan"} and len(terms) >= 4
    conditional = art.demands[art.demands.condition.notna()]
    assert len(conditional) == 1 and conditional.places.map(len).iloc[0] >= 1
    unnamed = art.claims[art.claims.source_type == "unnamed"]
    assert "officials-familiar-with-the-talks" in set(unnamed.source_id)
    needs = ("metonyms", "pronouns", "places", "conditional-demand", "quote-channels",
             "quote-days", "unnamed-sources")  # fmt: skip
    assert all(has(art, n) for n in needs)
