"""Starting a new draft campaign as a copy of another: its text, wording, asks and
second letters' targets."""
from __future__ import annotations

import json

import sqlite_utils

from campaign.campaigns import Status, tables
from campaign.campaigns.devolution import rules_by_ask, rules_translated, save_rules
from campaign.clock import timestamp
from campaign.db import write_transaction
from campaign.staff.editing.asks import ask_snapshot
from campaign.staff.editing.details import campaign_snapshot
from campaign.staff.editing.letter_wording import wording_snapshot
from campaign.staff.editing.recording import Editor, record_change
from campaign.staff.editing.rows import ask_row, campaign_row
from campaign.staff.editing.slugs import copy_slug

# Columns of a campaign that describe what it says, not where it stands: a copy takes
# them all (whatever migrations add later, e.g. the writers' questions).
_NOT_COPIED = {"id", "slug", "title", "status", "created_at", "updated_at", "wording_review"}


def copy_campaign(db: sqlite_utils.Database, campaign_id: int, editor: Editor) -> int:
    """Start a new draft campaign from this one: its text, wording and asks, in order.

    Letters, counts, history and the sites allowed to embed it stay with the original.
    The copy is titled "Copy of …" with a free web address, for staff to change."""
    with write_transaction(db):
        row = campaign_row(db, campaign_id)
        now = timestamp()
        copied = {name: value for name, value in row.items() if name not in _NOT_COPIED}
        new_id = tables.insert_campaign(db, {
            **copied, "title": f"Copy of {row['title']}", "slug": copy_slug(db, row["slug"]),
            "status": Status.DRAFT, "wording_review": "", "created_at": now, "updated_at": now,
        })
        new_row = campaign_row(db, new_id)
        action = f"created as a copy of “{row['title']}”"
        record_change(db, new_id, "campaign", action, campaign_snapshot(new_row), editor)
        record_change(db, new_id, "wording", action, wording_snapshot(new_row), editor)
        asks = tables.ask_rows(db, campaign_id)
        rules = rules_by_ask(db, [ask["id"] for ask in asks])
        translated = rules_translated(db, [ask["id"] for ask in asks])
        new_ask_ids = {}
        for ask in asks:
            ask_values = {name: value for name, value in ask.items()
                          if name not in ("id", "campaign_id")}
            ask_id = tables.insert_ask(db, {**ask_values, "campaign_id": new_id})
            new_ask_ids[str(ask["id"])] = str(ask_id)
            save_rules(db, ask_id, {rule.nation: rule for rule in rules.get(ask["id"], ())},
                       translated.get(ask["id"], {}))
            record_change(db, new_id, "ask", "copied",
                          ask_snapshot(ask_row(db, new_id, ask_id), db), editor, ask_id)
        _copy_targets(db, campaign_id, new_id, new_ask_ids)
    return new_id


def _copy_targets(db: sqlite_utils.Database, campaign_id: int, new_id: int,
                  new_ask_ids: dict[str, str]) -> None:
    # The offices a campaign also writes to go with its copy, their own phrasings of
    # asks following the asks to their new ids.
    for target in db.query("select * from campaign_targets where campaign_id = ?"
                           " order by position, id", [campaign_id]):
        paragraphs = json.loads(target["ask_paragraphs"] or "{}")
        db.table("campaign_targets").insert({
            **{name: value for name, value in target.items() if name != "id"},
            "campaign_id": new_id,
            "ask_paragraphs": json.dumps({new_ask_ids.get(key, key): text
                                          for key, text in paragraphs.items()},
                                         ensure_ascii=False)})
