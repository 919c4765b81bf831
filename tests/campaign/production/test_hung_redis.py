"""A rate-limit store that stops answering costs a citizen no more than a moment.

Three gunicorn workers count in a real redis-server; the redis-server is then paused
(SIGSTOP: it keeps its connections open and answers nothing, as a hung or swapping
server does) or stopped cleanly, and letters are written meanwhile. Each request
waits at most the store's socket timeout before counting in its own process's memory
(campaign/limits.py), with a warning in the log.
"""
from __future__ import annotations

import os
import signal
import time

import pytest

from campaign.demo.http_journey import HttpJourney
from campaign.demo.live_site import gunicorn, prepare_database
from tests.campaign.production.conftest import redis_process

LETTERS_WHILE_DOWN = 4
# The slowest request a citizen may meet while the store is down: the socket timeout
# (50 ms) is far below it; without one, a paused Redis held requests until it woke.
SLOWEST_STEP_SECONDS = 2.0


@pytest.mark.parametrize("fault", ["paused (SIGSTOP)", "stopped"])
def test_letters_keep_flowing_while_redis_does_not_answer(tmp_path, fake_postcodes,
                                                         fake_members, fault):
    database = str(tmp_path / "campaign.sqlite3")
    prepare_database(database)
    (tmp_path / "redis").mkdir()
    with redis_process(tmp_path / "redis") as (redis, process), \
            gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                     members_url=fake_members.url, workers=3, timeout=30,
                     env={"RATELIMIT_ENABLED": "1",
                          # A healthy Redis on a machine crowded by the whole suite answers late now
                          # and then: in 50 ms some requests would be counted in memory.
                          "RATELIMIT_REDIS_TIMEOUT": "0.5",
                          "RATELIMIT_STORAGE_URI": redis.url}) as server:
        journey = HttpJourney(server.url)
        journey.letter()  # counted in Redis
        assert "falling back" not in server.output
        if fault == "stopped":
            process.terminate()
            process.wait(10)
        else:
            os.kill(process.pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            for _ in range(LETTERS_WHILE_DOWN):
                journey = HttpJourney(server.url)  # a fresh connection: any worker
                assert journey.letter().body.startswith(b"%PDF")
                slowest = max(max(times) for times in journey.timings.values() if times)
                assert slowest < SLOWEST_STEP_SECONDS, journey.timings
            took = time.monotonic() - started
        finally:
            if fault != "stopped":
                os.kill(process.pid, signal.SIGCONT)
        assert took < LETTERS_WHILE_DOWN * 4 * SLOWEST_STEP_SECONDS
        output = server.output
    assert "falling back to in-memory storage" in output
    assert "Traceback" not in output
