"""Exercises of lesson 06, "Machine vs careful reader": a naive quote finder and the machine
draft (``kitlib.draft``) set against the careful annotation of the loaded article.

The helpers the lesson shows (no answers in them):

- ``naive_misses(art)``: the annotated quotes the naive finder of lesson 03 does not find;
- ``cue_rule(art, verbs)``: a better rule whose list of reporting verbs a student writes;
- ``rule_report(art, verbs)``: what that rule catches and still misses, in words;
- ``machine_comparison(art)``: ``kitlib.compare`` of the machine draft with the annotation.

Every reference answer is computed from the loaded article, so the lesson works on any
annotated article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from kitlib.display import wrap
from kitlib.framework import Classify, Exercise, Names, Number, Reflection
from kitlib.framework.compare import (
    Evidence,
    Verdict,
    listing,
    per_article,
    plural,
    read_items,
    right,
    show,
    wrong,
)
from kitlib.lessons.l03_quotes import NAIVE_VERBS, QUOTED, naive_quotes

# --- the naive finder's misses, and their causes ----------------------------------------------

# The causes of a miss, in the order a student tries them: the first that fits is the cause.
CONTINUATION = "continuation"  # in quotation marks, but the verb is in an earlier sentence
OTHER_CUE = "other cue"  # the verb is not one of the finder's five
NESTED = "nested belief"  # the reported words say what someone else believes
NO_MARKS = "no quotation marks"  # a paraphrase after "said": nothing in quotation marks
NAIVE_CAUSES = [CONTINUATION, OTHER_CUE, NESTED, NO_MARKS]
CAUSE_MEANINGS = {
    CONTINUATION: "the words are in quotation marks, but the verb that introduces them is in "
    "an earlier sentence: the quotation goes on after “..., X said.”",
    OTHER_CUE: "the verb that introduces the words is not one of the rule's five "
    "(said, says, say, saying, told)",
    NESTED: "the reported words themselves say what someone else believes, thinks or wants "
    "(“analysts say Moscow believes ...”): two layers of attribution",
    NO_MARKS: "a paraphrase: the reporter's words, with no quotation marks for the rule to see",
}
# Verbs of believing: reported words holding one of them report a belief of a third party.
BELIEF = re.compile(
    r"\b(?:believes?|believed|thinks?|thought|views?|viewed|sees|expects?|expected|considers?|"
    r"feels?|hopes?|fears?|wants?|doubts?|assumes?)\b",
    re.IGNORECASE,
)


def _sentence(art, sentence_id: str):
    return art.sentences.set_index("sentence_id").loc[sentence_id]


def _cue_in_sentence(art, quote) -> bool:
    sentence = _sentence(art, quote.sentence_id)
    return sentence.start <= quote.cue_start < sentence.end


def _is_naive_cue(cue: str) -> bool:
    return bool(NAIVE_VERBS.fullmatch(str(cue).strip()))


def naive_cause(art, quote) -> str:
    """Why the naive finder misses ``quote`` (a row of ``art.quotes``): the first cause of
    NAIVE_CAUSES that fits."""
    if quote.kind in ("direct", "partial"):
        return OTHER_CUE if _cue_in_sentence(art, quote) else CONTINUATION
    if not _is_naive_cue(quote.cue):
        return OTHER_CUE
    return NESTED if BELIEF.search(quote.text) else NO_MARKS


def naive_misses(art):
    """The annotated quotes the naive finder of lesson 03 does not find (no overlap with any
    of its finds), with the sentence each one is in. The cause is left for the student."""
    found = naive_quotes(art)
    missed = [
        not ((found.start < q.end) & (found.end > q.start)).any()
        for q in art.quotes.itertuples(index=False)
    ]
    table = art.quotes[missed][["quote_id", "sentence_id", "cue", "text"]].copy()
    return table.reset_index(drop=True)


@per_article
def _naive_causes(art) -> dict[str, str]:
    missed = set(naive_misses(art).quote_id)
    return {
        q.quote_id: naive_cause(art, q)
        for q in art.quotes.itertuples(index=False)
        if q.quote_id in missed
    }


def _naive_recall(art) -> float:
    total = len(art.quotes)
    return (total - len(naive_misses(art))) / total if total else float("nan")


def _recall_mistakes(art) -> dict[float, str]:
    total, missed = len(art.quotes), len(naive_misses(art))
    found = total - missed
    recall = _naive_recall(art)
    messages = {
        float(found): f"that is how many quotes the rule found ({found}); recall divides it by "
        f"the number of quotes in the annotation ({total}).",
        float(missed): f"that is how many it missed; recall counts what it found, out of all "
        f"{total} quotes.",
        float(round(100 * (1 - recall))): "that is the share it missed; recall is the share "
        "it found.",
        round(recall, 2): "that is the share between 0 and 1; give it as a percentage (× 100).",
    }
    finds = len(naive_quotes(art))
    if finds and round(100 * found / finds) != round(100 * recall):
        messages[float(round(100 * found / finds))] = (
            "that divides by the rule's own finds: that is its precision (how many of its "
            "finds are quotes). Recall divides by the quotes of the annotation."
        )
    return messages


Number(
    "machine.naive-recall",
    "What is the naive finder's recall: the share of the annotation's quotes that it finds "
    "(found ÷ all quotes)? Give it as a percentage, rounded to a whole number.",
    answer=lambda art: round(100 * _naive_recall(art)),
    tolerance=1,
    noun="percent of the quotes found",
    mistakes=_recall_mistakes,
    needs=("direct-quotes",),
    hints=[
        "Recall asks: of all the quotes a careful reader marked, how many did the rule find?",
        "`len(art.quotes)` counts all the quotes and `len(misses)` the ones it missed; "
        "recall is (all − missed) ÷ all, and × 100 makes it a percentage.",
    ],
    explanation="Recall counts what a tool finds of what is there; precision, how many of "
    "its finds are right. A tool can be precise and still miss most of the quotes.",
)


def _cause_mistakes(art) -> dict[str, str]:
    return {
        q.quote_id: CAUSE_MEANINGS[cause] + _cause_detail(art, q, cause)
        for q in art.quotes.itertuples(index=False)
        if (cause := _naive_causes(art).get(q.quote_id))
    }


def _cause_detail(art, quote, cause: str) -> str:
    verb = f"“{quote.cue}”"
    if cause == CONTINUATION:
        return f" (here {verb}, in the sentence before)."
    if cause == OTHER_CUE:
        return f" (here {verb})."
    if cause == NESTED:
        belief = BELIEF.search(quote.text).group(0)
        return f" (here {verb} introduces “{belief}”)."
    return f" (here {verb}, then the reporter's words)."


def _quote_evidence(art) -> dict[str, Evidence]:
    return {
        q.quote_id: Evidence(f"sentence {q.sentence_id}", _sentence(art, q.sentence_id).text)
        for q in art.quotes.itertuples(index=False)
    }


Classify(
    "machine.naive-causes",
    "Why does the naive finder miss each quote of the table above? Give each miss the first "
    f"cause in this list that fits: {listing(show(c) for c in NAIVE_CAUSES)}. A dict such as "
    "{'q01': 'other cue', ...}, or the table with a `cause` column.",
    answer=_naive_causes,
    labels=NAIVE_CAUSES,
    vocab="quotes",
    noun="missed quotes",
    columns=("quote_id", "cause"),
    mistakes=_cause_mistakes,
    evidence=_quote_evidence,
    needs=("direct-quotes",),
    hints=[
        "Read each sentence and ask the questions in order: are the words in quotation marks, "
        "with the verb in an earlier sentence? Is the verb one of the rule's five? Do the "
        "reported words say what someone else believes? Else: no quotation marks.",
        "Check the verb first: `misses.cue` holds it. A quote whose verb is not said, says, "
        "say, saying or told is an 'other cue' (unless its verb is in an earlier sentence).",
    ],
    explanation="Each cause asks for a different repair: a longer list of verbs, a look at "
    "the sentence before, and rules for reported speech without quotation marks.",
    points=2,
)


# --- a better rule: the student's list of verbs ----------------------------------------------

AFTER_VERB = re.compile(r"^[\s,]*(?:that\s+|on\s+)?")


def _verb_pattern(verbs: list[str]) -> re.Pattern | None:
    words = sorted({v.strip().lower() for v in verbs if v.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def cue_rule(art, verbs):
    """The better rule, with the reporting verbs a student lists:

    1. in a sentence with one of ``verbs``: the words in quotation marks; if there are none,
       the words after the verb to the end of the sentence (reported speech);
    2. in a sentence with quotation marks but none of the verbs, right after a sentence where
       the rule found a quote: the words in quotation marks (the quotation goes on).

    Returns one row per find: sentence_id, start, end, text (as ``naive_quotes`` does)."""
    import pandas as pd

    pattern = _verb_pattern([str(v) for v in verbs])
    rows, found_before = [], False
    for s in art.sentences.itertuples(index=False):
        verb = pattern.search(s.text) if pattern else None
        quoted = list(QUOTED.finditer(s.text))
        spans = []
        if quoted and (verb or found_before):
            spans = [(m.start(1), m.end(1)) for m in quoted]
        elif verb:
            start = verb.end() + AFTER_VERB.match(s.text[verb.end() :]).end()
            end = len(s.text.rstrip().rstrip(".?!"))
            spans = [(start, end)] if end > start else []
        rows += [(s.sentence_id, s.start + a, s.start + b, s.text[a:b]) for a, b in spans]
        found_before = bool(spans)
    return pd.DataFrame(rows, columns=["sentence_id", "start", "end", "text"])


@dataclass
class RuleResult:
    """What a rule does on an article: which quotes it catches, misses, and its false finds."""

    caught: list[str]
    missed: list[str]
    false_finds: list[str]  # texts of finds that overlap no annotated quote
    total: int

    @property
    def recall(self) -> float:
        return len(self.caught) / self.total if self.total else float("nan")


def run_rule(art, verbs) -> RuleResult:
    finds = cue_rule(art, verbs)
    caught, missed = [], []
    for q in art.quotes.itertuples(index=False):
        hit = ((finds.start < q.end) & (finds.end > q.start)).any()
        (caught if hit else missed).append(q.quote_id)
    false_finds = [
        f.text
        for f in finds.itertuples(index=False)
        if not ((art.quotes.start < f.end) & (art.quotes.end > f.start)).any()
    ]
    return RuleResult(caught, missed, false_finds, len(art.quotes))


def annotation_cues(art) -> list[str]:
    """The reporting verbs of the annotation, in lower case, each once: the list a careful
    reader would write for this article."""
    return sorted({str(c).strip().lower() for c in art.quotes.cue})


def rule_report(art, verbs) -> str:
    """In words: how many quotes the rule with ``verbs`` finds, which it misses, and its
    false finds (finds that are not quotes)."""
    verbs = read_items(verbs, "cue")
    if isinstance(verbs, Verdict):  # the stub `...`, or something that is not a list
        return wrap(
            "No list of verbs yet: write one, such as ['said', 'insisted'], and run the cell."
        )
    result = run_rule(art, verbs)
    cues = dict(zip(art.quotes.quote_id, art.quotes.cue, strict=True))
    lines = [
        f"The rule finds {len(result.caught)} of {plural(result.total, 'quotes')} "
        f"(recall {result.recall:.2f})."
    ]
    if result.missed:
        missed = listing((f"{q} (“{cues[q]}”)" for q in result.missed), limit=8)
        lines.append(f"Still missed: {missed}.")
    if result.false_finds:
        shown = listing((f"“{_clip(t)}”" for t in result.false_finds), limit=3)
        lines.append(f"Finds that are not quotes: {shown}.")
    return wrap("\n".join(lines))


def _clip(text: str, limit: int = 50) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@per_article
def _best(art) -> RuleResult:
    return run_rule(art, annotation_cues(art))


@dataclass(eq=False, kw_only=True)
class RuleExercise(Exercise):
    """A list of reporting verbs for ``cue_rule``: right when the rule with them finds as
    many quotes as the rule with the annotation's own verbs, with no more false finds.

    The feedback names the quotes the list now catches (beyond the naive finder) and those it
    still misses, with their verbs."""

    kind: ClassVar[str] = "rule"

    def compute(self, art) -> tuple[str, ...]:
        return tuple(annotation_cues(art))

    def solution(self, art) -> list[str]:
        return list(self.reference(art))

    def judge(self, answer: Any, art) -> Verdict:
        verbs = read_items(answer, "cue")
        if isinstance(verbs, Verdict):
            return verbs
        verbs = [v for v in verbs if v.strip()]
        if not verbs:
            return wrong("The list is empty; the task asks for reporting verbs.")
        odd = [v for v in verbs if not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", v.strip())]
        if odd:
            return wrong(
                f"{listing(show(v) for v in odd)}: give single words, such as 'said' or "
                "'insisted' (the rule adds nothing else)."
            )
        mine, best = run_rule(art, verbs), _best(art)
        naive = set(_naive_causes(art))
        cues = dict(zip(art.quotes.quote_id, art.quotes.cue, strict=True))
        now = [q for q in mine.caught if q in naive]
        caught = f"It now catches {plural(len(now), 'quotes')} the naive finder missed"
        caught += f" ({listing(now, limit=8)})." if now else "."
        head = f"Your rule finds {len(mine.caught)} of {plural(mine.total, 'quotes')}. {caught}"
        if len(mine.caught) >= len(best.caught) and len(mine.false_finds) <= len(best.false_finds):
            beyond = [q for q in mine.missed]
            rest = (
                f" Still missed, by any list of verbs: {listing(beyond, limit=8)}."
                if beyond
                else ""
            )
            return right(self.praise(head + rest, art))
        lines, nudge = [head], [head]
        unheard = [q for q in mine.missed if q in best.caught]
        if unheard:
            verbs_needed = sorted({cues[q].lower() for q in unheard})
            lines.append(
                f"Still missed, though a verb would catch them: "
                f"{listing((f'{q} (“{cues[q]}”)' for q in unheard), limit=8)}."
            )
            nudge.append(
                f"{plural(len(unheard), 'quotes')} would be caught with "
                f"{plural(len(verbs_needed), 'more verbs')}: read the verbs in the misses."
            )
        extra = len(mine.false_finds) - len(best.false_finds)
        if extra > 0:
            culprits = _culprits(art, verbs)
            lines.append(
                f"It also finds {plural(extra, 'more texts')} that are not quotes "
                f"(“{_clip(mine.false_finds[0])}”)"
                + (
                    f": {listing(show(v) for v in culprits)} {_verb_s(culprits)} more than "
                    "report speech here."
                    if culprits
                    else "."
                )
            )
            nudge.append("Some of the verbs also fire where nobody is quoted: a false find.")
        return wrong(" ".join(lines), nudge=" ".join(nudge))

    def last_hint(self, art) -> str:
        ref = self.reference(art)
        return (
            f"Nearly the answer: the annotation uses {plural(len(ref), 'verbs')}, in the `cue` "
            f"column; one of them is {show(ref[0])}."
        )


def _verb_s(verbs: list[str]) -> str:
    return "does" if len(verbs) == 1 else "do"


def _culprits(art, verbs: list[str]) -> list[str]:
    """The listed words that, alone, make a false find the annotation's verbs do not."""
    known = set(annotation_cues(art))
    found = []
    for verb in verbs:
        if verb.strip().lower() in known:
            continue
        if run_rule(art, [verb]).false_finds:
            found.append(verb)
    return found


RuleExercise(
    "machine.better-cues",
    "Write a better list of reporting verbs for the rule `cue_rule` (it also reads reported "
    "speech after a verb, and a quotation that goes on in the next sentence). Give the list; "
    "the check runs the rule with it.",
    needs=("direct-quotes",),
    hints=[
        "Read the verbs of the quotes the naive finder missed: which of them are not 'said'?",
        "`art.quotes.cue.str.lower().unique()` lists every verb of the annotation. A word "
        "that is not a reporting verb makes false finds.",
    ],
    explanation="A list of verbs only goes so far: the quotes still missed need a reader.",
    points=2,
)


# --- the machine draft against the careful annotation ----------------------------------------

TABLE_WORDS = {
    "paragraphs": "paragraphs of the text",
    "sentences": "sentences",
    "actors": "actors (people, groups, governments)",
    "mentions": "mentions of actors",
    "quotes": "quotes",
    "demands": "demands, offers and proposal terms",
    "claims": "claims",
    "figures": "figures (numbers)",
}


@per_article
def machine_comparison(art):
    """``kitlib.compare`` of the machine draft of ``art``'s text with its annotation."""
    from kitlib.comparison import compare
    from kitlib.draft import draft_article

    return compare(draft_article(art.text), art)


def _table_scores(art):
    scores = machine_comparison(art).scores
    return scores[~scores.table.str.startswith("quotes.") & (scores.careful > 0)]


def _lowest_recall(art) -> list[str]:
    scores = _table_scores(art)
    recall = scores.recall.round(2)
    return list(scores.table[recall == recall.min()])


def _table_mistakes(art) -> dict[str, str]:
    low = set(_lowest_recall(art))
    worst = _table_scores(art).recall.min()
    messages = {
        row.table: f"the machine finds {int(row.overlap)} of the {int(row.careful)} "
        f"{TABLE_WORDS[row.table]}, a recall of {row.recall:.2f}; the lowest is {worst:.2f}."
        for row in _table_scores(art).itertuples(index=False)
        if row.table not in low
    }
    for name in ("quotes.speaker", "quotes.kind"):
        messages[name] = (
            "that row is not a table: it checks the speakers (or kinds) of the quotes the "
            "machine did find."
        )
    return messages


Names(
    "machine.lowest-recall",
    "In the comparison table, which table of the annotation does the machine draft miss the "
    "most of (the lowest recall, to two decimals)? Give its name (several, if they tie).",
    answer=_lowest_recall,
    noun="tables",
    column="table",
    candidates=lambda art: list(TABLE_WORDS) + ["quotes.speaker", "quotes.kind"],
    mistakes=_table_mistakes,
    hints=[
        "Recall is the share of the careful reader's items that the machine found too.",
        "`scores.sort_values('recall')` puts the lowest first; leave out the rows "
        "'quotes.speaker' and 'quotes.kind', which are not tables.",
    ],
    explanation="Finding a quote in quotation marks is a rule; deciding who an actor is, or "
    "what counts as a demand, is judgement.",
)


def _speaker_pairs(art):
    return machine_comparison(art).quote_pairs


def _wrong_speakers(art) -> int:
    pairs = _speaker_pairs(art)
    return int((~pairs.speaker_right.astype(bool)).sum()) if len(pairs) else 0


def _speaker_mistakes(art) -> dict[float, str]:
    c = machine_comparison(art)
    pairs = c.quote_pairs
    messages = {
        float(len(c.misses("quotes"))): "that is the number of quotes the machine missed; "
        "the task asks about the quotes it found, with another speaker.",
        float(len(c.extras("quotes"))): "that is the number of the machine's extra finds, "
        "which have no quote of the annotation to compare with.",
        float(len(pairs)): "that is every quote the machine found; count only those whose "
        "speaker is not the careful reader's (`speaker_right` is False).",
    }
    if len(pairs):
        messages.setdefault(
            float((~pairs.kind_right.astype(bool)).sum()),
            "that counts the quotes of another kind; the task asks about speakers.",
        )
    messages.pop(float(_wrong_speakers(art)), None)
    return messages


Number(
    "machine.wrong-speakers",
    "Of the quotes the machine draft found (the rows of `pairs`), how many have a speaker "
    "other than the careful reader's?",
    answer=_wrong_speakers,
    noun="of the found quotes with another speaker",
    mistakes=_speaker_mistakes,
    needs=("direct-quotes",),
    hints=[
        "Read the quotes both readers found side by side: where does the machine name "
        "someone else as the speaker, after a pronoun or in a continuation sentence?",
        "Each row of `pairs` is one quote found by both; compare the two speaker columns.",
        "`speaker_right` is True where they agree: `(~pairs.speaker_right).sum()` counts "
        "the others.",
    ],
    explanation="A speaker is right when the two annotations point at the same words for "
    "that actor; the ids differ, since the machine makes its own.",
)


def _quote_misses(art) -> list[str]:
    return list(machine_comparison(art).misses("quotes").quote_id)


def _found_quote_mistakes(art) -> dict[str, str]:
    pairs = machine_comparison(art).quote_pairs
    return {
        row.careful_quote: f"the machine found it (its {row.machine_quote}, "
        f"“{_clip(row.text, 40)}”)."
        for row in pairs.itertuples(index=False)
    }


Names(
    "machine.quote-misses",
    "Which quotes of the careful annotation does the machine draft miss? Give their quote_ids "
    "(an empty list if it misses none).",
    answer=_quote_misses,
    vocab="quotes",
    noun="quotes",
    column="quote_id",
    mistakes=_found_quote_mistakes,
    empty_ok=True,
    needs=("direct-quotes",),
    hints=[
        "A miss is a quote of the annotation that no quote of the draft overlaps.",
        "`comparison.misses('quotes')` lists them; read its `quote_id` column.",
    ],
    explanation="These are the quotes an instructor adds by hand after reading the draft.",
)


# Why the machine draft misses a quote: the first cause that fits.
SECOND = "second quote in its sentence"
NOT_PERSON = "speaker not a person"
# Why it gives a found quote another speaker.
PRONOUN = "pronoun speaker"
INSTITUTION = "institution for a person"
DRAFT_CAUSES = [CONTINUATION, OTHER_CUE, SECOND, NOT_PERSON, NESTED, PRONOUN, INSTITUTION, "other"]
DRAFT_MEANINGS = {
    CONTINUATION: CAUSE_MEANINGS[CONTINUATION],
    OTHER_CUE: "its verb is not in the machine's list of reporting verbs",
    SECOND: "its sentence holds another quote that the machine did find: once the rule has "
    "one quote there, it stops looking",
    NOT_PERSON: "its speaker is a government, a group or an organisation, which the rule "
    "for speakers does not look for",
    NESTED: CAUSE_MEANINGS[NESTED],
    PRONOUN: "the speaker is named in the sentence only by a pronoun (“he said”): the rule "
    "has to guess who “he” is",
    INSTITUTION: "the speaker is a person who speaks for an institution (“a spokesman for "
    "the government, X, said”): the rule took the institution",
    "other": "none of the causes above: read the rule in kitlib/draft to see why",
}


def machine_cue_words() -> list[str]:
    """The reporting verbs the machine draft looks for (its rules' list), in lower case."""
    from kitlib.draft.base import CUE_WORDS

    return sorted({w.lower() for w in CUE_WORDS})


def _machine_cues() -> set[str]:
    return set(machine_cue_words())


def comparison_figure(comparison):
    """``comparison.figure()`` with a one-line summary computed from its scores, for
    ``kitlib.plots.show`` (screen readers read the summary)."""
    fig = comparison.figure()
    tables = comparison.scores[
        ~comparison.scores.table.str.startswith("quotes.") & (comparison.scores.careful > 0)
    ]
    perfect = list(tables.table[tables.f1 == 1])
    worst = tables.loc[tables.f1.idxmin()]
    parts = [f"The machine draft matches every item of the {listing(perfect)}"] if perfect else []
    parts.append(
        f"its lowest F1 is on the {worst.table} ({worst.f1:.2f}: {int(worst.overlap)} of "
        f"{int(worst.careful)} found, {int(worst.extras)} extra)"
    )
    summary = "; ".join(parts) + "."
    fig.update_layout(meta={"summary": summary[0].upper() + summary[1:]})
    return fig


def draft_cause(art, quote) -> str:
    """Why the machine draft misses ``quote``: the first cause of DRAFT_CAUSES that fits."""
    if not _cue_in_sentence(art, quote):
        return CONTINUATION
    if str(quote.cue).strip().lower() not in _machine_cues():
        return OTHER_CUE
    c = machine_comparison(art)
    found = set(c.quote_pairs.careful_quote)
    same_sentence = art.quotes[art.quotes.sentence_id == quote.sentence_id].quote_id
    if found & set(same_sentence):
        return SECOND
    kinds = dict(zip(art.actors.actor_id, art.actors.kind, strict=True))
    if kinds.get(quote.speaker_id) != "person":
        return NOT_PERSON
    if BELIEF.search(quote.text):
        return NESTED
    return "other"


def speaker_cause(art, quote, machine_speaker: str) -> str:
    """Why the machine draft gives ``quote`` another speaker (``machine_speaker``, an actor of
    the draft): continuation, pronoun speaker, institution for a person, or other."""
    if not _cue_in_sentence(art, quote):
        return CONTINUATION
    here = art.mentions[
        (art.mentions.actor_id == quote.speaker_id)
        & (art.mentions.sentence_id == quote.sentence_id)
    ]
    if len(here) and set(here.form) == {"pronoun"}:
        return PRONOUN
    kinds = dict(zip(art.actors.actor_id, art.actors.kind, strict=True))
    machine = machine_comparison(art).machine.actors.set_index("actor_id").kind
    if kinds.get(quote.speaker_id) == "person" and machine.get(machine_speaker) != "person":
        return INSTITUTION
    return "other"


def wrong_speaker_quotes(comparison):
    """The quotes both annotations have whose speakers differ."""
    pairs = comparison.quote_pairs
    return pairs[~pairs.speaker_right.astype(bool)] if len(pairs) else pairs


@per_article
def _draft_causes(art) -> dict[str, str]:
    missed = set(_quote_misses(art))
    causes = {
        q.quote_id: draft_cause(art, q)
        for q in art.quotes.itertuples(index=False)
        if q.quote_id in missed
    }
    quotes = art.quotes.set_index("quote_id", drop=False)
    for pair in wrong_speaker_quotes(machine_comparison(art)).itertuples(index=False):
        quote = quotes.loc[pair.careful_quote]
        causes[pair.careful_quote] = speaker_cause(art, quote, pair.machine_speaker)
    return dict(sorted(causes.items(), key=lambda item: quotes.start[item[0]]))


def _draft_cause_mistakes(art) -> dict[str, str]:
    return {q: DRAFT_MEANINGS[cause] + "." for q, cause in _draft_causes(art).items()}


Classify(
    "machine.draft-causes",
    "Why does the machine draft miss each of these quotes, or give it another speaker? Give "
    "each the first cause in this list that fits: "
    f"{listing((show(c) for c in DRAFT_CAUSES), limit=8)}.",
    answer=_draft_causes,
    labels=DRAFT_CAUSES,
    vocab="quotes",
    noun="quotes",
    columns=("quote_id", "cause"),
    mistakes=_draft_cause_mistakes,
    evidence=_quote_evidence,
    needs=("direct-quotes",),
    hints=[
        "Read each quote in its sentence. Is its verb there? Is another quote of the same "
        "sentence found? Who speaks: a person, or a government or group? Is the speaker "
        "only a pronoun there?",
        "`pairs.careful_quote` lists the quotes the machine found; `art.actors` gives each "
        "speaker's `kind`.",
    ],
    explanation="Each cause is a rule an instructor can check first in a draft.",
)


def _review_model(art) -> str:
    """A model answer about this article's draft: its weakest table, a missed quote or
    actor by name, and what a careful reader checks first."""
    c, names = machine_comparison(art), dict(zip(art.actors.actor_id, art.actors.name, strict=True))
    low = _lowest_recall(art)[0]
    row = _table_scores(art).set_index("table").loc[low]
    lines = [
        f"I would check the {low} first: the machine finds only {int(row.overlap)} of "
        f"{int(row.careful)}, so every miss there is an item I must add by hand."
    ]
    missed = c.misses("quotes")
    if len(missed):
        q = missed.iloc[0]
        lines.append(
            f"It misses {names.get(q.speaker_id, q.speaker_id)}'s quote "
            f"“{_clip(q.text, 60)}” ({_draft_causes(art)[q.quote_id]}): I would look for "
            "more misses of that kind."
        )
    actors = c.misses("actors")
    if len(actors):
        lines.append(
            f"Among the actors it has no “{actors.name.iloc[0]}”: groups, organisations and "
            "unnamed speakers need a careful reader."
        )
    lines.append(
        "Then the speakers of the quotes, and the claims: the machine guesses a source from "
        "a verb, but whether a source is named, unnamed or the reporter is a judgement. A "
        "high score on paragraphs and sentences says little, since those are easy."
    )
    return " ".join(lines)


Reflection(
    "machine.review-first",
    "You are the instructor: the machine has drafted the annotation of this article. What "
    "would you check first in its draft, and why? Name at least one item of the article "
    "(a quote, a speaker, an actor) that the comparison shows it missed or got wrong.",
    model_answer=_review_model,
    min_words=25,
    ideas={
        "the weakest table": ["recall", "lowest", "worst", "miss"],
        "speakers of quotes": ["speaker", "who speaks", "continuation"],
        "unnamed groups and claims": ["unnamed", "group", "claim", "source"],
    },
    hints=[
        "Look at the comparison table: which numbers are lowest?",
        "Which mistakes would a reader of the draft most likely not notice?",
    ],
)


def quote_summary(comparison) -> str:
    """In words: how many quotes the draft found, missed and added, and how many of the found
    ones have another speaker or kind."""
    scores = comparison.scores.set_index("table")
    quotes, pairs = scores.loc["quotes"], comparison.quote_pairs
    other_speaker = int((~pairs.speaker_right.astype(bool)).sum()) if len(pairs) else 0
    other_kind = int((~pairs.kind_right.astype(bool)).sum()) if len(pairs) else 0
    return wrap(
        f"The draft finds {int(quotes.overlap)} of the {int(quotes.careful)} quotes of the "
        f"careful annotation ({int(quotes.exact)} with exactly the same span), misses "
        f"{int(quotes.misses)} and has {int(quotes.extras)} that the careful reader does not "
        f"count as quotes. Of the {len(pairs)} it finds, {other_speaker} "
        f"{'has' if other_speaker == 1 else 'have'} another speaker and {other_kind} another kind."
    )
