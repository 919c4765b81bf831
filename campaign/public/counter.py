"""The "N letters written so far" counter on the campaign page, cached briefly.

Counting a campaign's letters walks an index entry per letter: 15-25 ms at 300,000
letters, on every view of the busiest page of a campaign that has gone viral. The
count is kept for a few seconds per process instead; a download in this process
forgets it, so a writer coming back to the page sees their own letter counted.
"""
from __future__ import annotations

import threading

import sqlite_utils
from cachetools import TTLCache

from campaign.participation import letters_count

COUNT_SECONDS = 10

_cache: TTLCache = TTLCache(maxsize=1024, ttl=COUNT_SECONDS)
_lock = threading.Lock()


def _key(db: sqlite_utils.Database, campaign_id: int) -> tuple:
    # The database file is part of the key: tests (and tools) open several.
    return (db.conn.execute("pragma database_list").fetchone()[2], campaign_id)


def cached_letters_count(db: sqlite_utils.Database, campaign_id: int) -> int:
    """How many letters the campaign has produced, at most COUNT_SECONDS old."""
    key = _key(db, campaign_id)
    with _lock:
        count = _cache.get(key)
    if count is None:
        count = letters_count(db, campaign_id)
        with _lock:
            _cache[key] = count
    return count


def forget(db: sqlite_utils.Database, campaign_id: int) -> None:
    """Drop the cached count, e.g. after a new letter was recorded."""
    with _lock:
        _cache.pop(_key(db, campaign_id), None)
