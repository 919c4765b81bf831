"""Issue 22, nothing typed is ever lost: the browser's Back and reload in a real Chromium.

The letter form is a GET of its own address (/c/<slug>/write?postcode=&seed=), so Back
from the preview and a reload fetch it again (every such page is `no-store`), and
static/site.js puts back what the writer typed from this tab's sessionStorage.
"""
from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from tests.campaign.browser.steps import (  # noqa: E402
    ASKS,
    CAMPAIGN_TITLE,
    NOTE,
    fill_letter,
    find_mp,
    open_campaign,
    preview,
)
from tests.campaign.chromium import new_page  # noqa: E402
from tests.campaign.helpers import SLUG, WRITER  # noqa: E402

EDITED = "I want my MP to press for traffickers' assets to be seized and given to victims."


def _edit_first_ask_paragraph(page) -> None:
    page.get_by_text("Read or change this paragraph").first.click()
    page.get_by_label(f"The paragraph for “{ASKS[0]}”").fill(EDITED)


def _assert_form_as_typed(page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Write your letter")
    expect(page.get_by_label("Your full name")).to_have_value(WRITER["full_name"])
    expect(page.get_by_label("Address line 1")).to_have_value(WRITER["address_line1"])
    expect(page.get_by_label(ASKS[0], exact=True)).to_be_checked()
    expect(page.get_by_label("In your own words (optional)")).to_have_value(NOTE)
    paragraph = page.get_by_label(f"The paragraph for “{ASKS[0]}”")
    expect(paragraph).to_be_visible()  # its "Read or change" stays open
    expect(paragraph).to_have_value(EDITED)


def test_back_from_the_preview_shows_the_form_as_typed(page, shoot):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    assert "/write?postcode=E8+1DY&seed=" in page.url
    fill_letter(page)
    _edit_first_ask_paragraph(page)
    preview(page)
    shoot("preview")
    page.go_back()
    page.wait_for_load_state()
    _assert_form_as_typed(page)
    shoot("back")
    # And on again: the same letter, with the edited paragraph in it.
    preview(page)
    expect(page.get_by_text(EDITED)).to_be_visible()


def test_reload_keeps_the_form_and_a_reload_of_the_preview_address_comes_back(page):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    _edit_first_ask_paragraph(page)
    page.reload()
    _assert_form_as_typed(page)
    preview(page)
    # The preview is a page of its own (post/redirect/get): reloaded, or its address
    # opened again, it is the same letter with the same reference.
    reference = page.locator(".reference-code").inner_text()
    assert "/preview?letter=" in page.url
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letter is ready")
    expect(page.locator(".reference-code")).to_have_text(reference)
    page.go_back()
    page.wait_for_load_state()
    _assert_form_as_typed(page)
    page.go_forward()
    page.wait_for_load_state()
    expect(page.locator(".reference-code")).to_have_text(reference)


def test_back_after_change_something_is_the_form_not_a_resubmission(page):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    _edit_first_ask_paragraph(page)
    preview(page)
    page.get_by_role("button", name="Change something").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write your letter")
    preview(page)
    page.go_back()
    page.wait_for_load_state()
    _assert_form_as_typed(page)


def test_a_second_lookup_after_a_filled_form_is_the_new_mps_form(page):
    """Issue 29: E8 1DY filled in, not downloaded; back to the campaign page and BR8 7RE
    looked up. What the tab kept was for the first lookup: the fresh lookup wins, so
    the postcode, the MP and the letter are BR8 7RE's (it was Diane Abbott's)."""
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    _edit_first_ask_paragraph(page)
    open_campaign(page)
    find_mp(page, "BR8 7RE")
    expect(page.get_by_role("heading", name="Laura Trott")).to_be_visible()
    expect(page.get_by_label("Postcode", exact=True)).to_have_value("BR8 7RE")
    expect(page.get_by_label(f"The paragraph for “{ASKS[0]}”")).not_to_have_value(EDITED)
    fill_letter(page)
    preview(page)
    expect(page.get_by_text("Dear Ms Trott")).to_be_visible()
    expect(page.get_by_text("Dear Ms Abbott")).to_have_count(0)
    # Back to the first lookup's form: its own words come back, for its own MP.
    page.go_back()
    page.go_back()
    page.go_back()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Diane Abbott")).to_be_visible()
    expect(page.get_by_label("Postcode", exact=True)).to_have_value("E8 1DY")
    expect(page.get_by_label(f"The paragraph for “{ASKS[0]}”")).to_have_value(EDITED)


def test_a_lookup_from_the_campaign_page_come_back_to_is_a_fresh_form(page):
    """The postcode form is a GET of the letter form's address with the seed the page
    was written with. Back to the campaign page may show it as it was, the same seed
    in it (a browser's back-forward cache does), yet a lookup from it, even of the same
    postcode (a housemate's letter), is a fresh form: the fresh lookup wins over what
    the tab kept for the first one."""
    open_campaign(page)
    first_seed = page.locator("input[name='seed']").input_value()
    find_mp(page, "E8 1DY")
    assert f"/write?postcode=E8+1DY&seed={first_seed}" in page.url
    fill_letter(page)
    _edit_first_ask_paragraph(page)
    page.go_back()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text(CAMPAIGN_TITLE)
    # Chromium here fetches the page again (a new seed); a page the back-forward cache
    # kept still holds the first seed.
    page.locator("input[name='seed']").evaluate("(el, seed) => { el.value = seed; }",
                                                first_seed)
    find_mp(page, "E8 1DY")
    expect(page.get_by_role("heading", level=1)).to_have_text("Write your letter")
    assert "/write?postcode=E8+1DY&seed=" in page.url
    assert f"seed={first_seed}" not in page.url
    expect(page.get_by_label("Your full name")).to_have_value("")
    expect(page.get_by_label("In your own words (optional)")).to_have_value("")
    expect(page.get_by_label(ASKS[0], exact=True)).not_to_be_checked()
    expect(page.get_by_label(f"The paragraph for “{ASKS[0]}”")).not_to_have_value(EDITED)
    # What the tab kept for the first lookup is still there for its own address.
    page.goto(f"/c/{SLUG}/write?postcode=E8+1DY&seed={first_seed}")
    _assert_form_as_typed(page)


def test_the_language_link_on_the_form_keeps_what_was_typed(page):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    _edit_first_ask_paragraph(page)
    page.get_by_role("link", name="Cymraeg").click()
    page.wait_for_load_state()
    assert "/cy/c/" in page.url and "/write?postcode=E8+1DY&seed=" in page.url
    expect(page.locator("#full_name")).to_have_value(WRITER["full_name"])
    # The paragraph the writer changed is theirs: kept, not replaced by the Welsh default.
    paragraph = page.locator("textarea[name^='para-ask-']").first
    expect(paragraph).to_have_value(EDITED)
    expect(page.locator("#postcode")).to_have_value("E8 1DY")


def test_downloading_clears_what_the_tab_kept(page):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    preview(page)
    with page.expect_download():
        page.get_by_role("button", name="Download PDF to print").first.click()
    kept = page.evaluate("Object.keys(sessionStorage)")
    assert not [key for key in kept if key.startswith(f"letter-form:{SLUG}:")]


def test_without_javascript_the_form_still_comes_back_from_a_bookmark(browser, live_server,
                                                                     viewport, upstreams):
    context, page = new_page(browser, live_server, viewport, java_script_enabled=False)
    try:
        open_campaign(page)
        find_mp(page, "E8 1DY")
        fill_letter(page)
        preview(page)
        page.goto(page.url)  # the preview's own address: the preview again
        expect(page.get_by_role("heading", level=1)).to_have_text("Your letter is ready")
        page.goto(f"/c/{SLUG}/mp")
        expect(page.get_by_role("button", name="Find my MP")).to_be_visible()
    finally:
        context.close()


def test_the_download_moves_on_to_what_to_do_next(page, shoot):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    preview(page)
    reference = page.locator(".reference-code").first.inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download PDF to print").first.click()
    assert info.value.failure() is None and info.value.suggested_filename.endswith(".pdf")
    expect(page.get_by_role("heading", level=1)).to_have_text("Print, sign and post your letter")
    for heading in ("Print it", "Post it", "What happens next"):
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    expect(page.locator(".reference-code").first).to_have_text(reference)
    expect(page.get_by_text("House of Commons")).to_be_visible()
    shoot("done")
    # The envelope and the other file are still to hand.
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the envelope to print").click()
    assert info.value.suggested_filename.endswith(".pdf")
    # And "Tell us what happened" leads to the reference's own page.
    page.goto("/r/")
    page.get_by_label("Your letter's reference").fill(f"{reference[:4].lower()} {reference[4:]}")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)


def test_an_edit_to_an_unticked_ask_is_kept_and_said(page, shoot):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page, asks=[ASKS[1]])  # the edited ask below stays unticked
    _edit_first_ask_paragraph(page)
    page.get_by_role("button", name="Preview my letter").click()
    expect(page.get_by_role("alert")).to_contain_text(f"You changed the paragraph for “{ASKS[0]}”")
    paragraph = page.get_by_label(f"The paragraph for “{ASKS[0]}”")
    expect(paragraph).to_be_visible()
    expect(paragraph).to_have_value(EDITED)
    # Each "Read or change" is named for its paragraph, for a screen reader.
    summary = page.locator("details", has=paragraph).locator("summary")
    expect(summary).to_have_text(f"Read or change this paragraph: “{ASKS[0]}”")
    shoot("unticked-edit")
    page.get_by_label(ASKS[0], exact=True).check()
    preview(page)
    expect(page.get_by_text(EDITED)).to_be_visible()


def test_switching_language_keeps_the_details_and_gives_the_paragraphs_in_the_new_one(
        page, welsh_launch_campaign):
    # The writer's details and ticks follow them to Cymraeg; the paragraphs are the
    # campaign's Welsh (its English kept would read as the writer's own edits).
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    page.get_by_role("link", name="Cymraeg").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ysgrifennu eich llythyr")
    expect(page.get_by_label("Eich enw llawn")).to_have_value(WRITER["full_name"])
    welsh_ask = "Cyfreithiau cryfach yn erbyn masnachwyr pobl"
    expect(page.get_by_label(welsh_ask, exact=True)).to_be_checked()
    paragraph = page.locator("textarea[name^='para-ask-']").first
    expect(paragraph).not_to_have_value(re.compile("the law and its enforcement"))
    page.get_by_role("button", name="Gweld rhagolwg o’m llythyr").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mae eich llythyr yn barod")
