"""Editing a campaign's asks: adding, changing, switching on or off and reordering
them, with who decides each per nation (staff.editing.nation_rules)."""
from __future__ import annotations

import sqlite_utils

from campaign.campaigns import Status, all_asks, tables
from campaign.campaigns.devolution import (
    rules_by_ask,
    rules_snapshot,
    rules_translated,
    save_rules,
)
from campaign.db import write_transaction
from campaign.staff.editing.nation_rules import (
    NATION_FIELDS,
    nation_rules,
    nation_rules_translated,
)
from campaign.staff.editing.recording import Editor, record_change
from campaign.staff.editing.refusals import EditError, NotFound
from campaign.staff.editing.rows import ask_row, campaign_row
from campaign.staff.editing.translated import (
    check_beside_english,
    translated_name,
    translation_of,
    with_translations,
)
from letters.languages import translations
from letters.wording import WordingError, check_wording

ASK_TEXTS = with_translations(("title", "explanation", "paragraph"), "asks")


#: Asks a campaign can have. Each adds a paragraph the writer may edit to the letter
#: form: 250 asks made a form whose submission was larger than the site accepts
#: (MAX_CONTENT_LENGTH), and no citizen reads past a score of them anyway.
MAX_ASKS = 20


def ask_snapshot(row: dict, db: sqlite_utils.Database | None = None) -> dict:
    """An ask as its history records it: its texts, switch and place, and (given `db`)
    who decides it per nation."""
    snapshot = {**{name: row.get(name) or "" for name in ASK_TEXTS},
                "enabled": bool(row["enabled"]), "position": row["position"]}
    if db is not None:  # who decides it per nation (m015), as after the change, with its translations
        snapshot["nations"] = rules_snapshot(rules_by_ask(db, [row["id"]]).get(row["id"], ()),
                                             rules_translated(db, [row["id"]]).get(row["id"], {}))
    return snapshot


def _ask_values(fields: dict) -> dict:
    check_ask_paragraph(fields.get("paragraph") or "")
    for language in translations():
        column = language.column("paragraph")
        check_ask_paragraph(fields.get(column) or "", column)
    values = {name: fields.get(name) or "" for name in ASK_TEXTS}
    check_beside_english(values, ASK_TEXTS)
    return {**values, "enabled": int(bool(fields.get("enabled")))}


def check_ask_paragraph(text: str, field: str = "paragraph") -> None:
    """Raise EditError if an ask's phrasings (or a translation's, `field` its column,
    "paragraph_cy") cannot be saved as they are."""
    try:
        check_wording(text)
    except WordingError as error:
        translated = translation_of(field)
        message = (f"{translated_name('paragraph', translated[1])}: {error}" if translated
                   else str(error))
        raise EditError(message, field) from None


def add_ask(db: sqlite_utils.Database, campaign_id: int, fields: dict, editor: Editor) -> int:
    """Add an ask at the end of the campaign's list; return its id."""
    campaign_row(db, campaign_id)
    values = _ask_values(fields)
    rules = nation_rules(fields)
    translated = nation_rules_translated(fields, rules)
    with write_transaction(db):
        if tables.ask_count(db, campaign_id) >= MAX_ASKS:
            raise EditError(f"A campaign can have at most {MAX_ASKS} asks, so that the letter "
                            "form stays short enough to read and to send. Edit or switch off "
                            "one of the asks instead.", "title")
        last = tables.last_ask_position(db, campaign_id)
        ask_id = tables.insert_ask(db, {**values, "campaign_id": campaign_id,
                                        "position": last + 1})
        save_rules(db, ask_id, rules, translated)
        tables.mark_campaign_changed(db, campaign_id)
        record_change(db, campaign_id, "ask", "added",
                      ask_snapshot(ask_row(db, campaign_id, ask_id), db), editor, ask_id)
    return ask_id


def update_ask(db: sqlite_utils.Database, campaign_id: int, ask_id: int, fields: dict,
               editor: Editor, action: str | None = None) -> None:
    """Change an ask's title, explanation, paragraph or whether it is switched on."""
    ask_row(db, campaign_id, ask_id)
    values = _ask_values(fields)
    rules = nation_rules(fields)
    translated = nation_rules_translated(fields, rules)
    with write_transaction(db):
        row = ask_row(db, campaign_id, ask_id)
        campaign = campaign_row(db, campaign_id)
        if campaign["status"] == Status.LIVE and row["enabled"] and not values["enabled"]:
            others = tables.enabled_ask_count(db, campaign_id, besides=ask_id)
            if not others:
                raise EditError("A live campaign needs at least one ask switched on. Switch "
                                "another on first, or close the campaign.", "enabled")
        # The history names a switch on or off: it changes what citizens can tick.
        if action is None:
            action = "edited"
            if bool(values["enabled"]) != bool(row["enabled"]):
                action = "switched on" if values["enabled"] else "switched off"
                if any(values[name] != (row[name] or "") for name in values if name != "enabled"):
                    action += " and edited"
        tables.update_ask_row(db, ask_id, values)
        save_rules(db, ask_id, rules, translated)
        tables.mark_campaign_changed(db, campaign_id)
        record_change(db, campaign_id, "ask", action,
                      ask_snapshot(ask_row(db, campaign_id, ask_id), db), editor, ask_id)


def move_ask(db: sqlite_utils.Database, campaign_id: int, ask_id: int, direction: str,
             editor: Editor) -> None:
    """Move an ask one place "up" or "down"; at either end it stays put."""
    if direction not in ("up", "down"):
        raise EditError("Move an ask up or down.")
    with write_transaction(db):
        order = [ask.id for ask in all_asks(db, campaign_id)]
        if ask_id not in order:
            raise NotFound(f"no ask {ask_id} in campaign {campaign_id}")
        index = order.index(ask_id)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(order):
            return
        order[index], order[other] = order[other], order[index]
        # Renumber all of them: positions may have gaps or ties from older data.
        tables.put_asks_in_order(db, order)
        tables.mark_campaign_changed(db, campaign_id)
        record_change(db, campaign_id, "ask", f"moved {direction}",
                      ask_snapshot(ask_row(db, campaign_id, ask_id), db), editor, ask_id)


def ask_translations(db: sqlite_utils.Database, campaign_id: int,
                     ask_id: int) -> dict[str, str]:
    """The translations of an ask's texts and of its rules per nation, as the ask
    form's fields ("title_cy", "scotland_decided_by_cy", ...)."""
    row = ask_row(db, campaign_id, ask_id)
    fields = {name: row.get(name) or "" for name in ASK_TEXTS if translation_of(name)}
    for nation, texts in rules_translated(db, [ask_id]).get(ask_id, {}).items():
        if nation in NATION_FIELDS:
            fields.update({f"{NATION_FIELDS[nation]}_{name}": text for name, text in texts.items()})
    return fields
