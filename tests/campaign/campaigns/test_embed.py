"""The embed: other sites may frame /c/<slug>/embed only if staff listed them; every
other page stays unframeable."""
from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from campaign.campaigns.embedding import (
    SNIPPET_HEIGHT,
    BadOrigin,
    embed_snippet,
    parse_origin,
    parse_origins,
)
from campaign.db import get_db
from tests.campaign.helpers import SLUG, page_text, post, sign_in

EMBED = f"/c/{SLUG}/embed"
STAFF_EMBED = "/staff/campaigns/1/embed"


def _frame_ancestors(response) -> str:
    policy = dict(part.strip().split(" ", 1)
                  for part in response.headers["Content-Security-Policy"].split(";"))
    return policy["frame-ancestors"]


@pytest.mark.parametrize("typed, origin", [
    ("https://news.example.org", "https://news.example.org"),
    ("  HTTPS://News.Example.org/ ", "https://news.example.org"),
    ("https://partner.example.org:8443", "https://partner.example.org:8443"),
    ("https://partner.example.org:443", "https://partner.example.org"),
])
def test_good_origins_are_tidied(typed, origin):
    assert parse_origin(typed) == origin


@pytest.mark.parametrize("typed, says", [
    ("http://news.example.org", "not HTTPS"),
    ("https://news.example.org/campaigns", "no path"),
    ("https://*.example.org", "not a site's name"),
    ("https://example.org; script-src *", "not a web origin"),
    ("https://localhost", "not a site's name"),
    ("javascript:alert(1)", "not a web origin"),
    ("https://user@example.org", "not a web origin"),
    ("https://example.org?x=1", "not a web origin"),
])
def test_bad_origins_are_refused_with_a_reason(typed, says):
    with pytest.raises(BadOrigin, match=says):
        parse_origin(typed)


def test_duplicates_count_once():
    assert parse_origins("https://a.example.org\n\nhttps://A.example.org/\n") == [
        "https://a.example.org"]


def test_without_origins_nobody_may_frame_the_embed(client):
    response = client.get(EMBED)
    assert response.status_code == 200
    assert _frame_ancestors(response) == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_embed_lists_exactly_the_allowed_origins(app, client, runner):
    sign_in(client, runner)
    saved = post(client, STAFF_EMBED, {
        "origins": "https://news.example.org/\nhttps://partner.example.net:8443"})
    assert saved.status_code == 302
    page = client.get(STAFF_EMBED).get_data(as_text=True)
    assert f'<iframe src="http://localhost{EMBED}"' in unescape(page)  # the snippet to paste
    assert 'event.origin === "http://localhost"' in unescape(page)
    assert "<iframe" not in page  # shown as text, never as markup
    response = client.get(EMBED)
    assert _frame_ancestors(response) == "https://news.example.org https://partner.example.net:8443"
    assert "X-Frame-Options" not in response.headers
    # Every other page stays unframeable.
    for path in (f"/c/{SLUG}/", f"/c/{SLUG}/results", "/staff/campaigns/1/embed"):
        other = client.get(path)
        assert _frame_ancestors(other) == "'none'", path
        assert other.headers["X-Frame-Options"] == "DENY", path


def test_a_bad_origin_saves_nothing_and_says_why(client, runner):
    sign_in(client, runner)
    response = post(client, STAFF_EMBED, {"origins": "https://ok.example.org\nhttp://bad.example.org"})
    assert response.status_code == 422
    assert "http://bad.example.org is not HTTPS" in page_text(response.get_data(as_text=True))
    assert _frame_ancestors(client.get(EMBED)) == "'none'"


def test_organisers_cannot_change_the_origins(client, runner):
    sign_in(client, runner, "organiser@example.org", "organiser")
    assert client.get(STAFF_EMBED).status_code == 403


def test_the_embed_form_opens_the_letter_form_in_a_new_tab(client):
    html = client.get(EMBED).get_data(as_text=True)
    assert (f'<form method="get" action="http://localhost/c/{SLUG}/write" target="_blank">'
            in html)
    assert 'name="postcode"' in html and "csrf_token" not in html
    assert '<script src="/static/embed.js" defer></script>' in html
    # What the form sends: a good postcode lands on the letter form itself...
    letter_form = client.get(f"/c/{SLUG}/write?postcode=e8+1dy").get_data(as_text=True)
    assert "Your MP is Ms Diane Abbott" in page_text(letter_form)
    assert 'name="full_name"' in letter_form
    # ...and a bad one on the campaign page, saying why, with what was typed.
    refused = client.get(f"/c/{SLUG}/write?postcode=not+a+postcode")
    assert refused.status_code == 422
    assert "doesn't look like a UK postcode" in page_text(refused.get_data(as_text=True))
    assert 'value="not a postcode"' in refused.get_data(as_text=True)


def test_the_snippet_fits_its_frame_to_the_box_and_believes_only_the_embed():
    snippet = embed_snippet("https://letters.example.org/c/x/embed", 'Stop "it" & <go>')
    assert snippet.startswith('<iframe src="https://letters.example.org/c/x/embed"')
    assert 'title="Write to your MP: Stop &quot;it&quot; &amp; &lt;go>"' in snippet
    assert f'height="{SNIPPET_HEIGHT}"' in snippet
    # The listener takes only a number, only from this frame, only from our origin.
    assert 'event.origin === "https://letters.example.org"' in snippet
    assert "event.source === frame.contentWindow" in snippet
    assert 'typeof height === "number"' in snippet
    script = (Path(__file__).resolve().parents[3] / "static" / "embed.js").read_text()
    assert "campaignEmbedHeight" in script and "campaignEmbedHeight" in snippet


def test_an_origin_with_a_non_ascii_port_is_refused(client, runner):
    with pytest.raises(BadOrigin, match="not a web origin"):
        parse_origin("https://a.example:０８４４")
    sign_in(client, runner)
    response = post(client, STAFF_EMBED, {"origins": "https://a.example:０８４４"})
    assert response.status_code == 422
    assert "https://a.example:０８４４ is not a web origin" in page_text(
        response.get_data(as_text=True))
    assert client.get(EMBED).status_code == 200


def test_the_embed_survives_a_bad_origin_saved_before_it_was_checked(app, client):
    with app.app_context():
        get_db()["embed_origins"].insert_all([
            {"campaign_id": 1, "origin": "https://a.example:０８４４", "position": 0},
            {"campaign_id": 1, "origin": "https://news.example.org", "position": 1}])
    response = client.get(EMBED)
    assert response.status_code == 200
    assert _frame_ancestors(response) == "https://news.example.org"
