"""A campaign's status (draft, live, closed) and its going-live checklist: what stops
it going live, what is worth checking first, and whether it is offered in Welsh."""
from __future__ import annotations

import json

import sqlite_utils

from campaign.campaigns import STATUSES, Status, tables
from campaign.campaigns.welsh import welsh_column, welsh_gaps
from campaign.clock import timestamp
from campaign.db import write_transaction
from campaign.staff.editing.details import campaign_snapshot
from campaign.staff.editing.letter_wording import DEFAULT_WORDING, WORDING_FIELDS, check_all_wording
from campaign.staff.editing.recording import Editor, record_change
from campaign.staff.editing.refusals import EditError
from campaign.staff.editing.rows import campaign_row
from campaign.staff.editing.welsh import welsh_name


def problems_going_live(db: sqlite_utils.Database, campaign_id: int) -> list[str]:
    """What stops this campaign going live, in words for staff; empty when it can."""
    row = campaign_row(db, campaign_id)
    problems = []
    # Citizens decide whether to write from these: an empty "Why write" is no campaign.
    for name, label in (("summary", "summary"), ("intro", "introduction")):
        if not (row.get(name) or "").strip():
            problems.append(f"Write the campaign's {label}: citizens read it before they "
                            "decide to write.")
    if not tables.enabled_ask_count(db, campaign_id):
        problems.append("Add at least one ask and switch it on.")
    for name, label in (("opening", "opening"), ("closing", "closing request")):
        if not (row[name] or "").strip():
            problems.append(f"Write the letter's {label}.")
    try:
        check_all_wording({name: row.get(name) or "" for name in WORDING_FIELDS})
    except EditError:
        problems.append("Correct the letter wording: part of it cannot be used.")
    if row.get("wording_review"):
        problems.append("Check the letter wording: " + row["wording_review"])
    return problems


def worth_checking(db: sqlite_utils.Database, campaign_id: int) -> list[str]:
    """What a campaign made from a copy or from the defaults still has of them, named on
    the going-live checklist (it does not stop going live): the "Copy of …" title, the
    opening or closing every new campaign starts with, and Welsh left as the original's
    beside English that has changed since the copy."""
    row = campaign_row(db, campaign_id)
    problems = []
    if (row.get("title") or "").startswith("Copy of "):
        problems.append(f"Give the campaign its own title: it is still “{row['title']}”.")
    for name, label in (("opening", "opening"), ("closing", "closing request")):
        if (row.get(name) or "").strip() == DEFAULT_WORDING[name]:
            problems.append(f"Write the letter's own {label}: it is still the one every new "
                            "campaign starts with.")
    copied = [json.loads(entry["snapshot"]) for entry in db.query(
        "select snapshot from campaign_history where campaign_id = ? and kind in"
        " ('campaign', 'wording') and action like 'created as a copy of%'", [row["id"]])]
    for snapshot in copied:
        for name, english in snapshot.items():
            welsh = welsh_column(name)
            if welsh not in snapshot or not (row.get(welsh) or "").strip():
                continue
            if (row.get(name) or "") != english and row.get(welsh) == snapshot[welsh]:
                problems.append(f"{welsh_name(name)} is still the original campaign's, "
                                "though its English has changed: write it for this one.")
    return problems


def welsh_line(db: sqlite_utils.Database, campaign_id: int) -> tuple[str, list[str]]:
    """Whether the campaign is offered in Welsh, as its checklist says it, and what
    Welsh is missing (campaign.campaigns.welsh). Welsh is not needed to go live."""
    gaps = welsh_gaps(db, campaign_id)
    if not gaps:
        return "Welsh: complete, offered on the Welsh pages.", []
    texts = "1 text" if len(gaps) == 1 else f"{len(gaps)} texts"
    return f"Welsh: {texts} missing, the Welsh pages show this campaign in English.", gaps


def set_status(db: sqlite_utils.Database, campaign_id: int, status: str,
               editor: Editor) -> None:
    """Move a campaign to draft, live or closed; raise EditError if it cannot go live."""
    if status not in STATUSES:
        raise EditError(f"Status must be one of: {', '.join(STATUSES)}.", "status")
    status = Status(status)
    with write_transaction(db):
        row = campaign_row(db, campaign_id)
        if status == row["status"]:
            return
        if status == Status.LIVE:
            problems = problems_going_live(db, campaign_id)
            if problems:
                raise EditError("This campaign cannot go live yet. " + " ".join(problems))
        tables.update_campaign_row(db, campaign_id, {"status": status.value,
                                                     "updated_at": timestamp()})
        record_change(db, campaign_id, "campaign", f"status {status}",
                campaign_snapshot(campaign_row(db, campaign_id)), editor)
