"""Editing a campaign's details: its title, web address, summary, introduction,
thank-you and help page, each with its translations (Welsh)."""
from __future__ import annotations

import sqlite_utils

from campaign.campaigns import DEFAULT_THANK_YOU, THANK_YOU_PLACEHOLDERS, Status, tables
from campaign.campaigns.translations import translated_columns
from campaign.clock import timestamp
from campaign.db import write_transaction
from campaign.staff.editing.letter_wording import DEFAULT_WORDING, wording_snapshot
from campaign.staff.editing.recording import Editor, record_change
from campaign.staff.editing.refusals import EditError, refuse_all
from campaign.staff.editing.rows import campaign_row
from campaign.staff.editing.slugs import check_slug
from campaign.staff.editing.translated import (
    check_beside_english,
    translated_name,
    with_translations,
)
from letters.languages import translations
from letters.wording import wording_problems

CAMPAIGN_FIELDS = with_translations(("title", "slug", "summary", "intro", "thank_you",
                                     "help_title", "help_footer", "help_text"), "campaigns")


def _check_thank_you(values: dict) -> None:
    problems = wording_problems(values["thank_you"], placeholders=THANK_YOU_PLACEHOLDERS)
    if problems:
        raise EditError(problems[0], "thank_you")
    for language in translations():
        column = language.column("thank_you")
        problems = wording_problems(values.get(column) or "",
                                    placeholders=THANK_YOU_PLACEHOLDERS)
        if problems:
            raise EditError(f"{translated_name('thank_you', language)}: {problems[0]}", column)


def _check_help(values: dict) -> None:
    # A header link to an empty page, or a page nobody can reach, helps nobody.
    if bool(values["help_title"].strip()) != bool(values["help_text"].strip()):
        missing = "help_text" if values["help_title"].strip() else "help_title"
        raise EditError("Give the help page both a title and its text, or leave both empty.",
                        missing)


def campaign_snapshot(row: dict) -> dict:
    """A campaign's details and status as its history records them."""
    return {name: row.get(name) or "" for name in (*CAMPAIGN_FIELDS, "status")}


def create_campaign(db: sqlite_utils.Database, fields: dict, editor: Editor) -> int:
    """Make a draft campaign from `fields` (title, slug, summary, intro, thank_you)."""
    values = {name: (fields.get(name) or "") for name in CAMPAIGN_FIELDS}
    values["thank_you"] = values["thank_you"] or DEFAULT_THANK_YOU
    refuse_all(campaign_problems(db, values, None))
    now = timestamp()
    with write_transaction(db):
        check_slug(db, values["slug"], None)
        campaign_id = tables.insert_campaign(db, {
            **values, **DEFAULT_WORDING, "status": Status.DRAFT, "created_at": now,
            "updated_at": now})
        row = campaign_row(db, campaign_id)
        record_change(db, campaign_id, "campaign", "created", campaign_snapshot(row), editor)
        record_change(db, campaign_id, "wording", "created", wording_snapshot(row), editor)
    return campaign_id


def campaign_problems(db: sqlite_utils.Database, fields: dict,
                      campaign_id: int | None) -> list[EditError]:
    """Every refusal a campaign's details would meet (the thank-you, the help page,
    translations beside their English, the web address free), so a form shows them all in one round,
    beside its own checks. The web address is checked again when saving, inside the
    write lock."""
    values = {name: (fields.get(name) or "") for name in CAMPAIGN_FIELDS}
    values["thank_you"] = values["thank_you"] or DEFAULT_THANK_YOU
    problems: list[EditError] = []
    for check in (_check_thank_you, _check_help,
                  lambda v: check_beside_english(v, CAMPAIGN_FIELDS),
                  lambda v: check_slug(db, v["slug"], campaign_id) if v["slug"] else None):
        try:
            check(values)
        except EditError as error:
            problems += getattr(error, "errors", [error])
    return problems


def update_campaign(db: sqlite_utils.Database, campaign_id: int, fields: dict,
                    editor: Editor, action: str = "edited") -> None:
    """Change a campaign's title, web address (slug), summary, intro or thank-you text."""
    values = {name: (fields.get(name) or "") for name in CAMPAIGN_FIELDS}
    refuse_all(campaign_problems(db, values, campaign_id))
    with write_transaction(db):
        campaign_row(db, campaign_id)
        check_slug(db, values["slug"], campaign_id)
        tables.update_campaign_row(db, campaign_id, {**values, "updated_at": timestamp()})
        record_change(db, campaign_id, "campaign", action,
                      campaign_snapshot(campaign_row(db, campaign_id)), editor)


def campaign_translations(db: sqlite_utils.Database, campaign_id: int) -> dict[str, str]:
    """The translations of a campaign's texts, as the staff forms' fields ("title_cy",
    ...)."""
    row = campaign_row(db, campaign_id)
    return {column: row.get(column) or "" for column in translated_columns("campaigns")}
