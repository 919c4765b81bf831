"""Write transactions that wait their turn instead of failing with "database is locked".

sqlite-utils' `atomic()` opens a deferred transaction. Its table methods read the
schema before they write, so the transaction starts as a reader and must later
upgrade to a writer; when another connection is writing, SQLite refuses that
upgrade at once (SQLITE_BUSY, without waiting out the busy timeout) to avoid a
deadlock. `BEGIN IMMEDIATE` takes the write lock first, so a second writer simply
waits for the busy timeout: one writer at a time, nothing lost.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

import sqlite_utils


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Run the block in one transaction that holds the write lock from its start."""
    if db.conn.in_transaction:  # nested: a savepoint inside the outer transaction
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def utc_now() -> datetime:
    """This moment in UTC: every time the database stores is UTC."""
    return datetime.now(timezone.utc)


def timestamp() -> str:
    """This moment as the database stores it: UTC ISO text to the second."""
    return utc_now().isoformat(timespec="seconds")
