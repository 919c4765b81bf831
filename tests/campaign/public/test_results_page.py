"""The public results page: total letters and a hex map that agrees with its table."""
from __future__ import annotations

import re
from html import unescape
from itertools import pairwise

from campaign.public.hexmap import CLASSES, hexes
from tests.campaign.helpers import SLUG, page_text, write_pdf_letter


def test_the_map_has_a_hex_per_constituency_and_agrees_with_the_table(client):
    """The table, the map and the total follow the one small-numbers rule (issue 30):
    Sevenoaks's single letter is "fewer than 5" everywhere, and the total, an "at
    least" that counts it as one, gives nothing more away."""
    for postcode in ("E8 1DY",) * 5 + ("BR8 7RE",):
        write_pdf_letter(client, postcode)
    response = client.get(f"/c/{SLUG}/results")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "At least 6 letters to MPs, from 2 constituencies" in page_text(html)
    shapes = dict(re.findall(r'<use href="#hex" data-code="([^"]+)"[^>]*><title>([^<]*)</title>',
                             html))
    assert len(shapes) == 650 == len(hexes())
    table = re.findall(r'<tr data-code="([^"]+)"><td>([^<]*)</td><td class="num">([^<]+)</td>',
                       html)
    assert [(code, letters) for code, _, letters in table] == [("E14001259", "5"),
                                                               ("E14001465", "fewer than 5")]
    for code, _, letters in table:
        assert unescape(shapes[code]).endswith(f": {letters} letters")
    assert sum(title.endswith(": 0 letters") for title in shapes.values()) == 648
    # The campaign page's counter says the same total.
    campaign = page_text(client.get(f"/c/{SLUG}/").get_data(as_text=True))
    assert "At least 6 letters so far." in campaign


def test_the_results_page_makes_no_outside_request(client):
    html = client.get(f"/c/{SLUG}/results").get_data(as_text=True)
    assert "No letters yet" in html
    # What a browser fetches by itself (links to follow are not requests).
    # (rel="alternate" names the page in the other language: a link, never fetched.)
    urls = re.findall(r'\bsrc="([^"]+)"', html) + re.findall(
        r'<link(?![^>]*rel="alternate")[^>]*href="([^"]+)"', html)
    urls += re.findall(r'<use[^>]*href="([^"]+)"', html)
    assert urls and all(url.startswith(("/", "#")) for url in urls), urls


def _luminance(colour: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_a_seat_with_a_letter_stands_out_from_one_without():
    """ "1 to 4" is told from "no letters yet" at a glance (3:1, WCAG's non-text contrast),
    and each step darker is told from the one before it."""
    colours = [colour for _, colour, _ in CLASSES]
    assert _contrast(colours[0], colours[1]) >= 3
    for lighter, darker in pairwise(colours[1:]):
        assert _luminance(darker) < _luminance(lighter)
        assert _contrast(lighter, darker) >= 1.4, (lighter, darker)


def test_neighbouring_bands_differ_by_stripes_where_colour_is_too_close():
    """Issue 30: the two lightest blues are about 1.5:1 apart, so every other band is
    striped; the legend's swatches use the map's stripes."""
    from campaign.public.hexmap import band_fill, letters_svg, shade

    fills = [band_fill(floor, colour) for floor, colour, _ in CLASSES]
    for lighter, darker in pairwise(fills[1:]):
        assert lighter.startswith("url(#") != darker.startswith("url(#"), (lighter, darker)
    assert shade(1) == "url(#hatch-1)" and shade(5) == CLASSES[2][1]
    svg = letters_svg({"E14001259": 3}, "map")
    assert '<pattern id="hatch-1"' in svg and 'fill="url(#hatch-1)"' in svg
