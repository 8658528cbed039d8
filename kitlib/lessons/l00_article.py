"""Exercises of lesson 00, "Meet the article": its parts, what it does not say, first pandas."""

from __future__ import annotations

import re

from kitlib.display import wrap
from kitlib.framework import Choice, Classify, Item, Number, Reflection
from kitlib.framework.compare import listing, plural

ROLES = ["body", "byline", "author_bio", "copyright"]
# The parts that are not story, as a reader would name them (for summaries and feedback).
PART_NAMES = {"byline": "a byline", "author_bio": "an author bio", "copyright": "a copyright line"}


def _ids_with_role(art, role: str) -> list[str]:
    return list(art.paragraphs.loc[art.paragraphs.role == role, "paragraph_id"])


def _end_matter(art) -> list[str]:
    """The paragraph ids that are not story (byline, bio, copyright), in text order."""
    return list(art.paragraphs.loc[art.paragraphs.role != "body", "paragraph_id"])


def parts_summary(art) -> str:
    """One paragraph on the parts of this article: how much is story, and what else it prints."""
    roles = dict(zip(art.paragraphs.paragraph_id, art.paragraphs.role, strict=True))
    body = sum(role == "body" for role in roles.values())
    head = f"This text has {plural(len(roles), 'paragraphs')}, {body} of them story (body)."
    extra = [
        f"{PART_NAMES.get(role, role)} ({pid})" for pid, role in roles.items() if role != "body"
    ]
    if extra:
        return wrap(f"{head} Besides the story it prints {listing(extra)}.")
    return wrap(
        f"{head} It prints nothing besides the story: no byline, no author bio and no "
        "copyright line. Who wrote it and who published it is not in the text itself: a "
        "reader has to find that out elsewhere."
    )


def _byline_place(art) -> str:
    """Where the byline stands: printed before or after the story."""
    roles = list(art.paragraphs.role)
    at = roles.index("byline")
    if "body" not in roles[:at]:
        return "In this text the byline comes before the story, as in most newspapers."
    after = roles[at + 1] if at + 1 < len(roles) else None
    the = {"author_bio": "the author bio", "copyright": "the copyright line"}
    before = f", just before {the[after]}" if after in the else ""
    return f"In this text the byline comes after the story{before}."


def _story_or_not_hint(art) -> str:
    """The reading rung of the paragraph count: tell story from the lines around it."""
    ask = (
        "Read the text from the top and ask of each paragraph: does it tell the news, or is "
        "it about who wrote or published the text?"
    )
    extra = [PART_NAMES[role] for role in dict.fromkeys(art.paragraphs.role) if role in PART_NAMES]
    if extra:
        return f"{ask} Besides the story, this text prints {listing(extra)}: they do not count."
    return f"{ask} Count only the paragraphs that tell the news."


def _figure_hint(art, figure: str) -> str:
    """The reading rung for finding a figure: its paragraph, and how many sentences it holds."""
    paragraphs = _paragraph_of(art, figure)
    where = f"paragraph {paragraphs[0]}" if paragraphs else "the text"
    return (
        f"Find {figure} in the text: it stands in {where}. A paragraph can hold several "
        "sentences: which sentence of it has the number?"
    )


Number(
    "article.body-paragraphs",
    "How many body paragraphs (the story itself) does the article have? Count them in "
    "`art.paragraphs`.",
    answer=lambda art: (art.paragraphs.role == "body").sum(),
    noun="body paragraphs",
    mistakes=lambda art: {
        len(art.sentences): "that is the number of rows of `art.sentences`; the task counts "
        "paragraphs.",
        len(art.paragraphs): "that counts every paragraph. Paragraphs such as a byline or a "
        "copyright line are parts of the article, but not of the story: see the `role` column.",
    },
    hints=[
        _story_or_not_hint,
        "Each row of `art.paragraphs` is one paragraph; its `role` column says which part of "
        "the article it is.",
        "Keep the rows whose role is 'body' and count them: `art.paragraphs.role == 'body'` "
        "gives True or False per row, and `.sum()` counts the True ones.",
    ],
    explanation=lambda art: (
        f"The other paragraphs ({listing(_end_matter(art))}) are not story."
        if _end_matter(art)
        else "Here every paragraph is story: the text prints no byline, bio or copyright line."
    ),
)

Item(
    "article.byline",
    "Which paragraph is the byline, the line that names the writer? Give its paragraph_id.",
    answer=lambda art: _ids_with_role(art, "byline"),
    needs=("byline",),
    vocab="paragraphs",
    mistakes=lambda art: {
        **{
            p: "that is the author bio, which describes the writer; a byline only names the writer."
            for p in _ids_with_role(art, "author_bio")
        },
        **{
            p: "that is the copyright line: it names the outlet, not the writer."
            for p in _ids_with_role(art, "copyright")
        },
        art.paragraphs.paragraph_id.iloc[0]: "that is the first paragraph of the story. Many "
        "articles print the byline under the headline; look for a line that only names a "
        "person.",
    },
    hints=[
        "Read the first and the last few paragraphs of the article: which one is only a name?",
        "The `role` column of `art.paragraphs` labels the byline: "
        "`art.paragraphs.query(\"role == 'byline'\")`.",
    ],
    explanation=lambda art: _byline_place(art),
)

Item(
    "article.figure-sentence",
    "What is the sentence_id of the sentence that mentions 417,000?",
    needs=("course-article",),  # its cells are seed-only
    answer=lambda art: art.sentences.loc[
        art.sentences.text.str.contains("417,000", regex=False), "sentence_id"
    ],
    vocab="sentences",
    mistakes=lambda art: {
        **{
            p: "that is the id of the paragraph; the task asks for the sentence, from "
            "`art.sentences`."
            for p in _paragraph_of(art, "417,000")
        },
        **{
            p.removeprefix("p").lstrip("0"): "that is the number of the paragraph; the task "
            "asks for the sentence_id, from `art.sentences`."
            for p in _paragraph_of(art, "417,000")
        },
        **{
            f: "that is the id of the figure in `art.figures`; the task asks for the sentence_id."
            for f in art.figures.loc[art.figures.text == "417,000", "figure_id"]
        },
    },
    hints=[
        lambda art: _figure_hint(art, "417,000"),
        "`art.sentences.text` holds every sentence; look for the one with 417,000 in it.",
        "`art.sentences[art.sentences.text.str.contains('417,000')]` keeps that row; read its "
        "`sentence_id`.",
    ],
)


def _paragraph_of(art, words: str) -> list[str]:
    hit = art.sentences.text.str.contains(words, regex=False)
    return list(dict.fromkeys(art.sentences.loc[hit, "paragraph_id"]))


def _time_words(art) -> dict[str, str]:
    """The weekdays, months and the copyright line, as printed, for the choice feedback."""
    body = " ".join(art.paragraphs.loc[art.paragraphs.role == "body", "text"])
    days = re.findall(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", body)
    months = re.findall(
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December)\b",
        body,
    )
    copyright_line = " ".join(art.paragraphs.loc[art.paragraphs.role == "copyright", "text"])
    return {
        "days": ", ".join(f"'{d}'" for d in dict.fromkeys(days)) or "no weekday",
        "months": ", ".join(f"'{m}'" for m in dict.fromkeys(months)) or "no month",
        "copyright": copyright_line or "none",
    }


def _when_feedback(art) -> dict[str, str]:
    words = _time_words(art)
    return {
        "a": f"The text has no date and no dateline. It names weekdays ({words['days']}), and a "
        "weekday without a date cannot be placed in a calendar.",
        "b": f"The events are placed by weekday only ({words['days']}), with a month here and "
        f"there ({words['months']}). Without a date or a dateline a reader cannot tell which "
        "week they belong to.",
        "c": f"The copyright line ({words['copyright']!r}) gives a year at most; a copyright "
        "year is neither the day of the events nor the day the article appeared.",
        "d": f"There is some time information: weekdays ({words['days']}) and months "
        f"({words['months']}). What the text lacks is a calendar date.",
    }


Choice(
    "article.when",
    "What does the text tell us about when the events happened?",
    needs=("course-article",),  # its cells are seed-only
    options={
        "a": "It gives a calendar date (day, month and year) for the events.",
        "b": "It names weekdays, but no calendar date: we cannot tell which week.",
        "c": "The copyright line dates the article, so we know when everything happened.",
        "d": "Nothing at all: the text has no time information.",
    },
    answer=lambda art: "a" if (art.date or art.dateline) else "b",
    feedback=_when_feedback,
    hints=[
        "Search the body for words about time: weekdays, months, years.",
        'A weekday ("on Tuesday") is only useful when you know the week. Does the text print a '
        "date or a dateline anywhere? `art.date` and `art.dateline` say what the annotation found.",
    ],
)

Classify(
    "article.paragraph-roles",
    "Label each of the last four paragraphs with its part of the article: 'body', 'byline', "
    "'author_bio' or 'copyright'. Give a dict such as {'p01': 'body', ...}.",
    answer=lambda art: dict(art.paragraphs.tail(4)[["paragraph_id", "role"]].to_numpy()),
    needs=("byline", "author-bio", "copyright"),
    labels=ROLES,
    vocab="paragraphs",
    noun="paragraphs",
    columns=("paragraph_id", "role"),
    mistakes=lambda art: {
        **{
            p: "it only names a person, and that is what a byline does."
            for p in _ids_with_role(art, "byline")
        },
        **{
            p: "it tells who the writer is and what they have done: an author bio."
            for p in _ids_with_role(art, "author_bio")
        },
        **{
            p: "it says who owns the rights to the text: the copyright line."
            for p in _ids_with_role(art, "copyright")
        },
    },
    hints=[
        "Read the last four paragraphs aloud: which one tells news, which one names the writer?",
        "A byline names the writer; an author bio describes the writer; a copyright line names "
        "who owns the text (© ...).",
    ],
)

Reflection(
    "article.missing-parts",
    "The text has no headline and no date. In a few sentences: what does a reader lose "
    "without them, and what do the byline, the author bio and the copyright line tell instead?",
    model_answer=(
        "Without a headline the reader does not see how the outlet summed up the story, or "
        "which side of it the outlet put first. Without a date the weekdays in the text "
        "(Tuesday, Wednesday, Friday) cannot be placed, so the reader cannot tell whether the "
        "plan is still news. The byline names the writer, Jim Thomas; the author bio says he is "
        "a writer based in Indiana with a law degree, and it does not say where the reporting "
        "was done. The copyright line names the outlet, Newsmax, and a year, 2025, but no day."
    ),
    needs=("course-article",),  # its cells are seed-only
    min_words=25,
    ideas={
        "the headline": ["headline", "title"],
        "the date": ["date", "when", "day", "week"],
        "the outlet": ["newsmax", "outlet", "publisher", "copyright"],
        "the writer's background": ["bio", "writer", "author", "law", "indiana"],
    },
    hints=[
        "Think of what you read first in a newspaper, and how you know whether news is fresh.",
        lambda art: (
            "Look at paragraphs "
            + ", ".join(art.paragraphs.loc[art.paragraphs.role != "body", "paragraph_id"])
            + ": who wrote the text, who is the writer, who published it?"
        ),
    ],
)
