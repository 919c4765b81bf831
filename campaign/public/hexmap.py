"""A hex map of the 650 constituencies, drawn on the server as SVG.

The positions come from Open Innovations' HexJSON (MIT licence, shipped beside it in
campaign/data/hexmap with its LICENSE), keyed by GSS code. Each hex is one shared polygon
<use>d in place, with a <title> naming the seat and its letters; no script and no outside request.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from campaign.public.public_counts import seat_letters_sentence

HEXJSON = "uk-constituencies-2024.hexjson"
HEX_SIZE = 6.0  # centre to corner, in SVG units
# Letters -> shade: fixed classes so a map reads the same from one week to the next.
# A seat with no letters is a light neutral grey and a seat with one is a plain mid blue,
# at least 3:1 apart (WCAG's contrast for parts of a graphic): early in a campaign most
# seats with letters have only a few, and they must not fade into the rest. Each darker
# step is about 1.5:1 from the one before it.
# The labels are the legend's, in the page's language.
CLASSES = ((0, "#e4e4e0", _l("no letters yet")), (1, "#3a82c0", _l("fewer than 5")),
           (5, "#23609f", _l("5 to 19")), (20, "#15457f", _l("20 to 99")),
           (100, "#08264f", _l("100 or more")))


@dataclass(frozen=True)
class Hex:
    """One constituency's place on the map."""

    code: str
    name: str
    q: int
    r: int


@lru_cache(maxsize=1)
def hexes() -> tuple[Hex, ...]:
    """Every constituency's hex, read once from the shipped HexJSON."""
    data = json.loads(files("campaign.data.hexmap").joinpath(HEXJSON).read_text("utf-8"))
    return tuple(Hex(code, h["n"], int(h["q"]), int(h["r"])) for code, h in
                 sorted(data["hexes"].items()))


# Neighbouring blues are about 1.5:1 apart, too little to tell them apart by colour
# alone (WCAG wants 3:1 for parts of a graphic), and five shades cannot each be 3:1 from
# the next. So every other band is striped: "fewer than 5" is striped and "5 to 19"
# plain, "20 to 99" striped and "100 or more" plain. Each stripe is a <pattern> in the
# map's own <defs>, which the legend's swatches on the same page use too.
PATTERNED = frozenset({1, 20})


def pattern_id(floor: int) -> str:
    """The id of the striped fill of the band starting at `floor`."""
    return f"hatch-{floor}"


def band_fill(floor: int, colour: str) -> str:
    """The fill of a band as the map and its legend paint it: its colour, or its stripes."""
    return f"url(#{pattern_id(floor)})" if floor in PATTERNED else colour


def shade(letters: int) -> str:
    """The fill for a constituency with `letters` letters."""
    fill = CLASSES[0][1]
    for floor, colour, _ in CLASSES:
        if letters >= floor:
            fill = band_fill(floor, colour)
    return fill


def _patterns() -> str:
    return "".join(
        f'<pattern id="{pattern_id(floor)}" width="2.4" height="2.4" '
        f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="2.4" height="2.4" fill="{colour}" stroke="none"/>'
        f'<rect width="0.9" height="2.4" fill="#ffffff" fill-opacity="0.6" stroke="none"/>'
        "</pattern>"
        for floor, colour, _ in CLASSES if floor in PATTERNED)


def _centre(cell: Hex) -> tuple[float, float]:
    # "odd-r": pointy-topped hexes, odd rows pushed half a hex right; r grows northwards.
    width = math.sqrt(3) * HEX_SIZE
    x = cell.q * width + (width / 2 if cell.r % 2 else 0)
    y = -cell.r * 1.5 * HEX_SIZE
    return x, y


def _corners(x: float, y: float) -> str:
    return " ".join(f"{x + HEX_SIZE * math.cos(math.radians(60 * i - 30)):.1f},"
                    f"{y + HEX_SIZE * math.sin(math.radians(60 * i - 30)):.1f}"
                    for i in range(6))


def map_label(campaign_title: str) -> str:
    """What the map says to a screen reader, in the page's language."""
    return gettext("Map of the 650 constituencies, shaded by letters written to MPs for "
                   "%(campaign)s. The table lists every constituency with letters.",
                   campaign=campaign_title)


def letters_svg(letters_by_code: dict[str, int], label: str) -> Markup:
    """The map as inline SVG markup, each hex shaded by its letters and titled."""
    cells = hexes()
    centres = [_centre(cell) for cell in cells]
    xs, ys = [x for x, _ in centres], [y for _, y in centres]
    pad = HEX_SIZE * 1.2
    left, top = min(xs) - pad, min(ys) - pad
    width, height = max(xs) - left + pad, max(ys) - top + pad
    shapes = []
    said: dict[int, Markup] = {}  # "3 letters" in the page's language, once per count
    for cell, (x, y) in zip(cells, centres, strict=True):
        count = letters_by_code.get(cell.code, 0)
        if count not in said:
            # 1 to 4 is "fewer than 5 letters" (campaign.small_numbers), as everywhere public.
            said[count] = escape(seat_letters_sentence(count))
        shapes.append(
            f'<use href="#hex" data-code="{cell.code}" x="{x:.1f}" y="{y:.1f}" '
            f'fill="{shade(count)}"><title>{escape(cell.name)}: {said[count]}</title></use>')
    return Markup(
        f'<svg class="hexmap" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{escape(label)}" viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" '
        f'stroke="#ffffff" stroke-width="0.6"><defs><polygon id="hex" points="{_corners(0, 0)}"/>'
        + _patterns() + "</defs>" + "".join(shapes) + "</svg>")
