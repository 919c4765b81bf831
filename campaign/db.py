"""The SQLite database: one connection per request, WAL, a busy timeout, migrations.

Plain tables through sqlite-utils, no ORM. The schema lives in campaign.migrations
as small numbered functions; `migrate()` applies the ones a database has not seen.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import click
import sqlite_utils
from flask import current_app, g

from campaign import migrations

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


def get_db() -> sqlite_utils.Database:
    """The request's database connection, opened on first use."""
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE_PATH"])
    return g.db


def close_db(_error=None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.conn.close()


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations in order; return the names of those applied."""
    return migrations.apply(db)


@click.command("init-db")
def init_db_command() -> None:
    """Create or migrate the database and load the launch campaign if it is absent."""
    from campaign.seed import load_launch_campaign

    db = get_db()
    applied = migrate(db)
    for name in applied:
        click.echo(f"Applied migration {name}")
    if load_launch_campaign(db):
        click.echo("Loaded the launch campaign.")
    click.echo(f"Database ready at {current_app.config['DATABASE_PATH']}")


def init_app(app) -> None:
    """Register teardown and the init-db command on `app`."""
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
