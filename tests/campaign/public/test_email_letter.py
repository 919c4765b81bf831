"""Sending the letter from the citizen's own inbox: the MP's email, the mailto: link,
and letters counted as the `email` format."""
from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

from campaign.db import get_db
from campaign.lookup import register
from campaign.lookup.errors import UpstreamUnavailable
from campaign.public.emailing import MAILTO_MAX_TEXT, email_offer
from letters import Letter
from tests.campaign.helpers import WRITER, page_text

ABBOTT_EMAIL = "diane.abbott.office@parliament.uk"


def _mailto(response) -> tuple[str, dict]:
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    link = response.headers["Location"]
    assert link.startswith("mailto:")
    parts = urlsplit(link)
    return parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}


def test_the_mailto_link_goes_to_the_mp_with_the_whole_letter(journey):
    journey.find_mp("E8 1DY")
    journey.write(note="Please visit the refuge on Mare Street.")
    assert "Email it from your own email" in journey.page
    address, fields = _mailto(journey.email())
    assert address == ABBOTT_EMAIL
    body = fields["body"]
    # Name and postal address: MPs answer only constituents who give them.
    for line in (WRITER["full_name"], WRITER["address_line1"], "E8 1DY",
                 "Please visit the refuge on Mare Street.", "Dear Ms Abbott"):
        assert line in body
    assert "\r\n" in body  # RFC 6068 line breaks
    assert fields["subject"]
    # An email, not the printed page pasted in: "Dear" first, no address blocks or date
    # above it, and the sign-off, name, postal address and contact last.
    assert body.startswith("Dear Ms Abbott")
    assert "House of Commons" not in body and "SW1A 0AA" not in body
    lines = body.split("\r\n")
    assert lines[-5:] == [WRITER["full_name"], WRITER["address_line1"], WRITER["address_line2"],
                          WRITER["town"], "E8 1DY"]
    assert lines[-7] == "Yours sincerely"


def test_emailing_counts_once_as_the_email_format(app, journey):
    journey.find_mp("E8 1DY")
    journey.write()
    journey.email()
    journey.email()  # a second tap
    assert journey.download("pdf").status_code == 200
    with app.app_context():
        rows = list(get_db().query("select formats from letters"))
    assert len(rows) == 1
    assert sorted(rows[0]["formats"].split(",")) == ["email", "pdf"]


def test_no_email_on_record_offers_the_post_only(app, journey):
    journey.find_mp("PR7 1DP")  # the Speaker: the fake lists no email for him
    journey.write()
    text = page_text(journey.page)
    assert "We have no email address on record for Sir Lindsay Hoyle" in text
    assert "Email it from your own email" not in text
    response = journey.email()
    assert response.status_code == 409
    assert "has to go by post" in page_text(response.get_data(as_text=True))
    with app.app_context():
        assert get_db()["letters"].count == 0


def _letter(paragraphs: tuple[str, ...]) -> Letter:
    return Letter(sender_name="A Writer", sender_address=("1 Road", "Town", "AB1 2CD"),
                  date=date(2026, 11, 23), date_text="23 November 2026",
                  recipient_lines=("Ms Diane Abbott MP", "House of Commons", "London SW1A 0AA"),
                  salutation="Dear Ms Abbott", subject="Trafficking", paragraphs=paragraphs,
                  valediction="Yours sincerely", signature_name="A Writer",
                  mp_name="Diane Abbott")


def test_a_long_letter_is_offered_to_copy_instead_of_a_link():
    short = email_offer(_letter(("Short.",)), ABBOTT_EMAIL)
    assert short.mailto and len(short.subject + short.body) <= MAILTO_MAX_TEXT
    long = email_offer(_letter(("A long paragraph about the harm done. " * 60,)), ABBOTT_EMAIL)
    assert long.mailto is None
    assert long.address == ABBOTT_EMAIL and "A long paragraph" in long.body
    assert email_offer(_letter(("Short.",)), "") is None


def test_a_long_letter_shows_the_copy_block(journey):
    journey.find_mp("E8 1DY")
    journey.write(note="I have seen this on my own street. " * 34)  # 1,190 characters
    text = page_text(journey.page)
    assert "too long to open in an email app" in text
    assert 'id="letter-text"' in journey.page and ABBOTT_EMAIL in text
    assert "Copy the letter" in journey.page


def test_refresh_stores_each_mps_parliamentary_email(app, runner):
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code == 0, result.output
    assert "Emails: 3 on record." in result.output
    with app.app_context():
        emails = {r["display_as"]: r["email"] for r in get_db()["mps"].rows}
    assert emails["Ms Diane Abbott"] == ABBOTT_EMAIL
    assert emails["Sir Lindsay Hoyle"] == ""


def test_contact_failures_are_tolerated_and_keep_known_emails(app, runner, fake_members):
    runner.invoke(args=["mps", "refresh"])
    fake_members.contact_failures = {172, 4761}
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code == 0, result.output
    assert "2 could not be fetched" in result.output
    with app.app_context():
        assert register.mp_email(get_db(), 172) == ABBOTT_EMAIL  # kept from the last refresh


class _SlowAPI:
    def __init__(self):
        self.calls = 0

    def contact_email(self, member_id: int) -> str:
        self.calls += 1
        if member_id == 2:
            raise UpstreamUnavailable()
        return f"mp{member_id}@parliament.uk"


def test_email_refresh_is_bounded_by_its_time_budget(app):
    with app.app_context():
        db = get_db()
        db["mps"].insert_all({"constituency_code": f"E1400000{i}", "constituency_name": f"Seat {i}",
                              "member_id": i, "email": ""}
                             for i in range(1, 6))
        api = _SlowAPI()
        assert register.refresh_emails(db, api, workers=2) == (4, 1)
        api = _SlowAPI()
        assert register.refresh_emails(db, api, budget_seconds=-1) == (0, 5)
        assert api.calls == 0
