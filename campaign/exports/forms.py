"""The dashboard's date filter: a GET form, so a filtered view is a link to share."""
from __future__ import annotations

from collections.abc import Callable

from flask_wtf import FlaskForm
from wtforms import Field, StringField, ValidationError
from wtforms.validators import StopValidation

from campaign.exports import queries


def _iso_day(name: str) -> Callable[[FlaskForm, Field], None]:
    def check(form: FlaskForm, field: Field) -> None:
        try:
            queries.parse_day(field.data, name)
        except queries.BadFilter as error:
            raise StopValidation(str(error)) from None
    return check


class DateRangeForm(FlaskForm):
    """From / to days, both optional and inclusive; the same rules as the command line."""

    class Meta:
        csrf = False  # a GET form that changes nothing

    since = StringField("From", validators=[_iso_day("start date")], render_kw={"type": "date"})
    until = StringField("To", validators=[_iso_day("end date")], render_kw={"type": "date"})

    def validate_until(self, field: Field) -> None:
        if self.since.errors:
            return
        try:
            queries.make_filter(None, self.since.data, field.data)
        except queries.BadFilter as error:
            raise ValidationError(str(error)) from None
