"""Staff and organiser accounts: creating, checking and disabling them.

Passwords are hashed with werkzeug's scrypt. There is no self-registration: accounts
are made from the command line (`flask --app wsgi users create`).

Each account has a session version, carried in its signed-in sessions (campaign/accounts/sign_in.py).
Signing out, disabling the account and changing its password bump it, which ends every
session signed in before, even a copied cookie.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils
from werkzeug.security import check_password_hash, generate_password_hash

from campaign.clock import timestamp
from campaign.db import write_transaction

ROLES = ("staff", "organiser")
MIN_PASSWORD_LENGTH = 12

# Checked against when the email address is unknown, so a wrong address takes as long as a
# wrong password and the timing does not reveal which accounts exist.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


class UserError(ValueError):
    """A request about accounts that cannot be done; the message says why."""


@dataclass(frozen=True)
class User:
    """A signed-in person, as Flask-Login needs them."""

    id: int
    email: str
    role: str
    active: bool
    session_version: int = 0

    # Flask-Login's interface
    @property
    def is_active(self) -> bool:
        return self.active

    is_authenticated = True
    is_anonymous = False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def can_edit(self) -> bool:
        """Staff edit campaigns; organisers only see counts."""
        return self.role == "staff"


def _user(row: dict) -> User:
    return User(id=row["id"], email=row["email"], role=row["role"], active=bool(row["active"]),
                session_version=row.get("session_version") or 0)


def normalise_email(email: str) -> str:
    """The form an e-mail is stored and counted in: no surrounding space, lower case."""
    return email.strip().lower()


def create_user(db: sqlite_utils.Database, email: str, password: str, role: str) -> User:
    """Make an account; raise UserError for a bad role, short password or taken email address."""
    email = normalise_email(email)
    if role not in ROLES:
        raise UserError(f"Role must be one of: {', '.join(ROLES)}.")
    if "@" not in email:
        raise UserError("That is not an email address.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    if db["users"].count_where("email = ?", [email]):
        raise UserError(f"There is already an account for {email}.")
    now = timestamp()
    with write_transaction(db):
        user_id = db["users"].insert({
            "email": email, "password_hash": generate_password_hash(password), "role": role,
            "active": 1, "created_at": now,
        }).last_pk
    return get_user(db, user_id)


def get_user(db: sqlite_utils.Database, user_id) -> User | None:
    """The account with `user_id`, or None."""
    rows = list(db.query("select * from users where id = ?", [user_id]))
    return _user(rows[0]) if rows else None


def authenticate(db: sqlite_utils.Database, email: str, password: str) -> User | None:
    """The active account these credentials open, or None (never says which part was wrong)."""
    rows = list(db.query("select * from users where email = ?", [normalise_email(email)]))
    if not rows:
        check_password_hash(_DUMMY_HASH, password)
        return None
    row = rows[0]
    if not check_password_hash(row["password_hash"], password) or not row["active"]:
        return None
    with write_transaction(db):
        db["users"].update(row["id"], {
            "last_login_at": timestamp()})
    return _user(row)


def list_users(db: sqlite_utils.Database) -> list[dict]:
    """Every account, without password hashes."""
    return list(db.query(
        "select email, role, active, created_at, last_login_at from users order by email"))


def disable_user(db: sqlite_utils.Database, email: str) -> None:
    """Stop an account signing in and end its sessions (its history stays attributable)."""
    _update_by_email(db, email, "active = 0")


def set_password(db: sqlite_utils.Database, email: str, password: str) -> None:
    """Give an account a new password and end its sessions."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    _update_by_email(db, email, "password_hash = ?", [generate_password_hash(password)])


def end_sessions(db: sqlite_utils.Database, user_id: int) -> None:
    """Make every session this account signed in before invalid (signing out)."""
    with write_transaction(db):
        db.execute("update users set session_version = session_version + 1 where id = ?",
                   [user_id])


def _update_by_email(db: sqlite_utils.Database, email: str, assignments: str,
                     values: list | None = None) -> None:
    with write_transaction(db):
        cursor = db.execute(
            f"update users set {assignments}, session_version = session_version + 1"
            " where email = ?", [*(values or []), normalise_email(email)])
    if not cursor.rowcount:
        raise UserError(f"There is no account for {email}.")
