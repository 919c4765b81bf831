"""What a migration writes in a campaign's history, and the time it writes there.

Migrations that change a campaign say so in its history, as staff edits do: the thing
after the change, with no user. The time is the clock the runner passes to `apply`
(campaign.clock's, so tests on a FixedClock read their own time), or the real UTC time
when nobody passes one: a migration imports nothing live, the clock included.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timezone

import sqlite_utils

_clock: ContextVar[Callable[[], str] | None] = ContextVar("migration_clock", default=None)


@contextmanager
def stamped_by(clock: Callable[[], str] | None) -> Iterator[None]:
    """Run the block with `clock` (a function giving the database's UTC ISO text)
    as the time migrations record; None is the real clock."""
    token = _clock.set(clock)
    try:
        yield
    finally:
        _clock.reset(token)


def timestamp() -> str:
    """Now, as the database stores it (UTC ISO text to the second)."""
    clock = _clock.get()
    return clock() if clock is not None else datetime.now(timezone.utc).isoformat(
        timespec="seconds")


def record_history(db: sqlite_utils.Database, campaign_id: int, kind: str, action: str,
                   snapshot: dict, ask_id: int | None = None) -> None:
    """An entry in the campaign's history made by a migration (no user): every
    migration that changes a campaign records it through this."""
    db.table("campaign_history").insert({
        "campaign_id": campaign_id, "kind": kind, "ask_id": ask_id, "action": action,
        "snapshot": json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
        "user_id": None, "user_email": "", "changed_at": timestamp(),
    })
