"""The dashboard's date filter: a GET form, so a filtered view is a link to share."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, ValidationError

from campaign import counts


def _iso_day(form, field) -> None:
    try:
        counts.parse_day(field.data, field.label.text.lower())
    except counts.BadFilter as error:
        raise ValidationError(str(error)) from None


class DateRangeForm(FlaskForm):
    """From / to days, both optional and inclusive."""

    class Meta:
        csrf = False  # a GET form that changes nothing

    since = StringField("From", validators=[_iso_day], render_kw={"type": "date"})
    until = StringField("To", validators=[_iso_day], render_kw={"type": "date"})

    def validate_until(self, field) -> None:
        since = counts.parse_day(self.since.data) if not self.since.errors else None
        until = counts.parse_day(field.data) if field.data else None
        if since and until and since > until:
            raise ValidationError("The end date must be on or after the start date.")
