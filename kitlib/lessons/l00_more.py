"""More exercises for lesson 00: pandas steps that work on any annotated article."""

from __future__ import annotations

from kitlib.framework import Number


def _body_ids(art) -> list[str]:
    return list(art.paragraphs.loc[art.paragraphs.role == "body", "paragraph_id"])


def _body_sentences(art) -> int:
    return int(art.sentences.paragraph_id.isin(_body_ids(art)).sum())


Number(
    "article.body-sentences",
    "How many sentences does the story itself (the body paragraphs) have? Use "
    "`art.sentences` and the body paragraph ids from `art.paragraphs`.",
    answer=_body_sentences,
    noun="sentences in the body",
    mistakes=lambda art: {
        len(art.sentences): "that counts every sentence, including those of the byline, the "
        "author bio and the copyright line. Keep only the sentences whose paragraph_id is a "
        "body paragraph.",
        len(_body_ids(art)): "that is the number of body paragraphs; some paragraphs hold more "
        "than one sentence.",
    },
    hints=[
        "Each row of `art.sentences` is one sentence, and its `paragraph_id` column says which "
        "paragraph it belongs to.",
        "First make the list of body paragraph ids: "
        "`body_ids = art.paragraphs.loc[art.paragraphs.role == 'body', 'paragraph_id']`. "
        "Then `art.sentences.paragraph_id.isin(body_ids)` is True for the sentences in them; "
        "`.sum()` counts the True ones.",
    ],
    explanation=lambda art: (
        f"The body has {len(_body_ids(art))} paragraphs; some hold more than one sentence."
        if _body_sentences(art) > len(_body_ids(art))
        else "Here every body paragraph is one sentence."
    ),
    points=2,
)
