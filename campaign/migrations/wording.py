"""Migration m009_plain_wording's conversion of Jinja-era wording to plain placeholder wording.

Wording that was only placeholders converts as it is. Anything else (a filter, a
branch, a loop) is never run: the field is set aside in the history, replaced by
the default wording (or left as inert text, for an ask), and noted in the
campaign's `wording_review` for staff to see. The launch campaign, if its text is
still as shipped, gains the shipped phrasings: the frozen copy in `frozen_launch`,
never today's launch-campaign.json.
"""
from __future__ import annotations

import hashlib
import re

import sqlite_utils

from campaign.migrations.frozen_launch import LAUNCH_AT_M011
from campaign.migrations.history import record_history
from campaign.migrations.wording_check import (
    WordingError,
    check_wording,
    resolve_choices,
    split_phrasings,
)

# Jinja's whitespace control ({{- x -}}) and comments mean nothing in plain wording.
_TRIM = re.compile(r"\{\{-|-\}\}")
_COMMENT = re.compile(r"\{#[^{}]*#\}")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")

# The default wording as it stood when this migration shipped. A copy, not
# staff.editing.letter_wording.DEFAULT_WORDING: a new default for new campaigns must never change
# what a shipped migration does to an old database.
_DEFAULTS = {
    "opening": "I am writing to you as a constituent in {{ constituency }}. "
               "I would like you to support the following.",
    "closing": "I would be grateful for a reply setting out your view on these points "
               "and what you will do to take them forward.",
    "subject": "",
}

# The launch campaign's opening as it first shipped (one text, before phrasings), by
# which m009 knows a launch campaign nobody has edited. Kept here because the shipped
# opening has changed since (m011): m009 must keep recognising the old one.
FIRST_SHIPPED_OPENING = (
    "I am writing to you as a constituent in {{ constituency }} about the organised crime "
    "networks that traffic people and drugs into the UK, and the young people they exploit. "
    "I would like you to support the following measures."
)
# The opening's phrasings that m009 installed: each spoke of several measures, which
# reads oddly above a single ask. m011 replaces them where nobody has edited them.
PLURAL_OPENING_SHA256 = "70211da4b016e573eaba4082e29c4753a50044ff3a82169236d8db675b8c50c2"


def convert_text(text: str) -> str:
    """Jinja-era wording as plain wording: trims and comments gone, one paragraph."""
    text = _COMMENT.sub("", _TRIM.sub(lambda m: "{{" if m.group(0) == "{{-" else "}}", text))
    # Blank lines used to sit inside one paragraph; now they separate phrasings.
    return _BLANK_LINES.sub("\n", text.strip())


def convert_all_wording(db: sqlite_utils.Database) -> None:
    """Convert every campaign's wording and asks in place (inside the migration's transaction)."""
    launch = LAUNCH_AT_M011
    for row in list(db.query("select * from campaigns")):
        notes = []
        changes = {}
        set_aside = {}
        for name in ("opening", "closing", "subject"):
            original = row[name] or ""
            text = convert_text(original)
            try:
                check_wording(text, several=name != "subject")
            except WordingError as error:
                set_aside[name] = original
                text = _DEFAULTS[name]
                notes.append(f"The {name} could not be converted ({error}) and was replaced "
                             "by the default; the old text is in the history.")
            if text != original:
                changes[name] = text
        if set_aside:
            _record_set_aside(db, row, set_aside)
        for ask in list(db.query("select * from asks where campaign_id = ?", [row["id"]])):
            text = convert_text(ask["paragraph"] or "")
            try:
                check_wording(text)
            except WordingError as error:
                notes.append(f"The paragraph of the ask “{ask['title']}” needs correcting: {error}")
            if row["slug"] == launch["slug"]:
                text = _launch_phrasings(launch["asks"], "title", ask["title"], text)
            if text != ask["paragraph"]:
                db.table("asks").update(ask["id"], {"paragraph": text})
        if row["slug"] == launch["slug"]:
            first_shipped = {"opening": FIRST_SHIPPED_OPENING,
                             "closing": as_first_shipped(launch["closing"])}
            for name in ("opening", "closing"):
                current = changes.get(name, row[name] or "")
                if first_shipped[name] == current:
                    changes[name] = launch[name]
            changes["prompts"] = launch.get("prompts", "")
        if notes:
            changes["wording_review"] = "\n".join(notes)
        if changes:
            db.table("campaigns").update(row["id"], changes)


def _launch_phrasings(shipped_asks: list[dict], key: str, value: str, current: str) -> str:
    """The shipped phrasings of a launch-campaign ask whose text is still as shipped."""
    for ask in shipped_asks:
        if ask[key] == value and as_first_shipped(ask["paragraph"]) == current:
            return ask["paragraph"]
    return current


def as_first_shipped(text: str) -> str:
    """The first phrasing with the first option of each choice: the launch campaign's
    text as it shipped before phrasings existed."""
    return resolve_choices(split_phrasings(text)[0], lambda _index, _count: 0)


def _record_set_aside(db: sqlite_utils.Database, row: dict, set_aside: dict) -> None:
    _record_wording(db, row["id"], "set aside when wording became plain text (migration 9): "
                    + ", ".join(sorted(set_aside)),
                    {name: row[name] or "" for name in ("opening", "closing", "subject")})


def _record_wording(db: sqlite_utils.Database, campaign_id: int, action: str,
                    snapshot: dict) -> None:
    """A wording entry in the campaign's history, made by a migration (no user)."""
    record_history(db, campaign_id, "wording", action, snapshot)


def replace_plural_launch_opening(db: sqlite_utils.Database) -> None:
    """Give the launch campaign the shipped opening where it still has the plural one
    m009 installed, and say so in its history (m011)."""
    launch = LAUNCH_AT_M011
    for row in list(db.query("select * from campaigns where slug = ?", [launch["slug"]])):
        opening = row["opening"] or ""
        if hashlib.sha256(opening.encode("utf-8")).hexdigest() != PLURAL_OPENING_SHA256:
            continue  # edited by staff: theirs to keep
        # As every history entry: the wording after the change.
        snapshot = {name: row[name] or "" for name in ("closing", "subject", "prompts")}
        snapshot["opening"] = launch["opening"]
        _record_wording(db, row["id"], "opening replaced by one that suits any number of "
                        "asks (migration 11)", snapshot)
        db.table("campaigns").update(row["id"], {"opening": launch["opening"]})
