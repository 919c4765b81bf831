"""What a change changed: the difference between two snapshots of a campaign's text, its
asks or its wording, word by word, for the history and the restore pages.

Plain data for the templates to mark up (<del> and <ins>): `changes(before, after)` lists
each field that differs, with its text cut into pieces that stayed, went or came.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

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
        old = _text((before or {}).get(name))
        new = _text(value)
        if old != new and (before is not None or new):
            found.append(FieldChange(name, word_diff(old, new)))
    return found
