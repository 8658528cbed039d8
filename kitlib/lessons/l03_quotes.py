"""Exercises of lesson 03, "Quotes": direct, partial and indirect quotes, cue verbs, channels.

Also two small helpers the lesson shows: ``quotes_to_classify`` (the quotes of the
classification exercise, without their kind) and ``naive_quotes`` / ``naive_vs_annotation``,
a rule-based quote extractor (quotation marks + a reporting verb) set against the annotation.
"""

from __future__ import annotations

import re

from kitlib.display import shorten
from kitlib.framework import Choice, Classify, Evidence, Item, Names, Number, Reflection

KINDS = ["direct", "partial", "indirect"]
# Cues that colour the speaker most plainly: the lesson's examples, in order of preference.
LOADED_CUES = ("insisted", "signaled", "reiterated", "claimed", "admitted", "conceded")
# Cues that only report. Any other cue adds the reporter's reading of how the words came out.
NEUTRAL_CUES = {"said", "say", "says", "saying", "told", "tells"}
# What each reporting verb adds, as the lesson teaches it (attribution-guide.md, lesson-design.md).
# A cue missing here is not neutral: the rule above holds, and ``cue_reading`` says so.
CUE_READINGS = {
    **dict.fromkeys(sorted(NEUTRAL_CUES), "neutral: it reports that words were spoken, no more"),
    "insisted": "the speaker holds to a point, perhaps against resistance: unbending",
    "reiterated": "the point was made before: nothing new",
    "signaled": "nobody said it outright: the reporter reads it from hints or acts",
    "presented": "an act more than words: the speaker puts something forward as its author",
    "introduced": "an act more than words: the speaker puts something forward as its author",
    "described": "the reporter sums up how the speaker framed something",
    "called": "the reporter sums up how the speaker framed something",
    "argued": "the speaker makes a case, with reasons: an advocate",
    "claimed": "the reporter does not vouch for it: it casts doubt",
    "admitted": "a confession: the speaker owns up to something",
    "conceded": "the speaker grants a point against their own case",
    "warned": "the words are framed as a threat or a danger",
}
# The reading a reader loses when a coloured verb becomes "said" (quotes.swap-said options).
SWAP_READINGS = {
    "a": ("insisted", "that the speaker holds to the point against resistance"),
    "b": ("signaled", "that nobody said it outright: it is the reporter's reading"),
    "c": ("reiterated", "that the point was made before"),
    "d": ("claimed", "that the reporter does not vouch for what was said"),
    "e": ("conceded", "that the speaker grants a point against their own case"),
}
SWAP_VERBS = tuple(verb for verb, _reading in SWAP_READINGS.values())
# The naive extractor's idea of a reporting verb: the common neutral ones only, on purpose.
NAIVE_VERBS = re.compile(r"\b(?:said|says|say|saying|told)\b", re.IGNORECASE)
QUOTED = re.compile(r"[\"“](.+?)[\"”]")


# --- shared look-ups ------------------------------------------------------------------------


def _paragraph_of(art, sentence_id: str) -> str:
    hit = art.sentences.loc[art.sentences.sentence_id == sentence_id, "paragraph_id"]
    return hit.iloc[0] if len(hit) else "?"


def _quote_evidence(row, art) -> Evidence:
    return Evidence(f"paragraph {_paragraph_of(art, row.sentence_id)}", row.text)


def _speakers(art, kinds: list[str]) -> list[str]:
    """Speakers with at least one quote of the given kinds, in reading order."""
    rows = art.quotes[art.quotes.kind.isin(kinds)].sort_values("start")
    return list(dict.fromkeys(rows.speaker_id))


def _first_quote_per_speaker(art, kinds: tuple[str, ...] = ("direct", "partial")) -> dict:
    """speaker_id -> their first quote (of ``kinds`` if they have one), as evidence."""
    quotes = art.quotes.sort_values("start")
    preferred = quotes[quotes.kind.isin(kinds)]
    found = {}
    for row in [*preferred.itertuples(index=False), *quotes.itertuples(index=False)]:
        found.setdefault(row.speaker_id, _quote_evidence(row, art))
    return found


def _names(art) -> dict[str, str]:
    return dict(zip(art.actors.actor_id, art.actors.name, strict=True))


# --- who is quoted in their own words -------------------------------------------------------


def _direct_speaker_mistakes(art) -> dict[str, str]:
    messages, names = {}, _names(art)
    direct = set(_speakers(art, ["direct"]))
    quotes = art.quotes.sort_values("start")
    # A partial quote first: it is the evidence shown, and the likelier reason for the slip.
    rows = [*quotes[quotes.kind == "partial"].itertuples(index=False)]
    for row in rows + [*quotes.itertuples(index=False)]:
        if row.speaker_id in direct or row.speaker_id in messages:
            continue
        who = names.get(row.speaker_id, row.speaker_id)
        if row.kind == "partial":
            messages[row.speaker_id] = (
                f"only a fragment of {who}'s words is in quotation marks "
                f"(“{row.text.strip(' ,')}”), inside reported speech: a partial quote, "
                "not a direct one."
            )
        else:
            messages[row.speaker_id] = (
                f"the text reports {who} with “{row.cue}” and no quotation marks: the words are "
                "the reporter's, so the quote is indirect."
            )
    return messages


Names(
    "quotes.direct-speakers",
    "Which speakers are quoted directly, in their own words inside quotation marks? "
    "Give their actor_ids.",
    answer=lambda art: art.quotes.loc[art.quotes.kind == "direct", "speaker_id"],
    vocab="actors",
    noun="speakers",
    column="speaker_id",
    mistakes=_direct_speaker_mistakes,
    evidence=_first_quote_per_speaker,
    needs=("direct-quotes",),
    hints=[
        "Skim the text for quotation marks: whose words stand inside them as whole "
        "sentences, not just a word or two?",
        "Each row of `art.quotes` is one quote; the `kind` column says whether it is direct.",
        "Keep the rows whose kind is 'direct' (`art.quotes[art.quotes.kind == 'direct']`), "
        "then read their `speaker_id` column. `.unique()` drops the repeats.",
    ],
    explanation="Everyone else in the article is paraphrased, or quoted by a word or two.",
    points=2,
)


def _direct_count_mistakes(art) -> dict[float, str]:
    direct = art.quotes[art.quotes.kind == "direct"]
    partial = (art.quotes.kind == "partial").sum()
    messages = {
        float(direct.speaker_id.nunique()): "that is the number of speakers quoted directly. "
        "A quotation interrupted by its attribution (“...,” he said. “...”) is two spans, "
        "so count the rows, not the people.",
        float(len(art.quotes)): "that counts every quote; keep only the direct ones.",
    }
    if partial:
        messages[float(len(direct) + partial)] = (
            "that adds the partial quotes. A word or two in quotation marks inside reported "
            "speech is a partial quote, not a direct one."
        )
    return messages


Number(
    "quotes.direct-count",
    "How many direct quotes (rows of kind 'direct') does the article have?",
    answer=lambda art: (art.quotes.kind == "direct").sum(),
    noun="direct quotes",
    mistakes=_direct_count_mistakes,
    hints=[
        "Go through the text and mark every passage inside quotation marks that gives a "
        "speaker's words; a quotation interrupted by its attribution counts as two.",
        "`art.quotes.kind == 'direct'` gives True or False for each quote.",
        "`.sum()` counts the True values. Or: `art.quotes.kind.value_counts()` counts every kind.",
    ],
    explanation="Speakers who keep talking after “..., X said.” get two spans with one speaker.",
)


def _only_paraphrased(art) -> list[str]:
    own_words = set(_speakers(art, ["direct", "partial"]))
    return [s for s in _speakers(art, KINDS) if s not in own_words]


def _paraphrase_mistakes(art) -> dict[str, str]:
    messages = {}
    for row in art.quotes.sort_values("start").itertuples(index=False):
        if row.kind in ("direct", "partial") and row.speaker_id not in messages:
            what = "a partial quote" if row.kind == "partial" else "a direct quote"
            messages[row.speaker_id] = (
                f"some of their own words are printed in quotation marks (“"
                f"{row.text.strip(' ,')}”, {what}), so they are not only paraphrased."
            )
    return messages


Names(
    "quotes.only-paraphrased",
    "Which speakers are only paraphrased: they have quotes, but not one word of theirs is "
    "inside quotation marks (no direct and no partial quote)? Give their actor_ids.",
    answer=_only_paraphrased,
    vocab="actors",
    noun="speakers",
    column="speaker_id",
    mistakes=_paraphrase_mistakes,
    evidence=_first_quote_per_speaker,
    hints=[
        "Think of each speaker in the text: do any of their own words stand inside "
        "quotation marks, or does the reporter only tell what they said?",
        "Start from all speakers (`art.quotes.speaker_id.unique()`), then take away those who "
        "have a direct or a partial quote.",
        "`art.quotes[art.quotes.kind.isin(['direct', 'partial'])].speaker_id` are the speakers "
        "with their own words; a speaker in neither list is only paraphrased.",
    ],
    explanation="A reader has only the reporter's version of what these speakers said.",
    points=2,
)


# --- classify quotes by kind ------------------------------------------------------------------


def classification_ids(art) -> list[str]:
    """The quotes of the sentence that mixes most kinds, plus the first of each missing kind."""
    quotes = art.quotes.sort_values("start")
    if quotes.empty:
        return []
    kinds_per_sentence = quotes.groupby("sentence_id", sort=False).kind.nunique()
    busiest = kinds_per_sentence.idxmax()
    chosen = list(quotes.loc[quotes.sentence_id == busiest, "quote_id"])
    present = set(quotes.loc[quotes.sentence_id == busiest, "kind"])
    for kind in KINDS:
        if kind not in present and (quotes.kind == kind).any():
            chosen.append(quotes.loc[quotes.kind == kind, "quote_id"].iloc[0])
    order = list(quotes.quote_id)
    return sorted(chosen, key=order.index)


def quotes_to_classify(art):
    """The quotes of exercise quotes.classify-kinds, without their kind."""
    picked = art.quotes[art.quotes.quote_id.isin(classification_ids(art))]
    return picked[["quote_id", "sentence_id", "speaker_id", "cue", "text"]].reset_index(drop=True)


def _kind_mistakes(art) -> dict[str, str]:
    messages = {}
    for row in art.quotes.itertuples(index=False):
        sentence = art.sentences.loc[art.sentences.sentence_id == row.sentence_id, "text"].iloc[0]
        if row.kind == "direct":
            messages[row.quote_id] = (
                f"“{row.text.strip(' ,')}” stands inside quotation marks as a whole "
                "sentence of its own: the speaker's exact words, a direct quote."
            )
        elif row.kind == "partial":
            messages[row.quote_id] = (
                f"only “{row.text.strip(' ,')}” is in quotation marks, and it sits inside a "
                "sentence the reporter wrote: a partial quote."
            )
        elif '"' in row.text or "“" in row.text:
            messages[row.quote_id] = (
                "it holds a quoted word, but most of it is the reporter's wording of what was "
                f"said (“{row.cue} ... {row.text}”): reported speech, an indirect quote. "
                "The quoted word itself is the partial quote."
            )
        else:
            messages[row.quote_id] = (
                f"there are no quotation marks around “{row.text}”: the words are the "
                "reporter's, an indirect quote (reported speech)."
                + (" A paraphrase is still a quote." if '"' in sentence else "")
            )
    return messages


Classify(
    "quotes.classify-kinds",
    "Label each quote shown above as 'direct', 'partial' or 'indirect', from its sentence "
    "alone (do not peek at the kind column). Give a dict such as {'q01': 'indirect', ...}.",
    answer=lambda art: {
        row.quote_id: row.kind
        for row in art.quotes[art.quotes.quote_id.isin(classification_ids(art))].itertuples()
    },
    labels=KINDS,
    vocab="quotes",
    noun="quotes",
    columns=("quote_id", "kind"),
    mistakes=_kind_mistakes,
    hints=[
        "Look for quotation marks first. Around a whole statement: direct. Around a word or "
        "two inside the reporter's sentence: partial. None at all: indirect.",
        "A quote can hold a partial quote: the reported speech around it is still indirect.",
    ],
    points=2,
)


# --- cue verbs ------------------------------------------------------------------------------


def _cue_example(art, cues) -> str:
    """'The mayor: “insisted on two demands …”': the first quote with one of ``cues``
    (earlier cues preferred), with its cue, clipped."""
    names = _names(art)
    quotes = art.quotes.sort_values("cue_start")
    for cue in cues:
        for row in quotes[quotes.cue.str.lower() == cue].itertuples(index=False):
            who = names.get(row.speaker_id, row.speaker_id)
            return f"{who}: “{shorten(art.text[row.cue_start : row.end])}”"
    return ""


def _cue_feedback(art) -> dict[str, str]:
    said = _cue_example(art, sorted(NEUTRAL_CUES))
    others = [c for c in art.quotes.cue.str.lower().unique() if c not in NEUTRAL_CUES]
    loaded = _cue_example(art, [*LOADED_CUES, *sorted(others)])
    said_ex = f" ({said})" if said else ""
    loaded_ex = f" ({loaded})" if loaded else ""
    return {
        "a": "'Said' is the neutral verb: it reports that words were spoken and nothing more"
        f"{said_ex}. It tells the reader nothing about whether the reporter agrees.",
        "b": f"For example{loaded_ex}: swap the verb for 'said' and the reading goes away.",
        "c": "Quotation marks, not the verb, show exact words. Most loaded verbs in news report "
        f"paraphrase{loaded_ex}.",
        "d": "The verbs differ: 'insisted' says the speaker holds to a point, 'reiterated' that "
        "it was said before, 'signaled' that nobody said it outright. Swap one for 'said' and "
        "the sentence reads differently.",
    }


Choice(
    "quotes.cue-meaning",
    "Which statement about reporting verbs (cues) is right?",
    options={
        "a": "'Said' tells the reader that the reporter agrees with the speaker.",
        "b": "'Said' only reports; 'insisted', 'signaled' or 'reiterated' add the reporter's "
        "reading of how, or whether, the words were said.",
        "c": "A verb such as 'insisted' shows that the speaker's exact words are quoted.",
        "d": "Reporting verbs are interchangeable: they all just mean 'said'.",
    },
    answer="b",
    feedback=_cue_feedback,
    hints=[
        "Rewrite a sentence of the article with 'said' instead of its verb. What changes?",
        "Quotation marks show exact words; the verb shows how the reporter frames the words.",
    ],
)


# --- where the words were said --------------------------------------------------------------


NOT_SAID = "not said"


def _first_direct_channel(art) -> str:
    rows = art.quotes[(art.quotes.kind == "direct") & art.quotes.channel.notna()]
    return rows.sort_values("start").channel.iloc[0] if len(rows) else NOT_SAID


def _channel_mistakes(art) -> dict[str, str]:
    direct = set(art.quotes.loc[art.quotes.kind == "direct", "channel"].dropna())
    messages = {}
    for channel in direct:  # a word of the channel ("Telegram") instead of the channel
        for word in re.findall(r"\b[A-Z][\w-]{3,}", channel):
            messages[word] = (
                f"nearly: {word} is part of it. Give the channel as printed in the `channel` "
                "column, in full."
            )
    for channel in art.quotes.channel.dropna().unique():
        if channel not in direct:
            messages[channel] = (
                "that is where an indirect or partial quote was said; the task asks about "
                "the direct quotes."
            )
    return messages


def _channel_evidence(art) -> dict[str, Evidence]:
    """channel -> the first quote said there."""
    found = {}
    for row in art.quotes.dropna(subset=["channel"]).sort_values("start").itertuples(index=False):
        found.setdefault(row.channel, _quote_evidence(row, art))
    return found


Item(
    "quotes.direct-channel",
    "Where was a direct quote said? Give the channel of the first direct quote that has one, "
    "as printed (the `channel` column of `art.quotes`); if no direct quote has a channel, "
    f"answer {NOT_SAID!r}.",
    answer=_first_direct_channel,
    noun="channels",
    column="channel",
    candidates=lambda art: [*art.quotes.channel.dropna().unique(), NOT_SAID],
    mistakes=_channel_mistakes,
    evidence=_channel_evidence,
    hints=[
        "Read the sentences around each direct quote: does the text say where the words "
        "were said or written, such as a briefing, a post or an interview? That place, as "
        "printed, is the channel.",
        "A quote whose channel the text does not name has `None`: keep the direct quotes "
        "whose channel is given.",
        "`art.quotes[(art.quotes.kind == 'direct') & art.quotes.channel.notna()]` keeps them; "
        "read the `channel` column.",
    ],
    explanation="A channel says where to look, not that you can: unless the text gives a "
    "link, a handle or a date, a reader must first find the original. And words said in "
    "another language reach the reader in a translation: the quotation marks then hold the "
    "translator's words, not the speaker's exact ones.",
)


# --- scare quotes ---------------------------------------------------------------------------

Choice(
    "quotes.scare-quotes",
    "In Naumov's second sentence, 'compromise' stands in single quotation marks inside his "
    "quotation. How does the annotation count it?",
    options={
        "a": "As a separate partial quote by Naumov.",
        "b": "As a quote of the Americans, since he says it is pitched to them.",
        "c": "Not as a separate quote: they are scare quotes, Naumov distancing himself from "
        "the word inside his own quotation.",
        "d": "As a quote of Zelenskyy, who described the plan as a compromise.",
    },
    answer="c",
    feedback={
        "a": "A partial quote is a fragment inside the reporter's sentence. Here the word sits "
        "inside Naumov's own quoted words: “Pitch this to the Americans as a 'compromise'”.",
        "b": "Nobody is reported to have said 'compromise' to the Americans: Naumov imagines the "
        "pitch and mocks the word.",
        "c": "Scare quotes mark a word the speaker (or writer) distances himself from: Naumov "
        "calls the plan a 'compromise' only to say it is not one.",
        "d": "Zelenskyy is paraphrased (“described the new blueprint as a reasonable "
        "compromise”), with no quotation marks. Naumov may echo him, but he quotes no one.",
    },
    hints=[
        "Whose words are inside the double quotation marks of that sentence?",
        "Single quotation marks inside a quotation often mean 'so-called'.",
    ],
    needs=("course-article",),  # about one quotation of the course article
)


# --- reflection -----------------------------------------------------------------------------

Reflection(
    "quotes.signaled",
    "The article opens: “Russian officials and analysts signaled the Kremlin is unlikely to "
    "accept terms ...”. What does the verb 'signaled' tell you, and what does it leave out? "
    "How would the sentence read with 'said' instead?",
    model_answer=(
        "'Signaled' tells the reader that nobody is reported to have said this outright: the "
        "reporter reads it from hints, tone or actions. It leaves out who the officials and "
        "analysts are, what exactly they said, and where or when; so the reader cannot check "
        "it. With 'said', the sentence would claim that someone actually said the Kremlin is "
        "unlikely to accept, and a reader would expect a name or a quote. The verb lets the "
        "reporter's interpretation stand in the place of a source."
    ),
    min_words=25,
    ideas={
        "nobody said it outright": ["outright", "not said", "hint", "implied", "interpret"],
        "no name is given": ["name", "who", "unnamed", "anonymous"],
        "the reader cannot check it": ["check", "verify", "evidence"],
    },
    hints=[
        "Think of what a signal is: is it words?",
        "Who are the officials and analysts? What did they actually say?",
    ],
    needs=("course-article",),  # about the course article's opening sentence
)


# --- a naive rule-based extractor, as a foil ------------------------------------------------


def naive_quotes(art):
    """Quotes a simple rule finds: words in double quotation marks, in a sentence that also has
    a common reporting verb (said, says, say, saying, told). No speaker, no paraphrase."""
    import pandas as pd

    rows = []
    for sentence in art.sentences.itertuples(index=False):
        if not NAIVE_VERBS.search(sentence.text):
            continue
        for match in QUOTED.finditer(sentence.text):
            start = sentence.start + match.start(1)
            rows.append(
                {
                    "sentence_id": sentence.sentence_id,
                    "start": start,
                    "end": start + len(match.group(1)),
                    "text": match.group(1),
                }
            )
    return pd.DataFrame(rows, columns=["sentence_id", "start", "end", "text"])


def naive_vs_annotation(art):
    """Each annotated quote, and whether the naive rule found (overlapped) it."""
    found = naive_quotes(art)
    table = art.quotes[["quote_id", "speaker_id", "kind", "text"]].copy()
    table["found"] = [
        bool(((found.start < row.end) & (found.end > row.start)).any())
        for row in art.quotes.itertuples(index=False)
    ]
    return table.reset_index(drop=True)


# --- verbs by side --------------------------------------------------------------------------


def cue_reading(cue: str) -> str:
    """What a reporting verb adds, from the lesson's lexicon (any other verb is not neutral)."""
    return CUE_READINGS.get(cue.lower(), "not in the lesson's list: ask what it adds to 'said'")


def is_neutral(cue: str) -> bool:
    return cue.lower() in NEUTRAL_CUES


def cue_places(art):
    """One row per reporting verb in the text (a "said" that introduces two spans counts once,
    as in the cue figure): the verb in lower case, its speaker and the speaker's side."""
    quotes = art.quotes.sort_values("cue_start").drop_duplicates(["cue_start", "cue_end"])
    sides = dict(zip(art.actors.actor_id, art.actors.side, strict=True))
    table = quotes[["quote_id", "speaker_id", "sentence_id", "cue_start"]].copy()
    table.insert(1, "cue", quotes.cue.str.lower())
    table["side"] = table.speaker_id.map(sides)
    table["neutral"] = table.cue.map(is_neutral)
    return table.reset_index(drop=True)


def _coloured(art):
    places = cue_places(art)
    return places[~places.neutral]


def _cue_evidence(art) -> dict[str, Evidence]:
    """verb -> the first place it introduces speech (the words from the verb on)."""
    found = {}
    for row in cue_places(art).itertuples(index=False):
        found.setdefault(row.cue, Evidence(f"sentence {row.sentence_id}", _from_cue(art, row)))
    return found


def _from_cue(art, row, limit: int = 80) -> str:
    """The words of the sentence from the verb on, clipped: what the verb introduces."""
    end = art.sentences.set_index("sentence_id").end.get(row.sentence_id, row.cue_start + limit)
    words = " ".join(art.text[row.cue_start : min(end, row.cue_start + limit)].split())
    return words if row.cue_start + limit >= end else words + " …"


def _coloured_cue_mistakes(art) -> dict[str, str]:
    return {
        cue: f"“{cue}” is neutral: it reports that words were spoken, and adds no reading."
        for cue in cue_places(art).cue
        if is_neutral(cue)
    }


Names(
    "quotes.coloured-cues",
    "Which reporting verbs (cues) of this article are not neutral: verbs other than 'said', "
    "'say', 'says', 'saying', 'told' and 'tells', which add the reporter's reading? Give each "
    "verb once, in lower case.",
    answer=lambda art: list(dict.fromkeys(_coloured(art).cue)),
    noun="verbs",
    column="cue",
    candidates=lambda art: list(dict.fromkeys(cue_places(art).cue)),
    mistakes=_coloured_cue_mistakes,
    evidence=_cue_evidence,
    needs=("direct-quotes",),
    hints=[
        "Read each verb of the table above and ask: does it only report, or does it say how "
        "(or whether) the words were said?",
        "Keep the rows of `verbs` whose cue is not in the neutral list: "
        "`verbs[~verbs.cue.str.lower().isin(neutral)]`, then read the `cue` column.",
    ],
    explanation="Each of them is a choice of the reporter: swap it for 'said' and ask what the "
    "sentence loses.",
)


def _speaker_evidence(art) -> dict[str, Evidence]:
    """speaker -> their first coloured verb (else their first verb), as evidence."""
    found = {}
    places = cue_places(art)
    for row in [*places[~places.neutral].itertuples(index=False), *places.itertuples(index=False)]:
        evidence = Evidence(f"sentence {row.sentence_id}", _from_cue(art, row))
        found.setdefault(row.speaker_id, evidence)
    return found


def _coloured_speaker_mistakes(art) -> dict[str, str]:
    places, names = cue_places(art), _names(art)
    coloured = set(places.loc[~places.neutral, "speaker_id"])
    messages = {}
    for speaker, rows in places.groupby("speaker_id", sort=False):
        if speaker not in coloured:
            verbs = ", ".join(f"“{c}”" for c in dict.fromkeys(rows.cue))
            who = names.get(speaker, speaker)
            messages[speaker] = f"{who} is introduced only by neutral verbs ({verbs})."
    return messages


Names(
    "quotes.coloured-speakers",
    "Which speakers are introduced at least once by a verb that is not neutral? Give their "
    "actor_ids.",
    answer=lambda art: list(dict.fromkeys(_coloured(art).speaker_id)),
    vocab="actors",
    noun="speakers",
    column="speaker_id",
    mistakes=_coloured_speaker_mistakes,
    evidence=_speaker_evidence,
    needs=("direct-quotes",),
    hints=[
        "The verbs you found in the exercise above: who speaks after each of them?",
        "Keep the rows of `verbs` whose cue is not neutral and read their `speaker_id` column "
        "(`.unique()` drops the repeats).",
    ],
    explanation="The others are only ever 'said': the reporter adds no reading to their words.",
)


def _coloured_per_side(art):
    """side -> (coloured verbs, all verbs), for the declared sides with at least one verb."""
    places = cue_places(art)
    places = places[places.side.isin(set(art.sides.side_id))]
    return {
        side: (int((~rows.neutral).sum()), len(rows))
        for side, rows in places.groupby("side", sort=False)
    }


def _most_coloured_sides(art) -> list[str]:
    counts = {side: coloured for side, (coloured, _n) in _coloured_per_side(art).items()}
    top = max(counts.values(), default=0)
    return [side for side, n in counts.items() if n == top and top > 0]


def _coloured_side_mistakes(art) -> dict[str, str]:
    side_names = dict(zip(art.sides.side_id, art.sides.name, strict=True))
    per_side, top = _coloured_per_side(art), _most_coloured_sides(art)
    best = per_side[top[0]][0] if top else 0
    messages = {}
    for side in art.sides.side_id:
        coloured, total = per_side.get(side, (0, 0))
        if side in top:
            continue
        if total == 0:
            messages[side] = f"no speaker on the side of {side_names[side]} is quoted at all."
        else:
            messages[side] = (
                f"{coloured} of the {total} verbs for speakers on the side of "
                f"{side_names[side]} are not neutral, fewer than the top side's {best}."
            )
    return messages


Names(
    "quotes.coloured-side",
    "Count the verbs that are not neutral by the side of the speaker they introduce (the "
    "cross table above). Which side's speakers get the most of them? Give the side_id "
    "(several, if they tie).",
    answer=_most_coloured_sides,
    noun="sides",
    column="side",
    candidates=lambda art: list(art.sides.side_id),
    mistakes=_coloured_side_mistakes,
    needs=("two-sides",),
    hints=[
        "In the cross table, keep the rows of the verbs that are not neutral and add up each "
        "side's column.",
        "`table.loc[~table.index.isin(neutral)].sum()` adds up the columns of the coloured "
        "verbs; the largest sum is the answer.",
    ],
    explanation="Then compare with how many verbs each side gets in all: a side with few "
    "quotes and many coloured verbs is framed more than it is heard.",
)


def swap_example(art):
    """The first place where the article uses one of the verbs of the swap exercise's options
    (in the order of LOADED_CUES). Raises where it uses none: the exercise does not apply."""
    places = cue_places(art)
    for cue in [c for c in LOADED_CUES if c in SWAP_VERBS]:
        if (places.cue == cue).any():
            return places[places.cue == cue].iloc[0]
    raise ValueError(f"the article uses none of the verbs {', '.join(SWAP_VERBS)}")


def _swap_answer(art) -> str:
    cue = swap_example(art).cue
    return next(key for key, (verb, _reading) in SWAP_READINGS.items() if verb == cue)


def _swap_feedback(art) -> dict[str, str]:
    example = swap_example(art)
    shown = f"“{_from_cue(art, example, 70)}”"
    feedback = {}
    for key, (verb, reading) in SWAP_READINGS.items():
        if verb == example.cue:
            feedback[key] = (
                f"With “said” the words stay, but the reader no longer learns {reading}. "
                "The content is the same; the framing was the reporter's."
            )
        else:
            feedback[key] = (
                f"that is what “{verb}” would add, but the verb here is “{example.cue}” "
                f"({shown}): {cue_reading(example.cue)}."
            )
    feedback["f"] = (
        f"“{example.cue}” is not 'said': {cue_reading(example.cue)} ({shown}). 'Said' only "
        "reports; the swap keeps the content and drops that reading."
    )
    return feedback


Choice(
    "quotes.swap-said",
    "Take the sentence printed above (its verb is not neutral) and put 'said' in the place of "
    "its verb. What does the reader no longer learn?",
    options={
        **{
            key: reading[0].upper() + reading[1:] + "."
            for key, (_v, reading) in SWAP_READINGS.items()
        },
        "f": "Nothing: 'said' and the verb mean the same.",
    },
    answer=_swap_answer,
    feedback=_swap_feedback,
    needs=("direct-quotes",),
    hints=[
        "Read the verb of the sentence aloud, then the same sentence with 'said'. What is gone?",
        "The table of verbs in the lesson says what each verb adds to 'said'.",
    ],
)
