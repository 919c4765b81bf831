"""Staff and organiser accounts: creating, checking and disabling them.

Passwords are hashed with werkzeug's scrypt. There is no self-registration: accounts
are made by an admin in the staff area (campaign/accounts/admin.py) or from the command
line (`flask --app wsgi users create`). Every change to an account, and every sign-in,
is written to `account_events`, which the admin pages show as the account's history.

Roles: staff write campaigns, organisers see counts, admins do both and manage accounts.

Each account has a session version, carried in its signed-in sessions (campaign/accounts/sign_in.py).
Signing out, disabling the account and changing its password bump it, which ends every
session signed in before, even a copied cookie.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass

import sqlite_utils
from werkzeug.security import check_password_hash, generate_password_hash

from campaign.clock import timestamp
from campaign.db import insert_row, write_transaction

ROLES = ("staff", "organiser", "admin")
ROLE_DESCRIPTIONS = {
    "staff": "writes and edits campaigns, and sees their counts",
    "organiser": "sees each campaign's counts and downloads them",
    "admin": "does what staff do, and manages accounts",
}
MIN_PASSWORD_LENGTH = 12
# Passwords made for someone else (shown once, to be passed on): no 0/O, 1/l/I to misread.
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

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
        """Staff (and admins) edit campaigns; organisers only see counts."""
        return self.has_role("staff")

    @property
    def can_manage_accounts(self) -> bool:
        """Only admins make, disable and reset accounts."""
        return self.role == "admin"

    def has_role(self, *roles: str) -> bool:
        """True when the account may do what any of `roles` may: admins may do all."""
        return self.role == "admin" or self.role in roles


@dataclass(frozen=True)
class Actor:
    """Who changed an account, as its history names them: a signed-in admin, or None
    for the command line."""

    id: int | None
    email: str


COMMAND_LINE = Actor(id=None, email="the command line")


def _user(row: dict) -> User:
    return User(id=row["id"], email=row["email"], role=row["role"], active=bool(row["active"]),
                session_version=row.get("session_version") or 0)


def normalise_email(email: str) -> str:
    """The form an e-mail is stored and counted in: no surrounding space, lower case."""
    return email.strip().lower()


def generate_password() -> str:
    """A new random password to pass on: 20 characters in four groups, easy to read out."""
    groups = ("".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(5)) for _ in range(4))
    return "-".join(groups)


def record_event(db: sqlite_utils.Database, user_id: int, email: str, action: str,
                 actor: Actor) -> None:
    """Write one line of an account's history (inside the caller's transaction)."""
    db.table("account_events").insert({
        "user_id": user_id, "user_email": email, "action": action,
        "actor_id": actor.id, "actor_email": actor.email, "at": timestamp()})


def create_user(db: sqlite_utils.Database, email: str, password: str, role: str,
                actor: Actor = COMMAND_LINE) -> User:
    """Make an account; raise UserError for a bad role, short password or taken email address."""
    email = normalise_email(email)
    if role not in ROLES:
        raise UserError(f"Role must be one of: {', '.join(ROLES)}.")
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        raise UserError("That is not an email address: it needs an @, like name@example.org.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    password_hash = generate_password_hash(password)
    with write_transaction(db):
        # Checked inside the write lock: two admins making the same account at once
        # must not both pass the check.
        if db["users"].count_where("email = ?", [email]):
            raise UserError(f"There is already an account for {email}.")
        user_id = insert_row(db, "users", {
            "email": email, "password_hash": password_hash, "role": role,
            "active": 1, "created_at": timestamp(),
        })
        record_event(db, user_id, email, f"created as {role}", actor)
    user = get_user(db, user_id)
    assert user is not None  # made just now
    return user


def email_taken(db: sqlite_utils.Database, email: str) -> bool:
    """Whether an account already signs in with `email` (as create_user compares them)."""
    return bool(db["users"].count_where("email = ?", [normalise_email(email)]))


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
        db.table("users").update(row["id"], {
            "last_login_at": timestamp()})
        record_event(db, row["id"], row["email"], "signed in",
                     Actor(id=row["id"], email=row["email"]))
    return _user(row)


def list_users(db: sqlite_utils.Database) -> list[dict]:
    """Every account, without password hashes."""
    return list(db.query(
        "select id, email, role, active, created_at, last_login_at from users order by email"))


def account_history(db: sqlite_utils.Database, user_id: int, limit: int = 100) -> list[dict]:
    """An account's history, newest first: changes made to it and its sign-ins."""
    return list(db.query(
        "select action, actor_email, at from account_events where user_id = ?"
        " order by id desc limit ?", [user_id, limit]))


def _refuse_last_admin(db: sqlite_utils.Database, email: str) -> None:
    # Without an active admin nobody could manage accounts from the web again.
    row = next(db.query("select role, active from users where email = ?", [email]), None)
    if row and row["role"] == "admin" and row["active"] and db["users"].count_where(
            "role = 'admin' and active = 1 and email != ?", [email]) == 0:
        raise UserError(f"{email} is the last active admin: make another account an admin "
                        "before disabling this one.")


def disable_user(db: sqlite_utils.Database, email: str, actor: Actor = COMMAND_LINE) -> None:
    """Stop an account signing in and end its sessions (its history stays attributable).
    The last active admin cannot be disabled."""
    _update_by_email(db, email, "active = 0", action="disabled", actor=actor,
                     check=_refuse_last_admin)


def set_role(db: sqlite_utils.Database, email: str, role: str,
             actor: Actor = COMMAND_LINE) -> None:
    """Change what an account may do (one of ROLES) and end its sessions, so it signs in
    again with the new role. The last active admin cannot stop being one."""
    if role not in ROLES:
        raise UserError(f"An account is one of {', '.join(ROLES)}; not {role!r}.")

    def check(db: sqlite_utils.Database, email: str) -> None:
        row = next(db.query("select role from users where email = ?", [email]), None)
        if row and row["role"] == role:
            raise UserError(f"{email} is already {_a(role)} account.")
        if role != "admin":
            try:
                _refuse_last_admin(db, email)
            except UserError:
                raise UserError(f"{email} is the last active admin: make another account "
                                "an admin before changing this one's role.") from None

    _update_by_email(db, email, "role = ?", [role], action=f"made {_a(role)} account",
                     actor=actor, check=check)


def _a(role: str) -> str:
    """The role with its article: "an organiser", "a staff"."""
    return f"{'an' if role[:1] in 'aeiou' else 'a'} {role}"


def enable_user(db: sqlite_utils.Database, email: str, actor: Actor = COMMAND_LINE) -> None:
    """Let a disabled account sign in again (with the password it had)."""
    _update_by_email(db, email, "active = 1", action="enabled again", actor=actor)


def set_password(db: sqlite_utils.Database, email: str, password: str,
                 actor: Actor = COMMAND_LINE) -> None:
    """Give an account a new password and end its sessions."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    _update_by_email(db, email, "password_hash = ?", [generate_password_hash(password)],
                     action="given a new password", actor=actor)


def end_sessions(db: sqlite_utils.Database, user_id: int) -> None:
    """Make every session this account signed in before invalid (signing out)."""
    with write_transaction(db):
        db.execute("update users set session_version = session_version + 1 where id = ?",
                   [user_id])


def _update_by_email(db: sqlite_utils.Database, email: str, assignments: str,
                     values: list | None = None, *, action: str, actor: Actor,
                     check=None) -> None:
    email = normalise_email(email)
    with write_transaction(db):
        if check is not None:  # inside the write lock, so two admins cannot race past it
            check(db, email)
        cursor = db.execute(
            f"update users set {assignments}, session_version = session_version + 1"
            " where email = ?", [*(values or []), email])
        if not cursor.rowcount:
            raise UserError(f"There is no account for {email}.")
        user_id = next(db.query("select id from users where email = ?", [email]))["id"]
        record_event(db, user_id, email, action, actor)
