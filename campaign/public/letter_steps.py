"""The letter form read into a letter: what the preview's POST decides, outside the view.

Given the letter state for the postcode on the form (letter_state.gather) and the
state the form was made for (when the writer typed another postcode), `read_form`
says what happens: the form comes back saying what changed (another MP or nation:
shown, never applied in silence), comes back with errors, or the letter is ready to
sign. It composes each letter once, to check it (nothing for the MP, too long to
print), as the preview will show it.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace

from flask_babel import gettext

from campaign.public import journey
from campaign.public.composing import NoAsksChosen, compose_for
from campaign.public.forms import LetterForm
from campaign.public.letter_edits import read_edits
from campaign.public.letter_state import LetterContext
from campaign.public.references import content_reference, content_token
from campaign.public.seat_names import page_seat_name
from campaign.public.second_letters import chosen_target_ids, second_letters
from campaign.public.signed_requests import LetterRequest
from campaign.public.writer_sentences import body_name, in_nation, too_long
from letters.compose import deciding_bodies, plain_name
from letters.limits import LetterTooLong
from letters.phrasings import ask_key
from letters.render_pdf import check_pages


@dataclass(frozen=True)
class FormOutcome:
    """What the sent letter form comes to.

    `changed` is a sentence when the postcode now names another MP or nation (the form
    comes back with them, `shown` in its textareas); `failed` when the form comes back
    with errors (`asks_error`, `note_error`, `paragraph_errors`); else the letter in
    `context` is ready to sign.
    """

    context: LetterContext
    shown: Mapping[str, str] = field(default_factory=dict)
    changed: str = ""
    asks_error: str = ""
    note_error: str = ""
    paragraph_errors: Mapping[str, str] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.asks_error or self.note_error or self.paragraph_errors)


def letter_request(*, context: LetterContext, form: LetterForm,
                   submitted: Mapping) -> LetterRequest:
    """The writer's request as the form sent it (its token and reference are given by
    its content once it is read whole: identified)."""
    return LetterRequest(
        campaign_id=context.campaign.id, full_name=form.full_name.data,
        address_line1=form.address_line1.data, address_line2=form.address_line2.data or "",
        town=form.town.data, postcode=form.postcode.data, ask_ids=tuple(form.asks.data),
        personal_note=form.personal_note.data or "", token="", reference="",
        seed=context.seed, contact=form.contact.data or "",
        target_ids=chosen_target_ids(context, submitted))


def read_form(*, context: LetterContext, form: LetterForm, submitted: Mapping,
              old: LetterContext | None, checked_seed: bool, secret_key: str) -> FormOutcome:
    """What the letter form `submitted` comes to, for the letter state `context` (the
    postcode on the form) and `old`, the state the form was made for when its postcode
    was another. `checked_seed`: the form carried the seed its page was drawn with.
    The letter's reference and counting token follow from its content (`secret_key`)."""
    request = letter_request(context=context, form=form, submitted=submitted)
    # A corrected postcode: the textareas still hold the suggestions for the MP the
    # form was made for; those are not the writer's words, so they give way to this
    # MP's (their own changes stay theirs).
    fresh = journey.without_stale_suggestions(submitted, old.suggested if old else {})
    if old is not None and moved(old, context):
        return FormOutcome(context=context.with_request(request),
                           shown=context.form_paragraphs(fresh),
                           changed=what_changed(old, context))
    # The paragraphs the form suggests, and (suggesting nothing) those of asks this
    # nation's MP letter leaves out: the writer's words for them travel with the letter.
    edits, paragraph_errors = read_edits(fresh, {
        **dict.fromkeys((ask_key(ask.id) for ask in context.asks), ""), **context.suggested})
    if checked_seed:
        # Only against the draw the page showed can a changed paragraph be told from
        # the suggestion: without the page's seed, every paragraph would look changed.
        paragraph_errors.update(journey.unticked_edit_errors(edits, context.asks,
                                                             request.ask_ids))
    context = context.with_request(identified(replace(request, edits=edits), context=context,
                                              secret_key=secret_key))
    if paragraph_errors:
        return FormOutcome(context=context, paragraph_errors=paragraph_errors)
    try:
        if not context.only_second_letters:
            # The PDF's page limit, met here with a sentence on what to shorten rather
            # than at the download (the writer's copy is a page apart).
            check_pages(compose_for(context))
        for second in second_letters(context):
            check_pages(second.letter)
    except NoAsksChosen as error:
        return FormOutcome(context=context, asks_error=_asks_error(context, str(error)))
    except LetterTooLong as error:
        note_error, errors = journey.too_long_errors(too_long(error), edits)
        return FormOutcome(context=context, note_error=note_error or "",
                           paragraph_errors=errors)
    return FormOutcome(context=context)


def identified(request: LetterRequest, *, context: LetterContext,
               secret_key: str) -> LetterRequest:
    """`request` with the reference and token of its content: the writer's details and
    words, the asks and second letters, the seed, the MP's postcode and the day. The
    same letter sent again (a reload) is the same letter, with the same reference."""
    content = asdict(request)
    content.pop("token"), content.pop("reference")
    content.update(found=str(context.postcode), member=context.mp.member_id,
                   day=context.day.isoformat())
    data = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return replace(request, reference=content_reference(data, secret_key),
                   token=content_token(data, secret_key))


def moved(old: LetterContext, new: LetterContext) -> bool:
    """Whether the letter now goes to another MP, or the writer is in another nation."""
    return old.mp.member_id != new.mp.member_id or old.nation != new.nation


def what_changed(old: LetterContext, new: LetterContext) -> str:
    """The sentence over a form that came back for a postcode with another MP or nation."""
    sentence = gettext("You changed the postcode to %(postcode)s, in %(constituency)s: your "
                       "letter now goes to %(name)s, not %(old)s. Check your letter below, "
                       "then preview it.", postcode=str(new.postcode),
                       constituency=page_seat_name(new.found),
                       name=plain_name(new.mp), old=plain_name(old.mp))
    if old.nation != new.nation:
        sentence += " " + gettext("%(constituency)s is %(in_nation)s, where some of what you "
                                  "can ask for is decided outside Westminster: read the note "
                                  "beside each ask.",
                                  constituency=page_seat_name(new.found),
                                  in_nation=in_nation(new.nation))
        if new.targets:
            sentence += " " + gettext("A second letter, to where it is decided, is offered "
                                      "below.")
    return sentence


def _asks_error(context: LetterContext, message: str) -> str:
    """Why the letter cannot be made from the asks ticked; when everything ticked is
    decided elsewhere and a second letter is offered, how to send only that."""
    message = message or gettext("Tick at least one thing to ask your MP for.")
    if context.ticked and not context.to_mp and context.targets and not context.chosen_targets:
        message += " " + gettext("Or tick the second letter below to write only to where it "
                                 "is decided.")
    return message


def no_mp_letter_sentence(context: LetterContext) -> str:
    """Why no letter goes to the MP: everything ticked is decided elsewhere."""
    bodies = [body_name(context.nation, body)
              for body in deciding_bodies(context.ticked, context.nation)]
    return gettext("No letter goes to your MP, %(name)s: %(in_nation)s, what you ticked is "
                   "decided by %(bodies)s, not at Westminster, so your MP cannot change it. "
                   "Your letter goes to where it is decided.",
                   name=context.mp.display_as, in_nation=in_nation(context.nation),
                   bodies=", ".join(bodies))
