"""The staff workspace's forms. Flask-WTF adds a CSRF token to each.

Wording is checked as a field validator (letters.wording.wording_problems), so every
mistake is shown next to the field on save, quoting the text at fault, all at once. Wording
fields are not cleaned of control characters first: the check names them instead
of the form dropping them silently.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Length, Optional, Regexp, ValidationError

from campaign.campaigns import STATUSES, THANK_YOU_PLACEHOLDERS
from campaign.campaigns.help_text import MAX_HELP_TEXT
from campaign.staff.editing.letter_wording import prompt_problems
from campaign.staff.editing.nation_rules import MAX_BODY_LENGTH, MAX_NOTE_LENGTH, NATION_FIELDS
from campaign.staff.editing.slugs import MAX_SLUG_LENGTH, SLUG_PATTERN, suggested_slug
from campaign.staff.editing.translated import translated_name, translation_alone
from letters import Ask
from letters.devolution import DEFAULT_DEVOLVED_BODY, DEVOLVED_NATIONS, MPLetter
from letters.fonts import unprintable_characters
from letters.languages import Language, translations
from letters.nations import Nation
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


def translation_hint(language: Language) -> str:
    """The hint under every translated field."""
    called = language.english_name
    return (f"Optional until the campaign is offered in {called}: the {called} pages use "
            f"it once every text has its {called}.")


class TranslationsBeside(FlaskForm):
    """A form whose texts each have a field per language beside English under them,
    "<name>_<code>" (Language.column), added by `add_translated_fields`: checked as the
    English is (not required), every problem named ("Opening in Welsh: ..."), and a
    translation without its English refused."""

    #: Translated field name -> (its English field, the text's name, its nation for a
    #: rule or None, the language).
    translated_fields: dict[str, tuple[str, str, Nation | None, Language]] = {}

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for name, (english_name, text, nation, language) in self.translated_fields.items():
            field, english = self[name], self[english_name]
            if (field.data or "").strip() and not (english.data or "").strip():
                field.errors.append(translation_alone(text, language, nation))
                valid = False
            prefix = translated_name(text, language, nation) + ": "
            field.errors = [error if error.startswith(prefix) else prefix + error
                            for error in field.errors]
        return valid

    def translations_of(self, name: str) -> list[tuple[Field, Language]]:
        """The fields beside the English field `name` with their languages, one per
        language beside English (the templates show each under the English)."""
        return [(self[language.column(name)], language)
                for language in translations()]


def add_translated_fields(form_class, names: Mapping[str, tuple[str, Nation | None]]) -> None:
    """Give `form_class` a field per language beside English beside each of its fields
    `names` (field name -> the text's name and nation, see TranslationsBeside): the
    same kind of field, filters and checks, but optional."""
    added = {}
    for language in translations():
        for name, (text, nation) in names.items():
            english = getattr(form_class, name)
            validators = [Optional() if isinstance(check, InputRequired) else check
                          for check in english.kwargs.get("validators", [])]
            if not any(isinstance(check, Optional) for check in validators):
                validators.insert(0, Optional())
            label = english.args[0].removesuffix(" (optional)")
            label += f"{',' if nation else ''} in {language.label}"
            setattr(form_class, language.column(name), english.field_class(
                label, **{**english.kwargs, "validators": validators,
                          "description": translation_hint(language)}))
            added[language.column(name)] = (name, text, nation, language)
    form_class.translated_fields = {**form_class.translated_fields, **added}


def _texts(*names: str) -> dict[str, tuple[str, Nation | None]]:
    return {name: (name, None) for name in names}


class CampaignForm(TranslationsBeside, FlaskForm):
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
                              validators=[Optional(),
                                          Length(max=1000, message="Keep this under 1,000 characters."),
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


add_translated_fields(CampaignForm, _texts("title", "summary", "intro", "thank_you", "help_title",
                                      "help_footer", "help_text"))


class WordingForm(TranslationsBeside, FlaskForm):
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


add_translated_fields(WordingForm, _texts("subject", "opening", "closing", "minister_closing",
                                     "shadow_closing", "supporter_opening", "prompts"))


class AskForm(TranslationsBeside, FlaskForm):
    title = StringField("Short title (the checkbox label)", filters=[clean_line], validators=[
        InputRequired("Enter a short title."),
        Length(max=120, message="Keep the title under 120 characters.")])
    explanation = StringField("Explanation for citizens (optional)", filters=[clean_line], validators=[
        Optional(), Length(max=300, message="Keep the explanation under 300 characters.")])
    paragraph = TextAreaField("Paragraph in the letter", filters=[wording_text], validators=[
        InputRequired("Write the paragraph this ask adds to the letter."), valid_wording,
        printable_wording])
    enabled = BooleanField("Switched on: citizens can choose this ask", default=True)


def _add_nation_fields(form_class) -> None:
    """Give the ask form, per devolved nation, who decides the ask there and what the
    MP letter does with it (letters.devolution): fields named "scotland_devolved", ..."""
    for nation in DEVOLVED_NATIONS:
        prefix, label = NATION_FIELDS[nation], nation.label
        setattr(form_class, f"{prefix}_devolved", RadioField(
            f"Who decides this in {label}?", default="westminster",
            choices=[SelectChoice("westminster",
                                  "Westminster: the MP letter asks for it as written"),
                     SelectChoice("devolved", f"A devolved body in {label}")]))
        setattr(form_class, f"{prefix}_decided_by", StringField(
            f"Who decides it in {label}", filters=[clean_line], validators=[
                Optional(), Length(max=MAX_BODY_LENGTH, message=(
                    f"Keep who decides under {MAX_BODY_LENGTH} characters."))],
            description=f"As a sentence names it, e.g. “{DEFAULT_DEVOLVED_BODY[nation]}”."))
        setattr(form_class, f"{prefix}_mp_letter", RadioField(
            f"Where it is devolved, the letter to an MP in {label}", default="omit",
            choices=[SelectChoice(MPLetter.OMIT.value, "Leaves the ask out"),
                     SelectChoice(MPLetter.OWN.value, "Uses the phrasing below")]))
        setattr(form_class, f"{prefix}_paragraph", TextAreaField(
            f"The MP letter's paragraph in {label}", filters=[wording_text],
            validators=[Optional(), valid_wording]))
        setattr(form_class, f"{prefix}_note", StringField(
            f"A note for writers in {label} (optional)", filters=[clean_line], validators=[
                Optional(), Length(max=MAX_NOTE_LENGTH, message=(
                    f"Keep the note under {MAX_NOTE_LENGTH} characters."))]))


_add_nation_fields(AskForm)
add_translated_fields(AskForm, {
    **_texts("title", "explanation", "paragraph"),
    **{f"{NATION_FIELDS[nation]}_{name}": (name, nation) for nation in DEVOLVED_NATIONS
       for name in ("decided_by", "paragraph", "note")}})


def nation_form_data(ask: Ask) -> dict:
    """The ask form's per-nation fields filled from the ask's rules."""
    data = {}
    for nation in DEVOLVED_NATIONS:
        prefix, rule = NATION_FIELDS[nation], ask.rule_for(nation)
        data.update({f"{prefix}_devolved": "devolved" if rule.devolved else "westminster",
                     f"{prefix}_decided_by": rule.decided_by,
                     f"{prefix}_mp_letter": str(rule.mp_letter),
                     f"{prefix}_paragraph": rule.paragraph, f"{prefix}_note": rule.note})
    return data


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


class TargetForm(TranslationsBeside, FlaskForm):
    """A second letter's target: the office, its address, who is offered it, its wording.

    Each ask's own phrasing is a field "ask_<id>", added per campaign (target_form)."""

    office = StringField("Office", filters=[clean_line], validators=[
        InputRequired("Name the office, e.g. Minister of Justice."),
        Length(max=120, message="Keep this under 120 characters.")])
    holder = StringField("Who holds it now (optional)", filters=[clean_line], validators=[
        Optional(), Length(max=120, message="Keep this under 120 characters.")])
    salutation = StringField("Greeting", filters=[clean_line], validators=[
        InputRequired("Write the greeting, e.g. Dear Minister."),
        Length(max=120, message="Keep this under 120 characters.")])
    address = TextAreaField("Postal address", filters=[wording_text], validators=[
        InputRequired("Write the office's postal address, one line per line, the postcode last."),
        Length(max=600, message="Keep the address under 600 characters.")])
    email = StringField("Email (optional)", filters=[clean_line], validators=[
        Optional(), Length(max=254, message="Keep the email under 254 characters.")])
    nations = SelectMultipleField("Offered to writers in", choices=[
        SelectChoice(str(nation), nation.label) for nation in DEVOLVED_NATIONS],
        validate_choice=False)
    subject = StringField("Subject line (optional)", filters=[wording_text], validators=[
        Optional(), Length(max=200, message="Keep the subject under 200 characters."),
        valid_line_wording])
    opening = TextAreaField("Opening", filters=[wording_text], validators=[
        InputRequired("Write the opening of the letter."), valid_wording])
    closing = TextAreaField("Closing request", filters=[wording_text], validators=[
        InputRequired("Write the closing request of the letter."), valid_wording])


add_translated_fields(TargetForm, _texts("salutation", "subject", "opening", "closing"))


def target_form(asks: list[Ask], **kwargs) -> TargetForm:
    """The target form for a campaign with `asks`: one optional phrasing field per ask,
    each with its translations beside it."""
    class CampaignTargetForm(TargetForm):
        pass
    for ask in asks:
        setattr(CampaignTargetForm, f"ask_{ask.id}", TextAreaField(
            f"“{ask.title}” in this letter (optional)", filters=[wording_text],
            validators=[Optional(), valid_wording]))
    add_translated_fields(CampaignTargetForm, {f"ask_{ask.id}": (f"“{ask.title}” in this letter",
                                                            None) for ask in asks})
    return CampaignTargetForm(**kwargs)
