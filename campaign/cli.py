"""Command-line tools registered on the app: `flask --app wsgi mps refresh`, ..."""
from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from campaign.db import get_db, migrate
from campaign.lookup import parliament, register, register_status
from campaign.lookup.errors import LookupFailure
from campaign.users import (
    MIN_PASSWORD_LENGTH, ROLES, UserError, create_user, disable_user, list_users, set_password,
)

mps = AppGroup("mps", help="The register of sitting MPs.")


@mps.command("refresh")
def refresh_command() -> None:
    """Load every sitting MP from the Members API into the database."""
    db = get_db()
    migrate(db)
    finder = current_app.extensions["mp_finder"]
    try:
        result = register.refresh(db, finder.members)
    except LookupFailure as failure:
        raise click.ClickException(f"The Members API could not be read: {failure.message}")
    if not result.replaced:
        if result.dissolved:
            click.echo("Marked Parliament as dissolved: the site now says so and offers no "
                       "letter form until a refresh finds the new Parliament's MPs.")
        raise click.ClickException(
            f"Kept the register loaded at {register.refreshed_at(db) or '(never)'}: "
            f"{result.refused_because}.")
    click.echo(f"Loaded {result.loaded} sitting MPs at {register.refreshed_at(db)}.")
    for change in result.changes:
        click.echo(f"  {change}")
    if result.changes:
        click.echo(f"{len(result.changes)} seat{'s' if len(result.changes) != 1 else ''} changed.")
    unknown = register_status.seats_not_shipped(db)
    if unknown:
        seats = "1 seat is" if len(unknown) == 1 else f"{len(unknown)} seats are"
        click.echo(f"Warning: {seats} not among the shipped 2024 "
                   f"constituencies (e.g. {', '.join(unknown[:3])}): new boundaries?")
    if result.reopened:
        click.echo("Parliament is sitting again: letters can be written.")
    elif parliament.state(db).dissolved:
        click.echo("Parliament is still marked dissolved by staff: run `flask --app wsgi "
                   "parliament sitting` once the new Parliament meets.")


@click.command("parliament")
@with_appcontext
@click.argument("new_state", required=False, type=click.Choice(parliament.STATES))
def parliament_command(new_state: str | None) -> None:
    """Say whether Parliament is sitting or dissolved (no argument: show which)."""
    db = get_db()
    migrate(db)
    if new_state:
        parliament.set_state(db, new_state, parliament.BY_STAFF)
    current = parliament.state(db)
    said = f" (set by {current.set_by} at {current.changed_at})" if current.set_by else ""
    click.echo(f"Parliament is {current.state}{said}.")
    if current.dissolved:
        click.echo("The site says so and offers no letter form.")


users = AppGroup("users", help="Staff and organiser accounts.")


@users.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True,
              help="staff edit campaigns; organisers see counts and exports.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help=f"At least {MIN_PASSWORD_LENGTH} characters. Prompted for when not "
              "given (keeps it out of shell history).")
def create_user_command(email: str, role: str, password: str) -> None:
    """Create an account for EMAIL (the password needs at least 12 characters)."""
    db = get_db()
    migrate(db)
    try:
        user = create_user(db, email, password, role)
    except UserError as error:
        raise click.ClickException(str(error))
    click.echo(f"Created {user.role} account for {user.email}.")


@users.command("list")
def list_users_command() -> None:
    """List every account."""
    db = get_db()
    migrate(db)
    rows = list_users(db)
    if not rows:
        click.echo("There are no accounts yet. Make one with: flask --app wsgi users create "
                   "EMAIL --role staff")
        return
    for row in rows:
        state = "active" if row["active"] else "disabled"
        click.echo(f"{row['email']}\t{row['role']}\t{state}\tlast login: "
                   f"{row['last_login_at'] or 'never'}")


@users.command("disable")
@click.argument("email")
def disable_user_command(email: str) -> None:
    """Stop EMAIL from signing in."""
    db = get_db()
    migrate(db)
    try:
        disable_user(db, email)
    except UserError as error:
        raise click.ClickException(str(error))
    click.echo(f"Disabled {email}.")


@users.command("set-password")
@click.argument("email")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Prompted for when not given (keeps it out of shell history).")
def set_password_command(email: str, password: str) -> None:
    """Give EMAIL a new password; it is signed out everywhere."""
    db = get_db()
    migrate(db)
    try:
        set_password(db, email, password)
    except UserError as error:
        raise click.ClickException(str(error))
    click.echo(f"Changed the password of {email}; its sessions have ended.")


def init_app(app: Flask) -> None:
    """Register the command groups on `app`."""
    app.cli.add_command(mps)
    app.cli.add_command(parliament_command)
    app.cli.add_command(users)
