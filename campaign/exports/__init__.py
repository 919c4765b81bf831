"""Organisers' counts: the dashboard and file downloads under /staff/counts (`views`), and
`flask export counts` / `export packs` (`cli`). `queries` counts the letters, `charts`
draws them and `files` writes them as CSV and JSON; `pack_figures` counts what each
constituency's evidence pack shows and `packs` draws the packs as PDFs."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the dashboard blueprint and the export command on `app`."""
    from campaign.exports import cli, views

    app.register_blueprint(views.bp)
    app.cli.add_command(cli.export)
