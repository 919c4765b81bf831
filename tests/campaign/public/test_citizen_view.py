"""What the citizen sees stays true from postcode to download: the MP card, the date, the asks."""
from __future__ import annotations

from datetime import date

import pytest

from campaign.db import get_db
from tests.campaign.helpers import hidden, page_text
from tests.letters.helpers import pdf_text


def test_the_mp_card_stays_after_an_error(journey):
    journey.find_mp("E8 1DY")
    response = journey.write(full_name="")
    assert response.status_code == 422
    text = page_text(journey.page)
    assert "Enter your name" in text
    assert "Your MP is Ms Diane Abbott" in text


def test_the_mp_card_stays_after_no_asks_and_a_changed_postcode(journey):
    journey.find_mp("E8 1DY")
    journey.write(asks=[], postcode="BR8 7RE")
    assert "Your MP is Laura Trott" in page_text(journey.page)  # the postcode now on the form


def test_the_mp_card_stays_after_change_something(journey, client):
    journey.find_mp("E8 1DY")
    journey.write()
    response = client.post(f"/c/{journey.slug}/edit", data={
        "letter": hidden(journey.page, "letter"), "csrf_token": hidden(journey.page, "csrf_token")},
        follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Your MP is Ms Diane Abbott" in page_text(page)
    assert 'value="12 Glyndŵr Road"' in page


def test_downloads_carry_the_date_shown_at_preview(journey, clock):
    clock.set_today(date(2031, 1, 1), hour=23)
    journey.find_mp("E8 1DY")
    journey.write()
    assert "1 January 2031" in page_text(journey.page)
    clock.move(hours=1, minutes=30)  # midnight passes
    text = pdf_text(journey.download("pdf").data)
    assert "1 January 2031" in text
    assert "2 January 2031" not in text


def test_participation_counts_the_asks_actually_in_the_letter(app, journey):
    journey.find_mp("E8 1DY")
    first, second = journey.ask_ids()[:2]
    journey.write(asks=[first, second])
    with app.app_context():
        get_db().execute("update asks set enabled = 0 where id = ?", [int(second)])
        get_db().conn.commit()
    assert journey.download("pdf").status_code == 200
    with app.app_context():
        counted = [row["ask_id"] for row in get_db().query("select ask_id from letter_asks")]
    assert counted == [int(first)]


@pytest.mark.parametrize("postcode, says, not_says", [
    # Jersey is a Crown dependency: no seat at Westminster at all.
    ("JE2 3AB", "has no MP at Westminster", "no MP for this postcode"),
    # A non-geographic postcode (a PO box, a business) is in no constituency.
    ("BX1 1LT", "no MP for this postcode", "has no MP at Westminster"),
])
def test_a_postcode_with_no_mp_changed_on_the_letter_form_explains(journey, postcode, says,
                                                                   not_says):
    journey.find_mp("E8 1DY")
    response = journey.write(postcode=postcode)
    assert response.status_code == 200
    assert says in journey.page and not_says not in journey.page
