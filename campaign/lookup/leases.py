"""Leases in SQLite: one holder at a time for a named job, across threads, workers and hosts.

A lease is a row (name, holder, expires_at) written inside a `BEGIN IMMEDIATE`
transaction, so two processes can never both see it free and both take it. It
expires by itself, so a worker killed half-way through its job (gunicorn's
timeout, a deploy) cannot block the job for ever. File locks would do for one
machine only and vanish with a crashed process at the wrong moment; the database
is already what every worker shares.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import sqlite_utils

from campaign import clock
from campaign.db import write_transaction


def acquire(db: sqlite_utils.Database, name: str, holder: str, seconds: float) -> bool:
    """Take the lease `name` for `seconds` if nobody holds it; True if `holder` now has it."""
    now = clock.now()
    with write_transaction(db):
        rows = list(db.query("select holder, expires_at from leases where name = ?", [name]))
        if rows and rows[0]["holder"] != holder and \
                datetime.fromisoformat(rows[0]["expires_at"]) > now:
            return False
        db.table("leases").upsert({
            "name": name, "holder": holder,
            "expires_at": (now + timedelta(seconds=seconds)).isoformat(timespec="milliseconds"),
        }, pk="name")
    return True


def hold_until(db: sqlite_utils.Database, name: str, holder: str, seconds: float) -> None:
    """Keep the lease for `seconds` from now (e.g. to space out retries after a failure)."""
    expires_at = (clock.now() + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")
    with write_transaction(db):
        db.execute("update leases set expires_at = ? where name = ? and holder = ?",
                   [expires_at, name, holder])


def release(db: sqlite_utils.Database, name: str, holder: str) -> None:
    """Give the lease up, if `holder` still has it."""
    with write_transaction(db):
        db.execute("delete from leases where name = ? and holder = ?", [name, holder])


def holder_of(db: sqlite_utils.Database, name: str) -> str | None:
    """Who holds the lease `name` now, or None."""
    rows = list(db.query("select holder, expires_at from leases where name = ?", [name]))
    if rows and datetime.fromisoformat(rows[0]["expires_at"]) > clock.now():
        return rows[0]["holder"]
    return None
