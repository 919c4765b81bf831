"""A dead postcodes.io must not make every citizen wait out the full timeout."""
from __future__ import annotations

import threading
import time

import pytest

from campaign.lookup.breaker import CLOSED, HALF_OPEN, OPEN, CircuitBreaker
from campaign.lookup.errors import PostcodeNotFound, UpstreamUnavailable
from tests.campaign.helpers import page_text

TRY_AGAIN = "can't reach the service that finds your MP"


def fail():
    raise UpstreamUnavailable()


@pytest.fixture
def breaker(clock):
    """A breaker timed by the test's clock (tests/campaign/conftest.py), which only tests move."""
    return CircuitBreaker("test", failure_threshold=3, reset_seconds=30, clock=clock.monotonic)


def test_opens_after_consecutive_failures_and_then_fails_fast(breaker):
    for _ in range(3):
        with pytest.raises(UpstreamUnavailable):
            breaker.call(fail)
    assert breaker.state == OPEN
    calls = []
    with pytest.raises(UpstreamUnavailable):
        breaker.call(calls.append, "should not run")
    assert calls == []


def test_a_success_resets_the_count(breaker):
    for _ in range(2):
        with pytest.raises(UpstreamUnavailable):
            breaker.call(fail)
    assert breaker.call(lambda: "ok") == "ok"
    for _ in range(2):
        with pytest.raises(UpstreamUnavailable):
            breaker.call(fail)
    assert breaker.state == CLOSED


def test_answers_that_are_not_outages_do_not_count(breaker):
    def not_found():
        raise PostcodeNotFound()

    for _ in range(10):
        with pytest.raises(PostcodeNotFound):
            breaker.call(not_found)
    assert breaker.state == CLOSED


def test_after_the_pause_one_trial_goes_through_and_success_closes(breaker, clock):
    for _ in range(3):
        with pytest.raises(UpstreamUnavailable):
            breaker.call(fail)
    clock.move(seconds=29)
    assert breaker.state == OPEN
    clock.move(seconds=1)
    assert breaker.state == HALF_OPEN
    assert breaker.call(lambda: "back") == "back"
    assert breaker.state == CLOSED


def test_a_failed_trial_opens_it_again_for_the_full_pause(breaker, clock):
    for _ in range(3):
        with pytest.raises(UpstreamUnavailable):
            breaker.call(fail)
    clock.move(seconds=30)
    with pytest.raises(UpstreamUnavailable):
        breaker.call(fail)
    assert breaker.state == OPEN
    clock.move(seconds=29)
    assert breaker.state == OPEN


def test_only_one_trial_at_a_time(breaker, clock):
    for _ in range(3):
        with pytest.raises(UpstreamUnavailable):
            breaker.call(fail)
    clock.move(seconds=30)
    trial_started, release = threading.Event(), threading.Event()

    def slow_trial():
        trial_started.set()
        release.wait(5)
        return "ok"

    results = []
    worker = threading.Thread(target=lambda: results.append(breaker.call(slow_trial)))
    worker.start()
    assert trial_started.wait(5)
    with pytest.raises(UpstreamUnavailable):
        breaker.call(lambda: "second caller")  # fails fast while the trial runs
    release.set()
    worker.join(5)
    assert results == ["ok"]
    assert breaker.call(lambda: "now open to all") == "now open to all"


def test_a_bug_in_the_trial_does_not_wedge_the_breaker(breaker, clock):
    for _ in range(3):
        with pytest.raises(UpstreamUnavailable):
            breaker.call(fail)
    clock.move(seconds=30)
    with pytest.raises(ZeroDivisionError):
        breaker.call(lambda: 1 / 0)
    assert breaker.call(lambda: "ok") == "ok"


# The whole site, against a fake postcodes.io that hangs.

@pytest.fixture
def app_config(app_config):
    app_config.update(UPSTREAM_BREAKER_FAILURES=2, UPSTREAM_BREAKER_SECONDS=0.5)
    return app_config


def test_a_hanging_postcodes_io_is_left_alone_after_two_failures(journey, fake_postcodes):
    fake_postcodes.mode = "slow"
    fake_postcodes.slow_seconds = 3
    for _ in range(2):
        assert journey.find_mp("E8 1DY").status_code == 503
    asked = len(fake_postcodes.requests)

    started = time.monotonic()
    response = journey.find_mp("BR8 7RE")
    assert time.monotonic() - started < 0.3  # not the 1.5 s of the test timeouts
    assert response.status_code == 503
    assert TRY_AGAIN in page_text(journey.page)
    assert 'value="BR8 7RE"' in journey.page  # what they typed is kept
    assert len(fake_postcodes.requests) == asked  # the sick service was not asked


def test_the_site_recovers_when_postcodes_io_does(journey, fake_postcodes, clock):
    fake_postcodes.mode = "error"
    for _ in range(2):
        journey.find_mp("E8 1DY")
    fake_postcodes.mode = "ok"
    assert journey.find_mp("E8 1DY").status_code == 503  # still resting
    clock.move(seconds=0.6)
    assert journey.find_mp("E8 1DY").status_code == 200
    assert "Diane Abbott" in page_text(journey.page)


def test_members_api_has_its_own_breaker(journey, fake_members, fake_postcodes):
    fake_members.mode = "error"
    for _ in range(2):
        assert journey.find_mp("E8 1DY").status_code == 503
    before = len(fake_members.requests)
    assert journey.find_mp("BR8 7RE").status_code == 503
    assert len(fake_members.requests) == before
    # postcodes.io was fine all along and is still asked.
    assert any("BR87RE" in r for r in fake_postcodes.requests)
