"""A campaign's wording in the languages beside English: the one module that knows how
those texts are stored, which have their translation, what is missing, and reading a
row in another language.

Staff write each text's translation beside its English; it lives in a column of the
same table named from the register of languages (letters.languages.Language.column:
"title" -> "title_cy", migration m020 for Welsh). Columns, not a table of
translations: the rows a page reads already hold their translations, so reading a
campaign in another language is the one query it always was, English reads never look
at the other columns, no data moves, and a language more is one migration adding its
columns (`TEXTS` and `TARGET_TEXTS` say which, by table).

A campaign is *offered in* a language once every text whose English is written has
its translation (for asks, the switched on ones): then a writer on that language's
pages reads the campaign and gets a letter in it. Until then those pages show the
campaign's English wording and say so.
"""
from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils

from campaign.campaigns.tables import campaign_row, enabled_ask_rows, rule_rows
from letters.languages import language_for, translations
from letters.nations import Nation

#: The texts with a translation, by table: what a writer reads or their letter says.
#: Staff-only fields (the web address, status) have none; second letters' targets'
#: texts are `TARGET_TEXTS`.
TEXTS: dict[str, tuple[str, ...]] = {
    "campaigns": ("title", "summary", "intro", "subject", "opening", "closing",
                  "minister_closing", "shadow_closing", "supporter_opening", "prompts",
                  "thank_you", "help_title", "help_footer", "help_text"),
    "asks": ("title", "paragraph", "explanation"),
    "ask_nations": ("decided_by", "paragraph", "note"),
}
#: A second letter's target's texts with a translation (campaign_targets, migration m023).
TARGET_TEXTS = ("salutation", "opening", "closing", "subject", "ask_paragraphs")

#: How staff read each text's name in the list of what is missing.
TEXT_NAMES = {
    "title": "title", "summary": "summary", "intro": "introduction", "subject": "subject",
    "opening": "opening", "closing": "closing", "minister_closing": "closing for ministers",
    "shadow_closing": "closing for shadow ministers",
    "supporter_opening": "opening for supporters' constituents",
    "prompts": "questions for writers", "thank_you": "thank-you message",
    "help_title": "help page title", "help_footer": "help page footer line",
    "help_text": "help page text", "paragraph": "paragraph", "explanation": "explanation",
    "decided_by": "who decides it", "note": "note for writers", "salutation": "greeting",
}


def columns(table: str, language: str) -> tuple[str, ...]:
    """The columns of `table` holding its texts in `language` (a code), in `TEXTS`' order."""
    named = language_for(language)
    return tuple(named.column(name) for name in TEXTS[table])


def translated_columns(table: str) -> tuple[str, ...]:
    """The columns of `table` holding its texts in every language beside English."""
    return tuple(column for language in translations()
                 for column in columns(table, language.code))


def missing_texts(row: Mapping, table: str, language: str) -> list[str]:
    """The texts of one row whose English is written and whose `language` is not."""
    named = language_for(language)
    return [name for name in TEXTS[table]
            if (row.get(name) or "").strip() and not (row.get(named.column(name)) or "").strip()]


def in_language(row: Mapping, table: str, language: str) -> dict:
    """The row with each text's translation into `language` in place of its English (an
    empty translation stays empty, as its English is when it is optional)."""
    named = language_for(language)
    return {**row, **{name: row.get(named.column(name)) or "" for name in TEXTS[table]}}


def gaps(db: sqlite_utils.Database, campaign_id: int, language: str) -> list[str]:
    """What a campaign still needs in `language` before it is offered in it, a line
    each for staff ("The Welsh of the introduction", "Ask 2, “Title”: the Welsh of
    its paragraph"); empty when it is complete."""
    row = campaign_row(db, campaign_id)
    return _gaps(db, row, language) if row else []


def offered_in(db: sqlite_utils.Database, campaign: Mapping, language: str) -> bool:
    """Whether writers on `language`'s pages get this campaign (its row, as read) in it."""
    return not _gaps(db, campaign, language)


def _gaps(db: sqlite_utils.Database, campaign: Mapping, language: str) -> list[str]:
    english_name = language_for(language).english_name
    gaps = [f"The {english_name} of the {TEXT_NAMES[name]}"
            for name in missing_texts(campaign, "campaigns", language)]
    asks = enabled_ask_rows(db, campaign["id"])
    rules = rule_rows(db, (ask["id"] for ask in asks))
    for number, ask in enumerate(asks, start=1):
        where = f"Ask {number}, “{ask['title']}”"
        gaps += [f"{where}: the {english_name} of its {TEXT_NAMES[name]}"
                 for name in missing_texts(ask, "asks", language)]
        for rule in rules.get(ask["id"], ()):
            nation = Nation.of_code(rule["nation"])
            label = nation.label if nation else rule["nation"]
            gaps += [f"{where}, in {label}: the {english_name} of its {TEXT_NAMES[name]}"
                     for name in missing_texts(rule, "ask_nations", language)]
    return gaps

