"""A small circuit breaker for the upstream services.

When postcodes.io or the Members API is down, every citizen would otherwise wait the
full connect + read timeout (about five seconds) before being told to try again,
and each waiting request would hold a server thread. After `failure_threshold`
failures in a row the breaker *opens*: calls fail at once with UpstreamUnavailable
for `reset_seconds`. Then it lets exactly one trial call through (*half-open*);
if that succeeds the breaker closes, if it fails it opens again.

Why not pybreaker: its `call()` holds one lock for the whole upstream call, which
would make a server's threads queue behind each other for every lookup. Here the
lock guards only the bookkeeping; the calls themselves run concurrently.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from campaign.lookup.errors import UpstreamUnavailable

log = logging.getLogger(__name__)
T = TypeVar("T")

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half-open"


class CircuitBreaker:
    """Fail fast while an upstream is known to be down. Safe to share between threads."""

    def __init__(self, name: str, failure_threshold: int = 5, reset_seconds: float = 30.0,
                 clock: Callable[[], float] = time.monotonic):
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self.name = name
        self.failure_threshold = failure_threshold
        self.reset_seconds = reset_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False

    @property
    def state(self) -> str:
        with self._lock:
            return self._state()

    def _state(self) -> str:
        if self._opened_at is None:
            return CLOSED
        if self._clock() - self._opened_at >= self.reset_seconds:
            return HALF_OPEN
        return OPEN

    def call(self, func: Callable[..., T], *args, **kwargs) -> T:
        """Run `func` unless the breaker is open; count UpstreamUnavailable as failure.

        Any other exception (a 404 answer turned into PostcodeNotFound, a bug) says
        nothing about the upstream's health and leaves the count alone.
        """
        trial = self._admit()
        try:
            result = func(*args, **kwargs)
        except UpstreamUnavailable:
            self._record_failure(trial)
            raise
        except BaseException:
            if trial:
                with self._lock:
                    self._trial_running = False
            raise
        self._record_success()
        return result

    def _admit(self) -> bool:
        """Return whether this call is the half-open trial; raise if the breaker is open."""
        with self._lock:
            state = self._state()
            if state == CLOSED:
                return False
            if state == HALF_OPEN and not self._trial_running:
                self._trial_running = True
                return True
        raise UpstreamUnavailable()

    def _record_failure(self, trial: bool) -> None:
        with self._lock:
            if trial:
                self._trial_running = False
                self._opened_at = self._clock()
                log.warning("%s still failing: circuit open for another %.0f s",
                            self.name, self.reset_seconds)
                return
            self._failures += 1
            if self._failures >= self.failure_threshold and self._opened_at is None:
                self._opened_at = self._clock()
                log.warning("%s failed %d times in a row: circuit open for %.0f s",
                            self.name, self._failures, self.reset_seconds)

    def _record_success(self) -> None:
        with self._lock:
            if self._opened_at is not None:
                log.info("%s answering again: circuit closed", self.name)
            self._failures = 0
            self._opened_at = None
            self._trial_running = False
