"""Privacy is a feature: nothing personal on disk or in the logs."""
from __future__ import annotations

import logging
from pathlib import Path

from campaign.db import get_db
from tests.campaign.helpers import page_text

NAME = "Perpetua Quillfeather"
STREET = "77 Zanzibar Crescent"
NOTE = "My neighbour's son was groomed by a county lines gang."
CONTACT = "quill.reply@example.org"
EDIT = "Traffickers preyed on my cousin Oswin in Dalston."


def _write_and_download(journey):
    journey.find_mp("E8 1DY")
    ask = journey.ask_ids()[0]
    journey.write(full_name=NAME, address_line1=STREET, note=NOTE, contact=CONTACT,
                  asks=[ask], **{f"para-ask-{ask}": EDIT})
    assert CONTACT in page_text(journey.page) and EDIT in page_text(journey.page)
    assert journey.download("pdf").status_code == 200
    assert journey.download("docx").status_code == 200


def test_database_holds_no_personal_string(app, journey):
    _write_and_download(journey)
    with app.app_context():
        get_db().conn.execute("PRAGMA wal_checkpoint(FULL)")
    raw = b"".join(path.read_bytes() for path in Path(app.config["DATABASE_PATH"]).parent.iterdir())
    for secret in (NAME, STREET, NOTE, CONTACT, EDIT, "Oswin", "Zanzibar", "Quillfeather", "E8 1DY", "E81DY"):
        assert secret.encode() not in raw, secret


def test_participation_is_recorded_once_per_letter(app, journey):
    _write_and_download(journey)
    journey.download("pdf")  # a double click
    with app.app_context():
        rows = list(get_db().query("select * from letters"))
        asks = list(get_db().query("select ask_id from letter_asks"))
    assert len(rows) == 1
    assert rows[0]["constituency_code"] == "E14001259"
    assert rows[0]["constituency_name"] == "Hackney North and Stoke Newington"
    assert sorted(rows[0]["formats"].split(",")) == ["docx", "pdf"]
    assert len(asks) == 1
    assert set(rows[0]) == {"id", "token", "campaign_id", "constituency_code",
                            "constituency_name", "day", "formats", "reference_hash",
                            "target_id", "language", "member_id", "mp_name", "stance", "mp_post"}
    # The wording kept with the letter is the campaign's, never the writer's.
    with app.app_context():
        kept = list(get_db().query(
            "select w.text, a.paragraph from ask_wordings w join asks a on a.id = w.ask_id"))
    assert kept and all(row["text"] == row["paragraph"] for row in kept)
    # The reference the citizen was shown is stored only as a 64-hex HMAC.
    assert len(rows[0]["reference_hash"]) == 64
    assert journey.reference and journey.reference not in rows[0]["reference_hash"]


def test_logs_hold_no_ip_postcode_or_form_body(journey, caplog):
    caplog.set_level(logging.DEBUG)
    journey.open("?postcode=E8+1DY")
    _write_and_download(journey)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "POST /c/stop-trafficking-networks/download 200" in logged
    for secret in ("127.0.0.1", "E8 1DY", "E8+1DY", "E81DY", NAME, STREET, "groomed",
                   CONTACT, "quill.reply", "Oswin"):
        assert secret not in logged, secret


def test_privacy_promise_is_on_every_page(client):
    for path in ("/", "/c/stop-trafficking-networks/help", "/privacy", "/about"):
        html = client.get(path).get_data(as_text=True)
        assert "We keep nothing that says who you are" in html


def test_the_privacy_page_gives_a_lawful_basis_and_what_is_kept_for_how_long(client):
    text = page_text(client.get("/privacy").get_data(as_text=True))
    assert "Our lawful basis" in text and "Article 6(1)(a)" in text and "Article 9(2)(a)" in text
    assert "What we keep, and for how long" in text
    for kept in ("the campaign, the constituency, the asks it chose, the day, the formats",
                 "its reference in scrambled form", "as long as the campaign is on this site",
                 "nothing in it is personal"):
        assert kept in text, kept


def test_every_page_links_the_accessibility_statement(client):
    for path in ("/", "/c/stop-trafficking-networks/", "/privacy"):
        assert 'href="/accessibility"' in client.get(path).get_data(as_text=True), path
    response = client.get("/accessibility")
    assert response.status_code == 200
    text = page_text(response.get_data(as_text=True))
    for said in ("Accessibility statement", "WCAG) version 2.2 at level AA",
                 "the axe accessibility checker", "with the keyboard alone", "Known issues",
                 "Tell us about a problem", "Equality Advisory and Support Service"):
        assert said in text, said


def test_citizens_get_one_cookie_and_only_for_form_protection(client):
    """No remember-me or tracking cookies on public pages; the session holds only CSRF."""
    # The campaign page's postcode form is a GET, without a CSRF token: no cookie at all.
    assert client.get("/").headers.getlist("Set-Cookie") == []
    first = client.get("/c/stop-trafficking-networks/write?postcode=E8+1DY")  # the letter form
    cookies = first.headers.getlist("Set-Cookie")
    assert len(cookies) == 1 and cookies[0].startswith("session=")
    again = client.get("/c/stop-trafficking-networks/")
    assert again.headers.getlist("Set-Cookie") == []  # unchanged session, nothing re-sent
