"""Reading and writing who decides each ask per nation (letters.devolution's rules).

A row of `ask_nations` (migration m015) holds one ask's rule in one nation; an ask
with no row for a nation is decided at Westminster there. Staff change rules through
staff.editing (which records them in the campaign's history with the ask).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlite_utils

from campaign.campaigns.welsh import WELSH_COLUMNS
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
    rows = db.execute(
        f"select ask_id, nation, devolved, {texts}"
        f" from ask_nations where ask_id in ({', '.join('?' * len(ids))})", ids).fetchall()
    for ask_id, code, devolved, decided_by, mp_letter, paragraph, note in rows:
        nation = Nation.of_code(code)
        if nation is not None:
            found.setdefault(ask_id, []).append(NationRule(
                nation=nation, devolved=bool(devolved), decided_by=decided_by or "",
                mp_letter=MPLetter.OWN if mp_letter == MPLetter.OWN else MPLetter.OMIT,
                paragraph=paragraph or "", note=note or ""))
    return {ask_id: tuple(rules) for ask_id, rules in found.items()}


#: The Welsh of a rule's texts (migration m020, campaign.campaigns.welsh): read and
#: saved here, beside the rule, since letters.NationRule carries one language at a time.
RULE_WELSH = WELSH_COLUMNS["ask_nations"]


def rules_welsh(db: sqlite_utils.Database,
                ask_ids: Iterable[int]) -> dict[int, dict[Nation, dict[str, str]]]:
    """The Welsh of each ask's rules (RULE_WELSH, "" where none is written), keyed by
    ask id then nation: for staff, who write it beside the English."""
    ids = sorted(set(ask_ids))
    found: dict[int, dict[Nation, dict[str, str]]] = {}
    if not ids:
        return found
    rows = db.execute(
        f"select ask_id, nation, {', '.join(RULE_WELSH)} from ask_nations"
        f" where ask_id in ({', '.join('?' * len(ids))})", ids).fetchall()
    for ask_id, code, *texts in rows:
        nation = Nation.of_code(code)
        if nation is not None:
            found.setdefault(ask_id, {})[nation] = {
                name: text or "" for name, text in zip(RULE_WELSH, texts, strict=True)}
    return found


def save_rules(db: sqlite_utils.Database, ask_id: int,
               rules: Mapping[Nation, NationRule],
               welsh: Mapping[Nation, Mapping[str, str]] | None = None) -> None:
    """Replace an ask's rules with `rules` (call inside the caller's transaction), and
    their Welsh with `welsh` (per nation, RULE_WELSH); without `welsh`, the Welsh
    already stored for a nation is kept.

    Rules that say nothing (Westminster decides, no note) are not stored."""
    if welsh is None:
        welsh = rules_welsh(db, [ask_id]).get(ask_id, {})
    db.execute("delete from ask_nations where ask_id = ?", [ask_id])
    rows = [{"ask_id": ask_id, "nation": str(nation), **rule.as_dict(),
             **{name: (welsh.get(nation) or {}).get(name) or "" for name in RULE_WELSH}}
            for nation, rule in rules.items() if rule.devolved or rule.note.strip()]
    for row in rows:
        row["devolved"] = int(row["devolved"])
    if rows:
        db.table("ask_nations").insert_all(rows)


def rules_snapshot(rules: Iterable[NationRule],
                   welsh: Mapping[Nation, Mapping[str, str]] | None = None) -> dict[str, dict]:
    """The rules as a history snapshot records them, keyed by nation code (with their
    Welsh, RULE_WELSH, when `welsh` is given)."""
    return {str(rule.nation): {**rule.as_dict(), **({
                name: ((welsh or {}).get(rule.nation) or {}).get(name) or ""
                for name in RULE_WELSH} if welsh is not None else {})}
            for rule in rules if rule.devolved or rule.note.strip()}
