"""Reading campaigns and their asks: the one place that does, for the public site,
staff and exports alike (their rows come from `tables`, the one module with their
SQL). Changing them is staff.editing's job; the launch campaign ships in `launch`."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import sqlite_utils
from flask_babel import format_number, gettext

from campaign.built_once import BuiltOnce
from campaign.campaigns import tables
from campaign.campaigns.devolution import rule_rows, rules_from
from campaign.campaigns.translations import in_language, offered_in
from campaign.content_version import KeptUntilChanged
from letters import Ask, Wording
from letters.devolution import NationRule
from letters.languages import ENGLISH
from letters.wording import render_wording


class Status(StrEnum):
    """Where a campaign stands: only staff see a draft; citizens write to a live one;
    a closed one thanks its writers. Stored as its text in `campaigns.status`."""

    DRAFT = "draft"
    LIVE = "live"
    CLOSED = "closed"


STATUSES = tuple(Status)
#: The one placeholder a thank-you message may use (checked like the letter's wording).
THANK_YOU_PLACEHOLDERS = {"count": "How many letters to MPs were written, e.g. 1,234 (or "
                                    "\"at least 1,230\" while some constituencies have "
                                    "fewer than 5, which the public never sees exactly)"}
DEFAULT_THANK_YOU = "This campaign has closed. Thank you to everyone who wrote to their MP."


@dataclass(frozen=True)
class Campaign:
    """A campaign as the public site shows it."""

    id: int
    slug: str
    title: str
    summary: str
    intro: str
    status: Status
    wording: Wording
    thank_you: str
    #: What migration 9 (m009_plain_wording) could not convert, for staff to correct
    #: ("" when nothing).
    wording_review: str = ""
    #: The campaign's help page (campaigns.help_text): its title is also the header link,
    #: its footer line is the footer's; all empty for a campaign without one.
    help_title: str = ""
    help_footer: str = ""
    help_text: str = ""
    #: The language of the wording above: the one the campaign was read in when its
    #: translation into it is complete (campaign.campaigns.translations), else "en".
    language: str = ENGLISH

    @property
    def has_help(self) -> bool:
        return bool(self.help_title and self.help_text)

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    @property
    def intro_paragraphs(self) -> list[str]:
        return [p.strip() for p in self.intro.split("\n\n") if p.strip()]

    def thank_you_message(self, letters: int, count_text: str = "") -> str:
        """The closed campaign's thanks, with {{ count }} filled in ("1,234", or
        `count_text`: the public pages say "at least 1,234" when seats' small counts are
        hidden behind the total, campaign.small_numbers).

        The site's own default thanks is said in the page's language; what staff
        wrote is theirs, in the language they wrote it in.
        """
        text = self.thank_you or DEFAULT_THANK_YOU
        if text == DEFAULT_THANK_YOU:
            if letters == 0:  # nobody wrote: there is no one to thank
                return gettext("This campaign has closed.")
            return gettext("This campaign has closed. Thank you to everyone who wrote to "
                           "their MP.")
        return render_wording(text, {"count": count_text or format_number(letters)},
                              THANK_YOU_PLACEHOLDERS)


def _campaign(row: dict, language: str = ENGLISH) -> Campaign:
    return Campaign(
        id=row["id"], slug=row["slug"], title=row["title"], summary=row["summary"] or "",
        intro=row["intro"] or "", status=Status(row["status"]),
        wording=Wording(opening=row["opening"] or "", closing=row["closing"] or "",
                        subject=row["subject"] or "", prompts=row.get("prompts") or "",
                        minister_closing=row.get("minister_closing") or "",
                        shadow_closing=row.get("shadow_closing") or "",
                        supporter_opening=row.get("supporter_opening") or ""),
        thank_you=row["thank_you"] or "", wording_review=row.get("wording_review") or "",
        help_title=row.get("help_title") or "", help_footer=row.get("help_footer") or "",
        help_text=row.get("help_text") or "", language=language,
    )


def _campaign_in(db: sqlite_utils.Database, row: dict, language: str) -> Campaign:
    # Translated only once the translation is complete; English reads skip the check.
    if language != ENGLISH and offered_in(db, row, language):
        return _BUILT_CAMPAIGNS.get((tuple(row.items()), language), lambda: _campaign(
            in_language(row, "campaigns", language), language))
    # Every request of a letter reads its campaign: the same row builds the same
    # (frozen) Campaign, built once (campaign.built_once).
    return _BUILT_CAMPAIGNS.get((tuple(row.items()), ENGLISH), lambda: _campaign(row))


#: Campaigns built from their rows, in the language they are read in.
_BUILT_CAMPAIGNS: BuiltOnce[Campaign] = BuiltOnce()


def public_campaigns(db: sqlite_utils.Database, language: str = ENGLISH) -> list[Campaign]:
    """Live campaigns, newest first: the ones the home page lists (each in `language`
    where its wording is complete in it, see `campaign_by_slug`)."""
    return [_campaign_in(db, row, language)
            for row in tables.campaign_rows_in_status(db, Status.LIVE)]


def latest_closed_campaign(db: sqlite_utils.Database,
                           language: str = ENGLISH) -> Campaign | None:
    """The campaign closed most recently: the home page thanks its writers when none is live."""
    row = tables.last_changed_campaign_row(db, Status.CLOSED)
    return _campaign_in(db, row, language) if row else None


def campaign_by_slug(db: sqlite_utils.Database, slug: str,
                     language: str = ENGLISH) -> Campaign | None:
    """The campaign at /c/<slug>/, whatever its status, or None.

    Asked for in another language ("cy"), it comes with its wording in that language
    when that is complete, else with its English; its `language` says which. Read its asks in that language.
    """
    # Read by every page of a letter: kept until the content changes
    # (campaign.content_version).
    return _BY_SLUG.get(db, (slug, language), lambda: _campaign_by_slug(db, slug, language))


_BY_SLUG: KeptUntilChanged[Campaign | None] = KeptUntilChanged()


def _campaign_by_slug(db: sqlite_utils.Database, slug: str, language: str) -> Campaign | None:
    row = tables.campaign_row_by_slug(db, slug)
    return _campaign_in(db, row, language) if row else None


def campaign_slugs(db: sqlite_utils.Database) -> list[str]:
    """Every campaign's slug, in alphabetical order (drafts and closed ones too)."""
    return tables.campaign_slugs(db)


def campaign_by_id(db: sqlite_utils.Database, campaign_id: int,
                   language: str = ENGLISH) -> Campaign | None:
    """The campaign with `campaign_id`, whatever its status, or None; in `language` as
    `campaign_by_slug` reads it."""
    row = tables.campaign_row(db, campaign_id)
    return _campaign_in(db, row, language) if row else None


def all_campaigns(db: sqlite_utils.Database) -> list[dict]:
    """Every campaign, newest first, with how many asks it has switched on (staff's list)."""
    return tables.campaign_summaries(db)


def _ask(row: dict, rules: Mapping[int, tuple[NationRule, ...]] | None = None) -> Ask:
    return Ask(id=row["id"], title=row["title"], paragraph=row["paragraph"],
               explanation=row["explanation"] or "", enabled=bool(row["enabled"]),
               nations=(rules or {}).get(row["id"], ()))


def _asks(db: sqlite_utils.Database, rows, language: str = ENGLISH) -> list[Ask]:
    # Each ask with who decides it per nation (campaigns.devolution), in one more query.
    rows = list(rows)
    if language != ENGLISH:
        rows = [in_language(row, "asks", language) for row in rows]
    rules = rule_rows(db, (row["id"] for row in rows), language)
    # The same rows build the same (frozen) asks: built once (campaign.built_once).
    key = (tuple(tuple(row.items()) for row in rows), rules)
    # A new list each time: the caller's to change.
    return list(_BUILT_ASKS.get(key, lambda: tuple(_ask(row, rules_from(rules))
                                                    for row in rows)))


#: Asks built from their rows and rules (campaign.built_once).
_BUILT_ASKS: BuiltOnce[tuple[Ask, ...]] = BuiltOnce()


def enabled_asks(db: sqlite_utils.Database, campaign_id: int,
                 language: str = ENGLISH) -> list[Ask]:
    """The asks citizens can tick, in the campaign's order, in `language`: pass the
    campaign's own (`Campaign.language`), which is another only when its translation
    into it is complete."""
    # Read by every page of a letter: kept until the content changes
    # (campaign.content_version); a new list each time, the caller's to change.
    return list(_ENABLED_ASKS.get(db, (campaign_id, language), lambda: tuple(
        _enabled_asks(db, campaign_id, language))))


_ENABLED_ASKS: KeptUntilChanged[tuple[Ask, ...]] = KeptUntilChanged()


def _enabled_asks(db: sqlite_utils.Database, campaign_id: int, language: str) -> list[Ask]:
    columns = None if language != ENGLISH else ("id", "title", "paragraph", "explanation", "enabled")
    return _asks(db, tables.enabled_ask_rows(db, campaign_id, columns), language)


def all_asks(db: sqlite_utils.Database, campaign_id: int) -> list[Ask]:
    """All of a campaign's asks, switched off ones too, in their order (staff pages)."""
    return _asks(db, tables.ask_rows(db, campaign_id))


def campaign_ask(db: sqlite_utils.Database, campaign_id: int, ask_id: int) -> Ask | None:
    """One ask of this campaign, or None (also when the ask belongs to another campaign)."""
    row = tables.ask_row(db, campaign_id, ask_id)
    return _asks(db, [row])[0] if row else None
