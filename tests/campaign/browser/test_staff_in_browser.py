"""The staff side in a browser: a new campaign's web address follows its title; an admin
makes an account and is shown its password once."""
from __future__ import annotations

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from campaign.accounts.users import UserError, create_user  # noqa: E402
from campaign.db import get_db  # noqa: E402
from tests.campaign.browser.steps import assert_no_sideways_scroll  # noqa: E402

ADMIN_EMAIL = "browser-admin@example.org"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def signed_in_admin(page, live_app):
    with live_app.app_context():
        try:
            create_user(get_db(), ADMIN_EMAIL, PASSWORD, "admin")
        except UserError:  # made by the other viewport's run
            pass
    page.goto("/staff/login")
    page.get_by_label("Email address").fill(ADMIN_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    return page


def test_a_new_campaigns_web_address_follows_its_title_until_typed(signed_in_admin, shoot):
    page = signed_in_admin
    page.goto("/staff/campaigns/new")
    page.get_by_label("Title", exact=True).fill("Clean Rivers!")
    expect(page.get_by_label("Web address")).to_have_value("clean-rivers")
    page.get_by_label("Title", exact=True).fill("Ynys Môn's rivers")
    expect(page.get_by_label("Web address")).to_have_value("ynys-mons-rivers")
    page.get_by_label("Web address").fill("my-own")
    page.get_by_label("Title", exact=True).fill("Something else")
    expect(page.get_by_label("Web address")).to_have_value("my-own")
    assert_no_sideways_scroll(page)
    shoot("new-campaign")


def test_an_admin_makes_an_account_and_sees_its_password_once(signed_in_admin, shoot, viewport):
    page = signed_in_admin
    page.goto("/staff/accounts/")
    page.get_by_role("link", name="Make an account").click()
    page.get_by_label("Email address").fill(f"organiser-{viewport.width}@example.org")
    page.get_by_label("Organiser").check()
    page.get_by_role("button", name="Make the account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account made")
    password = page.locator("#password").text_content()
    assert password and len(password) >= 12
    assert_no_sideways_scroll(page)
    shoot("account-made")
    page.get_by_role("link", name="Go to organiser-").click()
    expect(page.get_by_text("Created as organiser")).to_be_visible()
    assert password not in page.content()
    shoot("account")
