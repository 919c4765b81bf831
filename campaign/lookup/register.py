"""The MP register: sitting MPs in the database, keyed by constituency.

`refresh` loads every sitting MP from the Members API at once (the `mps refresh`
command). A seat missing from the register is asked about on demand with the
Location search and cached, so a fresh install works before its first refresh,
and a by-election winner is found the day they take their seat.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlite_utils

from campaign.lookup.errors import UpstreamUnavailable, VacantSeat
from campaign.lookup.members_api import MemberRecord, MembersAPI
from campaign.lookup.names import constituency_key
from campaign.transactions import timestamp, utc_now, write_transaction
from letters import MP

# How long an on-demand answer stands before we ask again. MPs change at
# by-elections and defections; a vacancy should be re-checked sooner.
SEAT_TTL = timedelta(days=7)
VACANCY_TTL = timedelta(hours=6)

log = logging.getLogger(__name__)


def _row(record: MemberRecord, source: str, fetched_at: str) -> dict:
    return {
        "constituency_key": constituency_key(record.constituency_name),
        "constituency_name": record.constituency_name,
        "member_id": record.member_id, "display_as": record.display_as,
        "full_title": record.full_title, "address_as": record.address_as,
        "list_as": record.list_as, "party": record.party, "gender": record.gender,
        "source": source, "fetched_at": fetched_at,
    }


def refresh(db: sqlite_utils.Database, api: MembersAPI) -> int:
    """Replace the register with every sitting MP; return how many were loaded.

    All pages are fetched before anything is written, so a failure half-way
    leaves the old register in place.
    """
    records = list(api.sitting_mps())
    fetched_at = timestamp()
    with write_transaction(db):
        db["mps"].delete_where()
        db["mps"].insert_all(_row(r, "refresh", fetched_at) for r in records)
        db["constituency_lookups"].delete_where()
        db["register_meta"].upsert({"key": "refreshed_at", "value": fetched_at}, pk="key")
    return len(records)


def refreshed_at(db: sqlite_utils.Database) -> str | None:
    """When the register was last loaded in full, as an ISO timestamp, or None."""
    rows = list(db.query("select value from register_meta where key = 'refreshed_at'"))
    return rows[0]["value"] if rows else None


def mp_for_constituency(db: sqlite_utils.Database, api: MembersAPI, name: str) -> MP:
    """The sitting MP for the constituency called `name` (in postcodes.io's spelling).

    Raises VacantSeat when the seat has no MP, UpstreamUnavailable when the
    register lacks the seat and the Members API cannot be reached or does not
    know it.
    """
    key = constituency_key(name)
    row = _find(db, "mps", key)
    if row and (row["source"] == "refresh" or not _stale(row["fetched_at"], SEAT_TTL)):
        return _mp(row)
    cached = _find(db, "constituency_lookups", key)
    if cached and cached["vacant"] and not _stale(cached["fetched_at"], VACANCY_TTL):
        raise VacantSeat(name)
    answer = api.seat(name, lambda candidate: constituency_key(candidate) == key)
    if answer is None:
        log.error("Members API has no current seat matching %r", name)
        raise UpstreamUnavailable(
            f"We found your constituency, {name}, but not its MP just now. "
            "Please try again later."
        )
    fetched_at = timestamp()
    with write_transaction(db):
        db["constituency_lookups"].upsert({
            "constituency_key": key, "constituency_name": name,
            "members_api_id": answer.api_id, "vacant": int(answer.member is None),
            "fetched_at": fetched_at,
        }, pk="constituency_key")
        if answer.member:
            row = _row(answer.member, "on-demand", fetched_at)
            row["constituency_key"] = key  # the seat we asked about, whatever its spelling
            db["mps"].upsert(row, pk="constituency_key")
    if answer.member is None:
        raise VacantSeat(name)
    return _mp(row)


def mp_by_key(db: sqlite_utils.Database, key: str) -> MP | None:
    """The MP the register holds for constituency key `key` (see lookup.names), or None."""
    row = _find(db, "mps", key)
    return _mp(row) if row else None


def _find(db: sqlite_utils.Database, table: str, key: str) -> dict | None:
    rows = list(db.query(f"select * from [{table}] where constituency_key = ?", [key]))
    return rows[0] if rows else None


def _stale(fetched_at: str, ttl: timedelta) -> bool:
    return utc_now() - datetime.fromisoformat(fetched_at) > ttl


def _mp(row: dict) -> MP:
    return MP(
        member_id=row["member_id"], display_as=row["display_as"],
        full_title=row["full_title"], address_as=row["address_as"], party=row["party"],
        constituency=row["constituency_name"], gender=row["gender"] or "",
    )
