"""Views of the citizen's journey. Thin: each calls the domain and renders the answer.

/                      the launch campaign (or a list when several are live)
/c/<slug>/             a campaign: what it asks, and a postcode form (?postcode= prefills)
/c/<slug>/mp           POST postcode -> the MP and the letter form
/c/<slug>/letter       POST the letter form -> 303 to the preview (or the form back)
/c/<slug>/preview      GET ?letter= (signed) -> the preview with download buttons
/c/<slug>/download     POST the signed preview -> a PDF or DOCX attachment
/c/<slug>/done         POST the signed preview -> 303 to GET ?letter=&format=: after the
                       download: print, post, report back
/c/<slug>/email        POST the signed preview -> counted as `email`, 303 to mailto:
/c/<slug>/edit         POST the signed preview -> 303 to GET ?letter=: the form filled in
/c/<slug>/results      the public results: letters so far and a hex map
/c/<slug>/share.png    the campaign's share card (og:image)
/c/<slug>/embed        the postcode box for other sites' iframes (per-campaign frame-ancestors)
/c/<slug>/write        GET ?postcode=&seed= -> the letter form (Back and reload come back to it)
/r/                    "Tell us what happened": type a reference (?reference=) -> /r/<reference>
/r/<reference>         the citizen says the letter was posted, emailed or answered
/privacy, /accessibility, /about   the privacy promise, the accessibility statement, sources
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from campaign.campaigns import (
    Campaign,
    campaign_by_id,
    campaign_by_slug,
    enabled_asks,
    latest_closed_campaign,
    public_campaigns,
)
from campaign.campaigns.embedding import embed_origins
from campaign.campaigns.help_text import help_blocks
from campaign.clock import today
from campaign.db import get_db
from campaign.exports.queries import Filter, by_constituency
from campaign.languages import current_language
from campaign.limits import DOWNLOAD_LIMIT, POSTCODE_LIMIT, REFERENCE_LIMIT, limiter
from campaign.lookup import parliament
from campaign.lookup.directory import directory_info
from campaign.lookup.errors import LookupFailure, ParliamentDissolved, UpstreamUnavailable
from campaign.lookup.local_source import directory_path
from campaign.lookup.register import mp_email
from campaign.public import journey, letter_steps
from campaign.public.composing import NoAsksChosen, compose_for
from campaign.public.counter import get_counter
from campaign.public.downloads import letter_file
from campaign.public.emailing import email_offer
from campaign.public.forms import LetterForm, PostcodeForm
from campaign.public.hexmap import CLASSES, band_fill, letters_svg, map_label
from campaign.public.letter_edits import MAX_EDIT_LENGTH, paragraph_texts
from campaign.public.letter_links import (
    VerifiedLetter,
    readable_letter,
    signed_value,
    step_url,
    verified_letter,
)
from campaign.public.letter_reports import (
    REPLY_KINDS,
    REPLY_WITHIN,
    SENT_KINDS,
    BadReport,
    letter_by_reference,
)
from campaign.public.letter_reports import (
    report as record_report,
)
from campaign.public.letter_state import LetterContext, from_signed, gather
from campaign.public.participation import record_letter
from campaign.public.pending_counts import get_pending
from campaign.public.privacy_facts import privacy_facts
from campaign.public.public_counts import count_for_thanks
from campaign.public.references import normalise, reference_hash
from campaign.public.second_letters import SecondLetter, second_letter, second_letters
from campaign.public.sharing import share_card_png, share_card_words, share_links
from campaign.public.signed_requests import (
    LetterExpired,
    LetterRequest,
    LetterTampered,
    sign,
    unsign,
)
from campaign.public.writer_sentences import too_long
from campaign.security_headers import allow_framing
from campaign.small_numbers import public_total
from letters import Ask, Letter
from letters.file_formats import FILE_FORMATS
from letters.limits import LetterTooLong
from letters.phrasings import new_seed, paragraph_keys
from letters.targets import Target

bp = Blueprint("public", __name__)


def _finder():
    return current_app.extensions["mp_finder"]


def _campaign_or_404(slug: str) -> Campaign:
    campaign = campaign_by_slug(get_db(), slug, current_language())
    if campaign is None or campaign.is_draft:
        abort(404)
    return campaign


def _share_links(campaign: Campaign):
    return share_links(campaign.title,
                       url_for("public.campaign_page", slug=campaign.slug, _external=True))


def _closed(campaign: Campaign, status: int = 410, others: bool = True):
    letters = get_counter().count(get_db(), campaign.id)
    return render_template("public/closed.html", campaign=campaign, others=others,
                           thank_you=campaign.thank_you_message(
                               letters.floor, count_text=count_for_thanks(letters))), status


def _letter_form(offered: list[Ask], formdata=None, **defaults) -> LetterForm:
    """The letter form offering `offered` (defaults may include the asks already ticked)."""
    form = LetterForm(formdata=formdata, **defaults)
    form.asks.choices = [SelectChoice(ask.id, ask.title) for ask in offered]
    return form


def _campaign_page(campaign: Campaign, form: PostcodeForm, asks: list[Ask], status: int = 200,
                   help_link: tuple[str, str] | None = None, unavailable: str | None = None):
    return render_template("public/campaign.html", campaign=campaign, form=form, asks=asks,
                           letters=get_counter().count(get_db(), campaign.id),
                           dissolved=parliament.state(get_db()).dissolved,
                           help_link=help_link, unavailable=unavailable), status


def _found_or_none(postcode: str):
    """The MP for `postcode`, for the "Your MP is" card over a form being corrected.

    Usually answered from the register and the postcode cache. None when it can't be
    found just now: the form then says why when it is sent.
    """
    try:
        return _finder().find(get_db(), postcode)
    except LookupFailure:
        return None


def _explain(campaign: Campaign, failure: LookupFailure):
    """A page of its own for a situation with no MP to write to (vacancy, dissolution, ...)."""
    return render_template("public/explain.html", campaign=campaign, heading=failure.heading,
                           message=failure.message, help_link=failure.help_link), failure.status


@bp.get("/")
def index():
    campaigns = public_campaigns(get_db(), current_language())
    if len(campaigns) == 1:
        return campaign_page(campaigns[0].slug)
    closed = latest_closed_campaign(get_db(), current_language()) if not campaigns else None
    if closed is not None:
        # After a close, the home page thanks the writers rather than say "nothing open".
        return _closed(closed, status=200, others=False)
    counter = get_counter()
    return render_template("public/index.html", campaigns=campaigns,
                           letters={c.id: counter.count(get_db(), c.id) for c in campaigns})


@bp.get("/c/<slug>/")
def campaign_page(slug: str):
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    form = PostcodeForm(formdata=None, postcode=request.args.get("postcode", "")[:16])
    # While Parliament is dissolved nobody looks a postcode up, so the visit itself
    # keeps the register fresh: the new Parliament's MPs are found without a command.
    _finder().keep_register_fresh(get_db())
    return _campaign_page(campaign, form, enabled_asks(get_db(), campaign.id, campaign.language))


@bp.get("/c/<slug>/embed")
def embed(slug: str):
    """The postcode box for another site's page, frameable only by the origins staff listed.

    Its form opens the letter form here in a new tab (a GET of /write?postcode=, so a
    good postcode lands straight on the letter and a bad one on the campaign page saying
    why): inside a third-party frame browsers withhold our SameSite=Lax session cookie,
    so a CSRF-protected POST from the frame would fail; the top-level tab has its own.
    static/embed.js posts the box's height to the partner page, whose snippet sizes
    the frame to it.
    """
    campaign = _campaign_or_404(slug)
    response = current_app.make_response(render_template("public/embed.html",
                                                          campaign=campaign))
    return allow_framing(response, embed_origins(get_db(), campaign.id))


@bp.get("/c/<slug>/share.png")
def share_card(slug: str):
    """The image link previews show for the campaign (Open Graph og:image)."""
    campaign = _campaign_or_404(slug)
    site_name, byline = share_card_words(current_app.config.get("ORGANISATION_NAME", ""))
    png = share_card_png(campaign.title, byline, site_name)
    response = current_app.response_class(png, mimetype="image/png")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/c/<slug>/results")
def results(slug: str):
    """The campaign's public results: letters so far and a hex map of where they came from."""
    campaign = _campaign_or_404(slug)
    seats = by_constituency(get_db(), Filter(campaign_id=campaign.id))
    letters = {row["constituency_code"]: row["letters"] for row in seats}
    label = map_label(campaign.title)
    return render_template("public/results.html", campaign=campaign, seats=seats,
                           total=public_total(letters.values()),
                           map_svg=letters_svg(letters, label),
                           classes=[(floor, band_fill(floor, colour), label)
                                    for floor, colour, label in CLASSES],
                           share=_share_links(campaign))


# Every page that looks a postcode up counts against one limit (the letter form, and
# the preview when the writer corrects the postcode).
postcode_limit = limiter.shared_limit(POSTCODE_LIMIT, scope="postcode-lookup")


def _look_up(campaign: Campaign, form: PostcodeForm, asks: list[Ask]):
    """(the MP found for the form's postcode, None) or (None, the page saying why not:
    the campaign page, its postcode form holding what was typed, ready to send again)."""
    if not form.postcode.validate(form):
        return None, _campaign_page(campaign, form, asks, 422)
    try:
        return _finder().find(get_db(), form.postcode.data), None
    except UpstreamUnavailable as failure:
        # Our problem, not the postcode's: a notice, not an error on the field.
        return None, _campaign_page(campaign, form, asks, failure.status,
                                    unavailable=failure.message)
    except LookupFailure as failure:
        if failure.heading:
            return None, _explain(campaign, failure)
        form.postcode.errors = [failure.message]
        return None, _campaign_page(campaign, form, asks, failure.status, failure.help_link)


@bp.post("/c/<slug>/mp")
def find_mp(slug: str):
    """The postcode form as it was (a POST): on to the letter form's own address.

    Only the form is checked here (its CSRF token, and that the postcode is written
    like one); the letter form looks the postcode up and says there if it finds no MP.
    One lookup a letter, counted once against the postcode limit.
    """
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    form = PostcodeForm()
    if not form.validate():
        return _campaign_page(campaign, form,
                              enabled_asks(get_db(), campaign.id, campaign.language), 422)
    return redirect(url_for("public.write", slug=slug, postcode=form.postcode.data,
                            seed=new_seed()), code=303)


@bp.get("/c/<slug>/write")
@postcode_limit
def write(slug: str):
    """The letter form for ?postcode= (and ?seed=, the letter's phrasings).

    A GET, so that reloading it, bookmarking it or coming Back to it from the preview
    works; the postcode in the address is never logged and the page is never stored
    (security_headers). What the writer typed comes back from their own browser
    (static/site.js keeps it in sessionStorage, keyed to this lookup), never from the
    server.
    """
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    if not request.args.get("postcode"):
        return redirect(url_for("public.campaign_page", slug=slug))
    # Read from the address; its CSRF token is only for the page shown if no MP is found.
    form = PostcodeForm(formdata=request.args)
    asks = enabled_asks(get_db(), campaign.id, campaign.language)
    found, refusal = _look_up(campaign, form, asks)
    if refusal:
        return refusal
    seed = journey.seed_from(request.args.get("seed")) or new_seed()
    context = _gather(campaign, found, seed, asks)
    letter_form = _letter_form(asks, postcode=str(found.postcode), seed=str(seed),
                               looked_up=str(found.postcode))
    return _write_page(context, letter_form, context.form_paragraphs(), restore=True)


@bp.get("/c/<slug>/mp")
@bp.get("/c/<slug>/letter")
@bp.get("/c/<slug>/download")
@bp.get("/c/<slug>/email")
def carry_on(slug: str):
    """A step that only answers a form, opened by address (a reload, a bookmark):
    back to the letter form when the address names the postcode, else the campaign."""
    _campaign_or_404(slug)
    postcode = request.args.get("postcode", "")
    if postcode:
        return redirect(url_for("public.write", slug=slug, postcode=postcode[:16],
                                seed=journey.seed_from(request.args.get("seed"))))
    return redirect(url_for("public.campaign_page", slug=slug))


def _gather(campaign: Campaign, found, seed: int, asks: list[Ask],
            letter_request: LetterRequest | None = None) -> LetterContext:
    """This request's letter state (letter_state.gather) for the MP `found`."""
    return gather(db=get_db(), campaign=campaign, language=current_language(), found=found,
                  seed=seed, day=today(), request=letter_request, asks=tuple(asks))


def _write_page(context: LetterContext | None, form: LetterForm, paragraphs: Mapping[str, str],
                paragraph_errors: Mapping[str, str] | None = None, status: int = 200,
                unavailable: str | None = None, help_link: tuple[str, str] | None = None,
                edited: set[str] | None = None, restore: bool = False, notice: str = "",
                targets_ticked: list[str] | None = None, campaign: Campaign | None = None,
                asks: list[Ask] | None = None):
    """The letter form for the letter state `context` (None: no MP found just now, then
    `campaign` and `asks` say what to show); `paragraphs` fills the textareas of the
    letter's own wording.

    `edited` paragraphs show open; `restore` lets the writer's browser put back what
    they typed (a GET of the form: Back, reload); `notice` says why the form is back.
    Writers in a nation a campaign target is offered to can also write to it
    (public.second_letters); `targets_ticked` defaults to what the form sent."""
    if targets_ticked is None:
        targets_ticked = request.form.getlist("targets")
    campaign = context.campaign if context else campaign
    assert campaign is not None, "a letter form is always some campaign's"
    if request.method == "POST" and form.looked_up.data and form.seed.data:
        # The language link of a form that answered a POST: the form's own address
        # in the other language (the browser puts back what was typed there).
        g.page_address = url_for("public.write", slug=campaign.slug,
                                 postcode=form.looked_up.data,
                                 seed=form.seed.data)[len(request.script_root):]
    return render_template("public/write.html", campaign=campaign,
                           found=context.found if context else None, form=form,
                           asks=context.asks if context else asks, paragraphs=paragraphs,
                           edit_limit=MAX_EDIT_LENGTH,
                           paragraph_errors=paragraph_errors or {}, edited=edited or set(),
                           restore=restore, notice=notice,
                           unavailable=unavailable, help_link=help_link,
                           targets=context.targets if context else (),
                           targets_ticked=targets_ticked), status


@bp.post("/c/<slug>/letter")
@postcode_limit
def preview(slug: str):
    """The letter form sent: the preview at its own address (post/redirect/get), or the
    form back saying what to change (or what changed: a postcode with another MP)."""
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    asks = enabled_asks(get_db(), campaign.id, campaign.language)
    form = _letter_form(asks, formdata=request.form)
    # Back to the form, if it comes to that: each textarea shows what the writer sent.
    shown = paragraph_texts(request.form, dict.fromkeys(paragraph_keys(asks), ""))
    if not form.validate():
        found = _found_or_none(form.postcode.data) if not form.postcode.errors else None
        seed = journey.seed_from(form.seed.data)
        if not found or seed is None:
            return _write_page(None, form, shown, status=422, campaign=campaign, asks=asks)
        context = _gather(campaign, found, seed, asks)
        notice = ""
        old = _moved_from_found(form.looked_up.data, found)
        if old is not None and letter_steps.moved(old_context := _gather(
                campaign, old, seed, asks), context):
            # Another MP as well as an error: the form is this MP's from now on (its
            # address, the language link), and says what changed.
            shown = context.form_paragraphs(journey.without_stale_suggestions(
                request.form, old_context.suggested))
            notice = letter_steps.what_changed(old_context, context)
            form.looked_up.data = str(found.postcode)
        return _write_page(context, form, shown, status=422, notice=notice,
                           edited=journey.edited_keys(shown, context.suggested))
    seed = int(form.seed.data) if form.seed.data else new_seed()
    try:
        # The MP comes from the postcode on the letter, so the letter goes to the
        # writer's own MP even if they changed the postcode on the form.
        found = _finder().find(get_db(), form.postcode.data)
    except UpstreamUnavailable as failure:
        return _write_page(None, form, shown, status=503, unavailable=failure.message,
                           campaign=campaign, asks=asks)
    except LookupFailure as failure:
        if failure.heading:
            return _explain(campaign, failure)
        form.postcode.errors = [failure.message]
        return _write_page(None, form, shown, status=failure.status,
                           help_link=failure.help_link, campaign=campaign, asks=asks)
    # Everything in the letter follows that postcode: constituency, nation, MP, post,
    # stance, role openings and closings, the second letters offered.
    context = _gather(campaign, found, seed, asks)
    old = _moved_from_found(form.looked_up.data, found)
    outcome = letter_steps.read_form(context=context, form=form, submitted=request.form,
                                     old=_gather(campaign, old, seed, asks) if old else None,
                                     checked_seed=bool(form.seed.data),
                                     secret_key=current_app.config["SECRET_KEY"])
    if outcome.changed:
        # Another MP (or nation) than the form was made for: the form comes back with
        # them, their nation's notes and second letters, saying what changed.
        form.looked_up.data = str(found.postcode)
        form.asks.errors = []
        return _write_page(outcome.context, form, outcome.shown, notice=outcome.changed,
                           edited=journey.edited_keys(outcome.shown, context.suggested))
    if outcome.asks_error:
        form.asks.errors = [outcome.asks_error]
    if outcome.note_error:
        form.personal_note.errors = [outcome.note_error]
    if outcome.failed:
        return _write_page(outcome.context, form, shown, outcome.paragraph_errors, 422,
                           edited=journey.edited_keys(shown, context.suggested))
    assert outcome.context.request is not None  # read_form always reads the request
    value = sign(outcome.context.request, found, context.day,
                 current_app.config["SECRET_KEY"], context.stance)
    address = step_url("public.preview_page", campaign, value)
    if address is not None:
        return redirect(address, code=303)
    # Too long for an address: shown in answer to the form, as before.
    return _preview_page(VerifiedLetter(value, unsign(value, current_app.config["SECRET_KEY"],
                                                      current_app.config["LETTER_FORM_MAX_AGE"]),
                                        outcome.context))


@bp.get("/c/<slug>/preview")
def preview_page(slug: str):
    """The preview at its own address (?letter=, signed): Back, Forward, reload and the
    language link show the same letter, with the same reference."""
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    return _preview_page(_verified(campaign))


def _preview_page(verified: VerifiedLetter):
    context = verified.context
    campaign = context.campaign
    letter, seconds = _letters(verified)
    email = email_offer(letter, mp_email(get_db(), context.mp.member_id)) if letter else None
    return render_template(
        "public/preview.html", campaign=campaign, letter=letter, found=context.found,
        context=context, signed=verified.value, email=email,
        reference=context.request.reference if context.request else "",
        share=_share_links(campaign), seconds=seconds,
        no_mp_letter=letter_steps.no_mp_letter_sentence(context) if letter is None else "")


def _reference_url(letter_request: LetterRequest | None) -> str:
    """Where the writer reports back, as the letter's own copy prints it."""
    reference = letter_request.reference if letter_request else ""
    return url_for("public.reference_page", reference=reference or "-", _external=True)


def _moved_from_found(looked_up: str | None, found):
    """The MP the form was made for, when the letter's postcode is another (else None)."""
    moved = looked_up if looked_up and looked_up != str(found.postcode) else ""
    return _found_or_none(moved) if moved else None


class _StartAgain(Exception):
    """The signed preview cannot be used; the page says why and what to do."""

    def __init__(self, campaign: Campaign, message: str, status: int):
        super().__init__(message)
        self.campaign, self.message, self.status = campaign, message, status


class _LetterBack(Exception):
    """The signed preview holds a letter that cannot be delivered as it is (too old,
    too long to print): the page offers the form back, filled in from it."""

    def __init__(self, campaign: Campaign, heading: str, message: str, status: int):
        super().__init__(message)
        self.campaign, self.heading, self.message, self.status = (campaign, heading, message,
                                                                  status)


@bp.errorhandler(_StartAgain)
def _start_again_page(problem: _StartAgain):
    return _start_again(problem.campaign, problem.message, problem.status)


@bp.errorhandler(_LetterBack)
def _letter_back_page(problem: _LetterBack):
    return render_template("public/letter_back.html", campaign=problem.campaign,
                           heading=problem.heading, message=problem.message,
                           signed=signed_value()), problem.status


def _expired_message() -> str:
    age = journey.age_in_words(current_app.config["LETTER_FORM_MAX_AGE"])
    return gettext("This preview was made more than %(age)s ago, so it can no longer be "
                   "downloaded or sent.", age=age)


def _unreadable() -> str:
    return gettext("We couldn't read that letter. Please fill the form in again.")


def _too_long_to_print(campaign: Campaign, error: LetterTooLong) -> _LetterBack:
    return _LetterBack(campaign, gettext("Your letter is too long to print"),
                       too_long(error) + " " + gettext("Get your letter back to shorten it."),
                       422)


def _verified(campaign: Campaign) -> VerifiedLetter:
    """The request's signed preview, verified (letter_links.verified_letter), or the
    page saying why it cannot be used."""
    try:
        return verified_letter(campaign)
    except LetterExpired as expired:
        if expired.letter is None or expired.letter.request.campaign_id != campaign.id:
            raise _StartAgain(campaign, _unreadable(), 400) from None
        raise _LetterBack(campaign, gettext("Your preview has expired"), _expired_message()
                          + " " + gettext("Your letter is not lost: get it back, check it "
                                          "and preview it again."), 410) from None
    except LetterTampered:
        raise _StartAgain(campaign, _unreadable(), 400) from None


def _letters(verified: VerifiedLetter) -> tuple[Letter | None, list[SecondLetter]]:
    """The letter to the MP (None when only second letters go) and the second letters
    the signed preview holds, composed from its state."""
    context = verified.context
    with _composing(context.campaign):
        letter = None if context.only_second_letters else compose_for(
            context, reference_url=_reference_url(context.request))
        seconds = second_letters(context)
    return letter, seconds


@contextmanager
def _composing(campaign: Campaign) -> Iterator[None]:
    """Compose a signed preview's letters inside: what stops them (asks changed since, a
    letter too long to print) becomes the page saying so."""
    try:
        yield
    except NoAsksChosen:
        raise _StartAgain(campaign, gettext("The asks you chose have changed. Please choose "
                                            "again."), 409) from None
    except LetterTooLong as error:
        raise _too_long_to_print(campaign, error) from None


def _count_letter(context: LetterContext, asks: list[Ask], fmt: str,
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


def _chosen_letter(verified: VerifiedLetter) -> tuple[Letter, list[Ask], SecondLetter | None]:
    """The letter a download or email names (form field `target`: a second letter;
    none: the letter to the MP), with the asks it was composed from; a target not in the signed
    preview, or the MP's letter when only second letters go, cannot be had."""
    context = verified.context
    campaign = context.campaign
    target_id = request.form.get("target", "")
    if not target_id:
        if context.only_second_letters:
            raise _StartAgain(campaign, letter_steps.no_mp_letter_sentence(context), 400)
        with _composing(campaign):
            letter = compose_for(context, reference_url=_reference_url(context.request))
        return letter, list(context.ticked), None
    try:
        second = second_letter(context, target_id)
    except NoAsksChosen:
        second = None
    if second is None:
        raise _StartAgain(campaign, gettext("We couldn't find that letter. Please fill the "
                                            "form in again."), 400)
    return second.letter, list(second.asks), second


def _not_taking_letters(campaign: Campaign):
    """The page to show instead of delivering a previewed letter, or None.

    A preview made before the campaign closed or Parliament was dissolved must not
    become a letter (or a count) afterwards, whichever way it leaves the site.
    """
    if campaign.is_closed:
        return _closed(campaign)
    if parliament.state(get_db()).dissolved:
        return _explain(campaign, ParliamentDissolved())
    return None


@bp.post("/c/<slug>/download")
@limiter.limit(DOWNLOAD_LIMIT)
def download(slug: str):
    campaign = _campaign_or_404(slug)
    refused = _not_taking_letters(campaign)
    if refused:
        return refused
    file_format = FILE_FORMATS.get(request.form.get("format", ""))
    if file_format is None:
        return _start_again(campaign, gettext("Choose PDF or Word to download your letter."),
                            400)
    verified = _verified(campaign)
    letter, asks, second = _chosen_letter(verified)
    try:
        response = letter_file(file_format, letter)
    except LetterTooLong as error:
        # A preview made before the page check existed (previews now check it).
        raise _too_long_to_print(campaign, error) from None
    if file_format.is_letter:
        _count_letter(verified.context, asks, request.form["format"],
                      second.target if second else None)
    return response


@bp.post("/c/<slug>/done")
@limiter.limit(DOWNLOAD_LIMIT)
def done(slug: str):
    """After the download (a POST from the download's page): on to its own address, so
    Back, reload and the language link come back to it."""
    campaign = _campaign_or_404(slug)
    refused = _not_taking_letters(campaign)
    if refused:
        return refused
    verified = _verified(campaign)
    fmt = request.form.get("format", "")
    address = step_url("public.done_page", campaign, verified.value,
                       format=fmt if fmt in ("pdf", "docx") else None)
    if address is not None:
        return redirect(address, code=303)
    return _done_page(verified, fmt)


@bp.get("/c/<slug>/done")
@limiter.limit(DOWNLOAD_LIMIT)
def done_page(slug: str):
    """After the download: printing, posting, the reference and a friend, with the
    letter's files still to hand (the signed preview travels on). Counts nothing:
    /download does. Without ?letter= (an old bookmark), back to the campaign."""
    campaign = _campaign_or_404(slug)
    if not signed_value():
        return carry_on(slug)
    refused = _not_taking_letters(campaign)
    if refused:
        return refused
    return _done_page(_verified(campaign), request.args.get("format", ""))


def _done_page(verified: VerifiedLetter, fmt: str):
    context = verified.context
    letter, seconds = _letters(verified)
    return render_template("public/done.html", campaign=context.campaign, letter=letter,
                           context=context, signed=verified.value,
                           format=fmt if fmt in ("pdf", "docx") else "", seconds=seconds,
                           reference=context.request.reference if context.request else "",
                           share=_share_links(context.campaign))


@bp.post("/c/<slug>/email")
@limiter.limit(DOWNLOAD_LIMIT)
def email(slug: str):
    """Count the letter as sent by email, then hand over to the citizen's mail app."""
    campaign = _campaign_or_404(slug)
    refused = _not_taking_letters(campaign)
    if refused:
        return refused
    verified = _verified(campaign)
    context = verified.context
    letter, asks, second = _chosen_letter(verified)
    if second is not None:
        address = second.target.email
        no_address = gettext("We have no email address for the %(office)s, so this letter "
                             "has to go by post.", office=second.target.office)
    else:
        address = mp_email(get_db(), context.mp.member_id)
        no_address = gettext("We have no email address for your MP, so this letter has to "
                             "go by post.")
    offer = email_offer(letter, address)
    if offer is None:
        return _start_again(campaign, no_address, 409)
    _count_letter(context, asks, "email", second.target if second else None)
    if offer.mailto is None:
        # "I've emailed it" under the text to copy: thanks, and what happens next.
        return render_template("public/email_copy.html", campaign=campaign, offer=offer,
                               reference=context.request.reference if context.request else "",
                               share=_share_links(campaign))
    # 303 so the browser follows with a GET; the mail app opens, the tab stays.
    return redirect(offer.mailto, code=303)


@bp.post("/c/<slug>/edit")
def edit(slug: str):
    """"Change something": on to the form's own address for this letter (?letter=), so
    Back, reload and the language link come back to it filled in."""
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    signed, _ = readable_letter(campaign, signed_value())
    if signed is None:
        return _start_again(campaign, _unreadable(), 400)
    address = step_url("public.edit_page", campaign, signed_value())
    if address is not None:
        return redirect(address, code=303)
    return _edit_page(campaign)


@bp.get("/c/<slug>/edit")
def edit_page(slug: str):
    """Back from the preview to the form, filled in as the writer left it (from the
    signed letter in ?letter=; without one, as carry_on)."""
    campaign = _campaign_or_404(slug)
    if not signed_value():
        return carry_on(slug)
    if campaign.is_closed:
        return _closed(campaign)
    return _edit_page(campaign)


def _edit_page(campaign: Campaign):
    signed, expired = readable_letter(campaign, signed_value())
    if signed is None:
        return _start_again(campaign, _unreadable(), 400)
    notice = ""
    if expired:
        # Too old to download, not to read: the letter comes back to preview again.
        notice = (_expired_message() + " " + gettext("Here is your letter as you left it: "
                                                     "check it, then preview it again."))
    letter_request = signed.request
    context = from_signed(db=get_db(), campaign=campaign, language=current_language(),
                          signed=signed)
    form = _letter_form(list(context.asks), full_name=letter_request.full_name,
                        address_line1=letter_request.address_line1,
                        address_line2=letter_request.address_line2, town=letter_request.town,
                        postcode=letter_request.postcode, asks=list(letter_request.ask_ids),
                        personal_note=letter_request.personal_note,
                        contact=letter_request.contact, seed=str(letter_request.seed),
                        looked_up=str(signed.found.postcode))
    # The card shows the MP the preview was addressed to, carried in the signed field.
    return _write_page(context, form, context.form_paragraphs(),
                       edited=set(letter_request.edits), notice=notice,
                       targets_ticked=[str(i) for i in letter_request.target_ids])


def _start_again(campaign: Campaign, message: str, status: int):
    return render_template("public/start_again.html", campaign=campaign, message=message), status


reference_limit = limiter.shared_limit(REFERENCE_LIMIT, scope="letter-reference")


def _referenced_letter(reference: str):
    ref = normalise(reference)
    if ref is None:
        return None, None
    return ref, letter_by_reference(get_db(), reference_hash(ref,
                                                             current_app.config["SECRET_KEY"]))


#: What the reply form says of each question left unanswered, and the radio it links to.
_MISSING = {"reply_within": (_l("Choose when the reply came."),
                             f"#within-{next(iter(REPLY_WITHIN))}"),
            "reply_kind": (_l("Choose what kind of answer it was."),
                           f"#kind-{next(iter(REPLY_KINDS))}")}


def _reference_page(ref: str, letter, message: str = "", status: int = 200,
                    missing: list[str] | None = None):
    missing = missing or []
    errors = [(_MISSING[name][1], _MISSING[name][0]) for name in missing]
    if status >= 400 and not errors:
        errors = [("#main", message)]
    return render_template(
        "public/reference.html", reference=ref, letter=letter, problem=status >= 400,
        missing=missing, errors=errors,
        missing_messages={name: text for name, (text, _) in _MISSING.items()},
        campaign=campaign_by_id(get_db(), letter.campaign_id, current_language()),
        message=message,
        sent_kinds=SENT_KINDS, reply_within=REPLY_WITHIN, reply_kinds=REPLY_KINDS), status


@bp.get("/r/")
@reference_limit
def report_back():
    """Where a writer types the reference on their copy (?reference=, forgiving of case,
    spaces and dashes) and is taken to that letter's page."""
    typed = request.args.get("reference")
    if typed is None:
        return render_template("public/report_back.html", typed="", error="")
    typed = typed[:40]
    ref, letter = _referenced_letter(typed)
    if ref is None:
        error = gettext("Enter the reference on your copy of the letter: 8 letters and "
                        "numbers, like K7QM4TZX.") if typed.strip() else gettext(
                            "Enter your letter's reference.")
        return render_template("public/report_back.html", typed=typed, error=error), 422
    if letter is None:
        error = gettext("No letter has the reference %(reference)s. Check it for typing "
                        "mistakes: a reference is known once its letter has been downloaded "
                        "or emailed.", reference=ref)
        return render_template("public/report_back.html", typed=typed, error=error), 404
    return redirect(url_for("public.reference_page", reference=ref), code=303)


@bp.route("/r/<reference>", methods=["GET", "POST"])
@reference_limit
def reference_page(reference: str):
    """Where a citizen says what happened to their letter: GET shows the choices, POST
    records one report (posted, emailed or replied), once per kind."""
    ref, letter = _referenced_letter(reference)
    if letter is None:
        return render_template("public/reference_unknown.html", reference=reference[:20]), 404
    if request.method == "GET":
        return _reference_page(ref, letter)
    kind = request.form.get("kind", "")
    try:
        recorded = record_report(get_db(), letter.id, kind, today(),
                                 request.form.get("reply_within", ""),
                                 request.form.get("reply_kind", ""))
    except BadReport as problem:
        return _reference_page(ref, letter, str(problem), 422,
                               missing=[name for name in ("reply_within", "reply_kind")
                                        if kind == "replied" and not request.form.get(name)])
    _, letter = _referenced_letter(ref)
    message = (gettext("Thank you: that's recorded.") if recorded
               else gettext("You had already told us that; it's counted once."))
    return _reference_page(ref, letter, message)


@bp.get("/c/<slug>/help")
def campaign_help(slug: str):
    """The campaign's help page (for the launch campaign: how to report trafficking); a
    draft's opens for signed-in staff, so they can read it before it goes live."""
    campaign = campaign_by_slug(get_db(), slug, current_language())
    if campaign is None or (campaign.is_draft and not _staff_signed_in()):
        abort(404)
    if not campaign.has_help:
        abort(404)
    return render_template("public/help.html", campaign=campaign,
                           blocks=help_blocks(campaign.help_text))


def _staff_signed_in() -> bool:
    return bool(getattr(current_user, "is_authenticated", False)
                and getattr(current_user, "can_edit", False))


@bp.get("/report")
def report():
    """The address the site's help page had before help pages were each campaign's:
    the help page of the one live campaign that has one (shared links keep working)."""
    with_help = [c for c in public_campaigns(get_db(), current_language()) if c.has_help]
    if len(with_help) != 1:
        abort(404)
    return redirect(url_for("public.campaign_help", slug=with_help[0].slug), 301)


@bp.get("/privacy")
def privacy():
    return render_template("public/privacy.html", facts=privacy_facts(current_app.config),
                           letter_age=journey.age_in_words(
                               current_app.config["LETTER_FORM_MAX_AGE"]))


@bp.get("/accessibility")
def accessibility():
    """The accessibility statement: the WCAG target, how the site is tested, known issues."""
    return render_template("public/accessibility.html")


@bp.get("/about")
def about():
    directory = None
    if current_app.config["POSTCODE_SOURCE"] != "remote":
        directory = directory_info(directory_path(current_app.config))
    return render_template("public/about.html", postcode_directory=directory,
                           postcode_source=current_app.config["POSTCODE_SOURCE"])
