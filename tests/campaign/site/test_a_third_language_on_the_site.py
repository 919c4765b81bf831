"""What a third language needs of the site, beside its register entry and word table
(tests/letters/test_a_third_language.py): its pages are under its prefix at once,
read from the register (campaign.languages), and its text columns are named by the
register (campaign.campaigns.translations) for one migration to add; a campaign is
offered in it once those are written. Its gettext catalogue (campaign/translations)
translates the pages; without one they fall back to English, as here.
"""
from __future__ import annotations

import re

import pytest

from campaign.campaigns.translations import TARGET_TEXTS, TEXTS, translated_columns
from campaign.db import get_db
from letters import english_words
from letters.languages import REGISTER, Language
from tests.campaign.helpers import SLUG

GAELIC = Language(code="gd", page_tag="gd", letter_tag="gd-GB", own_name="Gàidhlig",
                  english_name="Scottish Gaelic", prefix="/gd", words=english_words.WORDS,
                  ons_names=re.compile(r"^pcon\d*nmg$"))


@pytest.fixture
def gaelic(monkeypatch):
    """The register with a made-up third language in it, for one test."""
    monkeypatch.setitem(REGISTER, GAELIC.code, GAELIC)
    return GAELIC


def test_its_pages_are_under_its_prefix_in_its_tag(gaelic, client):
    page = client.get("/gd/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<html lang="gd"' in html
    assert re.search(r'hreflang="gd" href="http://localhost/gd/"', html)
    assert re.search(r'hreflang="cy" href="http://localhost/cy/"', html)
    # A campaign not yet offered in it is shown in English there, as on the Welsh pages.
    assert client.get(f"/gd/c/{SLUG}/").status_code == 200
    # Staff pages stay English.
    staff = client.get("/gd/staff/campaigns/")
    assert staff.status_code == 302 and staff.headers["Location"] == "/staff/campaigns/"


def test_its_one_migration_adds_the_columns_the_register_names(gaelic, app):
    wanted = {table: [f"{name}_gd" for name in names] for table, names in TEXTS.items()}
    wanted["campaign_targets"] = [f"{name}_gd" for name in TARGET_TEXTS]
    assert {table: [c for c in translated_columns(table) if c.endswith("_gd")]
            for table in TEXTS} == {table: wanted[table] for table in TEXTS}
    with app.app_context():
        db = get_db()
        missing = {table: [column for column in columns if column not in db[table].columns_dict]
                   for table, columns in wanted.items()}
        welsh = {table: [c for c in db[table].columns_dict if c.endswith("_cy")]
                 for table in wanted}
    assert missing == wanted  # none of them exists until its migration (as m020, m023)
    assert {table: len(columns) for table, columns in welsh.items()} == {
        table: len(columns) for table, columns in wanted.items()}  # as many as Welsh has
