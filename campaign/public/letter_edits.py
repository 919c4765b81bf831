"""The writer's own versions of the letter's paragraphs, read from the letter form.

The form shows the opening, each ask's paragraph and the closing in the phrasing
the letter's seed draws, each in its own textarea, with a "use the suggested
wording" box that undoes an edit without JavaScript. Only paragraphs the writer
actually changed are kept, and they travel signed with the letter, never stored.
"""
from __future__ import annotations

from collections.abc import Mapping

from flask_babel import format_number, gettext, ngettext

from campaign.public.forms import unprintable_message
from letters.typed_text import clean_paragraphs
from letters.wording import MAX_PHRASING_LENGTH

#: One edited paragraph, in characters: as long as the longest phrasing staff may
#: write, so a writer can rewrite any paragraph the letter offers.
MAX_EDIT_LENGTH = MAX_PHRASING_LENGTH
#: Line breaks within one edited paragraph.
MAX_EDIT_LINES = 12


def field_name(key: str) -> str:
    """The textarea holding paragraph `key` (see letters.phrasings)."""
    return f"para-{key}"


def reset_name(key: str) -> str:
    """The checkbox that puts paragraph `key` back to the suggested wording."""
    return f"reset-{key}"


def read_edits(form: Mapping[str, str], suggested: Mapping[str, str]
               ) -> tuple[dict[str, str], dict[str, str]]:
    """(edits, errors) for the paragraphs in `suggested`, from the submitted `form`.

    An edit is kept only when it differs from the suggestion and its reset box is
    not ticked; an emptied paragraph counts as the suggestion. `errors` maps a
    paragraph key to a sentence for the writer.
    """
    edits, errors = {}, {}
    for key, suggestion in suggested.items():
        if form.get(reset_name(key)):
            continue
        text = clean_paragraphs(form.get(field_name(key)) or "")
        if not text or text == clean_paragraphs(suggestion):
            continue
        if len(text) > MAX_EDIT_LENGTH:
            errors[key] = ngettext("This paragraph is %(count)s character long; keep it "
                                   "under %(limit)s.",
                                   "This paragraph is %(count)s characters long; keep it "
                                   "under %(limit)s.", len(text),
                                   count=format_number(len(text)),
                                   limit=format_number(MAX_EDIT_LENGTH))
        elif text.count("\n") >= MAX_EDIT_LINES:
            errors[key] = gettext("Keep this paragraph under %(max)s lines.", max=MAX_EDIT_LINES)
        elif message := unprintable_message(text):
            errors[key] = message
        else:
            edits[key] = text
    return edits, errors


def paragraph_texts(form: Mapping[str, str] | None, suggested: Mapping[str, str],
                    edits: Mapping[str, str] | None = None) -> dict[str, str]:
    """What each textarea shows: the writer's text as submitted, their earlier edit,
    or the suggestion, in that order of preference."""
    shown = {}
    for key, suggestion in suggested.items():
        submitted = form.get(field_name(key)) if form is not None else None
        if form is not None and form.get(reset_name(key)):
            submitted = None
        shown[key] = submitted or (edits or {}).get(key) or suggestion
    return shown
