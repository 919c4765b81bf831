"""Counts as the public pages say them, by campaign.small_numbers' rule, in the page's
language: "fewer than 5" for 1 to 4, and "at least 1,234" for a total with hidden
seats behind it (the templates' own sentences say "At least ... letters so far.": a
`PublicTotal` is `exact` or not)."""
from __future__ import annotations

from flask_babel import format_number, gettext, ngettext

from campaign.small_numbers import SMALL_COUNT, PublicTotal, is_hidden


def seat_letters(count: int) -> str:
    """One constituency's letters as a table cell says them: "fewer than 5" or "12"."""
    if is_hidden(count):
        return gettext("fewer than %(num)s", num=SMALL_COUNT)
    return format_number(count)


def seat_letters_sentence(count: int) -> str:
    """One constituency's letters as the map's tooltip says them: "fewer than 5 letters"."""
    if is_hidden(count):
        return gettext("fewer than %(num)s letters", num=SMALL_COUNT)
    return ngettext("%(count)s letter", "%(count)s letters", count, count=format_number(count))


def count_for_thanks(total: PublicTotal) -> str:
    """What a closed campaign's thanks puts for {{ count }}: "1,234" or "at least 1,234"."""
    if total.exact:
        return format_number(total.floor)
    return gettext("at least %(num)s", num=format_number(total.floor))
