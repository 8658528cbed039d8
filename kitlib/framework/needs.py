"""What an exercise needs from an article, so that a release for another article can leave out
the exercises that do not apply (and say why) instead of failing.

An exercise declares ``needs=("byline", ...)`` by name; each name is one short test of the
article. Whatever it declares, an exercise also does not apply where its reference answer
cannot be computed or is empty (nothing to find, count or label), unless it says
``empty_ok=True``: an empty answer is then a right answer ("no one is left unquoted").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Need", "NEEDS", "missing_needs"]


@dataclass(frozen=True)
class Need:
    name: str
    what: str  # completes "the article has no ...": what is missing when the test fails
    test: Callable


def _roles(art) -> set:
    return set(art.paragraphs.role)


def _sides(art) -> list:
    from kitlib.sides import side_table

    return list(side_table(art).side_id)


def _has(table: str, column: str, value: str) -> Callable:
    return lambda art: value in set(getattr(art, table)[column])


def _any(table: str, column: str) -> Callable:
    return lambda art: bool(getattr(art, table)[column].notna().any())


def _course_article(art) -> bool:
    # Exercises about the course article's own passages (tagged seed-only in the lessons).
    from kitlib.article import DEFAULT_ARTICLE

    return art.name == DEFAULT_ARTICLE


def _rows(table: str) -> Callable:
    return lambda art: len(getattr(art, table)) > 0


NEEDS = {
    need.name: need
    for need in [
        Need("byline", "byline paragraph",
             lambda art: list(art.paragraphs.role).count("byline") == 1),
        Need("author-bio", "author bio paragraph", _has("paragraphs", "role", "author_bio")),
        Need("copyright", "copyright line", _has("paragraphs", "role", "copyright")),
        Need("end-matter", "lines besides the story (byline, bio or copyright)",
             lambda art: bool(set(art.paragraphs.role) - {"body"})),
        Need("author", "author named in a byline", lambda art: bool(art.author)),
        Need("countries", "country among its actors", _has("actors", "kind", "country")),
        Need("two-sides", "two sides (declared, or two countries)",
             lambda art: len(_sides(art)) >= 2),
        Need("documents", "plan, proposal or other document", _rows("documents")),
        Need("figures", "figure (a number in the text)", _rows("figures")),
        Need("demands", "demand, offer or proposal term", _rows("demands")),
        Need("conditional-demand", "demand with a condition", _any("demands", "condition")),
        Need("places", "demand that names a place",
             lambda art: any(len(p) for p in art.demands.places)),
        Need("direct-quotes", "direct quote", _has("quotes", "kind", "direct")),
        Need("partial-quotes", "partial quote", _has("quotes", "kind", "partial")),
        Need("indirect-quotes", "indirect quote", _has("quotes", "kind", "indirect")),
        Need("quote-channels", "quote with its channel given", _any("quotes", "channel")),
        Need("quote-days", "quote with its day given", _any("quotes", "day")),
        Need("unnamed-sources", "claim from an unnamed source",
             _has("claims", "source_type", "unnamed")),
        Need("document-sources", "claim sourced to a document",
             _has("claims", "source_type", "document")),
        Need("metonyms", "place or building standing for a government (a metonym)",
             _has("mentions", "form", "metonym")),
        Need("pronouns", "pronoun mention", _has("mentions", "form", "pronoun")),
        Need("course-article", "passage this exercise is about (it is written for the course "
             "article alone)", _course_article),
        Need("no-headline", "missing headline (the text has one)", lambda art: art.title is None),
        Need("no-date", "missing date (the text has one)", lambda art: art.date is None),
    ]
}  # fmt: skip


def missing_needs(names, art) -> list[str]:
    """The descriptions of the declared needs that ``art`` does not meet (empty: all met)."""
    unknown = [n for n in names if n not in NEEDS]
    if unknown:
        raise ValueError(f"unknown need(s) {unknown}; the needs are: {', '.join(NEEDS)}")
    return [NEEDS[n].what for n in names if not NEEDS[n].test(art)]
