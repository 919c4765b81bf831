"""The citizen's forms. Flask-WTF adds a CSRF token to each.

Labels and messages are lazy_gettext: a form class is made once, at import, and each
request shows its words in the page's language (campaign.languages)."""
from __future__ import annotations

import re
import unicodedata

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectMultipleField, StringField, TextAreaField, widgets
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from campaign.lookup.errors import InvalidPostcode
from campaign.lookup.postcode import normalise_postcode
from campaign.public.widgets import HiddenInput, TextArea, TextInput
from letters.fonts import unprintable_characters
from letters.typed_text import clean_line, clean_paragraphs

# The longest UK postcode is 8 characters with its space: room for stray spaces, and
# the normaliser (campaign.lookup.postcode) says what is wrong with the rest.
POSTCODE_MAX = 16
NAME_MAX = 100
ADDRESS_MAX = 100
TOWN_MAX = 60
NOTE_MAX = 1200  # about two short paragraphs: the letter stays readable and on two pages
NOTE_MAX_LINES = 20  # line breaks: 600 of them once made a 15-page letter
NOTE_MAX_PARAGRAPHS = 5
CONTACT_MAX = 100
# A seed as the page wrote it: ASCII digits only (str.isdigit() also takes "²" and "①",
# which int() refuses).
_SEED = re.compile(r"[0-9]{1,20}")
TOO_LONG_FOR_A_POSTCODE = _l("That is too long for a postcode.")


def printable(_form, field):
    """Refuse characters the letter's font cannot print, naming them."""
    message = unprintable_message(field.data or "")
    if message:
        raise ValidationError(message)


def unprintable_message(text: str) -> str:
    """Sentences naming the characters of `text` the letter cannot print, or ""."""
    missing = unprintable_characters(text)
    if not missing:
        return ""
    # A skin tone or a variation selector shown alone looks like a stray box: name the
    # emoji it belongs to, which is shown anyway.
    named = [char for char in missing if not _emoji_modifier(char)] or missing
    shown = " ".join(named[:8]) + (" …" if len(named) > 8 else "")
    letters = any(unicodedata.category(char).startswith("L") for char in named)
    symbols = any(not unicodedata.category(char).startswith("L") for char in named)
    advice = []
    if letters:
        advice.append(gettext("Please use Latin letters here (as on an envelope addressed "
                              "to you), or leave those characters out."))
    if symbols:
        advice.append(gettext("A printed letter can't show emoji or symbols like these: "
                              "please leave them out too.") if letters else
                      gettext("A printed letter can't show emoji or symbols like these: "
                              "please leave them out."))
    return gettext("Our letter's typeface cannot print %(characters)s.",
                   characters=shown) + " " + " ".join(advice)


def _emoji_modifier(char: str) -> bool:
    code = ord(char)
    return 0x1F3FB <= code <= 0x1F3FF or 0xFE00 <= code <= 0xFE0F or code == 0x20E3


def uk_postcode(_form, field):
    try:
        field.data = str(normalise_postcode(field.data or ""))
    except InvalidPostcode as error:
        raise ValidationError(error.message) from None


class PostcodeForm(FlaskForm):
    postcode = StringField(
        _l("Your postcode"), filters=[clean_line], widget=TextInput(),
        validators=[InputRequired(_l("Enter your postcode.")),
                    Length(max=POSTCODE_MAX, message=TOO_LONG_FOR_A_POSTCODE), uk_postcode],
    )


def lookup_form(formdata=None, **data) -> PostcodeForm:
    """The campaign page's postcode form, read from (or written for) a GET of the letter
    form's address. Looking an MP up changes nothing, so it has no CSRF token: making
    one would write it into the session, and the campaign page would set a cookie for
    nothing. (The form as it was, a POST to /mp, is a PostcodeForm with its token.)"""
    return PostcodeForm(formdata=formdata, meta={"csrf": False}, **data)


class CheckboxesField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def process_formdata(self, valuelist):
        # A value that is not an ask id at all is dropped like an unknown id, so the
        # writer reads "Tick at least one ...", not WTForms' "could not be coerced".
        self.data = []
        for value in valuelist:
            try:
                self.data.append(self.coerce(value))
            except (TypeError, ValueError):
                continue

    def pre_validate(self, form):
        # Unknown ids are dropped silently (an ask switched off mid-visit), not an error.
        valid = {value for value, *_ in self.iter_choices()}
        self.data = [value for value in (self.data or []) if value in valid]


ADDRESS_TOO_LONG = _l("Keep each address line under %(max)s characters.", max=ADDRESS_MAX)


class LetterForm(FlaskForm):
    full_name = StringField(_l("Your full name"), filters=[clean_line], widget=TextInput(), validators=[
        InputRequired(_l("Enter your name: the MP needs it to reply.")),
        Length(max=NAME_MAX, message=_l("Keep your name under %(max)s characters.", max=NAME_MAX)),
        printable])
    address_line1 = StringField(_l("Address line 1"), filters=[clean_line], widget=TextInput(), validators=[
        InputRequired(_l("Enter the first line of your address: MPs reply only to constituents.")),
        Length(max=ADDRESS_MAX, message=ADDRESS_TOO_LONG), printable])
    address_line2 = StringField(_l("Address line 2 (optional)"), filters=[clean_line], widget=TextInput(),
                                validators=[Optional(), Length(max=ADDRESS_MAX, message=ADDRESS_TOO_LONG),
                                            printable])
    town = StringField(_l("Town or city"), filters=[clean_line], widget=TextInput(), validators=[
        InputRequired(_l("Enter your town or city.")),
        Length(max=TOWN_MAX, message=_l("Keep the town under %(max)s characters.", max=TOWN_MAX)), printable])
    postcode = StringField(_l("Postcode"), filters=[clean_line], widget=TextInput(), validators=[
        InputRequired(_l("Enter your postcode.")), Length(max=POSTCODE_MAX,
                                                                message=TOO_LONG_FOR_A_POSTCODE),
        uk_postcode])
    asks = CheckboxesField(_l("What you ask your MP to do"), coerce=int)
    personal_note = TextAreaField(_l("In your own words (optional)"), filters=[clean_paragraphs],
                                  widget=TextArea(), validators=[
        Optional(), Length(max=NOTE_MAX, message=_l("Keep your own words under %(max)s characters.",
                                                    max=format(NOTE_MAX, ","))), printable])
    contact = StringField(_l("Email or phone number for a reply (optional)"), filters=[clean_line],
                          widget=TextInput(),
                          validators=[Optional(), Length(max=CONTACT_MAX, message=_l(
                              "Keep this under %(max)s characters.", max=CONTACT_MAX)), printable])
    # Draws the letter's phrasings. Not secret: a writer who changes it only gets
    # another of the campaign's own phrasings.
    # The postcode whose MP the page showed, so the preview can say when the writer's
    # own postcode on the letter sends it to another MP.
    looked_up = HiddenField(widget=HiddenInput(), filters=[clean_line],
                            validators=[Length(max=POSTCODE_MAX)])
    seed = HiddenField(widget=HiddenInput(), filters=[lambda value: value if _SEED.fullmatch(
                                value or "") else None])

    def validate_personal_note(self, field):
        text = field.data or ""
        if text.count("\n") >= NOTE_MAX_LINES:
            raise ValidationError(gettext("Keep your own words under %(max)s lines.",
                                          max=NOTE_MAX_LINES))
        if len([p for p in text.split("\n\n") if p.strip()]) > NOTE_MAX_PARAGRAPHS:
            raise ValidationError(gettext("Keep your own words to %(max)s paragraphs or fewer.",
                                          max=NOTE_MAX_PARAGRAPHS))

    def validate_asks(self, field):
        if not field.data:
            raise ValidationError(gettext("Tick at least one thing to ask your MP for."))
