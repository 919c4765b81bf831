"""Counts the database could not take yet: held, then written once when it can.

A citizen's letter is delivered whatever happens to its count. Counting runs after
the file is made, and the database may refuse the write for a while: another
process holds the write lock longer than we wait, the disk is full, the database's
folder has become read-only. Then the count is held instead of turning the download
into an error: in this process's memory, and as a small file in a folder beside the
database (`<database>-pending/`) so that a restart does not lose it. When that folder
can't be written either (the fault may be the database's folder itself), the file goes
to a second folder outside it (COUNT_SPOOL_PATH; by default one in the system's
temporary folder, named for the database), so a second fault, such as workers being
killed, loses nothing. The next
letter this process counts, and a background thread every few seconds, write what
is held; a count is dropped from the queue only once the database has it.

Writing a count is idempotent (participation.record_download: one row per letter
token, each format noted once), so a held count written twice, by two processes or
after a write whose commit was in doubt, is still counted once.

What is held is only what the participation row holds (campaign, constituency, asks,
day, format, the random letter token, the keyed hash of the reference): nothing
about the person.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import sqlite_utils
from flask import Flask, current_app

from campaign.db import BUSY_TIMEOUT_MS, connect
from campaign.public.participation import LetterCount

log = logging.getLogger(__name__)

# How long a download waits for the write lock before holding its count instead:
# long enough for any ordinary queue of writers, short enough that the citizen
# gets their letter at once when something else holds the database.
COUNT_WAIT_MS = 2_000
# How often the background thread tries to write held counts.
FLUSH_INTERVAL_SECONDS = 5.0


class PendingCounts:
    """One process's held counts for one database, and its spool folder beside it."""

    def __init__(self, database_path: str, forget=lambda campaign_id: None,
                 second_spool: str | Path | None = None):
        self.database_path = database_path
        self.spool = Path(f"{database_path}-pending")
        # Where a held count goes when the first folder can't take it.
        self.second_spool = Path(second_spool) if second_spool else default_second_spool(
            database_path)
        self._forget = forget  # the public counter's: a written count shows at once
        self._held: dict[str, LetterCount] = {}
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self._thread: threading.Thread | None = None
        self._thread_pid = 0

    # Recording -----------------------------------------------------------------

    def record(self, db: sqlite_utils.Database, count: LetterCount) -> bool:
        """Write `count` now if the database takes it within COUNT_WAIT_MS, else hold it.

        Returns True when it was written now. Never raises for the database's sake:
        the letter has already been made and must reach the citizen.
        """
        try:
            with _waiting_at_most(db, COUNT_WAIT_MS):
                first = count.write(db)
        except sqlite3.IntegrityError:
            # A fault in our own data (its campaign gone, say), not the database's state:
            # waiting will not mend it. Said loudly; the letter is delivered all the same.
            _roll_back(db)
            log.exception("A letter's count could not be written and is dropped.")
            return False
        except sqlite3.DatabaseError as error:
            _roll_back(db)
            log.warning("A letter's count is held until the database takes it (%s).", error)
            self.hold(count)
            return False
        if first:
            self._forget(count.campaign_id)
        if self.waiting():
            # The database takes writes again: write what waited, in this request.
            self.flush(db)
        return True

    def hold(self, count: LetterCount) -> None:
        """Keep `count` in memory and in the spool folder until it is written."""
        key = _key(count)
        with self._lock:
            self._held[key] = count
        problem = ""
        for spool in self._spools():
            try:
                spool.mkdir(mode=0o700, parents=spool is self.second_spool, exist_ok=True)
                temporary = spool / f".{key}.{os.getpid()}.tmp"
                temporary.write_text(json.dumps(asdict(count)), encoding="utf-8")
                os.replace(temporary, spool / f"{key}.json")
                break
            except OSError as error:
                problem = error.strerror or str(error)
        else:
            # Both folders refuse (a full disk, say): memory alone keeps it until it can
            # be written, and a killed worker would lose it.
            log.error("A held letter count is kept in memory only (%s).", problem)
        self.start_flusher()

    def _spools(self) -> list[Path]:
        return [self.spool] + ([self.second_spool] if self.second_spool != self.spool else [])

    # Writing what is held -------------------------------------------------------

    def waiting(self) -> bool:
        """Whether any count is held, here or in the spool folder (by any process)."""
        with self._lock:
            if self._held:
                return True
        return bool(self._spooled())

    def flush(self, db: sqlite_utils.Database) -> int:
        """Write the held counts the database takes; return how many were written."""
        if not self._flushing.acquire(blocking=False):
            return 0  # another thread of this process is already writing them
        try:
            return self._flush(db)
        finally:
            self._flushing.release()

    def _flush(self, db: sqlite_utils.Database) -> int:
        with self._lock:
            waiting = dict(self._held)
        for key, path in self._spooled().items():
            if key not in waiting:
                try:
                    waiting[key] = LetterCount.from_dict(json.loads(path.read_text("utf-8")))
                except (OSError, ValueError, TypeError):
                    continue  # gone (written by another process) or half-written
        written = 0
        for key, count in waiting.items():
            try:
                with _waiting_at_most(db, COUNT_WAIT_MS):
                    first = count.write(db)
            except sqlite3.IntegrityError:
                log.error("A held letter count could not be written and is dropped.")
            except sqlite3.DatabaseError:
                _roll_back(db)
                break  # the database still can't take writes: try again later
            else:
                written += 1
                if first:
                    self._forget(count.campaign_id)
            with self._lock:
                self._held.pop(key, None)
            for spool in self._spools():
                try:
                    (spool / f"{key}.json").unlink()
                except OSError:
                    pass  # not there, removed by another process, or read-only
        return written

    def _spooled(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for spool in self._spools():
            try:
                found.update({path.stem: path for path in spool.glob("*.json")})
            except OSError:
                pass
        return found

    def start_flusher(self) -> None:
        """Start this process's background writer if it is not running."""
        with self._lock:
            alive = (self._thread is not None and self._thread_pid == os.getpid()
                     and self._thread.is_alive())
            if alive:
                return
            self._thread = threading.Thread(target=self._flush_until_done,
                                            name="pending-counts", daemon=True)
            self._thread_pid = os.getpid()
            self._thread.start()

    def _flush_until_done(self) -> None:
        stop = threading.Event()
        while self.waiting():
            stop.wait(FLUSH_INTERVAL_SECONDS)
            try:
                db = connect(self.database_path)
            except sqlite3.Error:
                continue
            try:
                self.flush(db)
            except Exception:  # a background thread must not die silently
                log.exception("Writing held letter counts failed; trying again later.")
            finally:
                db.conn.close()
        with self._lock:
            self._thread = None


def default_second_spool(database_path: str) -> Path:
    """The second folder when COUNT_SPOOL_PATH is unset: in the system's temporary
    folder (outside the database's), one per database."""
    name = hashlib.sha256(str(Path(database_path).resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"mp-letters-held-counts-{name}"


def _key(count: LetterCount) -> str:
    """The held count's name: one per letter and format, so holding again replaces it."""
    return hashlib.sha256(f"{count.token}\0{count.fmt}".encode()).hexdigest()[:32]


@contextmanager
def _waiting_at_most(db: sqlite_utils.Database, milliseconds: int):
    db.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
    try:
        yield
    finally:
        try:
            db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error:
            pass


def _roll_back(db: sqlite_utils.Database) -> None:
    """Leave no half-made transaction (a failed COMMIT leaves it open) on the connection."""
    try:
        if db.conn.in_transaction:
            db.conn.rollback()
    except sqlite3.Error:
        pass


def get_pending(app: Flask | None = None) -> PendingCounts:
    """The app's held counts."""
    return (app or current_app).extensions["pending_counts"]


def init_app(app: Flask) -> None:
    """Give `app` its queue of held counts, and write any a past process left behind
    once this process serves its first request."""
    from campaign.public.counter import get_counter

    pending = PendingCounts(app.config["DATABASE_PATH"], forget=get_counter(app).forget,
                            second_spool=app.config.get("COUNT_SPOOL_PATH") or None)
    app.extensions["pending_counts"] = pending
    checked = {"pid": 0}

    @app.before_request
    def _write_counts_left_behind() -> None:
        # Once per process (gunicorn forks after loading the app): one folder listing.
        if checked["pid"] != os.getpid():
            checked["pid"] = os.getpid()
            if pending._spooled():
                pending.start_flusher()
