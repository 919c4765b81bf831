"""Find the MP for what a citizen typed: normalise, locate, look up, with caching."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol

import sqlite_utils
from cachetools import TTLCache

from campaign.lookup import register
from campaign.lookup.errors import NoWestminsterConstituency
from campaign.lookup.members_api import MembersAPI
from campaign.lookup.postcode import Constituency, Postcode, normalise_postcode
from campaign.lookup.register_upkeep import RegisterUpkeep
from letters import MP

# Postcodes move between constituencies only when boundaries are redrawn; a day's
# cache spares postcodes.io (and the citizen's wait) on every repeat visit. Held in
# memory only: postcodes are never written to disk. The local directory is not
# cached: it answers in microseconds, and a new import must take effect at once.
POSTCODE_CACHE_SIZE = 200_000
POSTCODE_CACHE_SECONDS = 24 * 60 * 60


class PostcodeSource(Protocol):
    """Anything that can place a postcode in a constituency (postcodes.io, a local directory)."""

    def constituency(self, postcode: Postcode) -> Constituency: ...


@dataclass(frozen=True)
class FoundMP:
    """The answer to "who is my MP?"."""

    postcode: Postcode
    constituency: Constituency
    mp: MP


class CachedSource:
    """Remembers a slow source's answers (found constituencies only) for a day."""

    def __init__(self, source: PostcodeSource):
        self.source = source
        self._cache: TTLCache = TTLCache(POSTCODE_CACHE_SIZE, POSTCODE_CACHE_SECONDS)
        self._lock = threading.Lock()

    def constituency(self, postcode: Postcode) -> Constituency:
        """The constituency of `postcode`, from the cache or the wrapped source."""
        with self._lock:
            cached = self._cache.get(postcode.compact)
        if cached is not None:
            return cached
        found = self.source.constituency(postcode)
        with self._lock:
            self._cache[postcode.compact] = found
        return found

    def clear(self) -> None:
        """Forget every remembered answer (tests; after a boundary change)."""
        with self._lock:
            self._cache.clear()


class MPFinder:
    """Postcode text -> FoundMP. One per application; safe to share between threads."""

    def __init__(self, postcodes: PostcodeSource, members: MembersAPI,
                 max_age: float = register.DEFAULT_MAX_AGE,
                 upkeep: RegisterUpkeep | None = None):
        self.postcodes = postcodes
        self.members = members
        self.max_age = max_age
        self.upkeep = upkeep

    def constituency(self, postcode: Postcode) -> Constituency:
        """The constituency of `postcode`; Crown dependencies are refused without asking."""
        if postcode.crown_dependency:
            raise NoWestminsterConstituency(postcode.crown_dependency)
        return self.postcodes.constituency(postcode)

    def keep_register_fresh(self, db: sqlite_utils.Database) -> None:
        """Start a background refresh of the MP register if one is due (cheap when not)."""
        if self.upkeep is not None:
            self.upkeep.check(db)

    def find(self, db: sqlite_utils.Database, postcode_text: str) -> FoundMP:
        """Who represents `postcode_text`. Raises a LookupFailure the citizen can act on."""
        postcode = normalise_postcode(postcode_text)
        self.keep_register_fresh(db)
        constituency = self.constituency(postcode)
        mp = register.mp_for_constituency(db, self.members, constituency, self.max_age)
        return FoundMP(postcode=postcode, constituency=constituency, mp=mp)
