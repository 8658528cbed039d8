"""A malformed annotation raises AnnotationError naming the file, the item and the fix."""

import copy
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kitlib
from kitlib.article import validate_annotation

from .conftest import SEED

RAW = yaml.safe_load((SEED / "annotation.yaml").read_text(encoding="utf-8"))
TEXT = (SEED / "article.txt").read_text(encoding="utf-8")


MOCKERY = TEXT.index("This is an absolute mockery,")


def item(raw, section, item_id):
    return next(x for x in raw[section] if x["id"] == item_id)


def at(section, item_id):
    """How a message names an item: its position in the seed and its id."""
    index = next(i for i, x in enumerate(RAW[section]) if x["id"] == item_id)
    return f"{section}[{index}] (id '{item_id}')"


FIRST_QUOTE, SECOND_QUOTE, LAST_QUOTE = (RAW["quotes"][i]["id"] for i in (0, 1, -1))


def shift(raw):
    q = item(raw, "quotes", "q06")
    q["start"] += 1
    q["end"] += 1


def set_field(section, item_id, field, value):
    def mutate(raw):
        item(raw, section, item_id)[field] = value

    return mutate


def drop_field(section, item_id, field):
    def mutate(raw):
        del item(raw, section, item_id)[field]

    return mutate


def duplicate_id(raw):
    raw["quotes"][1]["id"] = FIRST_QUOTE


def overlap_sentences(raw):
    raw["sentences"][1]["start"], raw["sentences"][0]["start"] = (
        raw["sentences"][0]["start"],
        raw["sentences"][1]["start"],
    )


def with_sides(*sides):
    """Replace the seed's declared sides with these (id, name, members)."""

    def mutate(raw):
        raw["sides"] = [{"id": i, "name": n, "members": list(m)} for i, n, m in sides]

    return mutate


RUSSIA = ("russia", "Russia", ["russia"])
UKRAINE = ("ukraine", "Ukraine", ["ukraine"])

# (mutation, fragments the message must contain)
CASES = {
    "missing field": (
        drop_field("quotes", "q06", "speaker"),
        [at("quotes", "q06"), "missing required field 'speaker'"],
    ),
    "unknown field (typo)": (
        lambda raw: item(raw, "quotes", "q06").update(spekaer="naumov"),
        [at("quotes", "q06"), "unknown field 'spekaer'", "did you mean 'speaker'"],
    ),
    "unknown quote kind": (
        set_field("quotes", "q06", "kind", "quoted"),
        [at("quotes", "q06") + ".kind", "direct, partial, indirect"],
    ),
    "unknown actor kind": (
        set_field("actors", "putin", "kind", "president"),
        [at("actors", "putin") + ".kind", "person, organization"],
    ),
    "unknown source type": (
        set_field("claims", "c01", "source_type", "reporter"),
        [at("claims", "c01") + ".source_type", "unattributed"],
    ),
    "unknown paragraph role": (
        set_field("paragraphs", "p19", "role", "author"),
        [at("paragraphs", "p19") + ".role", "byline"],
    ),
    "wrong type": (
        set_field("quotes", "q06", "start", "twelve"),
        [at("quotes", "q06") + ".start", "expected `int"],
    ),
    "negative offset": (
        set_field("mentions", "m001", "start", -3),
        [at("mentions", "m001") + ".start", ">= 0"],
    ),
    "end past the text": (
        set_field("paragraphs", "p21", "end", 99999),
        [
            at("paragraphs", "p21"),
            "past the end of the text",
            f"the text occurs at start: {TEXT.index('© 2025')}",
        ],
    ),
    "offsets off by one": (
        shift,
        [
            at("quotes", "q06"),
            "expected 'This is an absolute mockery,'",
            f"the text occurs at start: {MOCKERY}, end: {MOCKERY + 28}",
        ],
    ),
    "text not in the article": (
        set_field("quotes", LAST_QUOTE, "text", "Our friends in America"),
        [at("quotes", LAST_QUOTE), "does not occur in the article"],
    ),
    "end before start": (
        set_field("figures", "f01", "end", 0),
        [at("figures", "f01"), "must be greater than start"],
    ),
    "duplicate id": (
        duplicate_id,
        [f"quotes[1] (id '{FIRST_QUOTE}')", "duplicate id", "quotes[0]"],
    ),
    "unknown speaker": (
        set_field("quotes", "q06", "speaker", "nauomv"),
        [at("quotes", "q06") + ".speaker", "unknown actor id 'nauomv'", "naumov"],
    ),
    "unknown document": (
        set_field("demands", "d07", "document", "peace-plan"),
        [at("demands", "d07") + ".document", "unknown document id", "twenty-point-plan"],
    ),
    "unattributed claim with a source": (
        set_field("claims", "c01", "source", "putin"),
        [at("claims", "c01") + ".source", "has no source"],
    ),
    "named claim without a source": (
        drop_field("claims", "c06", "source"),
        [at("claims", "c06") + ".source", "needs a source"],
    ),
    "place not in the demand": (
        set_field("demands", "d01", "places", ["Donetsk", "Crimea"]),
        [at("demands", "d01") + ".places[1]", "'Crimea' does not occur"],
    ),
    "condition not in the demand": (
        set_field("demands", "d08", "condition", "if Russia agrees"),
        [at("demands", "d08") + ".condition", "as printed"],
    ),
    "channel not in the text": (
        set_field("quotes", "q06", "channel", "Telegram, 12 March"),
        [at("quotes", "q06") + ".channel", "does not occur"],
    ),
    "sentences out of order": (overlap_sentences, [at("sentences", "s02"), "reading order"]),
    "bad id": (
        set_field("actors", "putin", "id", "Vladimir Putin"),
        ["actors[1] (id 'Vladimir Putin').id", "lower-case letters, digits and hyphens"],
    ),
    "wrong schema version": (
        lambda raw: raw.update(schema_version=2),
        ["schema_version", "invalid enum value 2"],
    ),
    "no sentences": (lambda raw: raw.update(sentences=[]), ["sentences", "length >= 1"]),
    "cue offsets wrong": (
        lambda raw: item(raw, "quotes", "q06")["cue"].update(start=3),
        [at("quotes", "q06") + ".cue", "expected 'said'"],
    ),
    "top level not a mapping": (None, ["top level", "expected a mapping"]),
    "unknown actor in a side": (
        with_sides(RUSSIA, ("ukraine", "Ukraine", ["ukraine", "zelensky"])),
        ["sides[1] (id 'ukraine').members[1]", "unknown actor id 'zelensky'", "zelenskyy"],
    ),
    "duplicate side id": (
        with_sides(RUSSIA, ("russia", "Ukraine", ["ukraine"])),
        ["sides[1] (id 'russia')", "duplicate side id", "sides[0]", "rename one"],
    ),
    "actor on two sides": (
        with_sides(("russia", "Russia", ["russia", "peskov"]), ("kremlin", "Kremlin", ["peskov"])),
        [
            "sides[1] (id 'kremlin').members[0]",
            "'peskov' is already a member of sides[0] (id 'russia')",
            "remove it from one of them",
        ],
    ),  # fmt: skip
    "side id 'other'": (
        with_sides(RUSSIA, ("other", "Everyone else", ["nato"])),
        ["sides[1] (id 'other').id", "reserved", "another id"],
    ),
    "side without members": (
        with_sides(RUSSIA, ("ukraine", "Ukraine", [])),
        ["sides[1] (id 'ukraine').members", "length >= 1"],
    ),
    "unknown field in a side": (
        lambda raw: raw.update(sides=[{"id": "russia", "name": "Russia", "member": ["russia"]}]),
        ["sides[0] (id 'russia')", "unknown field 'member'", "did you mean 'members'"],
    ),
    "side without a name": (
        lambda raw: raw.update(sides=[{"id": "russia", "members": ["russia"]}]),
        ["sides[0] (id 'russia')", "missing required field 'name'"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_annotation_names_file_item_and_fix(case):
    mutate, fragments = CASES[case]
    raw = copy.deepcopy(RAW)
    if mutate is None:
        raw = list(raw)
    else:
        mutate(raw)
    with pytest.raises(kitlib.AnnotationError) as err:
        validate_annotation(raw, TEXT, "annotation.yaml")
    message = str(err.value)
    assert message.startswith("annotation.yaml: ")
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("case", [c for c in CASES if CASES[c][0] is not None])
def test_a_malformed_file_on_disk_is_named_with_its_path_and_field(case, tmp_path):
    """Loaded from a folder, each case names that folder's annotation.yaml and the field."""
    mutate, fragments = CASES[case]
    folder = copy_seed(tmp_path)
    raw = copy.deepcopy(RAW)
    mutate(raw)
    annotation = folder / "annotation.yaml"
    annotation.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(kitlib.AnnotationError) as err:
        kitlib.load_article(folder)
    assert err.value.file.endswith(str(annotation)), err.value.file
    assert str(err.value).startswith(f"{err.value.file}: ")
    assert any(fragments[0] in problem for problem in err.value.problems), err.value.problems


def test_every_problem_is_reported_at_once():
    raw = copy.deepcopy(RAW)
    set_field("quotes", "q06", "speaker", "nobody")(raw)
    shift(raw)
    err = pytest.raises(kitlib.AnnotationError, validate_annotation, raw, TEXT, "a.yaml").value
    assert len(err.problems) == 2


def copy_seed(tmp_path):
    folder = tmp_path / "article"
    shutil.copytree(SEED, folder)
    return folder


def test_malformed_yaml_names_line_and_column(tmp_path):
    folder = copy_seed(tmp_path)
    (folder / "annotation.yaml").write_text(
        "schema_version: 1\nparagraphs:\n  - id: p01\n   role: x\n"
    )
    with pytest.raises(kitlib.AnnotationError) as err:
        kitlib.load_article(folder)
    assert "annotation.yaml" in str(err.value) and "line 4" in str(err.value)
    assert "not valid YAML" in str(err.value)


def test_missing_text_file_is_named(tmp_path):
    folder = copy_seed(tmp_path)
    (folder / "article.txt").unlink()
    with pytest.raises(kitlib.AnnotationError, match="cannot read the article text 'article.txt'"):
        kitlib.load_article(folder)


def test_non_utf8_annotation(tmp_path):
    folder = copy_seed(tmp_path)
    (folder / "annotation.yaml").write_bytes(b"schema_version: 1\n\xff\xfe")
    with pytest.raises(kitlib.AnnotationError, match="not UTF-8"):
        kitlib.load_article(folder)


def test_an_edit_is_seen_without_restart(tmp_path):
    folder = copy_seed(tmp_path)
    assert len(kitlib.load_article(folder).quotes) == len(RAW["quotes"])
    file = folder / "annotation.yaml"
    file.write_text(file.read_text().replace("kind: direct", "kind: directly", 1))
    with pytest.raises(kitlib.AnnotationError, match="directly"):
        kitlib.load_article(folder)


# Property: any mutation of a valid annotation loads or raises AnnotationError, nothing else.

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5000),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["putin", "q01", "direct", "named"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, (*prefix, i))


ALL_PATHS = [p for p in paths(RAW) if p]


@st.composite
def mutated(draw):
    raw = copy.deepcopy(RAW)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = raw
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
            if action == "replace":
                parent[path[-1]] = draw(VALUES)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, list):
                parent.append(copy.deepcopy(parent[path[-1]]))
        except (KeyError, IndexError, TypeError):
            pass  # an earlier mutation removed this path
    return raw


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutations_load_or_raise_the_kits_error(raw):
    try:
        validate_annotation(raw, TEXT, "annotation.yaml")
    except kitlib.AnnotationError as err:
        assert str(err).startswith("annotation.yaml: ")
        assert err.problems


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_yaml_text_raises_the_kits_error(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("a")
    shutil.copy(SEED / "article.txt", folder / "article.txt")
    (folder / "annotation.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(kitlib.AnnotationError):
        kitlib.load_article(folder)


def test_side_ids_may_be_actor_ids_and_every_side_problem_is_reported_at_once():
    raw = copy.deepcopy(RAW)
    with_sides(RUSSIA, UKRAINE)(raw)  # side ids equal to the countries' actor ids: allowed
    assert [side.id for side in validate_annotation(raw, TEXT).sides] == ["russia", "ukraine"]
    with_sides(("other", "Russia", ["russia", "nobody"]), ("other", "Ukraine", ["russia"]))(raw)
    err = pytest.raises(kitlib.AnnotationError, validate_annotation, raw, TEXT, "a.yaml").value
    assert len(err.problems) == 5  # reserved id twice, a duplicate, an unknown and a double member
