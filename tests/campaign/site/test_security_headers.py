"""Security headers on every response, and cookies a browser keeps to itself."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from campaign import create_app
from campaign.config import from_environment
from tests.campaign.helpers import SLUG, WRITER, make_app

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"

ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def assert_protected(response):
    for name, value in ALWAYS.items():
        assert response.headers.get(name) == value, name
    csp = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


@pytest.mark.parametrize("path", ["/", f"/c/{SLUG}/", "/privacy", "/no-such-page",
                                  "/static/base.css"])
def test_every_page_is_protected(client, path):
    assert_protected(client.get(path))


def test_errors_and_downloads_are_protected(client, journey):
    assert_protected(client.post(f"/c/{SLUG}/mp", data={"postcode": "E8 1DY"}))  # no CSRF
    assert_protected(client.post(f"/c/{SLUG}/mp", data={"postcode": "x" * 300_000}))  # 413
    journey.find_mp("E8 1DY")
    assert_protected(journey.write())
    download = journey.download("pdf")
    assert download.status_code == 200
    assert_protected(download)


def test_pages_showing_a_writers_details_are_never_cached(journey):
    journey.find_mp("E8 1DY")
    preview = journey.write()
    assert WRITER["full_name"] in preview.get_data(as_text=True)
    assert preview.headers["Cache-Control"] == "no-store"
    assert journey.download("pdf").headers["Cache-Control"] == "no-store"


def test_staff_pages_and_postcode_pages_are_never_cached(client):
    assert client.get(f"/c/{SLUG}/?postcode=E8+1DY").headers["Cache-Control"] == "no-store"
    assert client.get("/staff/login").headers["Cache-Control"] == "no-store"
    assert client.get("/staff/").headers["Cache-Control"] == "no-store"  # the redirect too
    assert "no-store" not in client.get(f"/c/{SLUG}/").headers.get("Cache-Control", "")


def test_the_referrer_reaches_our_own_pages_and_no_one_else(client):
    """Flask-WTF checks a same-origin Referer on every HTTPS POST; `same-origin` sends it
    to us and nothing at all to other sites (our URLs may carry ?postcode=)."""
    assert client.get(f"/c/{SLUG}/").headers["Referrer-Policy"] == "same-origin"


def test_templates_have_no_inline_script_or_style():
    """The policy forbids them, so a template that used one would break in browsers."""
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text("utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template
        assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=", text), template


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=63072000")


def test_hsts_behind_a_trusted_proxy(app_config):
    untrusted = create_app(app_config).test_client()
    response = untrusted.get("/privacy", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in response.headers

    trusted = create_app({**app_config, "TRUSTED_PROXIES": 1}).test_client()
    response = trusted.get("/privacy", headers={"X-Forwarded-Proto": "https",
                                                "X-Forwarded-For": "198.51.100.9"})
    assert "Strict-Transport-Security" in response.headers


def _session_cookie(response) -> str:
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies, "the letter form sets the CSRF session cookie"
    return cookies[0]


def test_the_session_cookie_is_httponly_and_samesite(client):
    cookie = _session_cookie(client.get(f"/c/{SLUG}/write?postcode=E8+1DY"))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_in_production_the_session_cookie_is_secure(app_config, tmp_path):
    production = from_environment(str(tmp_path), {"APP_ENV": "production",
                                                  "SECRET_KEY": "s" * 32,
                                                  "ORGANISATION_NAME": "Org",
                                                  "ORGANISATION_URL": "https://example.org",
                                                  "ORGANISATION_EMAIL": "a@example.org"})
    assert production["SESSION_COOKIE_SECURE"] is True
    app = make_app({**app_config, "SESSION_COOKIE_SECURE": production["SESSION_COOKIE_SECURE"]})
    cookie = _session_cookie(app.test_client().get(f"/c/{SLUG}/write?postcode=E8+1DY",
                                                   base_url="https://localhost"))
    assert "Secure" in cookie
