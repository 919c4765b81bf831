"""Embedding a campaign's postcode box in another site's page.

Staff list, per campaign, the origins allowed to frame /c/<slug>/embed; they become
that route's Content-Security-Policy `frame-ancestors`, and every other page stays
unframeable. An origin is data staff typed, so it is checked to the letter: HTTPS,
a host name (and perhaps a port), nothing else, so nothing typed can widen or
break the header.

A campaign's setting that both blueprints use, so it lives with the campaigns: staff
set the origins (staff.views), the public embed route serves them (public.views).
"""
from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

import sqlite_utils

from campaign.db import select, write_transaction

MAX_ORIGINS = 20
log = logging.getLogger(__name__)
_HOST = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)"
                   r"(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+")
# The port in ASCII digits: `\d` would take "０８４４", which int() reads but no header can carry.
# What a CSP source list can carry: a scheme, a host of ASCII letters, digits, dots,
# hyphens (or an IPv6 address in brackets) and an ASCII port; nothing that ends a source.
_SENDABLE = re.compile(r"https?://(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")
_ORIGIN = re.compile(r"https://(?P<host>[^/:?#@\s]+)(?::(?P<port>[0-9]{1,5}))?/?")


class BadOrigin(ValueError):
    """An origin staff typed that cannot be allowed; the message says why."""


def parse_origin(text: str) -> str:
    """One origin as typed ("https://news.example.org/"), tidied, or BadOrigin."""
    typed = text.strip()
    match = _ORIGIN.fullmatch("https://" + typed[8:] if typed[:8].lower() == "https://"
                              else typed)
    if typed.lower().startswith("http://"):
        raise BadOrigin(f"{typed} is not HTTPS: only https:// sites may show the form.")
    if match is None:
        raise BadOrigin(f"{typed} is not a web origin: write it like https://www.example.org, "
                        "with no path after the name.")
    host = match["host"].lower()
    if not _HOST.fullmatch(host):
        raise BadOrigin(f"{typed}: {host} is not a site's name.")
    port = match["port"]
    if port and not 0 < int(port) < 65536:
        raise BadOrigin(f"{typed}: {port} is not a port.")
    return f"https://{host}" + (f":{port}" if port and port != "443" else "")


def parse_origins(text: str) -> list[str]:
    """Origins one per line (blank lines skipped, duplicates once), or BadOrigin."""
    origins: list[str] = []
    for line in text.splitlines():
        if line.strip():
            origin = parse_origin(line)
            if origin not in origins:
                origins.append(origin)
    if len(origins) > MAX_ORIGINS:
        raise BadOrigin(f"At most {MAX_ORIGINS} sites can show the form; {len(origins)} "
                        "were given.")
    return origins


def embed_origins(db: sqlite_utils.Database, campaign_id: int) -> list[str]:
    """The origins allowed to frame the campaign's embed, in the order staff gave them.

    One saved before today's checks that no header can carry (a non-ASCII port, say) is
    left out (and logged), so the embed's header can always be sent.
    """
    origins = []
    for row in select(db, "select origin from embed_origins where campaign_id = ?"
                        " order by position", [campaign_id]):
        if _SENDABLE.fullmatch(row["origin"]):
            origins.append(row["origin"])
            continue
        log.warning("Campaign %s has a saved embed origin that is not valid; it is ignored.",
                    campaign_id)
    return origins


def set_embed_origins(db: sqlite_utils.Database, campaign_id: int,
                      origins: list[str]) -> None:
    """Replace the campaign's allowed origins with `origins` (already parsed)."""
    with write_transaction(db):
        db.execute("delete from embed_origins where campaign_id = ?", [campaign_id])
        db.table("embed_origins").insert_all(
            {"campaign_id": campaign_id, "origin": origin, "position": index}
            for index, origin in enumerate(origins))


# Tall enough for the whole box on a 320 px phone without the script (a title of three
# lines); the script then fits the frame to the box at whatever width the partner gives it.
SNIPPET_HEIGHT = 420
# The message static/embed.js posts to the partner page: {"campaignEmbedHeight": px}.
HEIGHT_MESSAGE = "campaignEmbedHeight"


def embed_snippet(embed_url: str, title: str) -> str:
    """The HTML a partner site pastes to show the postcode box (escaped where it is shown).

    The frame starts tall enough for the box at a phone's width; the small script beside
    it (on the partner's page, so our CSP does not apply) sets the frame's height to the
    box's own, which the embed posts whenever it changes. It believes only messages from
    this very frame and from our origin, and takes nothing but a number of pixels.
    """
    safe_title = title.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    origin = _origin_of(embed_url)
    return (f'<iframe src="{embed_url}"\n  title="Write to your MP: {safe_title}"\n'
            f'  width="100%" height="{SNIPPET_HEIGHT}" style="border:0;display:block"></iframe>\n'
            f'<script>\n(function (frame) {{\n'
            f'  addEventListener("message", function (event) {{\n'
            f'    var height = event.data && event.data.{HEIGHT_MESSAGE};\n'
            f'    if (event.origin === "{origin}" && event.source === frame.contentWindow &&\n'
            f'        typeof height === "number" && height > 0 && height < 2000) {{\n'
            f'      frame.style.height = Math.ceil(height) + "px";\n'
            f'    }}\n  }});\n'
            f'}})(document.currentScript.previousElementSibling);\n</script>')


def _origin_of(url: str) -> str:
    """"https://site.example" of "https://site.example/c/x/embed"."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
