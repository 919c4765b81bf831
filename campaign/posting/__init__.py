""""Post it for me" (issue 31): a campaign pays a print-and-post service to post a
writer's letter, within a budget it sets.

`provider` (what a service is) and `stannp` (the Stannp adapter); `budget` (settings,
reservations, statuses: nothing personal); `service` (one letter, once); `journey`
(the one seam into the citizen's journey); `offer` (whether the preview offers it);
`views` (the writer's button and the webhook), `staff_views`, `records` and `cli`.
"""
from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the blueprints, the `post` command and the preview's `post_it_offer`."""
    from campaign.posting import cli, offer, staff_views, views

    app.register_blueprint(views.bp)
    app.register_blueprint(staff_views.bp)
    # Signed by Stannp, not by our form: the webhook has no CSRF token to give.
    app.extensions["csrf"].exempt(views.stannp_webhook)
    app.cli.add_command(cli.post)
    app.add_template_global(offer.post_it_offer, "post_it_offer")
