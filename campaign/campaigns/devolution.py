"""Reading and writing who decides each ask per nation (letters.devolution's rules).

A row of `ask_nations` (migration m015) holds one ask's rule in one nation; an ask
with no row for a nation is decided at Westminster there. Staff change rules through
staff.editing (which records them in the campaign's history with the ask).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

import sqlite_utils

from letters.devolution import MPLetter, NationRule
from letters.languages import ENGLISH, WELSH
from letters.nations import Nation


def rules_by_ask(db: sqlite_utils.Database, ask_ids: Iterable[int],
                 language: str = ENGLISH) -> dict[int, tuple[NationRule, ...]]:
    """Each ask's rules (only nations where a rule was written), keyed by ask id, with
    their texts in `language` (Welsh: the `_cy` columns, campaign.campaigns.welsh)."""
    ids = sorted(set(ask_ids))
    if not ids:
        return {}
    found: dict[int, list[NationRule]] = {}
    texts = ("decided_by_cy, mp_letter, paragraph_cy, note_cy" if language == WELSH
             else "decided_by, mp_letter, paragraph, note")
    # Read on every letter: plain tuples, not sqlite-utils' dicts.
    try:
        rows = db.execute(
            f"select ask_id, nation, devolved, {texts}"
            f" from ask_nations where ask_id in ({', '.join('?' * len(ids))})", ids).fetchall()
    except sqlite3.OperationalError:  # a database from before migration m015
        return {}
    for ask_id, code, devolved, decided_by, mp_letter, paragraph, note in rows:
        nation = Nation.of_code(code)
        if nation is not None:
            found.setdefault(ask_id, []).append(NationRule(
                nation=nation, devolved=bool(devolved), decided_by=decided_by or "",
                mp_letter=MPLetter.OWN if mp_letter == MPLetter.OWN else MPLetter.OMIT,
                paragraph=paragraph or "", note=note or ""))
    return {ask_id: tuple(rules) for ask_id, rules in found.items()}


def save_rules(db: sqlite_utils.Database, ask_id: int,
               rules: Mapping[Nation, NationRule]) -> None:
    """Replace an ask's rules with `rules` (call inside the caller's transaction).

    Rules that say nothing (Westminster decides, no note) are not stored."""
    db.execute("delete from ask_nations where ask_id = ?", [ask_id])
    rows = [{"ask_id": ask_id, "nation": str(nation), **rule.as_dict()}
            for nation, rule in rules.items() if rule.devolved or rule.note.strip()]
    for row in rows:
        row["devolved"] = int(row["devolved"])
    if rows:
        db["ask_nations"].insert_all(rows)


def rules_snapshot(rules: Iterable[NationRule]) -> dict[str, dict]:
    """The rules as a history snapshot records them, keyed by nation code."""
    return {str(rule.nation): rule.as_dict() for rule in rules
            if rule.devolved or rule.note.strip()}
