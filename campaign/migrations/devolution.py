"""Migrations m015_asks_by_nation's and m016_campaign_targets' gifts to the launch
campaign: who decides each ask, and the offices that decide what MPs cannot.

Each launch-campaign ask whose title and paragraph are still as shipped, and that has
no rules yet, gets the campaign's table of who decides it per nation (the shipped
"nations" of campaign/data/launch-campaign.json), recorded in the campaign's history
as the ask after the change. An ask staff have changed is theirs to keep.
"""
from __future__ import annotations

import sqlite_utils

from campaign.campaigns.devolution import rules_snapshot, save_rules
from campaign.campaigns.launch import (
    insert_targets,
    launch_campaign_data,
    shipped_rules,
)
from campaign.campaigns.targets import target_snapshot
from campaign.migrations.wording import record_history

ACTION = "who decides it in each nation set from the campaign's table (migration 15)"


def give_launch_asks_their_nations(db: sqlite_utils.Database) -> None:
    """Store the shipped rules on unchanged launch-campaign asks (inside the migration)."""
    launch = launch_campaign_data()
    shipped = {(ask["title"], ask["paragraph"]): ask.get("nations") or {}
               for ask in launch["asks"]}
    for campaign in list(db.query("select id from campaigns where slug = ?", [launch["slug"]])):
        asks = list(db.query("select * from asks where campaign_id = ? order by position, id",
                             [campaign["id"]]))
        for ask in asks:
            nations = shipped.get((ask["title"], _as_shipped_now(ask)))
            if not nations or db["ask_nations"].count_where("ask_id = ?", [ask["id"]]):
                continue
            rules = shipped_rules(nations)
            save_rules(db, ask["id"], rules)
            snapshot = {"title": ask["title"], "explanation": ask["explanation"] or "",
                        "paragraph": ask["paragraph"], "enabled": bool(ask["enabled"]),
                        "position": ask["position"],
                        "nations": rules_snapshot(rules.values())}
            record_history(db, campaign["id"], "ask", ACTION, snapshot, ask_id=ask["id"])


TARGETS_ACTION = "added with the campaign's second letters (migration 16)"


def give_launch_campaign_its_targets(db: sqlite_utils.Database) -> None:
    """Add the shipped second letters to a launch campaign that has none (m016)."""
    launch = launch_campaign_data()
    for campaign in list(db.query("select id from campaigns where slug = ?", [launch["slug"]])):
        if db["campaign_targets"].count_where("campaign_id = ?", [campaign["id"]]):
            continue
        for target_id in insert_targets(db, campaign["id"], launch.get("targets", [])):
            record_history(db, campaign["id"], "target", TARGETS_ACTION,
                           target_snapshot(db["campaign_targets"].get(target_id)))


def _as_shipped_now(ask: dict) -> str:
    """The ask's paragraph as campaign/data ships it now: issue 29 (migration 30) took
    "First," from one phrasing, which a database from before migration 15 still holds."""
    from campaign.migrations.launch_wording_29 import OPENINGS

    paragraph = ask["paragraph"] or ""
    shipped, corrected = OPENINGS.get((ask["title"], "paragraph"), ("", ""))
    if shipped and paragraph.startswith(shipped):
        return corrected + paragraph[len(shipped):]
    return paragraph
