"""Exercises of lesson 02, "Demands": what each side wants of whom, where, and on what terms."""

from __future__ import annotations

from collections.abc import Callable

from kitlib.framework import Choice, Classify, Evidence, Item, Names, Number, Reflection
from kitlib.framework.compare import is_missing, listing

KINDS = ["demand", "proposal_term", "offer"]


# --- small helpers on the tables ------------------------------------------------------------


def _names(art) -> dict[str, str]:
    names = dict(zip(art.documents.document_id, art.documents.name, strict=True))
    names.update(zip(art.actors.actor_id, art.actors.name, strict=True))
    return names


def _given(value) -> str | None:
    return None if is_missing(value) else str(value)


def places_of(rows) -> list[str]:
    """The places named in some rows of ``art.demands``, each once, in the order of the text."""
    places: list[str] = []
    for row_places in rows.sort_values("start").places:
        for place in [] if is_missing(row_places) else list(row_places):
            if place not in places:
                places.append(place)
    return places


def _all_places(art) -> list[str]:
    return places_of(art.demands)


def _who(art, row) -> str:
    """Who asks or offers, or the plan a term belongs to, in words."""
    names = _names(art)
    party, document = _given(row.party_id), _given(row.document_id)
    if party:
        return names.get(party, party)
    if document:
        return names.get(document, document)
    return "nobody the text names"


def _place_mistakes(art, wanted: list[str], document: str | None = None) -> dict[str, str]:
    """For each place the task does not ask for: the term that names it, and who is to act.

    With ``document``, the terms of that plan come first: the likeliest mix-up is within it.
    """
    names = _names(art)
    messages: dict[str, str] = {}
    rows = art.demands.sort_values("start")
    rows = rows.iloc[(rows.document_id != document).argsort(kind="stable")]
    for row in rows.itertuples(index=False):
        row_places = [] if is_missing(row.places) else list(row.places)
        for place in row_places:
            if place in wanted or place in messages:
                continue
            addressee = _given(row.addressee_id)
            actor = names.get(addressee, addressee) if addressee else "the text does not say who"
            messages[place] = (
                f"{place} is named in {row.demand_id}, {_a_kind(row.kind)} of {_who(art, row)}, "
                f"and there {actor} is to act: '{row.text}'."
            )
    return messages


def _a_kind(kind: str) -> str:
    words = str(kind).replace("_", " ")
    return f"{'an' if words[:1] in 'aeiou' else 'a'} {words}"


def _paragraph_of(art, sentence_id: str) -> str:
    hit = art.sentences.loc[art.sentences.sentence_id == sentence_id, "paragraph_id"]
    return hit.iloc[0] if len(hit) else "?"


def _place_evidence(rows_of: Callable) -> Callable:
    """Evidence for the places of some rows: the term that names each, and where it is."""

    def evidence(art) -> dict[str, Evidence]:
        found = {}
        for row in rows_of(art).sort_values("start").itertuples(index=False):
            for place in [] if is_missing(row.places) else list(row.places):
                where = f"{row.demand_id} (paragraph {_paragraph_of(art, row.sentence_id)})"
                found.setdefault(place, Evidence(where, row.text))
        return found

    return evidence


def _putin_rows(art):
    return art.demands[art.demands.party_id == "putin"]


def _plan_withdrawal_rows(art):
    demands = art.demands
    return demands[
        (demands.document_id == "twenty-point-plan") & (demands.addressee_id == "russian-forces")
    ]


def top_parties(art) -> list[str]:
    """The parties with the most terms (all of them when several tie), in reading order."""
    rows = art.demands.sort_values("start")
    counts = rows.party_id.dropna().value_counts(sort=False)
    return [] if counts.empty else list(counts[counts == counts.max()].index)


def demand_addressees(art) -> list[str]:
    """Who is asked to act in the demands (kind 'demand'), each once, in reading order."""
    rows = art.demands[art.demands.kind == "demand"].sort_values("start")
    return list(dict.fromkeys(rows.addressee_id.dropna()))


def demand_sentences(art) -> list[str]:
    """The sentences that hold a demand (kind 'demand'), in reading order."""
    rows = art.demands[art.demands.kind == "demand"].sort_values("start")
    return list(dict.fromkeys(rows.sentence_id))


def putin_places(art) -> list[str]:
    return places_of(_putin_rows(art))


def plan_withdrawal_places(art) -> list[str]:
    return places_of(_plan_withdrawal_rows(art))


def conditions(art) -> list[str]:
    return [c for c in art.demands.sort_values("start").condition if not is_missing(c)]


# --- reading hints: the first rung of each ladder sends the student to the text ------------

CONDITION_WORDS = "'only if', 'provided that', 'as long as', 'unless' or 'on condition that'"


def _paragraphs_of(art, rows) -> str:
    """'paragraph p08' or 'paragraphs p05 and p10': where some rows of the demands stand."""
    places = list(
        dict.fromkeys(_paragraph_of(art, s) for s in rows.sort_values("start").sentence_id)
    )
    return f"paragraph{'s' if len(places) > 1 else ''} {listing(places, 12)}"


def _core_places_hint(art) -> str:
    rows = _putin_rows(art)
    name = _names(art).get("putin", "the party")
    return (
        f"Re-read {_paragraphs_of(art, rows)}, where the text sets out what {name} demands: "
        "which places does it name, and who is to leave them?"
    )


def _plan_withdrawals_hint(art) -> str:
    return (
        f"Re-read {_paragraphs_of(art, _plan_withdrawal_rows(art))}, where the text says what "
        "the plan would require of Russian forces: which regions are they to leave? The same "
        "paragraph may say what the other side would do: keep the two apart."
    )


CONDITION_HINT = (
    "Re-read each term and look for the words that make it hold only in some case: "
    f"{CONDITION_WORDS}. The condition is the clause those words open, copied as printed."
)
CONDITIONAL_HINT = (
    "Re-read each term and look for the words that make it hold only in some case: "
    f"{CONDITION_WORDS}. A term without such words holds as it stands."
)


def _no_addressee_hint(art) -> str:
    return (
        f"Re-read each of the {len(art.demands)} terms (what a party demands, offers or writes "
        "into a plan) and ask who would have to act if it were met. Count those where the text "
        "does not say: a passive that names no one ('be ruled out') or a noun with no actor "
        "attached ('guarantees', 'provisions') can leave it open."
    )


def _addressees_hint(art) -> str:
    rows = art.demands[art.demands.kind == "demand"]
    where = f" (in this text: {_paragraphs_of(art, rows)})" if len(rows) else ""
    return (
        f"Re-read each demand{where} and ask who would have to act if it were met: often not "
        "the one who asks. A demand in the passive may name no one at all."
    )


DEMAND_SENTENCES_HINT = (
    "Read the text for the sentences in which someone insists on something or asks for it "
    "('demands', 'insisted on', 'calls for'). A term written into a plan, or something a party "
    "offers to give up, is not a demand."
)
TOP_PARTY_HINT = (
    "Go through the terms one by one and note who puts each forward: who insists on it, who "
    "offers it, or who drew up the plan it belongs to. Who comes up most often?"
)


# --- the exercises --------------------------------------------------------------------------


Names(
    "demands.core-places",
    "Which places does Vladimir Putin demand that Ukraine withdraw from? Set `answer` to the "
    "places named in the demands whose party_id is 'putin'.",
    answer=putin_places,
    noun="places",
    candidates=_all_places,
    mistakes=lambda art: _place_mistakes(art, putin_places(art)),
    evidence=_place_evidence(_putin_rows),
    needs=("course-article",),
    hints=[
        _core_places_hint,
        "Keep the rows of `art.demands` whose `party_id` is 'putin', then read their `places`.",
        "The `places` column holds a list per row; `.explode('places')` gives each place its "
        "own row, as in the worked example.",
    ],
    explanation="Paragraph 8: 'that Ukraine withdraw its forces from the remaining parts of the "
    "Donetsk and Luhansk regions'.",
)

Names(
    "demands.plan-withdrawals",
    "Under the 20-point plan (document_id 'twenty-point-plan'), which regions would Russian "
    "forces (addressee_id 'russian-forces') be required to leave?",
    answer=plan_withdrawal_places,
    noun="regions",
    candidates=_all_places,
    mistakes=lambda art: _place_mistakes(art, plan_withdrawal_places(art), "twenty-point-plan"),
    evidence=_place_evidence(_plan_withdrawal_rows),
    needs=("course-article",),
    hints=[
        _plan_withdrawals_hint,
        "Two conditions at once: the term belongs to the plan (`document_id`) and Russian "
        "forces are to act (`addressee_id`). Join them with `&`, each in brackets.",
        "`art.demands[(art.demands.document_id == 'twenty-point-plan') & "
        "(art.demands.addressee_id == 'russian-forces')]`, then explode its `places`.",
    ],
    explanation="Paragraph 10: 'Russian forces would be required to withdraw from the "
    "Dnipropetrovsk, Mykolaiv, Sumy, and Kharkiv regions'.",
    points=2,
)


def _condition_mistakes(art) -> dict[str, str]:
    messages = {}
    for row in art.demands[art.demands.condition.notna()].itertuples(index=False):
        messages[row.demand_id] = (
            "that is the id of the term; the task asks for its condition, in the `condition` "
            "column."
        )
        messages[row.text] = (
            "that is the whole term. The condition is only the part that says when it would "
            "apply ('only if ...')."
        )
        words = str(row.condition).split(" ")
        for cut in (1, 2):  # the condition without its first words ("only if")
            messages[" ".join(words[cut:])] = (
                f"nearly: give the condition with its first words, as printed: "
                f"'{' '.join(words[:cut])} ...'."
            )
        for cut in (1, 2):  # only the cue words that open it ("only if")
            messages.setdefault(
                " ".join(words[:cut]),
                f"'{' '.join(words[:cut])}' are the words that open the condition; the "
                "condition is the whole clause they open, up to the end of the term, as printed.",
            )
    return messages


def _condition_candidates(art) -> list[str]:
    rows = art.demands[art.demands.condition.notna()]
    shortened = [" ".join(str(c).split(" ")[cut:]) for c in rows.condition for cut in (1, 2)]
    openings = [" ".join(str(c).split(" ")[:cut]) for c in rows.condition for cut in (1, 2)]
    return list(rows.demand_id) + list(rows.text) + shortened + openings


Item(
    "demands.condition",
    "One term in the article comes with a condition. Set `answer` to the condition, as printed.",
    answer=lambda art: conditions(art),
    noun="conditions",
    candidates=_condition_candidates,
    mistakes=_condition_mistakes,
    hints=[
        CONDITION_HINT,
        "The `condition` column is empty (None) for most rows; `.notna()` keeps the others.",
        "`art.demands[art.demands.condition.notna()].condition` holds the condition; take its "
        "first value with `.iloc[0]`.",
    ],
    explanation="A condition changes a promise: Ukraine's pull-back would only happen if "
    "Russia moved too.",
    needs=("course-article", "conditional-demand"),
)


def _kind_mistakes(art) -> dict[str, str]:
    names = _names(art)
    messages = {}
    for row in art.demands.itertuples(index=False):
        document = _given(row.document_id)
        if row.kind == "demand" and document:
            why = (
                f"it is part of {names.get(document, document)}, but the text presents it as "
                f"something {_who(art, row)} asks for: a demand."
            )
        elif row.kind == "demand":
            why = f"{_who(art, row)} insists on it, and it belongs to no plan: a demand."
        elif row.kind == "proposal_term":
            plan = names.get(document, document) if document else "a plan"
            why = f"it is written into {plan}: a proposal term."
        elif row.kind == "offer":
            why = f"{_who(art, row)} would give something up here: an offer."
        else:
            continue
        messages[row.demand_id] = why
    return messages


Classify(
    "demands.kinds",
    "Label each term of `art.demands` with its kind, reading its text: 'demand' (a party insists "
    "on it or asks for it), 'proposal_term' (a term written into a plan) or 'offer' (a party "
    "would give something). Give a dict such as {'d01': 'demand', ...}.",
    answer=lambda art: dict(zip(art.demands.demand_id, art.demands.kind, strict=True)),
    labels=KINDS,
    vocab="demands",
    noun="terms",
    columns=("demand_id", "kind"),
    mistakes=_kind_mistakes,
    needs=("demands",),
    hints=[
        "Ask of each term: does someone insist on it, is it written into a plan, or does "
        "someone offer to give something?",
        lambda art: (
            "Read the sentence around each term in the article, e.g. with `art.sentences["
            f"art.sentences.sentence_id == '{art.demands.sentence_id.iloc[0]}'].text`."
        ),
    ],
    points=2,
)


def _no_addressee_mistakes(art) -> dict[float, str]:
    demands = art.demands
    expected = int(demands.addressee_id.isna().sum())
    options = {
        int(demands.party_id.isna().sum()): "that counts the terms with no `party_id` (who asks); "
        "the task is about `addressee_id` (who is to act).",
        len(demands): "that counts every term; keep only those whose `addressee_id` is missing.",
        int(demands.addressee_id.notna().sum()): "that counts the terms that do name who is to "
        "act; the task asks for those that do not.",
    }
    messages = {n: why for n, why in options.items() if n != expected}
    for n in range(len(demands) + 1):  # any other count: too few or too many, and why
        if n != expected and n not in messages:
            messages[n] = _miscount(n < expected)
    return messages


def _miscount(too_few: bool) -> str:
    if too_few:
        return (
            "too few: some terms with no addressee were left out. Counting by eye misses "
            "some: let `.isna()` find every missing `addressee_id`, whatever the term's kind."
        )
    return (
        "too many: some terms you counted do name who is to act. Count the missing values "
        "of `addressee_id` only, not of `party_id` or `document_id`."
    )


Number(
    "demands.no-addressee",
    "For how many terms does the text not say who is to act (their `addressee_id` is missing)?",
    answer=lambda art: art.demands.addressee_id.isna().sum(),
    noun="terms with no addressee",
    mistakes=_no_addressee_mistakes,
    needs=("demands",),
    hints=[
        _no_addressee_hint,
        "A missing value shows as None; `.isna()` gives True for each missing one.",
        "`art.demands.addressee_id.isna().sum()` counts the True values.",
    ],
    explanation="Read their `note` column: it says what the text leaves open.",
)

Choice(
    "demands.guarantees",
    "The plan 'includes security guarantees sought by Kyiv' (paragraph 5), yet this term has no "
    "addressee_id. Why?",
    options={
        "a": "The annotator forgot to fill it in.",
        "b": "The text does not say who would give the guarantees.",
        "c": "Ukraine would guarantee its own security, so no one else is asked.",
        "d": "The United States would give them: the plan is U.S.-Ukrainian.",
    },
    answer="b",
    feedback={
        "a": "An empty value can be a finding: the `note` column of the row says why it is empty.",
        "b": "'Security guarantees sought by Kyiv' names who asks, Kyiv, and nobody who would "
        "give them. A reader may guess; the text does not say.",
        "c": "'Sought by Kyiv' means Kyiv asks for them: a guarantee is given by someone else.",
        "d": "That is a guess from the plan's name. The plan is 'U.S.-Ukrainian', but no sentence "
        "says the United States would give the guarantees.",
    },
    hints=[
        "Read the row of the guarantees in `art.demands`, with its `note` column.",
        "Re-read paragraph 5: which actor does the sentence name, and in what role?",
    ],
    needs=("course-article",),
)

Choice(
    "demands.nato",
    "Putin demands 'that NATO membership be ruled out' (paragraph 8). According to the article, "
    "who would rule it out?",
    options={
        "a": "Ukraine",
        "b": "NATO",
        "c": "The United States",
        "d": "The text does not say",
    },
    answer="d",
    feedback={
        "a": "Paragraph 3 suggests it is about Ukraine's membership (the October proposal would "
        "have had Ukraine 'abandon any path to NATO membership'). But the demand is in the "
        "passive, 'be ruled out', and names no one who would rule it out.",
        "b": "NATO would admit members, but the sentence does not say NATO should rule anything "
        "out: 'that NATO membership be ruled out' names no actor.",
        "c": "The United States is not named in this sentence at all.",
        "d": "The passive 'be ruled out' hides who would act, and the text does not even say "
        "whose membership. That is why its addressee_id is missing.",
    },
    hints=[
        "Find the sentence: who is the subject of 'be ruled out'?",
        "Look at the row of this demand in `art.demands`: its `addressee_id` and its `note`.",
    ],
    needs=("course-article",),
)

Choice(
    "demands.whose-fight",
    "Paragraph 9: Putin reiterated that position, 'saying Moscow could make some "
    '"accommodations," widely interpreted as potentially relinquishing limited territory in the '
    "Kharkiv and Zaporizhzhia regions, while remaining prepared to fight to fully occupy "
    "Donetsk.' Whose words are 'while remaining prepared to fight to fully occupy Donetsk'?",
    needs=("course-article",),  # its cells are seed-only
    options={
        "a": "Putin's: they end what he was 'saying'.",
        "b": "The unnamed observers': they end what was 'widely interpreted'.",
        "c": "The reporter's: a summary of Moscow's stance, added to the sentence.",
        "d": "The sentence allows each of these readings: a careful reader cannot tell, and "
        "should not report them as Putin's position for certain.",
        "e": "Putin's exact words: they come right after his quotation.",
    },
    answer="d",
    feedback={
        "a": "A defensible reading, and the one the kit's annotation records: 'Moscow could "
        "make some accommodations ... while remaining prepared to fight'. But the clause comes "
        "after 'widely interpreted as ...', so it can also continue the interpretation, or be "
        "the reporter's own words. The sentence does not settle it.",
        "b": "A defensible reading: the observers interpret his words as giving up some "
        "territory while remaining prepared to fight for Donetsk. But the clause could also "
        "end what Putin was saying, or be the reporter's summary. The sentence does not "
        "settle it.",
        "c": "A defensible reading: a participle clause at the end of a long sentence often "
        "carries the writer's summary. But nothing marks it as the reporter's rather than "
        "Putin's or the observers'. The sentence does not settle it.",
        "d": "Three readings fit the grammar: the end of what Putin was 'saying', part of "
        "what was 'widely interpreted', or the reporter's summary. No quotation marks and no "
        "second cue decide between them, so a careful reader says 'the article suggests' "
        "rather than 'Putin said'. The annotation has to choose one reading (Putin's, with a "
        "note); its count of Putin's quotes rests on that choice.",
        "e": "Only 'accommodations' is in quotation marks: that one word is his own. "
        "Everything else in the sentence is the reporter's wording.",
    },
    hints=[
        "Read the sentence aloud and ask what 'while remaining' attaches to: 'He reiterated', "
        "'Moscow could make', or 'widely interpreted as'?",
        "Look at quote q12 in `art.quotes` and its `note`: what does the annotation decide, "
        "and how sure is it?",
    ],
)

Reflection(
    "demands.reflection",
    "Compare the territory each side asks for. In a few sentences: which places does Putin "
    "demand, which does the 20-point plan ask Russia to leave, where do they overlap, and how "
    "sure can a reader be about Moscow's possible 'accommodations'?",
    model_answer=(
        "Putin demands that Ukraine withdraw from the remaining parts of Donetsk and Luhansk. "
        "The 20-point plan asks Russian forces to leave Dnipropetrovsk, Mykolaiv, Sumy and "
        "Kharkiv, and has Ukraine pull back from parts of Donetsk, a term of the plan with a "
        "condition: only if Russia withdrew from an equivalent area. Two regions are named on "
        "both sides. Donetsk, with opposite aims: Putin wants all of it, the plan a "
        "demilitarized zone. And Kharkiv: the plan asks Russia to leave it, and it is one of the "
        "places Moscow might give up as 'accommodations'. But Putin named no region: Kharkiv "
        "and Zaporizhzhia come from an interpretation by unnamed observers ('widely "
        "interpreted'), so a reader cannot be sure of them."
    ),
    min_words=35,
    ideas={
        "Putin's demand (Donetsk, Luhansk)": ["luhansk", "donetsk"],
        "the plan's regions": ["dnipropetrovsk", "mykolaiv", "sumy", "kharkiv"],
        "the condition": ["only if", "condition", "equivalent"],
        "the vague 'widely interpreted'": ["interpret", "unnamed", "vague", "not sure", "unclear"],
    },
    hints=[
        "Look at the demand map: one column per party, one row per place.",
        "Hover the Kharkiv and Zaporizhzhia cells of the map: who names those places, and on "
        "what evidence?",
    ],
    needs=("course-article",),
)


# --- who asks most, of whom, where ------------------------------------------------------------


def _count_terms(n: int) -> str:
    return f"{n} term{'' if n == 1 else 's'}"


def _party_mistakes(art) -> dict[str, str]:
    names, top = _names(art), top_parties(art)
    counts = art.demands.party_id.value_counts()
    best = _count_terms(int(counts.max())) if len(counts) else ""
    messages = {}
    for party, n in counts.items():
        if party not in top:
            messages[party] = (
                f"{names.get(party, party)} has {_count_terms(int(n))}; the most is {best}."
            )
    for addressee in art.demands.addressee_id.dropna().unique():
        if addressee not in counts.index:
            messages.setdefault(
                addressee,
                f"{names.get(addressee, addressee)} is asked to act (`addressee_id`) but asks "
                "for nothing: count the `party_id` column.",
            )
    return messages


Names(
    "demands.top-party",
    "Which party asks for or offers the most terms (the `party_id` that comes up most often)? "
    "If several parties tie, give them all.",
    answer=top_parties,
    vocab="actors",
    noun="parties",
    column="party_id",
    mistakes=_party_mistakes,
    needs=("demands",),
    hints=[
        TOP_PARTY_HINT,
        "Each row is one term; `party_id` says who asks or offers.",
        "`art.demands.party_id.value_counts()` counts the terms of each party, most first. "
        "Keep every party whose count equals the largest one.",
    ],
    explanation=lambda art: (
        "Counting the terms shows who drives the asking in this article: "
        + ", ".join(
            f"{_names(art).get(p, p)} ({_count_terms(int(n))})"
            for p, n in art.demands.party_id.value_counts().items()
        )
        + "."
    ),
)


def _addressee_mistakes(art) -> dict[str, str]:
    names, wanted = _names(art), set(demand_addressees(art))
    messages = {}
    for row in art.demands.sort_values("start").itertuples(index=False):
        party, addressee = _given(row.party_id), _given(row.addressee_id)
        if party and party not in wanted:
            messages.setdefault(
                party,
                f"{names.get(party, party)} asks or offers in {row.demand_id} (`party_id`); the "
                "task asks who is to act (`addressee_id`).",
            )
        if addressee and addressee not in wanted:
            messages.setdefault(
                addressee,
                f"{names.get(addressee, addressee)} is to act in {row.demand_id}, "
                f"{_a_kind(row.kind)}; the task asks about the demands (kind 'demand') only.",
            )
    return messages


def _addressee_evidence(art) -> dict[str, Evidence]:
    found = {}
    for row in art.demands[art.demands.kind == "demand"].sort_values("start").itertuples():
        if _given(row.addressee_id):
            where = f"{row.demand_id} (paragraph {_paragraph_of(art, row.sentence_id)})"
            found.setdefault(row.addressee_id, Evidence(where, row.text))
    return found


Names(
    "demands.addressees",
    "Of whom is something demanded? Give the actor_ids of those asked to act (`addressee_id`) "
    "in the demands (kind 'demand') that name one.",
    answer=demand_addressees,
    vocab="actors",
    noun="addressees",
    column="addressee_id",
    mistakes=_addressee_mistakes,
    evidence=_addressee_evidence,
    needs=("demands",),
    hints=[
        _addressees_hint,
        "Two conditions: the kind is 'demand', and the `addressee_id` is given (`.notna()`). "
        "Join them with `&`, each in brackets, as in the worked example.",
        "`art.demands[(art.demands.kind == 'demand') & art.demands.addressee_id.notna()]`, then "
        "read its `addressee_id` column (`.unique()` drops the repeats).",
    ],
    explanation="The addressee is who the demand is put to: the one who would have to act.",
)


def _sentence_mistakes(art) -> dict[str, str]:
    wanted = set(demand_sentences(art))
    messages = {}
    for row in art.demands.sort_values("start").itertuples(index=False):
        if row.sentence_id not in wanted:
            messages.setdefault(
                row.sentence_id,
                f"that sentence holds {row.demand_id}, {_a_kind(row.kind)}, not a demand: "
                f"'{row.text}'.",
            )
    return messages


Names(
    "demands.sentences",
    "In which sentences is a demand made (a term of kind 'demand')? Give their sentence_ids.",
    answer=demand_sentences,
    vocab="sentences",
    noun="sentences",
    column="sentence_id",
    mistakes=_sentence_mistakes,
    needs=("demands",),
    hints=[
        DEMAND_SENTENCES_HINT,
        "Keep the rows of kind 'demand'; each has a `sentence_id`.",
        "`art.demands[art.demands.kind == 'demand'].sentence_id.unique()`; then read those "
        "sentences in `art.sentences` to see how each demand is worded.",
    ],
    explanation="Reading the whole sentence shows how the demand is put: its verb, and who "
    "the reporter says is asking.",
)


def _conditional_mistakes(art) -> dict[str, str]:
    return {
        row.demand_id: f"it comes with no condition (its `condition` is None): '{row.text}'."
        for row in art.demands[art.demands.condition.isna()].itertuples(index=False)
    }


def _conditional_evidence(art) -> dict[str, Evidence]:
    return {
        row.demand_id: Evidence(f"{row.demand_id}'s condition", row.condition)
        for row in art.demands[art.demands.condition.notna()].itertuples(index=False)
    }


Names(
    "demands.conditional",
    "Which terms come with a condition ('only if ...', 'provided that ...')? Give their "
    "demand_ids.",
    answer=lambda art: list(art.demands.loc[art.demands.condition.notna(), "demand_id"]),
    vocab="demands",
    noun="terms",
    column="demand_id",
    mistakes=_conditional_mistakes,
    evidence=_conditional_evidence,
    needs=("conditional-demand",),
    hints=[
        CONDITIONAL_HINT,
        "The `condition` column is None for a term with no condition; `.notna()` keeps the others.",
        "`art.demands[art.demands.condition.notna()].demand_id`.",
    ],
    explanation=lambda art: (
        "A condition makes a term half a promise: "
        + "; ".join(
            f"{row.demand_id} holds only '{row.condition}'"
            for row in art.demands[art.demands.condition.notna()].itertuples(index=False)
        )
        + "."
    ),
)
