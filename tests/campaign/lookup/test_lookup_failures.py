"""Every way finding an MP can fail gives a status, a sentence and a next step."""
from __future__ import annotations

import time

import pytest

from tests.campaign.helpers import page_text


@pytest.mark.parametrize("postcode, status, message", [
    ("", 422, "Enter your postcode."),
    ("hello", 422, "doesn't look like a UK postcode"),
    ("SW1A 1AA 1AA", 422, "doesn't look like a UK postcode"),
    ("ZZ99 9ZZ", 404, "couldn't find that postcode"),
    ("AB1 0AA", 404, "stopped being used in 1996"),
])
def test_bad_postcodes_get_a_clear_message(journey, postcode, status, message):
    response = journey.find_mp(postcode)
    assert response.status_code == status
    text = page_text(journey.page)
    assert message in text
    assert "There is a problem" in text  # the error summary, announced as an alert
    assert 'role="alert"' in journey.page


def test_unknown_postcode_never_suggests_another_postcode(journey):
    journey.find_mp("ZZ99 9ZZ")
    text = page_text(journey.page)
    assert "your own address" in text
    assert "nearby" not in text and "neighbour" not in text


def test_a_postcode_found_nowhere_can_be_corrected_on_the_same_page(journey):
    # The letter form looks the postcode up; when it finds no MP it shows the campaign's
    # postcode form again, with a working CSRF token, holding what was typed.
    assert journey.find_mp("ZZ99 9ZZ").status_code == 404
    assert 'value="ZZ99 9ZZ"' in journey.page
    response = journey.find_mp("E8 1DY")
    assert response.status_code == 200 and "Write your letter" in page_text(journey.page)


def test_terminated_postcode_links_royal_mails_postcode_finder(journey):
    journey.find_mp("AB1 0AA")
    assert 'href="https://www.royalmail.com/find-a-postcode"' in journey.page
    assert "Royal Mail's postcode finder" in page_text(journey.page)


@pytest.mark.parametrize("postcode, heading, message", [
    ("JE2 3AB", "Jersey has no MP at Westminster",
     "Jersey is not represented in the UK House of Commons"),
    ("GY1 1AA", "Guernsey has no MP at Westminster", "Guernsey is not represented"),
    ("IM1 1AA", "The Isle of Man has no MP at Westminster",
     "The Isle of Man is not represented"),
    ("BX1 1LT", "There is no MP for this postcode", "use the postcode of your home address"),
])
def test_no_constituency_is_a_page_that_explains(journey, postcode, heading, message):
    response = journey.find_mp(postcode)
    assert response.status_code == 200
    text = page_text(journey.page)
    assert f"<h1>{heading}</h1>" in journey.page
    assert message in text
    assert "There is a problem" not in text  # not a form error: nothing to correct
    assert 'name="full_name"' not in journey.page


@pytest.mark.parametrize("postcode, parliament, link", [
    ("JE2 3AB", "Jersey has its own parliament, the States Assembly,",
     "https://statesassembly.je/"),
    ("GY1 1AA", "Guernsey has its own parliament, the States of Deliberation,",
     "https://www.gov.gg/"),
    ("IM1 1AA", "The Isle of Man has its own parliament, Tynwald,",
     "https://www.tynwald.org.im/"),
])
def test_a_crown_dependency_is_told_its_own_parliament_and_linked(journey, postcode,
                                                                   parliament, link):
    journey.find_mp(postcode)
    assert parliament in page_text(journey.page)
    assert f'href="{link}"' in journey.page


def test_an_invalid_postcode_is_shown_back_as_typed(journey):
    journey.find_mp("not a postcode")
    assert 'value="not a postcode"' in journey.page


@pytest.mark.parametrize("mode", ["error", "garbage", "down"])
def test_postcodes_io_failing_says_try_again(journey, fake_postcodes, mode):
    fake_postcodes.mode = mode
    response = journey.find_mp("E8 1DY")
    assert response.status_code == 503
    assert "can't reach the service that finds your MP" in page_text(journey.page)
    assert 'value="E8 1DY"' in journey.page  # what they typed is kept
    # The postcode is fine: a notice about the service, not an error on the field.
    assert "There is a problem" not in page_text(journey.page)
    assert 'aria-invalid="true"' not in journey.page
    assert "The server's log names the service" in page_text(journey.page)  # development


def test_postcodes_io_hanging_is_cut_short(journey, fake_postcodes):
    fake_postcodes.mode = "slow"
    fake_postcodes.slow_seconds = 5
    started = time.monotonic()
    response = journey.find_mp("E8 1DY")
    assert response.status_code == 503
    assert time.monotonic() - started < 3  # test config: 0.5 s connect + 1 s read


@pytest.mark.parametrize("mode", ["error", "garbage", "down", "slow"])
def test_members_api_failing_says_try_again(journey, fake_members, mode):
    fake_members.mode = mode
    fake_members.slow_seconds = 3
    response = journey.find_mp("E8 1DY")
    assert response.status_code == 503
    assert "can't reach the service that finds your MP" in page_text(journey.page)


def test_vacant_seat_gets_a_message_not_a_letter(journey):
    response = journey.find_mp("WA7 1AA")
    text = page_text(journey.page)
    assert response.status_code == 200
    assert "Runcorn and Helsby has no MP at the moment" in text
    assert 'name="full_name"' not in journey.page
    # A next step: when to come back, what to do meanwhile, and where.
    assert "come back and write it once the by-election is held" in text
    assert "ask the by-election's candidates where they stand" in text
    assert 'href="https://www.writetothem.com/"' in journey.page
    assert "Back to the campaign" in text


def test_vacancy_is_remembered_briefly(journey, fake_members):
    journey.find_mp("WA7 1AA")
    journey.open()
    journey.find_mp("WA7 1AA")
    searches = [r for r in fake_members.requests if "Constituency/Search" in r]
    assert len(searches) == 1


def test_postcode_answers_are_cached(journey, fake_postcodes):
    journey.find_mp("E8 1DY")
    journey.open()
    journey.find_mp("e81dy")
    assert len(fake_postcodes.requests) == 1


def test_missing_fields_and_no_asks_are_explained(journey):
    journey.find_mp("E8 1DY")
    response = journey.write(asks=[], full_name="", address_line1="", town="")
    text = page_text(journey.page)
    assert response.status_code == 422
    assert "Enter your name" in text
    assert "Enter the first line of your address" in text
    assert "Enter your town or city" in text
    assert "Tick at least one thing to ask your MP for" in text


def test_oversized_fields_are_refused_with_a_limit(journey):
    journey.find_mp("E8 1DY")
    response = journey.write(full_name="A" * 500, note="word " * 1000)
    text = page_text(journey.page)
    assert response.status_code == 422
    assert "Keep your name under 100 characters" in text
    assert "Keep your own words under 1,200 characters" in text
    assert "word word" in journey.page  # nothing lost: the note is still in the form


def test_asks_that_do_not_exist_are_refused_with_a_sentence(journey):
    journey.find_mp("E8 1DY")
    response = journey.write(asks=["999999", "abc"])
    assert response.status_code == 422
    text = page_text(journey.page)
    assert "Tick at least one thing to ask your MP for." in text
    assert "Invalid choice" not in text and "could not be coerced" not in text


def test_an_altered_preview_is_refused(journey, client):
    journey.find_mp("E8 1DY")
    journey.write()
    from tests.campaign.helpers import hidden
    response = client.post("/c/stop-trafficking-networks/download", data={
        "letter": hidden(journey.page, "letter")[:-3] + "abc", "format": "pdf",
        "csrf_token": hidden(journey.page, "csrf_token")})
    assert response.status_code == 400
    assert "couldn't read that letter" in page_text(response.get_data(as_text=True))


def test_an_expired_preview_gives_the_letter_back_not_a_download(app, journey, clock):
    journey.find_mp("E8 1DY")
    journey.write()
    clock.move(seconds=app.config["LETTER_FORM_MAX_AGE"] - 1)
    assert journey.download("pdf").status_code == 200
    clock.move(seconds=2)
    response = journey.download("pdf")
    assert response.status_code == 410
    text = page_text(response.get_data(as_text=True))
    assert "Your preview has expired" in text and "Get my letter back" in text


def test_posts_without_csrf_token_are_refused(client):
    response = client.post("/c/stop-trafficking-networks/mp", data={"postcode": "E8 1DY"})
    assert response.status_code == 400
    assert "This form has expired" in page_text(response.get_data(as_text=True))


def test_unknown_campaign_is_a_friendly_404(client):
    response = client.get("/c/no-such-campaign/")
    assert response.status_code == 404
    assert "Page not found" in page_text(response.get_data(as_text=True))
