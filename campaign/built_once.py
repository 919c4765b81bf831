"""What was built once for a key, kept for the next time: a small bounded cache.

Used for frozen objects built from stored rows, kept by the rows they were built from
(campaign.campaigns), for the header and footer a page repeats
(site_context.remembered) and for numbers in a locale (template_gettext).

The letter's pages read a campaign's asks and who decides each per nation on every
request, five times a letter, and built the same frozen Asks and NationRules each
time. Kept under the rows themselves (and the language), a change made anywhere
(staff, another process, a script's SQL) reads as other rows, so a new key: there is
nothing to invalidate, and the rows are still read from the database every time.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class BuiltOnce(Generic[T]):
    """What `build` made for each key, at most `maxsize` keys (then it starts again:
    keys change only when staff change a campaign, so a handful are ever in use).
    None is built again each time, never kept: a key that finds nothing (a campaign
    address someone typed) takes no place from the ones in use."""

    def __init__(self, maxsize: int = 256):
        self._built: dict[Hashable, T] = {}
        self._maxsize = maxsize

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The object built for `key`, built now with `build()` the first time."""
        built = self._built.get(key)
        if built is None:
            built = build()
            # Single dict operations, so threads need no lock: at worst two build once each.
            if built is not None:
                if len(self._built) >= self._maxsize:
                    self._built.clear()
                self._built[key] = built
        return built
