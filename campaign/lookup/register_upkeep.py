"""The site keeps its own MP register fresh: a background refresh, one at a time.

Every lookup asks `RegisterUpkeep.check()`, which costs nothing most of the time
(a clock comparison). Every few seconds it reads the register's age; once the
register is three quarters of MP_REGISTER_MAX_AGE old (or was never loaded) the
worker that wins the SQLite lease refreshes it in a background thread, so the
citizen whose lookup noticed is not kept waiting and, while the Members API is
up, no row ever reaches the age at which it would have to be re-checked on
demand. The lease stops the other threads, gunicorn workers and processes from
refreshing at the same time; after a failed or refused refresh it is kept a
while longer, so a Members API that is down is not asked again on every request.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import uuid

import sqlite_utils

from campaign import clock as clocks
from campaign.db import connect
from campaign.lookup import leases, register
from campaign.lookup.errors import LookupFailure
from campaign.lookup.members_api import MembersAPI

LEASE = "mp-register-refresh"
# 33 pages at up to ~5 s each; a refresh that outlives this is presumed dead.
LEASE_SECONDS = 300.0
REFRESH_AT = 0.75  # of the max age
CHECK_EVERY = 5.0  # seconds between looks at the register's age, per process
REFRESHED_BY = "the site itself, in the background"  # as staff read it on their home page

log = logging.getLogger(__name__)


class RegisterUpkeep:
    """Starts a background refresh of the register when it is getting old."""

    def __init__(self, database_path: str, members: MembersAPI, max_age: float,
                 enabled: bool = True, clock: clocks.Clock = clocks.SYSTEM,
                 max_changes: int = register.DEFAULT_MAX_CHANGES):
        self.database_path = database_path
        self.max_changes = max_changes
        # The app's clock: the refresh thread has no app to ask for it.
        self.clock = clock
        self.members = members
        self.max_age = max_age
        self.enabled = enabled
        self.retry_seconds = max(1.0, min(300.0, max_age / 4))
        self._check_every = min(CHECK_EVERY, max_age / 10)
        self._next_check = 0.0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def check(self, db: sqlite_utils.Database) -> bool:
        """Start a background refresh if one is due and ours to run; True if started."""
        if not self.enabled:
            return False
        now = self.clock.monotonic()
        with self._lock:
            if now < self._next_check or (self._thread and self._thread.is_alive()):
                return False
            self._next_check = now + self._check_every
        if not self._due(db):
            return False
        holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        if not leases.acquire(db, LEASE, holder, LEASE_SECONDS):
            return False
        if not self._due(db):
            # Another worker refreshed between our look and our lease (it writes the
            # register before giving the lease back): nothing left to do.
            leases.release(db, LEASE, holder)
            return False
        thread = threading.Thread(target=self._refresh, args=(holder,),
                                  name="mp-register-refresh", daemon=True)
        with self._lock:
            self._thread = thread
        thread.start()
        return True

    def _due(self, db: sqlite_utils.Database) -> bool:
        age = register.age_seconds(db)
        return age is None or age >= self.max_age * REFRESH_AT

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a running background refresh to end (tests, shutdown)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _refresh(self, holder: str) -> None:
        with clocks.running_on(self.clock):
            self._refresh_on_clock(holder)

    def _refresh_on_clock(self, holder: str) -> None:
        db = connect(self.database_path)
        try:
            try:
                # The same checks as `mps refresh`: a held list is logged (as an
                # error) and shown to staff; only an admin's --accept-changes loads it.
                result = register.refresh(db, self.members, by=REFRESHED_BY,
                                          max_changes=self.max_changes)
            except LookupFailure as failure:
                log.warning("Background register refresh failed: %s", failure.message)
                leases.hold_until(db, LEASE, holder, self.retry_seconds)
                return
            if result.replaced:
                for change in result.changes:
                    log.info("MP register: %s", change)
                log.info("MP register refreshed in the background: %d sitting MPs",
                         result.loaded)
                # New MPs have no email yet; the others keep theirs (a full re-check of
                # every email is `mps refresh`'s job).
                found, failed = register.refresh_emails(db, self.members, only_missing=True)
                log.info("MP emails fetched in the background: %d found, %d failed",
                         found, failed)
                leases.release(db, LEASE, holder)
            else:
                leases.hold_until(db, LEASE, holder, self.retry_seconds)
        except Exception:  # a background thread has nobody else to report to
            log.exception("Background register refresh crashed")
        finally:
            db.conn.close()
