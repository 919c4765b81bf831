"""The campaign travels: share tags on campaign pages, a share card, tell-a-friend links."""
from __future__ import annotations

import re
from html import unescape
from io import BytesIO
from urllib.parse import parse_qs, urlsplit

from PIL import Image

from tests.campaign.helpers import SLUG

CAMPAIGN_URL = f"http://localhost/c/{SLUG}/"


def _meta(html: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in re.findall(
        r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html)}


def test_campaign_and_results_pages_carry_share_tags(client):
    for path in (f"/c/{SLUG}/", f"/c/{SLUG}/results"):
        meta = _meta(client.get(path).get_data(as_text=True))
        assert meta["og:title"].startswith("Break the networks")
        assert meta["og:description"]
        assert meta["og:url"] == CAMPAIGN_URL
        assert meta["og:image"] == f"http://localhost/c/{SLUG}/share.png"
        assert meta["twitter:card"] == "summary_large_image"


def test_the_share_card_is_a_png_of_the_right_size(client):
    response = client.get(f"/c/{SLUG}/share.png")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert Image.open(BytesIO(response.data)).size == (1200, 630)
    assert client.get("/c/no-such-campaign/share.png").status_code == 404


def test_tell_a_friend_links_are_built_on_the_server(journey):
    journey.find_mp("E8 1DY")
    journey.write()
    assert "Downloaded it? Tell a friend" in journey.page
    links = dict((label, unescape(href)) for href, label in re.findall(
        r'<li><a href="([^"]+)" rel="noopener noreferrer" target="_blank">([^<]+)<',
        journey.page))
    assert set(links) == {"WhatsApp", "Email", "Bluesky", "X", "Facebook"}
    assert CAMPAIGN_URL in parse_qs(urlsplit(links["WhatsApp"]).query)["text"][0]
    assert parse_qs(urlsplit(links["Facebook"]).query)["u"] == [CAMPAIGN_URL]
    assert CAMPAIGN_URL in parse_qs(urlsplit(links["Email"]).query)["body"][0]
    # No third-party script anywhere on the page.
    assert all(src.startswith("/") for src in re.findall(r'<script[^>]*src="([^"]+)"',
                                                          journey.page))
