"""Participation records: the only thing the site keeps about a letter.

A record holds the campaign, the constituency, the asks chosen, the day and the
formats downloaded. Nothing about the person. The token is random, made when the
preview is shown, so downloading the same letter again, or in the other format,
updates one record instead of adding another.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import sqlite_utils

from campaign.db import write_transaction
from campaign.lookup.finder import FoundMP
from campaign.public.signed_requests import LetterRequest


@dataclass(frozen=True)
class LetterCount:
    """What one letter leaving in one format adds to the records: exactly the row's
    fields, nothing about the person (the token is random, the reference hashed)."""

    token: str
    campaign_id: int
    constituency_code: str
    constituency_name: str
    ask_ids: tuple[int, ...]
    fmt: str
    day: str  # ISO date
    reference_hash: str | None = None
    target_id: int | None = None  # a second letter's target; None for the letter to the MP
    language: str = "en"  # the pages' language when it was written ("en" or "cy")

    def write(self, db: sqlite_utils.Database) -> bool:
        """Write it (idempotent); True if this was the letter's first count."""
        return record_download(db, token=self.token, campaign_id=self.campaign_id,
                               constituency_code=self.constituency_code,
                               constituency_name=self.constituency_name,
                               ask_ids=self.ask_ids, fmt=self.fmt,
                               day=date.fromisoformat(self.day),
                               reference_hash=self.reference_hash, target_id=self.target_id,
                               language=self.language)

    @classmethod
    def from_dict(cls, data: dict) -> LetterCount:
        """The count from its stored JSON form (see pending_counts)."""
        return cls(**{**data, "ask_ids": tuple(int(ask) for ask in data["ask_ids"])})


class CountKeeper(Protocol):
    """Where a letter's count goes: written now, or held until the database takes it
    (campaign.public.pending_counts.PendingCounts, which imports LetterCount from here)."""

    def record(self, db: sqlite_utils.Database, count: LetterCount) -> bool: ...


def record_letter(db: sqlite_utils.Database, pending: CountKeeper, request: LetterRequest,
                  found: FoundMP, ask_ids: Iterable[int], fmt: str, day: date,
                  reference_hash: str | None = None, target_id: int | None = None,
                  language: str = "en") -> None:
    """Record a letter downloaded (or emailed) as `fmt` with the asks in it (`ask_ids`:
    those still offered, not every one ticked); the first time, the public counter shows
    it. `reference_hash` ties it to the writer's reference. A second letter (to
    `target_id`, see public.second_letters) is a letter of its own: its own row, with
    its target, and no reference (the reference follows the letter to the MP). When the
    database can't take the write just now, `pending` holds it and writes it later: the
    letter is delivered all the same."""
    token = request.token
    if target_id is not None:
        token, reference_hash = f"{request.token}:t{target_id}", None
    pending.record(db, LetterCount(
        token=token, campaign_id=request.campaign_id,
        constituency_code=found.constituency.code,
        # The register's spelling ("Ynys Môn"), not postcodes.io's ("Ynys Mon").
        constituency_name=found.mp.constituency or found.constituency.name,
        ask_ids=tuple(sorted(set(ask_ids))), fmt=fmt, day=day.isoformat(),
        reference_hash=reference_hash, target_id=target_id, language=language))


def record_download(db: sqlite_utils.Database, *, token: str, campaign_id: int,
                    constituency_code: str, constituency_name: str,
                    ask_ids: Iterable[int], fmt: str, day: date,
                    reference_hash: str | None = None, target_id: int | None = None,
                    language: str = "en") -> bool:
    """Count a downloaded (or emailed) letter once; return True if this was its first.

    `fmt` is the format it left in (pdf, docx or email); `reference_hash` ties the
    row to the citizen's reference so they can report on it later; `target_id` is the
    campaign target a second letter went to (None: the MP); `language` is the pages'.
    """
    with write_transaction(db):
        cursor = db.execute(
            "insert or ignore into letters (token, campaign_id, constituency_code,"
            " constituency_name, day, formats, reference_hash, target_id, language)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [token, campaign_id, constituency_code, constituency_name, day.isoformat(), fmt,
             reference_hash, target_id, language],
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
