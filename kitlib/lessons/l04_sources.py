"""Exercises of lesson 04, "Source attribution": who vouches for each claim, and whose voice
carries the article.

``sentences_to_classify`` gives the sentences of the classification exercise (the lesson
shows them without their source type).
"""

from __future__ import annotations

from kitlib.framework import Choice, Classify, Names, Reflection, Table

SOURCE_TYPES = ["named", "unnamed", "document", "unattributed"]


# --- shared look-ups ------------------------------------------------------------------------


def _names(art) -> dict[str, str]:
    names = dict(zip(art.actors.actor_id, art.actors.name, strict=True))
    names.update(zip(art.documents.document_id, art.documents.name, strict=True))
    return names


def _body_sentences(art) -> list[str]:
    body = set(art.paragraphs.loc[art.paragraphs.role == "body", "paragraph_id"])
    return list(art.sentences.loc[art.sentences.paragraph_id.isin(body), "sentence_id"])


def _source_words(art, claim) -> str:
    """How the sentence names the claim's source: the mention in the sentence, else its name."""
    if claim.source_id is None:
        return ""
    mentions = art.mentions[
        (art.mentions.actor_id == claim.source_id) & (art.mentions.sentence_id == claim.sentence_id)
    ]
    if len(mentions):
        return mentions.sort_values("start").text.iloc[0]
    return _names(art).get(claim.source_id, claim.source_id)


def _why_source(art, claim) -> str:
    """Why a claim has its source type, quoting the words that show it."""
    words = _source_words(art, claim)
    if claim.source_type == "named":
        return f"“{words}” is named in the sentence and vouches for it: a named source."
    if claim.source_type == "unnamed":
        return f"“{words}” names no person, so the source is unnamed."
    if claim.source_type == "document":
        return f"it states the terms of {words}: a document is the source of its own terms."
    lines = [f"nobody in the sentence vouches for “{claim.text}”: no source, unattributed."]
    if claim.note:
        lines.append(str(claim.note))
    mentions = art.mentions
    inside = mentions[
        (mentions.form == "name") & (mentions.start >= claim.start) & (mentions.end <= claim.end)
    ]
    if len(inside):
        name = inside.sort_values("start").text.iloc[0]
        lines.append(
            f"A name in the claim does not make it a source: “{name}” is what it is about, "
            "not who vouches for it."
        )
    before = _source_of_previous_sentence(art, claim.sentence_id)
    if before and not claim.note:
        lines.append(f"The source of the sentence before (“{before}”) does not carry over.")
    return " ".join(lines)


def _source_of_previous_sentence(art, sentence_id: str) -> str:
    """How the previous sentence names the source of its claims ('' when it has none)."""
    order = list(art.sentences.sentence_id)
    index = order.index(sentence_id) if sentence_id in order else 0
    if index == 0:
        return ""
    claims = art.claims[art.claims.sentence_id == order[index - 1]]
    sourced = claims[claims.source_type != "unattributed"].sort_values("start")
    return _source_words(art, next(sourced.itertuples(index=False))) if len(sourced) else ""


# --- the rule of the sentence (made-up sentences, the same for every article) ----------------

Choice(
    "sources.inherit",
    "Made-up example: “The town auditor, Lena Park, said the pool lost money last year. It "
    "will close in March.” Who vouches for “It will close in March”?",
    options={
        "a": "Lena Park: she is the source of the sentence before, and 'it' is the pool she "
        "spoke about.",
        "b": "Nobody in the sentence: it is the reporter's own voice (unattributed).",
        "c": "An unnamed source: someone must have told the reporter.",
        "d": "A document: closing dates come from the town's plans.",
    },
    answer="b",
    feedback={
        "a": "A claim does not inherit the source of the sentence before it: 'it' refers to "
        "the pool, not to Park, and nothing in the sentence says that she said so.",
        "b": "The second sentence names no one who vouches for it. The reporter may well have "
        "it from Park, but the reader is not told so.",
        "c": "An unnamed source is one the sentence points to ('officials said', 'a source "
        "close to ...'). Here the sentence points to nobody: it is unattributed.",
        "d": "A document counts only when the sentence gives it as the source ('under the "
        "budget plan, ...'). No plan is named here.",
    },
    hints=[
        "Read the second sentence alone: which words in it say who says so?",
        "The pronoun 'it' points back to the pool. Does anything point back to Park?",
    ],
)


# --- classify sentences by source type ------------------------------------------------------


def _single_type_sentences(art) -> dict[str, str]:
    """Body sentence -> source type, for sentences whose claims all share one type."""
    types = art.claims.groupby("sentence_id").source_type.agg(lambda t: sorted(set(t)))
    return {s: types[s][0] for s in _body_sentences(art) if s in types and len(types[s]) == 1}


def classification_ids(art) -> list[str]:
    """For each source type, the first and the last body sentence whose claims all have it."""
    single = _single_type_sentences(art)
    chosen = []
    for source_type in SOURCE_TYPES:
        ids = [s for s, t in single.items() if t == source_type]
        chosen += ids[:1] + ids[-1:] if len(ids) > 1 else ids
    order = list(art.sentences.sentence_id)
    return sorted(dict.fromkeys(chosen), key=order.index)


def sentences_to_classify(art):
    """The sentences of exercise sources.classify-sentences, without their source type."""
    picked = art.sentences[art.sentences.sentence_id.isin(classification_ids(art))]
    return picked[["sentence_id", "text"]].reset_index(drop=True)


def worked_classification(art) -> str:
    """A worked example for the classification exercise: one sentence it does not ask about,
    with its source type and the words that show it."""
    asked, body = set(classification_ids(art)), set(_body_sentences(art))
    # An unnamed or unattributed source teaches more than a name does: show one first.
    rank = {"unnamed": 0, "unattributed": 1, "document": 2, "named": 3}
    claims = art.claims.assign(rank=art.claims.source_type.map(rank))
    for claim in claims.sort_values(["rank", "start"]).itertuples(index=False):
        if claim.sentence_id not in asked and claim.sentence_id in body:
            sentence = art.sentences.set_index("sentence_id").text[claim.sentence_id]
            return (
                f"Worked example. {claim.sentence_id}: “{sentence}”\n"
                f"Who says so? {_why_source(art, claim)}\n"
                f"Source type: {claim.source_type}."
            )
    return (
        "Worked example (made up): “Officials familiar with the project said costs had "
        "doubled.” Who says so? “Officials familiar with the project” names no person: unnamed."
    )


def _sentence_mistakes(art) -> dict[str, str]:
    messages = {}
    for claim in art.claims.sort_values("start").itertuples(index=False):
        messages.setdefault(claim.sentence_id, _why_source(art, claim))
    return messages


Classify(
    "sources.classify-sentences",
    "Label each sentence shown above with the source that vouches for its claims: 'named', "
    "'unnamed', 'document' or 'unattributed' (no source: the reporter's own voice). Give a "
    "dict such as {'s01': 'named', ...}.",
    answer=lambda art: {s: _single_type_sentences(art)[s] for s in classification_ids(art)},
    labels=SOURCE_TYPES,
    vocab="sentences",
    noun="sentences",
    columns=("sentence_id", "source_type"),
    mistakes=_sentence_mistakes,
    hints=[
        "For each sentence ask: who says so? A person named in the sentence, a group or "
        "phrase that names nobody, a plan's own terms, or nobody at all?",
        "Only the sentence itself counts: a claim does not inherit the source of the sentence "
        "before it.",
    ],
    points=2,
)


# --- claims with no source ------------------------------------------------------------------


def _no_source_mistakes(art) -> dict[str, str]:
    return {
        claim.claim_id: _why_source(art, claim)
        for claim in art.claims.itertuples(index=False)
        if claim.source_type != "unattributed"
    }


Names(
    "sources.no-source",
    "Which claims have no source at all (source type 'unattributed': the reporter's own "
    "voice)? Give their claim_ids.",
    answer=lambda art: art.claims.loc[art.claims.source_type == "unattributed", "claim_id"],
    vocab="claims",
    noun="claims",
    column="claim_id",
    mistakes=_no_source_mistakes,
    hints=[
        "The `source_type` column of `art.claims` says who vouches for each claim.",
        "Filter as in the worked example, with 'unattributed' instead of 'document', and read "
        "the `claim_id` column.",
    ],
    explanation="For each of them a reader may ask: who says so?",
)


# --- figures --------------------------------------------------------------------------------


def _figure_sources(art):
    return art.figures.merge(art.claims[["claim_id", "source_type", "source_id"]], on="claim_id")


def _figure_mistakes(art) -> dict[str, str]:
    names, messages = _names(art), {}
    for row in _figure_sources(art).itertuples(index=False):
        if row.source_type != "unattributed":
            who = names.get(row.source_id, row.source_id)
            messages[row.figure_id] = (
                f"“{row.text}” comes with a source: {who} ({row.source_type})."
            )
    for row in art.figures[art.figures.claim_id.isna()].itertuples(index=False):
        messages[row.figure_id] = f"“{row.text}” belongs to no claim, so it has no claim's source."
    return messages


Names(
    "sources.unsourced-figures",
    "Which figures (numbers in the text) belong to a claim with no source, an 'unattributed' "
    "claim? Give their figure_ids.",
    answer=lambda art: _figure_sources(art).query("source_type == 'unattributed'").figure_id,
    vocab="figures",
    noun="figures",
    column="figure_id",
    mistakes=_figure_mistakes,
    needs=("figures",),
    hints=[
        "Join the figures to their claims as in the worked example: "
        "`art.figures.merge(art.claims, on='claim_id')`.",
        "Then keep the rows whose `source_type` is 'unattributed' and read `figure_id`.",
    ],
    explanation="A number with no source cannot be checked: whose count, whose estimate?",
)


# --- whose voices: sources with the most claims ---------------------------------------------


def _actor_claims(art):
    """Claims whose source is an actor, with the actor's columns."""
    return art.claims.merge(art.actors, left_on="source_id", right_on="actor_id")


def _most_claims(art) -> list[str]:
    counts = _actor_claims(art).source_id.value_counts()
    return list(counts[counts == counts.max()].index) if len(counts) else []


def _most_claims_mistakes(art) -> dict[str, str]:
    counts = _actor_claims(art).source_id.value_counts()
    top = counts.max() if len(counts) else 0
    messages = {
        actor: f"vouches for {count} claim(s), fewer than the top source ({top})."
        for actor, count in counts.items()
        if count < top
    }
    quoted = set(art.quotes.speaker_id) - set(counts.index)
    for actor in quoted:
        messages[actor] = "is quoted, but is the source of no claim in `art.claims`."
    return messages


Names(
    "sources.most-claims",
    "Which actor is the source of the most claims? Give the actor_id (several, if they tie).",
    answer=_most_claims,
    vocab="actors",
    noun="sources",
    column="source_id",
    mistakes=_most_claims_mistakes,
    hints=[
        "The `source_id` column of `art.claims` names who vouches for each claim; count its "
        "values with `.value_counts()`, as in the worked example with `speaker_id`.",
        "Documents are sources too, but the task asks for an actor: look the top ids up in "
        "`art.actors`.",
    ],
    explanation="The source with the most claims sets much of what the reader is told: ask "
    "whether anyone answers it.",
)


def _voice_lines(art) -> list[str]:
    names = _names(art)
    lines = []
    counts = _actor_claims(art).source_id.value_counts()
    if len(counts):
        top = ", ".join(f"{names.get(a, a)} ({n})" for a, n in counts.head(3).items())
        lines.append(f"The sources with the most claims are {top}.")
    direct = art.quotes[art.quotes.kind == "direct"].speaker_id.unique()
    if len(direct):
        lines.append(
            "Quoted in their own words: " + ", ".join(names.get(a, a) for a in direct) + "."
        )
    else:
        lines.append("Nobody is quoted in their own words: every quote is reported speech.")
    voiced = set(art.quotes.speaker_id) | set(counts.index)
    silent = [a for a in dict.fromkeys(art.mentions.actor_id) if a not in voiced]
    if silent:
        lines.append(
            "Mentioned but never heard: " + ", ".join(names.get(a, a) for a in silent[:5]) + "."
        )
    if len(art.sides) >= 2:
        by_side = _actor_claims(art).side.value_counts()
        side_names = dict(zip(art.sides.side_id, art.sides.name, strict=True))
        lines.append(
            "Claims by side: "
            + ", ".join(f"{side_names[s]} {by_side.get(s, 0)}" for s in art.sides.side_id)
            + "."
        )
    none = int((art.claims.source_type == "unattributed").sum())
    lines.append(f"{none} of {len(art.claims)} claims have no source: the reporter's own voice.")
    return lines


def voices_summary(art) -> str:
    """Whose voices carry the article, read from its claims and quotes (printed in the lesson)."""
    return "\n".join(_voice_lines(art))


# --- balance of voices ----------------------------------------------------------------------


def claims_per_side(art):
    """Claims whose source is an actor (named or unnamed), counted by the side of the source.

    Every side of the article has a row, 0 for a side with no claims: a missing voice is the
    finding. "other" has a row only when some claim comes from an actor on no side.
    """
    sourced = art.claims.merge(art.actors, left_on="source_id", right_on="actor_id")
    counts = sourced.side.value_counts()
    sides = [*art.sides.side_id, *(s for s in counts.index if s not in set(art.sides.side_id))]
    counts = counts.reindex(sides, fill_value=0)
    return counts.rename_axis("side").reset_index(name="count")


Table(
    "sources.claims-per-side",
    "Count the claims whose source is a person or a group (an actor), by the side of that "
    "source. Give a table with the columns 'side' and 'count' (what `.value_counts()` gives), "
    "with a row for every side in `art.sides`, 0 where no claim comes from that side.",
    answer=claims_per_side,
    key="side",
    needs=("two-sides",),
    hints=[
        "`art.claims.merge(art.actors, left_on='source_id', right_on='actor_id')` adds the "
        "actor's columns, `side` among them, to each claim. Claims whose source is a document or "
        "nobody find no actor and drop out.",
        "Then count the values of the `side` column with `.value_counts()`.",
        "`.value_counts()` leaves out a side with no claims. Add it with a count of 0: with "
        "`counts` your value counts, `counts.reindex(counts.index.union(art.sides.side_id), "
        "fill_value=0)`.",
    ],
    explanation="Compare the sides: whose voices carry the article, and whose are missing?",
    points=2,
)


# --- reading-comprehension choices about the course article (its lesson cells are seed-only) --

Choice(
    "sources.widely-interpreted",
    "Putin's “accommodations” were “widely interpreted as potentially relinquishing limited "
    "territory in the Kharkiv and Zaporizhzhia regions”. What does the passive “widely "
    "interpreted” hide?",
    options={
        "a": "Who interprets: it names no interpreter, so the reader cannot check who reads "
        "Putin's word this way, or why.",
        "b": "Nothing: 'widely' means most observers agree, so the reading is a fact.",
        "c": "That Putin named Kharkiv and Zaporizhzhia himself.",
        "d": "That the interpretation is a direct quote of Putin.",
    },
    answer="a",
    feedback={
        "a": "The passive voice drops the actor: the annotation records the source as "
        "'(unnamed: \"widely interpreted\")'. 'Widely' claims many interpreters without "
        "naming one.",
        "b": "How many people share a reading does not make it a fact, and 'widely' is the "
        "reporter's word: nobody is named who could be asked.",
        "c": "Putin's only quoted word is “accommodations”; the regions come from the "
        "interpretation, not from him.",
        "d": "Only “accommodations” is in quotation marks (a partial quote). The "
        "interpretation is in the reporter's words, with no speaker.",
    },
    hints=[
        "Turn the passive into an active sentence: “... interpreted ...”. Who is the subject?",
        "Which words of the sentence are Putin's own (in quotation marks)?",
    ],
    needs=("course-article",),  # about one sentence of the course article
)

Choice(
    "sources.author-bio",
    "What do the byline, the author bio and the copyright line tell the reader about who "
    "wrote and published the article?",
    options={
        "a": "That Jim Thomas reported the story from Moscow and Kyiv.",
        "b": "That Jim Thomas is a Newsmax staff correspondent who covers Russia.",
        "c": "The writer's name, that he is based in Indiana and has a law background, and that "
        "the text is © 2025 Newsmax; not where the reporting was done, nor what his tie to "
        "Newsmax is.",
        "d": "Nothing: a byline and a copyright line are not part of the article.",
    },
    answer="c",
    feedback=lambda art: {
        "a": "No place of reporting is given: the bio says “"
        + _text_of_role(art, "author_bio").split(". ")[0]
        + "”. There is no dateline either.",
        "b": "The text does not say that he works for Newsmax: the outlet is named only in the "
        f"copyright line (“{_text_of_role(art, 'copyright')}”).",
        "c": "And what they leave out matters too: the sources of a story written from Indiana "
        "must come from elsewhere, and the reader is not told how.",
        "d": "They are parts of the article, though not of the story: they are the only places "
        "that say who wrote it and who published it.",
    },
    hints=[
        "Read the last three paragraphs: `art.paragraphs[art.paragraphs.role != 'body']`.",
        "For each option ask: which words of the text say so?",
    ],
    needs=("course-article",),  # about the course article's byline, bio and copyright
)


def _text_of_role(art, role: str) -> str:
    hit = art.paragraphs.loc[art.paragraphs.role == role, "text"]
    return hit.iloc[0] if len(hit) else ""


COURSE_BALANCE = (
    "Most claims with a source come from the Russian side: Putin, Peskov, Medvedev, the "
    "analysts Naumov and Bovt, and unnamed analysts close to Moscow; three Russians are "
    "quoted in their own words. The Ukrainian side is heard only through paraphrases of "
    "Zelenskyy; no Ukrainian official is quoted, and no American speaks at all, although "
    "the plan is a U.S.-Ukrainian one and Witkoff and Trump are named. Many other claims "
    "are in the reporter's own voice, with no source, including the figures 'three "
    "quarters' and '18 months'. A reader learns mostly how Moscow sees the plan, and "
    "should look elsewhere for Kyiv's and Washington's view."
)


def _balance_answer(art) -> str:
    """A model answer for sources.balance, read from the article's claims and quotes."""
    from kitlib.article import DEFAULT_ARTICLE

    if art.name == DEFAULT_ARTICLE:
        return COURSE_BALANCE  # written by hand for the course article: it says more
    return " ".join(_voice_lines(art)) + (
        " A reader should ask whose view is missing, and check the claims with no source "
        "elsewhere before trusting them."
    )


Reflection(
    "sources.balance",
    "Whose voices carry this article, and whose are missing? Use the counts of claims and "
    "quotes (by source, and by side where the article has sides), and say what a reader "
    "should keep in mind because of it.",
    model_answer=_balance_answer,
    min_words=30,
    ideas={
        "whose voices carry the most claims or quotes": ["most", "mostly", "carr", "dominat"],
        "who is missing or only paraphrased": [
            "missing",
            "paraphras",
            "indirect",
            "absent",
            "not quoted",
            "silent",
            "no one",
        ],
        "claims with no source": ["no source", "unattributed", "reporter", "own voice"],
    },
    hints=[
        "Look at the source balance figure and the summary under it: which sources and sides "
        "have the most claims and quotes?",
        "Who is named in the article but never vouches for a claim or speaks in their own "
        "words? And how many claims have no source at all?",
    ],
)
