"""Exercises of lesson 05, "Your turn": the same analyses on the kit's second, fictional article.

Every capstone exercise is bound to that article (``SECOND_ARTICLE``): ``kitlib.check``,
``hint`` and ``solution`` use it whatever article the course runs on, so a class that works on
another article still gets the capstone it was written for. The reference answers are computed
from the second article's annotation, like every other exercise.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kitlib.display import wrap
from kitlib.framework import Choice, Classify, Item, Names, Number, Reflection, Table

SECOND_ARTICLE = "alderwick-library-vote"

# The paragraphs and sentences the student annotates by hand (the prompts name them).
INTERRUPTED_PARAGRAPH = "p03"  # a quotation interrupted by its attribution
QUOTES_PARAGRAPH = "p07"  # a direct quote, then a pronoun and another cue verb
SOURCE_SENTENCES = ("s05", "s06", "s09", "s12")  # one claim type each
METONYM = "City Hall"
SOURCE_TYPES = ["named", "unnamed", "document", "unattributed"]


@functools.lru_cache(maxsize=1)
def second_article():
    """The second article, loaded once (the checks hold on to it, so they stay fast)."""
    from kitlib.article import load_article

    return load_article(SECOND_ARTICLE)


class OnSecondArticle:
    """Mixin: compute, judge and hint against the second article, whatever ``art`` is given."""

    def reference(self, art):
        return super().reference(second_article())

    def judge(self, answer, art):
        return super().judge(answer, second_article())

    def ladder(self, art):
        return super().ladder(second_article())

    def solution(self, art):
        return super().solution(second_article())


@dataclass(eq=False, kw_only=True)
class SecondNames(OnSecondArticle, Names):
    pass


@dataclass(eq=False, kw_only=True)
class SecondItem(OnSecondArticle, Item):
    pass


@dataclass(eq=False, kw_only=True)
class SecondNumber(OnSecondArticle, Number):
    pass


@dataclass(eq=False, kw_only=True)
class SecondChoice(OnSecondArticle, Choice):
    pass


@dataclass(eq=False, kw_only=True)
class SecondClassify(OnSecondArticle, Classify):
    pass


@dataclass(eq=False, kw_only=True)
class SecondTable(OnSecondArticle, Table):
    pass


@dataclass(eq=False, kw_only=True)
class SecondReflection(OnSecondArticle, Reflection):
    pass


# --- helpers: facts of the annotation ----------------------------------------------------


def _sentences_of(art, paragraph_id: str) -> list[str]:
    return list(art.sentences.loc[art.sentences.paragraph_id == paragraph_id, "sentence_id"])


def _quotes_in(art, paragraph_id: str):
    return art.quotes[art.quotes.sentence_id.isin(_sentences_of(art, paragraph_id))]


def _not_quoted(art) -> dict[str, str]:
    """Actors the article mentions but never quotes, with why they are not speakers."""
    quoted = set(art.quotes.speaker_id)
    mentioned = dict.fromkeys(art.mentions.actor_id)
    return {
        actor: "mentioned in the text, but never quoted or reported as speaking."
        for actor in mentioned
        if actor not in quoted
    }


def _claims_by_sentence(art) -> dict[str, str]:
    claims = art.claims[art.claims.sentence_id.isin(SOURCE_SENTENCES)]
    return dict(zip(claims.sentence_id, claims.source_type, strict=True))


def _claim_notes(art) -> dict[str, str]:
    claims = art.claims[art.claims.sentence_id.isin(SOURCE_SENTENCES) & art.claims.note.notna()]
    return dict(zip(claims.sentence_id, claims.note, strict=True))


def _conditions(art) -> list[str]:
    return list(art.demands.condition.dropna())


def second_article_note(art) -> str:
    """How the course article ``art`` and the second article relate (printed in the lesson)."""
    if art.name == SECOND_ARTICLE:
        return wrap(
            "Your course article is this same story, so `art` and `art2` are the same. The "
            "exercises ask you to annotate passages yourself: decide by reading before you look "
            "at the tables."
        )
    return wrap(
        f"`art` is your course article ({len(art.paragraphs)} paragraphs); `art2` is the "
        f"second article ({len(second_article().paragraphs)} paragraphs), new to you."
    )


def _metonym_row(art):
    rows = art.mentions[(art.mentions.text == METONYM) & (art.mentions.form == "metonym")]
    return rows.iloc[0]


# --- reading hints: the first rung of each ladder sends the student to the text ------------

SPEAKERS_HINT = (
    "Read the second article sentence by sentence and note every voice whose words it gives, "
    "in quotation marks or retold after a verb of saying. A voice the text describes without "
    "a name counts too, and a 'she' or 'he' that speaks again is the speaker named before."
)
CUE_VERBS_HINT = (
    "Read each sentence of the second article that reports someone's words, and underline "
    "the verb that introduces them. Look twice at sentences with two verbs of saying, and at "
    "a 'she' or 'he' who speaks again with another verb."
)
COMPARE_HINT = (
    "Re-read the quotes of both articles: whose words stand in quotation marks, and whose are "
    "retold? Then find the figures and who vouches for each, and look at the top and the "
    "bottom of each text for a date, a place and the writer."
)


# --- lessons 01-04 again, on the second article ---------------------------------------------

SecondNames(
    "capstone.speakers",
    "Who is quoted in the second article (`art2`)? Give the speaker_id of every speaker of "
    "`art2.quotes`, each once.",
    answer=lambda art: art.quotes.speaker_id.unique(),
    vocab="actors",
    noun="speakers",
    column="speaker_id",
    mistakes=_not_quoted,
    hints=[
        SPEAKERS_HINT,
        "Work on `art2.quotes`, the second article's quotes, not on `art.quotes`.",
        "`art2.quotes['speaker_id'].unique()` lists each speaker once, as in lesson 03.",
    ],
    explanation="One of them is not a person with a name: an unnamed source counts as a "
    "speaker too, and a reader should ask why it is unnamed.",
)

SecondNames(
    "capstone.cue-verbs",
    "Which cue verbs other than 'said' introduce quotes in the second article? Give each verb "
    "once, as printed.",
    answer=lambda art: sorted(set(art.quotes.cue) - {"said"}),
    noun="cue verbs",
    column="cue",
    mistakes={"said": "the task asks for the cues other than 'said'."},
    candidates=lambda art: ["said", "say", "says", "told", "insisted", "signaled", "described"],
    hints=[
        CUE_VERBS_HINT,
        "The `cue` column of `art2.quotes` holds the reporting verb of each quote.",
        "Filter out the rows whose cue is 'said' (`art2.quotes[art2.quotes['cue'] != 'said']`), "
        "then take the unique values of `cue`.",
    ],
    explanation="'Claimed' casts doubt and 'conceded' marks an admission, where 'said' is "
    "neutral: the verb tells the reader how to take the words.",
)

SecondChoice(
    "capstone.metonym",
    f"'{METONYM} has not said what the building could sell for.' Who or what is '{METONYM}' "
    "in this sentence?",
    options={
        "a": "The building where the town's offices are: the sentence is about a building.",
        "b": "The town government: the name of its building stands for it (a metonym).",
        "c": "An unnamed source that the reporter talked to.",
        "d": "The reporter, who has not found out the price.",
    },
    answer=lambda art: (
        "b"
        if art.actors.set_index("actor_id").kind[_metonym_row(art).actor_id] == "government"
        else "a"
    ),
    feedback={
        "a": "A building cannot say anything: when a building 'says' or 'has not said', its name "
        "stands for the people who work in it.",
        "b": "The name of the place where a government sits stands for the government itself, "
        "as in lesson 01.",
        "c": "'City Hall' is named in the sentence, and no words of it are reported: here it is "
        "the subject of the sentence, not a source the reporter quotes.",
        "d": "The reporter never speaks of herself in the text; the sentence is about what City "
        "Hall has not said.",
    },
    hints=[
        "Look the words up in `art2.mentions`: which actor_id and which form do they have?",
        "Lesson 01 calls a place or building standing for a government a metonym.",
    ],
)

CONDITION_OPTIONS = {
    "a": "the group demands",
    "b": "the council keep the branch open on Saturdays",
    "c": "run by volunteers",
    "d": "provided that City Hall keeps paying for heating and insurance",
}


def _condition_key(art) -> str:
    """The option that is the condition as the annotation records it."""
    keys = [k for k, text in CONDITION_OPTIONS.items() if text in _conditions(art)]
    if len(keys) != 1:
        raise ValueError(f"capstone.condition: expected one option to be a condition: {keys}")
    return keys[0]


SecondChoice(
    "capstone.condition",
    "Reyes's demand in the second article comes with a condition. Which words are the condition?",
    options=CONDITION_OPTIONS,
    answer=_condition_key,
    feedback={
        "a": "These words say who demands (the group): they are the demand's party, not a "
        "condition.",
        "b": "This is what is demanded, and of whom (the council): the demand itself.",
        "c": "This says how the branch would be run: a detail of the demand, not a condition "
        "for it.",
        "d": "'Provided that' sets the condition: the volunteers would run the branch only if "
        "City Hall keeps paying. The condition does not change the kind of the term: it is "
        "still a demand, one that holds only on a condition.",
    },
    hints=[
        "The `condition` column of `art2.demands` is filled only where the text sets a condition.",
        "Conditions often begin with 'only if', 'provided that' or 'as long as'.",
    ],
)

# --- your own annotation ---------------------------------------------------------------------

SecondNumber(
    "capstone.interrupted-quote",
    f"Paragraph {INTERRUPTED_PARAGRAPH} of the second article holds one quotation interrupted "
    "by its attribution. How many quote spans (rows of a quotes table) should it get?",
    answer=lambda art: len(_quotes_in(art, INTERRUPTED_PARAGRAPH)),
    noun="quote spans",
    mistakes={
        1: "one quotation interrupted by its attribution ('...,' X said. '...') is two spans "
        "with one speaker and one cue: each piece inside its own quotation marks.",
        3: "the attribution ('Okafor said') is the cue, not a quote of its own.",
    },
    hints=[
        f"Read paragraph {INTERRUPTED_PARAGRAPH}: how many pieces are inside quotation marks?",
        "Each piece inside quotation marks is one span; the words between them say who spoke.",
    ],
)

SecondTable(
    "capstone.paragraph-quotes",
    f"Annotate the quotes of paragraph {QUOTES_PARAGRAPH} of the second article yourself: a "
    "table (or a list of tuples) with one row per quote and the columns speaker_id, kind "
    "('direct', 'partial' or 'indirect') and cue (the verb as printed).",
    answer=lambda art: _quotes_in(art, QUOTES_PARAGRAPH)[["speaker_id", "kind", "cue"]],
    columns=["speaker_id", "kind", "cue"],
    key="cue",  # the two quotes have different cues, so a wrong row can be named
    hints=[
        f"Read paragraph {QUOTES_PARAGRAPH} sentence by sentence: which words are in quotation "
        "marks, and which are reported in the writer's words?",
        "'She' in the second sentence is the speaker named in the first one; use her actor_id "
        "from `art2.actors`.",
    ],
    explanation="The pronoun 'She' points back to the speaker of the sentence before, and the "
    "cue changes from neutral 'said' to doubtful 'claimed'.",
    points=2,
)

SecondClassify(
    "capstone.source-types",
    "Classify the claims of sentences "
    + ", ".join(SOURCE_SENTENCES)
    + " of the second article by their source: 'named', 'unnamed', 'document' or "
    "'unattributed'. Give a dict such as {'s05': 'named', ...}.",
    answer=_claims_by_sentence,
    labels=SOURCE_TYPES,
    vocab="sentences",
    noun="sentences",
    columns=("sentence_id", "source_type"),
    mistakes=_claim_notes,
    hints=[
        "Read each sentence and ask: who vouches for this? A person by name, someone unnamed, "
        "a report or plan, or nobody but the reporter?",
        "A pronoun ('She') after a named speaker is that speaker; a report is a document; a "
        "figure with no source in its sentence is the reporter's own.",
    ],
    points=2,
)

SecondReflection(
    "capstone.compare",
    "Compare the second article with the course article: whose words does each quote "
    "directly, how does each vouch for its figures, and what does each tell about when and "
    "where it was written?",
    model_answer=(
        "The course article quotes Russian analysts and the Kremlin's spokesman in their own "
        "words, while Zelenskyy and Putin are mostly paraphrased; the library story quotes "
        "the mayor and the councillor directly and paraphrases the volunteers and an unnamed "
        "staff member. Both state some figures in the reporter's own voice without a source "
        "(three quarters of Donetsk; 9,000 loans a year), and both lean on documents (the "
        "20-point plan; a budget report). Neither prints a date, so their weekdays float, but "
        "the library story opens with a dateline, ALDERWICK, that says where it was filed, and "
        "its bio says openly that it is fictional."
    ),
    min_words=30,
    ideas={
        "who is quoted directly": ["direct", "own words", "quoted", "quote"],
        "figures without a source": ["figure", "number", "unattributed", "source"],
        "date and dateline": ["date", "dateline", "weekday", "when", "where"],
    },
    hints=[
        COMPARE_HINT,
        "Put `quotes.kind` by speaker side by side for `art` and `art2`.",
        "Compare `art.date`, `art.dateline` with `art2.date`, `art2.dateline`.",
    ],
    needs=("course-article",),  # its model answer is about the course article
)
