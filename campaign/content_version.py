"""What a worker built from the stored content, kept until the content changes.

The citizen's pages read the same content on every request: the campaign, its asks and
who decides each per nation, the second-letter offices offered, the state of
Parliament. A letter read them a score of times, as rows, then found the frozen
objects built from the same rows before (campaign.built_once). Those rows change a few
times a week, when staff edit a campaign.

The database says when they change: triggers (migration m031) give the one row of
`content_version` a new random token on every insert, update or delete in those
tables, whoever writes (staff in another worker, a script's SQL), inside the writer's
own transaction. So a worker reads that one short row, and while the token is the one
it built under, what it built is what the tables hold. The token is read first and the
rows after it: a change committed in between makes a new token, under which this
worker builds again. A random token rather than a counter, so that a database
restored from a backup cannot come back to a token kept for other content.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

import sqlite_utils

from campaign.built_once import BuiltOnce

#: The tables m031's triggers watch (besides Parliament's rows of `register_meta`);
#: tests/campaign/site/test_content_version.py holds them equal to the triggers.
CONTENT_TABLES = ("campaigns", "asks", "ask_nations", "campaign_targets")

T = TypeVar("T")


def version_token(db: sqlite_utils.Database) -> str:
    """The content's current token: another one after any change to CONTENT_TABLES or
    to the state of Parliament."""
    return db.conn.execute("select token from content_version").fetchone()[0]


class KeptUntilChanged(Generic[T]):
    """What `build` made for each key, kept while the content token stays the same
    (a BuiltOnce per token, so None is never kept).

    Only for what is built from CONTENT_TABLES and Parliament's state alone: anything
    else it read could change without a new token. What is kept is shared by every
    caller, so it must be frozen (or copied by the caller before changing it).
    """

    def __init__(self, maxsize: int = 256):
        # The token and what was built under it, as one value: a thread that read an
        # older token (or built while another saw a new one) puts what it built in the
        # older token's BuiltOnce, never in the new one's.
        self._maxsize = maxsize
        self._kept: tuple[str | None, BuiltOnce[T]] = (None, BuiltOnce(maxsize))

    def get(self, db: sqlite_utils.Database, key: Hashable, build: Callable[[], T]) -> T:
        """The object built for `key` under the current content, built now with
        `build()` (which reads `db`) if it was not yet."""
        token = version_token(db)
        kept_token, kept = self._kept
        if kept_token != token:
            kept = BuiltOnce(self._maxsize)
            self._kept = (token, kept)
        return kept.get(key, build)
