"""MPs' stances on a campaign: staff mark them one at a time or from a CSV (`views`,
`records`, `csv_import`), letters read them (`records.stance_of`) and the organisers'
counts group letters by them (campaign.exports.queries.by_stance)."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the stances pages on `app`."""
    from campaign.stances import views

    app.register_blueprint(views.bp)
