"""The citizen's journey in a real Chromium, on a phone and on a desktop screen:
postcode -> MP -> letter -> preview -> the PDF and the Word file they download."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from campaign.clock import SYSTEM  # noqa: E402
from letters import uk_date  # noqa: E402
from tests.campaign.browser.steps import (  # noqa: E402
    ASKS,
    CAMPAIGN_TITLE,
    NOTE,
    assert_no_sideways_scroll,
    fill_letter,
    find_mp,
    open_campaign,
    preview,
)
from tests.campaign.chromium import PHONE, new_page  # noqa: E402
from tests.campaign.helpers import WRITER  # noqa: E402
from tests.letters.helpers import docx_paragraphs, pdf_text  # noqa: E402

TODAY = uk_date(SYSTEM.today())


def download(page, button_name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name).first.click()
    dl = info.value
    assert dl.failure() is None, dl.failure()
    return dl.suggested_filename, Path(dl.path()).read_bytes()


def test_a_citizen_writes_to_their_mp_and_downloads_the_letter(page, shoot):
    open_campaign(page)
    expect(page.get_by_role("heading", name="Find your MP")).to_be_visible()
    for ask in ASKS:
        expect(page.get_by_role("main")).to_contain_text(ask)
    assert_no_sideways_scroll(page)
    shoot("campaign")

    find_mp(page, " e81dy ")
    expect(page.get_by_role("heading", level=2, name="Your MP is Ms Diane Abbott")).to_be_visible()
    expect(page.get_by_text("Independent MP for Hackney North and Stoke Newington")).to_be_visible()
    # What they typed comes back tidied, so they can see it was understood.
    expect(page.get_by_label("Postcode", exact=True)).to_have_value("E8 1DY")
    assert_no_sideways_scroll(page)
    shoot("mp-and-form")

    fill_letter(page, asks=[ASKS[0], ASKS[3]])
    # The paragraphs drawn for this letter, as the form offers them to edit.
    first, second, fourth = (page.get_by_label(ASKS[i], exact=True).get_attribute("value")
                             for i in (0, 1, 3))
    ask1, ask2 = (page.locator(f"#para-ask-{n}").input_value() for n in (first, second))
    # The writer rewrites ask 4's paragraph in their own words (no JavaScript needed).
    page.locator(f"#para-ask-{fourth}").locator("xpath=..").get_by_text(
        "Read or change this paragraph").click()
    own = "Children groomed into dealing on our estate are victims, and should be treated so."
    page.locator(f"#para-ask-{fourth}").fill(own)
    shoot("form-filled")
    preview(page)
    letter = page.get_by_role("article", name="Your letter")
    expect(letter).to_contain_text("Dear Ms Abbott")
    expect(letter).to_contain_text("Rt Hon Diane Abbott MP")
    expect(letter).to_contain_text(ask1)  # ask 1, as drawn
    expect(letter).to_contain_text(own)  # ask 4, as the writer put it
    expect(letter).not_to_contain_text(ask2)  # ask 2, not ticked
    expect(letter).to_contain_text(NOTE)
    expect(letter).to_contain_text(WRITER["full_name"])
    assert_no_sideways_scroll(page)
    shoot("preview")

    name, data = download(page, "Download PDF to print")
    assert name == f"letter-to-diane-abbott-{SYSTEM.today().isoformat()}.pdf"
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in (WRITER["full_name"], WRITER["address_line1"], "E8 1DY", TODAY, "Dear Ms Abbott",
                     ask1[:18], own[:40], "Yours sincerely"):
        assert expected in text, expected
    assert "cannabis farm" in text
    assert ask2[:40] not in text
    # The download moves on to what to do next, where both files are still to hand.
    expect(page.get_by_role("heading", level=1)).to_have_text("Print, sign and post your letter")
    shoot("done")

    name, data = download(page, "Download Word document to edit")
    assert name == f"letter-to-diane-abbott-{SYSTEM.today().isoformat()}.docx"
    paragraphs = [p for p in docx_paragraphs(data) if p.strip()]
    assert "Dear Ms Abbott" in paragraphs
    assert own in paragraphs and ask1 in paragraphs
    assert any(NOTE in p for p in paragraphs)
    assert paragraphs[-1] == WRITER["full_name"]
    # Downloading again leaves that page in place.
    expect(page.get_by_role("heading", level=1)).to_have_text("Print, sign and post your letter")


def test_change_something_brings_back_the_form_as_left(page, shoot):
    open_campaign(page)
    find_mp(page, "PR7 1DP")
    expect(page.get_by_text("is the Speaker of the House of Commons")).to_be_visible()
    shoot("speaker")
    fill_letter(page, asks=[ASKS[2]])
    preview(page)
    expect(page.get_by_role("article", name="Your letter")).to_contain_text("Dear Mr Speaker")
    page.get_by_role("button", name="Change something").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write your letter")
    expect(page.get_by_label("Your full name")).to_have_value(WRITER["full_name"])
    expect(page.get_by_label(ASKS[2], exact=True)).to_be_checked()
    expect(page.get_by_label(ASKS[0], exact=True)).not_to_be_checked()
    expect(page.get_by_label("In your own words (optional)")).to_have_value(NOTE)
    shoot("changed")


def test_the_site_menu_leads_to_each_page_and_back(page, shoot):
    open_campaign(page)
    nav = page.get_by_role("navigation", name="Site")
    for link, heading in (("Report trafficking", "Report trafficking or exploitation"),
                          ("Privacy", "Our privacy promise"), ("About", "About this site")):
        nav.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_no_sideways_scroll(page)
        shoot(re.sub(r"\W+", "-", link.lower()))
    page.get_by_role("link", name="Write to your MP").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CAMPAIGN_TITLE)


def test_the_journey_works_without_javascript(browser, live_server, upstreams):
    """Some phones block scripts and some scripts fail to arrive: site.js may help,
    never be needed."""
    context, page = new_page(browser, live_server, PHONE, java_script_enabled=False)
    try:
        open_campaign(page)
        find_mp(page, "hello")
        expect(page.get_by_role("alert", name="There is a problem")).to_be_visible()
        find_mp(page, "E8 1DY")
        fill_letter(page)
        preview(page)
        name, data = download(page, "Download PDF to print")
        assert name.endswith(".pdf") and "Dear Ms Abbott" in pdf_text(data)
        # Without scripts the page stays; a button leads on to what to do next.
        page.get_by_role("button", name="Downloaded it? What to do next").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Print, sign and post your letter")
    finally:
        context.close()
