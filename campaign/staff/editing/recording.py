"""Who made a change, and its entry in the campaign's history, written inside the
transaction of the change itself."""
from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from campaign.clock import timestamp


@dataclass(frozen=True)
class Editor:
    """Who made a change, as the history records it."""

    id: int | None  # None only for the baseline recorded on a campaign's first edit
    email: str


def record_change(db: sqlite_utils.Database, campaign_id: int, kind: str, action: str,
                  snapshot: dict, editor: Editor, ask_id: int | None = None) -> None:
    """Record a change in the campaign's history: a snapshot of the thing after it, with
    who and when. Called inside the caller's transaction, so the change and its record
    stand or fall together."""
    db.table("campaign_history").insert({
        "campaign_id": campaign_id, "kind": kind, "ask_id": ask_id, "action": action,
        "snapshot": json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
        "user_id": editor.id, "user_email": editor.email, "changed_at": timestamp(),
    })
