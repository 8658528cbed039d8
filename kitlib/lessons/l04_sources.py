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
    hints=[
        "Join the figures to their claims as in the worked example: "
        "`art.figures.merge(art.claims, on='claim_id')`.",
        "Then keep the rows whose `source_type` is 'unattributed' and read `figure_id`.",
    ],
    explanation="A number with no source cannot be checked: whose count, whose estimate?",
)


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


# --- reading-comprehension choices (about the course article) -------------------------------

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
)


def _text_of_role(art, role: str) -> str:
    hit = art.paragraphs.loc[art.paragraphs.role == role, "text"]
    return hit.iloc[0] if len(hit) else ""


Reflection(
    "sources.balance",
    "Whose voices carry this article, and whose are missing? Use the counts of claims and "
    "quotes by side, and say what a reader should keep in mind because of it.",
    model_answer=(
        "Most claims with a source come from the Russian side: Putin, Peskov, Medvedev, the "
        "analysts Naumov and Bovt, and unnamed analysts close to Moscow; three Russians are "
        "quoted in their own words. The Ukrainian side is heard only through paraphrases of "
        "Zelenskyy; no Ukrainian official is quoted, and no American speaks at all, although "
        "the plan is a U.S.-Ukrainian one and Witkoff and Trump are named. Many other claims "
        "are in the reporter's own voice, with no source, including the figures 'three "
        "quarters' and '18 months'. A reader learns mostly how Moscow sees the plan, and "
        "should look elsewhere for Kyiv's and Washington's view."
    ),
    min_words=30,
    ideas={
        "the Russian side dominates": ["russia", "moscow", "kremlin", "putin", "peskov"],
        "Ukraine and the United States are barely heard": [
            "ukrain",
            "zelensk",
            "american",
            "united states",
            "u.s.",
            "washington",
        ],
        "claims with no source": ["no source", "unattributed", "reporter", "own voice"],
    },
    hints=[
        "Look at the source balance figure: which side has the most claims and quotes?",
        "Who drew up the plan, and how much of the article is in their words?",
    ],
)
