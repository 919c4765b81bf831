"""What a change changed: the difference between two snapshots of a campaign's text, its
asks or its wording, word by word, for the history and the restore pages.

Plain data for the templates to mark up (<del> and <ins>): `changes(before, after)` lists
each field that differs, with its text cut into pieces that stayed, went or came.
"""
from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from campaign.staff.editing.translated import translation_of
from letters.nations import Nation

# Words, runs of space and single punctuation marks: a changed comma shows as one.
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
# Kept in the snapshot for the record, but not what a person changed.
_NOT_SHOWN = ("position", "target_id")
# Fields named as the forms name them, where the column's own name would not do.
_LABELS = {
    "intro": "Introduction", "thank_you": "Thank-you message", "slug": "Web address",
    "prompts": "Questions for writers", "minister_closing": "Closing for ministers",
    "shadow_closing": "Closing for shadow ministers",
    "supporter_opening": "Opening for supporters' constituents",
    "help_title": "Help page title", "help_footer": "Help page footer line",
    "help_text": "Help page text", "enabled": "Switched on",
    "devolved": "Decided by a devolved body", "decided_by": "Who decides it",
    "mp_letter": "What the MP letter does", "note": "Note for writers",
    "holder": "Who holds the office now", "salutation": "Greeting",
    "address": "Postal address", "nations": "Nations offered this letter",
}
# Stored codes as the forms say them.
_MP_LETTER = {"omit": "leaves it out", "own": "uses its own paragraph"}


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
    #: The ask a second letter's own paragraph is for, by its title (when known).
    ask_title: str = ""

    @property
    def label(self) -> str:
        """The field as staff read it: "Thank you", "Opening in Welsh", "Scotland: note"."""
        if self.ask_title:
            _english, in_language = _english_field(self.name.split(".", 1)[0])
            return f"“{self.ask_title}” in this letter{in_language}"
        return field_label(self.name)


def field_lang(name: str) -> str:
    """The page tag of the language a snapshot's field is written in, "" for English
    ("title_cy" -> "cy"; templates mark such text with it)."""
    translated = translation_of(name)
    return translated[1].page_tag if translated else ""


def english_field(name: str) -> str:
    """The English field a snapshot's field is the translation of, else itself."""
    return _english_field(name)[0]


def _english_field(name: str) -> tuple[str, str]:
    """The English field a field is the translation of (itself when it is none), and
    ", in Welsh" for a translation ("" else)."""
    translated = translation_of(name)
    if translated is None:
        return name, ""
    return translated[0], f", in {translated[1].english_name}"


def field_label(name: str) -> str:
    """A snapshot's field name as staff read it on the forms (a translation's, "title_cy"
    -> "Title in Welsh"; a rule's, "nations.S.mp_letter" -> "Scotland: what the MP letter does"; a
    second letter's own phrasing of ask 10, "ask_paragraphs.10" -> "Ask 10's paragraph in
    this letter")."""
    if name.startswith("nations."):
        _, code, rest = name.split(".", 2)
        nation = Nation.of_code(code)
        text = field_label(rest)
        return f"{nation.label if nation else code}: {text[:1].lower()}{text[1:]}"
    head, dot, key = name.partition(".")
    english, in_language = _english_field(head)
    if english == "ask_paragraphs":
        if dot:
            return f"Ask {key}'s paragraph in this letter{in_language}"
        return "The asks' paragraphs in this letter" + in_language
    if in_language and not dot:
        return field_label(english) + in_language.removeprefix(",")
    return _LABELS.get(name) or name.replace("_", " ").capitalize()


def field_value(name: str, value) -> str:
    """A snapshot's value as staff read it: "yes"/"no", "Scotland, Northern Ireland" for a
    second letter's nations, "leaves it out" for what an MP letter does."""
    if value is True or value is False:
        return "yes" if value else "no"
    if value is None:
        return ""
    if name == "nations" and isinstance(value, str):
        return ", ".join(nation.label if (nation := Nation.of_code(code)) else code
                         for code in value.split(",") if code)
    if name.rsplit(".", 1)[-1] == "mp_letter":
        return _MP_LETTER.get(str(value), str(value))
    return str(value)


def _text(value, name: str = "") -> str:
    return field_value(name, value)


def own_paragraphs(value) -> dict[str, str]:
    """A second letter's own phrasings of asks, {ask id: text}, from its snapshot."""
    return _own_paragraphs(value) or {}


def _own_paragraphs(value) -> dict[str, str] | None:
    # A second letter's own phrasings are stored as JSON {ask id: text}.
    try:
        parsed = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None


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


def changes(before: dict | None, after: dict,
            ask_titles: Mapping[str, str] | None = None) -> list[FieldChange]:
    """Each field of `after` that differs from `before` (every field with text when
    there was no `before`), in `after`'s order; `ask_titles` (by ask id) names the asks a
    second letter phrases its own way."""
    found = []
    for name, value in after.items():
        if name in _NOT_SHOWN:
            continue
        if isinstance(value, Mapping):  # an ask's rules per nation: each of their texts
            found += _rule_changes(before, (before or {}).get(name) or {}, value)
            continue
        own = _own_paragraphs(value) if english_field(name) == "ask_paragraphs" else None
        if own is not None:
            old_own = _own_paragraphs((before or {}).get(name) or "{}") or {}
            for key, text in {**{k: "" for k in old_own}, **own}.items():
                if _text(old_own.get(key)) != _text(text) and (before is not None or text):
                    found.append(FieldChange(f"{name}.{key}",
                                             word_diff(_text(old_own.get(key)), _text(text)),
                                             (ask_titles or {}).get(str(key), "")))
            continue
        old = _text((before or {}).get(name), name)
        new = _text(value, name)
        if old != new and (before is not None or new):
            found.append(FieldChange(name, word_diff(old, new)))
    return found


def _rule_changes(before: dict | None, old_rules: Mapping, new_rules: Mapping) -> list[FieldChange]:
    # A text missing from a snapshot (a translation, recorded before m020) counts as empty.
    found = []
    for code in dict.fromkeys([*new_rules, *old_rules]):
        old_rule, new_rule = old_rules.get(code) or {}, new_rules.get(code) or {}
        for name in dict.fromkeys([*new_rule, *old_rule]):
            old, new = _text(old_rule.get(name), name), _text(new_rule.get(name), name)
            if old != new and (before is not None or new):
                found.append(FieldChange(f"nations.{code}.{name}", word_diff(old, new)))
    return found
