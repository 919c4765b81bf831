"""Staff, organiser and admin accounts: `users` (creating, checking, disabling, their
history), `sign_in` (the sign-in pages and `role_required`), `admin` (admins manage
accounts in the staff area) and `cli` (`flask --app wsgi users ...`)."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Install sign-in (login manager and pages) and the `users` commands on `app`."""
    from campaign.accounts import admin, cli, sign_in

    sign_in.init_app(app)
    app.register_blueprint(admin.bp)
    app.cli.add_command(cli.users)
