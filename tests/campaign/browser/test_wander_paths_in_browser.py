"""Issue 29's "What was seen", walked in a real Chromium with JavaScript on: at every
step Back then Forward (never Chrome's "Confirm Form Resubmission"), a reload, and
the language link there and back, each keeping the step, the letter (its reference)
and what was typed; the second lookup after a filled form in Welsh; only the second
letter; a postcode in another nation typed on the form.

tests/campaign/public/test_wandering.py walks the same paths, and many more, without JavaScript.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from tests.campaign.browser.steps import ASKS, NOTE, fill_letter, find_mp, open_campaign, preview  # noqa: E402
from tests.campaign.chromium import DESKTOP, new_page  # noqa: E402
from tests.campaign.helpers import WRITER  # noqa: E402
from tests.campaign.wander_world import W9  # noqa: E402
from tests.campaign.wandering import prose  # noqa: E402
from tests.letters.helpers import pdf_text  # noqa: E402

EDITED = "I want my MP to press for traffickers' assets to be seized and given to victims."
AWARENESS = "Awareness and reducing demand"


@pytest.fixture
def page(browser, live_server, upstreams, welsh_launch_campaign):
    """One desktop tab (each path is long: one viewport is enough to walk it)."""
    context, page = new_page(browser, live_server, DESKTOP)
    yield page
    context.close()
    assert page.errors == [], f"JavaScript errors: {page.errors}"


def _step(page) -> dict:
    """What the writer sees of the step they are on, in either language: where it is,
    the letter's reference, and what the letter form holds."""
    path = re.sub(r"^/cy(?=/)", "", re.sub(r"^https?://[^/]+", "", page.url))
    state = {"step": path.split("?")[0], "reference": "", "typed": {}}
    references = page.locator(".reference-code")
    if references.count():
        state["reference"] = references.first.inner_text()
    if page.locator("form [name=full_name]").count():
        state["typed"] = page.evaluate("""() => {
            const form = document.querySelector("form [name=full_name]").form;
            const typed = {};
            for (const el of form.elements) {
              if (!el.name || el.type === "hidden" || el.type === "submit") continue;
              if (el.type === "checkbox") { if (el.checked) typed[el.name + "=" + el.value] = true; }
              else if (!el.name.startsWith("para-") || el.value.includes("seized")) typed[el.name] = el.value;
            }
            return typed;
        }""")
    return state


def _history(page, move: str) -> None:
    """Back or Forward, failing on the page Chrome shows for a POST it would resend."""
    try:
        # "commit": a page Chrome keeps whole (its back/forward cache) fires no load.
        getattr(page, move)(wait_until="commit")
        page.wait_for_load_state("load")
    except PlaywrightError as error:
        pytest.fail(f"{move} gave {error.message.splitlines()[0]} at {page.url}")
    assert not page.url.startswith("chrome-error://"), f"{move}: {page.url}"
    assert "ERR_CACHE_MISS" not in page.content(), f"{move}: Confirm Form Resubmission"


def _survives_everything(page) -> None:
    """Back and Forward, reload, and the language link there and back keep the step."""
    here = _step(page)
    _history(page, "go_back")
    _history(page, "go_forward")
    assert _step(page) == here, "Back then Forward"
    page.reload(wait_until="load")
    assert _step(page) == here, "reload"
    welsh = "/cy/" in page.url
    _switch_language(page, to_welsh=not welsh)
    assert _step(page) == here, "the language link"
    _switch_language(page, to_welsh=welsh)
    assert _step(page) == here, "the language link back"


def _switch_language(page, to_welsh: bool) -> None:
    page.locator("a.language-link").click()
    page.wait_for_url(lambda url: ("/cy/" in url) == to_welsh)
    page.wait_for_load_state("load")


def _edit_first_ask(page) -> None:
    page.get_by_text("Read or change this paragraph").first.click()
    page.get_by_label(f"The paragraph for “{ASKS[0]}”").fill(EDITED)


def _letter_to(page, name: str) -> None:
    letters = page.locator("article.letter .letter-recipient")
    expect(letters.first).to_contain_text(name)


def test_every_step_survives_back_forward_reload_and_the_language_link(page):
    open_campaign(page)
    _survives_everything(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    _edit_first_ask(page)
    _survives_everything(page)
    preview(page)
    _letter_to(page, "Diane Abbott")
    expect(page.get_by_text(EDITED)).to_be_visible()
    _survives_everything(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download PDF to print").first.click()
    text = pdf_text(Path(info.value.path()).read_bytes())
    assert "Diane Abbott" in text and WRITER["full_name"] in text and NOTE in " ".join(text.split())
    expect(page.get_by_role("heading", level=1)).to_have_text("Print, sign and post your letter")
    _survives_everything(page)
    page.get_by_role("button", name="Change something").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write your letter")
    expect(page.get_by_label("Your full name")).to_have_value(WRITER["full_name"])
    expect(page.get_by_label(f"The paragraph for “{ASKS[0]}”")).to_have_value(EDITED)
    _survives_everything(page)
    preview(page)
    _letter_to(page, "Diane Abbott")


def test_the_second_lookup_in_welsh_writes_to_the_new_mp(page):
    open_campaign(page)
    _switch_language(page, to_welsh=True)
    page.locator("#postcode").fill("E8 1DY")
    page.locator("form:has(#postcode) button[type=submit]").click()
    page.wait_for_load_state("load")
    page.locator("#full_name").fill(WRITER["full_name"])
    page.locator("#address_line1").fill(WRITER["address_line1"])
    page.locator("#town").fill(WRITER["town"])
    page.locator("input[name=asks]").first.check()
    page.locator("#personal_note").fill(NOTE)
    page.locator("p.breadcrumb a").click()  # back to the campaign page, not downloaded
    page.locator("#postcode").fill("BR8 7RE")
    page.locator("form:has(#postcode) button[type=submit]").click()
    page.wait_for_load_state("load")
    expect(page.locator("#mp-heading")).to_contain_text("Laura Trott")
    expect(page.locator("#postcode")).to_have_value("BR8 7RE")
    page.locator("#full_name").fill(WRITER["full_name"])
    page.locator("#address_line1").fill(WRITER["address_line1"])
    page.locator("#town").fill(WRITER["town"])
    page.locator("input[name=asks]").first.check()
    page.locator("form:has(#full_name) button[type=submit]").click()
    page.wait_for_load_state("load")
    _letter_to(page, "Laura Trott")
    expect(page.locator("article.letter")).not_to_contain_text("Abbott")
    _survives_everything(page)


# Northern Ireland's is walked in tests/campaign/browser/test_right_letter_in_browser.py.
@pytest.mark.parametrize("postcode, office", [("FK1 1AA", "Cabinet Secretary")])
def test_only_the_second_letter_survives_every_step(page, postcode, office):
    open_campaign(page)
    find_mp(page, postcode)
    fill_letter(page, asks=[AWARENESS])
    page.get_by_label(re.compile(f"Also write to .*{office}")).check()
    page.get_by_role("button", name="Preview my letter").click()
    page.wait_for_load_state("load")
    letters = page.locator("article.letter")
    expect(letters).to_have_count(1)
    expect(letters.first.locator(".letter-recipient")).to_contain_text(office)
    # The page says plainly that no letter goes to the MP.
    expect(page.locator("main")).to_contain_text(re.compile(r"no letter (goes )?to your MP",
                                                            re.I))
    _survives_everything(page)


def test_a_postcode_in_another_nation_is_shown_before_any_preview(page):
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page, asks=[ASKS[0], AWARENESS])
    page.get_by_label("Postcode", exact=True).fill("FK1 1AA")
    page.get_by_role("button", name="Preview my letter").click()
    page.wait_for_load_state("load")
    expect(page.get_by_role("heading", level=1)).to_have_text("Write your letter")
    expect(page.locator("#mp-heading")).to_contain_text("Euan Stainbank")
    expect(page.locator(".notice").first).to_contain_text("Euan Stainbank")
    expect(page.get_by_label("Your full name")).to_have_value(WRITER["full_name"])
    expect(page.get_by_label(AWARENESS, exact=True)).to_be_checked()
    _survives_everything(page)
    page.get_by_label(re.compile("Also write to .*Cabinet Secretary")).check()
    page.get_by_role("button", name="Preview my letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letters are ready")
    _letter_to(page, "Euan Stainbank")


def test_the_language_link_after_a_form_error_keeps_the_new_postcode(page):
    """Finding W7: a form error right after the postcode changed to another MP's."""
    open_campaign(page)
    find_mp(page, "PR7 1DP")
    page.get_by_label("Postcode", exact=True).fill("TF1 6TE")
    page.get_by_role("button", name="Preview my letter").click()  # no name: a form error
    page.wait_for_load_state("load")
    expect(page.locator("#mp-heading")).to_contain_text("Mark Pritchard")
    page.locator("a.language-link").click()
    page.wait_for_load_state("load")
    expect(page.locator("#mp-heading")).to_contain_text("Mark Pritchard")
    expect(page.locator("#postcode")).to_have_value("TF1 6TE")


@pytest.mark.xfail(strict=True, reason=W9)
def test_a_long_letter_survives_reload_and_back_like_any_other(page):
    """Finding W9: every paragraph rewritten at length (a letter of about 9,000
    characters, within the 12,000 allowed) is a preview like any other."""
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page, asks=ASKS[:4] + ["Fund and evaluate prevention at source", "Follow the money"],
                note=prose(1100, seed=1) + ".")
    ticked = [box.get_attribute("value") for box in page.locator("input[name=asks]:checked").all()]
    keys = ["opening", "closing", *(f"ask-{ask_id}" for ask_id in ticked)]
    for number, key in enumerate(keys):
        details = page.locator(f"details:has(#para-{key})")
        details.locator("summary").click()
        details.locator("textarea").fill(prose(900, seed=10 + number) + ".")
    page.get_by_role("button", name="Preview my letter").click()
    page.wait_for_load_state("load")
    assert not page.locator(".error-message").count(), page.locator(
        ".error-message").all_inner_texts()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letter is ready")
    _survives_everything(page)
    with page.expect_download():
        page.get_by_role("button", name="Download PDF to print").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Print, sign and post your letter")
    _survives_everything(page)
