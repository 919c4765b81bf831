"""Sign-in limits stop guessers, not owners: an office signs in all morning through one
connection, and strangers' wrong guesses from many addresses cannot lock an account's
owner out of a browser they have signed in with before (OWASP's device cookie)."""
from __future__ import annotations

import pytest

from campaign.accounts.device_cookie import COOKIE, PATH
from tests.campaign.helpers import hidden, page_text
from tests.campaign.site.test_rate_limits import client_at

OWNER = "owner@example.org"
PASSWORD = "correct horse battery"


@pytest.fixture
def app_config(app_config):
    app_config["RATELIMIT_ENABLED"] = True
    return app_config


@pytest.fixture
def owner(app, runner):
    runner.invoke(args=["users", "create", OWNER, "--role", "staff", "--password", PASSWORD])
    return OWNER


def sign_in(client, email: str, password: str):
    token = hidden(client.get("/staff/login").get_data(as_text=True), "csrf_token")
    return client.post("/staff/login", data={"email": email, "password": password,
                                             "csrf_token": token})


def test_sixteen_good_sign_ins_from_one_address_all_get_in(app, runner, owner):
    statuses = [sign_in(client_at(app, "203.0.113.50"), OWNER, PASSWORD).status_code
                for _ in range(16)]
    assert statuses == [302] * 16


def test_wrong_passwords_from_one_address_get_the_sign_in_pages_own_message(app, owner):
    client = client_at(app, "203.0.113.51")
    statuses = [sign_in(client, OWNER, f"guess {n}").status_code for n in range(5)]
    assert statuses == [401] * 5
    stopped = sign_in(client, OWNER, PASSWORD)
    assert stopped.status_code == 429
    assert stopped.headers["Retry-After"]
    text = page_text(stopped.get_data(as_text=True))
    assert "Staff sign in" in text
    assert "Too many wrong passwords have been tried from this connection. Please wait" in text
    assert "your connection" not in text and "Please wait a moment" not in text


def test_strangers_guesses_do_not_lock_the_owner_out_of_their_own_browser(app, owner):
    browser = client_at(app, "192.0.2.10")
    assert sign_in(browser, OWNER, PASSWORD).status_code == 302
    cookie = browser.get_cookie(COOKIE, path=PATH)
    assert cookie is not None and cookie.http_only and OWNER not in cookie.value
    # 40 addresses x 2 wrong guesses: more than the account's limit for new browsers.
    for address in range(40):
        stranger = client_at(app, f"198.51.100.{address + 1}")
        assert [sign_in(stranger, OWNER, f"guess {address}-{n}").status_code
                for n in range(2)] in ([401, 401], [401, 429], [429, 429])
    # A new browser, even the owner's with the right password, is held for now...
    new_browser = sign_in(client_at(app, "192.0.2.99"), OWNER, PASSWORD)
    assert new_browser.status_code == 429
    assert "can't be signed in to from a new browser for now" in page_text(
        new_browser.get_data(as_text=True))
    # ...but the browser the owner signed in with before gets in, from anywhere.
    browser.environ_base["REMOTE_ADDR"] = "192.0.2.77"
    assert sign_in(browser, OWNER, PASSWORD).status_code == 302


def test_a_device_cookie_is_for_its_own_account_only(app, runner, owner):
    runner.invoke(args=["users", "create", "other@example.org", "--role", "staff",
                        "--password", PASSWORD])
    browser = client_at(app, "192.0.2.11")
    assert sign_in(browser, OWNER, PASSWORD).status_code == 302
    # Guessing another account from it is limited as from any other browser.
    statuses = [sign_in(browser, "other@example.org", f"guess {n}").status_code
                for n in range(6)]
    assert statuses == [401] * 5 + [429]


def test_a_trusted_browser_is_held_to_its_own_limit(app, owner):
    browser = client_at(app, "192.0.2.12")
    assert sign_in(browser, OWNER, PASSWORD).status_code == 302
    statuses = [sign_in(browser, OWNER, f"guess {n}").status_code for n in range(11)]
    assert statuses == [401] * 10 + [429]  # not stopped at the address's 5 a minute
    assert "from this browser" in page_text(sign_in(browser, OWNER, PASSWORD)
                                            .get_data(as_text=True))


def test_a_forged_device_cookie_is_no_cookie(app, owner):
    browser = client_at(app, "192.0.2.13")
    browser.set_cookie(COOKIE, "eyJhIjoiZm9yZ2VkIn0.forged.signature", path=PATH)
    statuses = [sign_in(browser, OWNER, f"guess {n}").status_code for n in range(6)]
    assert statuses == [401] * 5 + [429]
