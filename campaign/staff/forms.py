"""The staff workspace's forms. Flask-WTF adds a CSRF token to each.

Wording is checked in the sandbox as a field validator, so a mistake (or an
attempt to reach Python from a template) is shown next to the field on save.
"""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import (AnyOf, InputRequired, Length, Optional, Regexp,
                                ValidationError)

from campaign.campaigns import STATUSES
from campaign.public.forms import clean_line, clean_paragraphs
from campaign.staff.editing import SLUG_PATTERN
from letters.wording import MAX_TEMPLATE_LENGTH, WordingError, check_wording


def _lower(value):
    return value.lower() if value else value


def valid_wording(_form, field):
    """Render the wording with every placeholder; any mistake becomes the field's error."""
    try:
        check_wording(field.data or "")
    except WordingError as error:
        raise ValidationError(str(error)) from None


class CampaignForm(FlaskForm):
    title = StringField("Title", filters=[clean_line], validators=[
        InputRequired("Enter a title."), Length(max=200, message="Keep the title under 200 characters.")])
    slug = StringField("Web address", filters=[clean_line, _lower], validators=[
        InputRequired("Enter a web address, e.g. clean-rivers."),
        Length(max=80, message="Keep the web address under 80 characters."),
        Regexp(SLUG_PATTERN, message="Use lowercase letters, digits and single hyphens only, "
                                     "e.g. clean-rivers-2026.")])
    summary = TextAreaField("Summary", filters=[clean_paragraphs], validators=[
        Optional(), Length(max=600, message="Keep the summary under 600 characters.")])
    intro = TextAreaField("Introduction", filters=[clean_paragraphs], validators=[
        Optional(), Length(max=6000, message="Keep the introduction under 6,000 characters.")])
    thank_you = TextAreaField("Thank-you message when closed", filters=[clean_paragraphs],
                              validators=[Optional(), Length(max=1000, message="Keep this under 1,000 characters.")])


class WordingForm(FlaskForm):
    subject = StringField("Subject line (optional)", filters=[clean_line], validators=[
        Optional(), Length(max=200, message="Keep the subject under 200 characters."), valid_wording])
    opening = TextAreaField("Opening", filters=[clean_paragraphs], validators=[
        InputRequired("Write the opening of the letter."),
        Length(max=MAX_TEMPLATE_LENGTH, message=f"Keep this under {MAX_TEMPLATE_LENGTH:,} characters."),
        valid_wording])
    closing = TextAreaField("Closing request", filters=[clean_paragraphs], validators=[
        InputRequired("Write the closing request of the letter."),
        Length(max=MAX_TEMPLATE_LENGTH, message=f"Keep this under {MAX_TEMPLATE_LENGTH:,} characters."),
        valid_wording])


class AskForm(FlaskForm):
    title = StringField("Short title (the checkbox label)", filters=[clean_line], validators=[
        InputRequired("Enter a short title."), Length(max=120, message="Keep the title under 120 characters.")])
    explanation = StringField("Explanation for citizens (optional)", filters=[clean_line], validators=[
        Optional(), Length(max=300, message="Keep the explanation under 300 characters.")])
    paragraph = TextAreaField("Paragraph in the letter", filters=[clean_paragraphs], validators=[
        InputRequired("Write the paragraph this ask adds to the letter."),
        Length(max=3000, message="Keep the paragraph under 3,000 characters.")])
    enabled = BooleanField("Switched on: citizens can choose this ask", default=True)


# The next two are buttons (name=value), not select boxes, hence StringField + AnyOf.
class StatusForm(FlaskForm):
    status = StringField("Status", validators=[AnyOf(STATUSES)])


class MoveForm(FlaskForm):
    direction = StringField("Direction", validators=[AnyOf(("up", "down"))])


class ActionForm(FlaskForm):
    """A button that only needs the CSRF token (restoring a version)."""


class EmbedForm(FlaskForm):
    origins = TextAreaField("Sites that may show the postcode box", validators=[
        Length(max=4000)])
