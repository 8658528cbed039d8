"""The highlighted article, the quote explorer and the quiz widget (kitlib.widgets)."""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kitlib
from kitlib import palette, widgets

VOID = {"br", "hr", "img", "input", "meta", "link"}


class Reader(HTMLParser):
    """Checks nesting while reading; collects visible text, label text and text per data-id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.labels: list[str] = []
        self.by_id: dict[str, list[str]] = defaultdict(list)
        self.paragraphs = 0
        self.highlights: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            return
        self.stack.append((tag, attrs))
        self.paragraphs += tag == "p"
        if tag == "span" and "kit-hl" in attrs.get("class", ""):
            self.highlights.append(attrs)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        opened, _attrs = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data):
        if any(tag == "sup" for tag, _a in self.stack):
            self.labels.append(data)
            return
        self.text.append(data)
        for tag, attrs in self.stack:
            if tag == "span":
                for ident in attrs.get("data-ids", "").split():
                    self.by_id[ident].append(data)


def read(markup: str) -> Reader:
    reader = Reader()
    reader.feed(markup)
    reader.close()
    assert not reader.stack, f"unclosed tags: {[t for t, _a in reader.stack]}"
    return reader


def span_of(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


@pytest.fixture
def tiny():
    """A made-up article with the awkward cases: nested quotes, markup characters, a byline."""
    text = (
        'Putin said Moscow could make some "accommodations," a <b>bold</b> move & more.\n'
        '"It is a mockery," Naumov said. Analysts say time favors Moscow.\n'
        "\n"
        "Jim Writer"
    )
    lines = [(*span_of(text, line), "byline" if line.startswith("Jim") else "body")
             for line in text.split("\n") if line]  # fmt: skip
    paragraphs = pd.DataFrame(
        [(f"p{i:02d}", s, e, text[s:e], r) for i, (s, e, r) in enumerate(lines, 1)],
        columns=["paragraph_id", "start", "end", "text", "role"],
    )
    sentence_spans = [
        ("s01", "p01", (lines[0][0], lines[0][1])),
        ("s02", "p02", span_of(text, '"It is a mockery," Naumov said.')),
        ("s03", "p02", span_of(text, "Analysts say time favors Moscow.")),
        ("s04", "p03", (lines[2][0], lines[2][1])),
    ]
    sentences = pd.DataFrame(
        [(i, p, s, e, text[s:e]) for i, p, (s, e) in sentence_spans],
        columns=["sentence_id", "paragraph_id", "start", "end", "text"],
    )
    actors = pd.DataFrame(
        [
            ("putin", "Vladimir Putin", "person", "Russian President", "russia", "russia"),
            ("russia", "Russia", "country", None, None, "russia"),
            ("naumov", "Aleksei Naumov", "person", "analyst", None, "other"),
            ("analysts", "analysts", "group", None, None, "other"),
        ],
        columns=["actor_id", "name", "kind", "role", "affiliation", "side"],
    )
    found = [
        ("putin", "Putin", 0, "name", "s01"),
        ("russia", "Moscow", 0, "metonym", "s01"),
        ("naumov", "Naumov", 0, "name", "s02"),
        ("analysts", "Analysts", 0, "description", "s03"),
        ("russia", "Moscow", 1, "metonym", "s03"),
    ]
    mentions = pd.DataFrame(
        [
            (f"m{i:03d}", a, *span_of(text, part, n), part, sid, form)
            for i, (a, part, n, form, sid) in enumerate(found, 1)
        ],
        columns=["mention_id", "actor_id", "start", "end", "text", "sentence_id", "form"],
    )
    said_1, said_2 = span_of(text, "said"), span_of(text, "said", 1)
    reported = 'Moscow could make some "accommodations,"'
    quote_rows = [
        ("q01", "putin", "indirect", said_1, None, "Friday", reported, "s01"),
        ("q02", "putin", "partial", said_1, None, "Friday", "accommodations", "s01"),
        ("q03", "naumov", "direct", said_2, "a post on Telegram", None, "It is a mockery,", "s02"),
    ]  # fmt: skip
    quotes = pd.DataFrame(
        [
            (q, sp, k, text[c[0] : c[1]], *c, ch, d, t, *span_of(text, t), sid)
            for q, sp, k, c, ch, d, t, sid in quote_rows
        ],
        columns=["quote_id", "speaker_id", "kind", "cue", "cue_start", "cue_end", "channel",
                 "day", "text", "start", "end", "sentence_id"],
    )  # fmt: skip
    claim_rows = [
        ("c01", 'Putin said Moscow could make some "accommodations,"', "putin", "named", None),
        ("c02", "Analysts say time favors Moscow.", "analysts", "unnamed", "no names given"),
        ("c03", "a <b>bold</b> move & more.", None, "unattributed", None),
    ]
    claims = pd.DataFrame(
        [(c, t, *span_of(text, t), None, src, kind, note) for c, t, src, kind, note in claim_rows],
        columns=["claim_id", "text", "start", "end", "sentence_id", "source_id", "source_type",
                 "note"],
    )  # fmt: skip
    documents = pd.DataFrame(
        [], columns=["document_id", "name", "drafted_by", "presented_by", "start", "end", "text"]
    )
    return SimpleNamespace(
        name="tiny",
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        actors=actors,
        mentions=mentions,
        quotes=quotes,
        claims=claims,
        documents=documents,
    )


def visible_lines(article) -> list[str]:
    return [line for line in article.text.split("\n") if line.strip()]


# ---------------------------------------------------------------- highlight_html


@pytest.mark.parametrize("layers", ["actors", "quotes", "claims", ["quotes", "claims"], []])
def test_highlighting_keeps_the_text_and_its_paragraphs(tiny, layers):
    reader = read(widgets.highlight_html(tiny, layers))
    assert "".join(reader.text) == "".join(visible_lines(tiny))
    assert reader.paragraphs == len(visible_lines(tiny))


def test_markup_in_the_article_is_escaped(tiny):
    markup = widgets.highlight_html(tiny, "claims")
    assert "<b>" not in markup
    assert "&lt;b&gt;bold&lt;/b&gt; move &amp; more." in markup


def test_each_quote_is_highlighted_exactly_even_when_nested(tiny):
    reader = read(widgets.highlight_html(tiny, "quotes"))
    for quote in tiny.quotes.itertuples():
        assert "".join(reader.by_id[quote.quote_id]) == quote.text
    # the partial quote sits inside the indirect one: its piece carries both classes and ids
    inner = [h for h in reader.highlights if "q02" in h["data-ids"].split()]
    assert len(inner) == 1
    assert {"kit-quotes-indirect", "kit-quotes-partial"} <= set(inner[0]["class"].split())
    assert inner[0]["data-ids"].split() == ["q01", "q02"]


def test_hover_titles_say_kind_speaker_and_cue(tiny):
    reader = read(widgets.highlight_html(tiny, "quotes"))
    titles = {h["title"] for h in reader.highlights}
    assert "direct quote — Aleksei Naumov, said" in titles
    claims = read(widgets.highlight_html(tiny, "claims"))
    claim_titles = " ".join(h["title"] for h in claims.highlights)
    assert "unnamed source — analysts (no names given)" in claim_titles
    assert "unattributed — no source in this sentence" in claim_titles


def style_of(attrs: dict) -> dict[str, str]:
    return dict(part.split(":", 1) for part in attrs["style"].strip(";").split(";") if part)


# The CSS properties each layer may set: no two layers share one, so any mix stays readable.
CHANNEL_PROPERTIES = {
    "actors": {"background", "color", "border-radius", "padding"},
    "quotes": {
        "text-decoration-line",
        "text-decoration-style",
        "text-decoration-color",
        "text-decoration-thickness",
        "text-underline-offset",
        "text-decoration-skip-ink",
    },
    "claims": {"border-top"},
}


def test_each_layer_draws_with_its_own_channel_and_a_cue_besides_colour(tiny):
    for layer, allowed in CHANNEL_PROPERTIES.items():
        reader = read(widgets.highlight_html(tiny, layer))
        for attrs in reader.highlights:
            style = style_of(attrs)
            assert set(style) <= allowed, (layer, style)
            if layer == "actors":  # a tint, black or white text on it, and the side in a tag
                assert palette.contrast_ratio(style["color"], style["background"]) >= 4.5
            elif layer == "quotes":  # the line style says the kind
                assert style["text-decoration-style"] in ("solid", "dashed", "dotted")
                assert re.fullmatch(r"#[0-9A-F]{6}", style["text-decoration-color"])
            else:
                assert re.fullmatch(
                    r"3px (solid|dashed|dotted|double) #[0-9A-F]{6}", style["border-top"]
                )
    for first, second in [("actors", "quotes"), ("actors", "claims"), ("quotes", "claims")]:
        assert not CHANNEL_PROPERTIES[first] & CHANNEL_PROPERTIES[second]


def test_all_layers_at_once_keep_every_channel_on_a_shared_piece(tiny):
    reader = read(widgets.highlight_html(tiny, ["actors", "quotes", "claims"]))
    # "Putin" is a mention, inside an indirect quote's sentence and a named claim
    piece = next(h for h in reader.highlights if h["data-ids"].split()[-1] == "m001")
    classes = set(piece["class"].split())
    assert {"kit-actors-russia", "kit-claims-named"} <= classes
    style = style_of(piece)
    assert "background" in style and style["border-top"].startswith("3px solid")


def test_tags_are_few_short_and_never_repeat_or_wrap(tiny, art):
    for article in (tiny, art):
        markup = widgets.highlight_html(article, ["actors", "quotes", "claims"])
        reader = read(markup)
        tagged = article.mentions.actor_id.map(widgets._Lookup.of(article).side)
        assert len(reader.labels) <= (tagged != "other").sum()  # actors only, "other" untagged
        for tag in reader.labels:
            parts = tag.split(widgets.TAG_SEPARATOR)
            assert len(parts) == len(set(parts)), tag  # never "other · other"
            assert "other" not in parts and "no source" not in parts
        assert markup.count("<sup") == markup.count("white-space:nowrap")


def test_labels_differ_between_categories_so_colour_is_never_the_only_cue(art, tiny):
    actors = [widgets.layer_for(a, "actors") for a in (art, tiny)]
    for layer in [*widgets.LAYERS.values(), *actors]:
        assert len(set(layer.labels.values())) == len(layer.labels)
        styles = {palette.line_style_for(c, layer.colors) for c in layer.colors}
        assert len(styles) == len(layer.colors)


def test_okabe_ito_tints_meet_wcag_aa_with_their_text_colour():
    sides = palette.side_colors(f"side-{i}" for i in range(len(palette.SIDE_COLORWAY)))
    for colors in (palette.QUOTE_KIND_COLORS, palette.SOURCE_TYPE_COLORS, sides):
        for color in colors.values():
            background = palette.tint(color)
            text = palette.readable_text_color(background)
            assert palette.contrast_ratio(text, background) >= 4.5


def test_contrast_ratio_matches_wcag_reference_values():
    assert palette.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert palette.contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_highlighted_is_a_static_output_with_a_text_summary(tiny):
    shown = widgets.highlighted(tiny, ["quotes", "claims"])
    assert repr(shown) == "The article with 3 quotes, 3 claims highlighted."
    markup = shown._repr_html_()
    assert markup == widgets.legend_html(tiny, ["quotes", "claims"]) + widgets.highlight_html(
        tiny, ["quotes", "claims"]
    )
    read(markup)


def test_unknown_layer_says_which_layers_exist(tiny):
    with pytest.raises(ValueError, match="actors, quotes, claims"):
        widgets.highlight_html(tiny, "quotse")


def test_legend_counts_each_category_and_notes_empty_layers(tiny):
    legend = widgets.legend_html(tiny, ["quotes", "claims"])
    assert "direct quote: the speaker&#x27;s exact words" in legend
    assert "(1)</li>" in legend
    empty = SimpleNamespace(**{**vars(tiny), "claims": tiny.claims.iloc[0:0]})
    assert "no claims annotated yet" in widgets.legend_html(empty, "claims")
    assert "No layer chosen" in widgets.legend_html(tiny, [])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["a", "b", "c"])),
        max_size=8,
    )
)
def test_any_overlap_gives_well_formed_html_that_keeps_the_text(raw):
    text = 'Some <text> & "quotes"\nacross two lines, to cut anywhere'
    spans = [
        widgets.Span(min(s, e), max(s, e), f"kit-x-{c}", f"t{i}", c, "#0072B2", ident=f"i{i}")
        for i, (s, e, c) in enumerate(raw)
    ]
    first = text.index("\n")
    markup = widgets._spans_html(text, 0, first, spans) + widgets._spans_html(
        text, first + 1, len(text), spans
    )
    reader = read(f"<div>{markup}</div>")
    assert "".join(reader.text) == text.replace("\n", "")
    for span in spans:
        if span.start < span.end:
            expected = text[span.start : span.end].replace("\n", "")
            assert "".join(reader.by_id[span.ident]) == expected


@pytest.mark.parametrize("seed", kitlib.seed_names())
def test_every_shipped_article_highlights_each_row_exactly(seed):
    art = kitlib.load_article(seed)
    for layer in widgets.LAYERS:
        reader = read(widgets.highlight_html(art, layer))
        table = getattr(art, widgets.LAYERS[layer].table)
        ident = table.columns[0]
        for row in table.itertuples():
            highlighted = "".join(reader.by_id[getattr(row, ident)])
            assert highlighted == row.text.replace("\n", "")
        assert reader.paragraphs == len(art.paragraphs)


# ---------------------------------------------------------------- quotes, speaker by speaker


def test_speaker_options_count_quotes_most_quoted_first(art):
    options = widgets.speaker_options(art)
    counts = art.quotes.speaker_id.value_counts()
    assert [sid for _label, sid in options] == sorted(
        counts.index, key=lambda s: (-counts[s], art.actors.set_index("actor_id").name[s])
    )
    for label, sid in options:
        assert label.endswith(f"({counts[sid]} quote{'s' if counts[sid] > 1 else ''})")


def test_quote_cards_show_each_quote_in_its_sentence(art):
    for _label, sid in widgets.speaker_options(art):
        mine = art.quotes[art.quotes.speaker_id == sid]
        markup = widgets.quote_cards_html(art, sid)
        reader = read(markup)
        assert markup.count('class="kit-quote-card"') == len(mine)
        for quote in mine.itertuples():
            assert quote.text in "".join(reader.by_id[quote.quote_id])
            sentence = art.sentences.set_index("sentence_id").text[quote.sentence_id]
            assert sentence in "".join(reader.text)
            assert f"<strong>cue:</strong> {quote.cue}" in markup
            if quote.channel is not None:
                assert quote.channel in markup


def test_quote_cards_for_a_silent_actor_say_so(tiny):
    assert "has no quotes from analysts" in widgets.quote_cards_html(tiny, "analysts")


# ---------------------------------------------------------------- the widgets


def test_article_viewer_toggles_layers(tiny):
    viewer = widgets.article_viewer(tiny)
    _heading, row, legend, body = viewer.children
    boxes = {box.description: box for box in row.children}
    assert set(boxes) == {"Actors", "Quotes", "Claims"}
    assert "kit-quotes-direct" in body.value and "kit-claims-" not in body.value
    boxes["Claims"].value = True
    boxes["Quotes"].value = False
    assert "kit-claims-named" in body.value and "kit-quotes-" not in body.value
    assert "Claims" in legend.value


def test_widget_text_form_is_a_deterministic_summary(tiny):
    first = repr(widgets.article_viewer(tiny))
    assert first == repr(widgets.article_viewer(tiny))
    assert first == "Article viewer (5 mentions, 3 quotes, 3 claims). Run the cell to use it."
    bundle = widgets.quote_explorer(tiny)._repr_mimebundle_()
    assert (
        bundle["text/plain"] == "Quote explorer (3 quotes from 2 speakers). Run the cell to use it."
    )
    for widget in (widgets.article_viewer(tiny), widgets.quote_explorer(tiny)):
        assert not re.search(r"0x[0-9a-f]{6,}|[0-9a-f]{32}", repr(widget))


def test_quote_explorer_follows_the_dropdown(tiny):
    explorer = widgets.quote_explorer(tiny)
    picker, cards = explorer.children
    assert picker.value == "putin"
    assert "accommodations" in cards.value
    picker.value = "naumov"
    assert "It is a mockery," in cards.value and "a post on Telegram" in cards.value


def test_viewers_explain_instead_of_raising(tiny):
    viewer = widgets.article_viewer(tiny, layers="nonsense")
    assert "cannot start" in repr(viewer) and "unknown layer" in repr(viewer)
    no_quotes = SimpleNamespace(**{**vars(tiny), "quotes": tiny.quotes.iloc[0:0]})
    assert "no quotes" in repr(widgets.quote_explorer(no_quotes))


def test_choice_quiz_checks_the_chosen_option():
    seen = []

    def checker(value):
        seen.append(value)
        return SimpleNamespace(correct=value == "b", message=f"you chose {value}")

    quiz = widgets.choice_quiz("Which?", [("first", "a"), ("second", "b")], checker)
    _prompt, choices, buttons, feedback = quiz.children
    (button,) = buttons.children  # no hinter, no Hint button
    button.click()
    assert "Choose an answer first" in feedback.value and seen == []
    choices.value = "b"
    button.click()
    assert seen == ["b"]
    assert "Correct." in feedback.value and "you chose b" in feedback.value
    choices.value = "a"
    button.click()
    assert "Not yet." in feedback.value


def test_choice_quiz_uses_rich_feedback_and_survives_a_failing_checker():
    class Rich:
        correct = True
        message = "plain"

        def _repr_html_(self):
            return "<p>rich</p>"

    quiz = widgets.choice_quiz("Q?", ["x"], lambda value: Rich())
    _prompt, choices, buttons, feedback = quiz.children
    choices.value = "x"
    buttons.children[0].click()
    assert feedback.value == "<p>rich</p>"

    def broken(*args):
        raise KeyError("no such exercise")

    quiz = widgets.choice_quiz("Q?", ["x"], broken, hinter=broken)
    _prompt, choices, buttons, feedback = quiz.children
    choices.value = "x"
    buttons.children[0].click()
    assert "could not be checked" in feedback.value
    buttons.children[1].click()
    assert "No hint could be shown" in feedback.value


@pytest.fixture
def choice_exercise():
    """A throwaway multiple-choice exercise in the check framework's registry."""
    import importlib

    registry = importlib.import_module("kitlib.framework")
    exercise_id = "article.widget-test-choice"
    registry.Choice(
        exercise_id,
        "Who is quoted in paragraph 7?",
        options={"a": "Aleksei Naumov", "b": "Georgi Bovt"},
        answer="a",
        feedback={"b": "Bovt speaks in paragraph 11."},
        hints=["Read paragraph 7 again.", "Look for the name next to 'said'."],
    )
    yield exercise_id
    registry.unregister(exercise_id)


def test_quiz_wires_a_choice_exercise_to_check_and_hint(choice_exercise, tiny):
    import importlib

    checks = importlib.import_module("kitlib.checking")
    checks.reset_hints(choice_exercise)
    quiz = widgets.quiz(choice_exercise, article=tiny)
    assert repr(quiz).startswith(f"Quiz {choice_exercise}: Who is quoted in paragraph 7?")
    prompt, choices, buttons, feedback = quiz.children
    assert "Who is quoted in paragraph 7?" in prompt.value
    assert choices.options == (("(a) Aleksei Naumov", "a"), ("(b) Georgi Bovt", "b"))
    check_button, hint_button = buttons.children
    choices.value = "b"
    check_button.click()
    assert feedback.value == checks.check(choice_exercise, "b", article=tiny)._repr_html_()
    assert "Bovt speaks in paragraph 11." in feedback.value
    choices.value = "a"
    check_button.click()
    assert "kitlib-correct" in feedback.value
    hint_button.click()
    assert "Read paragraph 7 again." in feedback.value
    hint_button.click()
    assert "Look for the name next to" in feedback.value
    checks.reset_hints(choice_exercise)


def test_quiz_explains_unknown_and_non_choice_exercises(choice_exercise):
    typo = widgets.quiz(choice_exercise.replace("choice", "choise"))
    assert f"Did you mean {choice_exercise!r}" in repr(typo)
    assert "should be text" in repr(widgets.quiz(3))


# ---------------------------------------------------------------- sides


def actor_legend(article) -> dict[str, tuple[str, str]]:
    """Legend line -> (tag, side colour) of the actors layer ("" for the untagged "other")."""
    legend = widgets.legend_html(article, "actors")
    item = r"background:(#[0-9A-F]{6});.*?</span>(?:<sup[^>]*>([^<]*)</sup>)? ([^<]*)</li>"
    tints = {palette.tint(c): c for c in [*palette.SIDE_COLORWAY, palette.GREY]}
    return {meaning: (label, tints[tint]) for tint, label, meaning in re.findall(item, legend)}


def test_actor_legend_names_the_course_sides_in_their_colours(art):
    ok = palette.OKABE_ITO
    side = art.actors.set_index("actor_id").side
    n = art.mentions.actor_id.map(side).value_counts()
    assert actor_legend(art) == {
        f"a mention of an actor on the side of Russia ({n['russia']})": ("Russia",
                                                                         ok["vermillion"]),
        f"a mention of an actor on the side of Ukraine ({n['ukraine']})": ("Ukraine", ok["blue"]),
        f"a mention of an actor on the side of United States ({n['united-states']})": (
            "United States", ok["bluish_green"]),
        f"a mention of any other actor ({n['other']})": ("", palette.GREY),
    }  # fmt: skip


def test_actor_layer_speaks_of_the_declared_sides_only(tmp_path):
    from .test_article import harbor_with_sides

    art = kitlib.load_article(harbor_with_sides(tmp_path))
    way = palette.SIDE_COLORWAY
    assert actor_legend(art) == {
        "a mention of an actor on the side of The bridge authority (2)": (
            "The bridge authority", way[0]),
        "a mention of an actor on the side of Valdoria (4)": ("Valdoria", way[1]),
        "a mention of an actor on the side of Marenland (5)": ("Marenland", way[2]),
        "a mention of an actor on the side of The transport ministers (1)": (
            "The transport ministers", way[3]),
        "a mention of any other actor (5)": ("", palette.GREY),
    }  # fmt: skip
    page = widgets.highlight_html(art, "actors")
    assert "kit-actors-ministers" in page
    assert "mention of Ilse Brandvik (person, Valdoria), by name" in page
    for word in ("Russia", "Ukrain", "RU", "UA", "Americ"):
        assert word not in page + widgets.legend_html(art, "actors"), word


def test_a_side_with_no_mentions_stays_in_the_legend_with_a_zero(tmp_path):
    from .test_article import harbor_with_sides

    sides = """
sides:
- id: valdoria
  name: Valdoria
  members: [valdoria]
- id: couriers
  name: Couriers
  members: [estuary-courier]
"""
    art = kitlib.load_article(harbor_with_sides(tmp_path, sides))
    art.mentions = art.mentions[art.mentions.actor_id != "estuary-courier"]
    assert "a mention of an actor on the side of Couriers (0)" in actor_legend(art)


def test_two_sides_with_one_name_still_get_different_labels(tmp_path):
    from .test_article import harbor_with_sides

    sides = """
sides:
- id: north-bank
  name: The bank
  members: [valdoria]
- id: south-bank
  name: The bank
  members: [marenland]
"""
    layer = widgets.layer_for(kitlib.load_article(harbor_with_sides(tmp_path, sides)), "actors")
    assert layer.labels == {"north-bank": "The bank", "south-bank": "south-bank", "other": "other"}


@pytest.mark.parametrize("width", range(8, 60, 3))
def test_shortened_text_is_cut_between_words_with_an_ellipsis(width):
    text = "Russian officials and analysts signaled the Kremlin is unlikely to accept terms"
    from kitlib.display import shorten

    short = shorten(text, width)
    assert len(short) <= width
    assert short.endswith("…")
    kept = short.removesuffix("…").split()
    assert kept == text.split()[: len(kept)]  # whole words only, never half of one


def test_a_quoted_example_in_feedback_is_cut_between_words():
    import kitlib
    from kitlib.lessons.l03_quotes import _cue_example

    art = kitlib.load_article()
    for cues in (["said"], ["insisted"], ["signaled"], ["reiterated"]):
        example = _cue_example(art, cues)
        words = example.split(": “", 1)[1].removesuffix("”").removesuffix("…").split()
        # The last word kept is a whole word of the text, never the start of one ("posi…").
        pattern = re.escape(" ".join(words)) + r"(?![\w])"
        assert re.search(pattern, " ".join(art.text.split())), example


def test_a_long_quiz_question_is_summarised_without_cutting_a_word():
    question = "Which statement about reporting verbs (cues) is right, given the sentence " * 3
    box = widgets.choice_quiz(question, ["a", "b"], lambda v: None, title="Quiz x")
    summary = repr(box)
    assert len(summary) <= 110
    shown = summary.split(": ", 1)[1].split("…")[0].split()
    assert shown == question.split()[: len(shown)]
