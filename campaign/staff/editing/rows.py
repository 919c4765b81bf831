"""The campaign or ask an edit changes, read as it is now (campaign.campaigns.tables),
or NotFound."""
from __future__ import annotations

import sqlite_utils

from campaign.campaigns import tables
from campaign.staff.editing.refusals import NotFound


def campaign_row(db: sqlite_utils.Database, campaign_id: int) -> dict:
    """The campaign's row as it is now; NotFound if there is none."""
    row = tables.campaign_row(db, campaign_id)
    if row is None:
        raise NotFound(f"no campaign {campaign_id}")
    return row


def ask_row(db: sqlite_utils.Database, campaign_id: int, ask_id: int) -> dict:
    """The ask's row as it is now; NotFound if the campaign has no such ask."""
    row = tables.ask_row(db, campaign_id, ask_id)
    if row is None:
        raise NotFound(f"no ask {ask_id} in campaign {campaign_id}")
    return row
