"""Staff sessions end: on sign-out (even for a copied cookie), when the account is
disabled or its password changed, and SESSION_HOURS after signing in however busy.
Sign-in returns only to local pages, and never fails on a strange `next`."""
from __future__ import annotations

import base64
import json
import zlib

import pytest

from campaign.accounts.sign_in import is_local_path
from tests.campaign.helpers import PASSWORD, hidden, login

STAFF = "staff@example.org"


@pytest.fixture
def signed_in(client, runner):
    runner.invoke(args=["users", "create", STAFF, "--role", "staff", "--password", PASSWORD])
    assert login(client, STAFF).status_code == 302
    assert client.get("/staff/").status_code == 200
    return client


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def session_data(cookie: str) -> dict:
    payload = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return json.loads(zlib.decompress(raw) if cookie.startswith(".") else raw)


def replay(app, cookie: str):
    """A different browser presenting a copied session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief.get("/staff/")


def test_signing_out_ends_a_copied_cookie_too(app, signed_in):
    copied = session_cookie(signed_in)
    assert replay(app, copied).status_code == 200
    home = signed_in.get("/staff/").get_data(as_text=True)
    signed_in.post("/staff/logout", data={"csrf_token": hidden(home, "csrf_token")})
    assert replay(app, copied).status_code == 302


def test_a_disabled_account_is_signed_out_on_its_next_request(runner, signed_in):
    runner.invoke(args=["users", "disable", STAFF])
    response = signed_in.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_a_new_password_ends_every_session(runner, signed_in):
    result = runner.invoke(args=["users", "set-password", STAFF, "--password",
                                 "a brand new passphrase"])
    assert "its sessions have ended" in result.output
    assert signed_in.get("/staff/").status_code == 302
    assert login(signed_in, STAFF, "a brand new passphrase").status_code == 302


def test_sessions_end_after_session_hours_however_busy(app, signed_in, clock):
    app.config["SESSION_HOURS"] = 1
    for _ in range(3):  # busy all hour: activity does not extend the session
        clock.move(minutes=19, seconds=50)
        assert signed_in.get("/staff/").status_code == 200
    clock.move(minutes=1)
    assert signed_in.get("/staff/").status_code == 302


def test_the_cookie_holds_no_hash_of_address_or_browser(signed_in):
    data = session_data(session_cookie(signed_in))
    assert "_id" not in data
    assert set(data) <= {"_user_id", "_fresh", "csrf_token", "session_version",
                         "signed_in_at", "_permanent"}


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example",
    "/staff/\r\nSet-Cookie: x=1", "/staff/\x00", "javascript:alert(1)", "http:/evil",
    "", "staff/", "/%0d%0aX: y", "/\u2028", "/" + "a" * 5000,
])
def test_sign_in_never_leaves_the_site_nor_fails_on_next(client, runner, target):
    runner.invoke(args=["users", "create", STAFF, "--role", "staff", "--password", PASSWORD])
    from urllib.parse import quote
    response = login(client, STAFF, next_url="?next=" + quote(target, safe=""))
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert "\r" not in location and "\n" not in location


def test_local_paths_are_kept():
    assert is_local_path("/staff/campaigns/3/asks?x=1")
    assert not is_local_path("/\\evil.example") and not is_local_path("/a\tb")
