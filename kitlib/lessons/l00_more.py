"""More exercises for lesson 00: pandas steps that work on any annotated article.

Every article has paragraphs, sentences and (present or missing) a headline, a date and a
dateline, so these exercises apply to any text, with or without a byline.
"""

from __future__ import annotations

from kitlib.framework import Item, Names, Number
from kitlib.framework.compare import clip, listing

# What a newspaper page prints around a story -> the attribute where the kit keeps it.
PAGE_FACTS = {"headline": "title", "date": "date", "dateline": "dateline"}
PART_NAMES = {
    "byline": "the byline",
    "author_bio": "the author bio",
    "copyright": "the copyright line",
}


def _body_ids(art) -> list[str]:
    return list(art.paragraphs.loc[art.paragraphs.role == "body", "paragraph_id"])


def _body_sentences(art) -> int:
    return int(art.sentences.paragraph_id.isin(_body_ids(art)).sum())


def _not_body(art) -> str:
    """'the byline, the author bio and the copyright line' as this text has them, or ''."""
    roles = art.paragraphs.role.drop_duplicates()
    return listing([PART_NAMES.get(r, r) for r in roles if r != "body"])


def _body_sentences_hint(art) -> str:
    """The reading rung: count full sentences in the story, and where a paragraph has two."""
    per_paragraph = art.sentences.paragraph_id.value_counts()
    longer = [p for p in _body_ids(art) if per_paragraph.get(p, 0) > 1]
    if longer:
        tip = (
            f"Careful: not every paragraph is one sentence (paragraph {longer[0]} holds "
            f"{per_paragraph[longer[0]]})."
        )
    else:
        tip = "Check for paragraphs that hold more than one sentence."
    skip = f" Leave out {_not_body(art)}." if _not_body(art) else ""
    return f"Read the story paragraph by paragraph and count its sentences. {tip}{skip}"


Number(
    "article.body-sentences",
    "How many sentences does the story itself (the body paragraphs) have? Use "
    "`art.sentences` and the body paragraph ids from `art.paragraphs`.",
    answer=_body_sentences,
    noun="sentences in the body",
    mistakes=lambda art: {
        len(_body_ids(art)): "that is the number of body paragraphs; some paragraphs hold more "
        "than one sentence.",
        len(art.sentences): f"that counts every sentence, including those of {_not_body(art)}. "
        "Keep only the sentences whose paragraph_id is a body paragraph.",
    },
    hints=[
        _body_sentences_hint,
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


# --- what the page around the story would print -----------------------------------------


def _not_given(art) -> list[str]:
    return [fact for fact, attr in PAGE_FACTS.items() if getattr(art, attr) is None]


def _given_mistakes(art) -> dict[str, str]:
    return {
        fact: f"the text does give one: `art.{attr}` is {getattr(art, attr)!r}."
        for fact, attr in PAGE_FACTS.items()
        if getattr(art, attr) is not None
    }


def _not_given_explanation(art) -> str:
    missing = _not_given(art)
    if not missing:
        return "This text prints all three, so a reader knows what it is about, when and where."
    if "date" in missing:
        return (
            "Without a date, words such as 'on Tuesday' or 'next month' cannot be placed in "
            "a calendar."
        )
    return "The text has a date, but a reader still misses what the other parts would tell."


Names(
    "article.not-given",
    "Which of these does the text NOT give: a headline, a date, a dateline? Give a list of "
    "the words, such as ['headline'], or an empty list [] if it gives all three.",
    answer=_not_given,
    candidates=list(PAGE_FACTS),
    noun="absent parts",
    empty_ok=True,
    mistakes=_given_mistakes,
    hints=[
        "Read the very beginning of the text: is there a title line, a date, or a place name "
        "in capitals before the first sentence?",
        "The kit keeps what it found as `art.title`, `art.date` and `art.dateline`; `None` "
        "means the text does not give it.",
    ],
    explanation=_not_given_explanation,
)


# --- the last paragraph of the story ------------------------------------------------------


def _last_body_mistakes(art) -> dict[str, str]:
    body, paragraphs = _body_ids(art), art.paragraphs
    messages = {}
    for row in paragraphs.itertuples(index=False):
        if row.role != "body":
            messages[row.paragraph_id] = (
                f"that is {PART_NAMES.get(row.role, row.role)}, which is not story; the story "
                "ends before it."
            )
    if body:
        messages[body[0]] = "that is the first body paragraph; `.iloc[-1]` takes the last value."
    return messages


def _last_body_hint(art) -> str:
    """The reading rung: read the end of the text upwards, past the lines that are not story."""
    if _not_body(art):
        return (
            f"Besides the story, the text prints {_not_body(art)}, which tell who wrote or "
            "published it. Read upwards from the end: the first paragraph that tells news is "
            "the last of the story."
        )
    return (
        "Read the end of the text: does its last paragraph tell news, or only who wrote or "
        "published it?"
    )


Item(
    "article.last-body-paragraph",
    "Which paragraph is the last one of the story itself (the last body paragraph)? Give its "
    "paragraph_id.",
    answer=lambda art: _body_ids(art)[-1:],
    vocab="paragraphs",
    mistakes=_last_body_mistakes,
    hints=[
        _last_body_hint,
        "Keep the rows of `art.paragraphs` whose role is 'body', then look at the last one.",
        "`.iloc[-1]` takes the last value of a column (negative positions count from the end): "
        "`art.paragraphs[art.paragraphs['role'] == 'body']['paragraph_id'].iloc[-1]`.",
    ],
    explanation=lambda art: (
        f"After it come {_not_body(art)}, which are not story."
        if _not_body(art)
        else "Here the story is the whole text, so it is also the last paragraph."
    ),
)


# --- the longest sentence -------------------------------------------------------------------


def _lengths(art):
    return art.sentences.text.str.len()


def longest_sentence(art) -> str:
    """The sentence_id of the longest sentence (in characters); of equals, the first."""
    return str(art.sentences.sentence_id.iloc[int(_lengths(art).to_numpy().argmax())])


def _longest_mistakes(art) -> dict[str, str]:
    sentences, lengths = art.sentences, _lengths(art)
    top = longest_sentence(art)
    most = int(lengths.max())
    words = sentences.text.str.split().str.len()
    most_words = sentences.sentence_id.iloc[int(words.to_numpy().argmax())]
    shortest = sentences.sentence_id.iloc[int(lengths.to_numpy().argmin())]
    messages = {}
    for sid, n in zip(sentences.sentence_id, lengths, strict=True):
        if sid == top:
            continue
        if n == most:
            messages[sid] = f"it is just as long ({n} characters), but {top} comes first."
        else:
            messages[sid] = f"it has {n} characters; the longest sentence has {most}."
    if most_words != top:
        messages[most_words] += " It has the most words, but the task counts characters."
    if shortest != top:
        messages[shortest] += (
            " It is the shortest: `.idxmin()` finds that one, `.idxmax()` the longest."
        )
    return messages


def _longest_hint(art) -> str:
    """The reading rung: long sentences pile clauses on one another; pick a few by eye."""
    return (
        f"Skim the {len(art.sentences)} sentences of the text for the ones that run on: a long "
        "sentence joins several clauses with commas, 'and', 'while' or 'that'. Pick two or "
        "three by eye, then let the computer measure them: the eye is easily fooled."
    )


Item(
    "article.longest-sentence",
    "Which sentence of the article is the longest, counted in characters? Give its "
    "sentence_id. (If two are equally long, give the first of them.)",
    answer=longest_sentence,
    vocab="sentences",
    mistakes=_longest_mistakes,
    hints=[
        _longest_hint,
        "`art.sentences['text'].str.len()` gives the length of every sentence, as in the worked "
        "example with paragraphs.",
        "`.idxmax()` of those lengths is the row of the longest; "
        "`art.sentences.loc[row, 'sentence_id']` reads its id.",
    ],
    explanation=lambda art: (
        f"{int(_lengths(art).max())} characters: "
        + clip(art.sentences.text.iloc[int(_lengths(art).to_numpy().argmax())], 90)
    ),
)
