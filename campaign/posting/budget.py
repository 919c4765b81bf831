"""The campaign's posting budget and the record of letters posted: nothing personal.

A letter is reserved (a row counted against the budget) in one `BEGIN IMMEDIATE`
transaction that reads the counts and writes the row, so twenty writers pressing at
once on a budget of ten get ten rows, never eleven. The call to the service happens
after that transaction; success confirms the row, failure deletes it (nothing spent).
The row's key is the letter's reference hash, so the same letter is reserved once.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlite_utils

from campaign.db import insert_row, write_transaction
from campaign.posting.provider import POST_CLASSES, SECOND, Sent

RESERVED = "reserved"
#: The call went and no answer came: counted, and the letter's retry settles it.
UNSURE = "unsure"
#: A reservation this old is a call that never finished (a worker killed mid-call): the
#: letter's own retry may take it over, sending the same idempotency key again.
STALE_RESERVATION = timedelta(seconds=30)
#: Statuses in the order a letter moves through them: a late webhook never moves one back.
PROGRESS = ("sent", "printed", "dispatched", "delivered")
FINAL = ("returned", "cancelled")


@dataclass(frozen=True)
class PostingSettings:
    """What staff chose for a campaign: on or off, the budget (letters in all; letters a
    day, 0 for no daily cap) and the class of post."""

    enabled: bool = False
    budget_letters: int = 0
    daily_letters: int = 0
    post_class: str = SECOND


class NotPosting(Exception):
    """This letter cannot be posted for the writer; `why` says which rule."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why  # "off", "spent", "today", "writer"


@dataclass(frozen=True)
class Reservation:
    """A letter's row: `fresh` when this request made it (and must make the call)."""

    row_id: int
    fresh: bool
    status: str
    provider_id: str = ""


def settings_for(db: sqlite_utils.Database, campaign_id: int) -> PostingSettings:
    """The campaign's posting settings (off when never set)."""
    row = next(db["posting_settings"].rows_where("campaign_id = ?", [campaign_id]), None)
    if row is None:
        return PostingSettings()
    return PostingSettings(enabled=bool(row["enabled"]), budget_letters=row["budget_letters"],
                           daily_letters=row["daily_letters"], post_class=row["post_class"])


def save_settings(db: sqlite_utils.Database, campaign_id: int, settings: PostingSettings,
                  when: str) -> None:
    """Store `settings` (a budget of 0 letters is off). Raises ValueError for a class of
    post or a count that cannot be."""
    if settings.post_class not in POST_CLASSES:
        raise ValueError("post_class")
    if settings.budget_letters < 0 or settings.daily_letters < 0:
        raise ValueError("budget")
    with write_transaction(db):
        db.table("posting_settings").upsert(
            {"campaign_id": campaign_id,
             "enabled": int(settings.enabled and settings.budget_letters > 0),
             "budget_letters": settings.budget_letters,
             "daily_letters": settings.daily_letters, "post_class": settings.post_class,
             "updated_at": when}, pk="campaign_id")


def counts(db: sqlite_utils.Database, campaign_id: int, day: date) -> tuple[int, int]:
    """(letters counted against the budget in all, and on `day`): reserved ones too."""
    total, on_day = db.execute(
        "SELECT count(*), coalesce(sum(day = ?), 0) FROM posted_letters "
        "WHERE campaign_id = ? AND status != 'cancelled'",
        [day.isoformat(), campaign_id]).fetchone()
    return total, on_day


def has_room(settings: PostingSettings, total: int, on_day: int) -> str:
    """"" when one more letter fits; else why not ("off", "spent" or "today")."""
    if not settings.enabled or settings.budget_letters <= 0:
        return "off"
    if total >= settings.budget_letters:
        return "spent"
    if settings.daily_letters and on_day >= settings.daily_letters:
        return "today"
    return ""


def writer_hash(db: sqlite_utils.Database, campaign_id: int, identity: str) -> str:
    """A keyed hash of the writer (name and address line), under the campaign's own
    secret: one writer, one posted letter. The secret is made on first use and destroyed
    when the campaign closes (migration m024's trigger)."""
    with write_transaction(db):
        row = next(db["posting_settings"].rows_where("campaign_id = ?", [campaign_id]), None)
        secret = row["writer_secret"] if row else ""
        if not secret:
            secret = secrets.token_hex(32)
            db.table("posting_settings").upsert({"campaign_id": campaign_id,
                                           "writer_secret": secret}, pk="campaign_id")
    return hmac.new(bytes.fromhex(secret), identity.encode(), hashlib.sha256).hexdigest()


def reserve(db: sqlite_utils.Database, *, campaign_id: int, reference_hash: str,
            writer: str, constituency_code: str, constituency_name: str, now: datetime,
            day: date, provider: str) -> Reservation:
    """The letter's row, made now if there is room (raise NotPosting if not), or the one
    it already has: a reload or a second press finds it and posts nothing more. `day` is
    the UK day (the daily cap's)."""
    with write_transaction(db):
        row = next(db["posted_letters"].rows_where("reference_hash = ?", [reference_hash]),
                   None)
        if row is not None:
            stale = row["status"] == UNSURE or (
                row["status"] == RESERVED
                and datetime.fromisoformat(row["updated_at"]) < now - STALE_RESERVATION)
            if stale:  # take over a call that never finished (same idempotency key)
                db.table("posted_letters").update(row["id"], {"updated_at": now.isoformat()})
            return Reservation(row["id"], stale, row["status"], row["provider_id"])
        if writer and db["posted_letters"].count_where(
                "campaign_id = ? AND writer_hash = ?", [campaign_id, writer]):
            raise NotPosting("writer")
        why = has_room(settings_for(db, campaign_id), *counts(db, campaign_id, day))
        if why:
            raise NotPosting(why)
        row_id = insert_row(db, "posted_letters", {
            "reference_hash": reference_hash, "campaign_id": campaign_id,
            "writer_hash": writer, "constituency_code": constituency_code,
            "constituency_name": constituency_name, "day": day.isoformat(),
            "status": RESERVED, "provider": provider, "updated_at": now.isoformat(),
        })
    return Reservation(row_id, True, RESERVED)


def confirm(db: sqlite_utils.Database, row_id: int, sent: Sent, now: datetime) -> None:
    """The service took the letter: its id, status and cost."""
    with write_transaction(db):
        db.table("posted_letters").update(row_id, {
            "provider_id": sent.provider_id, "status": sent.status, "cost": sent.cost,
            "updated_at": now.isoformat()})


def unsure(db: sqlite_utils.Database, row_id: int, now: datetime) -> None:
    """No answer came in time: keep the place, marked for the letter's retry to settle."""
    with write_transaction(db):
        db.table("posted_letters").update(row_id, {"status": UNSURE, "updated_at": now.isoformat()})


def release(db: sqlite_utils.Database, row_id: int) -> None:
    """The service did not take the letter: the budget gets its place back."""
    with write_transaction(db):
        db.table("posted_letters").delete_where("id = ? AND status = ?", [row_id, RESERVED])


def moves_on(old: str, new: str) -> bool:
    """Whether a letter at `old` may be marked `new` (never back, never out of the end)."""
    if old in FINAL or old == new:
        return False
    if new in FINAL:
        return True
    if old not in PROGRESS or new not in PROGRESS:
        return False
    return PROGRESS.index(new) > PROGRESS.index(old)


def update_status(db: sqlite_utils.Database, *, provider: str, provider_id: str, status: str,
                  now: datetime) -> bool:
    """Mark the letter the service knows as `provider_id`; True if it changed."""
    with write_transaction(db):
        row = next(db["posted_letters"].rows_where(
            "provider = ? AND provider_id = ?", [provider, provider_id]), None)
        if row is None or not moves_on(row["status"], status):
            return False
        db.table("posted_letters").update(row["id"], {"status": status,
                                                "updated_at": now.isoformat()})
    return True


def first_time(db: sqlite_utils.Database, digest: str, now: datetime) -> bool:
    """Record a webhook call's digest; False if it came before (a replay)."""
    with write_transaction(db):
        if db["posting_webhooks"].count_where("digest = ?", [digest]):
            return False
        db.table("posting_webhooks").insert({"digest": digest, "received_at": now.isoformat()})
    return True
