"""What organisers see of letters posted: counts by day and constituency, by status,
and the spend the service reported. Reads only the posted_letters rows."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import sqlite_utils

#: "unsure": sent when the service gave no answer in time, until the writer's retry settles it.
STATUS_COLUMNS = ("sent", "printed", "dispatched", "delivered", "returned", "cancelled",
                  "unsure")


@dataclass(frozen=True)
class PostedRow:
    """Letters posted on one day to one constituency, by status, and what they cost."""

    day: str
    constituency_code: str
    constituency_name: str
    by_status: dict[str, int]
    cost: Decimal

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


def _money(text: str) -> Decimal:
    try:
        return Decimal(text or "0")
    except InvalidOperation:
        return Decimal(0)


def posted_rows(db: sqlite_utils.Database, campaign_id: int) -> list[PostedRow]:
    """One row per day and constituency, newest day first (reservations in flight left out)."""
    grouped: dict[tuple[str, str, str], tuple[dict[str, int], Decimal]] = {}
    for row in db.execute(
            "SELECT day, constituency_code, constituency_name, status, cost FROM posted_letters"
            " WHERE campaign_id = ? AND status != 'reserved'"
            " ORDER BY day DESC, constituency_name", [campaign_id]).fetchall():
        key = (row[0], row[1], row[2])
        statuses, cost = grouped.get(key, (dict.fromkeys(STATUS_COLUMNS, 0), Decimal(0)))
        statuses[row[3]] = statuses.get(row[3], 0) + 1
        grouped[key] = (statuses, cost + _money(row[4]))
    return [PostedRow(day, code, name, statuses, cost)
            for (day, code, name), (statuses, cost) in grouped.items()]


def totals(rows: list[PostedRow]) -> tuple[int, Decimal]:
    """(letters, spend) over `rows`."""
    return sum(row.total for row in rows), sum((row.cost for row in rows), Decimal(0))
