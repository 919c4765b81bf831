"""Reading and writing who decides each ask per nation (letters.devolution's rules).

A row of `ask_nations` (migration m015) holds one ask's rule in one nation; an ask
with no row for a nation is decided at Westminster there. Staff change rules through
staff.editing (which records them in the campaign's history with the ask).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlite_utils

from campaign.built_once import BuiltOnce
from campaign.campaigns.translations import columns, translated_columns
from letters.devolution import MPLetter, NationRule
from letters.languages import ENGLISH
from letters.nations import Nation


def rules_by_ask(db: sqlite_utils.Database, ask_ids: Iterable[int],
                 language: str = ENGLISH) -> dict[int, tuple[NationRule, ...]]:
    """Each ask's rules (only nations where a rule was written), keyed by ask id, with
    their texts in `language` (its columns, campaign.campaigns.translations)."""
    # A copy: the caller may add to its dict, never to the one kept.
    return dict(rules_from(rule_rows(db, ask_ids, language)))


def rule_rows(db: sqlite_utils.Database, ask_ids: Iterable[int],
              language: str = ENGLISH) -> tuple[tuple, ...]:
    """The stored rules of `ask_ids` as `rules_from` reads them: (ask id, nation,
    devolved, decided by, MP letter, paragraph, note), the texts in `language`."""
    ids = sorted(set(ask_ids))
    if not ids:
        return ()
    decided_by, paragraph, note = columns("ask_nations", language)
    texts = f"{decided_by}, mp_letter, {paragraph}, {note}"
    # Read on every letter: plain tuples, not sqlite-utils' dicts.
    return tuple(db.execute(
        f"select ask_id, nation, devolved, {texts}"
        f" from ask_nations where ask_id in ({', '.join('?' * len(ids))})", ids).fetchall())


def rules_from(rows: tuple[tuple, ...]) -> Mapping[int, tuple[NationRule, ...]]:
    """The rules `rows` (rule_rows) hold, keyed by ask id: built once for the same rows
    (campaign.built_once), so not to be changed."""
    return _BUILT_RULES.get(rows, lambda: _rules(rows))


#: Rules built from their rows; the rows carry their texts in the language read, so
#: the rows alone are the key.
_BUILT_RULES: BuiltOnce[dict[int, tuple[NationRule, ...]]] = BuiltOnce()


def _rules(rows: tuple[tuple, ...]) -> dict[int, tuple[NationRule, ...]]:
    found: dict[int, list[NationRule]] = {}
    for ask_id, code, devolved, decided_by, mp_letter, paragraph, note in rows:
        nation = Nation.of_code(code)
        if nation is not None:
            found.setdefault(ask_id, []).append(NationRule(
                nation=nation, devolved=bool(devolved), decided_by=decided_by or "",
                mp_letter=MPLetter.OWN if mp_letter == MPLetter.OWN else MPLetter.OMIT,
                paragraph=paragraph or "", note=note or ""))
    return {ask_id: tuple(rules) for ask_id, rules in found.items()}


def rules_translated(db: sqlite_utils.Database,
                     ask_ids: Iterable[int]) -> dict[int, dict[Nation, dict[str, str]]]:
    """The translations of each ask's rules (every language's columns of `ask_nations`,
    campaign.campaigns.translations; "" where none is written), keyed by ask id then
    nation: for staff, who write them beside the English."""
    ids = sorted(set(ask_ids))
    found: dict[int, dict[Nation, dict[str, str]]] = {}
    if not ids:
        return found
    names = translated_columns("ask_nations")
    rows = db.execute(
        f"select ask_id, nation, {', '.join(names)} from ask_nations"
        f" where ask_id in ({', '.join('?' * len(ids))})", ids).fetchall()
    for ask_id, code, *texts in rows:
        nation = Nation.of_code(code)
        if nation is not None:
            found.setdefault(ask_id, {})[nation] = {
                name: text or "" for name, text in zip(names, texts, strict=True)}
    return found


def save_rules(db: sqlite_utils.Database, ask_id: int,
               rules: Mapping[Nation, NationRule],
               translated: Mapping[Nation, Mapping[str, str]] | None = None) -> None:
    """Replace an ask's rules with `rules` (call inside the caller's transaction), and
    their translations with `translated` (per nation, by column, rules_translated);
    without `translated`, the translations already stored for a nation are kept.

    Rules that say nothing (Westminster decides, no note) are not stored."""
    if translated is None:
        translated = rules_translated(db, [ask_id]).get(ask_id, {})
    names = translated_columns("ask_nations")
    db.execute("delete from ask_nations where ask_id = ?", [ask_id])
    rows = [{"ask_id": ask_id, "nation": str(nation), **rule.as_dict(),
             **{name: (translated.get(nation) or {}).get(name) or "" for name in names}}
            for nation, rule in rules.items() if rule.devolved or rule.note.strip()]
    for row in rows:
        row["devolved"] = int(row["devolved"])
    if rows:
        db.table("ask_nations").insert_all(rows)


def rules_snapshot(rules: Iterable[NationRule],
                   translated: Mapping[Nation, Mapping[str, str]] | None = None
                   ) -> dict[str, dict]:
    """The rules as a history snapshot records them, keyed by nation code (with their
    translations, by column, when `translated` is given)."""
    names = translated_columns("ask_nations") if translated is not None else ()
    return {str(rule.nation): {**rule.as_dict(), **{
                name: ((translated or {}).get(rule.nation) or {}).get(name) or ""
                for name in names}}
            for rule in rules if rule.devolved or rule.note.strip()}

