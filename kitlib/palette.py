"""Colours for highlights and plots: the Okabe-Ito palette, safe for colour-blind readers.

Every category the kit colours also gets a second cue that is not colour (a line style and a short
label), so a reader who cannot tell two colours apart can still tell the categories apart.
"""

from __future__ import annotations

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
GREY = "#999999"

# The colourway plots fall back on: yellow last, it is the weakest on white.
COLORWAY = [
    OKABE_ITO[name]
    for name in (
        "blue",
        "orange",
        "bluish_green",
        "vermillion",
        "reddish_purple",
        "sky_blue",
        "yellow",
        "black",
    )
]

# Quote kinds and source types share no colour and no bar pattern: the source-balance figure
# shows both side by side, and the article viewer can show both layers at once.
QUOTE_KIND_COLORS = {
    "direct": OKABE_ITO["black"],
    "partial": OKABE_ITO["reddish_purple"],
    "indirect": OKABE_ITO["sky_blue"],
}
QUOTE_KIND_PATTERNS = {"direct": "\\", "partial": "+", "indirect": "-"}
SOURCE_TYPE_COLORS = {
    "named": OKABE_ITO["blue"],
    "unnamed": OKABE_ITO["orange"],
    "document": OKABE_ITO["bluish_green"],
    "unattributed": OKABE_ITO["vermillion"],
}
SOURCE_TYPE_PATTERNS = {"named": "", "unnamed": "/", "document": ".", "unattributed": "x"}
# Sides take these colours in the article's side order, "other" is grey. The first three are
# the course article's (its sides, most mentioned first, are Russia, Ukraine, United States).
SIDE_COLORWAY = [
    OKABE_ITO[name]
    for name in (
        "vermillion",
        "blue",
        "bluish_green",
        "orange",
        "reddish_purple",
        "sky_blue",
        "yellow",
    )
]  # no black: a side should never look like the text
OTHER_SIDE_COLOR = GREY


def side_colors(side_ids) -> dict[str, str]:
    """A colour for each side, in order (cycling after seven), then grey for "other"."""
    colors = {
        side: SIDE_COLORWAY[i % len(SIDE_COLORWAY)]
        for i, side in enumerate(s for s in side_ids if s != "other")
    }
    return {**colors, "other": OTHER_SIDE_COLOR}


ACTOR_KIND_COLORS = {
    "person": OKABE_ITO["blue"],
    "organization": OKABE_ITO["orange"],
    "government": OKABE_ITO["vermillion"],
    "country": OKABE_ITO["bluish_green"],
    "group": OKABE_ITO["reddish_purple"],
    "publication": OKABE_ITO["sky_blue"],
}
MENTION_FORM_COLORS = {
    "name": OKABE_ITO["blue"],
    "metonym": OKABE_ITO["vermillion"],
    "pronoun": OKABE_ITO["orange"],
    "description": OKABE_ITO["bluish_green"],
}

# Second cues: the line under a highlight, and the fill pattern of a bar.
LINE_STYLES = ("solid", "dashed", "dotted", "double")
BAR_PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")

# Sequential scale for counts (heatmaps): white to blue, one hue, lightness only.
COUNT_SCALE = [[0.0, "#FFFFFF"], [1.0, OKABE_ITO["blue"]]]


def color_for(category: str, colors: dict[str, str]) -> str:
    """The colour of a category, grey for one the palette does not know."""
    return colors.get(category, GREY)


def line_style_for(category: str, colors: dict[str, str]) -> str:
    """The line style that goes with a category: its position in the palette picks it."""
    names = list(colors)
    index = names.index(category) if category in names else len(names)
    return LINE_STYLES[index % len(LINE_STYLES)]


def pattern_for(
    category: str, colors: dict[str, str], patterns: dict[str, str] | None = None
) -> str:
    """The bar fill pattern of a category: its own in ``patterns``, else by palette position
    (the first category stays plain)."""
    if patterns and category in patterns:
        return patterns[category]
    names = list(colors)
    index = names.index(category) if category in names else len(names)
    return BAR_PATTERNS[index % len(BAR_PATTERNS)]


def tint(hex_color: str, amount: float = 0.6) -> str:
    """Mix a colour with white (amount 0 keeps it, 1 gives white): a calm background for text."""
    red, green, blue = _rgb(hex_color)
    mixed = (round(c + (255 - c) * amount) for c in (red, green, blue))
    return "#{:02X}{:02X}{:02X}".format(*mixed)


def relative_luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in _rgb(hex_color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio (1 to 21); AA asks at least 4.5 for body text."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def readable_text_color(background: str) -> str:
    """Black or white, whichever contrasts more with the background."""
    black, white = "#000000", "#FFFFFF"
    if contrast_ratio(black, background) >= contrast_ratio(white, background):
        return black
    return white


def _rgb(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
