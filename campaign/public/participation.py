"""Participation records: the only thing the site keeps about a letter.

A record holds the campaign, the constituency, the asks chosen, the day and the
formats downloaded. Nothing about the person. The token is random, made when the
preview is shown, so downloading the same letter again, or in the other format,
updates one record instead of adding another.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

import sqlite_utils

from campaign.lookup.finder import FoundMP
from campaign.public.signed_requests import LetterRequest
from campaign.db import write_transaction

if TYPE_CHECKING:  # counter imports letters_count from here
    from campaign.public.counter import LetterCounter


def record_letter(db: sqlite_utils.Database, counter: LetterCounter, request: LetterRequest,
                  found: FoundMP, ask_ids: Iterable[int], fmt: str, day: date,
                  reference_hash: str | None = None, target_id: int | None = None) -> None:
    """Record a letter downloaded (or emailed) as `fmt` with the asks in it (`ask_ids`:
    those still offered, not every one ticked); the first time, the public counter shows
    it. `reference_hash` ties it to the writer's reference. A second letter (to
    `target_id`, see public.second_letters) is a letter of its own: its own row, with
    its target, and no reference (the reference follows the letter to the MP)."""
    token = request.token
    if target_id is not None:
        token, reference_hash = f"{request.token}:t{target_id}", None
    if record_download(db, token=token, campaign_id=request.campaign_id,
                       constituency_code=found.constituency.code,
                       # The register's spelling ("Ynys Môn"), not postcodes.io's ("Ynys Mon").
                       constituency_name=found.mp.constituency or found.constituency.name,
                       ask_ids=ask_ids, fmt=fmt, day=day, reference_hash=reference_hash,
                       target_id=target_id):
        counter.forget(request.campaign_id)


def record_download(db: sqlite_utils.Database, *, token: str, campaign_id: int,
                    constituency_code: str, constituency_name: str,
                    ask_ids: Iterable[int], fmt: str, day: date,
                    reference_hash: str | None = None, target_id: int | None = None) -> bool:
    """Count a downloaded (or emailed) letter once; return True if this was its first.

    `fmt` is the format it left in (pdf, docx or email); `reference_hash` ties the
    row to the citizen's reference so they can report on it later; `target_id` is the
    campaign target a second letter went to (None: the MP).
    """
    with write_transaction(db):
        cursor = db.execute(
            "insert or ignore into letters (token, campaign_id, constituency_code,"
            " constituency_name, day, formats, reference_hash, target_id)"
            " values (?, ?, ?, ?, ?, ?, ?, ?)",
            [token, campaign_id, constituency_code, constituency_name, day.isoformat(), fmt,
             reference_hash, target_id],
        )
        if cursor.rowcount:
            # The day is repeated here so asks can be counted by day from an index alone.
            db.conn.executemany(
                "insert or ignore into letter_asks (letter_id, ask_id, day) values (?, ?, ?)",
                [(cursor.lastrowid, ask_id, day.isoformat()) for ask_id in sorted(set(ask_ids))],
            )
            return True
        db.execute(
            "update letters set formats = formats || ',' || ?"
            " where token = ? and instr(',' || formats || ',', ',' || ? || ',') = 0",
            [fmt, token, fmt],
        )
        return False


def letters_count(db: sqlite_utils.Database, campaign_id: int) -> int:
    """How many letters a campaign has produced."""
    return db["letters"].count_where("campaign_id = ?", [campaign_id])
