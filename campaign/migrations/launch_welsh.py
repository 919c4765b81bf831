"""Migration m021_launch_campaign_welsh's gift to the launch campaign: its Welsh.

A database made before the launch campaign shipped with its Welsh (m020 gave it empty
Welsh columns) gets the campaign's shipped Welsh (frozen in `launch_at_m021`, never
today's launch-campaign.json), text by text, only where the Welsh is still empty and
the English is still as shipped: Welsh written for other English would say something
else. An ask is matched whole (its title, explanation and paragraph as shipped), as
m015 matched them; an ask staff have changed is theirs to keep and to translate. Each
change is recorded in the campaign's history as the thing after it, with no user.
Running it again finds nothing empty to fill, so it changes nothing.
"""
from __future__ import annotations

import sqlite_utils

from campaign.migrations.history import record_history
from campaign.migrations.launch_at_m021 import LAUNCH_AT_M021
from campaign.migrations.rules import rules_by_ask, rules_snapshot

ACTION = "Welsh added from the launch campaign as shipped (migration 21)"
# What the campaign's own history entries record of it (staff.editing.details.CAMPAIGN_FIELDS,
# copied: a later change there must not change what this migration records).
_CAMPAIGN_SNAPSHOT = ("title", "slug", "summary", "intro", "thank_you", "help_title",
                      "help_footer", "help_text", "status")
_ASK_TEXTS = ("title", "explanation", "paragraph")
# The texts with a Welsh column, by table, as m020 made them (campaign.campaigns.welsh's
# WELSH_TEXTS when migrations were frozen), and the column of each.
_WELSH_TEXTS = {
    "campaigns": ("title", "summary", "intro", "subject", "opening", "closing",
                  "minister_closing", "shadow_closing", "supporter_opening", "prompts",
                  "thank_you", "help_title", "help_footer", "help_text"),
    "asks": ("title", "paragraph", "explanation"),
    "ask_nations": ("decided_by", "paragraph", "note"),
}


def _welsh_column(name: str) -> str:
    return name + "_cy"


def give_launch_campaign_its_welsh(db: sqlite_utils.Database) -> None:
    """Fill the launch campaign's empty Welsh where its English is as shipped (inside
    the migration), recording each change in its history."""
    launch = LAUNCH_AT_M021
    shipped_asks = {tuple(ask.get(name) or "" for name in _ASK_TEXTS): ask
                    for ask in launch["asks"]}
    for row in list(db.query("select * from campaigns where slug = ?", [launch["slug"]])):
        filled = _welsh_to_fill(row, launch, "campaigns")
        if filled:
            db.table("campaigns").update(row["id"], filled)
            snapshot = {name: row.get(name) or "" for name in _CAMPAIGN_SNAPSHOT}
            record_history(db, row["id"], "campaign", ACTION, {**snapshot, **filled})
        asks = list(db.query("select * from asks where campaign_id = ? order by position, id",
                             [row["id"]]))
        for ask in asks:
            shipped = shipped_asks.get(tuple(ask.get(name) or "" for name in _ASK_TEXTS))
            if shipped is not None:
                _give_ask_its_welsh(db, row["id"], ask, shipped)


def _give_ask_its_welsh(db: sqlite_utils.Database, campaign_id: int, ask: dict,
                        shipped: dict) -> None:
    filled = _welsh_to_fill(ask, shipped, "asks")
    if filled:
        db.table("asks").update(ask["id"], filled)
    rules_filled = {}
    shipped_rules = shipped.get("nations") or {}
    for rule in list(db.query("select * from ask_nations where ask_id = ?", [ask["id"]])):
        values = _welsh_to_fill(rule, shipped_rules.get(rule["nation"]) or {}, "ask_nations")
        if values:
            db.execute(f"update ask_nations set {', '.join(f'{c} = ?' for c in values)}"
                       " where ask_id = ? and nation = ?",
                       [*values.values(), ask["id"], rule["nation"]])
            rules_filled[rule["nation"]] = values
    if not filled and not rules_filled:
        return
    # As staff.editing records an ask: the ask after the change, its rules per nation
    # included, here with the Welsh this added.
    nations = rules_snapshot(rules_by_ask(db, [ask["id"]]).get(ask["id"], {}))
    for code, values in rules_filled.items():
        nations.setdefault(code, {}).update(values)
    snapshot = {"title": ask["title"], "explanation": ask["explanation"] or "",
                "paragraph": ask["paragraph"], "enabled": bool(ask["enabled"]),
                "position": ask["position"], **filled, "nations": nations}
    record_history(db, campaign_id, "ask", ACTION, snapshot, ask_id=ask["id"])


def _welsh_to_fill(row: dict, shipped: dict, table: str) -> dict[str, str]:
    """The Welsh columns of `row` to fill from `shipped`: each still empty, whose English
    is as shipped and whose shipped Welsh is written."""
    values = {}
    for name in _WELSH_TEXTS[table]:
        column = _welsh_column(name)
        english, welsh = row.get(name) or "", shipped.get(column) or ""
        if welsh and not (row.get(column) or "").strip() and english == (shipped.get(name) or ""):
            values[column] = welsh
    return values
