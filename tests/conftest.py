"""Shared fixtures: the app on a real SQLite file, talking to fake upstreams on loopback."""
from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from campaign.clock import FixedClock
from tests.chromium import browser  # noqa: F401  (one Chromium for the session)
from campaign.demo.members_api import FakeMembersAPI
from campaign.demo.postcodes_io import FakePostcodesIO
from tests.helpers import Journey, base_config, close_database, make_app, write_all


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


@pytest.fixture(scope="session")
def written_database(database_template, tmp_path_factory, fake_postcodes,
                     fake_members) -> tuple[Path, datetime]:
    """A database holding the letters of tests.helpers.LETTERS, written once per session
    through the site, and the moment its clock stood at after the last one."""
    fake_postcodes.reset()
    fake_members.reset()
    path = tmp_path_factory.mktemp("written") / "campaign.sqlite3"
    clock = FixedClock()
    app = make_app(base_config(path, fake_postcodes.url, fake_members.url), clock,
                   database_template)
    write_all(app.test_client())
    fake_postcodes.reset()  # the fakes keep no trace of it for the test that built it
    fake_members.reset()
    return close_database(app), clock.now()


@pytest.fixture
def app(app_config, clock, database_template):
    return make_app(app_config, clock, database_template)


@pytest.fixture
def written(app_config, clock, written_database, request):
    """The app, with the letters of tests.helpers.LETTERS written (a copy of
    `written_database`), its clock where writing them left it. Ask for it before `app`
    or `client`: the copy must be in place before the app opens its database."""
    path = Path(app_config["DATABASE_PATH"])
    assert not path.exists(), "ask for `written` before `app` and `client`"
    database, moment = written_database
    shutil.copyfile(database, path)
    clock.set(moment)
    return request.getfixturevalue("app")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def journey(client) -> Journey:
    return Journey(client)
