"""Editing a campaign's letter wording: the opening, closing, subject, questions for
writers and the wording used for some MPs, each with its translations (Welsh)."""
from __future__ import annotations

import sqlite_utils

from campaign.campaigns import Status, tables
from campaign.clock import timestamp
from campaign.db import write_transaction
from campaign.staff.editing.recording import Editor, record_change
from campaign.staff.editing.refusals import EditError
from campaign.staff.editing.rows import campaign_row
from campaign.staff.editing.translated import (
    check_beside_english,
    translated_name,
    with_translations,
)
from letters.languages import REGISTER, Language
from letters.wording import WordingError, check_wording, wording_problems

WORDING_FIELDS = with_translations(("opening", "closing", "subject", "prompts",
                                    "minister_closing", "shadow_closing", "supporter_opening"),
                                   "campaigns")


#: Optional wording used in place of the opening or closing for some MPs (issue 21).
TARGETED_WORDING = ("minister_closing", "shadow_closing", "supporter_opening")


#: Questions shown beside the writer's note, one per line.
MAX_PROMPTS, MAX_PROMPT_LENGTH = 3, 200


# A new campaign starts with wording that works, so staff edit rather than start blank.
DEFAULT_WORDING = {
    "opening": "I am writing to you as a constituent in {{ constituency }}. "
               "I would like you to support the following.",
    "closing": "I would be grateful for a reply setting out your view on these points "
               "and what you will do to take them forward.",
    "subject": "",
    "prompts": "",
}


BASELINE_ACTION = "as it was before the first recorded edit"


def wording_snapshot(row: dict) -> dict:
    """A campaign's wording as its history records it."""
    return {name: row.get(name) or "" for name in WORDING_FIELDS}


def check_all_wording(values: dict) -> None:
    """Raise EditError naming the first wording field that cannot be saved as it is
    (the English first, then each translation beside it, checked alike)."""
    for language in REGISTER.values():
        for name in ("opening", "closing", "subject", *TARGETED_WORDING):
            field = language.column(name)
            try:
                check_wording(values.get(field) or "", several=name != "subject")
            except WordingError as error:
                raise EditError(_named(name, str(error), language), field) from None
        field = language.column("prompts")
        problems = prompt_problems(values.get(field) or "")
        if problems:
            raise EditError(_named("prompts", problems[0], language), field)
    check_beside_english(values, WORDING_FIELDS)


def _named(name: str, problem: str, language: Language) -> str:
    """`problem` with the text it is in named, when that is a translation."""
    return problem if language.is_default else f"{translated_name(name, language)}: {problem}"


def prompt_problems(text: str) -> list[str]:
    """Every mistake in the questions for writers (one per line), each a sentence."""
    prompts = [line for line in text.splitlines() if line.strip()]
    problems = []
    if len(prompts) > MAX_PROMPTS:
        problems.append(f"Give at most {MAX_PROMPTS} questions, one per line.")
    if any(len(prompt) > MAX_PROMPT_LENGTH for prompt in prompts):
        problems.append(f"Keep each question under {MAX_PROMPT_LENGTH} characters.")
    for prompt in prompts:
        problems += [problem for problem in wording_problems(prompt, several=False)
                     if problem not in problems]
    return problems


def update_wording(db: sqlite_utils.Database, campaign_id: int, wording: dict,
                   editor: Editor, action: str = "edited") -> None:
    """Save the opening, closing and subject; raise EditError naming a field that is wrong.

    The forms check wording too; checking again here means no route can save
    wording that would break letters.
    """
    campaign_row(db, campaign_id)
    values = {name: (wording.get(name) or "") for name in WORDING_FIELDS}
    check_all_wording(values)
    with write_transaction(db):
        row = campaign_row(db, campaign_id)
        if row["status"] == Status.LIVE:
            for name in ("opening", "closing"):
                if not values[name].strip():
                    raise EditError("A live campaign's letter needs this.", name)
        if not db["campaign_history"].count_where(
                "campaign_id = ? and kind = 'wording'", [campaign_id]):
            # Campaigns loaded before history existed (the launch campaign): keep the
            # wording they came with, so the first edit can be undone too.
            record_change(db, campaign_id, "wording", BASELINE_ACTION, wording_snapshot(row),
                          Editor(id=None, email=""))
        # Saving checked wording settles whatever migration 9 (m009_plain_wording) asked
        # staff to review.
        tables.update_campaign_row(db, campaign_id, {**values, "wording_review": "",
                                                     "updated_at": timestamp()})
        record_change(db, campaign_id, "wording", action, values, editor)
