"""Issue 16 in a real browser: the email hand-over and the embed framed by a partner site."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect

from campaign.campaigns.embedding import SNIPPET_HEIGHT, embed_snippet
from campaign.public import views as public_views
from tests.campaign.browser.steps import reach_preview
from tests.campaign.chromium import DESKTOP, PHONE, SCREENSHOTS, VIEWPORTS, Viewport, new_page
from tests.campaign.helpers import SLUG


# The partner sites are real servers on loopback (port 0), each serving one page that
# frames the embed and the campaign page. Loopback because Chromium blocks a public
# site from framing a loopback server outright (local network access checks), which
# would hide what frame-ancestors does. Staff could not type these http origins
# (test_embed.py checks that); the test allows them directly (allow_loopback).
@contextmanager
def host_site(live_server: str, body: str = ""):
    """A site on 127.0.0.1:<free port> whose page frames the embed (or shows `body`);
    yields its origin."""
    page = ('<!doctype html><meta name="viewport" content="width=device-width">'
            '<title>Partner</title><h1>Partner</h1>' + (body or
            f'<iframe id="embed" src="{live_server}/c/{SLUG}/embed"></iframe>'
            f'<iframe id="campaign" src="{live_server}/c/{SLUG}/"></iframe>')).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def viewport():
    return PHONE


def test_email_button_hands_over_to_the_mail_app_without_a_csp_block(page):
    console = []
    page.on("console", lambda message: console.append(message.text))
    reach_preview(page)
    with page.expect_response(lambda r: r.url.endswith(f"/c/{SLUG}/email")) as answer:
        page.get_by_role("button", name="Email it from your own email").click()
    response = answer.value
    assert response.status == 303
    assert response.headers["location"].startswith("mailto:diane.abbott.office@parliament.uk?")
    page.wait_for_timeout(300)
    assert not [text for text in console if "Content Security Policy" in text], console


def allow_loopback(monkeypatch, origin: str) -> None:
    """Let `origin` (http, on loopback) frame the embed, as if staff had listed it: the
    embed's header leaves out what staff could not have typed, so the test says it here."""
    monkeypatch.setattr(public_views, "embed_origins", lambda db, campaign_id: [origin])


@pytest.fixture
def partner(live_server, monkeypatch):
    """A partner site that staff listed; yields its origin."""
    with host_site(live_server) as origin:
        allow_loopback(monkeypatch, origin)
        yield origin


def test_a_listed_partner_frames_the_embed_and_only_the_embed(browser, live_server, upstreams,
                                                              partner):
    context, page = new_page(browser, live_server, PHONE)
    try:
        page.goto(f"{partner}/")
        embed = page.frame_locator("#embed")
        expect(embed.get_by_label("Your postcode")).to_be_visible()
        # The campaign page itself refuses to be framed, even by the partner.
        page.wait_for_timeout(500)
        campaign_frame = page.frame(url=f"{live_server}/c/{SLUG}/")
        assert campaign_frame is None or not campaign_frame.locator("h1").count()
        # The embed's form opens the site in a new tab, straight on the letter form,
        # where the journey (CSRF and session cookie included) carries on.
        embed.get_by_label("Your postcode").fill("e8 1dy")
        with context.expect_page() as opened:
            embed.get_by_role("button", name="Find my MP").click()
        tab = opened.value
        tab.wait_for_load_state()
        expect(tab.get_by_text("Your MP is Ms Diane Abbott")).to_be_visible()
        expect(tab.get_by_label("Full name")).to_be_visible()
        assert f"/c/{SLUG}/write?postcode=" in tab.url
    finally:
        context.close()


def test_an_unlisted_site_cannot_frame_the_embed(browser, live_server, upstreams, partner):
    context, page = new_page(browser, live_server, PHONE)
    try:
        with host_site(live_server) as stranger:
            page.goto(f"{stranger}/")
            page.wait_for_timeout(500)
        frame = page.frame(url=f"{live_server}/c/{SLUG}/embed")
        assert frame is None or not frame.get_by_label("Your postcode").count()
    finally:
        context.close()


def _inside(inner, outer) -> bool:
    return (inner["x"] >= outer["x"] - 0.5 and inner["y"] >= outer["y"] - 0.5
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
def test_the_pasted_snippet_shows_the_whole_box_at_any_width(browser, live_server, upstreams,
                                                              monkeypatch, viewport):
    """The snippet staff copy, pasted as it is into a partner's page (a 600 px column on
    a desktop, the whole width of a phone): the input and the button are whole inside the
    frame, which the embed's script has fitted to the box."""
    snippet = embed_snippet(f"{live_server}/c/{SLUG}/embed", "Stop the trafficking")
    column = "max-width:600px" if viewport is DESKTOP else ""
    body = f'<div style="{column}"><p>Our news story.</p>{snippet}<p>More news.</p></div>'
    with host_site(live_server, body) as origin:
        allow_loopback(monkeypatch, origin)
        context, page = new_page(browser, live_server, viewport)
        try:
            page.goto(f"{origin}/")
            frame_element = page.locator("iframe")
            embed = page.frame_locator("iframe")
            button = embed.get_by_role("button", name="Find my MP")
            expect(button).to_be_visible()
            # The script has run when the frame is no longer the snippet's first height.
            page.wait_for_function(
                f"document.querySelector('iframe').getBoundingClientRect().height"
                f" != {SNIPPET_HEIGHT}")
            frame_box = frame_element.bounding_box()
            for part in (embed.get_by_label("Your postcode"), button):
                assert _inside(part.bounding_box(), frame_box), (part, frame_box)
            # Fitted, not merely tall: little empty space under the button.
            below = (frame_box["y"] + frame_box["height"]
                     - button.bounding_box()["y"] - button.bounding_box()["height"])
            assert below < 60, below
            page.screenshot(path=SCREENSHOTS / f"embed-snippet-{viewport}.png", full_page=True)
            assert page.errors == []
        finally:
            context.close()


def test_the_preview_sets_the_letter_in_its_typeface_from_small_woff2_files(page):
    """The preview's typeface comes as WOFF2 subsets, not the 215 kB TTF files, and is
    the one the letter is drawn in."""
    fonts = []
    page.on("response", lambda response: fonts.append(response.url)
            if response.request.resource_type == "font" else None)
    reach_preview(page)
    loaded = page.evaluate("""() => document.fonts.ready.then(() => [...document.fonts]
        .filter(face => face.status === "loaded").map(face => face.family + " " + face.weight))""")
    assert '"Letter Serif" 400' in loaded or "Letter Serif 400" in loaded, loaded
    assert fonts and all(url.endswith(".woff2") for url in fonts), fonts
    assert any(url.endswith("/regular-latin.woff2") for url in fonts), fonts


def test_without_the_script_the_snippets_height_holds_the_box_on_a_small_phone(browser,
                                                                              live_server):
    """A partner that pastes the frame without its script: the box at 320 px (the
    narrowest phone WCAG reflows for) is no taller than the snippet's frame."""
    context, page = new_page(browser, live_server, Viewport("small phone", 320, 640, True))
    try:
        page.goto(f"/c/{SLUG}/embed")
        height = page.evaluate("document.documentElement.getBoundingClientRect().height")
        assert height <= SNIPPET_HEIGHT, height
    finally:
        context.close()
