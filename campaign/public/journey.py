"""The mechanics between the letter's steps: what the form shows again, what it refuses.

The letter's steps (public.letter_flow) ask here which paragraphs the writer changed
(so those stay open), which changes would be silently lost (an unticked ask's paragraph), where to
say a letter is too long to print, and how to name the preview's lifetime in words.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from flask_babel import get_locale, gettext, ngettext

from campaign.public.letter_edits import field_name
from letters import Ask
from letters.typed_text import clean_paragraphs

#: A seed from an address: digits only, as many as phrasings.new_seed draws at most.
_SEED_DIGITS = 20


def seed_from(value: str | None) -> int | None:
    """The letter's seed from ?seed=, or None when it is missing or not one."""
    # ASCII digits only: "²".isdigit() is true but int() cannot read it.
    if value and value.isascii() and value.isdigit() and len(value) <= _SEED_DIGITS:
        return int(value)
    return None


def edited_keys(shown: Mapping[str, str], suggested: Mapping[str, str]) -> set[str]:
    """The paragraphs whose textarea holds something other than the suggestion."""
    return {key for key, text in shown.items()
            if clean_paragraphs(text or "") and key in suggested
            and clean_paragraphs(text) != clean_paragraphs(suggested[key])}


def without_stale_suggestions(form: Mapping[str, str], stale: Mapping[str, str]
                              ) -> dict[str, str]:
    """The submitted form with each paragraph that still holds `stale`'s suggestion
    emptied (an empty paragraph is the letter's own suggestion).

    When the writer corrects the postcode on the letter form, its textareas hold the
    paragraphs suggested for the MP the form was made for ("as a constituent in
    Hackney North", the campaign's closing rather than the Speaker's): kept, they
    would read as the writer's edits and go to the new MP unchanged.
    """
    submitted = {key: form.get(key) or "" for key in form}
    for key, suggestion in stale.items():
        name = field_name(key)
        text = submitted.get(name) or ""
        if text and clean_paragraphs(text) == clean_paragraphs(suggestion):
            submitted[name] = ""
    return submitted


def unticked_edit_errors(edits: Mapping[str, str], asks: Sequence[Ask],
                         ticked: Sequence[int]) -> dict[str, str]:
    """An error for each ask paragraph the writer changed but did not tick.

    The letter holds only the ticked asks, so such a change would vanish without a
    word; the writer decides: tick the ask, or undo the change.
    """
    chosen = set(ticked)
    return {f"ask-{ask.id}": gettext("You changed the paragraph for “%(ask)s” but did not "
                                     "tick it: tick it to put it in your letter, or tick “Reset "
                                     "to the suggested wording” to leave it out.", ask=ask.title)
            for ask in asks if f"ask-{ask.id}" in edits and ask.id not in chosen}


def too_long_errors(message: str, edits: Mapping[str, str]) -> tuple[str | None, dict[str, str]]:
    """Where to say the letter is too long: (the note's error, paragraph errors).

    The writer's own words are what made it long: the longest changed paragraph gets
    the sentence when there is one, else the note.
    """
    if not edits:
        return message, {}
    longest = max(edits, key=lambda key: len(edits[key]))
    return None, {longest: message + " " + gettext("This is the longest paragraph you changed.")}


_NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve"]


def _count(number: int, unit: str) -> str:
    if number == 1:
        return f"an {unit}" if unit == "hour" else f"a {unit}"
    word = _NUMBERS[number] if number < len(_NUMBERS) else f"{number:,}"
    return f"{word} {unit}s"


def _in_page_language(seconds: int) -> str | None:
    """The length of time in the page's language, with digits ("2 awr"); None in English,
    whose sentences spell small numbers out ("two hours")."""
    locale = get_locale()
    if locale is None or locale.language == "en":
        return None
    if seconds >= 86400 and seconds % 86400 == 0:
        return ngettext("%(num)s day", "%(num)s days", seconds // 86400)
    if seconds >= 3600 and seconds % 3600 == 0:
        return ngettext("%(num)s hour", "%(num)s hours", seconds // 3600)
    if seconds >= 60 and seconds % 60 == 0:
        return ngettext("%(num)s minute", "%(num)s minutes", seconds // 60)
    return ngettext("%(num)s second", "%(num)s seconds", max(seconds, 0))


def age_in_words(seconds: int) -> str:
    """A length of time as a sentence says it: 7200 -> "two hours", 5400 -> "90 minutes"
    (on the Welsh site "2 awr", the catalogue's plural forms with digits)."""
    translated = _in_page_language(seconds)
    if translated is not None:
        return translated
    if seconds >= 86400 and seconds % 86400 == 0:
        return _count(seconds // 86400, "day")
    if seconds >= 3600 and seconds % 3600 == 0:
        return _count(seconds // 3600, "hour")
    if seconds >= 60 and seconds % 60 == 0:
        minutes = seconds // 60
        return _count(minutes, "minute") if minutes <= 12 else f"{minutes:,} minutes"
    return _count(max(seconds, 0), "second")
