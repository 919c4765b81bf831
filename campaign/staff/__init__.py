"""The campaign staff workspace: editing campaigns, asks and wording, with preview and history."""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the staff workspace on `app`."""
    from campaign.staff import target_views, views

    app.register_blueprint(views.bp)
    app.register_blueprint(target_views.bp)
