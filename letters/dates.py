"""Dates as a UK letter writes them."""
from datetime import date


def uk_date(day: date) -> str:
    """Return `day` in the UK long form, e.g. "21 November 2026" (no leading zero)."""
    return f"{day.day} {day:%B %Y}"
