"""One background refresh at a time across gunicorn's worker processes.

A real gunicorn (several workers, several threads each) serves many citizens at
once while the register is old. Each worker notices; exactly one wins the lease
and refreshes, the others carry on answering from the register.
"""
from __future__ import annotations

import threading
import time

import pytest

from campaign.db import connect
from campaign.demo.http_journey import HttpJourney, postcode_form_address
from campaign.demo.live_site import gunicorn, prepare_database
from campaign.demo.members_api import FakeMembersAPI
from campaign.lookup import register, register_status
from campaign.lookup.register_upkeep import REFRESH_AT, REFRESHED_BY
from tests.campaign.helpers import wait_until

# gunicorn's workers start as separate processes: seconds, not milliseconds.
pytestmark = pytest.mark.slow

MAX_AGE = 4.0
CLIENTS = 12


def full_refreshes(fake: FakeMembersAPI) -> int:
    """How many refreshes the fake has seen: each starts at the first page."""
    return sum(1 for r in fake.requests if r.startswith("GET /api/Members/Search")
               and "skip=0&" in r + "&")


@pytest.fixture
def members():
    fake = FakeMembersAPI().start()
    yield fake
    fake.stop()


def find_mps_at_once(url: str, postcodes: list[str]) -> list[int]:
    statuses: list[int] = []
    start = threading.Barrier(len(postcodes))
    lock = threading.Lock()

    def citizen(postcode: str) -> None:
        journey = HttpJourney(url)
        try:
            page = journey.request("GET", f"/c/{journey.slug}/")
            start.wait()
            # The campaign page's postcode form: a GET of the letter form, which looks up.
            answer = journey.request("GET", postcode_form_address(page.text, postcode))
            with lock:
                statuses.append(answer.status)
        finally:
            journey.close()

    threads = [threading.Thread(target=citizen, args=(p,)) for p in postcodes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def test_workers_refresh_an_old_register_once(tmp_path, fake_postcodes, members):
    fake_postcodes.reset()
    database = str(tmp_path / "lease.sqlite3")
    prepare_database(database)
    env = {"MP_REGISTER_MAX_AGE": str(MAX_AGE), "MP_REGISTER_AUTO_REFRESH": "1"}
    with gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                  members_url=members.url, workers=3, threads=4, env=env) as server:
        # Never loaded: the first lookups start the one refresh.
        statuses = find_mps_at_once(server.url, ["E8 1DY", "BR8 7RE", "PR7 1DP"] * 4)
        assert statuses == [200] * CLIENTS  # found: the letter form
        db = connect(database)
        wait_until(lambda: register.refreshed_at(db) is not None, what="the first refresh")
        assert register_status.status(db, MAX_AGE).refreshed_by == REFRESHED_BY
        assert full_refreshes(members) == 1

        # Old again: a second wave of citizens, spread over every worker, starts one more.
        wait_until(lambda: register.age_seconds(db) >= MAX_AGE * REFRESH_AT + 0.1,
                   what="the register to be due a refresh")
        before = register.refreshed_at(db)
        statuses = find_mps_at_once(server.url, ["E8 1DY", "BR8 7RE", "PR7 1DP"] * 4)
        assert statuses == [200] * CLIENTS  # found: the letter form
        wait_until(lambda: register.refreshed_at(db) != before, what="the second refresh")
        # That nothing more happens can only be waited for: any other worker's refresh,
        # had the lease let one through, would have asked the fake by now.
        time.sleep(1.0)
        assert full_refreshes(members) == 2, server.output[-3000:]
        assert "Traceback" not in server.output
        assert "database is locked" not in server.output
