"""The citizen's steps as a person takes them in a browser: by label and button text,
never by CSS selector, so a test fails when what a person sees or hears changes."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.journey import SLUG, WRITER

CAMPAIGN_TITLE = "Break the networks that traffic people and exploit young people"
ASKS = ["Stronger laws against traffickers", "Joint task forces with European partners",
        "Full support for victims", "Treat exploited children as victims first"]
NOTE = "I live near a cannabis farm and worry about the boys who work there."

# Everything a focused element may use to show focus; "none" in all of them is invisible.
FOCUS_STYLE_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    element: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
             + (el.name ? "[name=" + el.name + "]" : "") + " " + (el.innerText || "").trim().slice(0, 40),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
    on_screen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
               && box.left < innerWidth,
  };
}"""


def open_campaign(page: Page) -> None:
    page.goto(f"/c/{SLUG}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(CAMPAIGN_TITLE)


def find_mp(page: Page, postcode: str) -> None:
    page.get_by_label("Your postcode").fill(postcode)
    page.get_by_role("button", name="Find my MP").click()
    page.wait_for_load_state()


def fill_letter(page: Page, asks=ASKS[:1], note: str = NOTE) -> None:
    page.get_by_label("Your full name").fill(WRITER["full_name"])
    page.get_by_label("Address line 1").fill(WRITER["address_line1"])
    page.get_by_label("Address line 2 (optional)").fill(WRITER["address_line2"])
    page.get_by_label("Town or city").fill(WRITER["town"])
    for ask in asks:
        page.get_by_label(ask).check()
    page.get_by_label("In your own words (optional)").fill(note)


def preview(page: Page) -> None:
    page.get_by_role("button", name="Preview my letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letter is ready")


def reach_preview(page: Page, postcode: str = "E8 1DY") -> None:
    open_campaign(page)
    find_mp(page, postcode)
    fill_letter(page)
    preview(page)


def focus_style(page: Page) -> dict:
    return page.evaluate(FOCUS_STYLE_JS)


def assert_focus_visible(page: Page) -> dict:
    style = focus_style(page)
    assert style["outline"] or style["shadow"], f"focus is invisible on {style['element']}"
    assert style["on_screen"], f"focused element is off screen: {style['element']}"
    return style


def tab_to(page: Page, selector: str, limit: int = 60, backwards: bool = False) -> None:
    """Press Tab until `selector` has focus, checking that every stop on the way shows it."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        assert_focus_visible(page)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{limit} presses of {key} never reached {selector}")


def assert_no_sideways_scroll(page: Page) -> None:
    """On a phone a page wider than the screen hides words off to the right."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the viewport"
