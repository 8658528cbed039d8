"""Exercises of lesson 04, "Source attribution": who vouches for each claim, and whose voice
carries the article.

``sentences_to_classify`` gives the sentences of the classification exercise (the lesson
shows them without their source type).
"""

from __future__ import annotations

import re

from kitlib.display import wrap
from kitlib.framework import Choice, Classify, Evidence, Names, Reflection, Table

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
            return wrap(
                f"Worked example. {claim.sentence_id}: “{sentence}”\n"
                f"Who says so? {_why_source(art, claim)}\n"
                f"Source type: {claim.source_type}."
            )
    return wrap(
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
        "Look for statements the text gives with no reporting verb and no 'according to': "
        "the reporter alone vouches for them.",
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
        "Find each number in the text and read its sentence: does it say whose count or "
        "estimate the number is?",
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
        "Re-read the text asking of each statement: who says so? Which named person or "
        "group is the answer most often?",
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
    return wrap("\n".join(_voice_lines(art)))


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
    "source. Give the counts with a row (or key) for every side in `art.sides`, 0 where no "
    "claim comes from that side: the Series `.value_counts()` gives, a table with the columns "
    "'side' and 'count', or a dict typed by hand, {side_id: count, ...}.",
    answer=claims_per_side,
    key="side",
    needs=("two-sides",),
    hints=[
        "For each statement, ask who vouches for it in the text, then which side that "
        "person or group is on (the sides table above). A side that vouches for nothing "
        "counts 0.",
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
        "c": "And what they leave out matters too: the bio says where he is based, not where "
        "this story was reported, nor how he reached the people he quotes.",
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


# --- go upstream: where does a claim come from? (SIFT: trace it to the original) -------------

# Where a claim comes from, as far as the text says: the labels of sources.upstream-origin.
ORIGINS = {
    "channel": "a named source, and the text says where the words were said (a post, a "
    "news conference, a statement)",
    "named": "a named source, but the text does not say where or how the words were said",
    "document": "a plan, report or proposal that the text names",
    "unnamed": "a group that names no one, or a passive verb: nobody a reader could ask",
    "reporter": "nobody: the reporter's own voice",
    "outlet": "the lines besides the story (the author bio): the outlet speaking about itself",
}
TRACEABLE = ("channel", "document")  # the text names an original a reader could look for


def _channel_of(art, claim) -> str | None:
    """The channel of a quote by the claim's source in the claim's sentence, if the text says."""
    quotes = art.quotes[
        (art.quotes.sentence_id == claim.sentence_id)
        & (art.quotes.speaker_id == claim.source_id)
        & art.quotes.channel.notna()
    ]
    return quotes.channel.iloc[0] if len(quotes) else None


def origin_of(art, claim) -> str:
    """Where a claim comes from (a key of ORIGINS), read from its source type, its source's
    quotes (channel) and its paragraph's role."""
    role = art.paragraphs.set_index("paragraph_id").role
    sentence_paragraph = art.sentences.set_index("sentence_id").paragraph_id
    if role.get(sentence_paragraph.get(claim.sentence_id)) != "body":
        return "outlet"
    if claim.source_type == "named":
        return "channel" if _channel_of(art, claim) else "named"
    return {"unattributed": "reporter"}.get(claim.source_type, claim.source_type)


def _origins(art) -> dict[str, str]:
    return {c.claim_id: origin_of(art, c) for c in art.claims.itertuples(index=False)}


def upstream_ids(art) -> list[str]:
    """A handful of claims to trace: one per kind of origin; for a channel, one per channel;
    for a named source and for the reporter's voice, the last claim that holds a figure."""
    origins = _origins(art)
    with_figure = set(art.figures.claim_id.dropna())
    chosen, channels = [], set()
    for claim in art.claims.sort_values("start").itertuples(index=False):
        origin = origins[claim.claim_id]
        if origin == "channel":
            channel = _channel_of(art, claim)
            if channel not in channels:
                channels.add(channel)
                chosen.append(claim.claim_id)
        elif origin in ("named", "reporter"):
            continue  # chosen below
        elif origin not in {origins[c] for c in chosen}:
            chosen.append(claim.claim_id)
    for origin in ("named", "reporter"):
        ids = [c for c, o in origins.items() if o == origin]
        figures = [c for c in ids if c in with_figure]
        if ids:
            chosen.append((figures or ids)[-1])
    order = list(art.claims.sort_values("start").claim_id)
    return sorted(chosen, key=order.index)


def claims_to_trace(art):
    """The claims of the go-upstream exercises, without where they come from."""
    picked = art.claims[art.claims.claim_id.isin(upstream_ids(art))].sort_values("start")
    return picked[["claim_id", "sentence_id", "text"]].reset_index(drop=True)


def _why_origin(art, claim) -> str:
    """Why a claim has its origin, quoting the words that show it."""
    origin, words = origin_of(art, claim), _source_words(art, claim)
    if origin in ("channel", "named"):
        words = _names(art).get(claim.source_id, words)  # the name, not "He"
    if origin == "channel":
        return (
            f"“{words}” is named and the sentence says where: “{_channel_of(art, claim)}”. "
            "That is the original to look for."
        )
    if origin == "named":
        return (
            f"“{words}” is named, but the sentence gives no post, broadcast, interview or "
            "document: a reader would first have to find where the words were said."
        )
    if origin == "document":
        return f"it states the terms of {words}: the document itself is the original."
    if origin == "unnamed":
        return f"“{words}” names no one: there is no original a reader could look for."
    if origin == "outlet":
        return "it stands in the lines besides the story: the outlet speaks about its writer."
    return f"nobody in the sentence vouches for “{clip_text(claim.text)}”: the reporter's voice."


def clip_text(text: str, limit: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _origin_mistakes(art) -> dict[str, str]:
    return {c.claim_id: _why_origin(art, c) for c in art.claims.itertuples(index=False)}


Classify(
    "sources.upstream-origin",
    "For each claim shown above, where does it come from, as far as the text says? Label it "
    "'channel' (a named source, and the text says where the words were said), 'named' (a "
    "named source, with no channel), 'document', 'unnamed', 'reporter' (nobody: the "
    "reporter's own voice) or 'outlet' (the author bio). Give a dict such as {'c01': "
    "'reporter', ...}.",
    answer=lambda art: {c: _origins(art)[c] for c in upstream_ids(art)},
    labels=list(ORIGINS),
    vocab="claims",
    noun="claims",
    columns=("claim_id", "origin"),
    mistakes=_origin_mistakes,
    hints=[
        "For each claim ask: who says so, and does the sentence say where they said it (a "
        "post, a news conference) or name the plan or report it comes from?",
        "A named source with a place to look is 'channel'; without one it is 'named'. The "
        "paragraphs after the story (`art.paragraphs.role`) are the outlet's.",
    ],
    points=2,
)


def _traceable(art) -> list[str]:
    origins = _origins(art)
    return [c for c in upstream_ids(art) if origins[c] in TRACEABLE]


def _traceable_mistakes(art) -> dict[str, str]:
    messages = {}
    for claim in art.claims.itertuples(index=False):
        if origin_of(art, claim) not in TRACEABLE:
            messages[claim.claim_id] = (
                _why_origin(art, claim) + " The text names no original to look up."
            )
    return messages


Names(
    "sources.upstream-traceable",
    "Of the claims shown above, which name an original a reader could look for: a channel "
    "(the post, the news conference) or a document? Give their claim_ids.",
    answer=_traceable,
    vocab="claims",
    noun="claims",
    column="claim_id",
    mistakes=_traceable_mistakes,
    hints=[
        "Use your labels of the exercise above: which of them point to something you could "
        "open, watch or read yourself?",
        "Keep the claims labelled 'channel' or 'document'.",
    ],
    explanation="Even then the text gives no link, date or handle: the reader still has to "
    "find the original, and to read it in full, in its own language.",
)


def _lateral_example(art) -> str:
    """The last figure of the upstream claims stated in the reporter's voice, in its claim."""
    origins = _origins(art)
    figures = art.figures[art.figures.claim_id.isin(upstream_ids(art))]
    figures = figures[figures.claim_id.map(origins) == "reporter"]
    if figures.empty:
        return ""
    figure = figures.iloc[-1]
    claim = art.claims.set_index("claim_id").text[figure.claim_id]
    return f"“{figure.text}” ({figure.claim_id}: “{clip_text(claim)}”)"


def _lateral_feedback(art) -> dict[str, str]:
    example = _lateral_example(art)
    shown = f" Here: {example}." if example else ""
    return {
        "a": "Leave the page and see who else reports the number, and where it first "
        "appeared: a census, an institute, a court record, an agency." + shown,
        "b": "That is reading vertically: the article gives the claim no source, and no "
        "amount of re-reading will add one. Leave the page: what do other sources say?" + shown,
        "c": "The outlet is the one asking for your trust: publication is no source. Check what "
        "others say about the outlet and about the number." + shown,
        "d": "A claim does not inherit the source of the sentence before it; the person there "
        "may never have said it." + shown,
    }


Choice(
    "sources.upstream-lateral",
    "A number stated in the reporter's own voice, with no source: what does a fact-checker "
    "do first?",
    options={
        "a": "Leave the article: search for who else reports the number and where it first "
        "appeared (lateral reading).",
        "b": "Read the rest of the article closely until a source turns up.",
        "c": "Trust it: the outlet published it, so someone checked it.",
        "d": "Take it from the person named in the sentence before.",
    },
    answer="a",
    feedback=_lateral_feedback,
    needs=("figures",),
    hints=[
        "SIFT: Stop, Investigate the source, Find better coverage, Trace claims to the original "
        "context. Which step fits a number with no source?",
        "Fact-checkers read laterally: they open new tabs rather than re-reading the page.",
    ],
)

COURSE_UPSTREAM = (
    "Naumov's “absolute mockery” comes from a post on the Telegram messaging app: I would look "
    "for the post itself on his channel, read it in full and in Russian, since the quotation "
    "is probably a translation; finding it, with its date and what comes around it, would raise my "
    "trust, and not finding it would lower it. Putin's “accommodations” comes from his annual "
    "news conference: a transcript or a recording, if one is published, would let me "
    "check the Russian word and its context. Medvedev's 417,000 is named but has no "
    "channel: I would look for his statement, and for an independent count, since he is an "
    "interested party. "
    "“Three quarters” and “18 months” have no source at all: I would look for a war-mapping "
    "institute or another outlet's count. For the writer, the bio only says he is based in "
    "Indiana: I would search what other sites say about him and about Newsmax."
)


def _upstream_answer(art) -> str:
    from kitlib.article import DEFAULT_ARTICLE

    if art.name == DEFAULT_ARTICLE:
        return COURSE_UPSTREAM  # written by hand for the course article: it says more
    lines = []
    for claim in art.claims[art.claims.claim_id.isin(upstream_ids(art))].itertuples():
        lines.append(f"{claim.claim_id}: {_why_origin(art, claim)}")
    return " ".join(lines) + (
        " For each, I would look for the original (the post, the recording, the report) or, "
        "where there is none, for other sources that report the same; finding it in its own "
        "context would raise my trust, and not finding it would lower it."
    )


Reflection(
    "sources.upstream-trust",
    "Pick two of the claims above. For each: what original would you look for (a post, a "
    "recording or transcript, a report, another outlet), and what could you find there that "
    "would raise or lower your trust in the claim?",
    model_answer=_upstream_answer,
    min_words=30,
    ideas={
        "the original to look for": [
            "post",
            "transcript",
            "recording",
            "video",
            "report",
            "document",
            "original",
        ],
        "what others say (lateral reading)": [
            "other",
            "another",
            "independent",
            "elsewhere",
            "search",
        ],
        "what would change your trust": ["trust", "confirm", "contradict", "differ", "match"],
    },
    hints=[
        "Start from your labels: a channel or a document names an original; for the others, "
        "who else could know?",
        "Would the original be in another language? Would the speaker have a reason to exaggerate?",
    ],
)


# --- anonymous sources (AP: information, not opinion; a reason; a precise description) -------

# Words with which a text says why a source is not named.
ANONYMITY_REASON = re.compile(
    r"not to be (?:named|identified)|condition of anonymity|anonymity|not authori[sz]ed|"
    r"declined to be (?:named|identified)|(?:was|were) not allowed to",
    re.IGNORECASE,
)
PRECISION = {
    "passive": "a passive verb or a phrase with nobody behind it ('widely seen')",
    "bare": "a bare group word ('analysts', 'officials'): who they are is not said",
    "described": "a group or person described beyond a bare word ('officials familiar with "
    "the project', 'a council staff member')",
}


def unnamed_source_ids(art) -> list[str]:
    """The actors that vouch for at least one unnamed claim, in reading order."""
    claims = art.claims[art.claims.source_type == "unnamed"].sort_values("start")
    return list(dict.fromkeys(claims.source_id.dropna()))


def _unnamed_claims(art, actor_id: str):
    return art.claims[(art.claims.source_type == "unnamed") & (art.claims.source_id == actor_id)]


def _description(art, actor_id: str) -> str:
    """How the text first describes an unnamed source: its mention in a sentence of its
    claims, else its name in the annotation."""
    sentences = set(_unnamed_claims(art, actor_id).sentence_id)
    mentions = art.mentions[
        (art.mentions.actor_id == actor_id) & art.mentions.sentence_id.isin(sentences)
    ]
    if len(mentions):
        return mentions.sort_values("start").text.iloc[0]
    name = _names(art).get(actor_id, actor_id)
    passive = re.fullmatch(r"\(unnamed: \"(.+)\"\)", name)  # the annotation's passive sources
    return passive.group(1) if passive else name


def _unnamed_evidence(art) -> dict:
    """unnamed source -> the first sentence of its claims."""
    found = {}
    sentences = art.sentences.set_index("sentence_id")
    for actor_id in unnamed_source_ids(art):
        sentence_id = _unnamed_claims(art, actor_id).sort_values("start").sentence_id.iloc[0]
        where = f"paragraph {sentences.paragraph_id[sentence_id]}"
        found[actor_id] = Evidence(where, clip_text(sentences.text[sentence_id], 110))
    return found


def precision_of(art, actor_id: str) -> str:
    """'passive', 'bare' or 'described' (a key of PRECISION)."""
    if _names(art).get(actor_id, "").startswith("(unnamed"):
        return "passive"  # the annotation's name for a source that is only a passive verb
    words = re.findall(r"[\w'-]+", _description(art, actor_id))
    words = [w for w in words if w.lower() not in {"a", "an", "the", "some", "many"}]
    return "bare" if len(words) <= 1 else "described"


def reason_of(art, actor_id: str) -> str:
    """The sentence that says why the source is not named ('' when none does)."""
    sentences = art.sentences.set_index("sentence_id").text
    for sentence_id in dict.fromkeys(_unnamed_claims(art, actor_id).sentence_id):
        text = sentences.get(sentence_id, "")
        if ANONYMITY_REASON.search(text):
            return text
    return ""


def _precision_mistakes(art) -> dict[str, str]:
    messages = {}
    for actor_id in unnamed_source_ids(art):
        words, level = _description(art, actor_id), precision_of(art, actor_id)
        messages[actor_id] = {
            "passive": f"“{words}” is no group at all: a passive verb, with nobody behind it.",
            "bare": f"“{words}” is a bare word: nothing says which ones, or how they know.",
            "described": f"“{words}” says more than a bare word: it describes the source, "
            "though it still names no one.",
        }[level]
    return messages


Classify(
    "sources.anonymous-precision",
    "How precisely does the text describe each unnamed source (the table above)? Label each "
    "actor_id 'passive' (a passive verb with nobody behind it), 'bare' (one bare word such as "
    "'analysts') or 'described' (more than a bare word). Give a dict such as "
    "{'analysts': 'bare', ...}.",
    answer=lambda art: {a: precision_of(art, a) for a in unnamed_source_ids(art)},
    labels=list(PRECISION),
    vocab="actors",
    noun="unnamed sources",
    columns=("actor_id", "precision"),
    mistakes=_precision_mistakes,
    evidence=_unnamed_evidence,
    needs=("unnamed-sources",),
    hints=[
        "Read the words of each sentence that stand for the source: is there a group at all? "
        "Is it one word, or does the text say more about it?",
        "A passive verb ('widely interpreted') has no actor: there is nobody, not even an "
        "unnamed group.",
    ],
    points=2,
)


def _with_reason(art) -> list[str]:
    return [a for a in unnamed_source_ids(art) if reason_of(art, a)]


def _reason_mistakes(art) -> dict[str, str]:
    messages = {}
    for actor_id in unnamed_source_ids(art):
        if not reason_of(art, actor_id):
            messages[actor_id] = (
                f"the text does not say why “{_description(art, actor_id)}” is not named: "
                "no 'asked not to be named', no 'not authorized to speak'."
            )
    return messages


Names(
    "sources.anonymous-reason",
    "For which of the unnamed sources above does the text say why they are not named? Give "
    "their actor_ids, or an empty list [] if it never says why.",
    answer=_with_reason,
    vocab="actors",
    noun="unnamed sources",
    column="actor_id",
    mistakes=_reason_mistakes,
    evidence=_unnamed_evidence,
    empty_ok=True,  # no reason anywhere is the finding, and a right answer
    needs=("unnamed-sources",),
    hints=[
        "Read each sentence for words such as 'asked not to be named', 'on condition of "
        "anonymity' or 'not authorized to speak'.",
        "`art.sentences[art.sentences.text.str.contains('named|anonymity|authorized')]` finds "
        "such words; check which unnamed source they belong to.",
    ],
    explanation="The AP asks the story to say why a source is not named; where it does not, "
    "the reader must take the reporter's word that anonymity was needed.",
)


def _meets_rule(art) -> list[str]:
    return [a for a in _with_reason(art) if precision_of(art, a) == "described"]


def _ap_feedback(art) -> dict[str, str]:
    good = _meets_rule(art)
    example = (
        f"the text says why “{_description(art, good[0])}” is unnamed: "
        f"“{clip_text(reason_of(art, good[0]), 120)}”"
        if good
        else ""
    )
    return {
        "a": f"{example[0].upper()}{example[1:]}."
        if good
        else "No sentence of the article says why a source is unnamed: not one meets the rule.",
        "b": f"One does: {example}."
        if good
        else "Not one sentence says why its source is "
        "unnamed: the reader must take the reporter's word that anonymity was needed.",
        "c": "Several unnamed sources are no better than one: 'analysts' names no one, and the "
        "rule asks for a reason and a precise description.",
        "d": "A passive verb hides who sees it so: there is nobody to check, not even an "
        "unnamed group.",
    }


Choice(
    "sources.anonymous-ap",
    "The AP rule: use an unnamed source for information, not opinion; say why it is unnamed; "
    "describe it as precisely as possible. Which statement fits this article's unnamed "
    "sources?",
    options={
        "a": "At least one meets the rule: the text says why it is unnamed and describes it.",
        "b": "None: the text never says why a source is unnamed.",
        "c": "They are fine because there are several of them ('analysts').",
        "d": "A passive verb such as 'widely seen' is an unnamed source a reader can check.",
    },
    answer=lambda art: "a" if _meets_rule(art) else "b",
    feedback=_ap_feedback,
    needs=("unnamed-sources",),
    hints=[
        "Use your answers above: is there a source with a reason and a description?",
        "A passive verb is no source at all: there is no one behind it.",
    ],
)


COURSE_OPINION = (
    "Every unnamed source of this article gives a reading, not information: 'the Kremlin is "
    "unlikely to accept', 'remains emboldened', 'still believes time favors its position', "
    "'continues talks in part to preserve working relations', and a passive 'widely "
    "interpreted'. None of them is a fact that an insider could know and a reader could check "
    "later; they are opinions about what Moscow thinks, and the AP rule keeps anonymity for "
    "information. No sentence says why the analysts are not named, and 'analysts' alone says "
    "nothing about them. The capstone article's council staff member is the contrast: the "
    "text says why (the sale has not been announced), says where the source works, and the "
    "source gives information (two developers have asked about the building), which a reader "
    "can check once the sale is public."
)


Reflection(
    "sources.anonymous-opinion",
    "The AP keeps unnamed sources for information, not opinion. Read what each unnamed source "
    "of this article vouches for: is it information (a fact an insider could know) or an "
    "opinion or reading? Compare with the capstone article's council staff member.",
    model_answer=COURSE_OPINION,  # which claims are opinions is a reading call, written by hand
    min_words=30,
    ideas={
        "information or opinion": ["opinion", "information", "fact", "reading", "view"],
        "whether a reason is given": ["reason", "why", "asked not", "anonymity"],
        "how precisely they are described": ["describ", "precise", "vague", "bare", "close to"],
    },
    needs=("course-article",),  # compares the course article with the capstone article
    hints=[
        "Take each unnamed claim: could someone know it as a fact, or is it what someone thinks?",
        "The council staff member asked not to be named because the sale has not been "
        "announced: what does that give the reader that 'analysts say' does not?",
    ],
)
