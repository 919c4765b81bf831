"""The SQLite database: a connection per thread, WAL, a busy timeout, write
transactions, migrations.

Plain tables through sqlite-utils, no ORM. The schema lives in campaign.migrations
as small numbered functions; `migrate()` applies the ones a database has not seen.

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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import sqlite_utils
from flask import current_app, g

# Milliseconds a writer waits for another to finish before "database is locked".
BUSY_TIMEOUT_MS = 10_000


def connect(path: str) -> sqlite_utils.Database:
    """Open the database at `path` with the settings every connection needs."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return sqlite_utils.Database(conn)


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


class ThreadConnections:
    """One open connection per thread and database path, kept between requests."""

    def __init__(self):
        self._local = threading.local()

    def get(self, path: str) -> sqlite_utils.Database:
        held = getattr(self._local, "held", None)
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


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations in order; return the names of those applied."""
    # Imported here: the migrations write through this module's write_transaction.
    from campaign import migrations

    return migrations.apply(db)


def migrated_db() -> sqlite_utils.Database:
    """The app's database with every migration applied: where each command starts."""
    db = get_db()
    migrate(db)
    return db


@click.command("init-db")
def init_db_command() -> None:
    """Create or migrate the database and load the launch campaign if it is absent."""
    from campaign.campaigns.launch import load_launch_campaign

    db = get_db()
    applied = migrate(db)
    for name in applied:
        click.echo(f"Applied migration {name}")
    if load_launch_campaign(db):
        click.echo("Loaded the launch campaign.")
    click.echo(f"Database ready at {current_app.config['DATABASE_PATH']}")


def init_app(app) -> None:
    """Register teardown and the init-db command on `app`."""
    app.extensions["db_connections"] = ThreadConnections()
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
