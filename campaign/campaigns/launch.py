"""The launch campaign, shipped with the site so a new install shows something real."""
from __future__ import annotations

import json
from importlib import resources

import sqlite_utils

from campaign.campaigns.devolution import save_rules
from campaign.campaigns.tables import ask_rows, insert_ask, insert_campaign, slug_taken
from campaign.campaigns.translations import translated_columns
from campaign.clock import timestamp
from campaign.db import insert_row, write_transaction
from letters.devolution import NationRule
from letters.nations import Nation

LAUNCH_CAMPAIGN = "launch-campaign.json"


def launch_campaign_data() -> dict:
    """The launch campaign as shipped in campaign/data."""
    text = resources.files("campaign").joinpath("data", LAUNCH_CAMPAIGN).read_text("utf-8")
    return json.loads(text)


def load_launch_campaign(db: sqlite_utils.Database) -> bool:
    """Insert the launch campaign unless a campaign with its slug exists; True if loaded.

    Its texts come in English and translated (the file's "<name>_cy" keys go to the
    columns of migration m020), so a new install offers it translated from the start."""
    data = launch_campaign_data()
    if slug_taken(db, data["slug"]):
        return False
    now = timestamp()
    asks = data.pop("asks")
    targets = data.pop("targets", [])
    with write_transaction(db):
        campaign_id = insert_campaign(db, {**data, "created_at": now, "updated_at": now})
        for position, ask in enumerate(asks, start=1):
            ask = dict(ask)
            nations = ask.pop("nations", {})
            ask_id = insert_ask(
                db, {**ask, "campaign_id": campaign_id, "position": position, "enabled": 1})
            save_rules(db, ask_id, shipped_rules(nations),
                       translated=shipped_rules_translated(nations))
        insert_targets(db, campaign_id, targets)
    return True


def shipped_rules_translated(nations: dict) -> dict[Nation, dict[str, str]]:
    """The translations of a shipped ask's rules ("nations": {"S": {"paragraph_cy": ...}}),
    per nation, as `save_rules` takes them beside the rules."""
    names = translated_columns("ask_nations")
    return {nation: {column: values.get(column) or "" for column in names}
            for code, values in nations.items() if (nation := Nation.of_code(code))}


def insert_targets(db: sqlite_utils.Database, campaign_id: int,
                   targets: list[dict]) -> list[int]:
    """Insert shipped targets (their "address" a list of lines, "nations" a list of GSS
    letters, "ask_paragraphs" keyed by ask title) for a campaign; return their ids.
    Inside the caller's transaction."""
    ask_ids = {row["title"]: row["id"] for row in ask_rows(db, campaign_id)}
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


def shipped_rules(nations: dict) -> dict[Nation, NationRule]:
    """A shipped ask's rules per nation (its "nations": {"S": {...}}) as NationRules:
    the brief's table of who decides each ask."""
    rules = {}
    for code, values in nations.items():
        nation = Nation.of_code(code)
        if nation is not None:
            rules[nation] = NationRule.from_dict(nation, values)
    return rules
