"""The SQLite database: a connection per thread, WAL, a busy timeout, write
transactions. It imports nothing from the application.

Plain tables through sqlite-utils, no ORM. The schema lives in campaign.migrations
as small numbered functions; `campaign.migrations.runner.migrate()` applies the ones
a database has not seen, and holds the `init-db` command.

Each serving thread keeps its connection open between requests instead of opening
one per request. Opening costs a file open and a round of PRAGMAs, and closing the
last connection to a WAL database checkpoints and deletes the WAL file: under load
that was a large share of every request (see benchmarks/load.py). A connection is
never shared between threads, nor carried across a fork.

Writes go through `write_transaction`, which waits its turn instead of failing with
"database is locked". sqlite-utils' `atomic()` opens a deferred transaction. Its
table methods read the schema before they write, so the transaction starts as a
reader and must later upgrade to a writer; when another connection is writing,
SQLite refuses that upgrade at once (SQLITE_BUSY, without waiting out the busy
timeout) to avoid a deadlock. `BEGIN IMMEDIATE` takes the write lock first, so a
second writer simply waits for the busy timeout: one writer at a time, nothing lost.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from flask import current_app, g

# Milliseconds a writer waits for another to finish before "database is locked".
BUSY_TIMEOUT_MS = 10_000
# Seconds a thread keeps a read-only connection before trying to open it writable again.
READ_ONLY_RETRY_SECONDS = 5.0


def connect(path: str) -> sqlite_utils.Database:
    """Open the database at `path` with the settings every connection needs.

    A database that can't be written (a read-only file or folder, or a full disk that
    stops SQLite making its WAL index) is opened read-only instead, so that pages that
    only read still answer; its `read_only_since` says when, and the thread's
    connection is opened afresh a few seconds later in case it is writable again.
    """
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # a read-only place: the database may still be there to read
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # This writes (the first time, and to make the WAL index each time it is opened).
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as error:
        conn.close()
        if not Path(path).is_file() or not _cannot_write(error):
            raise
        db = _connect_read_only(path)
        if db is None:
            raise
        return db
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return sqlite_utils.Database(conn)


class ReadOnlyDatabase(sqlite_utils.Database):
    """A database opened only to read, and since when (time.monotonic())."""

    def __init__(self, conn: sqlite3.Connection):
        super().__init__(conn)
        self.read_only_since = time.monotonic()


# SQLite's primary result codes that mean "this file can't be written here" (as opposed
# to "busy", which waiting mends): SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR,
# SQLITE_FULL, SQLITE_CANTOPEN.
_CANNOT_WRITE = {3, 8, 10, 13, 14}


def _cannot_write(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is None or code & 0xFF in _CANNOT_WRITE


def _connect_read_only(path: str) -> ReadOnlyDatabase | None:
    """The database at `path` opened only to read, or None if even that fails.

    `mode=ro` reads a WAL database whose -wal and -shm files exist (the writers'
    changes included); with neither there and no right to make them, only
    `immutable=1` can read it, which is safe because then nobody can be writing.
    """
    uri = Path(path).resolve().as_uri()
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        conn = sqlite3.connect(uri + query, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            continue
        conn.execute("PRAGMA foreign_keys = ON")
        return ReadOnlyDatabase(conn)
    return None


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
        # Inside the try: a COMMIT that fails (a deferred foreign key, a full disk, a
        # busy database) leaves the transaction open, and it must not stay open (and
        # hold the write lock) for whatever this connection does next.
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def select(db: sqlite_utils.Database, sql: str,
           params: Sequence | dict | None = None) -> list[dict]:
    """The rows of the read-only query `sql`, each a dict of column to value, as
    sqlite-utils' `db.query` gives them, at a third of the statements.

    `db.query` wraps every statement in a SAVEPOINT and its RELEASE, so that one which
    turns out to write without returning rows can be undone; for a plain SELECT that
    guard is two more statements (and a transaction opened and closed), and the
    letter's pages read the campaign, its asks and the register a score of times a
    letter. Only for SELECTs whose columns have distinct names.
    """
    cursor = db.conn.execute(sql, params if params is not None else ())
    keys = [column[0] for column in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor]


def insert_row(db: sqlite_utils.Database, table: str, values: dict) -> int:
    """Insert `values` as a new row of `table` (one with an integer id); return its id."""
    row_id = db.table(table).insert(values).last_pk
    if not isinstance(row_id, int):  # sqlite-utils types it loosely; SQLite gives an int
        raise TypeError(f"{table} gave its new row the id {row_id!r}, not a number")
    return row_id


class ThreadConnections:
    """One open connection per thread and database path, kept between requests."""

    def __init__(self):
        self._local = threading.local()

    def get(self, path: str) -> sqlite_utils.Database:
        held = getattr(self._local, "held", None)
        if held is not None and _read_only_too_long(held[2]):
            self.discard()
            held = None
        if held is None or held[0] != os.getpid() or held[1] != path:
            if held is not None and held[0] == os.getpid():
                held[2].conn.close()
            # A connection inherited through fork() belongs to the parent: never reuse it.
            held = (os.getpid(), path, connect(path))
            self._local.held = held
        return held[2]

    def discard(self) -> None:
        """Close this thread's connection, e.g. after an error left it in doubt."""
        held = getattr(self._local, "held", None)
        self._local.held = None
        if held is not None and held[0] == os.getpid():
            held[2].conn.close()


def _read_only_too_long(db: sqlite_utils.Database) -> bool:
    return (isinstance(db, ReadOnlyDatabase)
            and time.monotonic() - db.read_only_since > READ_ONLY_RETRY_SECONDS)


def get_db() -> sqlite_utils.Database:
    """The request's database connection: this thread's, opened on first use."""
    if "db" not in g:
        pool = current_app.extensions["db_connections"]
        g.db = pool.get(current_app.config["DATABASE_PATH"])
    return g.db


def close_db(_error=None) -> None:
    """End the request's use of the connection; it stays open for the thread's next."""
    db = g.pop("db", None)
    if db is None:
        return
    try:
        if db.conn.in_transaction:
            # A request that failed half-way must not leave its writes pending (and
            # the write lock held) for the next request on this thread.
            db.conn.rollback()
    except sqlite3.Error:
        current_app.extensions["db_connections"].discard()


def init_app(app) -> None:
    """Give `app` its per-thread connections, released after each request."""
    app.extensions["db_connections"] = ThreadConnections()
    app.teardown_appcontext(close_db)
