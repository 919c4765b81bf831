"""Command-line tools registered on the app: `flask --app wsgi mps refresh`, ..."""
from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from campaign.db import get_db, migrate
from campaign.lookup import register
from campaign.lookup.errors import LookupFailure

mps = AppGroup("mps", help="The register of sitting MPs.")


@mps.command("refresh")
def refresh_command() -> None:
    """Load every sitting MP from the Members API into the database."""
    db = get_db()
    migrate(db)
    finder = current_app.extensions["mp_finder"]
    try:
        count = register.refresh(db, finder.members)
    except LookupFailure as failure:
        raise click.ClickException(f"The Members API could not be read: {failure.message}")
    click.echo(f"Loaded {count} sitting MPs at {register.refreshed_at(db)}.")


def init_app(app: Flask) -> None:
    """Register the command groups on `app`."""
    app.cli.add_command(mps)
