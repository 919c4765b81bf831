"""Whether the preview offers "Post it for me", for its template (`post_it_offer`).

Costs nothing while POST_PROVIDER is empty; otherwise one small query of the budget.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from campaign.clock import today
from campaign.db import get_db
from campaign.posting import budget
from campaign.posting.provider import FIRST, Recipient

#: Working days a letter takes, as Royal Mail's targets for each class (plus printing).
ARRIVAL_DAYS = {FIRST: (1, 3), "second": (2, 4)}


@dataclass(frozen=True)
class Offer:
    """The button's facts: the class of post and the working days it takes."""

    post_class: str
    days: tuple[int, int]


def arrival_days(post_class: str) -> tuple[int, int]:
    """(fewest, most) working days to arrive by `post_class`."""
    return ARRIVAL_DAYS.get(post_class, ARRIVAL_DAYS["second"])


def post_it_offer(campaign, letter) -> Offer | None:
    """The offer for `letter` in `campaign`, or None: posting off, the budget or today's
    cap spent, or a letter without a postal address."""
    if not current_app.config.get("POST_PROVIDER") or campaign is None or letter is None:
        return None
    if campaign.is_closed:
        return None
    try:
        Recipient.from_block(tuple(letter.recipient_lines))
    except ValueError:
        return None
    db = get_db()
    settings = budget.settings_for(db, campaign.id)
    if budget.has_room(settings, *budget.counts(db, campaign.id, today())):
        return None
    return Offer(settings.post_class, arrival_days(settings.post_class))
