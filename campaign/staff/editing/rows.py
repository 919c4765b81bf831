"""The campaign or ask an edit changes, read as it is now, or NotFound."""
from __future__ import annotations

import sqlite_utils

from campaign.clock import timestamp
from campaign.staff.editing.refusals import NotFound


def campaign_row(db: sqlite_utils.Database, campaign_id: int) -> dict:
    """The campaign's row as it is now; NotFound if there is none."""
    rows = list(db.query("select * from campaigns where id = ?", [campaign_id]))
    if not rows:
        raise NotFound(f"no campaign {campaign_id}")
    return rows[0]


def ask_row(db: sqlite_utils.Database, campaign_id: int, ask_id: int) -> dict:
    """The ask's row as it is now; NotFound if the campaign has no such ask."""
    rows = list(db.query("select * from asks where id = ? and campaign_id = ?",
                         [ask_id, campaign_id]))
    if not rows:
        raise NotFound(f"no ask {ask_id} in campaign {campaign_id}")
    return rows[0]


def touch(db: sqlite_utils.Database, campaign_id: int) -> None:
    """Mark the campaign changed now (an ask of it was changed)."""
    db["campaigns"].update(campaign_id, {"updated_at": timestamp()})
