"""Views of the citizen's journey. Thin: each calls the domain and renders the answer.

/                      the launch campaign (or a list when several are live)
/c/<slug>/             a campaign: what it asks, and a postcode form (?postcode= prefills)
/c/<slug>/mp           POST postcode -> the MP and the letter form
/c/<slug>/letter       POST the letter form -> a preview with download buttons
/c/<slug>/download     POST the signed preview -> a PDF or DOCX attachment
"""
from __future__ import annotations

import secrets
from flask import Blueprint, abort, current_app, render_template, request

from campaign.campaigns import (
    Campaign, campaign_by_slug, enabled_asks, latest_closed_campaign, public_campaigns,
)
from campaign.public.counter import get_counter
from campaign.db import get_db
from campaign.site_context import today
from campaign.public.downloads import FILE_FORMATS, letter_file
from campaign.limits import DOWNLOAD_LIMIT, POSTCODE_LIMIT, limiter
from campaign.lookup import parliament
from campaign.lookup.directory import directory_info
from campaign.lookup.errors import LookupFailure, ParliamentDissolved, UpstreamUnavailable
from campaign.lookup.local_source import directory_path
from campaign.public.participation import record_letter
from campaign.public.privacy_facts import privacy_facts
from campaign.public.forms import LetterForm, PostcodeForm
from campaign.public.signed_requests import (
    LetterExpired, LetterRequest, LetterTampered, sign, unsign,
)
from campaign.public.composing import NoAsksChosen, asks_in_letter, build_letter, compose_for
from letters import Ask

bp = Blueprint("public", __name__)


def _finder():
    return current_app.extensions["mp_finder"]


def _campaign_or_404(slug: str) -> Campaign:
    campaign = campaign_by_slug(get_db(), slug)
    if campaign is None or campaign.status == "draft":
        abort(404)
    return campaign


def _closed(campaign: Campaign, status: int = 410, others: bool = True):
    return render_template("public/closed.html", campaign=campaign, others=others), status


def _letter_form(offered: list[Ask], formdata=None, **defaults) -> LetterForm:
    """The letter form offering `offered` (defaults may include the asks already ticked)."""
    form = LetterForm(formdata=formdata, **defaults)
    form.asks.choices = [(ask.id, ask.title) for ask in offered]
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
    campaigns = public_campaigns(get_db())
    if len(campaigns) == 1:
        return campaign_page(campaigns[0].slug)
    closed = latest_closed_campaign(get_db()) if not campaigns else None
    if closed is not None:
        # After a close, the home page thanks the writers rather than say "nothing open".
        return _closed(closed, status=200, others=False)
    return render_template("public/index.html", campaigns=campaigns)


@bp.get("/c/<slug>/")
def campaign_page(slug: str):
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    form = PostcodeForm(formdata=None, postcode=request.args.get("postcode", "")[:16])
    # While Parliament is dissolved nobody looks a postcode up, so the visit itself
    # keeps the register fresh: the new Parliament's MPs are found without a command.
    _finder().keep_register_fresh(get_db())
    return _campaign_page(campaign, form, enabled_asks(get_db(), campaign.id))


# Both pages look a postcode up, so both count against one limit.
postcode_limit = limiter.shared_limit(POSTCODE_LIMIT, scope="postcode-lookup")


@bp.post("/c/<slug>/mp")
@postcode_limit
def find_mp(slug: str):
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    form = PostcodeForm()
    asks = enabled_asks(get_db(), campaign.id)
    if not form.validate():
        return _campaign_page(campaign, form, asks, 422)
    try:
        found = _finder().find(get_db(), form.postcode.data)
    except UpstreamUnavailable as failure:
        # Our problem, not the postcode's: a notice, not an error on the field.
        return _campaign_page(campaign, form, asks, failure.status, unavailable=failure.message)
    except LookupFailure as failure:
        if failure.heading:
            return _explain(campaign, failure)
        form.postcode.errors = [failure.message]
        return _campaign_page(campaign, form, asks, failure.status, failure.help_link)
    letter_form = _letter_form(asks, postcode=str(found.postcode))
    return render_template("public/write.html", campaign=campaign, found=found,
                           form=letter_form, asks=asks)


@bp.post("/c/<slug>/letter")
@postcode_limit
def preview(slug: str):
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    asks = enabled_asks(get_db(), campaign.id)
    form = _letter_form(asks, formdata=request.form)
    found = None
    help_link = None
    status = 422
    if form.validate():
        letter_request = LetterRequest(
            campaign_id=campaign.id, full_name=form.full_name.data,
            address_line1=form.address_line1.data, address_line2=form.address_line2.data or "",
            town=form.town.data, postcode=form.postcode.data, ask_ids=tuple(form.asks.data),
            personal_note=form.personal_note.data or "", token=secrets.token_urlsafe(16),
        )
        try:
            letter, found = build_letter(get_db(), _finder(), campaign, asks, letter_request,
                                         today())
        except UpstreamUnavailable as failure:
            return render_template("public/write.html", campaign=campaign, found=None,
                                   form=form, asks=asks, unavailable=failure.message), 503
        except LookupFailure as failure:
            if failure.heading:
                return _explain(campaign, failure)
            form.postcode.errors = [failure.message]
            help_link = failure.help_link
            status = failure.status
        except NoAsksChosen:
            form.asks.errors = ["Tick at least one thing to ask your MP for."]
            found = _found_or_none(letter_request.postcode)
        else:
            signed = sign(letter_request, found, letter.date, current_app.config["SECRET_KEY"])
            return render_template("public/preview.html", campaign=campaign, letter=letter,
                                   found=found, signed=signed)
    elif not form.postcode.errors:
        found = _found_or_none(form.postcode.data)
    return render_template("public/write.html", campaign=campaign, found=found, form=form,
                           asks=asks, help_link=help_link), status


@bp.post("/c/<slug>/download")
@limiter.limit(DOWNLOAD_LIMIT)
def download(slug: str):
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    if parliament.state(get_db()).dissolved:
        return _explain(campaign, ParliamentDissolved())
    file_format = FILE_FORMATS.get(request.form.get("format", ""))
    if file_format is None:
        return _start_again(campaign, "Choose PDF or Word to download your letter.", 400)
    try:
        signed = unsign(request.form.get("letter", ""), current_app.config["SECRET_KEY"],
                        current_app.config["LETTER_FORM_MAX_AGE"])
    except LetterExpired:
        return _start_again(campaign, "This preview is more than two hours old, so we no "
                            "longer have your letter. Please fill the form in again.", 410)
    except LetterTampered:
        signed = None
    if signed is None or signed.request.campaign_id != campaign.id:
        return _start_again(campaign, "We couldn't read that letter. Please fill the form "
                            "in again.", 400)
    # The letter the preview showed: its day and MP travel in the signed field.
    enabled = enabled_asks(get_db(), campaign.id)
    try:
        letter = compose_for(campaign, enabled, signed.request, signed.found, signed.day)
    except NoAsksChosen:
        return _start_again(campaign, "The asks you chose have changed. Please choose "
                            "again.", 409)
    response = letter_file(file_format, letter)
    if file_format.is_letter:
        record_letter(get_db(), get_counter(), signed.request, signed.found,
                      [ask.id for ask in asks_in_letter(enabled, signed.request)],
                      request.form["format"], today())
    return response


@bp.post("/c/<slug>/edit")
def edit(slug: str):
    """Back from the preview to the form, filled in as the writer left it."""
    campaign = _campaign_or_404(slug)
    if campaign.is_closed:
        return _closed(campaign)
    try:
        signed = unsign(request.form.get("letter", ""), current_app.config["SECRET_KEY"],
                        current_app.config["LETTER_FORM_MAX_AGE"])
    except (LetterExpired, LetterTampered):
        return _start_again(campaign, "We no longer have your letter. Please fill the form "
                            "in again.", 410)
    letter_request = signed.request
    asks = enabled_asks(get_db(), campaign.id)
    form = _letter_form(asks, full_name=letter_request.full_name,
                        address_line1=letter_request.address_line1,
                        address_line2=letter_request.address_line2, town=letter_request.town,
                        postcode=letter_request.postcode, asks=list(letter_request.ask_ids),
                        personal_note=letter_request.personal_note)
    # The card shows the MP the preview was addressed to, carried in the signed field.
    return render_template("public/write.html", campaign=campaign, found=signed.found,
                           form=form, asks=asks)


def _start_again(campaign: Campaign, message: str, status: int):
    return render_template("public/start_again.html", campaign=campaign, message=message), status


@bp.get("/report")
def report():
    return render_template("public/report.html")


@bp.get("/privacy")
def privacy():
    return render_template("public/privacy.html", facts=privacy_facts(current_app.config))


@bp.get("/about")
def about():
    directory = None
    if current_app.config["POSTCODE_SOURCE"] != "remote":
        directory = directory_info(directory_path(current_app.config))
    return render_template("public/about.html", postcode_directory=directory,
                           postcode_source=current_app.config["POSTCODE_SOURCE"])
