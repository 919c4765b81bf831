"""The whole journey with the keyboard alone (Tab, Shift+Tab, Space, Enter), and at
every stop the focused element shows it has focus."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from tests.campaign.browser.steps import ASKS, NOTE, assert_focus_visible, open_campaign, tab_to  # noqa: E402
from tests.campaign.helpers import WRITER  # noqa: E402
from tests.letters.helpers import pdf_text  # noqa: E402


def test_skip_link_is_first_and_shows_itself(page, shoot):
    open_campaign(page)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert_focus_visible(page)
    shoot("skip-link", whole=False)
    page.keyboard.press("Enter")
    # The next Tab starts inside the content, past the header's links.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_the_journey_works_with_the_keyboard_alone(page, shoot):
    open_campaign(page)
    tab_to(page, "input[name=postcode]")
    shoot("postcode-focused", whole=False)
    page.keyboard.type("E8 1DY")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your MP is Ms Diane Abbott")).to_be_visible()

    for field, value in (("full_name", WRITER["full_name"]),
                         ("address_line1", WRITER["address_line1"]),
                         ("town", WRITER["town"])):
        tab_to(page, f"input[name={field}]")
        page.keyboard.type(value)
    tab_to(page, "input[type=checkbox]")
    shoot("first-ask-focused", whole=False)
    page.keyboard.press("Space")
    for _ in range(2):  # on to the third ask
        tab_to(page, "input[type=checkbox]")
    page.keyboard.press("Space")
    expect(page.get_by_label(ASKS[0], exact=True)).to_be_checked()
    expect(page.get_by_label(ASKS[1], exact=True)).not_to_be_checked()
    expect(page.get_by_label(ASKS[2], exact=True)).to_be_checked()
    tab_to(page, "textarea[name=personal_note]")
    page.keyboard.type(NOTE)
    tab_to(page, "button[type=submit]")
    shoot("preview-button-focused", whole=False)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letter is ready")

    tab_to(page, "button[value=pdf]")
    shoot("download-focused", whole=False)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    text = pdf_text(Path(info.value.path()).read_bytes())
    assert "Dear Ms Abbott" in text and NOTE.split()[0] in text

    # On to what to do next, where the other file is a few Tabs away.
    expect(page.get_by_role("heading", level=1)).to_have_text("Print, sign and post your letter")
    tab_to(page, "#downloads-again button[value=docx]")
    with page.expect_download() as info:
        page.keyboard.press("Space")
    assert info.value.suggested_filename.endswith(".docx")

    tab_to(page, "form[action$='/edit'] button")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Your full name")).to_have_value(WRITER["full_name"])
    # Back up the page from the button: Shift+Tab reaches the note, still as typed.
    tab_to(page, "button[type=submit]")
    tab_to(page, "textarea[name=personal_note]", backwards=True)
    expect(page.locator("textarea[name=personal_note]")).to_have_value(NOTE)
