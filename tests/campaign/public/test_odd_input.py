"""Odd input that once made a 500: each gets a page with a sentence instead."""
from __future__ import annotations

import csv
import io
import re
from html import unescape
from urllib.parse import urlencode

import pytest

from campaign.db import get_db
from campaign.exports.files import to_csv
from campaign.public.letter_edits import MAX_EDIT_LENGTH
from campaign.staff.editing.asks import MAX_ASKS
from tests.campaign.helpers import (
    SLUG,
    Journey,
    add_ask,
    create_campaign,
    hidden,
    page_text,
    set_status,
    set_wording,
    sign_in,
    textareas,
)


@pytest.mark.parametrize("seed", ["²", "①", "٣", "12³"])
def test_a_seed_of_digits_int_cannot_read_still_makes_a_letter(journey, seed):
    journey.find_mp("E8 1DY")
    response = journey.write(seed=seed)
    assert response.status_code == 200
    assert "Dear" in page_text(journey.page)


@pytest.mark.parametrize("referrer", ["https://localhost:99999/", "http://[x]/",
                                      "https://[::1/"])
def test_a_malformed_referrer_on_any_post_over_https_is_refused_with_a_page(app, referrer):
    client = app.test_client()
    # The letter form's token (the campaign page's postcode form is a GET, without one).
    page = client.get(f"/c/{SLUG}/write?postcode=E8+1DY",
                      base_url="https://localhost").get_data(as_text=True)
    token = hidden(page, "csrf_token")
    checked = 0
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods:
            continue
        url = re.sub(r"<[^>]+>", "1", rule.rule).replace("/c/1/", f"/c/{SLUG}/")
        response = client.post(url, base_url="https://localhost", headers={"Referer": referrer},
                               data={"csrf_token": token})
        assert response.status_code == 400, (rule.rule, response.status_code)
        assert "This form has expired" in page_text(response.get_data(as_text=True))
        checked += 1
    assert checked >= 10
    # A well-formed referrer from the site itself still gets through to the form.
    response = client.post(f"/c/{SLUG}/mp", base_url="https://localhost",
                           headers={"Referer": f"https://localhost/c/{SLUG}/"},
                           data={"csrf_token": token, "postcode": "E8 1DY"})
    assert response.status_code == 303  # on to the letter form, which names the MP
    form = client.get(response.headers["Location"], base_url="https://localhost")
    assert "Diane Abbott" in page_text(form.get_data(as_text=True))


LONGEST_PARAGRAPH = ("Please press the government to act on this, and soon. " * 30)[:1199]


def _largest_submission(page: str, limit: int) -> dict[str, str]:
    """The letter form as sent by a writer who fills every box to its limit with a
    character that is 9 bytes once encoded (3 in UTF-8, each percent-encoded)."""
    data = {name: "€" * limit for name in textareas(page)}
    for tag in re.findall(r"<input[^>]+>", page):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'type="checkbox"' in tag:
            continue
        if 'type="hidden"' in tag:
            data[name.group(1)] = hidden(page, name.group(1))
            continue
        longest = re.search(r'maxlength="(\d+)"', tag)
        data[name.group(1)] = "€" * int(longest.group(1) if longest else limit)
    data["asks"] = re.findall(r'name="asks" value="(\d+)"', page)
    return data


def test_a_campaign_has_at_most_twenty_asks_and_its_largest_letter_form_can_be_sent(
        app, client, runner):
    sign_in(client, runner)
    campaign_id = create_campaign(client, slug="many-asks")
    for number in range(MAX_ASKS):
        assert add_ask(client, campaign_id, f"Ask {number}", LONGEST_PARAGRAPH).status_code == 302
    refused = add_ask(client, campaign_id, "One more", LONGEST_PARAGRAPH)
    assert refused.status_code == 422
    assert f"A campaign can have at most {MAX_ASKS} asks" in page_text(
        refused.get_data(as_text=True))
    overview = page_text(client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True))
    assert f"This campaign has {MAX_ASKS} asks, the most a campaign can have" in overview
    assert "Add an ask" not in overview
    set_wording(client, campaign_id, "I write from {{ constituency }}.", "Please reply.")
    assert set_status(client, campaign_id, "live").status_code == 302

    journey = Journey(client, "many-asks")
    journey.find_mp("E8 1DY")
    assert len(journey.ask_ids()) == MAX_ASKS
    data = _largest_submission(journey.page, MAX_EDIT_LENGTH)
    body = urlencode(data, doseq=True).encode()
    print(f"largest letter form submission with {MAX_ASKS} asks: {len(body):,} bytes")
    assert len(body) < app.config["MAX_CONTENT_LENGTH"] == 256 * 1024
    response = client.post("/c/many-asks/letter", data=body,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code != 413
    assert response.status_code in (200, 422)


@pytest.mark.parametrize("typed, named", [
    ("Please act 😀 now.", "😀"),
    ("I write from 伦敦.", "伦 敦"),
    ("Please \u202eact\u202c now.", "U+202E U+202C"),
    ("A broken \ufffd character.", "U+FFFD"),
], ids=["emoji", "CJK", "bidi override", "replacement character"])
def test_staff_wording_the_letter_cannot_print_is_refused_at_save(app, client, runner, typed,
                                                                  named):
    sign_in(client, runner)
    campaign_id = create_campaign(client)
    response = set_wording(client, campaign_id, typed, "Please reply.", subject=typed)
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert f"The letter's typeface cannot print {named}." in text
    refused = add_ask(client, campaign_id, "An ask", typed)
    assert refused.status_code == 422
    assert f"cannot print {named}." in page_text(refused.get_data(as_text=True))
    with app.app_context():
        assert typed not in get_db()["campaigns"].get(campaign_id)["opening"]
        assert get_db()["asks"].count_where("campaign_id = ?", [campaign_id]) == 0


def test_staff_wording_sent_as_invalid_utf8_is_refused(app, client, runner):
    """Multipart form data decodes broken UTF-8 as U+FFFD, which is refused, not saved."""
    sign_in(client, runner)
    campaign_id = create_campaign(client)
    url = f"/staff/campaigns/{campaign_id}/wording"
    token = hidden(client.get(url).get_data(as_text=True), "csrf_token")
    fields = {"csrf_token": token.encode(), "closing": b"Please reply.",
              "opening": b"Broken \xff\xfe here."}
    body = b"".join(b"--X\r\nContent-Disposition: form-data; name=\"" + name.encode()
                    + b"\"\r\n\r\n" + value + b"\r\n" for name, value in fields.items())
    response = client.post(url, data=body + b"--X--\r\n",
                           content_type="multipart/form-data; boundary=X")
    assert response.status_code == 422, page_text(response.get_data(as_text=True))
    assert "cannot print U+FFFD" in page_text(response.get_data(as_text=True))
    with app.app_context():
        assert "\ufffd" not in get_db()["campaigns"].get(campaign_id)["opening"]


def test_accented_latin_greek_and_welsh_wording_is_still_saved(app, client, runner):
    sign_in(client, runner)
    campaign_id = create_campaign(client)
    typed = "As your constituent in Ynys Môn – “café” Zoë, Ŵ, α – I write."
    response = set_wording(client, campaign_id, typed, "Please reply.")
    assert response.status_code == 302
    with app.app_context():  # saved as typed, every character
        saved = get_db()["campaigns"].get(campaign_id)
    assert (saved["opening"], saved["closing"]) == (typed, "Please reply.")
    # And staff read it back in the form as they typed it.
    form = client.get(f"/staff/campaigns/{campaign_id}/wording").get_data(as_text=True)
    assert typed in unescape(form)


@pytest.mark.parametrize("typed", ["=1+1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "|cmd", "﹦1"])
def test_csv_cells_a_spreadsheet_would_read_as_formulas_are_kept_as_text(typed):
    rows = list(csv.reader(io.StringIO(to_csv([{"ask": typed, "letters": 3}],
                                               ["ask", "letters"]))))
    assert rows[1] == ["'" + typed, "3"]


def test_csv_cells_that_are_only_text_are_left_alone():
    rows = list(csv.reader(io.StringIO(to_csv([{"ask": "Clean rivers – now"}], ["ask"]))))
    assert rows[1] == ["Clean rivers – now"]
