"""Staff and organiser accounts: `users` (creating, checking, disabling), `sign_in` (the
sign-in pages and `role_required`) and `cli` (`flask --app wsgi users ...`)."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Install sign-in (login manager and pages) and the `users` commands on `app`."""
    from campaign.accounts import cli, sign_in

    sign_in.init_app(app)
    app.cli.add_command(cli.users)
