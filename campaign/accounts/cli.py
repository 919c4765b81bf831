"""`flask --app wsgi users ...`: create, list, disable and enable staff, organiser and
admin accounts (admins can also do all of this in the staff area, /staff/accounts/)."""
from __future__ import annotations

import click
from flask.cli import AppGroup

from campaign.accounts.users import (
    MIN_PASSWORD_LENGTH,
    ROLES,
    UserError,
    create_user,
    disable_user,
    enable_user,
    list_users,
    set_password,
)
from campaign.migrations.runner import migrated_db

users = AppGroup("users", help="Staff, organiser and admin accounts.")


@users.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True,
              help="staff edit campaigns; organisers see counts and exports; admins do "
              "both and manage accounts.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help=f"At least {MIN_PASSWORD_LENGTH} characters. Prompted for when not "
              "given (keeps it out of shell history).")
def create_user_command(email: str, role: str, password: str) -> None:
    """Create an account for EMAIL (the password needs at least 12 characters)."""
    db = migrated_db()
    try:
        user = create_user(db, email, password, role)
    except UserError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {user.role} account for {user.email}.")


@users.command("list")
def list_users_command() -> None:
    """List every account."""
    db = migrated_db()
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
    db = migrated_db()
    try:
        disable_user(db, email)
    except UserError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Disabled {email}.")


@users.command("enable")
@click.argument("email")
def enable_user_command(email: str) -> None:
    """Let a disabled EMAIL sign in again."""
    db = migrated_db()
    try:
        enable_user(db, email)
    except UserError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Enabled {email}.")


@users.command("set-password")
@click.argument("email")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Prompted for when not given (keeps it out of shell history).")
def set_password_command(email: str, password: str) -> None:
    """Give EMAIL a new password; it is signed out everywhere."""
    db = migrated_db()
    try:
        set_password(db, email, password)
    except UserError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Changed the password of {email}; its sessions have ended.")
