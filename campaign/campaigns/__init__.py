"""Reading campaigns and their asks from the database."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from letters import Ask, Wording

STATUSES = ("draft", "live", "closed")


@dataclass(frozen=True)
class Campaign:
    """A campaign as the public site shows it."""

    id: int
    slug: str
    title: str
    summary: str
    intro: str
    status: str
    wording: Wording
    thank_you: str
    #: What migration 9 (m009_plain_wording) could not convert, for staff to correct ("" when nothing).
    wording_review: str = ""

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"

    @property
    def intro_paragraphs(self) -> list[str]:
        return [p.strip() for p in self.intro.split("\n\n") if p.strip()]


def _campaign(row: dict) -> Campaign:
    return Campaign(
        id=row["id"], slug=row["slug"], title=row["title"], summary=row["summary"] or "",
        intro=row["intro"] or "", status=row["status"],
        wording=Wording(opening=row["opening"] or "", closing=row["closing"] or "",
                        subject=row["subject"] or "", prompts=row.get("prompts") or ""),
        thank_you=row["thank_you"] or "", wording_review=row.get("wording_review") or "",
    )


def public_campaigns(db: sqlite_utils.Database) -> list[Campaign]:
    """Live campaigns, newest first: the ones the home page lists."""
    rows = db.query("select * from campaigns where status = 'live' order by id desc")
    return [_campaign(row) for row in rows]


def latest_closed_campaign(db: sqlite_utils.Database) -> Campaign | None:
    """The campaign closed most recently: the home page thanks its writers when none is live."""
    rows = list(db.query(
        "select * from campaigns where status = 'closed' order by updated_at desc, id desc limit 1"))
    return _campaign(rows[0]) if rows else None


def campaign_by_slug(db: sqlite_utils.Database, slug: str) -> Campaign | None:
    """The campaign at /c/<slug>/, whatever its status, or None."""
    rows = list(db.query("select * from campaigns where slug = ?", [slug]))
    return _campaign(rows[0]) if rows else None


def campaign_slugs(db: sqlite_utils.Database) -> list[str]:
    """Every campaign's slug, in alphabetical order (drafts and closed ones too)."""
    return [row["slug"] for row in db.query("select slug from campaigns order by slug")]


def campaign_by_id(db: sqlite_utils.Database, campaign_id: int) -> Campaign | None:
    """The campaign with `campaign_id`, whatever its status, or None (staff pages)."""
    rows = list(db.query("select * from campaigns where id = ?", [campaign_id]))
    return _campaign(rows[0]) if rows else None


def enabled_asks(db: sqlite_utils.Database, campaign_id: int) -> list[Ask]:
    """The asks citizens can tick, in the campaign's order."""
    rows = db.query(
        "select id, title, paragraph, explanation from asks"
        " where campaign_id = ? and enabled = 1 order by position, id",
        [campaign_id],
    )
    return [Ask(id=r["id"], title=r["title"], paragraph=r["paragraph"],
                explanation=r["explanation"] or "") for r in rows]
