"""The dashboard's date filter: a GET form, so a filtered view is a link to share.

Each date is three boxes, day, month and year, as GOV.UK's date input has them: a
browser's own date picker writes the date in its own order (month first in a US
browser), and a UK reader types "31 3 2025". The boxes are sent as
?since_day=31&since_month=3&since_year=2025; the dashboard turns them into its
address's ?since=2025-03-31&until=... (what every download link and the command
line use) and shows the boxes filled in from that address.
"""
from __future__ import annotations

import calendar
from datetime import date

from flask_wtf import FlaskForm
from wtforms import StringField

from campaign.exports import queries
from letters.dates import long_date

#: What every hint and error shows as an example.
EXAMPLE = "31 3 2025"
PARTS = ("day", "month", "year")
#: The query names of the boxes, e.g. since_day.
BOX_NAMES = tuple(f"{which}_{part}" for which in ("since", "until") for part in PARTS)
_LABELS = {"since": "start date", "until": "end date"}


def _box(label: str, width: int) -> StringField:
    return StringField(label, render_kw={"inputmode": "numeric", "maxlength": width,
                                         "class": f"date-box date-box-{width}",
                                         "autocomplete": "off"})


def link_day(text: str | None, which: str) -> date | None:
    """A day from the dashboard's address (?since=YYYY-MM-DD); the error says in words
    what to do, since the person reading it may not have typed that address."""
    try:
        return queries.parse_day(text, _LABELS[which])
    except queries.BadFilter:
        typed = (text or "").strip()  # never empty here: a blank day is no BadFilter
        raise queries.BadFilter(
            f"The {_LABELS[which]} in this page's address, {typed!r}, is not a date. "
            f"Choose the days again below: day, month and year in numbers, like {EXAMPLE}."
        ) from None


class DateRangeForm(FlaskForm):
    """From / to days, both optional and inclusive, each as day, month and year boxes."""

    class Meta:
        csrf = False  # a GET form that changes nothing

    since_day = _box("Day", 2)
    since_month = _box("Month", 2)
    since_year = _box("Year", 4)
    until_day = _box("Day", 2)
    until_month = _box("Month", 2)
    until_year = _box("Year", 4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        #: The days the boxes hold, once validate() has read them.
        self.days: dict[str, date | None] = {"since": None, "until": None}
        #: Each date's error (for its fieldset), by "since" / "until".
        self.date_errors: dict[str, str] = {}

    def boxes(self, which: str) -> list[StringField]:
        """The day, month and year boxes of "since" or "until"."""
        return [self[f"{which}_{part}"] for part in PARTS]

    def fill_from(self, since: date | None, until: date | None) -> None:
        """Show the days of the page's address in the boxes."""
        for which, day in (("since", since), ("until", until)):
            if day:
                for field, value in zip(self.boxes(which), (day.day, day.month, day.year), strict=True):
                    field.data = str(value)

    def _read(self, which: str) -> date | None:
        label = _LABELS[which]
        typed = [(field.data or "").strip() for field in self.boxes(which)]
        if not any(typed):
            return None
        missing = [part for part, text in zip(PARTS, typed, strict=True) if not text]
        if missing:
            raise ValueError(f"The {label} must include a {' and a '.join(missing)}, "
                             f"like {EXAMPLE}.")
        if not all(text.isdigit() and text.isascii() for text in typed):
            raise ValueError(f"The {label} must be written in numbers: day, month and year, "
                             f"like {EXAMPLE}.")
        day, month, year = (int(text) for text in typed)
        if len(typed[2]) != 4:
            raise ValueError(f"The {label}'s year must have 4 numbers, like 2025.")
        if not 1 <= month <= 12:
            raise ValueError(f"The {label} must be a real date, like {EXAMPLE}; months run "
                             f"from 1 to 12, so there is no month {month}.")
        try:
            return date(year, month, day)
        except ValueError:
            days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
            raise ValueError(f"The {label} must be a real date, like {EXAMPLE}; "
                             f"{calendar.month_name[month]} {year} has {days} days, so "
                             f"there is no day {day}.") from None

    def validate(self, extra_validators=None) -> bool:
        """Read both dates from their boxes; False with a sentence per date when wrong."""
        super().validate(extra_validators)
        for which in ("since", "until"):
            try:
                self.days[which] = self._read(which)
            except ValueError as error:
                self.date_errors[which] = str(error)
                # On the day box too, so the error summary links to the date's first box.
                self[f"{which}_day"].errors = [str(error)]
        first, last = self.days["since"], self.days["until"]
        if not self.date_errors and first and last and first > last:
            message = (f"The start date ({long_date(first)}) is after the end date "
                       f"({long_date(last)}).")
            self.date_errors["until"] = message
            self.until_day.errors = [message]
        return not self.date_errors


def link_filter(campaign_id: int | None, since: str | None,
                until: str | None) -> tuple[queries.Filter | None, dict[str, str]]:
    """The filter the page's address asks for (?since=&until=, as YYYY-MM-DD), or None and
    a sentence per wrong date ("since" / "until"), in words."""
    days, errors = {}, {}
    for which, text in (("since", since), ("until", until)):
        try:
            days[which] = link_day(text, which)
        except queries.BadFilter as error:
            errors[which] = str(error)
    if errors:
        return None, errors
    if days["since"] and days["until"] and days["since"] > days["until"]:
        return None, {"until": f"The start date ({long_date(days['since'])}) is after the end "
                               f"date ({long_date(days['until'])})."}
    return queries.Filter(campaign_id=campaign_id, since=days["since"],
                          until=days["until"]), {}
