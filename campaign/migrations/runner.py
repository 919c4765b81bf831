"""Running the migrations: `migrate()`, `migrated_db()` for commands, and `init-db`.

Beside the migrations rather than in campaign.db, so that the database module imports
nothing from the application (the migrations write through its `write_transaction`).
"""
from __future__ import annotations

import click
import sqlite_utils
from flask import Flask, current_app

from campaign import clock
from campaign.db import get_db
from campaign.migrations import apply


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations in order; return the names of those applied. What they
    record in campaigns' histories is dated by the clock in force (campaign.clock)."""
    return apply(db, timestamp=clock.timestamp)


def migrated_db() -> sqlite_utils.Database:
    """The app's database with every migration applied: where each command starts."""
    db = get_db()
    migrate(db)
    return db


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
