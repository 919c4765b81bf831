"""What citizens say happened to their letters: posted, emailed, answered.

One report per kind per letter, chosen from fixed answers (no free text), against
the participation row their reference points to. Nothing about the person.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from campaign.db import write_transaction

# The answers as the reference page offers them, in the page's language (lazy: the
# page's language is known only when it is shown). The keys are what is stored.
SENT_KINDS = {"posted": _l("I posted it"), "emailed": _l("I sent it by email")}
REPLY_WITHIN = {"week": _l("within a week"), "month": _l("within a month"),
                "later": _l("later than that")}
REPLY_KINDS = {"personal": _l("a personal answer"), "standard": _l("a standard answer")}


class BadReport(ValueError):
    """An answer that is not one of the offered ones."""


@dataclass(frozen=True)
class ReferencedLetter:
    """The participation row a reference points to, and what was already reported."""

    id: int
    campaign_id: int
    constituency_name: str
    day: str
    reported: frozenset[str]
    constituency_code: str = ""


def letter_by_reference(db: sqlite_utils.Database, ref_hash: str) -> ReferencedLetter | None:
    """The letter whose reference hashes to `ref_hash`, or None."""
    rows = list(db.query("select id, campaign_id, constituency_code, constituency_name, day"
                         " from letters"
                         " where reference_hash = ?", [ref_hash]))
    if not rows:
        return None
    row = rows[0]
    kinds = frozenset(r["kind"] for r in db.query(
        "select kind from letter_reports where letter_id = ?", [row["id"]]))
    return ReferencedLetter(id=row["id"], campaign_id=row["campaign_id"],
                            constituency_name=row["constituency_name"] or "", day=row["day"],
                            constituency_code=row["constituency_code"] or "",
                            reported=kinds)


def report(db: sqlite_utils.Database, letter_id: int, kind: str, day: date,
           reply_within: str = "", reply_kind: str = "") -> bool:
    """Record one report; return False if this kind was already reported for the letter."""
    if kind == "replied":
        if reply_within not in REPLY_WITHIN or reply_kind not in REPLY_KINDS:
            raise BadReport(gettext("Choose when the reply came and what kind of answer it "
                                    "was."))
    elif kind in SENT_KINDS:
        reply_within = reply_kind = ""
    else:
        raise BadReport(gettext("Choose one of the answers offered."))
    with write_transaction(db):
        cursor = db.execute(
            "insert or ignore into letter_reports (letter_id, kind, day, reply_within,"
            " reply_kind) values (?, ?, ?, ?, ?)",
            [letter_id, kind, day.isoformat(), reply_within, reply_kind])
        return bool(cursor.rowcount)
