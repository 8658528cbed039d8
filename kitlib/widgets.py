"""Widgets for the lessons: the highlighted article, a quote explorer and multiple-choice quizzes.

The HTML is built by plain functions (``highlight_html``, ``legend_html``, ``quote_cards_html``)
that need no widgets, so they can be tested and reused in exported HTML. The widget functions wrap
them in ipywidgets, imported on first use so that ``import kitlib`` stays fast.

Each layer has a visual channel of its own, so any combination of layers stays readable:
actors tint the background by side (and name the side in a small tag after the mention), quotes
underline their words (the line style says the kind), claims draw a line above theirs (the line
style says the source type). Colour is never the only cue: line styles and side tags carry it too,
the legend explains every one, and text on a tinted background always meets WCAG AA contrast.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kitlib import palette
from kitlib.article import as_article, given
from kitlib.display import shorten, wrap
from kitlib.sides import OTHER_SIDE, side_colors, side_names

__all__ = [
    "LAYERS",
    "layer_for",
    "highlight_html",
    "legend_html",
    "highlighted",
    "quote_cards_html",
    "speaker_options",
    "article_viewer",
    "quote_explorer",
    "quiz",
    "choice_quiz",
]


@dataclass(frozen=True)
class Layer:
    """How one table of the article is highlighted: its categories, colours, labels, words."""

    name: str
    title: str
    table: str
    unit: str
    colors: dict[str, str]
    labels: dict[str, str]
    meanings: dict[str, str]
    how: str = ""  # how the layer looks, for the legend: its channel and its second cue


OTHER_MEANING = "a mention of any other actor"
ACTORS_HOW = (
    "background colour by side; the side's name follows each mention, other actors get none"
)

LAYERS = {
    # The actors layer colours mentions by side: its sides are the article's (see layer_for);
    # this one holds only "other", the side every article has.
    "actors": Layer(
        name="actors",
        title="Actors",
        table="mentions",
        unit="mention",
        colors={OTHER_SIDE: palette.OTHER_SIDE_COLOR},
        labels={OTHER_SIDE: OTHER_SIDE},
        meanings={OTHER_SIDE: OTHER_MEANING},
        how=ACTORS_HOW,
    ),
    "quotes": Layer(
        name="quotes",
        title="Quotes",
        table="quotes",
        unit="quote",
        colors=palette.QUOTE_KIND_COLORS,
        labels={"direct": "direct", "partial": "partial", "indirect": "indirect"},
        meanings={
            "direct": "direct quote: the speaker's exact words, inside quotation marks",
            "partial": "partial quote: a quoted fragment inside reported speech",
            "indirect": "indirect quote: reported speech in the writer's words, no quotation marks",
        },
        how="underlined; the line style says the kind",
    ),
    "claims": Layer(
        name="claims",
        title="Claims",
        table="claims",
        unit="claim",
        colors=palette.SOURCE_TYPE_COLORS,
        labels={
            "named": "named",
            "unnamed": "unnamed",
            "document": "document",
            "unattributed": "unattributed",
        },
        meanings={
            "named": "named source: a person or body the text names",
            "unnamed": "unnamed source: a group or anonymous source ('analysts say')",
            "document": "document: a plan or proposal, the source of its own terms",
            "unattributed": "unattributed: the writer's own voice, no source in the sentence",
        },
        how="a line above; its style says the source type",
    ),
}

_CLAIM_TITLES = {
    "named": "named source",
    "unnamed": "unnamed source",
    "document": "document as source",
    "unattributed": "unattributed",
}
_HIGHLIGHT_STYLE = "border-radius:2px;padding:0 1px;"
TAG_SEPARATOR = " · "
# nowrap: a tag never breaks over two lines; line-height 0 keeps the lines of text even.
_TAG_STYLE = (
    "font-family:sans-serif;font-size:0.7em;line-height:0;margin-left:1px;white-space:nowrap;"
)
# The channel each layer draws with (CSS properties that never collide).
CHANNELS = {"actors": "background", "quotes": "underline", "claims": "overline"}
_NOTE_STYLE = "font-style:italic;"


@dataclass(frozen=True)
class Span:
    """One highlighted stretch of text and how it looks."""

    start: int
    end: int
    css_class: str
    title: str
    label: str
    color: str | None  # None: no colour, the span is set in bold instead (a quote's cue)
    line: str = "solid"
    ident: str = ""
    layer: str = ""  # "actors", "quotes", "claims" (its channel), or "" for a cue

    @property
    def tagged(self) -> bool:
        """Only actors get a text tag (their side): it is the background's non-colour cue.
        Quotes and claims carry theirs in the line style; "other" is told by having no tag."""
        return self.layer == "actors" and self.css_class != f"kit-actors-{OTHER_SIDE}"


def layer_for(art, name: str) -> Layer:
    """The layer as drawn for one article: the actors layer gets the article's sides."""
    if name != "actors":
        return LAYERS[name]
    names = side_names(art)
    labels: dict[str, str] = {}
    for side, side_name in names.items():
        # The label is the second cue besides colour: two sides must never share it.
        labels[side] = side_name if side_name not in labels.values() else side
    meanings = {
        side: f"a mention of an actor on the side of {side_name}"
        for side, side_name in names.items()
        if side != OTHER_SIDE
    }
    return Layer(
        name="actors",
        title="Actors",
        table="mentions",
        unit="mention",
        colors=side_colors(art),
        labels=labels,
        meanings={**meanings, OTHER_SIDE: OTHER_MEANING},
        how=ACTORS_HOW,
    )


# ---------------------------------------------------------------- the article, highlighted


def highlight_html(article=None, layers: str | Iterable[str] = "quotes") -> str:
    """The article as HTML with one or more layers highlighted ("actors", "quotes", "claims").

    Paragraphs become ``<p>``; overlapping highlights are split into non-overlapping pieces, each
    carrying the classes of every highlight that covers it, so the HTML always stays well formed.
    """
    art = as_article(article)
    names = _layer_names(layers)
    spans = [span for name in names for span in _layer_spans(art, name)]
    shown = ", ".join(names) if names else "nothing"
    paragraphs = "".join(
        _paragraph_html(art.text, start, end, spans, role)
        for start, end, role in _paragraph_ranges(art)
    )
    return (
        f'<div class="kit-article" role="document" '
        f'aria-label="Article text, highlighted: {html.escape(shown)}" '
        f'style="line-height:2.1;max-width:48em;">{paragraphs}</div>'
    )


def legend_html(article=None, layers: str | Iterable[str] = "quotes") -> str:
    """A text legend for the layers shown: a sample of each highlight, its meaning and count."""
    art = as_article(article)
    names = _layer_names(layers)
    if not names:
        return _note_html("No layer chosen: tick Actors, Quotes or Claims to highlight them.")
    blocks = []
    for name in names:
        layer = layer_for(art, name)
        counts = _category_counts(art, name)
        if not sum(counts.values()):
            blocks.append(_note_html(f"This article has no {layer.table} annotated yet."))
            continue
        items = "".join(
            f"<li>{_sample_html(layer, category)} {html.escape(meaning)} "
            f"({counts.get(category, 0)})</li>"
            for category, meaning in layer.meanings.items()
        )
        how = f" ({html.escape(layer.how)})" if layer.how else ""
        blocks.append(
            f'<div class="kit-legend-{name}"><strong>{html.escape(layer.title)}</strong>{how}'
            f'<ul style="list-style:none;margin:0.2em 0;padding-left:0.5em;line-height:2.2;">'
            f"{items}</ul></div>"
        )
    return f'<div class="kit-legend" role="note" aria-label="Legend">{"".join(blocks)}</div>'


class Highlighted:
    """The highlighted article as a static output: HTML in Jupyter, a one-line summary as text.

    Unlike the widget it renders from a saved notebook and in exported HTML, with no kernel.
    """

    def __init__(self, article=None, layers: str | Iterable[str] = "quotes"):
        self.article = as_article(article)
        self.layers = _layer_names(layers)

    def _repr_html_(self) -> str:
        return legend_html(self.article, self.layers) + highlight_html(self.article, self.layers)

    def __repr__(self) -> str:
        counts = ", ".join(
            _plural(len(_layer_spans(self.article, name)), LAYERS[name].unit)
            for name in self.layers
        )
        return f"The article with {counts or 'nothing'} highlighted."


def highlighted(article=None, layers: str | Iterable[str] = "quotes") -> Highlighted:
    """The article with layers highlighted, as a static output (no widget, no kernel needed)."""
    return Highlighted(article, layers)


def _layer_names(layers: str | Iterable[str] | None) -> list[str]:
    if layers is None:
        return []
    names = [layers] if isinstance(layers, str) else list(layers)
    unknown = [name for name in names if name not in LAYERS]
    if unknown:
        raise ValueError(
            f"unknown layer {unknown[0]!r}: choose among {', '.join(LAYERS)} "
            f"(for example highlight_html(art, 'quotes'))"
        )
    return [name for name in LAYERS if name in names]  # fixed order, no duplicates


def _layer_spans(art, name: str) -> list[Span]:
    table = getattr(art, LAYERS[name].table, None)
    if table is None or table.empty:
        return []
    build = {"actors": _mention_span, "quotes": _quote_span, "claims": _claim_span}[name]
    lookup, layer = _Lookup.of(art), layer_for(art, name)
    return [build(row, lookup, layer) for row in table.itertuples(index=False)]


def _mention_span(row, lookup: _Lookup, layer: Layer) -> Span:
    side = lookup.side(row.actor_id)
    kind = lookup.kinds.get(row.actor_id)
    about = ", ".join(x for x in (kind, lookup.side_names[side]) if x)
    name = lookup.name(row.actor_id)
    return Span(
        start=row.start,
        end=row.end,
        css_class=f"kit-actors-{side}",
        title=f"mention of {name} ({about}), by {given(row.form) or 'a mention'}",
        label=layer.labels[side],
        color=palette.color_for(side, layer.colors),
        line=palette.line_style_for(side, layer.colors),
        ident=row.mention_id,
        layer="actors",
    )


def _quote_span(row, lookup: _Lookup, layer: Layer = LAYERS["quotes"]) -> Span:
    speaker = lookup.name(row.speaker_id)
    return Span(
        start=row.start,
        end=row.end,
        css_class=f"kit-quotes-{row.kind}",
        title=f"{row.kind} quote — {speaker}, {row.cue}",
        label=layer.labels.get(row.kind, row.kind),
        color=palette.color_for(row.kind, layer.colors),
        line=palette.line_style_for(row.kind, layer.colors),
        ident=row.quote_id,
        layer="quotes",
    )


def _claim_span(row, lookup: _Lookup, layer: Layer = LAYERS["claims"]) -> Span:
    kind = row.source_type
    source = given(row.source_id)
    if source:
        who = lookup.name(source)
    else:
        who = "no source in this sentence"
    note = given(row.note)
    return Span(
        start=row.start,
        end=row.end,
        css_class=f"kit-claims-{kind}",
        title=f"{_CLAIM_TITLES.get(kind, kind)} — {who}" + (f" ({note})" if note else ""),
        label=layer.labels.get(kind, kind),
        color=palette.color_for(kind, layer.colors),
        line=palette.line_style_for(kind, layer.colors),
        ident=row.claim_id,
        layer="claims",
    )


def _category_counts(art, name: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for span in _layer_spans(art, name):
        category = span.css_class.removeprefix(f"kit-{name}-")
        counts[category] = counts.get(category, 0) + 1
    return counts


def _paragraph_ranges(art) -> list[tuple[int, int, str]]:
    """(start, end, role) of each non-empty line of the text; role from art.paragraphs if any."""
    roles = {}
    paragraphs = getattr(art, "paragraphs", None)
    if paragraphs is not None and "role" in paragraphs:
        roles = dict(zip(paragraphs.start, paragraphs.role, strict=True))
    ranges, start = [], 0
    for line in art.text.split("\n"):
        end = start + len(line)
        if line.strip():
            ranges.append((start, end, roles.get(start) or "body"))
        start = end + 1
    return ranges


def _paragraph_html(text: str, start: int, end: int, spans: list[Span], role: str) -> str:
    style = "" if role == "body" else ' style="font-size:0.9em;font-style:italic;"'
    inner = _spans_html(text, start, end, spans)
    return f'<p class="kit-para kit-role-{html.escape(role)}"{style}>{inner}</p>'


def _spans_html(text: str, start: int, end: int, spans: list[Span]) -> str:
    """Escaped text[start:end] with spans marked; overlaps split into covered segments."""
    inside = [s for s in spans if s.start < end and s.end > start and s.start < s.end]
    cuts = {start, end} | {p for s in inside for p in (s.start, s.end) if start < p < end}
    bounds = sorted(cuts)
    pieces = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        covering = [s for s in inside if s.start <= left and s.end >= right]
        # Outer first, inner last: the innermost highlight gives the segment its look.
        covering.sort(key=lambda s: (s.start, -s.end))
        pieces.append(_segment_html(text[left:right], covering))
        ending = sorted((s for s in inside if s.end == right), key=lambda s: s.end - s.start)
        pieces.append(_tag_html(*ending))
    return "".join(pieces)


def _segment_html(segment: str, covering: list[Span]) -> str:
    escaped = html.escape(segment)
    if not covering:
        return escaped
    classes = " ".join(dict.fromkeys(["kit-hl"] + [s.css_class for s in covering]))
    ids = " ".join(dict.fromkeys(s.ident for s in covering if s.ident))
    title = "; ".join(dict.fromkeys(s.title for s in covering))
    # Each layer draws with its own channel; within a layer the innermost highlight wins.
    innermost = {span.layer: span for span in covering}
    style = "".join(_span_style(span) for span in innermost.values())
    return (
        f'<span class="{classes}" data-ids="{html.escape(ids)}" '
        f'title="{html.escape(title)}" style="{style}">{escaped}</span>'
    )


def _span_style(span: Span) -> str:
    channel = CHANNELS.get(span.layer)
    if channel == "background":
        background = palette.tint(span.color)
        text = palette.readable_text_color(background)
        return f"background:{background};color:{text};" + _HIGHLIGHT_STYLE
    if channel == "underline":
        return (
            f"text-decoration-line:underline;text-decoration-style:{span.line};"
            f"text-decoration-color:{span.color};text-decoration-thickness:3px;"
            "text-underline-offset:4px;text-decoration-skip-ink:none;"
        )
    if channel == "overline":
        return f"border-top:3px {span.line} {span.color};"
    return "font-weight:bold;"  # a cue, in the quote cards


def _tag_html(*spans: Span) -> str:
    """One small tag for the highlights ending here that need one, each label once."""
    labels = list(dict.fromkeys(span.label for span in spans if span.tagged))
    if not labels:
        return ""
    text = TAG_SEPARATOR.join(html.escape(label) for label in labels)
    return f'<sup class="kit-tag" style="{_TAG_STYLE}">{text}</sup>'


def _sample_html(layer: Layer, category: str) -> str:
    sample = Span(
        0,
        1,
        f"kit-{layer.name}-{category}",
        layer.meanings[category],
        layer.labels[category],
        palette.color_for(category, layer.colors),
        palette.line_style_for(category, layer.colors),
        layer=layer.name,
    )
    # A sample shows the tag the text shows (actors only): the legend names each category.
    return _segment_html("sample", [sample]) + _tag_html(sample)


def _note_html(message: str) -> str:
    return f'<p class="kit-note" style="{_NOTE_STYLE}">{html.escape(message)}</p>'


# ---------------------------------------------------------------- quotes, speaker by speaker


def speaker_options(article=None) -> list[tuple[str, str]]:
    """(label, actor_id) for each actor who has quotes, most quoted first: "Peskov (2 quotes)"."""
    art = as_article(article)
    quotes = art.quotes
    if quotes is None or quotes.empty:
        return []
    lookup = _Lookup.of(art)
    counts = quotes.speaker_id.value_counts()
    order = sorted(counts.items(), key=lambda item: (-item[1], lookup.name(item[0])))
    return [(f"{lookup.name(sid)} ({n} quote{'s' if n != 1 else ''})", sid) for sid, n in order]


def quote_cards_html(article=None, speaker_id: str | None = None) -> str:
    """Each quote of one speaker in its sentence, the quote and its cue marked, with the facts."""
    art = as_article(article)
    quotes = art.quotes
    mine = quotes[quotes.speaker_id == speaker_id].sort_values("start") if len(quotes) else quotes
    lookup = _Lookup.of(art)
    who = lookup.name(speaker_id)
    if mine is None or mine.empty:
        return _note_html(f"The article has no quotes from {who}.")
    cards = [_quote_card_html(art, row, lookup) for row in mine.itertuples(index=False)]
    return (
        f'<div class="kit-quotes" role="list" aria-label="Quotes from {html.escape(str(who))}">'
        + "".join(cards)
        + "</div>"
    )


def _quote_card_html(art, row, lookup: _Lookup) -> str:
    quote = _quote_span(row, lookup)
    cue = Span(row.cue_start, row.cue_end, "kit-cue", f"cue: {row.cue}", "cue", None)
    start, end = _context(art, min(row.start, row.cue_start), max(row.end, row.cue_end))
    sentence = _spans_html(art.text, start, end, [quote, cue])
    facts = [
        ("kind", f"{row.kind} quote"),
        ("cue", row.cue),
        ("channel", given(row.channel) or "not given"),
        ("day", given(row.day) or "not given"),
    ]
    rows = "".join(
        f'<li style="display:inline;margin-right:1.4em;"><strong>{label}:</strong> '
        f"{html.escape(str(value))}</li>"
        for label, value in facts
    )
    return (
        f'<div class="kit-quote-card" role="listitem" data-ids="{html.escape(row.quote_id)}" '
        f'style="margin:0.4em 0 1em 0;">'
        f'<p style="line-height:1.8;margin:0;">{sentence}</p>'
        f'<ul style="list-style:none;margin:0.1em 0;padding-left:0;">{rows}</ul></div>'
    )


def _context(art, start: int, end: int) -> tuple[int, int]:
    """The sentences around a span (the span alone when the article has no sentence table)."""
    sentences = getattr(art, "sentences", None)
    if sentences is None or sentences.empty:
        return start, end
    hit = sentences[(sentences.start < end) & (sentences.end > start)]
    if hit.empty:
        return start, end
    return min(int(hit.start.min()), start), max(int(hit.end.max()), end)


# ---------------------------------------------------------------- the widgets


def article_viewer(article=None, layers: str | Iterable[str] = ("quotes",)):
    """The article with checkboxes to highlight actors, quotes and claims, and a legend."""
    widgets = _ipywidgets()
    try:
        art = as_article(article)
        chosen = _layer_names(layers)
    except Exception as error:  # a lesson shows a message, never a traceback
        return _message_widget(f"The article viewer cannot start: {error}")
    boxes = {
        name: widgets.Checkbox(
            value=name in chosen, description=layer.title, indent=False, layout={"width": "auto"}
        )
        for name, layer in LAYERS.items()
    }
    legend, body = widgets.HTML(), widgets.HTML()

    def refresh(_change=None) -> None:
        shown = [name for name, box in boxes.items() if box.value]
        try:
            legend.value = legend_html(art, shown)
            body.value = highlight_html(art, shown)
        except Exception as error:  # keep the widget alive and say what went wrong
            legend.value = _note_html(f"Could not highlight the article: {error}")

    for box in boxes.values():
        box.observe(refresh, names="value")
    refresh()
    heading = widgets.HTML(
        "<strong>Article viewer</strong>: tick the layers to highlight; hover a highlight "
        "to see who and what it is."
    )
    counts = ", ".join(
        _plural(len(_layer_spans(art, name)), layer.unit) for name, layer in LAYERS.items()
    )
    summary = wrap(f"Article viewer ({counts}). Run the cell to use it.")
    return _kit_box(
        [heading, widgets.HBox(list(boxes.values())), legend, body], summary, "Article viewer"
    )


def quote_explorer(article=None, speaker: str | None = None):
    """Pick a speaker; read each of their quotes in its sentence, with kind, cue, channel, day."""
    widgets = _ipywidgets()
    try:
        art = as_article(article)
        options = speaker_options(art)
    except Exception as error:  # a lesson shows a message, never a traceback
        return _message_widget(f"The quote explorer cannot start: {error}")
    if not options:
        return _message_widget("This article has no quotes annotated yet.")
    ids = [sid for _label, sid in options]
    first = speaker if speaker in ids else ids[0]
    picker = widgets.Dropdown(
        options=options, value=first, description="Speaker", layout={"width": "max-content"}
    )
    cards = widgets.HTML()

    def refresh(_change=None) -> None:
        try:
            cards.value = quote_cards_html(art, picker.value)
        except Exception as error:  # keep the widget alive and say what went wrong
            cards.value = _note_html(f"Could not show the quotes: {error}")

    picker.observe(refresh, names="value")
    refresh()
    summary = f"Quote explorer ({len(art.quotes)} quotes from {len(options)} speakers). "
    summary = wrap(summary + "Run the cell to use it.")
    return _kit_box([picker, cards], summary, "Quote explorer")


def choice_quiz(
    question: str,
    options: list[str] | list[tuple[str, object]],
    checker: Callable[[object], object],
    title: str = "Quiz",
    hinter: Callable[[], object] | None = None,
):
    """A multiple-choice widget: radio buttons, a Check button and a feedback area.

    ``checker(value)`` returns a result with ``correct`` and ``message`` (and optionally
    ``_repr_html_``), such as ``kitlib.check``'s Feedback. With ``hinter``, a Hint
    button shows ``hinter()`` (one rung of the hint ladder per press).
    """
    widgets = _ipywidgets()
    choices = widgets.RadioButtons(options=options, value=None, layout={"width": "max-content"})
    button = widgets.Button(description="Check", button_style="primary", icon="check")
    feedback = widgets.HTML()

    def on_check(_button=None) -> None:
        if choices.value is None:
            feedback.value = _note_html("Choose an answer first, then press Check.")
            return
        try:
            feedback.value = _feedback_html(checker(choices.value))
        except Exception as error:  # a quiz answers with a message, never a traceback
            feedback.value = _note_html(f"The answer could not be checked: {error}")

    def on_hint(_button=None) -> None:
        try:
            feedback.value = _feedback_html(hinter())
        except Exception as error:  # a quiz answers with a message, never a traceback
            feedback.value = _note_html(f"No hint could be shown: {error}")

    button.on_click(on_check)
    buttons = [button]
    if hinter is not None:
        hint_button = widgets.Button(description="Hint", icon="lightbulb-o")
        hint_button.on_click(on_hint)
        buttons.append(hint_button)
    prompt = widgets.HTML(f"<strong>{html.escape(title)}</strong>: {html.escape(question)}")
    # ipywidgets cuts a text form at 110 characters: keep the summary shorter than that.
    # Wrapped: JupyterLab breaks a long output line at any letter, even inside a word.
    tail = f" ({len(options)} options). Run the cell to answer."
    summary = wrap(f"{title}: {shorten(question, 110 - len(title) - len(tail) - 2)}{tail}")
    return _kit_box([prompt, choices, widgets.HBox(buttons), feedback], summary, "Quiz")


def quiz(exercise_id: str, article=None):
    """The multiple-choice widget for a choice exercise of ``kitlib.check`` (e.g. "article.when").

    Check answers with ``kitlib.check``; Hint climbs the exercise's hint ladder.
    """
    from kitlib import checking as checks
    from kitlib import framework as registry

    try:
        exercise = registry.get(exercise_id) if isinstance(exercise_id, str) else None
        if exercise is None:
            return _message_widget(str(checks.check(exercise_id, article=article).message))
        options = dict(getattr(exercise, "options", None) or {})
        if not options:
            return _message_widget(
                f"{exercise_id} is a {exercise.kind} exercise, not a multiple-choice one: "
                f"answer it with kitlib.check({exercise_id!r}, your_answer)."
            )
    except Exception as error:  # a lesson shows a message, never a traceback
        return _message_widget(f"No quiz for {exercise_id!r}: {error}")

    def checker(key):
        return checks.check(exercise_id, key, article=article)

    def hinter():
        return checks.hint(exercise_id, article=article)

    labelled = [(f"({key}) {text}", key) for key, text in options.items()]
    return choice_quiz(exercise.prompt, labelled, checker, f"Quiz {exercise_id}", hinter)


def _feedback_html(result) -> str:
    if hasattr(result, "_repr_html_"):
        return result._repr_html_()
    correct = bool(getattr(result, "correct", False))
    message = str(getattr(result, "message", result))
    verdict = "Correct." if correct else "Not yet."
    return f"<p><strong>{verdict}</strong> {html.escape(message)}</p>"


# ---------------------------------------------------------------- shared plumbing


def _ipywidgets():
    import ipywidgets

    return ipywidgets


@functools.cache
def _kit_box_class():
    widgets = _ipywidgets()

    class KitBox(widgets.VBox):
        """A VBox whose text form is a one-line summary: deterministic in saved notebooks."""

        def __repr__(self) -> str:
            return getattr(self, "_kit_summary", "KitBox")

    return KitBox


def _kit_box(children: list, summary: str, label: str):
    box = _kit_box_class()(children=children)
    box._kit_summary = summary
    box.add_class("kit-widget")
    box.add_class("kit-" + label.lower().replace(" ", "-"))
    return box


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def _message_widget(message: str):
    widgets = _ipywidgets()
    return _kit_box([widgets.HTML(_note_html(message))], message, "Message")


@dataclass(frozen=True)
class _Lookup:
    """Names, kinds and sides of actors and documents, looked up by id."""

    names: dict[str, str]
    kinds: dict[str, str]
    sides: dict[str, str]
    side_names: dict[str, str]  # the article's sides (and "other"), by side id

    @classmethod
    def of(cls, art) -> _Lookup:
        names, kinds, sides = {}, {}, {}
        documents = getattr(art, "documents", None)
        if documents is not None and not documents.empty:
            names.update(zip(documents.document_id, documents.name, strict=True))
        actors = getattr(art, "actors", None)
        if actors is not None and not actors.empty:
            for row in actors.itertuples(index=False):
                names[row.actor_id] = row.name
                kinds[row.actor_id] = given(getattr(row, "kind", None))
                sides[row.actor_id] = given(getattr(row, "side", None))
        known = side_names(art) if actors is not None else {OTHER_SIDE: OTHER_SIDE}
        return cls(names, kinds, sides, known)

    def name(self, ident) -> str:
        return str(self.names.get(ident, ident))

    def side(self, actor_id) -> str:
        side = self.sides.get(actor_id)
        return side if side in self.side_names else OTHER_SIDE
