"""The journey once in Welsh, in a real Chromium: the language link, /cy/ kept through
the postcode form, the letter form and its redirect, the Welsh preview, the Welsh page
after the download and a Welsh letter; a vacant seat explained in Welsh; axe, and no
sideways scrolling on a phone, on every Welsh page reached by GET and the preview
(issue 25)."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect

from letters.dates import letter_date
from tests.campaign.browser.steps import assert_no_sideways_scroll
from tests.campaign.chromium import ARTIFACTS, DESKTOP, PHONE, SCREENSHOTS, new_page
from tests.campaign.helpers import SLUG, WRITER
from tests.letters.helpers import docx_paragraphs, pdf_text

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Every test here needs the launch campaign offered in Welsh, as it ships.
pytestmark = pytest.mark.usefixtures("welsh_launch_campaign")

# The launch campaign's first ask, as its Welsh pages name it (campaign/data).
WELSH_ASK = "Cyfreithiau cryfach yn erbyn masnachwyr pobl"


def _welsh_letter_form(page) -> None:
    page.goto(f"/c/{SLUG}/")
    page.get_by_role("link", name="Cymraeg").click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    page.get_by_label("Eich cod post").fill("E8 1DY")
    page.get_by_role("button", name="Dod o hyd i’m AS").click()
    page.wait_for_load_state()
    assert re.search(rf"/cy/c/{SLUG}/write\?", page.url), page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Ysgrifennu eich llythyr")


def _welsh_preview(page) -> None:
    """From the Welsh letter form, filled in, to the Welsh preview."""
    page.get_by_label("Eich enw llawn").fill(WRITER["full_name"])
    page.get_by_label("Llinell 1 y cyfeiriad").fill(WRITER["address_line1"])
    page.get_by_label("Tref neu ddinas").fill(WRITER["town"])
    page.get_by_label(WELSH_ASK, exact=True).check()
    page.get_by_role("button", name="Gweld rhagolwg o’m llythyr").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mae eich llythyr yn barod")


def test_the_journey_in_welsh_gives_a_welsh_letter(browser, live_server, viewport, upstreams):
    context, page = new_page(browser, live_server, viewport)
    _welsh_letter_form(page)
    # The launch campaign's wording is written in Welsh: no "in English for now" notice.
    expect(page.locator("#wording-in-english")).to_have_count(0)
    expect(page.get_by_label(WELSH_ASK, exact=True)).to_be_visible()
    # The character count (static/site.js) speaks the page's language.
    expect(page.locator("#personal_note-count")).to_have_text("Mae gennych 1,200 nod ar ôl")
    _welsh_preview(page)
    assert f"/cy/c/{SLUG}/" in page.url
    main = page.get_by_role("main")
    expect(main).to_contain_text("Dim argraffydd? Anfonwch ef drwy e-bost")
    expect(main).to_contain_text("Postio’r llythyr")
    expect(page.get_by_role("article", name="Eich llythyr")).to_contain_text("Annwyl")
    expect(main).not_to_contain_text("Download")
    expect(main).not_to_contain_text("Change something")
    assert_no_sideways_scroll(page)
    page.screenshot(path=SCREENSHOTS / f"welsh-preview-{viewport}.png", full_page=True)
    with page.expect_download() as info:
        page.get_by_role("button", name="Lawrlwytho PDF i’w argraffu").first.click()
    text = pdf_text(Path(info.value.path()).read_bytes())
    assert "Annwyl" in text and "Yn gywir" in text and "LLUNDAIN" in text
    assert letter_date(date.today(), "cy") in text
    # The download moves on to what to do next, in Welsh, with both files to hand.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Argraffu, llofnodi a phostio eich llythyr")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("main")).to_contain_text("Mae eich PDF yn eich ffolder lawrlwythiadau.")
    expect(page.get_by_role("main")).not_to_contain_text("Print it")
    assert_no_sideways_scroll(page)
    page.screenshot(path=SCREENSHOTS / f"welsh-done-{viewport}.png", full_page=True)
    with page.expect_download() as info:
        page.get_by_role("button", name="Lawrlwytho dogfen Word i’w golygu").first.click()
    paragraphs = docx_paragraphs(Path(info.value.path()).read_bytes())
    assert "Tŷ'r Cyffredin" in paragraphs and "Yn gywir" in paragraphs
    context.close()
    assert page.errors == []


def test_a_vacant_seat_is_explained_in_welsh(browser, live_server, viewport, upstreams):
    context, page = new_page(browser, live_server, viewport)
    page.goto(f"/cy/c/{SLUG}/")
    page.get_by_label("Eich cod post").fill("WA7 1AA")
    page.get_by_role("button", name="Dod o hyd i’m AS").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Nid oes AS dros y sedd hon ar hyn o bryd")
    expect(page.get_by_role("link", name="Yn ôl i’r ymgyrch")).to_be_visible()
    assert_no_sideways_scroll(page)
    page.screenshot(path=SCREENSHOTS / f"welsh-explain-{viewport}.png", full_page=True)
    context.close()


def _welsh_reference(page) -> None:
    """A Welsh writer's letter, downloaded, then its page (/cy/r/<reference>)."""
    _welsh_letter_form(page)
    _welsh_preview(page)
    reference = page.locator(".reference-code").first.inner_text()
    with page.expect_download():
        # By its value: the preview's words are translated on another branch.
        page.locator("button[name=format][value=pdf]").first.click()
    page.goto(f"/cy/r/{reference}")


def _welsh_reply_error(page) -> None:
    _welsh_reference(page)
    page.get_by_role("button", name="Mae fy AS wedi ateb").click()
    expect(page.get_by_role("alert")).to_contain_text("Dewiswch pryd y daeth yr ateb")


def _goto(address: str):
    return lambda page: page.goto(address)


# Every Welsh citizen's page a visitor reaches by GET, with the one error page each form
# on them answers with. One line a page.
WELSH_PAGES = [
    ("campaign", _goto(f"/cy/c/{SLUG}/")),
    ("letter-form", _welsh_letter_form),
    ("preview", lambda page: (_welsh_letter_form(page), _welsh_preview(page))),
    ("postcode-error", _goto(f"/cy/c/{SLUG}/write?postcode=hello")),
    ("help", _goto(f"/cy/c/{SLUG}/help")),
    ("about", _goto("/cy/about")),
    ("privacy", _goto("/cy/privacy")),
    ("accessibility", _goto("/cy/accessibility")),
    ("results", _goto(f"/cy/c/{SLUG}/results")),
    ("embed", _goto(f"/cy/c/{SLUG}/embed")),
    ("report-back", _goto("/cy/r/")),
    ("report-back-error", _goto("/cy/r/?reference=hello")),
    ("reference-unknown", _goto("/cy/r/K7QM4TZX")),
    ("reference", _welsh_reference),
    ("reply-error", _welsh_reply_error),
    ("not-found", _goto("/cy/no-such-page")),
]


@pytest.mark.parametrize("viewport", [PHONE], ids=str)
@pytest.mark.parametrize(("name", "reach"), WELSH_PAGES, ids=[name for name, _ in WELSH_PAGES])
def test_the_welsh_pages_have_no_serious_accessibility_problems(browser, live_server, viewport,
                                                                upstreams, axe_js, name, reach):
    """axe at 390 and 1280 px; and no Welsh word too long for a phone's width."""
    context, page = new_page(browser, live_server, viewport, bypass_csp=True)
    failing = []
    reach(page)
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "cy", page.url
    for size in (PHONE, DESKTOP):
        page.set_viewport_size({"width": size.width, "height": size.height})
        if size is PHONE:
            assert_no_sideways_scroll(page)
        page.add_script_tag(path=str(axe_js))
        violations = page.evaluate(
            "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
            ".violations", AXE_TAGS)
        report = ARTIFACTS / "axe" / f"welsh-{name}-{size}.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(violations, indent=2))
        page.screenshot(path=SCREENSHOTS / f"axe-welsh-{name}-{size}.png", full_page=True)
        failing += [f"{name} {size}: {v['impact']}: {v['id']}: {v['help']}"
                    for v in violations if v["impact"] in ("serious", "critical")]
    context.close()
    assert not failing, "\n".join(failing)
