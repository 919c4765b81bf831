"""The citizen's steps as a person takes them in a browser: fields found by their label,
buttons and links by their text, so a test fails when what a person sees or hears
changes. CSS selectors appear only to say which element should have focus."""
from __future__ import annotations

from functools import lru_cache
from io import BytesIO

from PIL import Image
from playwright.sync_api import Page, expect

from tests.campaign.helpers import SLUG, WRITER

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
        page.get_by_label(ask, exact=True).check()
    page.get_by_label("In your own words (optional)").fill(note)


def preview(page: Page) -> None:
    page.get_by_role("button", name="Preview my letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letter is ready")
    # The heading shows before static/site.js (deferred) has run: a click before then
    # would miss its handlers (a download that forgets what the tab kept, say).
    page.wait_for_load_state("domcontentloaded")


def reach_preview(page: Page, postcode: str = "E8 1DY") -> None:
    open_campaign(page)
    find_mp(page, postcode)
    fill_letter(page)
    preview(page)


def focus_style(page: Page) -> dict:
    return page.evaluate(FOCUS_STYLE_JS)


def assert_focus_visible(page: Page) -> dict:
    page.wait_for_load_state("load")  # the site's focus styles are in its stylesheet
    style = focus_style(page)
    assert style["outline"] or style["shadow"], f"focus is invisible on {style['element']}"
    assert style["on_screen"], f"focused element is off screen: {style['element']}"
    return style


@lru_cache(maxsize=4096)  # a page has few colours; a screenshot has many pixels
def _luminance(rgb: bytes) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: bytes, b: bytes) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def assert_focus_indicator_contrasts(page: Page, margin: int = 10,
                                     min_contrast: float = 3) -> None:
    """What a sighted keyboard user sees, not what the CSS says: compare the focused
    element and its surroundings with and without focus, and require a ring of pixels
    (at least the element's perimeter) whose colour changes by 3:1 or more
    (WCAG 1.4.11). A pale yellow outline alone on white fails here though it passes a
    computed-style check; `min_contrast` lowers the bar for what is not a control."""
    page.wait_for_load_state("load")
    box = page.evaluate("""() => { document.activeElement.scrollIntoView({block: "center"});
        const r = document.activeElement.getBoundingClientRect();
        return {x: r.x, y: r.y, width: r.width, height: r.height}; }""")
    clip = {"x": max(box["x"] - margin, 0), "y": max(box["y"] - margin, 0),
            "width": box["width"] + 2 * margin, "height": box["height"] + 2 * margin}
    focused = Image.open(BytesIO(page.screenshot(clip=clip))).convert("RGB")
    page.evaluate("window.__refocus = document.activeElement; document.activeElement.blur()")
    unfocused = Image.open(BytesIO(page.screenshot(clip=clip))).convert("RGB")
    page.evaluate("window.__refocus.focus()")
    before, after = unfocused.tobytes(), focused.tobytes()
    changed = sum(1 for i in range(0, len(after), 3)
                  if after[i:i + 3] != before[i:i + 3]
                  and _contrast(after[i:i + 3], before[i:i + 3]) >= min_contrast)
    perimeter = 2 * (box["width"] + box["height"])
    element = focus_style(page)["element"]
    assert changed >= perimeter, (
        f"focus on {element} changes {changed} pixels by {min_contrast}:1, "
        f"fewer than its perimeter {perimeter:.0f}")


def tab_to(page: Page, selector: str, limit: int = 60, backwards: bool = False) -> None:
    """Press Tab until `selector` has focus, checking that every stop on the way shows it."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        assert_focus_visible(page)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            assert_focus_indicator_contrasts(page)
            return
    raise AssertionError(f"{limit} presses of {key} never reached {selector}")


def assert_no_sideways_scroll(page: Page) -> None:
    """On a phone a page wider than the screen hides words off to the right."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the viewport"


def sign_in(page: Page, email: str, password: str) -> None:
    """Sign in to the staff area as `email`."""
    page.goto("/staff/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
