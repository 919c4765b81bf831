"""Whether Parliament is sitting or dissolved for a general election.

From dissolution until the new Parliament there are no MPs, so no letter can be
addressed. The state lives in the register's `register_meta` table, set either by
staff (`flask --app wsgi parliament dissolved|sitting`) or by a register refresh
that finds (almost) no sitting MPs. A refresh that finds a full House again undoes
only its own dissolution: one set by staff stays until staff change it.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from campaign.clock import timestamp
from campaign.content_version import KeptUntilChanged
from campaign.db import select, write_transaction

SITTING, DISSOLVED = "sitting", "dissolved"
STATES = (SITTING, DISSOLVED)
BY_STAFF, BY_REFRESH = "staff", "refresh"


@dataclass(frozen=True)
class ParliamentState:
    """Sitting or dissolved, who said so and when (None: never set, so sitting)."""

    state: str = SITTING
    set_by: str | None = None
    changed_at: str | None = None

    @property
    def dissolved(self) -> bool:
        return self.state == DISSOLVED


def state(db: sqlite_utils.Database) -> ParliamentState:
    """What the register says about Parliament now."""
    # Asked on every page of a letter: kept until it changes (campaign.content_version).
    return _KEPT.get(db, "parliament", lambda: _read_state(db))


_KEPT: KeptUntilChanged[ParliamentState] = KeptUntilChanged()


def _read_state(db: sqlite_utils.Database) -> ParliamentState:
    meta = {row["key"]: row["value"] for row in select(db,
        "select key, value from register_meta"
        " where key in ('parliament', 'parliament_set_by', 'parliament_changed_at')")}
    return ParliamentState(meta.get("parliament") or SITTING, meta.get("parliament_set_by"),
                           meta.get("parliament_changed_at"))


def set_state(db: sqlite_utils.Database, new_state: str, set_by: str) -> ParliamentState:
    """Record that Parliament is `new_state` ("sitting" or "dissolved"), said by `set_by`."""
    if new_state not in STATES:
        raise ValueError(f"Parliament is {' or '.join(STATES)}, not {new_state!r}")
    changed_at = timestamp()
    with write_transaction(db):
        db.table("register_meta").upsert_all([
            {"key": "parliament", "value": new_state},
            {"key": "parliament_set_by", "value": set_by},
            {"key": "parliament_changed_at", "value": changed_at},
        ], pk="key")
    return ParliamentState(new_state, set_by, changed_at)
