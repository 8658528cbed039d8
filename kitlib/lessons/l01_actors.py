"""Exercises of lesson 01, "Actors": who appears, in which form, and who gets to speak."""

from __future__ import annotations

from collections import Counter

from kitlib.display import wrap
from kitlib.framework import Choice, Classify, Evidence, Item, Names, Reflection
from kitlib.framework.compare import clip, listing, plural

# Why an actor of each kind is not a person (for the "people" exercise).
NOT_A_PERSON = {
    "government": "it is a government, a body of people, even where the text names it by a "
    "place or a building (a metonym).",
    "country": "it is a country, not a person.",
    "organization": "it is an organisation, not a person.",
    "publication": "it is a publication (the outlet), not a person.",
    "group": "it is an unnamed group: the text describes several people but names none of them.",
}


# --- small helpers on the tables ------------------------------------------------------------


def _names(art) -> dict[str, str]:
    return dict(zip(art.actors.actor_id, art.actors.name, strict=True))


def _kinds(art) -> dict[str, str]:
    return dict(zip(art.actors.actor_id, art.actors.kind, strict=True))


def _paragraph_of(art, sentence_id: str) -> str:
    hit = art.sentences.loc[art.sentences.sentence_id == sentence_id, "paragraph_id"]
    return hit.iloc[0] if len(hit) else "?"


def _around(art, start: int, end: int, width: int = 40) -> str:
    """The words around a span within its sentence, so feedback can quote where it stands."""
    sentences = art.sentences
    hit = sentences[(sentences.start <= start) & (end <= sentences.end)]
    low, high = (int(hit.start.iloc[0]), int(hit.end.iloc[0])) if len(hit) else (0, len(art.text))
    left, right = max(low, start - width), min(high, end + width)
    text = art.text[left:right]
    # Start and end on whole words.
    if left > low and " " in text:
        text = "…" + text.split(" ", 1)[1]
    if right < high and " " in text:
        text = text.rsplit(" ", 1)[0] + "…"
    return " ".join(text.split())


def _mention_counts(art) -> Counter:
    return Counter(art.mentions.actor_id)


def _first_mention(art) -> dict[str, int]:
    ordered = art.mentions.sort_values("start")
    return dict(zip(ordered.actor_id[::-1], ordered.start[::-1], strict=True))


def most_mentioned(art) -> str:
    """The actor with the most mentions; of tied actors, the one the article mentions first."""
    counts, first = _mention_counts(art), _first_mention(art)
    return min(counts, key=lambda actor_id: (-counts[actor_id], first[actor_id]))


def metonyms(art) -> dict[str, str]:
    """Each metonym as printed ("the Kremlin") -> the actor it stands for."""
    rows = art.mentions[art.mentions.form == "metonym"].sort_values("start")
    return dict(zip(rows.text, rows.actor_id, strict=True))


def _metonym_count(art, actor_id: str) -> int:
    mentions = art.mentions
    return int(((mentions.actor_id == actor_id) & (mentions.form == "metonym")).sum())


def _speakers(art) -> set[str]:
    return set(art.quotes.speaker_id.dropna())


def writers(art) -> set[str]:
    """The byline writer's actor ids: never quoted, yet the voice of every unsourced claim."""
    if not art.author:
        return set()
    return set(art.actors.loc[art.actors.name == art.author, "actor_id"])


def silent_people(art) -> list[str]:
    """People the story mentions but never quotes, in the order the article first names them.

    The writer is left out: he is not quoted, but every claim with no source is in his voice.
    """
    kinds, speakers, writer = _kinds(art), _speakers(art), writers(art)
    mentioned = art.mentions.sort_values("start").actor_id.drop_duplicates()
    return [
        a for a in mentioned if kinds.get(a) == "person" and a not in speakers and a not in writer
    ]


def speaking_groups(art) -> list[str]:
    """Unnamed groups (kind 'group') that have at least one quote."""
    kinds = _kinds(art)
    return [a for a in art.quotes.speaker_id.drop_duplicates() if kinds.get(a) == "group"]


def _first_quote(art, actor_id: str) -> str:
    """'said' in paragraph p17: where an actor is first quoted."""
    rows = art.quotes[art.quotes.speaker_id == actor_id].sort_values("start")
    if rows.empty:
        return ""
    row = rows.iloc[0]
    return f"'{row.cue}' in paragraph {_paragraph_of(art, row.sentence_id)}"


# --- reading hints: the first rung of each ladder sends the student to the text ------------


def _people_hint(art) -> str:
    writer = " The line that names the writer counts too." if writers(art) else ""
    return (
        "Read the text for the people in it: human beings, named or described by what they do "
        "('a spokesman', 'the chair'). A government, a country, an organisation, an unnamed "
        f"group and a place standing for a government are not people.{writer}"
    )


def _metonym_hint(art) -> str:
    rows = art.mentions[art.mentions.form == "metonym"].sort_values("start")
    places = list(dict.fromkeys(_paragraph_of(art, s) for s in rows.sentence_id))
    where = f" (in this text: paragraph{'s' if len(places) > 1 else ''} {listing(places, 12)})"
    return (
        "Re-read the sentences where a place or a building seems to act: it says, believes, "
        f"decides or faces something{where if places else ''}. A place cannot act: ask which "
        "people act from there."
    )


MOST_MENTIONED_HINT = (
    "Pick the actors the story is most about and go through the text for each one: count "
    "its name, every 'he', 'she', 'it' or 'its' that points to it, every description "
    "('the spokesman') and every place or building that stands for it. A country and its "
    "government are two actors."
)


MENTIONED_ONCE_HINT = (
    "Read the text for the actors that turn up in one sentence and never come back, not "
    "by name, nor as 'he', 'she' or 'it', nor as a description: they are often brought in "
    "with a few words after the name and then dropped."
)


def _cues_in_text(art) -> str:
    cues = list(dict.fromkeys(str(c) for c in art.quotes.sort_values("start").cue.dropna()))
    return listing([f"'{c}'" for c in cues], limit=10)


def _silent_hint(art) -> str:
    cues = _cues_in_text(art)
    verbs = f" (in this text: {cues})" if cues else ""
    return (
        "Go through the people the story names and look, for each, for a sentence that gives "
        f"their words: in quotation marks, or retold after a verb of saying{verbs}. A person "
        "the story only talks about has no such sentence."
    )


UNNAMED_HINT = (
    "Look for voices the text describes without naming anyone: a plural or a vague "
    "description before a verb of saying ('analysts say', 'officials said', 'a staff "
    "member said'). Can a reader tell who exactly speaks there?"
)


# --- the exercises --------------------------------------------------------------------------


def _not_people(art) -> dict[str, str]:
    names = _names(art)
    messages = {
        actor_id: f"{names[actor_id]}: {NOT_A_PERSON.get(kind, 'not a person.')}"
        for actor_id, kind in _kinds(art).items()
        if kind != "person"
    }
    # A metonym typed as a name (a capital, a building) is a place standing for a government.
    for text, actor_id in metonyms(art).items():
        messages.setdefault(
            text, f"it is a place standing for {names.get(actor_id, actor_id)}, not a person."
        )
    return messages


Names(
    "actors.people",
    "Which actors are people (kind 'person')? Give their actor_ids or names.",
    answer=lambda art: art.actors.loc[art.actors.kind == "person", "actor_id"],
    vocab="actors",
    noun="people",
    mistakes=_not_people,
    hints=[
        _people_hint,
        "Each row of `art.actors` is one actor; the `kind` column says what sort of actor it is.",
        "Keep the rows whose kind is 'person' and read their `actor_id` column: "
        "`art.actors[art.actors.kind == 'person'].actor_id`.",
    ],
    explanation=lambda art: (
        f"The byline's writer, {art.author}, counts too: a person the text names."
        if art.author
        else "Every person the text names counts, whether or not they speak."
    ),
)


def _metonym_mistakes(art) -> dict[str, str]:
    kinds = _kinds(art)
    messages = {}
    for text, actor_id in metonyms(art).items():
        kind = kinds.get(actor_id, "actor")
        messages[text] = (
            f"{text!r} names a place, and a place cannot speak or decide: here it stands for "
            f"the people who act from there. Look for an actor of kind {kind!r} in `art.actors`."
        )
    return messages


def _metonym_evidence(art) -> dict[str, Evidence]:
    rows = art.mentions[art.mentions.form == "metonym"].sort_values("start")
    evidence = {}
    for row in rows.drop_duplicates("text").itertuples(index=False):
        where = f"paragraph {_paragraph_of(art, row.sentence_id)}"
        evidence[row.text] = Evidence(where, clip(_around(art, row.start, row.end), 110))
    return evidence


Classify(
    "actors.metonyms",
    "Each metonym (a mention with form 'metonym') names a place or a building. Which actor does "
    "each one stand for? Give a dict from the text of the mention to an actor_id, "
    "e.g. {'City Hall': 'riverton-government'} in a made-up story about Riverton.",
    answer=metonyms,
    needs=("metonyms",),
    labels=lambda art: list(art.actors.actor_id),
    noun="metonyms",
    columns=("text", "actor_id"),
    mistakes=_metonym_mistakes,
    evidence=_metonym_evidence,
    hints=[
        _metonym_hint,
        "Keep the rows of `art.mentions` whose `form` is 'metonym'; the `text` column has the "
        "words as printed, the `actor_id` column the actor they stand for.",
        "`dict(zip(metonyms.text, metonyms.actor_id))` pairs the two columns into a dict.",
    ],
    explanation="A building or a city cannot speak: each of these words stands for the people "
    "who govern from there.",
    points=2,
)


def _most_mentioned_mistakes(art) -> dict[str, str]:
    counts, names = _mention_counts(art), _names(art)
    top, by_name = most_mentioned(art), _most_named(art)
    messages = {}
    for actor_id, n in counts.items():
        if actor_id == top:
            continue
        if n == counts[top]:
            why = (
                f"{names[actor_id]} has as many mentions ({n}), but the article mentions "
                f"{names[top]} first, and ties go to the first."
            )
        else:
            why = f"{names[actor_id]} has {plural(n, 'mentions')}; one actor has {counts[top]}."
            if actor_id == by_name:
                why += (
                    " Counted by name only, it would lead: count every row of `art.mentions`, "
                    "whatever its form (metonyms and pronouns are mentions too)."
                )
            if _related(art, actor_id, top):
                why += (
                    f" {names[actor_id]} and {names[top]} are two actors of the same side: the "
                    "annotation counts a country and its government apart (a metonym such as "
                    "a capital stands for the government, not the country)."
                )
        messages[actor_id] = why
    return messages


def _most_named(art) -> str | None:
    """The actor with the most mentions by name (ties: the first mentioned)."""
    named = art.mentions[art.mentions.form == "name"]
    if named.empty:
        return None
    counts, first = Counter(named.actor_id), _first_mention(art)
    return min(counts, key=lambda actor_id: (-counts[actor_id], first[actor_id]))


def _related(art, one: str, other: str) -> bool:
    """Whether one actor is up the other's affiliation chain (a country and its government)."""
    parents = dict(zip(art.actors.actor_id, art.actors.affiliation, strict=True))
    return other in _chain(one, parents) or one in _chain(other, parents)


def _chain(actor_id: str, parents: dict) -> set[str]:
    seen, current = set(), parents.get(actor_id)
    while isinstance(current, str) and current not in seen:  # NaN/None end the chain
        seen.add(current)
        current = parents.get(current)
    return seen


Item(
    "actors.most-mentioned",
    "Which actor has the most mentions in `art.mentions`? Give its actor_id. (If two are tied, "
    "give the one the article mentions first.)",
    answer=lambda art: most_mentioned(art),
    vocab="actors",
    noun="actors",
    mistakes=_most_mentioned_mistakes,
    hints=[
        MOST_MENTIONED_HINT,
        "Every row of `art.mentions` is one mention; its `actor_id` says who is mentioned.",
        "`art.mentions.actor_id.value_counts()` counts the rows per actor, most first.",
    ],
    explanation=lambda art: (
        f"{plural(_mention_counts(art)[most_mentioned(art)], 'mentions')}, "
        f"{_metonym_count(art, most_mentioned(art))} of them metonyms."
    ),
)


def most_mentioned_person(art) -> str:
    """The person with the most mentions (ties: the first mentioned); any actor if no person."""
    counts, first, kinds = _mention_counts(art), _first_mention(art), _kinds(art)
    people = [a for a in counts if kinds.get(a) == "person"] or list(counts)
    return min(people, key=lambda actor_id: (-counts[actor_id], first[actor_id]))


def _forms(art, actor_id: str) -> str:
    """'4 by name, 2 by pronoun': the forms of an actor's mentions, most used first."""
    forms = Counter(art.mentions.loc[art.mentions.actor_id == actor_id, "form"])
    return ", ".join(f"{n} by {form}" for form, n in forms.most_common())


def most_mentioned_summary(art) -> str:
    """Who the article mentions most, and in which forms, for the cell under the chart."""
    names, counts = _names(art), _mention_counts(art)
    top, person = most_mentioned(art), most_mentioned_person(art)
    lines = [
        f"Most mentioned: {names[top]}, {plural(counts[top], 'mentions')} ({_forms(art, top)})."
    ]
    if person != top:
        lines.append(
            f"Of the people, {names[person]} has the most: "
            f"{plural(counts[person], 'mentions')} ({_forms(art, person)})."
        )
    if top not in set(art.mentions.loc[art.mentions.form == "name", "actor_id"]):
        name = names[top][:1].upper() + names[top][1:]
        lines.append(f"{name} is never named: ask who exactly the words stand for.")
    return wrap("\n".join(lines))


def voices_summary(art) -> str:
    """How many of the people named are heard, and which unnamed groups speak."""
    names, kinds, speakers = _names(art), _kinds(art), _speakers(art)
    people = [a for a in dict.fromkeys(art.mentions.sort_values("start").actor_id)
              if kinds.get(a) == "person"]  # fmt: skip
    heard = [a for a in people if a in speakers]
    groups = speaking_groups(art)
    lines = [f"{plural(len(people), 'people')} are mentioned; {len(heard)} of them are quoted."]
    silent = silent_people(art)
    if silent:
        lines.append("Only talked about: " + listing([names[a] for a in silent], limit=8) + ".")
    writer = [names[a] for a in people if a in writers(art) and a not in speakers]
    if writer:
        lines.append(
            f"The writer, {listing(writer)}, is never quoted, but every claim with no source "
            "is in the writer's voice."
        )
    if groups:
        lines.append("Unnamed groups that speak: " + listing([names[a] for a in groups]) + ".")
    return wrap("\n".join(lines))


def _mentioned_once(art) -> list[str]:
    counts = _mention_counts(art)
    return [a for a in _first_mention(art) if counts[a] == 1]


Names(
    "actors.mentioned-once",
    "Which actors are mentioned only once in `art.mentions`? Give their actor_ids.",
    answer=_mentioned_once,
    vocab="actors",
    noun="once-mentioned actors",
    mistakes=lambda art: {
        actor_id: f"{_names(art)[actor_id]} has {plural(n, 'mentions')}."
        for actor_id, n in _mention_counts(art).items()
        if n > 1
    },
    hints=[
        MENTIONED_ONCE_HINT,
        "`art.mentions.actor_id.value_counts()` counts the mentions of each actor.",
        "Keep the counts equal to 1, as `per_paragraph[per_paragraph > 1]` did in lesson 00: "
        "`counts = art.mentions.actor_id.value_counts()`, then `counts[counts == 1].index`.",
    ],
    explanation="An actor mentioned once is easy to miss: it appears in one sentence and is gone.",
)


def _quoted_people(art) -> dict[str, str]:
    names, kinds = _names(art), _kinds(art)
    messages = {
        actor_id: f"{names[actor_id]} is quoted: {_first_quote(art, actor_id)}."
        for actor_id in _speakers(art)
        if kinds.get(actor_id) == "person"
    }
    for actor_id in writers(art):
        messages[actor_id] = (
            f"{names[actor_id]} wrote the article. He or she is never quoted, yet is heard "
            "all the time: every claim with no source in its sentence is in the writer's voice. "
            "The task asks about the people the story is about."
        )
    return messages


Names(
    "actors.silent-people",
    "Which people (kind 'person') are mentioned in the story but never quoted (they are "
    "never a `speaker_id` in `art.quotes`)? Leave out the writer of the byline "
    "(`art.author`): the writer is not quoted, but speaks in every unsourced sentence.",
    answer=silent_people,
    empty_ok=True,  # an article may quote everyone it names
    vocab="actors",
    noun="silent people",
    mistakes=lambda art: {**_not_people(art), **_quoted_people(art)},
    hints=[
        _silent_hint,
        "Two tables: `art.actors` tells you who is a person, `art.quotes.speaker_id` who speaks.",
        "Take the people's actor_ids, then keep those that are not in "
        "`set(art.quotes.speaker_id)`: `[a for a in people if a not in speakers]`. Drop the "
        "writer, whose `name` is `art.author`.",
    ],
    explanation=lambda art: (
        "They are talked about, but the reader never hears them, not even in reported speech."
        if silent_people(art)
        else "Everyone mentioned is quoted: each person the article names speaks at least once, "
        "in their own words or in reported speech."
    ),
    points=2,
)


def _group_mistakes(art) -> dict[str, str]:
    names, kinds, speakers = _names(art), _kinds(art), _speakers(art)
    messages = {}
    for actor_id, kind in kinds.items():
        if kind == "group" and actor_id not in speakers:
            messages[actor_id] = (
                f"{names[actor_id]} is an unnamed group, but the text never reports its words."
            )
        elif kind == "person" and actor_id in speakers:
            messages[actor_id] = f"{names[actor_id]} speaks, but is a named person, not a group."
        elif kind != "group":
            messages[actor_id] = f"{names[actor_id]} is of kind '{kind}', not an unnamed group."
    return messages


Names(
    "actors.unnamed-speakers",
    "Which unnamed groups (kind 'group') speak in the article, that is, have at least one "
    "quote in `art.quotes`?",
    answer=speaking_groups,
    empty_ok=True,  # every voice may have a name
    vocab="actors",
    noun="speaking groups",
    mistakes=_group_mistakes,
    hints=[
        UNNAMED_HINT,
        "`art.quotes.speaker_id` lists who speaks; `art.actors.kind` says which actors are groups.",
        "Keep the actors whose kind is 'group' and whose actor_id is in "
        "`set(art.quotes.speaker_id)`.",
    ],
    explanation=lambda art: (
        "Each of these voices is heard, but the reader cannot tell who exactly speaks, nor "
        "check what else they have said."
        if speaking_groups(art)
        else "No unnamed group speaks here: every voice in the article has a name."
    ),
)


Choice(
    "actors.moscow",
    "Paragraph 9 reports that Putin said 'Moscow could make some \"accommodations\"'. Why does "
    "the annotation count this 'Moscow' as a mention of the Russian government?",
    needs=("course-article",),  # its cells are seed-only
    options={
        "a": "Because Moscow is the capital, and the sentence is about the city's own plans.",
        "b": "Because a city cannot make concessions: 'Moscow' stands for the people who govern "
        "Russia from there.",
        "c": "Because Putin lives in Moscow, so 'Moscow' is another word for Putin.",
        "d": "Because every place name in the article stands for a government.",
    },
    answer="b",
    feedback={
        "a": "The city itself cannot 'make accommodations' in a war: only those who govern can "
        "give up territory. Read the words around it: 'saying Moscow could make some "
        '"accommodations"\'.',
        "b": "This is a metonym: the place stands for the government seated there, just as "
        "'the Kremlin' does in paragraph 2.",
        "c": "'Moscow' is not a pronoun for Putin. Putin speaks for the government, but the "
        "mention stands for the government as a whole, not for him alone.",
        "d": "Not every place name is a metonym: in 'the Donetsk and Luhansk regions' the places "
        "are territory, and 'a Moscow-based international affairs analyst' tells where he works.",
    },
    hints=[
        "Ask of the word: can a place do what the sentence says it does?",
        "Read `art.mentions[art.mentions.text == 'Moscow']`: which form and which actor_id does "
        "the annotation give it?",
    ],
)

Reflection(
    "actors.reflection",
    "Look at the chart of mentions and at the metonyms. In a few sentences: which side of the "
    "story is mentioned most, and what does a reader lose when a text says 'the Kremlin' or "
    "'Moscow' instead of naming who spoke or decided?",
    needs=("course-article",),  # its cells are seed-only
    model_answer=(
        "The Russian side is mentioned most: the Russian government alone has seven mentions, "
        "all of them metonyms ('the Kremlin', 'Moscow'), and Russia the country six, more than "
        "Zelenskyy or Ukraine. A metonym makes a government sound "
        "like one person with one will, and it hides who exactly took a position: 'the Kremlin "
        "remains emboldened' is said by unnamed analysts about an institution, and nobody in it "
        "is quoted. The reader cannot tell whether an official said so, or which one, and cannot "
        "check it."
    ),
    min_words=30,
    ideas={
        "which side is mentioned most": ["russia", "russian", "kremlin", "moscow"],
        "the metonym hides a person": ["who", "person", "name", "official", "hide", "vague"],
        "checking the claim": ["check", "verify", "accountab", "responsib", "trust"],
    },
    hints=[
        "Read the summary line under the mentions chart, and the table of metonyms.",
        "When a building 'believes' or 'accepts', ask: which people in it? Does the text say?",
    ],
)
