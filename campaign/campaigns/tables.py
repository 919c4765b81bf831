"""The campaigns and asks tables as stored: the one module outside migrations that
reads and writes their rows (and reads whole rows of `ask_nations`), so a column or
an index changes in one place.

Rows come back as sqlite-utils' dicts, every column, for the modules beside it to
turn into what they serve: `campaign.campaigns` a Campaign and its Asks, `translations`
what is missing in Welsh, `staff.editing` its snapshots and checks. The rules that
protect citizens (slugs free, a live campaign keeps an ask on) are staff.editing's;
the writes here only store what it decided. Who decides an ask per nation is read
and written by `devolution`.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import sqlite_utils

from campaign.clock import timestamp
from campaign.db import insert_row, select


def _first(db: sqlite_utils.Database, sql: str, params: Sequence) -> dict | None:
    rows = list(select(db, sql, params))
    return rows[0] if rows else None


def campaign_row(db: sqlite_utils.Database, campaign_id: int) -> dict | None:
    """The campaign with `campaign_id`, whatever its status, or None."""
    return _first(db, "select * from campaigns where id = ?", [campaign_id])


def campaign_row_by_slug(db: sqlite_utils.Database, slug: str) -> dict | None:
    """The campaign at the web address `slug`, whatever its status, or None."""
    return _first(db, "select * from campaigns where slug = ?", [slug])


def campaign_rows_in_status(db: sqlite_utils.Database, status: str) -> list[dict]:
    """The campaigns in `status` ("live", ...), newest first."""
    return list(select(db, "select * from campaigns where status = ? order by id desc",
                         [status]))


def last_changed_campaign_row(db: sqlite_utils.Database, status: str) -> dict | None:
    """The campaign in `status` changed most recently (a status change counts), or None."""
    return _first(db, "select * from campaigns where status = ?"
                      " order by updated_at desc, id desc limit 1", [status])


def campaign_slugs(db: sqlite_utils.Database) -> list[str]:
    """Every campaign's slug, in alphabetical order (drafts and closed ones too)."""
    return [row["slug"] for row in select(db, "select slug from campaigns order by slug")]


def campaign_summaries(db: sqlite_utils.Database) -> list[dict]:
    """Every campaign, newest first: id, slug, title, status, updated_at and how many
    asks it has switched on (`enabled_asks`)."""
    return list(select(db,
        "select c.id, c.slug, c.title, c.status, c.updated_at,"
        " (select count(*) from asks a where a.campaign_id = c.id and a.enabled = 1)"
        "   as enabled_asks"
        " from campaigns c order by c.id desc"))


def campaign_updated_at(db: sqlite_utils.Database, campaign_id: int) -> str | None:
    """When the campaign or one of its asks last changed, or None for no campaign."""
    row = db.execute("select updated_at from campaigns where id = ?", [campaign_id]).fetchone()
    return row[0] if row else None


def slug_taken(db: sqlite_utils.Database, slug: str, besides: int | None = None) -> bool:
    """Whether a campaign other than `besides` has the web address `slug`."""
    return bool(db["campaigns"].count_where("slug = ? and id != ?", [slug, besides or -1]))


def insert_campaign(db: sqlite_utils.Database, values: dict) -> int:
    """Store a new campaign's row; return its id."""
    return insert_row(db, "campaigns", values)


def update_campaign_row(db: sqlite_utils.Database, campaign_id: int, values: dict) -> None:
    """Change the columns `values` names of a campaign's row, and nothing else."""
    db.table("campaigns").update(campaign_id, values)


def mark_campaign_changed(db: sqlite_utils.Database, campaign_id: int) -> None:
    """Record that the campaign changed now (one of its asks or targets did)."""
    db.table("campaigns").update(campaign_id, {"updated_at": timestamp()})


def ask_row(db: sqlite_utils.Database, campaign_id: int, ask_id: int) -> dict | None:
    """The ask `ask_id` of this campaign, or None (also when it is another campaign's)."""
    return _first(db, "select * from asks where id = ? and campaign_id = ?",
                  [ask_id, campaign_id])


def ask_rows(db: sqlite_utils.Database, campaign_id: int) -> list[dict]:
    """All of a campaign's asks, switched off ones too, in their order."""
    return list(select(db, "select * from asks where campaign_id = ? order by position, id",
                         [campaign_id]))


def enabled_ask_rows(db: sqlite_utils.Database, campaign_id: int,
                     columns: Sequence[str] | None = None) -> list[dict]:
    """The campaign's switched on asks, in their order; only `columns` when given (the
    English pages read no Welsh columns)."""
    return list(select(db,
        f"select {', '.join(columns) if columns else '*'} from asks"
        " where campaign_id = ? and enabled = 1 order by position, id", [campaign_id]))


def ask_rows_by_id(db: sqlite_utils.Database, ask_ids: Iterable[int],
                   with_campaign: int | None = None) -> list[dict]:
    """The asks `ask_ids` (id, title, position, enabled, campaign_id), and every ask of
    campaign `with_campaign` too when given."""
    params: list = [json.dumps(sorted(set(ask_ids)))]
    if with_campaign is not None:
        params.append(with_campaign)
    return list(select(db,
        "select id, title, position, enabled, campaign_id from asks where id in"
        f" (select value from json_each(?)){' or campaign_id = ?' if params[1:] else ''}",
        params))


def ask_ids_of(db: sqlite_utils.Database, campaign_id: int) -> list[int]:
    """The ids of all of a campaign's asks, switched off ones too."""
    return [row[0] for row in db.execute("select id from asks where campaign_id = ?",
                                         [campaign_id]).fetchall()]


def ask_count(db: sqlite_utils.Database, campaign_id: int) -> int:
    """How many asks the campaign has, switched off ones too."""
    return db["asks"].count_where("campaign_id = ?", [campaign_id])


def enabled_ask_count(db: sqlite_utils.Database, campaign_id: int,
                      besides: int | None = None) -> int:
    """How many of the campaign's asks are switched on, the ask `besides` left out."""
    return db["asks"].count_where("campaign_id = ? and enabled = 1 and id != ?",
                                  [campaign_id, besides or -1])


def last_ask_position(db: sqlite_utils.Database, campaign_id: int) -> int:
    """The position of the campaign's last ask, 0 when it has none."""
    return db.execute("select coalesce(max(position), 0) from asks where campaign_id = ?",
                      [campaign_id]).fetchone()[0]


def insert_ask(db: sqlite_utils.Database, values: dict) -> int:
    """Store a new ask's row (`values` names its campaign); return its id."""
    return insert_row(db, "asks", values)


def update_ask_row(db: sqlite_utils.Database, ask_id: int, values: dict) -> None:
    """Change the columns `values` names of an ask's row, and nothing else."""
    db.table("asks").update(ask_id, values)


def put_asks_in_order(db: sqlite_utils.Database, ask_ids: Sequence[int]) -> None:
    """Number the asks 1, 2, ... in the order of `ask_ids`."""
    for position, ask_id in enumerate(ask_ids, start=1):
        db.execute("update asks set position = ? where id = ?", [position, ask_id])


def rule_rows(db: sqlite_utils.Database, ask_ids: Iterable[int]) -> dict[int, list[dict]]:
    """Each ask's rows of `ask_nations` (every column), keyed by ask id; an ask with no
    rule written has none."""
    ids = sorted(set(ask_ids))
    found: dict[int, list[dict]] = {}
    if ids:
        for row in select(db, f"select * from ask_nations where ask_id in ({', '.join('?' * len(ids))})",
                            ids):
            found.setdefault(row["ask_id"], []).append(row)
    return found
