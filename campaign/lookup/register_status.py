"""What staff see about the MP register: its age and source, Parliament, and warnings.

Read on the staff home page; `mps refresh` prints the same boundary warning.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlite_utils

from campaign import clock
from campaign.lookup import constituencies, parliament
from letters.dates import uk_date


@dataclass(frozen=True)
class RegisterStatus:
    """What staff see about the register on their home page."""

    refreshed_at: str | None
    age_seconds: float | None
    refreshed_by: str | None
    source: str | None
    sitting: int
    on_demand: int
    max_age: float
    refused: dict | None
    parliament: parliament.ParliamentState
    unknown_seats: list[str]  # seats in the register that the shipped constituencies lack

    @property
    def stale(self) -> bool:
        return self.age_seconds is None or self.age_seconds > self.max_age

    @property
    def refreshed_when(self) -> str:
        return _when(self.refreshed_at)

    @property
    def parliament_when(self) -> str:
        return _when(self.parliament.changed_at)

    @property
    def refused_when(self) -> str:
        return _when((self.refused or {}).get("at"))

    @property
    def age_text(self) -> str:
        """"3 hours", "2 days": how old the register is, for people."""
        return _duration(self.age_seconds or 0)


def _when(timestamp: str | None) -> str:
    """"23 November 2026, 08:23 UTC" from an ISO timestamp."""
    if not timestamp:
        return ""
    moment = datetime.fromisoformat(timestamp).astimezone(timezone.utc)
    return f"{uk_date(moment.date())}, {moment:%H:%M} UTC"


def _duration(seconds: float) -> str:
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "less than a minute"


def status(db: sqlite_utils.Database, max_age: float) -> RegisterStatus:
    """The register's age, source and size, and any refresh it refused."""
    meta = {row["key"]: row["value"] for row in db.query(
        "select key, value from register_meta"
        " where key in ('refreshed_at', 'refreshed_by', 'source', 'refresh_refused')")}
    counts = {row["source"]: row["n"] for row in db.query(
        "select source, count(*) as n from mps group by source")}
    loaded = meta.get("refreshed_at")
    return RegisterStatus(
        refreshed_at=loaded,
        age_seconds=None if loaded is None
        else (clock.now() - datetime.fromisoformat(loaded)).total_seconds(),
        refreshed_by=meta.get("refreshed_by"), source=meta.get("source"),
        sitting=counts.get("refresh", 0), on_demand=counts.get("on-demand", 0),
        max_age=max_age,
        refused=json.loads(meta["refresh_refused"]) if meta.get("refresh_refused") else None,
        parliament=parliament.state(db),
        unknown_seats=seats_not_shipped(db),
    )


def seats_not_shipped(db: sqlite_utils.Database) -> list[str]:
    """Seats the register holds that are not among the shipped constituencies.

    After a boundary review takes effect (at a general election) the Members API
    names seats the shipped list and an older postcode directory don't know.
    """
    shipped = constituencies.shipped()
    # No code: the refresh (or m012) found no shipped name to match. A code not
    # shipped: a seat asked about on demand from a postcode source on other boundaries.
    return sorted(row["constituency_name"] for row in db.query(
        "select constituency_code, constituency_name from mps")
        if row["constituency_code"] not in shipped)
