"""Dates as a UK reader expects them: "21 November 2026" on a letter and a page, "21 Nov
2026" where space is short, "21 November 2026, 10:15" for a moment in UK local time.

Times are stored in UTC and shown in UK local time (Europe/London, so BST in summer).
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def uk_date(day: date) -> str:
    """Return `day` in the UK long form, e.g. "21 November 2026" (no leading zero)."""
    return f"{day.day} {day:%B %Y}"


def letter_date(day: date, language: str = "en") -> str:
    """The date a letter prints: uk_date() in English, "5 Ionawr 2026" in Welsh ("cy").

    Welsh month names come from Babel's CLDR data (the Unicode consortium's, which
    Flask-Babel brings); Babel is imported only for a Welsh letter, so an English
    one costs what it always did.
    """
    if language == "en":
        return uk_date(day)
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=language)


def _as_date(value: date | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def long_date(value: date | str | None) -> str:
    """uk_date() for a date or an ISO day; '' for None or ''."""
    if not value:
        return ""
    try:
        day = _as_date(value)
    except ValueError:
        return str(value)  # what someone typed into a filter: shown back as typed
    return uk_date(day)


def short_date(value: date | str) -> str:
    """'23 Nov 2026', where space is short (chart axes)."""
    day = _as_date(value)
    return f"{day.day} {day:%b %Y}"


def uk_time(value: datetime | str | None) -> str:
    """'23 November 2026, 10:15' in UK local time, for a UTC timestamp (ISO text or datetime)."""
    if not value:
        return ""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(UK)
    return f"{uk_date(local.date())}, {local:%H:%M}"
