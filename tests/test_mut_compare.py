"""The answer readers of kitlib/framework/compare.py, one behaviour at a time.

Each test pins down what a reader returns for one shape of answer, so that a change to a
reader (a mutant of `make mutation`, or a real edit) shows up as a failing test here.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kitlib.framework import compare as c


def status(result) -> str | None:
    return result.status if isinstance(result, c.Verdict) else None


# --- verdicts --------------------------------------------------------------------------


def test_verdict_builders_set_status_message_evidence_and_nudge():
    assert c.right("ok", ["e1"]) == c.Verdict("correct", "ok", ("e1",))
    assert c.wrong("no", ["e2"], nudge="look again") == c.Verdict(
        "incorrect", "no", ("e2",), "look again"
    )
    assert c.wrong("no").nudge == "" and c.wrong("no").evidence == ()
    written = c.recorded("saved", ["e3"], checklist=["names a quote"])
    assert written == c.Verdict("recorded", "saved", ("e3",), checklist=("names a quote",))
    todo = c.not_answered()
    assert todo.status == "not_answered"
    assert todo.message == (
        "Not answered yet: replace the `...` with your answer and run the cell again."
    )
    assert todo.evidence == () and todo.nudge == "" and todo.checklist == ()


# --- text ------------------------------------------------------------------------------


class Loud(str):
    def __str__(self):
        raise RuntimeError("no")

    def strip(self, *args):
        raise RuntimeError("no")


class Unprintable:
    def __str__(self):
        raise ValueError("cannot")


def test_plain_turns_a_str_subclass_into_a_str_and_leaves_the_rest():
    value = c.plain(Loud("Peskov"))
    assert value == "Peskov" and type(value) is str
    assert c.plain(3) == 3 and c.plain("x") == "x"


def test_safe_str_never_raises_collapses_space_and_cuts_on_a_word():
    assert c.safe_str(Unprintable()) == "<a Unprintable that cannot be shown>"
    assert c.safe_str("a  b\n c") == "a b c"
    assert c.safe_str(12) == "12"
    assert c.safe_str("x" * 60) == "x" * 60  # exactly the limit: not cut
    assert c.safe_str("x" * 61) == "x" * 59 + "…"
    words = "one two three four five six seven eight nine ten eleven twelve"
    # 20 characters allowed: the cut ends at the last space at or after 2/3 of the limit.
    assert c.safe_str(words, limit=20) == "one two three four…"
    # No space near the end: the cut is mid-word rather than losing most of the text.
    assert c.safe_str("ab " + "c" * 30, limit=20) == "ab " + "c" * 16 + "…"
    assert c.safe_str("abcdefghijkl, mnopq", limit=14) == "abcdefghijkl…"
    assert c.safe_str("a" * 9 + " (" + "b" * 9, limit=12) == "a" * 9 + "…"


def test_safe_str_cut_point_is_two_thirds_of_the_limit():
    # limit 30: a space at index 20 (= 30*2//3) is near enough, one at 19 is not.
    at_20 = "a" * 20 + " " + "b" * 20
    assert c.safe_str(at_20, limit=30) == "a" * 20 + "…"
    at_19 = "a" * 19 + " " + "b" * 20
    assert c.safe_str(at_19, limit=30) == at_19[:29] + "…"


def test_norm_forgives_case_space_quotes_and_end_punctuation():
    assert c.norm("  'Peskov'. ") == "peskov"
    assert c.norm("“Kremlin”") == "kremlin"
    assert c.norm("The  Kremlin!?") == "the kremlin"
    assert c.norm('"p01".') == "p01"
    assert c.norm("«p01»,") == "p01"
    assert c.norm("ＡＢＣ") == "abc"  # NFKC: full-width letters
    assert c.norm("Straße") == "strasse"  # casefold, not lower
    assert c.norm(Loud("X")) == "x"
    # Cut at 400 characters; NFKC turns the ellipsis into "...", which end punctuation drops.
    assert c.norm("x" * 450) == "x" * 399


def test_show_quotes_the_value():
    assert c.show("Peskov") == "'Peskov'"
    assert c.show(None) == "'None'"


def test_plural_and_singular():
    assert c.plural(1, "paragraphs") == "1 paragraph"
    assert c.plural(2, "paragraphs") == "2 paragraphs"
    assert c.plural(0, "rows") == "0 rows"
    assert c.plural(1, "people") == "1 person"
    assert c.plural(1, "named sources") == "1 named source"
    assert c.singular("parties") == "party"
    assert c.singular("children") == "child"
    assert c.singular("news media") == "news medium"
    assert c.singular("women") == "woman"
    assert c.singular("quotes") == "quote"
    assert c.singular("press") == "pres"  # the rule drops one s; the kit's nouns are plurals


def test_all_of_names_one_row_without_all():
    assert c.all_of(3, "rows") == "All 3 rows"
    assert c.all_of(1, "rows") == "The one row"
    assert c.all_of(0, "rows") == "All 0 rows"
    assert c.all_of(1, "people") == "The one person"


def test_listing_joins_with_and_and_counts_the_rest():
    assert c.listing([]) == ""
    assert c.listing(["a"]) == "a"
    assert c.listing(["a", "b"]) == "a and b"
    assert c.listing(["a", "b", "c"]) == "a, b and c"
    assert c.listing(list("abcde")) == "a, b, c, d and e"
    assert c.listing(list("abcdefg")) == "a, b, c, d, e and 2 more"
    assert c.listing(list("abc"), limit=2) == "a, b and 1 more"
    assert c.listing(iter(["x", "y"])) == "x and y"


def test_describe_names_each_kind_of_answer():
    assert c.describe(None) == "None (nothing)"
    assert c.describe(True) == "the truth value True"
    frame = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    assert c.describe(frame) == "a table (DataFrame) with 2 rows and columns 'a' and 'b'"
    wide = pd.DataFrame([[1] * 6], columns=list("abcdef"))
    assert c.describe(wide) == (
        "a table (DataFrame) with 1 row and columns 'a', 'b', 'c', 'd' and 2 more"
    )
    assert c.describe(pd.Series([1])) == "a column (Series) with 1 value"
    assert c.describe({"a": 1, "b": 2}) == "a dict with 2 entries"
    assert c.describe("hi") == "the text 'hi'"
    assert c.describe(2.5) == "the number 2.5"
    assert c.describe([1, 2]) == "a list with 2 items"
    assert c.describe((1,)) == "a tuple with 1 item"
    assert c.describe({1}) == "a set with 1 item"
    assert c.describe(frozenset()) == "a frozenset with 0 items"
    assert c.describe(object()) == "a object"


def test_describe_survives_a_length_that_raises():
    class BadLen(list):
        def __len__(self):
            raise RuntimeError("no")

    assert c.describe(BadLen()) == "a BadLen"


# --- answer readers -----------------------------------------------------------------------


def test_is_missing():
    assert c.is_missing(None) and c.is_missing(pd.NA) and c.is_missing(pd.NaT)
    assert c.is_missing(float("nan")) and c.is_missing(np.float64("nan"))
    assert not c.is_missing(0) and not c.is_missing("nan") and not c.is_missing(1.5)
    assert not c.is_missing(complex(1, 1))  # not Real: never NaN


def test_split_text_reads_printed_lists_and_separators():
    assert c._split_text("['p01', 'p02']") == ["'p01'", " 'p02'"]
    assert c._split_text("(a; b)") == ["a", " b"]
    assert c._split_text("{a\nb}") == ["a", "b"]
    assert c._split_text("Peskov and Putin") == ["Peskov", "Putin"]
    assert c._split_text("Peskov & Putin") == ["Peskov", "Putin"]
    assert c._split_text("a,, '' ,b") == ["a", "b"]
    assert c._split_text("  Sandoval  ") == ["Sandoval"]
    assert c._split_text("[a") == ["[a"]  # not a printed list: the bracket stays
    assert c._split_text("brand") == ["brand"]  # "and" inside a word is not a separator


def test_scalar_item_gives_text_for_simple_values_only():
    assert c._scalar_item("p01") == "p01"
    assert c._scalar_item(True) is None and c._scalar_item(None) is None
    assert c._scalar_item(float("nan")) is None
    assert c._scalar_item(3) == "3" and c._scalar_item(np.int64(7)) == "7"
    assert c._scalar_item(3.0) == "3" and c._scalar_item(2.5) == "2.5"
    assert c._scalar_item(np.str_("s01")) == "s01"
    assert c._scalar_item(np.bool_(True)) is None
    assert c._scalar_item(["a"]) is None and c._scalar_item(object()) is None


def test_column_of_picks_the_named_column_the_index_or_the_only_one():
    frame = pd.DataFrame({"Speaker": ["a"], "n": [1]})
    assert list(c._column_of(frame, "speaker")) == ["a"]
    indexed = frame.set_index("Speaker")
    assert list(c._column_of(indexed, "Speaker")) == ["a"]
    assert list(c._column_of(frame[["n"]], "other")) == [1]
    verdict = c._column_of(frame, "actor")
    assert verdict.status == "incorrect"
    assert "the 'actor' column, e.g. `table['actor']`" in verdict.message
    assert "2 columns" not in verdict.message and "columns 'Speaker' and 'n'" in verdict.message
    assert "the task wants one column." in c._column_of(frame, None).message


def test_read_items_from_each_shape():
    assert status(c.read_items(...)) == "not_answered"
    assert c.read_items("p01, p02") == ["p01", " p02"]
    assert c.read_items(b"p01;p02") == ["p01", "p02"]
    assert c.read_items(b"\xff") == ["\ufffd"]
    assert c.read_items(["p01", 2, 3.0]) == ["p01", "2", "3"]
    assert c.read_items(("a",)) == ["a"]
    assert c.read_items(pd.Series(["a", None, "b"])) == ["a", "b"]
    assert c.read_items(pd.Index(["x"])) == ["x"]
    assert c.read_items(np.array(["s1", "s2"])) == ["s1", "s2"]
    assert c.read_items(x for x in ["g"]) == ["g"]
    assert c.read_items(5) == ["5"] and c.read_items("") == []
    assert c.read_items(pd.DataFrame({"id": ["q1"], "n": [1]}), column="ID") == ["q1"]


def test_read_items_explains_wrong_shapes():
    assert c.read_items(None).message == "This answer is None (nothing); the task wants a list."
    assert "the truth value True" in c.read_items(True).message
    mapping = c.read_items({"a": 1})
    assert mapping.message == (
        "This answer is a dict with 1 entry (it pairs keys with values); "
        "the task wants a plain list, e.g. `['p01', 'p02']`."
    )
    assert c.read_items(float("nan")).message == (
        "This answer is an empty value (NaN); the task wants a list."
    )
    assert c.read_items(pd.DataFrame({"a": [1], "b": [2]})).status == "incorrect"
    nested = c.read_items([["p01"]])
    assert nested.message == (
        "The list holds a list with 1 item; each item should be a name or an id "
        "written as text, e.g. `'p01'`."
    )
    assert c.read_items(object()).message == (
        "This answer is a object; the task wants a list of items."
    )


def test_read_items_stops_at_the_item_limit():
    assert len(c.read_items(["a"] * c.MAX_ITEMS)) == c.MAX_ITEMS
    too_many = c.read_items(["a"] * (c.MAX_ITEMS + 1))
    assert too_many.message == "This answer has more than 500 items; the task wants a few."

    def endless():
        while True:
            yield "a"

    assert status(c.read_items(endless())) == "incorrect"


def test_read_number_from_each_shape():
    assert status(c.read_number(...)) == "not_answered"
    assert c.read_number(3) == 3.0 and isinstance(c.read_number(3), float)
    assert c.read_number(np.int64(4)) == 4.0
    assert c.read_number(2.5) == 2.5
    assert c.read_number(" 1,200 ") == 1200.0
    assert c.read_number("1_000") == 1000.0
    assert c.read_number("Seven.") == 7.0
    assert c.read_number("twenty") == 20.0 and c.read_number("zero") == 0.0
    assert c.read_number(b"12") == 12.0
    assert c.read_number([5]) == 5.0 and c.read_number((6,)) == 6.0 and c.read_number({7}) == 7.0
    assert c.read_number(pd.Series([8], index=[3])) == 8.0
    assert c.read_number(pd.DataFrame({"n": [9]})) == 9.0
    assert c.read_number([["2"]]) == 2.0


def test_read_number_explains_wrong_shapes():
    assert c.read_number(True).message == (
        "This answer is the truth value True; the task wants a number."
    )
    many = c.read_number([1, 2])
    assert many.message == (
        "This answer is a list with 2 items; the task wants one number. "
        "`len(...)` counts rows, `.sum()` adds up a column."
    )
    assert status(c.read_number([])) == "incorrect"
    assert status(c.read_number(pd.DataFrame({"a": [1], "b": [2]}))) == "incorrect"
    assert status(c.read_number([None])) == "incorrect"
    assert c.read_number("many").message == (
        "This answer is the text 'many'; the task wants a number, e.g. `3`."
    )
    assert c.read_number(None).message == (
        "This answer is an empty value (NaN or None); the task wants a number."
    )
    assert "empty value" in c.read_number(float("nan")).message
    assert c.read_number(object()).message == "This answer is a object; the task wants a number."
    assert c.read_number(float("inf")).message == (
        "This answer is infinite; the task wants an ordinary number."
    )
    assert status(c.read_number("-inf")) is None  # text "-inf" is a float; not a student's case


def test_read_number_of_a_container_whose_length_raises():
    class BadLen(list):
        def __len__(self):
            raise RuntimeError("no")

    assert "one number" in c.read_number(BadLen([1])).message


SHAPE = (
    "the task wants a dict that pairs each item with its label, "
    "e.g. `{'s07': 'named', 's12': 'unnamed'}`"
)


def test_read_pairs_from_each_shape():
    assert status(c.read_pairs(...)) == "not_answered"
    assert c.read_pairs({"s07": "named", 3: 1.0}) == [("s07", "named"), ("3", "1")]
    assert c.read_pairs(pd.Series({"s1": "a"})) == [("s1", "a")]
    assert c.read_pairs([("s1", "a"), ["s2", "b"]]) == [("s1", "a"), ("s2", "b")]
    two = pd.DataFrame({"x": ["s1"], "y": ["a"]})
    assert c.read_pairs(two) == [("s1", "a")]
    three = pd.DataFrame({"Sentence": ["s1"], "n": [0], "Label": ["a"]})
    assert c.read_pairs(three, columns=("sentence", "label")) == [("s1", "a")]
    one = pd.DataFrame({"label": ["a"]}, index=pd.Index(["s1"], name="sentence"))
    assert c.read_pairs(one) == [("s1", "a")]
    assert c.read_pairs(one, columns=("sentence", "label")) == [("s1", "a")]


def test_read_pairs_explains_wrong_shapes():
    assert c.read_pairs("s1: a").message == f"This answer is the text 's1: a'; {SHAPE}."
    assert c.read_pairs(b"x").message == f"This answer is a bytes; {SHAPE}."
    assert c.read_pairs(4).message == f"This answer is the number 4; {SHAPE}."
    assert c.read_pairs(["ab"]).message == f"This answer is a list with 1 item; {SHAPE}."
    assert c.read_pairs([("a", "b", "c")]).message == f"This answer is a list with 1 item; {SHAPE}."
    assert c.read_pairs([("s1", ["x"])]).message == (
        f"The pair (s1, ['x']) holds something that is not text; {SHAPE}."
    )
    assert c.read_pairs([([1], "x")]).status == "incorrect"
    assert c.read_pairs(None).message == f"This answer is None (nothing); {SHAPE}."
    wide = pd.DataFrame({"a": [1], "b": [2], "c": [3]})
    assert c.read_pairs(wide).message == (
        "This answer is a table (DataFrame) with 1 row and columns 'a', 'b' and 'c'; "
        "the task wants a table with two columns, or a dict."
    )
    assert "with 'item' and 'label' columns" in c.read_pairs(wide, ("item", "label")).message


def test_read_pairs_stops_at_the_pair_limit():
    pairs = {f"s{i}": "a" for i in range(c.MAX_ITEMS)}
    assert len(c.read_pairs(pairs)) == c.MAX_ITEMS
    pairs["extra"] = "a"
    assert c.read_pairs(pairs).message == f"This answer has more than 500 pairs; {SHAPE}."


def test_read_frame_from_each_shape():
    assert status(c.read_frame(..., ["a"])) == "not_answered"
    out = c.read_frame({"russia": 13, "ukraine": 8}, ["side", "count"])
    assert out.to_dict("list") == {"side": ["russia", "ukraine"], "count": [13, 8]}
    series = pd.Series([2], index=pd.Index(["x"], name="side"), name="count")
    assert c.read_frame(series, ["Side", "Count"]).to_dict("list") == {
        "Side": ["x"],
        "Count": [2],
    }
    records = [{"SIDE": "x", "count": 1, "extra": 0}]
    assert c.read_frame(records, ["side", "count"]).to_dict("list") == {
        "side": ["x"],
        "count": [1],
    }
    grouped = pd.DataFrame({"count": [3]}, index=pd.Index(["y"], name="side"))
    assert c.read_frame(grouped, ["side", "count"]).to_dict("list") == {
        "side": ["y"],
        "count": [3],
    }
    by_position = pd.DataFrame({"a": [1], "b": [2]}, index=[7])
    result = c.read_frame(by_position, ["x", "y"])
    assert result.to_dict("list") == {"x": [1], "y": [2]} and list(result.index) == [0]


def test_read_frame_explains_wrong_shapes():
    for answer, kind in [(None, "None (nothing)"), ("t", "the text 't'"), (3, "the number 3")]:
        assert c.read_frame(answer, ["a", "b"]).message == (
            f"This answer is {kind}; the task wants a table with the columns 'a' and 'b'."
        )
    assert c.read_frame(True, ["a"]).status == "incorrect"
    assert c.read_frame(b"x", ["a"]).status == "incorrect"
    assert c.read_frame(object(), ["a"]).message == (
        "This answer is a object; the task wants a table (DataFrame) with the columns 'a'."
    )
    missing = c.read_frame(pd.DataFrame({"a": [1]}), ["a", "b"])
    assert missing.message == "The table needs the 1 column 'b'; its columns are 'a'."
    empty = c.read_frame(pd.DataFrame(columns=["p", "q"]), ["a", "b"])
    assert (
        empty.message == "The table needs the 2 columns 'a' and 'b'; its columns are 'p' and 'q'."
    )
    none = c.read_frame(pd.DataFrame(), ["a"])
    assert none.message == "The table needs the 1 column 'a'; its columns are none."
    # A mapping with a list inside is not a hand-typed table of two columns.
    nested = c.read_frame({"a": [1, 2], "b": [3, 4]}, ["a", "b"])
    assert nested.to_dict("list") == {"a": [1, 2], "b": [3, 4]}
    three = c.read_frame({"a": 1, "b": 2}, ["k", "v", "w"])
    assert three.status == "incorrect"


def test_all_scalars():
    assert c._all_scalars(["a", 1, None])
    assert not c._all_scalars(["a", [1]])

    def broken():
        yield "a"
        raise RuntimeError("no")

    assert not c._all_scalars(broken())


def test_cell_key_compares_numbers_by_value_and_text_by_norm():
    assert c.cell_key(["B", "a"]) == "a|b"
    assert c.cell_key(("b", "a")) == c.cell_key({"a", "b"}) == c.cell_key(frozenset("ab"))
    assert c.cell_key(np.array(["y", "x"])) == "x|y"
    assert c.cell_key(None) == "" and c.cell_key(float("nan")) == ""
    assert c.cell_key(3.0) == "3" and c.cell_key(np.int64(3)) == "3"
    assert c.cell_key(" Kyiv. ") == "kyiv"
    assert c.cell_key(True) == "true"


# --- naming things in the article -------------------------------------------------------


def test_evidence_line_quotes_the_text_when_there_is_some():
    assert c.Evidence("paragraph p11", "words").line() == "paragraph p11: “words”"
    assert c.Evidence("actor x").line() == "actor x"


def test_clip_cuts_at_90_by_default():
    assert c.clip("y" * 90) == "y" * 90
    assert c.clip("y" * 91) == "y" * 89 + "…"
    assert c.clip("y" * 30, limit=10) == "y" * 9 + "…"


def test_per_article_caches_per_object_and_per_argument():
    calls = []

    @c.per_article
    def size(art, extra=0):
        calls.append((art, extra))
        return len(art) + extra

    one, two = [1], [1, 2]
    assert size(one) == 1 and size(one) == 1 and calls == [(one, 0)]
    assert size(one, 5) == 6 and size(two) == 2 and len(calls) == 3
    size.cache_clear()
    assert size(one) == 1 and len(calls) == 4
    assert size.__name__ == "size"


def test_per_article_caches_a_false_value_too_and_clears_when_full():
    calls = []

    @c.per_article
    def nothing(art, n):
        calls.append(n)
        return 0

    arts = [[i] for i in range(515)]
    for i, art in enumerate(arts):
        nothing(art, i)
    assert len(calls) == 515
    # The cache was cleared when it grew past 512, so the first are computed again...
    nothing(arts[0], 0)
    assert len(calls) == 516
    # ...and the last ones are still cached.
    nothing(arts[-1], 514)
    assert len(calls) == 516


def test_id_variants():
    paragraphs, quotes = c.VOCABS["paragraphs"], c.VOCABS["quotes"]
    assert c._id_variants("p07", paragraphs) == ["p07", "p7", "paragraph 7", "paragraph p07", "7"]
    assert c._id_variants("q03", quotes) == ["q03", "q3", "quote 3", "quote q03"]
    assert c._id_variants("zelenskyy", c.VOCABS["actors"]) == ["zelenskyy"]


def test_vocabs_name_their_table_id_column_and_noun():
    for name, vocab in c.VOCABS.items():
        assert vocab.table == name == vocab.noun
        assert vocab.id_column == name.removesuffix("s") + "_id"
    assert [n for n, v in c.VOCABS.items() if v.number_aliases] == ["paragraphs"]


def test_aliases_of_actors_name_them_and_never_by_id(art):
    aliases, display = c.VOCABS["actors"].aliases(art)
    actor = art.actors.iloc[0]
    assert aliases[c.norm(actor.actor_id)] == actor.actor_id
    assert aliases[c.norm(actor["name"])] == actor.actor_id
    assert display[c.norm(actor.actor_id)] == actor["name"]
    # Every alias leads to one id of the table, and every id is an alias of itself.
    ids = set(art.actors.actor_id)
    assert set(aliases.values()) == ids
    assert set(display) == set(aliases)
    named = art.mentions[art.mentions.form == "name"].iloc[0]
    assert aliases.get(c.norm(named.text)) in (named.actor_id, None)


def test_aliases_of_paragraphs_and_documents(art):
    aliases, display = c.VOCABS["paragraphs"].aliases(art)
    assert aliases["p1"] == aliases["paragraph 1"] == aliases["1"] == "p01"
    assert display["p1"] == "p01"
    doc = art.documents.iloc[0]
    doc_aliases, _ = c.VOCABS["documents"].aliases(art)
    assert doc_aliases[c.norm(doc["name"])] == doc.document_id


def test_evidence_of_each_vocab(art):
    paragraphs = c.VOCABS["paragraphs"].evidence(art)
    first = art.paragraphs.iloc[0]
    role = "" if first.role == "body" else f" ({first.role.replace('_', ' ')})"
    assert paragraphs["p01"] == c.Evidence(f"paragraph p01{role}", c.clip(first.text))
    quotes = c.VOCABS["quotes"].evidence(art)
    quote = art.quotes.iloc[0]
    para = art.sentences.set_index("sentence_id").paragraph_id[quote.sentence_id]
    assert quotes[quote.quote_id] == c.Evidence(
        f"quote {quote.quote_id} (paragraph {para})", c.clip(quote.text)
    )
    actors = c.VOCABS["actors"].evidence(art)
    mention = art.mentions.iloc[0]
    sentence = art.sentences.set_index("sentence_id").loc[mention.sentence_id]
    assert actors[mention.actor_id] == c.Evidence(
        f"paragraph {sentence.paragraph_id}", c.clip(sentence.text)
    )
    unmentioned = set(art.actors.actor_id) - set(art.mentions.actor_id)
    for actor_id in unmentioned:
        assert actors[actor_id] == c.Evidence(f"actor {actor_id}")
    assert c._sentence_text(art, "no-such-sentence") == ""


def make_resolver():
    aliases = {"p01": "p01", "p02": "p02", "peskov": "peskov", "dmitry peskov": "peskov"}
    display = {"p01": "p01", "p02": "p02", "peskov": "Dmitry Peskov", "dmitry peskov": "Peskov"}
    return c.Resolver(aliases, display, "actors")


def test_resolver_exact_typo_unknown_and_bad_id():
    r = make_resolver()
    assert r.resolve(" 'P01' ") == ("p01", None)
    assert r.resolve("Peskov.") == ("peskov", None)
    assert r.resolve("Peskv") == (
        None,
        "'Peskv' is not in the article: did you mean 'Dmitry Peskov'?",
    )
    assert r.resolve("p71") == (
        None,
        "'p71' is not an id of the actors in the article; the ids run from 'p01' to 'p02'.",
    )
    assert r.resolve("42") == (None, "'42': write the id as the table does, e.g. 'p01'.")
    assert r.resolve("banana") == (None, "'banana' is not one of the actors in the article.")
    no_ids = c.Resolver({"kyiv": "kyiv"}, {"kyiv": "Kyiv"}, "places")
    assert no_ids.resolve("q9") == (None, "'q9' is not an id of the places in the article.")
    assert no_ids.resolve("42") == (None, "'42' is not one of the places in the article.")
    assert no_ids._ids() == []


def test_resolver_typo_cutoff_and_display_fallback():
    r = c.Resolver({"abcdefgh": "x"}, {}, "things")
    # 7 of 8 letters in common: ratio 0.93 is close; half of them is not.
    assert r.resolve("abcdefgx") == (
        None,
        "'abcdefgx' is not in the article: did you mean 'abcdefgh'?",
    )
    assert r.resolve("abcdwxyz")[1] == "'abcdwxyz' is not one of the things in the article."
    r2 = c.Resolver({"abcd": "x"}, {}, "things")
    assert "did you mean" in r2.resolve("abce")[1]  # ratio exactly 0.75 counts


# --- does a free text speak of the article? -------------------------------------------------


def test_tokens_keep_inner_apostrophes_and_drop_possessives():
    assert c._tokens("Putin's plan, Kyiv’s reply") == ["Putin", "plan", "Kyiv", "reply"]
    assert c._tokens("U.S.-led 1,200 _x_") == ["U.S.-led", "1,200", "x"]


def test_quoted_from_finds_quoted_words_of_the_article():
    article = "He said the plan was  dead on arrival. Nothing more."
    text = "He called it “dead on arrival” and 'alive and well' and \"ab\""
    assert c.quoted_from(text, article) == ["dead on arrival"]
    assert c.quoted_from("'Dead On Arrival.'", article) == ["Dead On Arrival."]


def test_article_terms_are_names_numbers_and_unusual_cues(art):
    terms = c.article_terms(art)
    assert terms and all(t == t.casefold() for t in terms)
    assert not terms & c.CALENDAR and not terms & c.COMMON
    assert all(len(t) >= 3 for t in terms)
    for name in art.actors.name:
        last = c._tokens(name)[-1].casefold()
        if last[:1].isalpha() and len(last) >= 3 and last not in c.COMMON:
            lower_words = {t for s in art.sentences.text for t in c._tokens(s) if t.islower()}
            if last not in lower_words:
                assert last in terms, name
    cues = {q.casefold() for q in art.quotes.cue} - c.PLAIN_CUES
    assert cues <= terms | c.COMMON | c.CALENDAR


def test_article_names_lists_actors_documents_and_named_mentions(art):
    names = c.article_names(art)
    assert set(art.actors.name) <= set(names)
    assert set(art.documents.name) <= set(names)
    assert len(names) == len(set(names))
    metonyms = art.mentions[art.mentions.form.isin(["name", "metonym"])].text
    assert set(metonyms) <= set(names)


def test_mentions_article_by_term_name_or_quote(art):
    assert not c.mentions_article("I liked it a lot, it was good.", [art])
    name = art.actors.name.iloc[0]
    assert c.mentions_article(f"I think {name} was right.", [art])
    sentence = art.sentences.text.iloc[3]
    words = " ".join(sentence.split()[:6])
    assert c.mentions_article(f"The text says “{words}”.", [art])
    assert not c.mentions_article("Nothing here at all.", [])


def test_names_in_needs_a_proper_name_of_four_letters(art):
    name = next(n for n in c.article_names(art) if n[:1].isupper() and len(n) >= 4)
    assert c._names_in(f"so {name.lower()} did it", art)
    assert not c._names_in("nothing named", art)


@pytest.mark.parametrize("value", [math.nan, None])
def test_missing_values_are_no_items(value):
    assert c.read_items([value, "a"]) == ["a"]


def test_pairs_from_a_table_whose_key_is_its_index():
    frame = pd.DataFrame(
        {"label": ["a", "b"], "n": [1, 2]}, index=pd.Index(["s1", "s2"], name="sentence")
    )
    assert c.read_pairs(frame, columns=("sentence", "label")) == [("s1", "a"), ("s2", "b")]


def test_read_number_of_a_wide_one_row_table_asks_for_one_number():
    wide = c.read_number(pd.DataFrame({"a": [1], "b": [2]}))
    assert wide.message == (
        "This answer is a table (DataFrame) with 1 row and columns 'a' and 'b'; the task wants "
        "one number. `len(...)` counts rows, `.sum()` adds up a column."
    )


def test_read_frame_of_a_mapping_keeps_none_as_none():
    out = c.read_frame({"x": 1, "y": None}, ["key", "value"])
    assert list(out["value"]) == [1, None]


class Names:
    """A stand-in article: only the names `article_names` reads."""

    def __init__(self, *names):
        self.actors = pd.DataFrame({"name": list(names)})
        self.documents = pd.DataFrame({"name": []})
        self.mentions = pd.DataFrame({"form": [], "text": []})


def test_names_in_drops_a_leading_article_and_needs_four_letters():
    assert c._names_in("the kremlin said so", Names("The Kremlin"))
    assert not c._names_in("the town said", Names("the town"))  # a description, not a name
    assert c._names_in("they met at city hall", Names("City Hall"))
    assert c._names_in("in kyiv today", Names("Kyiv"))
    assert not c._names_in("in ufa today", Names("Ufa"))
    assert c._names_in("Kremlin said", Names("The Kremlin"))
    assert c._names_in("Kremlin said", Names("An Kremlin"))


def test_quoted_from_forgives_end_punctuation_inside_the_quotes():
    article = "It was dead on arrival and nothing more."
    assert c.quoted_from("He said “dead on arrival,” then left", article) == ["dead on arrival,"]


@pytest.mark.parametrize("which", ["terms", "names", "quotes"])
def test_mentions_article_when_any_one_sign_is_there(monkeypatch, which):
    monkeypatch.setattr(
        c, "article_terms", lambda art: frozenset({"x"} if which == "terms" else ())
    )
    monkeypatch.setattr(c, "_names_in", lambda text, art: which == "names")
    monkeypatch.setattr(c, "quoted_from", lambda text, a: ["q"] if which == "quotes" else [])

    class Art:
        text = ""

    assert c.mentions_article("x y", [Art()])


def test_split_text_unwraps_only_a_bracketed_text():
    assert c._split_text("Xi (p01)") == ["Xi (p01)"]
    assert c._split_text("[aX") == ["[aX"]


def test_read_number_of_bad_bytes_or_stray_underscores():
    assert c.read_number(b"\xff").message == (
        "This answer is a bytes; the task wants a number, e.g. `3`."
    )
    assert c.read_number("1_000_") == 1000.0


def test_read_pairs_of_something_that_cannot_be_read_names_it():
    assert c.read_pairs(object()).message == f"This answer is a object; {SHAPE}."


def test_a_guess_needs_three_quarters_of_the_letters():
    r = c.Resolver({"abcdefgh": "x"}, {}, "things")
    # 5 of 8 letters in order: a ratio of 0.625, too far for "did you mean".
    assert r.resolve("abcdexyz")[1] == "'abcdexyz' is not one of the things in the article."


def test_is_missing_of_a_number_that_cannot_become_a_float():
    import numbers

    class Odd:
        def __float__(self):
            raise ValueError("no")

    numbers.Real.register(Odd)
    assert c.is_missing(Odd()) is False


# --- survivors of the clean `make mutation` run, now killed ------------------------------------


def test_a_written_answers_stub_asks_for_words_between_the_triple_quotes():
    from kitlib.checking import diagnose

    assert "between the triple quotes" in diagnose("actors.reflection", "\n\n").message
    assert "replace the `...`" in diagnose("actors.reflection", ...).message
    assert "triple quotes" not in diagnose("actors.people", ...).message


def test_plain_turns_a_str_subclass_into_a_plain_str():
    class Loud(str):
        def __str__(self):
            raise RuntimeError("never called")

    value = c.plain(Loud("Peskov"))
    assert type(value) is str and value == "Peskov"
    assert c.plain(3) == 3


def test_safe_str_cuts_after_the_last_whole_word_that_fits():
    text = " ".join(["alpha", "beta", "gamma", "delta", "epsilon"] * 5)
    cut = c.safe_str(text, limit=60)
    assert cut.endswith("…") and len(cut) <= 60
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "  # a whole word, the last one
    assert len(cut) > 50
