"""Shared fixtures: the app on a real SQLite file, talking to fake upstreams on loopback."""
from __future__ import annotations

import pytest

from campaign.clock import FixedClock
from tests.chromium import browser  # noqa: F401  (one Chromium for the session)
from campaign.demo.members_api import FakeMembersAPI
from campaign.demo.postcodes_io import FakePostcodesIO
from tests.helpers import Journey, make_app


@pytest.fixture(scope="session")
def fake_postcodes():
    server = FakePostcodesIO().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fake_members():
    server = FakeMembersAPI().start()
    yield server
    server.stop()


@pytest.fixture
def app_config(tmp_path, fake_postcodes, fake_members) -> dict:
    """The test configuration; tests may change it before asking for `app`."""
    fake_postcodes.reset()
    fake_members.reset()
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_PATH": str(tmp_path / "campaign.sqlite3"),
        "POSTCODES_API_URL": fake_postcodes.url,
        "MEMBERS_API_URL": fake_members.url,
        "UPSTREAM_CONNECT_TIMEOUT": 0.5,
        "UPSTREAM_READ_TIMEOUT": 1.0,
        # Many tests make many requests; tests/test_rate_limits.py turns limits on.
        "RATELIMIT_ENABLED": False,
        # A background refresh would add requests to the fakes behind a test's back;
        # tests/test_register_upkeep.py turns it on.
        "MP_REGISTER_AUTO_REFRESH": False,
    }


@pytest.fixture
def clock() -> FixedClock:
    """The app's clock: it stands at the moment the test began until the test moves it."""
    return FixedClock()


@pytest.fixture
def app(app_config, clock):
    return make_app(app_config, clock)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def journey(client) -> Journey:
    return Journey(client)
