"""The register's facts as a citizen and staff see them: dissolution, no-MP pages, staff home."""
from __future__ import annotations

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from campaign.accounts.users import create_user  # noqa: E402
from campaign.db import get_db  # noqa: E402
from campaign.lookup import parliament  # noqa: E402
from tests.campaign.browser.steps import assert_no_sideways_scroll, find_mp, open_campaign  # noqa: E402

STAFF_EMAIL = "register-staff@example.org"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def dissolved(live_app):
    with live_app.app_context():
        parliament.set_state(get_db(), parliament.DISSOLVED, parliament.BY_STAFF)
    yield
    with live_app.app_context():
        parliament.set_state(get_db(), parliament.SITTING, parliament.BY_STAFF)


def test_a_dissolved_parliament_offers_no_letter_form(page, shoot, dissolved):
    open_campaign(page)
    expect(page.get_by_role("heading", name="Parliament is dissolved for a general election")) \
        .to_be_visible()
    expect(page.get_by_text("once the new Parliament meets")).to_be_visible()
    expect(page.get_by_label("Your postcode")).to_have_count(0)
    assert_no_sideways_scroll(page)
    shoot("dissolved")


def test_a_crown_dependency_gets_a_page_that_explains(page, shoot):
    open_campaign(page)
    find_mp(page, "JE2 3AB")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jersey has no MP at Westminster")
    expect(page.get_by_role("alert")).to_contain_text("Jersey has its own parliament, the States Assembly")
    expect(page.get_by_role("link", name="Back to the campaign")).to_be_visible()
    shoot("crown-dependency")


def test_a_terminated_postcode_links_royal_mails_postcode_finder(page, shoot):
    open_campaign(page)
    find_mp(page, "AB1 0AA")
    link = page.get_by_role("link", name="Royal Mail's postcode finder", exact=True)
    expect(link).to_have_attribute("href", "https://www.royalmail.com/find-a-postcode")
    shoot("terminated")


def test_staff_home_shows_parliament_and_the_register(page, shoot, live_app):
    with live_app.app_context():
        try:
            create_user(get_db(), STAFF_EMAIL, PASSWORD, "staff")
        except Exception:  # noqa: BLE001 - made by the other viewport's run
            pass
    page.goto("/staff/login")
    page.get_by_label("Email address").fill(STAFF_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="MPs and constituencies")).to_be_visible()
    expect(page.get_by_text("Parliament is sitting.")).to_be_visible()
    shoot("staff-home")
