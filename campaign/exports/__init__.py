"""Organisers' counts: the dashboard and file downloads under /staff/counts, and the
`flask export counts` command. The figures come from campaign.counts."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the dashboard blueprint and the export command on `app`."""
    from campaign.exports import cli, views

    app.register_blueprint(views.bp)
    app.cli.add_command(cli.export)
