"""What a change changed: the difference between two snapshots of a campaign's text, its
asks or its wording, word by word, for the history and the restore pages.

Plain data for the templates to mark up (<del> and <ins>): `changes(before, after)` lists
each field that differs, with its text cut into pieces that stayed, went or came.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from letters.nations import Nation

# Words, runs of space and single punctuation marks: a changed comma shows as one.
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
# Kept in the snapshot for the record, but not what a person changed.
_NOT_SHOWN = ("position",)


@dataclass(frozen=True)
class Piece:
    """Part of a field's text: "same", "removed" or "added"."""

    kind: str
    text: str


@dataclass(frozen=True)
class FieldChange:
    """One field that differs, as pieces of text in reading order."""

    name: str
    pieces: tuple[Piece, ...]

    @property
    def label(self) -> str:
        """The field as staff read it: "Thank you", "Opening in Welsh", "Scotland: note"."""
        return field_label(self.name)


def field_label(name: str) -> str:
    """A snapshot's field name as staff read it ("title_cy" -> "Title in Welsh"; a
    rule's, "nations.S.note_cy" -> "Scotland: note in Welsh")."""
    if name.startswith("nations."):
        _, code, rest = name.split(".", 2)
        nation = Nation.of_code(code)
        text = field_label(rest)
        return f"{nation.label if nation else code}: {text[:1].lower()}{text[1:]}"
    if name.endswith("_cy"):
        return field_label(name[:-3]) + " in Welsh"
    return name.replace("_", " ").capitalize()


def _text(value) -> str:
    if value is True or value is False:
        return "yes" if value else "no"
    return "" if value is None else str(value)


def word_diff(before: str, after: str) -> tuple[Piece, ...]:
    """`before` turned into `after`, word by word."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(new[j1:j2])))
    return tuple(pieces)


def changes(before: dict | None, after: dict) -> list[FieldChange]:
    """Each field of `after` that differs from `before` (every field with text when
    there was no `before`), in `after`'s order."""
    found = []
    for name, value in after.items():
        if name in _NOT_SHOWN:
            continue
        if isinstance(value, Mapping):  # an ask's rules per nation: each of their texts
            found += _rule_changes(before, (before or {}).get(name) or {}, value)
            continue
        old = _text((before or {}).get(name))
        new = _text(value)
        if old != new and (before is not None or new):
            found.append(FieldChange(name, word_diff(old, new)))
    return found


def _rule_changes(before: dict | None, old_rules: Mapping, new_rules: Mapping) -> list[FieldChange]:
    # A text missing from a snapshot (its Welsh, recorded before m020) counts as empty.
    found = []
    for code in dict.fromkeys([*new_rules, *old_rules]):
        old_rule, new_rule = old_rules.get(code) or {}, new_rules.get(code) or {}
        for name in dict.fromkeys([*new_rule, *old_rule]):
            old, new = _text(old_rule.get(name)), _text(new_rule.get(name))
            if old != new and (before is not None or new):
                found.append(FieldChange(f"nations.{code}.{name}", word_diff(old, new)))
    return found
