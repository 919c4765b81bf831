"""Issue 29 in Chromium: what a writer sees when the postcode on the form names another
MP and nation, and when only the second letter goes (screenshots to look at)."""
from __future__ import annotations

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from tests.campaign.browser.steps import ASKS, fill_letter, find_mp, open_campaign  # noqa: E402

AWARENESS = "Awareness and reducing demand"


def test_a_scottish_postcode_on_an_english_form_shows_the_new_mp_first(page, shoot):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page, asks=[ASKS[0], AWARENESS])
    page.get_by_label("Postcode", exact=True).fill("FK1 1AA")
    page.get_by_role("button", name="Preview my letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write your letter")
    expect(page.get_by_role("heading", name="Euan Stainbank")).to_be_visible()
    expect(page.get_by_text("your letter now goes to Euan Stainbank, not Diane Abbott")).to_be_visible()
    expect(page.get_by_label(AWARENESS, exact=True)).to_be_checked()
    shoot("changed")


def test_only_the_second_letter(page, shoot):
    open_campaign(page)
    find_mp(page, "BT7 1NN")
    fill_letter(page, asks=[AWARENESS])
    page.get_by_label("Also write to Naomi Long MLA, Minister of Justice").check()
    page.get_by_role("button", name="Preview my letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letter is ready")
    expect(page.get_by_text("No letter goes to your MP, Claire Hanna")).to_be_visible()
    assert "/preview?letter=" in page.url
    shoot("second-only")
