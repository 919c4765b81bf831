"""The site's one clock: this moment in UTC, and today's date in the UK.

A letter is dated, and counted, by the UK's calendar (Europe/London, so BST in
summer), whatever time zone the server runs in: a letter written at 00:30 BST on a
server in UTC is dated the new day, not the old one. The database stores UTC.

Everything that reads the time asks the clock in force, through `now()`, `today()`
and `timestamp()` here; what times intervals (the register's upkeep, the circuit
breakers, the letter counter's cache) is given the app's clock's `monotonic`. The
clock in force is the app's (`app.extensions["clock"]`, set by `create_app`), or the
one a background job runs under (`running_on`: threads have no app context), or the
real clock outside both (scripts). Tests give the app a `FixedClock` and move it
instead of sleeping.

`Clock` holds no state, so one instance serves every thread of every gunicorn
worker; asking it costs a system call and, for `today()`, a time-zone conversion.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timedelta, timezone
from datetime import time as time_of_day

from flask import current_app, has_app_context

from letters.dates import UK  # Europe/London: GMT in winter, BST in summer


class Clock:
    """The real clock."""

    def now(self) -> datetime:
        """This moment, in UTC (an aware datetime)."""
        return datetime.now(timezone.utc)

    def today(self) -> date:
        """Today's date in the UK."""
        return self.now().astimezone(UK).date()

    def timestamp(self) -> str:
        """This moment as the database stores it: UTC ISO text to the second."""
        return self.now().isoformat(timespec="seconds")

    def monotonic(self) -> float:
        """Seconds that only ever go forward, for intervals (not a time of day)."""
        return time.monotonic()


class FixedClock(Clock):
    """A clock that stands still until it is moved: for tests, which move it instead of
    sleeping. Safe to move from one thread while others read it."""

    def __init__(self, at: datetime | None = None):
        self._lock = threading.Lock()
        self._at = _aware(at) if at is not None else datetime.now(timezone.utc)
        self._monotonic = 1000.0

    def now(self) -> datetime:
        with self._lock:
            return self._at

    def monotonic(self) -> float:
        with self._lock:
            return self._monotonic

    def move(self, **delta: float) -> None:
        """Move on by a timedelta's worth (`move(seconds=5)`, `move(hours=2)`)."""
        step = timedelta(**delta)
        if step < timedelta(0):
            raise ValueError("a clock moves forward only; use set() to go back")
        with self._lock:
            self._at += step
            self._monotonic += step.total_seconds()

    def set(self, at: datetime) -> None:
        """Stand at `at` (an aware datetime); `monotonic()` follows forward moves only."""
        at = _aware(at)
        with self._lock:
            self._monotonic += max(0.0, (at - self._at).total_seconds())
            self._at = at

    def set_today(self, day: date, hour: int = 12) -> None:
        """Stand at `hour` o'clock UK time on `day`."""
        self.set(datetime.combine(day, time_of_day(hour), tzinfo=UK))


def _aware(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("a clock needs an aware datetime (with its time zone)")
    return at.astimezone(timezone.utc)


#: The real clock, for wherever there is no app.
SYSTEM = Clock()

_running_on: ContextVar[Clock | None] = ContextVar("campaign_clock", default=None)


def current() -> Clock:
    """The clock in force: a background job's (`running_on`), the app's, or the real one."""
    running = _running_on.get()
    if running is not None:
        return running
    if has_app_context():
        return current_app.extensions["clock"]
    return SYSTEM


@contextmanager
def running_on(clock: Clock) -> Iterator[Clock]:
    """Run the block, in this thread, on `clock` (a background thread has no app)."""
    token = _running_on.set(clock)
    try:
        yield clock
    finally:
        _running_on.reset(token)


def now() -> datetime:
    """This moment in UTC, by the clock in force."""
    return current().now()


def today() -> date:
    """Today's date in the UK, by the clock in force."""
    return current().today()


def timestamp() -> str:
    """This moment as the database stores it (UTC ISO text to the second)."""
    return current().timestamp()


def init_app(app, clock: Clock | None = None) -> None:
    """Give `app` its clock: `clock` (tests) or the real one."""
    app.extensions["clock"] = clock if clock is not None else SYSTEM
