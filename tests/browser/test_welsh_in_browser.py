"""The journey once in Welsh, in a real Chromium: the language link, /cy/ kept through
the postcode form, the letter form and its redirect, the Welsh preview, the Welsh page
after the download and a Welsh letter; a vacant seat explained in Welsh; axe on the
Welsh campaign page, letter form and preview (issue 25)."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect

from letters.dates import letter_date
from tests.browser.steps import ASKS, assert_no_sideways_scroll
from tests.chromium import ARTIFACTS, DESKTOP, PHONE, SCREENSHOTS, new_page
from tests.helpers import SLUG, WRITER, docx_paragraphs, pdf_text

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _welsh_letter_form(page) -> None:
    page.goto(f"/c/{SLUG}/")
    page.get_by_role("link", name="Cymraeg").click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    page.get_by_label("Eich cod post").fill("E8 1DY")
    page.get_by_role("button", name="Dod o hyd i fy AS").click()
    page.wait_for_load_state()
    assert re.search(rf"/cy/c/{SLUG}/write\?", page.url), page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Ysgrifennu eich llythyr")


def _welsh_preview(page) -> None:
    """From the Welsh letter form, filled in, to the Welsh preview."""
    page.get_by_label("Eich enw llawn").fill(WRITER["full_name"])
    page.get_by_label("Llinell 1 y cyfeiriad").fill(WRITER["address_line1"])
    page.get_by_label("Tref neu ddinas").fill(WRITER["town"])
    page.get_by_label(ASKS[0], exact=True).check()
    page.get_by_role("button", name="Gweld rhagolwg o’m llythyr").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mae eich llythyr yn barod")


def test_the_journey_in_welsh_gives_a_welsh_letter(browser, live_server, viewport, upstreams):
    context, page = new_page(browser, live_server, viewport)
    _welsh_letter_form(page)
    expect(page.locator("#wording-in-english")).to_contain_text("yn Saesneg am y tro")
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
    page.get_by_role("button", name="Dod o hyd i fy AS").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Nid oes AS dros y sedd hon ar hyn o bryd")
    expect(page.get_by_role("link", name="Yn ôl i’r ymgyrch")).to_be_visible()
    assert_no_sideways_scroll(page)
    page.screenshot(path=SCREENSHOTS / f"welsh-explain-{viewport}.png", full_page=True)
    context.close()


@pytest.mark.parametrize("viewport", [PHONE], ids=str)
def test_the_welsh_pages_have_no_serious_accessibility_problems(browser, live_server, viewport,
                                                                 upstreams, axe_js):
    context, page = new_page(browser, live_server, viewport, bypass_csp=True)
    failing = []
    for name, reach in (("campaign", lambda: page.goto(f"/cy/c/{SLUG}/")),
                        ("letter-form", lambda: _welsh_letter_form(page)),
                        ("preview", lambda: _welsh_preview(page))):
        reach()
        page.wait_for_load_state()
        for size in (PHONE, DESKTOP):
            page.set_viewport_size({"width": size.width, "height": size.height})
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
