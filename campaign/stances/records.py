"""Reading and writing MPs' stances on a campaign (the `mp_stances` table).

A stance belongs to the member, not the seat: after a by-election the new MP's
stance is not known until staff mark it. "Not known" is the absence of a row.
"""
from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from campaign.clock import timestamp
from campaign.db import write_transaction
from letters.stances import Stance


def stance_of(db: sqlite_utils.Database, campaign_id: int, member_id: int) -> Stance:
    """The MP's stance on the campaign (NOT_KNOWN when staff have not marked one)."""
    row = db.execute("select stance from mp_stances where campaign_id = ? and member_id = ?",
                     [campaign_id, member_id]).fetchone()
    return Stance(row[0]) if row else Stance.NOT_KNOWN


def stances(db: sqlite_utils.Database, campaign_id: int) -> dict[int, Stance]:
    """Every marked stance of the campaign: member id -> stance."""
    return {row[0]: Stance(row[1]) for row in db.execute(
        "select member_id, stance from mp_stances where campaign_id = ?", [campaign_id])}


def set_stances(db: sqlite_utils.Database, campaign_id: int,
                marks: Iterable[tuple[int, Stance]], by: str) -> int:
    """Record each (member id, stance) in one transaction; return how many were recorded.

    NOT_KNOWN removes the mark. All or nothing: a failure leaves every stance as it was.
    """
    marks = list(marks)
    now = timestamp()
    with write_transaction(db):
        for member_id, stance in marks:
            db.execute("delete from mp_stances where campaign_id = ? and member_id = ?",
                       [campaign_id, member_id])
            if stance != Stance.NOT_KNOWN:
                db.table("mp_stances").insert({"campaign_id": campaign_id, "member_id": member_id,
                                              "stance": str(stance), "updated_at": now,
                                              "updated_by": by})
    return len(marks)


def seats(db: sqlite_utils.Database, campaign_id: int) -> list[dict]:
    """Every seat the register holds with its MP, post and stance, by constituency name."""
    marked = stances(db, campaign_id)
    rows = db.query("select constituency_code, constituency_name, member_id, display_as, "
                    "party, government_posts, opposition_posts from mps "
                    "order by constituency_name")
    return [dict(row, stance=marked.get(row["member_id"], Stance.NOT_KNOWN),
                 post=(row["government_posts"] or row["opposition_posts"] or "")
                 .split("\n")[0]) for row in rows]
