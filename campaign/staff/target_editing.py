"""Editing a campaign's other targets (second letters), with a history of every change.

As with asks and wording (staff.editing), the rules live here so no route can skip
them: the office's address must fit a DL envelope's window (letters.targets), its
wording passes the same checks as the MP letter's, and each change is recorded in
the campaign's history (kind "target") in the transaction that makes it.
"""
from __future__ import annotations

import json
import re

import sqlite_utils

from campaign.campaigns.tables import mark_campaign_changed
from campaign.campaigns.targets import target_row, target_snapshot
from campaign.db import insert_row, write_transaction
from campaign.staff.editing.asks import check_ask_paragraph
from campaign.staff.editing.letter_wording import check_all_wording
from campaign.staff.editing.recording import Editor, record_change
from campaign.staff.editing.refusals import EditError, EditErrors, NotFound
from campaign.staff.editing.translated import translated_name, translation_alone
from letters.devolution import DEVOLVED_NATIONS
from letters.languages import REGISTER, translations
from letters.targets import address_problem

LINE_MAX, ADDRESS_MAX, EMAIL_MAX = 120, 600, 254
# An ordinary address: RFC 5322's unquoted local part (no ":" or brackets, so nothing
# like "javascript:alert(1)//@example.org" reaches a mailto: link) at a dotted domain.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


def target_values(fields: dict, ask_ids: list[int]) -> dict:
    """The row to store from a target form's fields; raise EditErrors naming every field
    that cannot be saved, all at once. `ask_ids` are the campaign's asks (their own
    phrasings are the fields "ask_<id>")."""
    values = {name: _line(fields, name) for name in ("office", "holder", "salutation", "email",
                                                      "subject")}
    address = [part.strip() for part in (fields.get("address") or "").splitlines()
               if part.strip()]
    codes = [str(code) for code in (fields.get("nations") or [])]
    nations = [str(nation) for nation in DEVOLVED_NATIONS if str(nation) in codes]
    wording = {"opening": fields.get("opening") or "", "closing": fields.get("closing") or "",
               "subject": values["subject"]}
    translated = {language.column(name): _line(fields, language.column(name))
                  for language in translations()
                  for name in ("salutation", "subject", "opening", "closing")}
    paragraphs, paragraph_problems = _ask_paragraphs(fields, ask_ids)
    problems = [*_heading_problems(values), *_address_problems(values, address),
                *_email_problems(values["email"]), *_nation_problems(nations),
                *_wording_problems(wording, translated, values["salutation"]),
                *paragraph_problems]
    if problems:
        raise EditErrors(problems)
    return {**values, **{k: wording[k].strip() for k in ("opening", "closing")}, **translated,
            "address": "\n".join(address), "nations": ",".join(nations),
            **{REGISTER[code].column("ask_paragraphs"): json.dumps(
                own, ensure_ascii=False, sort_keys=True) for code, own in paragraphs.items()}}


def _line(fields: dict, name: str) -> str:
    return (fields.get(name) or "").strip()


def _heading_problems(values: dict) -> list[EditError]:
    """What is wrong with the office, holder and greeting that head the letter."""
    problems = []
    if not values["office"]:
        problems.append(EditError("Name the office, e.g. Minister of Justice.", "office"))
    if not values["salutation"]:
        problems.append(EditError("Write the greeting, e.g. Dear Minister.", "salutation"))
    for name in ("office", "holder", "salutation"):
        if len(values[name]) > LINE_MAX:
            problems.append(EditError(f"Keep this under {LINE_MAX} characters.", name))
    return problems


def _address_problems(values: dict, address: list[str]) -> list[EditError]:
    """What stops the address (its lines) printing in a DL envelope's window."""
    if not address:
        return [EditError("Write the office's postal address, one line per line, the "
                          "postcode last.", "address")]
    if len("\n".join(address)) > ADDRESS_MAX:
        return [EditError(f"Keep the address under {ADDRESS_MAX} characters.", "address")]
    problem = address_problem([values["holder"], values["office"], *address])
    return [EditError(problem, "address")] if problem else []


def _email_problems(email: str) -> list[EditError]:
    """The refusal of an email address (optional) that is no ordinary one."""
    if email and (len(email) > EMAIL_MAX or not _EMAIL.match(email)):
        return [EditError("Enter an email address like minister@example.gov.uk, or leave it "
                          "empty.", "email")]
    return []


def _nation_problems(nations: list[str]) -> list[EditError]:
    """The refusal of a target offered in no nation."""
    if not nations:
        return [EditError("Choose the nations whose writers are offered this letter.",
                          "nations")]
    return []


def _wording_problems(wording: dict, translated: dict, salutation: str) -> list[EditError]:
    """What is wrong with the letter's opening, closing and subject (the MP letter's
    checks, field by field, each translation beside its English) and the greeting's
    translations."""
    problems = []
    for name in ("opening", "closing", "subject"):
        try:
            check_all_wording({name: wording[name], **{
                language.column(name): translated[language.column(name)]
                for language in translations()}})
        except EditError as error:
            problems.append(error)
    for language in translations():
        column = language.column("salutation")
        if translated[column] and not salutation:
            problems.append(EditError(translation_alone("salutation", language), column))
        if len(translated[column]) > LINE_MAX:
            problems.append(EditError(f"{translated_name('salutation', language)}: keep this "
                                      f"under {LINE_MAX} characters.", column))
    for name in ("opening", "closing"):
        if not wording[name].strip():
            problems.append(EditError("A letter needs this.", name))
    return problems


def _ask_paragraphs(fields: dict, ask_ids: list[int]
                    ) -> tuple[dict[str, dict[str, str]], list[EditError]]:
    """This letter's own phrasing of each ask, by language code (English and each
    translation) then ask id (only those written), with what is wrong with them."""
    paragraphs: dict[str, dict[str, str]] = {code: {} for code in REGISTER}
    problems = []
    for ask_id in ask_ids:
        text = _line(fields, f"ask_{ask_id}")
        for language in REGISTER.values():
            name = language.column(f"ask_{ask_id}")
            written = _line(fields, name)
            if written:
                try:
                    check_ask_paragraph(written)
                except EditError as error:
                    problems.append(EditError(error.message, name))
                paragraphs[language.code][str(ask_id)] = written
            if written and not text:
                called = language.english_name
                problems.append(EditError(
                    f"Its {called} needs the English beside it: write this letter's own "
                    f"English paragraph too, or leave the {called} empty.", name))
    return paragraphs, problems


def target_problems(fields: dict, ask_ids: list[int]) -> EditError | None:
    """What target_values would refuse in `fields` (every mistake), or None: the form's
    own checks and these are shown together, never one round after another."""
    try:
        target_values(fields, ask_ids)
    except EditError as error:
        return error
    return None


def create_target(db: sqlite_utils.Database, campaign_id: int, fields: dict,
                  ask_ids: list[int], editor: Editor) -> int:
    """Add a target at the end of the campaign's list; return its id."""
    values = target_values(fields, ask_ids)
    with write_transaction(db):
        last = db.execute("select coalesce(max(position), 0) from campaign_targets"
                          " where campaign_id = ?", [campaign_id]).fetchone()[0]
        target_id = insert_row(db, "campaign_targets",
                               {**values, "campaign_id": campaign_id, "position": last + 1})
        record_change(db, campaign_id, "target", "added",
                      _snapshot_now(db, campaign_id, target_id), editor)
    return target_id


def update_target(db: sqlite_utils.Database, campaign_id: int, target_id: int, fields: dict,
                  ask_ids: list[int], editor: Editor) -> None:
    """Change a target; raise NotFound when the campaign has no such target."""
    if target_row(db, campaign_id, target_id) is None:
        raise NotFound(f"no target {target_id} in campaign {campaign_id}")
    values = target_values(fields, ask_ids)
    with write_transaction(db):
        db.table("campaign_targets").update(target_id, values)
        mark_campaign_changed(db, campaign_id)
        record_change(db, campaign_id, "target", "edited",
                      _snapshot_now(db, campaign_id, target_id), editor)


def _snapshot_now(db: sqlite_utils.Database, campaign_id: int, target_id: int) -> dict:
    """The target as the history records it, as it is now (inside the change's
    transaction, so it is there)."""
    row = target_row(db, campaign_id, target_id)
    if row is None:
        raise NotFound(f"no target {target_id} in campaign {campaign_id}")
    return target_snapshot(row)
