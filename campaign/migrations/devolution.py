"""Migrations m015_asks_by_nation's and m016_campaign_targets' gifts to the launch
campaign: who decides each ask, and the offices that decide what MPs cannot.

Each launch-campaign ask whose title and paragraph are still as shipped, and that has
no rules yet, gets the campaign's table of who decides it per nation (the shipped
"nations", frozen in `launch_at_m015`), recorded in the campaign's history as the ask
after the change. An ask staff have changed is theirs to keep.
"""
from __future__ import annotations

import json

import sqlite_utils

from campaign.db import insert_row
from campaign.migrations.history import record_history
from campaign.migrations.launch_at_m015 import LAUNCH_AT_M015
from campaign.migrations.rules import rules_snapshot, save_rules, shipped_rules

ACTION = "who decides it in each nation set from the campaign's table (migration 15)"
# The columns a target's history entry records (campaign.campaigns.targets.TARGET_FIELDS
# when migrations were frozen: a later change there must not change this record).
_TARGET_FIELDS = ("office", "holder", "salutation", "address", "email", "nations", "opening",
                  "closing", "subject", "ask_paragraphs")


def give_launch_asks_their_nations(db: sqlite_utils.Database) -> None:
    """Store the shipped rules on unchanged launch-campaign asks (inside the migration)."""
    launch = LAUNCH_AT_M015
    shipped = {(ask["title"], ask["paragraph"]): ask.get("nations") or {}
               for ask in launch["asks"]}
    for campaign in list(db.query("select id from campaigns where slug = ?", [launch["slug"]])):
        asks = list(db.query("select * from asks where campaign_id = ? order by position, id",
                             [campaign["id"]]))
        for ask in asks:
            nations = shipped.get((ask["title"], ask["paragraph"]))
            if not nations or db["ask_nations"].count_where("ask_id = ?", [ask["id"]]):
                continue
            rules = shipped_rules(nations)
            save_rules(db, ask["id"], rules)
            snapshot = {"title": ask["title"], "explanation": ask["explanation"] or "",
                        "paragraph": ask["paragraph"], "enabled": bool(ask["enabled"]),
                        "position": ask["position"], "nations": rules_snapshot(rules)}
            record_history(db, campaign["id"], "ask", ACTION, snapshot, ask_id=ask["id"])


TARGETS_ACTION = "added with the campaign's second letters (migration 16)"


def give_launch_campaign_its_targets(db: sqlite_utils.Database) -> None:
    """Add the shipped second letters to a launch campaign that has none (m016)."""
    launch = LAUNCH_AT_M015
    for campaign in list(db.query("select id from campaigns where slug = ?", [launch["slug"]])):
        if db["campaign_targets"].count_where("campaign_id = ?", [campaign["id"]]):
            continue
        for target_id in _insert_targets(db, campaign["id"], launch["targets"]):
            row = db.table("campaign_targets").get(target_id)
            record_history(db, campaign["id"], "target", TARGETS_ACTION,
                           {"target_id": row["id"],
                            **{name: row[name] or "" for name in _TARGET_FIELDS}})


def _insert_targets(db: sqlite_utils.Database, campaign_id: int,
                    targets: list[dict]) -> list[int]:
    """Insert shipped targets (their "address" a list of lines, "nations" a list of GSS
    letters, "ask_paragraphs" keyed by ask title); return their ids."""
    ask_ids = {row["title"]: row["id"] for row in db.query(
        "select id, title from asks where campaign_id = ?", [campaign_id])}
    ids = []
    for position, target in enumerate(targets, start=1):
        paragraphs = {str(ask_ids[title]): text
                      for title, text in target.get("ask_paragraphs", {}).items()
                      if title in ask_ids}
        ids.append(insert_row(db, "campaign_targets", {
            **target, "campaign_id": campaign_id, "position": position,
            "address": "\n".join(target["address"]), "nations": ",".join(target["nations"]),
            "ask_paragraphs": json.dumps(paragraphs, ensure_ascii=False)}))
    return ids
