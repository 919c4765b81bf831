"""Sharing a campaign: the links for "tell a friend" and the share card image.

Links are built here, on the server, as plain addresses of each service's share
page: no third-party script ever runs on our pages, and nothing is sent anywhere
until the citizen follows a link themselves.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from urllib.parse import quote, urlencode

from flask_babel import get_locale, gettext
from PIL import Image, ImageDraw, ImageFont

from letters.fonts import BOLD, REGULAR, font_path

CARD_SIZE = (1200, 630)  # what Open Graph readers show best (1.91:1)
CARD_BACKGROUND = "#14305c"


@dataclass(frozen=True)
class ShareLink:
    """One way to pass the campaign on: a label and where it goes."""

    label: str
    href: str


def share_links(title: str, url: str) -> list[ShareLink]:
    """Links that open each service's own share page with the campaign filled in.

    The message is in the page's language, and `url` (made under /cy/ on a Welsh page)
    opens the campaign in it.
    """
    # The same for every preview and page after it of a campaign in a language: made
    # once (five addresses url-encoded), a new list for each caller.
    return list(_share_links(title, url, str(get_locale())))


@lru_cache(maxsize=64)
def _share_links(title: str, url: str, _language: str) -> tuple[ShareLink, ...]:
    """share_links' links in the page's language `_language` (the key it is kept under:
    gettext reads the request's)."""
    message = gettext("I've written to my MP: %(title)s. You can too, in two minutes:",
                      title=title)
    return (
        ShareLink("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{message} {url}"})),
        ShareLink(gettext("Email"), "mailto:?" + urlencode({"subject": title, "body": f"{message}\n{url}"},
                                                  quote_via=quote)),
        ShareLink("Bluesky", "https://bsky.app/intent/compose?"
                  + urlencode({"text": f"{message} {url}"})),
        ShareLink("X", "https://x.com/intent/post?" + urlencode({"text": message, "url": url})),
        ShareLink("Facebook", "https://www.facebook.com/sharer/sharer.php?"
                  + urlencode({"u": url})),
    )


def share_card_words(organisation: str) -> tuple[str, str]:
    """The card's site name and byline ("A campaign by ...") in the page's language."""
    byline = gettext("A campaign by %(organisation)s", organisation=organisation)
    return gettext("Write to your MP"), byline if organisation else ""


@lru_cache(maxsize=32)
def share_card_png(title: str, byline: str, site_name: str = "Write to your MP") -> bytes:
    """A 1200x630 PNG naming the campaign, for link previews in messages and social media.

    `site_name` and `byline` come from share_card_words, in the language of the address
    the card was asked for (/cy/.../share.png is the Welsh card).
    """
    image = Image.new("RGB", CARD_SIZE, CARD_BACKGROUND)
    draw = ImageDraw.Draw(image)
    heading = ImageFont.truetype(str(font_path(BOLD)), 68)
    small = ImageFont.truetype(str(font_path(REGULAR)), 36)
    draw.text((80, 70), site_name, font=small, fill="#ffffff")
    lines = textwrap.wrap(title, width=30)[:4]
    draw.multiline_text((80, 170), "\n".join(lines), font=heading, fill="#ffffff", spacing=14)
    draw.text((80, CARD_SIZE[1] - 100), byline, font=small, fill="#cfd8e6")
    out = BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
