"""The loop back: a reference per letter, reports once per kind, unknown refs get a page."""
from __future__ import annotations

import re

import pytest

from campaign.db import get_db
from campaign.public.references import ALPHABET, LENGTH, new_reference, normalise
from tests.campaign.helpers import make_app, page_text


def _shown_reference(journey) -> str:
    """The reference the preview shows, which must be one (the helper gives "" for none)."""
    reference = journey.reference
    assert re.fullmatch(f"[{ALPHABET}]{{{LENGTH}}}", reference), reference
    return reference


def _letter_with_reference(journey) -> str:
    journey.find_mp("E8 1DY")
    journey.write()
    reference = _shown_reference(journey)
    assert journey.download("pdf").status_code == 200
    return reference


def test_references_are_short_unambiguous_and_random():
    refs = {new_reference() for _ in range(2000)}
    assert len(refs) == 2000
    for ref in refs:
        assert len(ref) == LENGTH and set(ref) <= set(ALPHABET)
        assert not set(ref) & set("0O1IL")
    assert normalise(" k7qm-4tzx ") == "K7QM4TZX"
    assert normalise("K7QM4TZ0") is None and normalise("short") is None


def test_the_preview_shows_the_reference_and_its_link(journey):
    journey.find_mp("E8 1DY")
    journey.write()
    reference = journey.reference
    assert re.fullmatch(f"[{ALPHABET}]{{{LENGTH}}}", reference)
    assert f'href="/r/{reference}"' in journey.page


def test_a_citizen_reports_posting_and_a_reply_once_each(app, journey):
    reference = _letter_with_reference(journey)
    page = page_text(journey.client.get(f"/r/{reference}").get_data(as_text=True))
    assert "Hackney North and Stoke Newington" in page
    assert "Thank you" in page_text(journey.report(reference, kind="posted").get_data(as_text=True))
    again = journey.report(reference, kind="posted")
    assert "already told us" in page_text(again.get_data(as_text=True))
    replied = journey.report(reference.lower(), kind="replied", reply_within="month",
                             reply_kind="personal")
    assert replied.status_code == 200
    with app.app_context():
        rows = list(get_db().query("select kind, reply_within, reply_kind from letter_reports"
                                   " order by kind"))
    assert rows == [{"kind": "posted", "reply_within": "", "reply_kind": ""},
                    {"kind": "replied", "reply_within": "month", "reply_kind": "personal"}]


def test_a_reply_needs_a_when_and_a_how(app, journey):
    reference = _letter_with_reference(journey)
    response = journey.report(reference, kind="replied", reply_within="month")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    # A GOV.UK error summary naming the question left unanswered, and its error by it.
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert "Choose what kind of answer it was." in page_text(summary)
    assert "Choose when the reply came" not in summary
    assert 'href="#kind-personal"' in summary and 'id="kind-error"' in html
    response = journey.report(reference, kind="replied")
    summary = response.get_data(as_text=True).split('class="error-summary"')[1]
    assert "Choose when the reply came." in page_text(summary)
    assert journey.report(reference, kind="free text!").status_code == 422
    with app.app_context():
        assert get_db()["letter_reports"].count == 0


@pytest.mark.parametrize("reference", ["K7QM4TZX", "nonsense", "K7QM4TZ0"])
def test_unknown_references_get_a_clear_page(client, reference):
    response = client.get(f"/r/{reference}")
    assert response.status_code == 404
    text = page_text(response.get_data(as_text=True))
    assert "We don't know that reference" in text
    assert "8 letters and numbers" in text


def test_a_preview_alone_gives_no_reference_a_row(client, journey):
    journey.find_mp("E8 1DY")
    journey.write()
    assert client.get(f"/r/{_shown_reference(journey)}").status_code == 404


@pytest.fixture
def limited_app(app_config):
    return make_app({**app_config, "RATELIMIT_ENABLED": True})


def test_guessing_references_is_rate_limited(limited_app):
    client = limited_app.test_client()
    client.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    statuses = [client.get(f"/r/{new_reference()}").status_code for _ in range(25)]
    assert statuses[:20] == [404] * 20
    assert statuses[-1] == 429


def test_the_pdf_carries_the_reference_on_a_tear_off_note(journey):
    from tests.letters.helpers import pdf_reader, pdf_text
    journey.find_mp("E8 1DY")
    journey.write()
    reference = _shown_reference(journey)
    response = journey.download("pdf")
    text = " ".join(pdf_text(response.data).split())
    assert f"Your reference: {reference}" in text
    assert f"/r/{reference}" in text
    # On a page of its own after the letter, so the MP's letter is posted whole.
    assert text.index("Yours sincerely") < text.index("Your copy: keep this page")
    pages = [page.extract_text() for page in pdf_reader(response.data).pages]
    assert "Your copy: keep this page, it is not for your MP" in pages[-1]
    assert "Yours sincerely" not in pages[-1] and reference not in "".join(pages[:-1])
    assert "Page" not in pages[-1]


@pytest.mark.parametrize("typed", ["{ref}", "{lower}", " {spaced} ", "{dashed}"])
def test_the_report_back_page_takes_a_reference_however_typed(journey, client, typed):
    journey.find_mp("E8 1DY")
    journey.write()
    ref = journey.reference
    journey.download("pdf")
    page = client.get("/r/")
    assert page.status_code == 200
    assert "Your letter's reference" in page_text(page.get_data(as_text=True))
    text = typed.format(ref=ref, lower=ref.lower(), spaced=f"{ref[:4]} {ref[4:]}",
                        dashed=f"{ref[:4].lower()}-{ref[4:]}")
    answer = client.get("/r/", query_string={"reference": text})
    assert answer.status_code == 303 and answer.headers["Location"].endswith(f"/r/{ref}")


@pytest.mark.parametrize(("typed", "status", "said"), [
    ("", 422, "Enter your letter's reference."),
    ("hello", 422, "8 letters and numbers"),
    ("K7QM-4TZX", 404, "No letter has the reference K7QM4TZX")])
def test_the_report_back_page_says_what_is_wrong(client, typed, status, said):
    answer = client.get("/r/", query_string={"reference": typed})
    assert answer.status_code == status
    html = answer.get_data(as_text=True)
    assert said in page_text(html) and 'class="error-summary"' in html
    assert 'aria-invalid="true"' in html


def test_every_campaign_page_links_to_reporting_back(client):
    for url in ("/c/stop-trafficking-networks/", "/c/stop-trafficking-networks/results"):
        assert 'href="/r/"' in client.get(url).get_data(as_text=True), url
