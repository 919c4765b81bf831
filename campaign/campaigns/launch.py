"""The launch campaign, shipped with the site so a new install shows something real."""
from __future__ import annotations

import json
from importlib import resources

import sqlite_utils

from campaign.clock import timestamp
from campaign.db import write_transaction

LAUNCH_CAMPAIGN = "launch-campaign.json"


def launch_campaign_data() -> dict:
    """The launch campaign as shipped in campaign/data."""
    text = resources.files("campaign").joinpath("data", LAUNCH_CAMPAIGN).read_text("utf-8")
    return json.loads(text)


def load_launch_campaign(db: sqlite_utils.Database) -> bool:
    """Insert the launch campaign unless a campaign with its slug exists; True if loaded."""
    data = launch_campaign_data()
    if db["campaigns"].count_where("slug = ?", [data["slug"]]):
        return False
    now = timestamp()
    asks = data.pop("asks")
    with write_transaction(db):
        campaign_id = db["campaigns"].insert(
            {**data, "created_at": now, "updated_at": now}
        ).last_pk
        db["asks"].insert_all(
            {**ask, "campaign_id": campaign_id, "position": position, "enabled": 1}
            for position, ask in enumerate(asks, start=1)
        )
    return True
