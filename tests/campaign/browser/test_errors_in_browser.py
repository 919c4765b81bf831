"""What a citizen sees and hears when something goes wrong: the message is in an alert
(a live region, read out on arrival) and focus moves to it, so a screen-reader or
keyboard user starts where the problem is described."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from tests.campaign.browser.steps import (  # noqa: E402
    assert_focus_indicator_contrasts,
    assert_focus_visible,
    assert_no_sideways_scroll,
    fill_letter,
    find_mp,
    open_campaign,
)

UNCACHED_POSTCODE = "BR8 7RE"


@pytest.fixture
def uncached(live_app):
    """The live server's finder caches postcodes for the session; a cached one would be
    found without asking the broken upstream, so forget them."""
    live_app.extensions["postcode_cache"].clear()


def assert_error_announced(page, message: str):
    """The summary is an alert named "There is a problem", holds `message`, and has focus."""
    alert = page.get_by_role("alert", name="There is a problem")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text(message)
    expect(alert).to_be_focused()
    assert_focus_visible(page)
    # GOV.UK's error summary style: the yellow outline alone (the summary is a container
    # focused by the page, not a control, so 1.4.11's 3:1 is not asked of it).
    assert_focus_indicator_contrasts(page, min_contrast=1.5)
    expect(page).to_have_title(re.compile(r"^Error: "))  # the first thing read on arrival
    return alert


def assert_field_error(page, label: str, message: str):
    """The field says it is invalid and its description carries the error."""
    field = page.get_by_label(label, exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile(re.escape(message)))
    return field


def test_an_invalid_postcode_is_announced_and_leads_back_to_the_field(page, shoot):
    open_campaign(page)
    find_mp(page, "hello")
    alert = assert_error_announced(page, "doesn't look like a UK postcode")
    assert_field_error(page, "Your postcode", "doesn't look like a UK postcode")
    expect(page.get_by_label("Your postcode")).to_have_value("hello")
    assert_no_sideways_scroll(page)
    shoot("invalid-postcode")

    alert.get_by_role("link").click()
    expect(page.get_by_label("Your postcode")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("E8 1DY")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your MP is Ms Diane Abbott")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)


def test_a_mistyped_postcode_comes_back_whole_and_as_typed(page, shoot):
    """Not upper-cased, not cut off by the field's width: what was typed, to correct."""
    open_campaign(page)
    find_mp(page, "not a postcode")
    field = page.get_by_label("Your postcode")
    expect(field).to_have_value("not a postcode")
    assert field.evaluate("el => getComputedStyle(el).textTransform") == "none"
    # Every character shows: the text is no wider than the box it is typed in.
    assert field.evaluate("el => el.scrollWidth <= el.clientWidth")
    shoot("mistyped-postcode")


def test_an_unknown_postcode_says_so(page, shoot):
    open_campaign(page)
    find_mp(page, "ZZ99 9ZZ")
    assert_error_announced(page, "couldn't find that postcode")
    shoot("unknown-postcode")


def test_upstream_down_says_try_again_and_keeps_the_postcode(page, shoot, upstreams, uncached):
    fake_postcodes, _ = upstreams
    fake_postcodes.mode = "down"
    open_campaign(page)
    find_mp(page, UNCACHED_POSTCODE)
    # The postcode is right: a notice announced as an alert, no error on the field.
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text("can't reach the service that finds your MP")
    expect(notice).to_contain_text("not your postcode's")
    expect(page.get_by_label("Your postcode")).to_have_value(UNCACHED_POSTCODE)
    expect(page.get_by_label("Your postcode")).not_to_have_attribute("aria-invalid", "true")
    shoot("upstream-down")

    # When the service is back, trying again works without retyping anything.
    fake_postcodes.mode = "ok"
    page.get_by_role("button", name="Find my MP").click()
    expect(page.get_by_role("heading", name="Your MP is Laura Trott")).to_be_visible()


def test_a_letter_form_with_gaps_lists_each_problem(page, shoot):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    page.get_by_role("button", name="Preview my letter").click()
    alert = assert_error_announced(page, "Enter your name")
    expect(alert).to_contain_text("Tick at least one thing to ask your MP for.")
    assert_field_error(page, "Your full name", "Enter your name")
    # The asks are a group of checkboxes: the group carries the error.
    asks = page.get_by_role("group", name="What do you want your MP to do?")
    expect(asks).to_have_attribute("aria-describedby", "asks-error")
    shoot("letter-gaps")

    alert.get_by_role("link", name="Tick at least one thing to ask your MP for.").click()
    focused = page.evaluate("document.activeElement.name")
    assert focused == "asks", "the asks link should land on the first checkbox"
    page.keyboard.press("Space")
    fill_letter(page, asks=[])
    page.get_by_role("button", name="Preview my letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letter is ready")


def test_an_altered_letter_asks_to_start_again(page, shoot):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    page.get_by_role("button", name="Preview my letter").click()
    page.locator("input[name=letter]").first.evaluate("el => el.value = 'tampered'")
    page.get_by_role("button", name="Download PDF to print").first.click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Please start again")
    expect(alert).to_contain_text("We couldn't read that letter.")
    shoot("start-again")
    page.get_by_role("link", name="Start again").click()
    expect(page.get_by_label("Your postcode")).to_be_visible()


def test_a_vacant_seat_explains_and_offers_no_letter(page, shoot):
    open_campaign(page)
    find_mp(page, "WA7 1AA")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("There is no MP for this seat just now")
    expect(alert).to_contain_text("once the by-election is held")
    expect(page.get_by_role("link", name="Find your other representatives on WriteToThem")
           ).to_have_attribute("href", "https://www.writetothem.com/")
    expect(page.get_by_role("button", name="Preview my letter")).to_have_count(0)
    shoot("vacant-seat")
    page.get_by_role("link", name="Back to the campaign").click()
    expect(page.get_by_label("Your postcode")).to_be_visible()


def test_a_missing_page_says_so_and_offers_a_way_on(page, shoot):
    response = page.goto("/no-such-page")
    assert response.status == 404
    expect(page.get_by_role("alert")).to_contain_text("Page not found")
    shoot("not-found")
    page.get_by_role("link", name="Go to the campaign page").click()
    expect(page.get_by_label("Your postcode")).to_be_visible()


def test_a_long_note_is_counted_and_kept_whole_not_cut_short(page, shoot):
    """A paste over the limit is not cut by the browser: a count says how much too long,
    and the server's message comes back with every character still in the box."""
    open_campaign(page)
    find_mp(page, "E8 1DY")
    note = ("I have lived here for twenty years and seen what these gangs do. " * 20)[:1250]
    fill_letter(page, note=note)
    box = page.get_by_label("In your own words (optional)")
    expect(box).to_have_value(note)  # the whole paste, 1,250 characters
    expect(page.locator("#personal_note-count")).to_have_text(
        "You have 50 characters too many")
    box.press("End")
    for _ in range(50):
        box.press("Backspace")
    expect(page.locator("#personal_note-count")).to_have_text("You have 0 characters left")
    box.type(" and more")
    page.get_by_role("button", name="Preview my letter").click()
    assert_error_announced(page, "Keep your own words under 1,200 characters.")
    expect(page.get_by_label("In your own words (optional)")).to_have_value(
        note[:1200] + " and more")
    expect(page.locator("#personal_note-count")).to_have_text("You have 9 characters too many")
    shoot("long-note-kept")
