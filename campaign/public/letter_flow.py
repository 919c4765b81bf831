"""The letter's way through the site, from the sent form to the page after the download.

Each step takes what its request brought (the campaign, the form or the signed letter)
and hands its view a result to answer with (campaign.public.letter_pages: a `Page`, a
`Redirect` or a file), so the views only route:

- `sent_form`: the letter form sent (a POST): on to the preview's own address, or the
  form back saying what to change, or what changed (another MP for the postcode);
- `preview`: the preview at its address (?letter=, signed);
- `download`: a PDF, DOCX or envelope of the letter to the MP or a second letter,
  counted once; `email`: counted as emailed, then to the writer's mail app;
- `done` / `done_page`: the page after the download (printing, posting, reference);
- `edit` / `edit_page`: "Change something", the form filled in from the signed letter.

Every step reads the letter's state once (letter_state.gather, or the signed
preview's through letter_links.verified_letter) and composes through
campaign.public.composing. A signed letter that cannot be used (tampered, expired, too
long to print, asks changed since) raises `StartAgain` or `LetterBack`, which the
blueprint answers with their pages.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from flask import current_app, url_for
from flask_babel import gettext

from campaign.campaigns import Campaign, enabled_asks
from campaign.clock import today
from campaign.db import get_db
from campaign.languages import current_language
from campaign.lookup import parliament
from campaign.lookup.errors import LookupFailure, ParliamentDissolved, UpstreamUnavailable
from campaign.lookup.register import mp_email
from campaign.public import journey, letter_steps
from campaign.public.composing import NoAsksChosen, compose_for
from campaign.public.downloads import letter_file
from campaign.public.emailing import email_offer
from campaign.public.forms import LetterForm, PostcodeForm, lookup_form
from campaign.public.letter_edits import paragraph_texts
from campaign.public.letter_links import (
    VerifiedLetter,
    readable_letter,
    signed_value,
    step_url,
    verified_letter,
)
from campaign.public.letter_pages import (
    Page,
    Redirect,
    Result,
    answer,
    campaign_page,
    campaign_share_links,
    closed,
    explain,
    finder,
    found_or_failure,
    found_or_none,
    letter_form,
    start_again,
    write_page,
)
from campaign.public.letter_state import LetterContext, from_signed, gather
from campaign.public.participation import record_letter
from campaign.public.pending_counts import get_pending
from campaign.public.references import reference_hash
from campaign.public.second_letters import SecondLetter, second_letter, second_letters
from campaign.public.signed_requests import (
    LetterExpired,
    LetterRequest,
    LetterTampered,
    sign,
    unsign,
)
from campaign.public.writer_sentences import too_long
from letters import Ask, Letter
from letters.file_formats import FILE_FORMATS
from letters.limits import LetterTooLong
from letters.phrasings import new_seed, paragraph_keys
from letters.targets import Target


class StartAgain(Exception):
    """The signed preview cannot be used; the page says why and what to do."""

    def __init__(self, campaign: Campaign, message: str, status: int):
        super().__init__(message)
        self.campaign, self.message, self.status = campaign, message, status


class LetterBack(Exception):
    """The signed preview holds a letter that cannot be delivered as it is (too old,
    too long to print): the page offers the form back, filled in from it."""

    def __init__(self, campaign: Campaign, heading: str, message: str, status: int):
        super().__init__(message)
        self.campaign, self.heading, self.message, self.status = (campaign, heading, message,
                                                                  status)


def start_again_page(problem: StartAgain):
    """The blueprint's answer to StartAgain: why, and the form to fill in again."""
    return answer(start_again(problem.campaign, problem.message, problem.status))


def letter_back_page(problem: LetterBack):
    """The blueprint's answer to LetterBack: why, and the letter to get back."""
    return answer(Page("public/letter_back.html", dict(
        campaign=problem.campaign, heading=problem.heading, message=problem.message,
        signed=signed_value()), problem.status))


# The letter form --------------------------------------------------------------------

def write(campaign: Campaign, args: Mapping[str, str]) -> Result:
    """The letter form for ?postcode= (and ?seed=, the letter's phrasings) in `args`,
    or the campaign page saying why no MP was found (public.views.write says why a GET)."""
    if campaign.is_closed:
        return closed(campaign)
    if "postcode" not in args:  # an address without one: the campaign's page
        return Redirect(url_for("public.campaign_page", slug=campaign.slug), 302)
    # An empty postcode from the campaign page's form is answered as a mistake there.
    # Read from the address, as the campaign page's form sent it (without a CSRF token).
    form = lookup_form(formdata=args)
    asks = enabled_asks(get_db(), campaign.id, campaign.language)
    found = _look_up(campaign, form, asks)
    if isinstance(found, Page):
        return found
    seed = journey.seed_from(args.get("seed")) or new_seed()
    context = gather_for(campaign, found, seed, asks)
    form_to_fill = letter_form(asks, postcode=str(found.postcode), seed=str(seed),
                               looked_up=str(found.postcode))
    return write_page(context, form_to_fill, context.form_paragraphs(), restore=True)


def _look_up(campaign: Campaign, form: PostcodeForm, asks: list[Ask]):
    """The MP found for the form's postcode, or the page saying why not: the campaign
    page, its postcode form holding what was typed, ready to send again."""
    if not form.postcode.validate(form):
        return campaign_page(campaign, form, asks, 422)
    try:
        return finder().find(get_db(), form.postcode.data)
    except UpstreamUnavailable as failure:
        # Our problem, not the postcode's: a notice, not an error on the field.
        return campaign_page(campaign, form, asks, failure.status, unavailable=failure.message)
    except LookupFailure as failure:
        if failure.heading:
            return explain(campaign, failure)
        form.postcode.errors = [failure.message]
        return campaign_page(campaign, form, asks, failure.status, failure.help_link)


# The letter form sent -------------------------------------------------------------

def sent_form(campaign: Campaign, formdata) -> Result:
    """The letter form sent: the preview at its own address (post/redirect/get), or the
    form back saying what to change (or what changed: a postcode with another MP)."""
    if campaign.is_closed:
        return closed(campaign)
    asks = enabled_asks(get_db(), campaign.id, campaign.language)
    form = letter_form(asks, formdata=formdata)
    # Back to the form, if it comes to that: each textarea shows what the writer sent.
    shown = paragraph_texts(formdata, dict.fromkeys(paragraph_keys(asks), ""))
    if not form.validate():
        return _form_with_errors(campaign, form, asks, shown, formdata)
    seed = int(form.seed.data) if form.seed.data else new_seed()
    try:
        # The MP comes from the postcode on the letter, so the letter goes to the
        # writer's own MP even if they changed the postcode on the form.
        found = finder().find(get_db(), form.postcode.data)
    except LookupFailure as failure:
        return _not_found(campaign, form, asks, shown, failure)
    # Everything in the letter follows that postcode: constituency, nation, MP, post,
    # stance, role openings and closings, the second letters offered.
    context = gather_for(campaign, found, seed, asks)
    old = _moved_from_found(form.looked_up.data, found)
    outcome = letter_steps.read_form(context=context, form=form, submitted=formdata,
                                     old=gather_for(campaign, old, seed, asks) if old else None,
                                     checked_seed=bool(form.seed.data),
                                     secret_key=current_app.config["SECRET_KEY"])
    return _form_read(campaign, form, shown, context, outcome)


def _form_with_errors(campaign: Campaign, form: LetterForm, asks: list[Ask],
                      shown: dict[str, str], formdata) -> Page:
    """The form back with its errors; when its postcode now names another MP, the form
    is that MP's from now on (its address, the language link), saying what changed; when
    it names none (a vacant seat, a postcode with no constituency), it says so too."""
    found, failure = (found_or_failure(form.postcode.data) if not form.postcode.errors
                      else (None, None))
    if failure is not None:
        # Said with the form's other mistakes, not only once they are put right; the
        # postcode is not adopted (the language link keeps the last one with an MP).
        form.postcode.errors = [failure.message]
    seed = journey.seed_from(form.seed.data)
    if not found or seed is None:
        return write_page(None, form, shown, status=422, campaign=campaign, asks=asks,
                          help_link=failure.help_link if failure else None)
    context = gather_for(campaign, found, seed, asks)
    notice = ""
    old = _moved_from_found(form.looked_up.data, found)
    if old is not None and letter_steps.moved(old_context := gather_for(
            campaign, old, seed, asks), context):
        shown = context.form_paragraphs(journey.without_stale_suggestions(
            formdata, old_context.suggested))
        notice = letter_steps.what_changed(old_context, context)
        form.looked_up.data = str(found.postcode)
    return write_page(context, form, shown, status=422, notice=notice,
                      edited=journey.edited_keys(shown, context.suggested))


def _not_found(campaign: Campaign, form: LetterForm, asks: list[Ask], shown: dict[str, str],
               failure: LookupFailure) -> Page:
    """The form back (or a page of its own) when the letter's postcode finds no MP."""
    if isinstance(failure, UpstreamUnavailable):
        return write_page(None, form, shown, status=503, unavailable=failure.message,
                          campaign=campaign, asks=asks)
    if failure.heading:
        return explain(campaign, failure)
    form.postcode.errors = [failure.message]
    return write_page(None, form, shown, status=failure.status, help_link=failure.help_link,
                      campaign=campaign, asks=asks)


def _form_read(campaign: Campaign, form: LetterForm, shown: dict[str, str],
               context: LetterContext, outcome: letter_steps.FormOutcome) -> Result:
    """What the read form comes to: the form back (what changed, what to correct), or
    the signed letter at the preview's address."""
    if outcome.changed:
        # Another MP (or nation) than the form was made for: the form comes back with
        # them, their nation's notes and second letters, saying what changed.
        form.looked_up.data = str(context.postcode)
        form.asks.errors = []
        return write_page(outcome.context, form, outcome.shown, notice=outcome.changed,
                          edited=journey.edited_keys(outcome.shown, context.suggested))
    if outcome.asks_error:
        form.asks.errors = [outcome.asks_error]
    if outcome.note_error:
        form.personal_note.errors = [outcome.note_error]
    if outcome.failed:
        return write_page(outcome.context, form, shown, outcome.paragraph_errors, 422,
                          edited=journey.edited_keys(shown, context.suggested))
    assert outcome.context.request is not None  # read_form always reads the request
    secret_key = current_app.config["SECRET_KEY"]
    value = sign(outcome.context.request, context.found, context.day, secret_key,
                 context.stance)
    address = step_url("public.preview_page", campaign, value)
    if address is not None:
        return Redirect(address)
    # Too long for an address: shown in answer to the form, as before.
    return preview_of(VerifiedLetter(value, unsign(
        value, secret_key, current_app.config["LETTER_FORM_MAX_AGE"]), outcome.context))


def gather_for(campaign: Campaign, found, seed: int, asks: list[Ask],
               letter_request: LetterRequest | None = None) -> LetterContext:
    """This request's letter state (letter_state.gather) for the MP `found`."""
    return gather(db=get_db(), campaign=campaign, language=current_language(), found=found,
                  seed=seed, day=today(), request=letter_request, asks=tuple(asks))


def _moved_from_found(looked_up: str | None, found):
    """The MP the form was made for, when the letter's postcode is another (else None)."""
    moved = looked_up if looked_up and looked_up != str(found.postcode) else ""
    return found_or_none(moved) if moved else None


# The preview and the page after the download ---------------------------------------

def preview(campaign: Campaign, value: str) -> Result:
    """The preview of the signed letter `value` at its own address: Back, Forward,
    reload and the language link show the same letter, with the same reference."""
    if campaign.is_closed:
        return closed(campaign)
    return preview_of(verified(campaign, value))


def preview_of(letter: VerifiedLetter) -> Page:
    """The preview page of a verified letter: each letter, its downloads and email."""
    context = letter.context
    campaign = context.campaign
    mp_letter, seconds = letters_of(letter)
    email = (email_offer(mp_letter, mp_email(get_db(), context.mp.member_id))
             if mp_letter else None)
    return Page("public/preview.html", dict(
        campaign=campaign, letter=mp_letter, found=context.found, context=context,
        signed=letter.value, email=email, reference=_reference(context),
        share=campaign_share_links(campaign), seconds=seconds,
        no_mp_letter=(letter_steps.no_mp_letter_sentence(context) if mp_letter is None
                      else "")))


def done(campaign: Campaign, value: str, fmt: str) -> Result:
    """After the download (a POST from the download's page): on to its own address, so
    Back, reload and the language link come back to it."""
    refused = not_taking_letters(campaign)
    if refused:
        return refused
    letter = verified(campaign, value)
    address = step_url("public.done_page", campaign, letter.value,
                       format=fmt if fmt in ("pdf", "docx") else None)
    if address is not None:
        return Redirect(address)
    return _done_of(letter, fmt)


def done_page(campaign: Campaign, value: str, fmt: str) -> Result:
    """The page after the download at its own address. Counts nothing: the download does."""
    refused = not_taking_letters(campaign)
    if refused:
        return refused
    return _done_of(verified(campaign, value), fmt)


def _done_of(letter: VerifiedLetter, fmt: str) -> Page:
    """Printing, posting, the reference and a friend, with the letter's files still to
    hand (the signed preview travels on)."""
    context = letter.context
    mp_letter, seconds = letters_of(letter)
    return Page("public/done.html", dict(
        campaign=context.campaign, letter=mp_letter, context=context, signed=letter.value,
        format=fmt if fmt in ("pdf", "docx") else "", seconds=seconds,
        reference=_reference(context), share=campaign_share_links(context.campaign)))


def _reference(context: LetterContext) -> str:
    return context.request.reference if context.request else ""


# The letter leaving the site -------------------------------------------------------

def download(campaign: Campaign, value: str, fmt: str, target_id: str) -> Result:
    """The file of the letter `target_id` names (none: the MP's) in format `fmt`; a
    letter (not an envelope) is counted once."""
    refused = not_taking_letters(campaign)
    if refused:
        return refused
    file_format = FILE_FORMATS.get(fmt)
    if file_format is None:
        return start_again(campaign, gettext("Choose PDF or Word to download your letter."),
                           400)
    letter = verified(campaign, value)
    chosen, asks, second = chosen_letter(letter, target_id)
    try:
        response = letter_file(file_format, chosen)
    except LetterTooLong as error:
        # A preview made before the page check existed (previews now check it).
        raise too_long_to_print(campaign, error) from None
    if file_format.is_letter:
        count_letter(letter.context, asks, fmt, second.target if second else None)
    return response


def email(campaign: Campaign, value: str, target_id: str) -> Result:
    """Count the letter as sent by email, then hand over to the citizen's mail app (or,
    too long for a mail link, the text to copy)."""
    refused = not_taking_letters(campaign)
    if refused:
        return refused
    letter = verified(campaign, value)
    context = letter.context
    chosen, asks, second = chosen_letter(letter, target_id)
    if second is not None:
        address = second.target.email
        no_address = gettext("We have no email address for the %(office)s, so this letter "
                             "has to go by post.", office=second.target.office)
    else:
        address = mp_email(get_db(), context.mp.member_id)
        no_address = gettext("We have no email address for your MP, so this letter has to "
                             "go by post.")
    offer = email_offer(chosen, address)
    if offer is None:
        return start_again(campaign, no_address, 409)
    count_letter(context, asks, "email", second.target if second else None)
    if offer.mailto is None:
        # "I've emailed it" under the text to copy: thanks, and what happens next.
        return Page("public/email_copy.html", dict(
            campaign=campaign, offer=offer, reference=_reference(context),
            share=campaign_share_links(campaign)))
    # 303 so the browser follows with a GET; the mail app opens, the tab stays.
    return Redirect(offer.mailto)


def not_taking_letters(campaign: Campaign) -> Page | None:
    """The page to show instead of delivering a previewed letter, or None.

    A preview made before the campaign closed or Parliament was dissolved must not
    become a letter (or a count) afterwards, whichever way it leaves the site.
    """
    if campaign.is_closed:
        return closed(campaign)
    if parliament.state(get_db()).dissolved:
        return explain(campaign, ParliamentDissolved())
    return None


def chosen_letter(letter: VerifiedLetter,
                  target_id: str = "") -> tuple[Letter, list[Ask], SecondLetter | None]:
    """The letter a download or email names (`target_id`: a second letter's; none: the
    letter to the MP), with the asks it was composed from; a target not in the signed
    preview, or the MP's letter when only second letters go, cannot be had."""
    context = letter.context
    campaign = context.campaign
    if not target_id:
        if context.only_second_letters:
            raise StartAgain(campaign, letter_steps.no_mp_letter_sentence(context), 400)
        with composing(campaign):
            mp_letter = compose_for(context, reference_url=reference_url(context.request))
        return mp_letter, list(context.ticked), None
    try:
        second = second_letter(context, target_id)
    except NoAsksChosen:
        second = None
    if second is None:
        raise StartAgain(campaign, gettext("We couldn't find that letter. Please fill the "
                                           "form in again."), 400)
    return second.letter, list(second.asks), second


def count_letter(context: LetterContext, asks: list[Ask], fmt: str,
                 target: Target | None = None) -> None:
    """Record the letter once, in format `fmt`, with the asks it was composed from, against
    its reference (a second letter: once with its `target`)."""
    letter_request = context.request
    assert letter_request is not None
    ref_hash = None
    if letter_request.reference:
        ref_hash = reference_hash(letter_request.reference, current_app.config["SECRET_KEY"])
    record_letter(get_db(), get_pending(), letter_request, context.found, asks=asks, fmt=fmt,
                  day=today(), stance=context.stance, target=target,
                  reference_hash=ref_hash, language=current_language())


# "Change something" ------------------------------------------------------------------

def edit(campaign: Campaign, value: str) -> Result:
    """"Change something": on to the form's own address for this letter (?letter=), so
    Back, reload and the language link come back to it filled in."""
    if campaign.is_closed:
        return closed(campaign)
    signed, _ = readable_letter(campaign, value)
    if signed is None:
        return start_again(campaign, unreadable(), 400)
    address = step_url("public.edit_page", campaign, value)
    if address is not None:
        return Redirect(address)
    return edit_page(campaign, value)


def edit_page(campaign: Campaign, value: str) -> Result:
    """The form filled in as the writer left it, from the signed letter `value`; an
    expired one too (too old to download, not to read: it comes back to preview)."""
    if campaign.is_closed:
        return closed(campaign)
    signed, expired = readable_letter(campaign, value)
    if signed is None:
        return start_again(campaign, unreadable(), 400)
    notice = ""
    if expired:
        notice = (expired_message() + " " + gettext("Here is your letter as you left it: "
                                                    "check it, then preview it again."))
    letter_request = signed.request
    context = from_signed(db=get_db(), campaign=campaign, language=current_language(),
                          signed=signed)
    form = letter_form(list(context.asks), full_name=letter_request.full_name,
                       address_line1=letter_request.address_line1,
                       address_line2=letter_request.address_line2, town=letter_request.town,
                       postcode=letter_request.postcode, asks=list(letter_request.ask_ids),
                       personal_note=letter_request.personal_note,
                       contact=letter_request.contact, seed=str(letter_request.seed),
                       looked_up=str(signed.found.postcode))
    # The card shows the MP the preview was addressed to, carried in the signed field.
    return write_page(context, form, context.form_paragraphs(),
                      edited=set(letter_request.edits), notice=notice,
                      targets_ticked=[str(i) for i in letter_request.target_ids])


# The signed letter read back and composed ------------------------------------------

def verified(campaign: Campaign, value: str | None = None) -> VerifiedLetter:
    """The signed preview `value` (by default the request's), verified
    (letter_links.verified_letter), or the page saying why it cannot be used."""
    try:
        return verified_letter(campaign, value)
    except LetterExpired as expired:
        if expired.letter is None or expired.letter.request.campaign_id != campaign.id:
            raise StartAgain(campaign, unreadable(), 400) from None
        raise LetterBack(campaign, gettext("Your preview has expired"), expired_message()
                         + " " + gettext("Your letter is not lost: get it back, check it "
                                         "and preview it again."), 410) from None
    except LetterTampered:
        raise StartAgain(campaign, unreadable(), 400) from None


def letters_of(letter: VerifiedLetter) -> tuple[Letter | None, list[SecondLetter]]:
    """The letter to the MP (None when only second letters go) and the second letters
    the signed preview holds, composed from its state."""
    context = letter.context
    with composing(context.campaign):
        mp_letter = None if context.only_second_letters else compose_for(
            context, reference_url=reference_url(context.request))
        seconds = second_letters(context)
    return mp_letter, seconds


@contextmanager
def composing(campaign: Campaign) -> Iterator[None]:
    """Compose a signed preview's letters inside: what stops them (asks changed since, a
    letter too long to print) becomes the page saying so."""
    try:
        yield
    except NoAsksChosen:
        raise StartAgain(campaign, gettext("The asks you chose have changed. Please choose "
                                           "again."), 409) from None
    except LetterTooLong as error:
        raise too_long_to_print(campaign, error) from None


def reference_url(letter_request: LetterRequest | None) -> str:
    """Where the writer reports back, as the letter's own copy prints it."""
    reference = letter_request.reference if letter_request else ""
    return url_for("public.reference_page", reference=reference or "-", _external=True)


def expired_message() -> str:
    """Why an expired preview cannot be downloaded or sent."""
    age = journey.age_in_words(current_app.config["LETTER_FORM_MAX_AGE"])
    return gettext("This preview was made more than %(age)s ago, so it can no longer be "
                   "downloaded or sent.", age=age)


def unreadable() -> str:
    """The sentence for a signed letter that is not ours (or not this campaign's)."""
    return gettext("We couldn't read that letter. Please fill the form in again.")


def too_long_to_print(campaign: Campaign, error: LetterTooLong) -> LetterBack:
    """The letter given back to shorten: too long for the pages a letter may have."""
    return LetterBack(campaign, gettext("Your letter is too long to print"),
                      too_long(error) + " " + gettext("Get your letter back to shorten it."),
                      422)

