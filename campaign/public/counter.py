"""The public counter on a campaign page ("1,234 letters so far"), cached.

The campaign page is the busiest page on the site, and the count changes by a few
a minute at most, so each process remembers each campaign's count for a short
while (`COUNTER_CACHE_SECONDS`) instead of counting on every visit. A letter this
process records forgets its campaign's count at once, so a writer who goes back
to the campaign page sees their own letter counted; letters recorded by other
processes show up when the entry expires.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

import sqlite_utils
from cachetools import TTLCache
from flask import Flask, current_app


def letters_count(db: sqlite_utils.Database, campaign_id: int) -> int:
    """How many letters a campaign has produced (what the counter caches)."""
    return db["letters"].count_where("campaign_id = ?", [campaign_id])


class LetterCounter:
    """Per-process, per-campaign cache of letter counts with a time to live."""

    def __init__(self, ttl_seconds: float, maxsize: int = 256,
                 timer: Callable[[], float] = time.monotonic):
        self.ttl_seconds = ttl_seconds
        self._cache: TTLCache = TTLCache(maxsize=maxsize, ttl=ttl_seconds, timer=timer)
        self._lock = threading.Lock()  # TTLCache is not safe across threads by itself

    def count(self, db: sqlite_utils.Database, campaign_id: int) -> int:
        """The campaign's number of letters, at most the cache's TTL old."""
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
