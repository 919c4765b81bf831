"""The header and footer are made once per language, campaign help page and site
(campaign.site_context.remembered) and given again after: each page still shows its
own language's, the campaign's help page as staff last saved it, and its own site's
organisation."""
from __future__ import annotations

import re

from campaign.db import get_db
from tests.campaign.helpers import make_app

SLUG = "stop-trafficking-networks"


def _footer(html: str) -> str:
    match = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S)
    assert match, "no footer"
    return match.group(0)


def _nav(html: str) -> str:
    match = re.search(r'<nav aria-label="[^"]*">.*?</nav>', html, re.S)
    assert match, "no site menu"
    return match.group(0)


def test_english_and_welsh_pages_each_keep_their_own_header_and_footer(client):
    english = client.get(f"/c/{SLUG}/").get_data(as_text=True)
    welsh = client.get(f"/cy/c/{SLUG}/").get_data(as_text=True)
    english_again = client.get(f"/c/{SLUG}/").get_data(as_text=True)
    assert "Our privacy promise" in _footer(english)
    assert "Ein haddewid preifatrwydd" in _footer(welsh)
    assert 'href="/cy/privacy"' in _nav(welsh)
    assert 'href="/privacy"' in _nav(english)
    assert _footer(english_again) == _footer(english)
    assert _nav(english_again) == _nav(english)


def test_a_help_page_renamed_by_staff_is_named_on_the_next_page(app, client):
    before = client.get(f"/c/{SLUG}/").get_data(as_text=True)
    with app.app_context():
        db = get_db()
        with db.conn:
            db.conn.execute("update campaigns set help_title = 'Where to get help now',"
                            " help_footer = 'Worried about someone?' where slug = ?", [SLUG])
    after = client.get(f"/c/{SLUG}/").get_data(as_text=True)
    assert "Where to get help now" not in before
    assert "Where to get help now" in _nav(after)
    assert "Worried about someone?" in _footer(after)
    assert "Where to get help now" in _footer(after)


def test_each_site_names_its_own_organisation(app_config, clock, database_template, tmp_path):
    first = make_app({**app_config, "ORGANISATION_NAME": "First Charity",
                      "ORGANISATION_URL": "https://first.example",
                      "ORGANISATION_EMAIL": "hello@first.example"}, clock, database_template)
    second = make_app({**app_config, "DATABASE_PATH": str(tmp_path / "second.sqlite3"),
                       "ORGANISATION_NAME": "Second Trust",
                       "ORGANISATION_URL": "https://second.example",
                       "ORGANISATION_EMAIL": "hello@second.example"}, clock, database_template)
    for _ in range(2):
        first_page = first.test_client().get(f"/c/{SLUG}/").get_data(as_text=True)
        second_page = second.test_client().get(f"/c/{SLUG}/").get_data(as_text=True)
        assert "First Charity" in first_page and "Second Trust" not in first_page
        assert "Second Trust" in second_page and "First Charity" not in second_page
