"""Issue 16 in a real browser: the email hand-over and the embed framed by a partner site."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from campaign.campaigns.embedding import set_embed_origins  # noqa: E402
from campaign.db import get_db  # noqa: E402
from tests.browser.steps import reach_preview  # noqa: E402
from tests.chromium import PHONE, new_page  # noqa: E402
from tests.helpers import SLUG  # noqa: E402


# The partner sites are real servers on loopback (port 0), each serving one page that
# frames the embed and the campaign page. Loopback because Chromium blocks a public
# site from framing a loopback server outright (local network access checks), which
# would hide what frame-ancestors does. Staff could not type these http origins
# (test_embed.py checks that); the test stores them directly.
@contextmanager
def host_site(live_server: str):
    """A site on 127.0.0.1:<free port> whose page frames the embed; yields its origin."""
    page = (f'<!doctype html><title>Partner</title><h1>Partner</h1>'
            f'<iframe id="embed" src="{live_server}/c/{SLUG}/embed"></iframe>'
            f'<iframe id="campaign" src="{live_server}/c/{SLUG}/"></iframe>').encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
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


@pytest.fixture
def partner(live_app, live_server):
    """A partner site that staff listed; yields its origin."""
    with host_site(live_server) as origin:
        with live_app.app_context():
            set_embed_origins(get_db(), 1, [origin])
        yield origin
        with live_app.app_context():
            set_embed_origins(get_db(), 1, [])


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
        # The embed's form opens the site in a new tab, where the journey (CSRF and
        # session cookie included) carries on.
        embed.get_by_label("Your postcode").fill("E8 1DY")
        with context.expect_page() as opened:
            embed.get_by_role("button", name="Find my MP").click()
        tab = opened.value
        tab.wait_for_load_state()
        expect(tab.get_by_label("Your postcode")).to_have_value("E8 1DY")
        tab.get_by_role("button", name="Find my MP").click()
        expect(tab.get_by_text("Your MP is Ms Diane Abbott")).to_be_visible()
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
