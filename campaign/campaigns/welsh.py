"""A campaign's wording in Welsh: which texts have a Welsh version, what is missing,
and reading a campaign, its asks and their rules per nation in Welsh.

Staff write the Welsh of each text beside its English; it lives in a column named for
the English one with "_cy" added (migration m020). A campaign is *offered in Welsh*
once every text whose English is written has its Welsh too (for asks, the switched
on ones): then a writer on the Welsh pages (/cy/) reads the campaign and gets a
letter in Welsh. Until then the Welsh pages show the campaign's English wording and
say so. Reading in English never looks at these columns, so English pages cost what
they always did.
"""
from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils

from campaign.campaigns.tables import campaign_row, enabled_ask_rows, rule_rows
from letters.languages import WELSH
from letters.nations import Nation

#: The Welsh column of an English one.
SUFFIX = "_" + WELSH

#: The texts with a Welsh version, by table: what a writer reads or their letter says.
#: Staff-only fields (the web address, status) and second letters' targets (offices
#: outside Wales, which write in English) have none.
WELSH_TEXTS: dict[str, tuple[str, ...]] = {
    "campaigns": ("title", "summary", "intro", "subject", "opening", "closing",
                  "minister_closing", "shadow_closing", "supporter_opening", "prompts",
                  "thank_you", "help_title", "help_footer", "help_text"),
    "asks": ("title", "paragraph", "explanation"),
    "ask_nations": ("decided_by", "paragraph", "note"),
}
WELSH_COLUMNS: dict[str, tuple[str, ...]] = {
    table: tuple(name + SUFFIX for name in names) for table, names in WELSH_TEXTS.items()}

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


def welsh_column(name: str) -> str:
    """The Welsh column of the English text `name` ("title" -> "title_cy")."""
    return name + SUFFIX


def missing_texts(row: Mapping, table: str) -> list[str]:
    """The texts of one row whose English is written and whose Welsh is not."""
    return [name for name in WELSH_TEXTS[table]
            if (row.get(name) or "").strip() and not (row.get(welsh_column(name)) or "").strip()]


def in_welsh(row: Mapping, table: str) -> dict:
    """The row with each text's Welsh in place of its English (an empty Welsh text
    stays empty, as its English is when it is optional)."""
    return {**row, **{name: row.get(welsh_column(name)) or "" for name in WELSH_TEXTS[table]}}


def welsh_gaps(db: sqlite_utils.Database, campaign_id: int) -> list[str]:
    """What a campaign still needs in Welsh before it is offered in Welsh, a line
    each for staff ("The Welsh of the introduction", "Ask 2, “Title”: the Welsh of
    its paragraph"); empty when it is complete."""
    row = campaign_row(db, campaign_id)
    return _gaps(db, row) if row else []


def offered_in_welsh(db: sqlite_utils.Database, campaign: Mapping) -> bool:
    """Whether writers on the Welsh pages get this campaign (its row, as read) in Welsh."""
    return not _gaps(db, campaign)


def _gaps(db: sqlite_utils.Database, campaign: Mapping) -> list[str]:
    gaps = [f"The Welsh of the {TEXT_NAMES[name]}" for name in missing_texts(campaign, "campaigns")]
    asks = enabled_ask_rows(db, campaign["id"])
    rules = rule_rows(db, (ask["id"] for ask in asks))
    for number, ask in enumerate(asks, start=1):
        where = f"Ask {number}, “{ask['title']}”"
        gaps += [f"{where}: the Welsh of its {TEXT_NAMES[name]}"
                 for name in missing_texts(ask, "asks")]
        for rule in rules.get(ask["id"], ()):
            nation = Nation.of_code(rule["nation"])
            label = nation.label if nation else rule["nation"]
            gaps += [f"{where}, in {label}: the Welsh of its {TEXT_NAMES[name]}"
                     for name in missing_texts(rule, "ask_nations")]
    return gaps

