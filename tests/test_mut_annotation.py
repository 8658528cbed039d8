"""The article validation (kitlib/annotation.py checks, kitlib/article.py's reading and
messages), each problem on a tiny hand-made annotation whose messages are known in full."""

from __future__ import annotations

import copy
import os

import msgspec
import pytest
import yaml

from kitlib import annotation as a
from kitlib import article
from kitlib.errors import AnnotationError

P1 = "Alpha said the plan was good. Beta said no."
P2 = "Gamma wrote the plan on Friday in Kyiv."
TEXT = f"{P1}\n\n{P2}\n"


def span(words: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return {"start": start, "end": start + len(words), "text": words}


def base() -> dict:
    """A valid annotation of TEXT: two paragraphs, three sentences, one of everything."""
    return {
        "schema_version": 1,
        "paragraphs": [
            {"id": "p01", "role": "body", **span(P1)},
            {"id": "p02", "role": "body", **span(P2)},
        ],
        "sentences": [
            {"id": "s01", **span("Alpha said the plan was good.")},
            {"id": "s02", **span("Beta said no.")},
            {"id": "s03", **span(P2)},
        ],
        "actors": [
            {"id": "alpha", "name": "Alpha", "kind": "person"},
            {"id": "beta", "name": "Beta", "kind": "group", "affiliation": "alpha"},
            {"id": "gamma", "name": "Gamma", "kind": "person"},
        ],
        "mentions": [{"id": "m01", "actor": "alpha", "form": "name", **span("Alpha")}],
        "documents": [
            {"id": "plan", "name": "the plan", "drafted_by": ["gamma"], "presented_by": "alpha",
             **span("the plan", 1)},
        ],
        "quotes": [
            {"id": "q01", "speaker": "alpha", "kind": "indirect", "cue": span("said"),
             "day": "Friday", **span("the plan was good")},
        ],
        "demands": [
            {"id": "d01", "kind": "demand", "party": "gamma", "addressee": "beta",
             "document": "plan", "places": ["Kyiv"], "condition": "on Friday",
             **span("wrote the plan on Friday in Kyiv")},
        ],
        "claims": [
            {"id": "c01", "source_type": "named", "source": "beta", **span("no")},
        ],
        "figures": [{"id": "f01", "claim": "c01", **span("Gamma")}],
    }  # fmt: skip


def problems(raw: dict, text: str | None = TEXT) -> list[str]:
    return a.consistency_problems(msgspec.convert(raw, a.Annotation), text)


def test_the_hand_made_annotation_is_valid():
    assert problems(base()) == []
    assert article.validate_annotation(base(), TEXT).quotes[0].id == "q01"


def test_json_schema_names_its_draft_id_and_title():
    schema = a.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://reading-the-news.example/annotation.schema-v1.json"
    assert schema["title"] == "Reading the News: article annotation, schema v1"
    assert schema["$ref"] == "#/$defs/Annotation"


def test_a_duplicate_id_names_both_places_across_sections():
    raw = base()
    raw["figures"][0]["id"] = "q01"
    raw["sentences"][2]["id"] = "p01"
    assert problems(raw) == [
        "sentences[2] (id 'p01'): duplicate id, already used at paragraphs[0]; "
        "every id must be unique in the file",
        "figures[0] (id 'q01'): duplicate id, already used at quotes[0]; "
        "every id must be unique in the file",
    ]


@pytest.mark.parametrize(
    ("section", "field", "message"),
    [
        ("actors", "affiliation", "actors[1] (id 'beta').affiliation: unknown actor id 'nobody'"),
        ("mentions", "actor", "mentions[0] (id 'm01').actor: unknown actor id 'nobody'"),
        ("documents", "presented_by", "documents[0] (id 'plan').presented_by: unknown actor id"),
        ("quotes", "speaker", "quotes[0] (id 'q01').speaker: unknown actor id 'nobody'"),
        ("demands", "party", "demands[0] (id 'd01').party: unknown actor id 'nobody'"),
        ("demands", "addressee", "demands[0] (id 'd01').addressee: unknown actor id 'nobody'"),
        ("demands", "document", "demands[0] (id 'd01').document: unknown document id 'nobody'"),
        ("figures", "claim", "figures[0] (id 'f01').claim: unknown claim id 'nobody'"),
    ],
)
def test_each_reference_to_an_unknown_id_is_named(section, field, message):
    raw = base()
    index = 1 if section == "actors" else 0
    raw[section][index][field] = "nobody"
    [problem] = problems(raw)
    assert problem.startswith(message)
    valid = {"document": "plan", "claim": "c01"}.get(message.split()[-3], "alpha, beta, gamma")
    assert problem.endswith(f"; expected one of: {valid}")


def test_drafted_by_is_checked_item_by_item_and_an_empty_choice_says_none():
    raw = base()
    raw["documents"][0]["drafted_by"] = ["gamma", "zeta"]
    assert problems(raw) == [
        "documents[0] (id 'plan').drafted_by[1]: unknown actor id 'zeta'; "
        "expected one of: alpha, beta, gamma"
    ]
    raw = base()
    raw["claims"] = []
    assert problems(raw) == [
        "figures[0] (id 'f01').claim: unknown claim id 'c01'; expected one of: none defined"
    ]


def test_a_missing_optional_reference_is_no_problem():
    raw = base()
    raw["demands"][0].update(party=None, addressee=None, document=None)
    raw["figures"][0]["claim"] = None
    del raw["actors"][1]["affiliation"]
    assert problems(raw) == []


def test_claim_sources_follow_the_source_type():
    def claim(**fields):
        raw = base()
        raw["claims"][0].update(fields)
        return problems(raw)

    where = "claims[0] (id 'c01').source"
    assert claim(source_type="unattributed") == [
        f"{where}: an unattributed claim has no source; remove 'source' "
        "or change source_type to named, unnamed or document"
    ]
    assert claim(source_type="unattributed", source=None) == []
    assert claim(source_type="unnamed", source=None) == [
        f"{where}: a unnamed claim needs a source (actor id)"
    ]
    assert claim(source_type="document", source=None) == [
        f"{where}: a document claim needs a source (document id)"
    ]
    assert claim(source_type="document", source="plan") == []
    assert claim(source_type="document", source="beta") == [
        f"{where}: unknown document id 'beta' for source_type 'document'; expected one of: plan"
    ]
    assert claim(source_type="named", source="plan") == [
        f"{where}: unknown actor id 'plan' for source_type 'named'; "
        "expected one of: alpha, beta, gamma"
    ]
    raw = base()
    raw["claims"][0]["source"] = "x"
    raw["actors"], raw["mentions"], raw["quotes"], raw["demands"] = [], [], [], []
    raw["documents"][0].update(drafted_by=[], presented_by=None)
    assert problems(raw) == [
        f"{where}: unknown actor id 'x' for source_type 'named'; expected one of: none defined"
    ]


def test_sides_reserved_duplicate_unknown_and_double_membership():
    raw = base()
    raw["sides"] = [
        {"id": "other", "name": "Other", "members": ["alpha"]},
        {"id": "east", "name": "East", "members": ["beta", "zeta"]},
        {"id": "east", "name": "East again", "members": ["alpha"]},
    ]
    assert problems(raw) == [
        "sides[0] (id 'other').id: 'other' is reserved for the actors on no side; "
        "give the side another id (e.g. its name in lower case)",
        "sides[1] (id 'east').members[1]: unknown actor id 'zeta'; "
        "expected one of: alpha, beta, gamma",
        "sides[2] (id 'east'): duplicate side id, already used at sides[1]; "
        "every side needs its own id (merge the two or rename one)",
        "sides[2] (id 'east').members[0]: actor 'alpha' is already a member of "
        "sides[0] (id 'other'); an actor is on one side at most: remove it from one of them",
    ]
    raw["sides"] = [{"id": "alpha", "name": "Alpha", "members": ["alpha"]}]
    assert problems(raw) == []  # a side may share its id with an actor
    raw["actors"], raw["mentions"], raw["quotes"], raw["demands"] = [], [], [], []
    raw["documents"][0].update(drafted_by=[], presented_by=None)
    raw["claims"][0]["source_type"], raw["claims"][0]["source"] = "unattributed", None
    assert problems(raw) == [
        "sides[0] (id 'alpha').members[0]: unknown actor id 'alpha'; expected one of: none defined"
    ]


def test_a_duplicate_side_is_reported_at_the_first_place_only():
    raw = base()
    raw["sides"] = [
        {"id": "x", "name": "X", "members": ["alpha"]},
        {"id": "x", "name": "X", "members": ["beta"]},
        {"id": "x", "name": "X", "members": ["gamma"]},
    ]
    assert [p.split(";")[0] for p in problems(raw)] == [
        "sides[1] (id 'x'): duplicate side id, already used at sides[0]",
        "sides[2] (id 'x'): duplicate side id, already used at sides[0]",
    ]


def test_span_problems_order_end_and_text():
    good = a.Span(**span("Beta"))
    assert a.span_problems(good, TEXT, "w") == []
    assert a.span_problems(a.Span(start=5, end=5, text="x"), TEXT, "w") == [
        "w: end (5) must be greater than start (5)"
    ]
    assert a.span_problems(a.Span(start=6, end=5, text="x"), TEXT, "w")[0].startswith(
        "w: end (5) must be greater"
    )
    n = len(TEXT)
    assert a.span_problems(a.Span(start=0, end=n, text=TEXT), TEXT, "w") == []
    assert a.span_problems(a.Span(start=0, end=n + 1, text="Beta"), TEXT, "w") == [
        f"w: end ({n + 1}) is past the end of the text ({n} characters); "
        "the text occurs at start: 30, end: 34"
    ]
    shifted = a.Span(start=31, end=35, text="Beta")
    assert a.span_problems(shifted, TEXT, "w") == [
        "w: text[31:35] is 'eta ', expected 'Beta'; the text occurs at start: 30, end: 34"
    ]
    missing = a.Span(start=0, end=4, text="Zeta")
    assert a.span_problems(missing, TEXT, "w") == [
        "w: text[0:4] is 'Alph', expected 'Zeta'; that text does not occur in the article "
        "(check spelling, quotes and spaces)"
    ]


def test_suggest_lists_at_most_five_places_and_escapes_the_text():
    assert a._suggest("a", "a a a a a a a") == (
        "; the text occurs at start: 0, end: 1, start: 2, end: 3, start: 4, end: 5, "
        "start: 6, end: 7, start: 8, end: 9"
    )
    assert a._suggest("a.c", "abc a.c") == "; the text occurs at start: 4, end: 7"


def test_short_cuts_long_text_to_the_limit():
    assert a._short("x" * 60) == "x" * 60
    assert a._short("x" * 61) == "x" * 57 + "..."
    assert a._short("abcdef", limit=5) == "ab..."


def test_offset_problems_name_the_section_item_and_field():
    raw = base()
    raw["quotes"][0]["cue"] = {"start": 0, "end": 4, "text": "said"}
    raw["quotes"][0]["channel"] = "on TV"
    raw["quotes"][0]["day"] = "Monday"
    raw["mentions"][0]["text"] = "Alfa"
    assert problems(raw) == [
        "mentions[0] (id 'm01'): text[0:5] is 'Alpha', expected 'Alfa'; that text does not "
        "occur in the article (check spelling, quotes and spaces)",
        "quotes[0] (id 'q01').cue: text[0:4] is 'Alph', expected 'said'; the text occurs at "
        "start: 6, end: 10, start: 35, end: 39",
        "quotes[0] (id 'q01').channel: 'on TV' does not occur in the article; record it as "
        "printed (e.g. 'Friday', not a date)",
        "quotes[0] (id 'q01').day: 'Monday' does not occur in the article; record it as "
        "printed (e.g. 'Friday', not a date)",
    ]


def test_demand_places_and_condition_must_be_inside_its_text():
    raw = base()
    raw["demands"][0]["places"] = ["Kyiv", "Alpha"]
    raw["demands"][0]["condition"] = "said no"
    assert problems(raw) == [
        "demands[0] (id 'd01').places[1]: 'Alpha' does not occur in the demand's text "
        "'wrote the plan on Friday in Kyiv'",
        "demands[0] (id 'd01').condition: 'said no' does not occur in the demand's text; "
        "the condition must be quoted as printed inside the demand's span",
    ]


def test_without_the_text_only_the_structure_is_checked():
    raw = base()
    raw["mentions"][0]["text"] = "Alfa"
    raw["sentences"][2]["start"] = 0
    assert problems(raw, None) == []
    raw["quotes"][0]["speaker"] = "zeta"
    assert len(problems(raw, None)) == 1


def test_paragraphs_and_sentences_in_reading_order_and_inside_a_paragraph():
    raw = base()
    raw["paragraphs"].reverse()
    raw["sentences"][1] = {"id": "s02", **span("Alpha said")}
    first = problems(raw)
    assert first[0] == (
        "paragraphs[1] (id 'p01'): starts at 0, inside 'p02' (which ends at "
        f"{TEXT.index(P2) + len(P2)}); list paragraphs in reading order without overlaps"
    )
    assert first[1] == (
        "sentences[1] (id 's02'): starts at 0, inside 's01' (which ends at 29); "
        "list sentences in reading order without overlaps"
    )
    # s02 no longer holds the claim's start ("no"), which is in no sentence now.
    assert first[2].startswith("claims[0] (id 'c01'): starts at 40, which is in no sentence")
    assert len(first) == 3


def test_touching_spans_are_in_order():
    raw = base()
    raw["sentences"][1] = {"id": "s02", **span(" Beta said no.")}
    assert problems(raw) == []


def test_a_sentence_outside_every_paragraph_and_a_span_in_no_sentence():
    raw = base()
    gap = TEXT.index("\n\n")
    raw["sentences"][2] = {"id": "s03", "start": gap, "end": gap + 7, "text": TEXT[gap : gap + 7]}
    # "Gamma" starts inside the odd sentence, "said no" inside s02: both are fine.
    raw["claims"][0].update(span("said no"))
    found = problems(raw)
    assert found[0] == (
        f"sentences[2] (id 's03'): span {gap}-{gap + 7} is not inside any paragraph"
    )
    assert found[1:] == [
        f"{section}: starts at {start}, which is in no sentence; every span must "
        "start inside a listed sentence"
        for section, start in [
            ("documents[0] (id 'plan')", span("the plan", 1)["start"]),
            ("demands[0] (id 'd01')", TEXT.index("wrote")),
        ]
    ]  # fmt: skip


def test_a_sentence_may_fill_its_paragraph_exactly():
    raw = base()
    raw["sentences"][2].update(span(P2))
    assert problems(raw) == []
    raw["sentences"][2].update(end=span(P2)["end"] + 1, text=P2 + "\n")
    assert problems(raw) == [
        f"sentences[2] (id 's03'): span {TEXT.index(P2)}-{span(P2)['end'] + 1} is not inside "
        "any paragraph"
    ]


def test_sentence_at_is_end_exclusive():
    sentences = msgspec.convert(base(), a.Annotation).sentences
    assert a.sentence_at(sentences, 0) == "s01"
    assert a.sentence_at(sentences, 28) == "s01"
    assert a.sentence_at(sentences, 29) is None  # the space between s01 and s02
    assert a.sentence_at(sentences, 30) == "s02"
    assert a.sentence_at(sentences, 10_000) is None


# --- article.py: reading the files and wording msgspec's errors -------------------------


def write(folder, raw, text=TEXT):
    folder.mkdir(exist_ok=True)
    (folder / "annotation.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    (folder / "article.txt").write_text(text, encoding="utf-8")
    return folder


def error_of(call, *args) -> AnnotationError:
    with pytest.raises(AnnotationError) as info:
        call(*args)
    return info.value


def test_a_folder_loads_and_a_text_file_name_is_read(tmp_path):
    folder = write(tmp_path / "tiny", base())
    art = article.load_article(folder)
    assert list(art.quotes.quote_id) == ["q01"]
    assert article.text_file_name(folder) == "article.txt"
    raw = base() | {"text_file": "body.txt"}
    folder = write(tmp_path / "other", raw)
    (folder / "body.txt").write_text(TEXT, encoding="utf-8")
    assert article.text_file_name(folder) == "body.txt"
    assert list(article.load_article(folder).sentences.sentence_id) == ["s01", "s02", "s03"]


def test_text_file_defaults_when_absent_or_not_text():
    assert article._text_file({"text_file": "a.txt"}) == "a.txt"
    assert article._text_file({"text_file": 3}) == "article.txt"
    assert article._text_file({}) == "article.txt"
    assert article._text_file(["text_file"]) == "article.txt"


def test_an_unreadable_text_names_the_file(tmp_path):
    folder = write(tmp_path / "bad", base(), text="")
    (folder / "article.txt").write_bytes(b"\xff\xfe")
    err = error_of(article.load_article, folder)
    assert err.file == str(folder / "annotation.yaml")
    [problem] = err.problems
    assert problem.startswith("text_file: cannot read the article text 'article.txt' (")


def test_confined_path_accepts_a_subfolder_and_names_each_escape(tmp_path):
    folder = write(tmp_path / "art", base())
    (folder / "sub").mkdir()
    (folder / "sub" / "t.txt").write_text(TEXT, encoding="utf-8")
    file = folder / "annotation.yaml"
    assert article._confined_text_path(file, {"text_file": "sub/t.txt"}) == folder / "sub/t.txt"
    expected = (
        "text_file: expected the name of a file inside the article's folder (beside "
        "annotation.yaml), e.g. 'article.txt', but "
    )
    fix = "copy the text into the folder and give its name there"
    cases = {
        "/etc/hostname": "'/etc/hostname' is an absolute path; ",
        "C:\\x.txt": "'C:\\\\x.txt' is an absolute path; ",
        "../art/article.txt": "'../art/article.txt' leads out of it through '..'; ",
        "sub\\..\\..\\x": "'sub\\\\..\\\\..\\\\x' leads out of it through '..'; ",
        "a\0b": "'a\\x00b' names no file that can be opened; ",
    }
    for name, middle in cases.items():
        err = error_of(article._confined_text_path, file, {"text_file": name})
        assert err.problems == [expected + middle + fix], name
        assert err.file == str(file)
    outside = tmp_path / "secret.txt"
    outside.write_text("x", encoding="utf-8")
    os.symlink(outside, folder / "link.txt")
    [problem] = error_of(article._confined_text_path, file, {"text_file": "link.txt"}).problems
    assert problem == (
        f"{expected}'link.txt' leads through a symbolic link to {str(outside.resolve())!r}, "
        f"outside the folder; {fix} instead of linking to it"
    )


def test_resolved_gives_none_for_a_symlink_loop(tmp_path):
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    assert article._resolved(tmp_path / "a") is None
    assert article._resolved(tmp_path / "c") == (tmp_path / "c").resolve()


def test_validate_annotation_rejects_a_non_mapping_and_wraps_msgspec():
    err = error_of(article.validate_annotation, ["x"], TEXT, "f.yaml")
    assert err.file == "f.yaml"
    assert err.problems == [
        "top level: expected a mapping with schema_version, paragraphs, sentences, ... "
        "but found list"
    ]
    assert error_of(article.validate_annotation, ["x"], TEXT).file == "<annotation>"
    raw = base()
    raw["quotes"][0]["start"] = "zero"
    assert error_of(article.validate_annotation, raw, TEXT, "f.yaml").problems == [
        "quotes[0] (id 'q01').start: expected `int`, got `str`"
    ]
    raw = base()
    raw["mentions"][0]["text"] = "Alfa"
    raw["quotes"][0]["speaker"] = "zeta"
    assert len(error_of(article.validate_annotation, raw, TEXT, "f.yaml").problems) == 2


def test_read_yaml_names_the_line_and_column_of_bad_yaml(tmp_path):
    file = tmp_path / "annotation.yaml"
    file.write_text("a: 1\nb: [1, 2\nc: 3\n", encoding="utf-8")
    [problem] = error_of(article._read_yaml, file).problems
    assert problem == (
        "line 3, column 2: not valid YAML (did not find expected ',' or ']'); "
        "check indentation and quoting there"
    )
    file.write_bytes(b"a: \xff\n")
    err = error_of(article._read_yaml, file)
    assert err.problems[0].startswith("the file is not UTF-8 text (")
    assert err.file == str(file)
    file.write_text("- 1\n", encoding="utf-8")
    err = error_of(article._read_yaml, file)
    assert err.problems == [
        "top level: expected a mapping with schema_version, paragraphs, sentences, ... "
        "but found list"
    ]
    assert err.file == str(file)
    file.write_text("a: 1\n", encoding="utf-8")
    assert article._read_yaml(file) == {"a": 1}


def test_read_yaml_error_without_a_mark_says_the_file(tmp_path, monkeypatch):
    file = tmp_path / "annotation.yaml"
    file.write_text("a: 1\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise yaml.YAMLError("something odd")

    monkeypatch.setattr(article.yaml, "load", broken)
    assert error_of(article._read_yaml, file).problems == [
        "the file: not valid YAML (something odd); check indentation and quoting there"
    ]


def converted(raw) -> str:
    try:
        msgspec.convert(raw, a.Annotation)
    except msgspec.ValidationError as err:
        return article._describe(str(err), raw)
    raise AssertionError("valid")


def test_describe_words_msgspec_errors_with_the_items_id():
    raw = base()
    del raw["quotes"][0]["speaker"]
    assert converted(raw) == "quotes[0] (id 'q01'): missing required field 'speaker'"
    raw = base()
    raw["quotes"][0]["speakr"] = "alpha"
    assert converted(raw) == (
        "quotes[0] (id 'q01'): unknown field 'speakr'; did you mean 'speaker'? expected one "
        "of: start, end, text, id, speaker, kind, cue, channel, day, note, origin, rule"
    )
    raw = base()
    raw["quotes"][0]["cue"]["zzz"] = 1
    assert converted(raw) == (
        "quotes[0] (id 'q01').cue: unknown field 'zzz'; expected one of: start, end, text"
    )
    raw = base()
    raw["actors"][0]["id"] = "Alpha Person"
    assert converted(raw) == (
        "actors[0] (id 'Alpha Person').id: an id uses only lower-case letters, digits and "
        "hyphens, e.g. 'vladimir-putin'"
    )
    raw = base()
    raw["actors"][0]["kind"] = "robot"
    assert converted(raw) == (
        "actors[0] (id 'alpha').kind: 'robot' is not allowed; expected one of: person, "
        "organization, government, country, group, publication"
    )
    raw = base()
    raw["quotes"][0]["kind"] = "shouted"
    assert converted(raw).endswith("is not allowed; expected one of: direct, partial, indirect")
    raw = base()
    raw["schema_version"] = 2
    assert converted(raw) == "schema_version: invalid enum value 2"
    raw = base()
    raw["extra"] = 1
    assert converted(raw).startswith("top level: unknown field 'extra'; expected one of: ")


def test_path_walks_into_lists_and_dicts_and_tolerates_missing_nodes():
    raw = {"quotes": [{"id": "q1", "cue": {"start": 1}}], "metadata": {"title": 1}}
    assert article._path(".quotes[0].cue.start", raw) == "quotes[0] (id 'q1').cue.start"
    assert article._path(".quotes[5].start", raw) == "quotes[5].start"
    assert article._path(".metadata.title", raw) == "metadata.title"
    assert article._path(".quotes[0].cue.start[2]", raw) == "quotes[0] (id 'q1').cue.start[2]"
    assert article._path("", raw) == "top level"
    assert article._path(".x", raw) == "x"


def test_advice_for_the_remaining_messages():
    assert article._advice("Expected `int`, got `str`", ".a") == "expected `int`, got `str`"
    assert article._advice("", ".a") == "invalid value"
    assert article._advice("Invalid enum value 'x'", ".nothing.kind") == "invalid enum value 'x'"
    assert article._advice("Invalid enum value 'x'", ".demands[0].kind") == (
        "'x' is not allowed; expected one of: demand, proposal_term, offer"
    )
    assert article._advice("Invalid enum value 'x'", ".claims[0].source_type") == (
        "'x' is not allowed; expected one of: named, unnamed, document, unattributed"
    )
    assert article._struct_at("quotes", ".quotes[0].cue") is a.Span
    assert article._struct_at("quotes", ".quotes[0]") is a.Quote
    assert article._struct_at("nothing", ".x") is a.Annotation
    assert article._struct_at("demands", ".demands[1].cue") is a.Demand


def test_every_problem_is_reported_at_once(tmp_path):
    raw = copy.deepcopy(base())
    raw["mentions"][0]["text"] = "Alfa"
    raw["quotes"][0]["speaker"] = "zeta"
    raw["figures"][0]["id"] = "q01"
    err = error_of(article.load_article, write(tmp_path / "many", raw))
    assert len(err.problems) == 3
    assert str(err).startswith(f"{tmp_path / 'many' / 'annotation.yaml'}: 3 problems")


# --- article.py: the tables built from a valid annotation, and which article is in use ------


@pytest.fixture
def tiny(tmp_path):
    raw = base()
    raw["metadata"] = {"title": "T", "outlet": "O", "author": "A", "date": "D", "dateline": "L"}
    return article.load_article(write(tmp_path / "tiny", raw))


def test_the_tables_hold_every_field_of_the_annotation(tiny):
    assert (tiny.title, tiny.outlet, tiny.author, tiny.date, tiny.dateline) == tuple("TOADL")
    assert tiny.name == "tiny" and tiny.text == TEXT and tiny.path.name == "tiny"
    for name, columns in article.COLUMNS.items():
        assert list(getattr(tiny, name).columns) == list(columns), name
    assert tiny.sentences.paragraph_id.tolist() == ["p01", "p01", "p02"]
    assert tiny.paragraphs.role.tolist() == ["body", "body"]
    q = tiny.quotes.iloc[0]
    cue = span("said")
    assert (q.speaker_id, q.kind, q.cue, q.cue_start, q.cue_end) == (
        "alpha", "indirect", "said", cue["start"], cue["end"]
    )  # fmt: skip
    assert (q.channel, q.day, q.sentence_id, q.note) == (None, "Friday", "s01", None)
    assert tiny.quotes.cue_start.dtype == "int64" and tiny.paragraphs.start.dtype == "int64"
    d = tiny.demands.iloc[0]
    assert (d.party_id, d.addressee_id, d.document_id, d.places, d.condition) == (
        "gamma", "beta", "plan", ["Kyiv"], "on Friday"
    )  # fmt: skip
    assert d.sentence_id == "s03" and d.kind == "demand"
    doc = tiny.documents.iloc[0]
    assert (doc.drafted_by, doc.presented_by, doc.sentence_id) == (["gamma"], "alpha", "s03")
    m = tiny.mentions.iloc[0]
    assert (m.actor_id, m.text, m.sentence_id, m.form, m.start, m.end) == (
        "alpha", "Alpha", "s01", "name", 0, 5
    )  # fmt: skip
    c = tiny.claims.iloc[0]
    assert (c.source_id, c.source_type, c.sentence_id, c.text) == ("beta", "named", "s02", "no")
    f = tiny.figures.iloc[0]
    assert (f.claim_id, f.sentence_id, f.text) == ("c01", "s03", "Gamma")
    a_row = tiny.actors.set_index("actor_id").loc["beta"]
    assert (a_row["name"], a_row.kind, a_row.affiliation, a_row.role) == (
        "Beta",
        "group",
        "alpha",
        None,
    )


def test_declared_sides_give_each_actor_its_side(tmp_path):
    raw = base()
    raw["sides"] = [{"id": "east", "name": "East", "members": ["alpha"], "note": "n"}]
    art = article.load_article(write(tmp_path / "sided", raw))
    assert art.sides.side_id.tolist()[0] == "east"
    assert art.actors.set_index("actor_id").side.to_dict() == {
        "alpha": "east", "beta": "east", "gamma": "other"
    }  # fmt: skip
    assert article._sides(msgspec.convert(raw, a.Annotation)) == [
        {"side_id": "east", "name": "East", "members": ["alpha"], "note": "n"}
    ]


def test_article_methods(tiny):
    assert repr(tiny) == (
        f"<Article 'tiny': {len(TEXT)} characters; 2 paragraphs, 3 sentences, 3 actors, "
        "1 mentions, 1 documents, 1 quotes, 1 demands, 1 claims, 1 figures, "
        f"{len(tiny.sides)} sides>"
    )
    assert tiny.span(0, 5) == "Alpha"
    assert tiny.sentence_at(0) == "s01" and tiny.sentence_at(28) == "s01"
    assert tiny.sentence_at(29) is None and tiny.sentence_at(30) == "s02"
    assert tiny.actor(" ALPHA ")["actor_id"] == "alpha"
    assert tiny.actor("Gamma").actor_id == "gamma"
    assert tiny.actor("amm").actor_id == "gamma"  # part of a name
    with pytest.raises(
        KeyError, match=r"no actor matches 'zeta'; actor ids are: alpha, beta, gamma"
    ):
        tiny.actor("zeta")
    with pytest.raises(KeyError, match=r"'a' matches several actors \(alpha, beta, gamma\)"):
        tiny.actor("a")


def test_given_turns_missing_values_into_none():
    import numpy as np

    assert article.given(None) is None and article.given(float("nan")) is None
    assert article.given(0) == 0 and article.given("x") == "x"
    arr = np.array([1, 2])
    assert article.given(arr) is arr


def test_article_dir_accepts_a_folder_a_file_or_a_seed_name(tmp_path, monkeypatch):
    folder = write(tmp_path / "tiny", base())
    assert article.article_dir(folder) == folder
    assert article.article_dir(folder / "annotation.yaml") == folder
    assert article.article_dir("ukraine-peace-plan") == article.seeds_dir() / "ukraine-peace-plan"
    assert "ukraine-peace-plan" in article.seed_names()
    monkeypatch.setenv(article.ENV_VAR, str(folder))
    monkeypatch.setattr(article, "_chosen", None)
    assert article.article_dir() == folder
    assert article.chosen_source() == str(folder)
    monkeypatch.setenv(article.ENV_VAR, "")
    assert article.chosen_source() == "ukraine-peace-plan"
    with pytest.raises(article.ArticleNotFoundError) as info:
        article.article_dir(tmp_path / "nowhere")
    assert str(info.value).startswith(
        f"no annotated article at {str(tmp_path / 'nowhere')!r}: expected a folder holding "
        "annotation.yaml and the article text, or one of the shipped articles: "
    )
    assert "use_article" not in str(info.value)


def test_use_article_chooses_and_a_missing_choice_says_where_it_was_asked(tmp_path, monkeypatch):
    monkeypatch.setattr(article, "_chosen", None)
    folder = write(tmp_path / "tiny", base())
    try:
        assert article.use_article(folder).name == "tiny"
        assert article.chosen_source() == folder
        assert article.current_article().name == "tiny"
        assert article.load_article().name == "tiny"
        loaded = article.load_article(folder)
        assert article.use_article(loaded) is loaded
        assert article.current_article() is loaded and article.as_article() is loaded
        assert article.chosen_source() == folder
        assert article.load_article() is not loaded  # a fresh copy
        assert article.current_article(loaded) is loaded
        other = write(tmp_path / "other", base())
        assert article.load_article(other).name == "other"  # a given source wins
        monkeypatch.setattr(article, "_chosen", "gone-away")
        with pytest.raises(article.ArticleNotFoundError) as info:
            article.article_dir("gone-away")
        assert str(info.value).endswith(
            ". This notebook asked for it with kitlib.use_article('gone-away'): keep the article "
            "folder that came with the lessons next to the notebook, or ask your teacher"
        )
        with pytest.raises(article.ArticleNotFoundError):
            article.use_article(tmp_path / "nowhere")
    finally:
        article.use_article()
    assert article._chosen is None


def test_the_shared_article_follows_an_edit(tmp_path):
    folder = write(tmp_path / "tiny", base())
    first = article.current_article(folder)
    assert article.current_article(str(folder)) is first
    raw = base()
    raw["actors"][2]["name"] = "Gamma Two"
    (folder / "annotation.yaml").write_text(yaml.safe_dump(raw) + "\n# edited\n", "utf-8")
    assert article.current_article(folder).actors.name.tolist()[2] == "Gamma Two"
    state = article._folder_state(folder)
    assert [name for name, _, _ in state] == ["annotation.yaml", "article.txt"]


def test_offsets_are_integers_in_every_table(tiny):
    for name in article.COLUMNS:
        table = getattr(tiny, name)
        for column in ("start", "end", "cue_start", "cue_end"):
            if column in table:
                assert table[column].dtype == "int64", (name, column)


def test_derived_sides_put_the_most_mentioned_country_first(tmp_path):
    raw = base()
    raw["actors"][0]["kind"] = raw["actors"][2]["kind"] = "country"
    raw["mentions"] += [
        {"id": "m02", "actor": "gamma", "form": "name", **span("Gamma")},
        {"id": "m03", "actor": "gamma", "form": "metonym", **span("Kyiv")},
    ]
    art = article.load_article(write(tmp_path / "derived", raw))
    assert art.sides.side_id.tolist() == ["gamma", "alpha"]
    assert art.actors.set_index("actor_id").side.to_dict() == {
        "alpha": "alpha", "beta": "alpha", "gamma": "gamma"
    }  # fmt: skip


# --- survivors of the clean `make mutation` run, now killed ------------------------------------


def test_an_actor_is_found_by_its_exact_id_before_any_name():
    import kitlib

    art = kitlib.load_article()
    assert art.actor("us-government").actor_id == "us-government"  # no name contains the id
    assert art.actor("Russia").actor_id == "russia"  # an exact name beats "Russian forces"


def test_a_part_of_a_name_is_matched_as_text_not_as_a_pattern():
    import kitlib

    art = kitlib.load_article()
    assert art.actor('(unnamed: "widely').actor_id == "unnamed-interpreters"  # "(" is no regex
    assert art.actor("U.I.C.").actor_id == "uic-law-school"


def test_use_article_refuses_a_missing_folder_at_once():
    import kitlib

    with pytest.raises(kitlib.ArticleNotFoundError, match="/no/such/folder"):
        kitlib.use_article("/no/such/folder")
