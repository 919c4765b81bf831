"""Who decides an ask in each nation, as m015 stored it and m021 read it, frozen.

A copy of what those migrations used of campaign.campaigns.devolution and letters'
NationRule when migrations were frozen, as plain dicts: a rule is the values
`NationRule.as_dict` gave ({"devolved", "decided_by", "mp_letter", "paragraph",
"note"}), keyed by the nation's GSS letter ("S"). Later changes to how the site reads
or stores rules must not change what a shipped migration wrote.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlite_utils

#: The nations' GSS letters: England, Wales, Scotland, Northern Ireland.
NATIONS = ("E", "W", "S", "N")
_MP_LETTERS = ("omit", "own")


def nation_of(code: str) -> str | None:
    """The nation letter of a GSS code or nation code ("S14000021" -> "S"), or None."""
    return code[:1] if code[:1] in NATIONS else None


def rule_from(values: Mapping) -> dict:
    """A rule from stored or shipped values (unknown or missing ones take defaults)."""
    mp_letter = values.get("mp_letter") or "omit"
    return {"devolved": bool(values.get("devolved")),
            "decided_by": values.get("decided_by") or "",
            "mp_letter": mp_letter if mp_letter in _MP_LETTERS else "omit",
            "paragraph": values.get("paragraph") or "", "note": values.get("note") or ""}


def shipped_rules(nations: Mapping) -> dict[str, dict]:
    """A shipped ask's rules per nation (its "nations": {"S": {...}})."""
    return {nation: rule_from(values) for code, values in nations.items()
            if (nation := nation_of(code)) is not None}


def _says_something(rule: Mapping) -> bool:
    # Westminster decides and no note: not stored, not recorded.
    return bool(rule["devolved"] or rule["note"].strip())


def save_rules(db: sqlite_utils.Database, ask_id: int, rules: Mapping[str, Mapping]) -> None:
    """Replace an ask's rules with `rules` (English only: m015 ran before m020 gave
    rules Welsh columns), inside the caller's transaction."""
    db.execute("delete from ask_nations where ask_id = ?", [ask_id])
    rows = [{"ask_id": ask_id, "nation": nation, **rule, "devolved": int(rule["devolved"])}
            for nation, rule in rules.items() if _says_something(rule)]
    if rows:
        db.table("ask_nations").insert_all(rows)


def rules_by_ask(db: sqlite_utils.Database, ask_ids: Iterable[int]) -> dict[int, dict[str, dict]]:
    """Each ask's stored rules in English, keyed by ask id then nation."""
    ids = sorted(set(ask_ids))
    found: dict[int, dict[str, dict]] = {}
    if not ids:
        return found
    rows = db.execute(
        "select ask_id, nation, devolved, decided_by, mp_letter, paragraph, note"
        f" from ask_nations where ask_id in ({', '.join('?' * len(ids))})", ids).fetchall()
    for ask_id, code, devolved, decided_by, mp_letter, paragraph, note in rows:
        nation = nation_of(code)
        if nation is not None:
            found.setdefault(ask_id, {})[nation] = rule_from({
                "devolved": devolved, "decided_by": decided_by, "mp_letter": mp_letter,
                "paragraph": paragraph, "note": note})
    return found


def rules_snapshot(rules: Mapping[str, Mapping]) -> dict[str, dict]:
    """The rules as a history snapshot records them, keyed by nation letter."""
    return {nation: dict(rule) for nation, rule in rules.items() if _says_something(rule)}
