"""A campaign's status (draft, live, closed) and its going-live checklist: what stops
it going live, what is worth checking first, and whether it is offered in each language
beside English (Welsh)."""
from __future__ import annotations

import json

import sqlite_utils

from campaign.campaigns import STATUSES, Status, tables
from campaign.campaigns.translations import gaps
from campaign.clock import timestamp
from campaign.db import write_transaction
from campaign.staff.editing.details import campaign_snapshot
from campaign.staff.editing.letter_wording import DEFAULT_WORDING, WORDING_FIELDS, check_all_wording
from campaign.staff.editing.recording import Editor, record_change
from campaign.staff.editing.refusals import EditError
from campaign.staff.editing.rows import campaign_row
from campaign.staff.editing.translated import translated_name
from letters.languages import Language, translations


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
    opening or closing every new campaign starts with, and translations (Welsh) left as
    the original's beside English that has changed since the copy."""
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
            for language in translations():
                if _copied_translation(row, snapshot, name, english, language):
                    problems.append(f"{translated_name(name, language)} is still the original "
                                    "campaign's, though its English has changed: write it "
                                    "for this one.")
    return problems


def _copied_translation(row: dict, snapshot: dict, name: str, english: str,
                        language: Language) -> bool:
    """Whether the text `name`'s translation into `language` is still the copied
    campaign's (`snapshot`) though its English has changed since."""
    column = language.column(name)
    if column not in snapshot or not (row.get(column) or "").strip():
        return False
    return (row.get(name) or "") != english and row.get(column) == snapshot[column]


def translation_line(db: sqlite_utils.Database, campaign_id: int,
                     language: Language) -> tuple[str, list[str]]:
    """Whether the campaign is offered in `language`, as its checklist says it, and what
    is missing in it (campaign.campaigns.translations). No translation is needed to go
    live."""
    missing = gaps(db, campaign_id, language.code)
    called = language.english_name
    if not missing:
        return f"{called}: complete, offered on the {called} pages.", []
    texts = "1 text" if len(missing) == 1 else f"{len(missing)} texts"
    return (f"{called}: {texts} missing, the {called} pages show this campaign in English.",
            missing)


def translation_lines(db: sqlite_utils.Database,
                      campaign_id: int) -> list[tuple[Language, str, list[str]]]:
    """`translation_line` for each language beside English, with the language."""
    return [(language, *translation_line(db, campaign_id, language))
            for language in translations()]


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
