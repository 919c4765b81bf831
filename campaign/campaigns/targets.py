"""Reading a campaign's other targets (letters.targets.Target) from the database.

A row of `campaign_targets` (migration m016) is one office a campaign's writers in
chosen nations may also write to. Staff change them through staff.target_editing.
"""
from __future__ import annotations

import json
from collections.abc import Callable

import sqlite_utils

from campaign.campaigns.translations import TARGET_TEXTS
from campaign.content_version import KeptUntilChanged
from campaign.db import select
from letters import Wording
from letters.languages import translations
from letters.nations import Nation
from letters.targets import Target, TargetTexts

#: The columns staff edit, as the form and the history name them: the English ones,
#: then each other language's texts (campaign.campaigns.translations).
TARGET_FIELDS = ("office", "holder", "salutation", "address", "email", "nations", "opening",
                 "closing", "subject", "ask_paragraphs",
                 *(language.column(name) for language in translations() for name in TARGET_TEXTS))


def _target(row: dict) -> Target:
    nations = tuple(nation for code in (row["nations"] or "").split(",")
                    if (nation := Nation.of_code(code.strip())) is not None)
    paragraphs = {int(ask_id): text
                  for ask_id, text in json.loads(row["ask_paragraphs"] or "{}").items()}
    return Target(
        id=row["id"], office=row["office"], holder=row["holder"] or "",
        salutation=row["salutation"] or "",
        address_lines=tuple(line.strip() for line in (row["address"] or "").splitlines()
                            if line.strip()),
        wording=Wording(opening=row["opening"] or "", closing=row["closing"] or "",
                        subject=row["subject"] or ""),
        nations=nations, email=row["email"] or "", ask_paragraphs=paragraphs,
        translations={language.code: _texts(row, language.column)
                      for language in translations()})


def _texts(row: dict, column: Callable[[str], str]) -> TargetTexts:
    """A target's texts in the language whose columns `column` names."""
    return TargetTexts(
        salutation=row.get(column("salutation")) or "",
        wording=Wording(opening=row.get(column("opening")) or "",
                        closing=row.get(column("closing")) or "",
                        subject=row.get(column("subject")) or ""),
        ask_paragraphs={int(ask_id): text for ask_id, text in
                        json.loads(row.get(column("ask_paragraphs")) or "{}").items()})


def campaign_targets(db: sqlite_utils.Database, campaign_id: int) -> list[Target]:
    """A campaign's other targets, in their order."""
    rows = select(db, "select * from campaign_targets where campaign_id = ?"
                    " order by position, id", [campaign_id])
    return [_target(row) for row in rows]


def targets_offered(db: sqlite_utils.Database, campaign_id: int,
                    nation: Nation | None) -> list[Target]:
    """The targets a writer in `nation` is offered, in their order."""
    if nation is None:
        return []
    # Asked on every letter form and preview: kept until the content changes
    # (campaign.content_version); a new list each time, the caller's to change.
    return list(_OFFERED.get(db, (campaign_id, nation),
                             lambda: _read_targets_offered(db, campaign_id, nation)))


_OFFERED: KeptUntilChanged[tuple[Target, ...]] = KeptUntilChanged()


def _read_targets_offered(db: sqlite_utils.Database, campaign_id: int,
                          nation: Nation) -> tuple[Target, ...]:
    # Most writers (England's) are offered none, so only the offered rows are read.
    rows = select(db,
        "select * from campaign_targets where campaign_id = ?"
        " and instr(',' || nations || ',', ?) order by position, id",
        [campaign_id, f",{nation.value},"])
    return tuple(target for target in map(_target, rows) if target.offered_in(nation))


def campaign_target(db: sqlite_utils.Database, campaign_id: int,
                    target_id: int) -> Target | None:
    """One target of this campaign, or None (also when it belongs to another campaign)."""
    return next((t for t in campaign_targets(db, campaign_id) if t.id == target_id), None)


def target_row(db: sqlite_utils.Database, campaign_id: int, target_id: int) -> dict | None:
    """A target's stored row (staff pages fill their form from it), or None."""
    rows = list(select(db, "select * from campaign_targets where id = ? and campaign_id = ?",
                         [target_id, campaign_id]))
    return rows[0] if rows else None


def target_snapshot(row: dict) -> dict:
    """A target as the campaign's history records it."""
    return {"target_id": row["id"], **{name: row[name] or "" for name in TARGET_FIELDS}}
