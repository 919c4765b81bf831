"""A campaign's history of changes: listing it, what each entry changed, and
restoring an earlier version of its text, an ask or its wording."""
from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from campaign.campaigns.translations import translated_columns
from campaign.staff.differences import FieldChange, changes
from campaign.staff.editing.asks import ASK_TEXTS, ask_snapshot, update_ask
from campaign.staff.editing.details import CAMPAIGN_FIELDS, campaign_snapshot, update_campaign
from campaign.staff.editing.letter_wording import WORDING_FIELDS, update_wording, wording_snapshot
from campaign.staff.editing.nation_rules import nation_fields
from campaign.staff.editing.recording import Editor
from campaign.staff.editing.refusals import NotFound
from campaign.staff.editing.rows import ask_row, campaign_row


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change."""

    id: int
    campaign_id: int
    kind: str  # "campaign", "ask" or "wording"
    ask_id: int | None
    action: str
    snapshot: dict
    user_email: str
    changed_at: str

    @property
    def is_wording(self) -> bool:
        return self.kind == "wording"


def history(db: sqlite_utils.Database, campaign_id: int) -> list[HistoryEntry]:
    """Every recorded change to a campaign, newest first."""
    rows = db.query("select * from campaign_history where campaign_id = ? order by id desc",
                    [campaign_id])
    return [_entry(row) for row in rows]


def wording_version(db: sqlite_utils.Database, campaign_id: int,
                    entry_id: int) -> HistoryEntry | None:
    """The recorded wording `entry_id` of a campaign, or None."""
    rows = list(db.query(
        "select * from campaign_history where id = ? and campaign_id = ? and kind = 'wording'",
        [entry_id, campaign_id]))
    return _entry(rows[0]) if rows else None


def restore_wording(db: sqlite_utils.Database, campaign_id: int, entry_id: int,
                    editor: Editor) -> None:
    """Make an earlier version of the wording current again (itself a recorded change)."""
    entry = wording_version(db, campaign_id, entry_id)
    if entry is None:
        raise NotFound(f"no wording version {entry_id} in campaign {campaign_id}")
    # A version recorded before a field existed (the questions for writers came with
    # migration 9) leaves that field as it is now, rather than emptying it.
    current = wording_snapshot(campaign_row(db, campaign_id))
    update_wording(db, campaign_id, {**current, **entry.snapshot}, editor,
                   action=f"restored version {entry_id}")


def what_changed(entries: list[HistoryEntry],
                 ask_titles: dict[str, str] | None = None) -> dict[int, list[FieldChange]]:
    """For each entry of a history (newest first), what it changed against the version
    before it of the same thing (the campaign's text, one ask, or the wording);
    `ask_titles` (by ask id) names the asks second letters phrase their own way."""
    found: dict[int, list[FieldChange]] = {}
    last: dict[tuple[str, int | None, object], dict] = {}
    for entry in reversed(entries):
        key = (entry.kind, entry.ask_id, entry.snapshot.get("target_id"))
        found[entry.id] = changes(last.get(key), entry.snapshot, ask_titles)
        last[key] = entry.snapshot
    return found


def version(db: sqlite_utils.Database, campaign_id: int, entry_id: int) -> HistoryEntry | None:
    """The recorded version `entry_id` of a campaign's text, an ask or the wording, or None."""
    rows = list(db.query("select * from campaign_history where id = ? and campaign_id = ?",
                         [entry_id, campaign_id]))
    return _entry(rows[0]) if rows else None


def current_snapshot(db: sqlite_utils.Database, entry: HistoryEntry) -> dict:
    """What the thing `entry` recorded is like now, in the same shape as its snapshot."""
    if entry.kind == "ask":
        return ask_snapshot(ask_row(db, entry.campaign_id, _ask_id(entry)), db)
    row = campaign_row(db, entry.campaign_id)
    return wording_snapshot(row) if entry.is_wording else campaign_snapshot(row)


# What a restore puts back: a campaign's status and an ask's place are not text, and
# change by their own buttons.
RESTORED_FIELDS = {"campaign": CAMPAIGN_FIELDS, "ask": (*ASK_TEXTS, "enabled", "nations"),
                   "wording": WORDING_FIELDS}


def restored_version(current: dict, entry: HistoryEntry) -> dict:
    """What restoring `entry` would make current, shaped as `current` (the thing's
    snapshot now): what the entry lacks, recorded before it existed (the questions,
    rules per nation, any translation), stays as it is now."""
    restored = {**current, **{name: entry.snapshot[name] for name in RESTORED_FIELDS[entry.kind]
                              if name in entry.snapshot}}
    if entry.kind == "ask" and "nations" in entry.snapshot:
        now = current.get("nations") or {}
        columns = translated_columns("ask_nations")
        restored["nations"] = {
            code: {**{name: (now.get(code) or {}).get(name) or "" for name in columns}, **rule}
            for code, rule in entry.snapshot["nations"].items()}
    return restored


def restorable(db: sqlite_utils.Database, entry: HistoryEntry) -> bool:
    """True when restoring `entry` would change something (second letters' targets have
    their own history, and are not restored from here)."""
    if entry.kind not in RESTORED_FIELDS:
        return False
    now = current_snapshot(db, entry)
    restored = restored_version(now, entry)
    return any(restored.get(name) != now.get(name) for name in RESTORED_FIELDS[entry.kind])


def restore_version(db: sqlite_utils.Database, campaign_id: int, entry_id: int,
                    editor: Editor) -> HistoryEntry:
    """Make an earlier version of the campaign's text, an ask or the wording current
    again (itself a recorded change); return the version restored. The same checks as
    an edit apply: a web address since taken, or a live campaign's last ask switched off,
    raise EditError."""
    entry = version(db, campaign_id, entry_id)
    if entry is None:
        raise NotFound(f"no version {entry_id} in campaign {campaign_id}")
    action = f"restored version {entry_id}"
    if entry.is_wording:
        restore_wording(db, campaign_id, entry_id, editor)
    elif entry.kind == "campaign":
        update_campaign(db, campaign_id, {**current_snapshot(db, entry), **{
            name: entry.snapshot[name] for name in CAMPAIGN_FIELDS if name in entry.snapshot}},
            editor, action=action)
    else:
        current = current_snapshot(db, entry)
        restored = {**current, **entry.snapshot}
        # Who decides it per nation travels as the ask form's fields, so a restore is
        # checked as an edit is; a version from before m015 keeps today's rules, one
        # from before m020 today's translations of them.
        restored.update(nation_fields(restored.get("nations") or {},
                                      current.get("nations") or {}))
        update_ask(db, campaign_id, _ask_id(entry), restored, editor, action=action)
    return entry


def _ask_id(entry: HistoryEntry) -> int:
    """The ask an entry recorded; NotFound for an entry of no ask (it has no ask id)."""
    if entry.ask_id is None:
        raise NotFound(f"no ask recorded in history entry {entry.id}")
    return entry.ask_id


def _entry(row: dict) -> HistoryEntry:
    return HistoryEntry(id=row["id"], campaign_id=row["campaign_id"], kind=row["kind"],
                        ask_id=row["ask_id"], action=row["action"],
                        snapshot=json.loads(row["snapshot"]),
                        user_email=row["user_email"] or "", changed_at=row["changed_at"])
