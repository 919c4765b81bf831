"""The public counter on a campaign page ("1,234 letters so far"), cached.

The campaign page is the busiest page on the site, and the count changes by a few
a minute at most, so each process remembers each campaign's count for a short
while (`COUNTER_CACHE_SECONDS`) instead of counting on every visit. A letter this
process records forgets its campaign's count at once, so a writer who goes back
to the campaign page sees their own letter counted; letters recorded by other
processes show up when the entry expires.

It counts letters to MPs, as the results page does, by the one rule for public
figures (campaign.small_numbers): "at least N" when a seat's 1 to 4 letters are
hidden, so the counter and the results page together give no small count away.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

import sqlite_utils
from cachetools import TTLCache
from flask import Flask, current_app

from campaign.exports.queries import SECOND_LETTERS
from campaign.small_numbers import PublicTotal, public_total


def letters_count(db: sqlite_utils.Database, campaign_id: int) -> PublicTotal:
    """A campaign's letters to MPs as the public may see their total (what the counter
    caches): counted per constituency, so that no seat's 1 to 4 letters can be worked out
    from it and the results page (campaign.small_numbers)."""
    seats = dict(db.execute(
        "select constituency_code, count(*) from letters where campaign_id = ?"
        " group by constituency_code", [campaign_id]).fetchall())
    # Second letters go to other offices: counted apart from their own index, taken off.
    for code, letters in db.execute(
            f"select constituency_code, count(*) from letters {SECOND_LETTERS}"
            " where target_id is not null and campaign_id = ? group by constituency_code",
            [campaign_id]).fetchall():
        seats[code] -= letters
    return public_total(seats.values())


class LetterCounter:
    """Per-process, per-campaign cache of letter counts with a time to live."""

    def __init__(self, ttl_seconds: float, maxsize: int = 256,
                 timer: Callable[[], float] = time.monotonic):
        self.ttl_seconds = ttl_seconds
        self._cache: TTLCache = TTLCache(maxsize=maxsize, ttl=ttl_seconds, timer=timer)
        self._lock = threading.Lock()  # TTLCache is not safe across threads by itself

    def count(self, db: sqlite_utils.Database, campaign_id: int) -> PublicTotal:
        """The campaign's letters to MPs as the public sees the total, at most the
        cache's TTL old."""
        with self._lock:
            cached = self._cache.get(campaign_id)
        if cached is not None:
            return cached
        # Counted outside the lock: two threads may both count once, which is cheaper
        # than making every visitor wait on one slow count.
        fresh = letters_count(db, campaign_id)
        with self._lock:
            self._cache[campaign_id] = fresh
        return fresh

    def forget(self, campaign_id: int) -> None:
        """Drop the campaign's cached count (a letter was just recorded)."""
        with self._lock:
            self._cache.pop(campaign_id, None)


def get_counter(app: Flask | None = None) -> LetterCounter:
    """The app's counter (one per app, so tests with fresh databases never share counts)."""
    app = app or current_app
    return app.extensions["letter_counter"]


def init_app(app: Flask) -> None:
    """Give `app` its counter."""
    app.extensions["letter_counter"] = LetterCounter(app.config["COUNTER_CACHE_SECONDS"],
                                                     timer=app.extensions["clock"].monotonic)
