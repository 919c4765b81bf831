"""Rate limits: a script hammering the site is slowed; honest writers never notice."""
from __future__ import annotations

import logging

import pytest

from campaign.config import from_environment
from campaign.limits import limiter
from tests.campaign.helpers import (
    SLUG,
    WRITER,
    Journey,
    hidden,
    make_app,
    page_text,
    postcode_form_address,
)

ADDRESS = "203.0.113.7"
POSTCODE_PER_MINUTE = 30
DOWNLOADS_PER_MINUTE = 30


@pytest.fixture
def app_config(app_config):
    app_config["RATELIMIT_ENABLED"] = True
    return app_config


def client_at(app, address: str):
    """A test client whose requests come from `address`."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def lookups(client, count: int, headers: dict | None = None) -> list[int]:
    """Send the campaign page's postcode form `count` times from `client`: a GET of the
    letter form's own address, which looks up and counts; return the statuses (200:
    the letter form for the MP found)."""
    address = postcode_form_address(client.get(f"/c/{SLUG}/").get_data(as_text=True), "E8 1DY")
    return [client.get(address, headers=headers or {}, follow_redirects=True).status_code
            for _ in range(count)]


def test_postcode_lookups_are_limited_with_a_friendly_page(app):
    client = client_at(app, ADDRESS)
    statuses = lookups(client, POSTCODE_PER_MINUTE)
    assert statuses == [200] * POSTCODE_PER_MINUTE

    page = client.get(f"/c/{SLUG}/").get_data(as_text=True)
    response = client.get(postcode_form_address(page, "E8 1DY"))
    assert response.status_code == 429
    text = page_text(response.get_data(as_text=True))
    assert "Please wait a moment" in text
    assert "wait a minute and try again" in text
    assert 0 < int(response.headers["Retry-After"]) <= 60


def test_the_postcode_form_as_it_was_counts_each_lookup_once(app):
    """The POST to /mp, from a page opened before the form became a GET, only checks
    the form; the letter form's GET it answers 303 to looks up and counts, once."""
    client = client_at(app, ADDRESS)
    # The token such a page held: the session's, as the letter form (one lookup) has it.
    token = hidden(client.get(f"/c/{SLUG}/write?postcode=E8+1DY").get_data(as_text=True),
                   "csrf_token")
    statuses = [client.post(f"/c/{SLUG}/mp", follow_redirects=True, data={
        "postcode": "E8 1DY", "csrf_token": token}).status_code
        for _ in range(POSTCODE_PER_MINUTE)]
    assert statuses == [200] * (POSTCODE_PER_MINUTE - 1) + [429]


def test_one_busy_address_does_not_slow_another(app):
    assert lookups(client_at(app, ADDRESS), POSTCODE_PER_MINUTE + 1)[-1] == 429
    assert lookups(client_at(app, "198.51.100.20"), 1) == [200]


def test_previews_share_the_postcode_limit(app):
    client = client_at(app, ADDRESS)
    journey = Journey(client)
    journey.find_mp("E8 1DY")  # one lookup: the letter form's GET (the POST only checks)
    form = {**WRITER, "postcode": "E8 1DY", "asks": journey.ask_ids()[:1],
            "csrf_token": hidden(journey.page, "csrf_token")}
    statuses = [client.post(f"/c/{SLUG}/letter", data=form).status_code
                for _ in range(POSTCODE_PER_MINUTE)]
    assert statuses == [303] * (POSTCODE_PER_MINUTE - 1) + [429]


def test_downloads_are_limited(app):
    journey = Journey(client_at(app, ADDRESS))
    journey.find_mp("E8 1DY")
    journey.write()
    statuses = [journey.download("pdf").status_code for _ in range(DOWNLOADS_PER_MINUTE + 1)]
    assert statuses == [200] * DOWNLOADS_PER_MINUTE + [429]


def test_campaign_pages_are_not_limited(app):
    client = client_at(app, ADDRESS)
    assert {client.get(f"/c/{SLUG}/").status_code for _ in range(60)} == {200}


def test_login_attempts_are_limited(app):
    client = client_at(app, ADDRESS)
    token = hidden(client.get("/staff/login").get_data(as_text=True), "csrf_token")
    statuses = [client.post("/staff/login", data={
        "email": "someone@example.org", "password": "guess number %d" % i,
        "csrf_token": token}).status_code for i in range(6)]
    assert statuses == [401] * 5 + [429]
    assert client.get("/staff/login").status_code == 200  # the form itself is not limited
    other = client_at(app, "198.51.100.1")
    token = hidden(other.get("/staff/login").get_data(as_text=True), "csrf_token")
    assert other.post("/staff/login", data={"email": "a@b.org", "password": "x",
                                            "csrf_token": token}).status_code == 401


def test_limits_can_be_turned_off(app_config):
    app = make_app({**app_config, "RATELIMIT_ENABLED": False})
    assert set(lookups(client_at(app, ADDRESS), POSTCODE_PER_MINUTE + 5)) == {200}


def test_the_environment_switches_limits_and_storage():
    config = from_environment("/tmp", {"RATELIMIT_ENABLED": "0"})
    assert config["RATELIMIT_ENABLED"] is False
    assert config["RATELIMIT_STORAGE_URI"] == "memory://"
    config = from_environment("/tmp", {"RATELIMIT_STORAGE_URI": "redis://cache:6379/2"})
    assert config["RATELIMIT_ENABLED"] is True
    assert config["RATELIMIT_STORAGE_URI"] == "redis://cache:6379/2"


def test_neither_logs_nor_counters_hold_the_address(app, caplog):
    caplog.set_level(logging.DEBUG)
    lookups(client_at(app, ADDRESS), POSTCODE_PER_MINUTE + 2)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "429" in logged
    assert ADDRESS not in logged
    counters = repr(vars(limiter.storage))
    assert "mp-letters" in counters  # the counters are where we think they are
    assert ADDRESS not in counters


# Behind a proxy: X-Forwarded-For is believed only when TRUSTED_PROXIES says so.

def test_forwarded_addresses_are_ignored_by_default(app):
    client = client_at(app, "10.0.0.1")  # the proxy
    statuses = []
    for n in range(POSTCODE_PER_MINUTE + 1):
        statuses += lookups(client, 1, headers={"X-Forwarded-For": f"198.51.100.{n}"})
    assert statuses[-1] == 429  # a client cannot escape the limit by inventing headers


def test_behind_a_trusted_proxy_each_citizen_is_counted_alone(app_config):
    app = make_app({**app_config, "TRUSTED_PROXIES": 1})
    client = client_at(app, "10.0.0.1")
    first = lookups(client, POSTCODE_PER_MINUTE + 1, headers={"X-Forwarded-For": ADDRESS})
    assert first[-1] == 429
    other = lookups(client, 1, headers={"X-Forwarded-For": "198.51.100.20"})
    assert other == [200]


def _sign_in_from(app, address: str, email: str, password: str) -> int:
    client = client_at(app, address)
    token = hidden(client.get("/staff/login").get_data(as_text=True), "csrf_token")
    return client.post("/staff/login", data={
        "email": email, "password": password, "csrf_token": token}).status_code


def test_guesses_from_ten_addresses_do_not_lock_the_owner_out(app, runner):
    runner.invoke(args=["users", "create", "target@example.org", "--role", "staff",
                        "--password", "correct horse battery"])
    statuses = [_sign_in_from(app, f"198.51.100.{attempt + 1}",
                              " Target@Example.org " if attempt % 2 else "target@example.org",
                              f"guess {attempt}") for attempt in range(11)]
    assert statuses == [401] * 11
    # The owner, from an address of their own, still gets in.
    assert _sign_in_from(app, "192.0.2.80", "target@example.org", "correct horse battery") == 302


def test_failed_sign_ins_are_limited_per_account_from_any_address(app, runner):
    runner.invoke(args=["users", "create", "target@example.org", "--role", "staff",
                        "--password", "correct horse battery"])
    statuses = [_sign_in_from(app, f"198.51.{attempt // 200}.{attempt % 200 + 1}",
                              "target@example.org", f"guess {attempt}") for attempt in range(51)]
    assert statuses == [401] * 50 + [429]  # a botnet: each guess from another address
    # Another account, from an address that guessed, is separate.
    assert _sign_in_from(app, "198.51.0.1", "other@example.org", "x") == 401


def test_ipv6_clients_are_counted_by_their_64(app):
    """A phone or home network has a whole /64: a fresh address per request is one client."""
    statuses = []
    for n in range(POSTCODE_PER_MINUTE + 1):
        statuses += lookups(client_at(app, f"2001:db8:1:2::{n + 1:x}"), 1)
    assert statuses == [200] * POSTCODE_PER_MINUTE + [429]
    assert lookups(client_at(app, "2001:db8:1:3::1"), 1) == [200]  # the next /64 is not
