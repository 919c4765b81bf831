"""Shared fixtures: the app on a real SQLite file, talking to fake upstreams on loopback."""
from __future__ import annotations

import functools
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from werkzeug.security import generate_password_hash

from campaign.accounts import users
from campaign.clock import FixedClock
from campaign.demo.members_api import FakeMembersAPI
from campaign.demo.postcodes_io import FakePostcodesIO
from tests.campaign.chromium import browser  # noqa: F401  (one Chromium for the session)
from tests.campaign.helpers import Journey, base_config, close_database, make_app, write_all

# scrypt at 1/32 of werkzeug's cost (N=2**10 instead of 2**15): signing a test's staff
# member up and in costs milliseconds, not a fifth of a second of CPU each time.
# tests/campaign/accounts/test_auth.py checks that the site itself hashes at werkzeug's full cost.
CHEAP_HASH = "scrypt:1024:8:1"


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashes():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users, "generate_password_hash",
                      functools.partial(generate_password_hash, method=CHEAP_HASH))
        # An unknown address is still checked against a hash of the same cost.
        patch.setattr(users, "_DUMMY_HASH",
                      generate_password_hash("not-a-real-password", method=CHEAP_HASH))
        yield


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
    return base_config(tmp_path / "campaign.sqlite3", fake_postcodes.url, fake_members.url)


@pytest.fixture
def clock() -> FixedClock:
    """The app's clock: it stands at the moment the test began until the test moves it."""
    return FixedClock()


@pytest.fixture(scope="session")
def database_template(tmp_path_factory, fake_postcodes, fake_members) -> Path:
    """A database migrated, with the launch campaign loaded, once per session: each `app`
    starts from a copy of it."""
    path = tmp_path_factory.mktemp("template") / "campaign.sqlite3"
    return close_database(make_app(base_config(path, fake_postcodes.url, fake_members.url)))


def snapshot(template: Path, directory: Path, fake_postcodes, fake_members,
             build) -> tuple[Path, datetime]:
    """A database made by `build(app)` from a copy of `template`, closed, and the moment
    its clock stood at afterwards; the fakes are left as `app_config` leaves them."""
    fake_postcodes.reset()
    fake_members.reset()
    clock = FixedClock()
    app = make_app(base_config(directory / "campaign.sqlite3", fake_postcodes.url,
                               fake_members.url), clock, template)
    build(app)
    fake_postcodes.reset()  # the fakes keep no trace of it for the test that built it
    fake_members.reset()
    return close_database(app), clock.now()


def start_from(snapshot_taken: tuple[Path, datetime], app_config: dict, clock: FixedClock,
               request):
    """The test's app on a copy of a `snapshot`, its clock where the snapshot's stood."""
    path = Path(app_config["DATABASE_PATH"])
    assert not path.exists(), f"ask for `{request.fixturename}` before `app` and `client`"
    database, moment = snapshot_taken
    shutil.copyfile(database, path)
    clock.set(moment)
    return request.getfixturevalue("app")


@pytest.fixture(scope="session")
def written_database(database_template, tmp_path_factory, fake_postcodes, fake_members):
    """The letters of tests.campaign.helpers.LETTERS, written once per session through the site."""
    return snapshot(database_template, tmp_path_factory.mktemp("written"), fake_postcodes,
                    fake_members, lambda app: write_all(app.test_client()))


@pytest.fixture(scope="session")
def refreshed_database(database_template, tmp_path_factory, fake_postcodes, fake_members):
    """The MP register as `mps refresh` loads it from the fake Members API, once per
    session (650 seats and their emails: about a second each time)."""
    def refresh(app):
        result = app.test_cli_runner().invoke(args=["mps", "refresh"])
        assert result.exit_code == 0, result.output

    return snapshot(database_template, tmp_path_factory.mktemp("refreshed"), fake_postcodes,
                    fake_members, refresh)


@pytest.fixture
def app(app_config, clock, database_template):
    return make_app(app_config, clock, database_template)


@pytest.fixture
def written(app_config, clock, written_database, request):
    """The app, with the letters of tests.campaign.helpers.LETTERS written (a copy of
    `written_database`). Ask for it before `app` or `client`."""
    return start_from(written_database, app_config, clock, request)


@pytest.fixture
def refreshed(app_config, clock, refreshed_database, request):
    """The app, its register just loaded by `mps refresh` (a copy of
    `refreshed_database`). Ask for it before `app`, `client` or `journey`."""
    return start_from(refreshed_database, app_config, clock, request)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def journey(client) -> Journey:
    return Journey(client)
