"""Running the migrations: `migrate()`, `migrated_db()` for commands, `init-db`, and
`check_migrated()`, which keeps a server from serving a database it has not migrated.

Beside the migrations rather than in campaign.db, so that the database module imports
nothing from the application (the migrations write through its `write_transaction`).
Not a migration itself: it may import the application (the clock, the launch campaign).

Migrations run before serving: `init-db` migrates (and seeds the launch campaign), and
every way the site is served runs it first (`make run`, `make serve`, the systemd unit's
ExecStartPre, the Docker image, deploy/mp-letters-reload). gunicorn itself refuses to
start on a database that lacks a migration (gunicorn.conf.py calls `check_migrated`),
with a sentence naming the command, rather than migrating on its own: migrating stays
one deliberate step, taken with its output (and after a backup) before a restart, and
the site's code never has to cope with an older schema.
"""
from __future__ import annotations

from pathlib import Path

import click
import sqlite_utils
from flask import Flask, current_app

from campaign import clock
from campaign.db import connect, get_db
from campaign.migrations import MIGRATIONS, apply


class UnmigratedDatabase(Exception):
    """The database lacks migrations this code needs; the message says what to run."""


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations in order; return the names of those applied. What they
    record in campaigns' histories is dated by the clock in force (campaign.clock)."""
    return apply(db, timestamp=clock.timestamp)


def migrated_db() -> sqlite_utils.Database:
    """The app's database with every migration applied: where each command starts."""
    db = get_db()
    migrate(db)
    return db


def check_migrated(app: Flask) -> None:
    """Raise UnmigratedDatabase, with a sentence, unless `app`'s database has every
    migration. Reads only: the check never writes (a read-only database may serve)."""
    path = app.config["DATABASE_PATH"]
    # An empty file is no database either: start-up makes the file (0600) before SQLite.
    if not Path(path).is_file() or Path(path).stat().st_size == 0:
        raise UnmigratedDatabase(f"There is no database at {path}. Run `flask --app wsgi "
                                 "init-db` to create it, then start the site.")
    db = connect(path)
    try:
        pending = [migration.name for migration in MIGRATIONS.pending(db)]
    finally:
        db.close()
    if pending:
        raise UnmigratedDatabase(
            f"The database at {path} lacks {len(pending)} migration"
            f"{'s' if len(pending) != 1 else ''} this version needs ({', '.join(pending[:3])}"
            f"{', ...' if len(pending) > 3 else ''}). Run `flask --app wsgi init-db` to "
            "migrate it, then start the site.")


@click.command("init-db")
def init_db_command() -> None:
    """Create or migrate the database and load the launch campaign if it is absent."""
    from campaign.campaigns.launch import load_launch_campaign  # the one command that seeds

    db = get_db()
    for name in migrate(db):
        click.echo(f"Applied migration {name}")
    if load_launch_campaign(db):
        click.echo("Loaded the launch campaign.")
    click.echo(f"Database ready at {current_app.config['DATABASE_PATH']}")


def init_app(app: Flask) -> None:
    """Register the init-db command on `app`."""
    app.cli.add_command(init_db_command)
