"""The session cookie, read and written through one serializer per secret key
(campaign.session_cookies), is Flask's own: the same cookie either way, and a new
secret (or one rotated into SECRET_KEY_FALLBACKS) is honoured at once."""
from __future__ import annotations

import re

from flask.sessions import SecureCookieSessionInterface

from campaign.session_cookies import SessionCookies

SLUG = "stop-trafficking-networks"


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def _find_mp(client, token: str):
    return client.post(f"/c/{SLUG}/mp", data={"postcode": "E8 1DY", "csrf_token": token})


def test_the_cookie_is_the_one_flask_would_write_and_read(app):
    assert isinstance(app.session_interface, SessionCookies)
    ours = app.session_interface.get_signing_serializer(app)
    flasks = SecureCookieSessionInterface().get_signing_serializer(app)
    data = {"csrf_token": "0123456789abcdef0123456789abcdef01234567"}
    assert flasks.loads(ours.dumps(data)) == data
    assert ours.loads(flasks.dumps(data)) == data
    assert app.session_interface.get_signing_serializer(app) is ours


def test_a_form_sent_with_the_session_it_was_made_in_goes_through(client):
    token = _token(client.get(f"/c/{SLUG}/write?postcode=E8+1DY").get_data(as_text=True))
    assert _find_mp(client, token).status_code == 303


def test_a_new_secret_refuses_old_sessions_unless_kept_as_a_fallback(app, client):
    token = _token(client.get(f"/c/{SLUG}/write?postcode=E8+1DY").get_data(as_text=True))
    old = app.secret_key
    app.secret_key = app.config["SECRET_KEY"] = "a-new-secret-key-for-this-test-only-0123456789"
    refused = _find_mp(client, token)
    assert refused.status_code == 400
    assert "This form has expired" in refused.get_data(as_text=True)
    app.config["SECRET_KEY_FALLBACKS"] = [old]
    token = _token(client.get(f"/c/{SLUG}/write?postcode=E8+1DY").get_data(as_text=True))
    assert _find_mp(client, token).status_code == 303
