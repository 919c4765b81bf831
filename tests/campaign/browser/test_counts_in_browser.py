"""The organisers' counts page in Chromium: no sideways scrolling on a 390 px phone, dates
typed as day, month and year, and an evidence pack downloaded from the chooser."""
from __future__ import annotations

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect

from tests.campaign.browser.steps import sign_in
from tests.campaign.helpers import SLUG, Journey

ORGANISER_EMAIL = "counts-organiser@example.org"
PASSWORD = "correct horse battery staple"
COUNTS = f"/staff/counts/{SLUG}/"


@pytest.fixture(scope="module")
def organiser(live_app):
    """An organiser, and letters from three seats (three parties, so the "By party" table
    is as wide as it gets with real names)."""
    from campaign.accounts.users import create_user
    from campaign.db import get_db

    with live_app.app_context():
        create_user(get_db(), ORGANISER_EMAIL, PASSWORD, "organiser")
    for postcode in ("E8 1DY", "BR8 7RE", "PR7 1DP"):
        journey = Journey(live_app.test_client())
        journey.find_mp(postcode)
        journey.write()
        assert journey.download("pdf").status_code == 200
    return ORGANISER_EMAIL


def test_the_counts_page_never_scrolls_sideways(page, viewport, shoot, organiser):
    sign_in(page, organiser, PASSWORD)
    page.goto(COUNTS)
    page.locator("summary", has_text="By MP (").click()  # the widest table, opened
    expect(page.get_by_role("table", name="By party")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    # For the failure message: the outermost elements that reach past the screen's edge.
    wide = page.evaluate("""w => [...document.querySelectorAll('body *')].filter(e =>
        e.getBoundingClientRect().right > w
        && e.parentElement.getBoundingClientRect().right <= w).slice(0, 5).map(e =>
        `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`)
    """, viewport.width)
    assert width <= viewport.width, f"the page is {width} px wide on a {viewport.width} px screen: {wide}"
    # A table wider than the screen scrolls inside its own box, which the keyboard reaches.
    region = page.get_by_role("region", name="Letters sent and answered by MP")
    expect(region).to_have_attribute("tabindex", "0")
    shoot("counts")


def test_dates_are_typed_as_day_month_and_year(page, viewport, shoot, organiser):
    sign_in(page, organiser, PASSWORD)
    page.goto(COUNTS)
    start = page.get_by_role("group", name="From")
    start.get_by_label("Day").fill("31")
    start.get_by_label("Month").fill("2")
    start.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Show these days").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The start date must be a real date, like 31 3 2025")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport.width
    shoot("wrong-date")
    start.get_by_label("Day").fill("1")
    page.get_by_role("button", name="Show these days").click()
    expect(page.get_by_role("heading", level=2, name="From 1 February 2025 to today")).to_be_visible()
    assert page.url.endswith(f"{COUNTS}?since=2025-02-01")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download its pack (PDF)").click()
    assert download.value.suggested_filename.startswith(f"evidence-pack-{SLUG}-")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
