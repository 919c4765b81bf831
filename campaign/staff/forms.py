"""The staff workspace's forms. Flask-WTF adds a CSRF token to each.

Wording is checked as a field validator (letters.wording.wording_problems), so every
mistake is shown next to the field on save, quoting the text at fault, all at once. Wording
fields are not cleaned of control characters first: the check names them instead
of the form dropping them silently.
"""
from __future__ import annotations

import unicodedata

from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import (AnyOf, InputRequired, Length, Optional, Regexp,
                                ValidationError)

from campaign.campaigns import STATUSES
from campaign.campaigns import THANK_YOU_PLACEHOLDERS
from campaign.campaigns.help_text import MAX_HELP_TEXT
from campaign.staff.editing import MAX_SLUG_LENGTH, SLUG_PATTERN, prompt_problems, suggested_slug
from letters.fonts import unprintable_characters
from letters.typed_text import clean_line, clean_paragraphs
from letters.wording import wording_problems


def _lower(value):
    return value.lower() if value else value


def wording_text(value):
    """Staff wording as typed, line endings made plain: the check judges the rest."""
    if value is None:
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _all_problems(field, problems: list[str]) -> None:
    # Every mistake at once, in order, so staff mend them in one go rather than in rounds:
    # WTForms keeps one message per ValidationError, so the rest go on the list first.
    if problems:
        field.errors.extend(problems[:-1])
        raise ValidationError(problems[-1])


def valid_wording(_form, field):
    """Check the wording (phrasings allowed); every mistake becomes an error of the field."""
    _all_problems(field, wording_problems(field.data or ""))


def printable_wording(_form, field):
    """Refuse what the letter's typeface cannot print, as the citizen's form does: emoji,
    scripts other than Latin, Greek and Cyrillic, a character broken in sending (U+FFFD),
    invisible direction overrides. Invisible ones are named by their code."""
    missing = unprintable_characters(field.data or "")
    if not missing:
        return
    hidden = [char for char in missing
              if unicodedata.category(char)[0] in "CZ" or char == "\ufffd"]
    named = [f"U+{ord(char):04X}" if char in hidden else char for char in missing]
    shown = " ".join(named[:8]) + (" …" if len(named) > 8 else "")
    why = []
    if any(unicodedata.category(char)[0] == "L" for char in missing):
        why.append("Letters are printed in Latin, Greek or Cyrillic script.")
    if any(unicodedata.category(char)[0] not in "LCZ" and char != "\ufffd" for char in missing):
        why.append("A printed letter can't show emoji or symbols like these.")
    if hidden:
        why.append("Those shown as U+ codes are invisible or broken characters.")
    raise ValidationError(f"The letter's typeface cannot print {shown}. {' '.join(why)} "
                          "Please retype that part without them.")


def valid_line_wording(_form, field):
    """Check one line of wording, such as the subject."""
    _all_problems(field, wording_problems(field.data or "", several=False))


def valid_prompts(_form, field):
    """Check the questions for writers: how many, how long, and their wording."""
    _all_problems(field, prompt_problems(field.data or ""))


def valid_thank_you(_form, field):
    """The thank-you message may say how many wrote, with {{ count }}, and nothing else."""
    _all_problems(field, wording_problems(field.data or "",
                                          placeholders=THANK_YOU_PLACEHOLDERS))


class CampaignForm(FlaskForm):
    title = StringField("Title", filters=[clean_line], validators=[
        InputRequired("Enter a title."), Length(max=200, message="Keep the title under 200 characters.")])
    slug = StringField("Web address", filters=[clean_line, _lower], validators=[
        InputRequired("Enter a web address, e.g. clean-rivers."),
        Length(max=MAX_SLUG_LENGTH, message="Keep the web address under 80 characters."),
        Regexp(SLUG_PATTERN, message="Use lowercase letters, digits and single hyphens only, "
                                     "e.g. clean-rivers-2026.")])
    summary = TextAreaField("Summary", filters=[clean_paragraphs], validators=[
        Optional(), Length(max=600, message="Keep the summary under 600 characters.")])
    intro = TextAreaField("Introduction", filters=[clean_paragraphs], validators=[
        Optional(), Length(max=6000, message="Keep the introduction under 6,000 characters.")])
    thank_you = TextAreaField("Thank-you message when closed", filters=[clean_paragraphs],
                              validators=[Optional(), Length(max=1000, message="Keep this under 1,000 characters."),
                                          valid_thank_you])
    help_title = StringField("Help page title (optional)", filters=[clean_line], validators=[
        Optional(), Length(max=80, message="Keep the title under 80 characters.")])
    help_footer = StringField("Help line in the footer (optional)", filters=[clean_line],
                              validators=[Optional(), Length(
                                  max=200, message="Keep the help line under 200 characters.")])
    help_text = TextAreaField("Help page text (optional)", filters=[clean_paragraphs], validators=[
        Optional(), Length(max=MAX_HELP_TEXT, message="Keep the help page under 6,000 characters.")])


class NewCampaignForm(CampaignForm):
    """Making a campaign: an empty web address is made from the title."""

    def validate(self, extra_validators=None) -> bool:
        if not (self.slug.data or "").strip() and self.title.data:
            self.slug.data = suggested_slug(self.title.data)
            self.slug.raw_data = [self.slug.data]  # what InputRequired reads
        return super().validate(extra_validators)


class WordingForm(FlaskForm):
    subject = StringField("Subject line (optional)", filters=[wording_text], validators=[
        Optional(), Length(max=200, message="Keep the subject under 200 characters."),
        valid_line_wording, printable_wording])
    opening = TextAreaField("Opening", filters=[wording_text], validators=[
        InputRequired("Write the opening of the letter."), valid_wording, printable_wording])
    closing = TextAreaField("Closing request", filters=[wording_text], validators=[
        InputRequired("Write the closing request of the letter."), valid_wording,
        printable_wording])
    prompts = TextAreaField("Questions to help writers (optional)", filters=[wording_text],
                            validators=[Optional(), valid_prompts, printable_wording])
    minister_closing = TextAreaField("Closing for ministers (optional)", filters=[wording_text],
                                     validators=[Optional(), valid_wording, printable_wording])
    shadow_closing = TextAreaField("Closing for shadow ministers (optional)",
                                   filters=[wording_text],
                                   validators=[Optional(), valid_wording, printable_wording])
    supporter_opening = TextAreaField("To a supporter's constituents: thank you, and go "
                                      "further (optional)", filters=[wording_text],
                                      validators=[Optional(), valid_wording, printable_wording])


class AskForm(FlaskForm):
    title = StringField("Short title (the checkbox label)", filters=[clean_line], validators=[
        InputRequired("Enter a short title."), Length(max=120, message="Keep the title under 120 characters.")])
    explanation = StringField("Explanation for citizens (optional)", filters=[clean_line], validators=[
        Optional(), Length(max=300, message="Keep the explanation under 300 characters.")])
    paragraph = TextAreaField("Paragraph in the letter", filters=[wording_text], validators=[
        InputRequired("Write the paragraph this ask adds to the letter."), valid_wording,
        printable_wording])
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
