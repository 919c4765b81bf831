"""Routes of the citizen's journey: each reads its request and answers with what the
domain decides. The letter's own steps (the form, the preview, downloads, email, the
page after, "Change something") are campaign.public.letter_flow's, which hands each
view a page or redirect to answer with (campaign.public.letter_pages).

/                      the launch campaign (or a list when several are live)
/c/<slug>/             a campaign: what it asks, and a postcode form (?postcode= prefills)
/c/<slug>/mp           POST postcode (the form as it was, from a page opened before it
                       became a GET of /write) -> 303 to /write
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
/c/<slug>/write        GET ?postcode=&seed= -> the letter form (Back and reload come back to it);
                       the campaign page's postcode form sends it
/r/                    "Tell us what happened": type a reference (?reference=) -> /r/<reference>
/r/<reference>         the citizen says the letter was posted, emailed or answered
/privacy, /accessibility, /about   the privacy promise, the accessibility statement, sources
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from campaign.campaigns import (
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
from campaign.lookup.directory import directory_info
from campaign.lookup.local_source import directory_path
from campaign.public import journey, letter_flow
from campaign.public.counter import get_counter
from campaign.public.forms import PostcodeForm, lookup_form
from campaign.public.hexmap import CLASSES, band_fill, letters_svg, map_label
from campaign.public.letter_links import signed_value
from campaign.public.letter_pages import (
    answer,
    campaign_or_404,
    campaign_share_links,
    finder,
)
from campaign.public.letter_pages import campaign_page as campaign_page_for
from campaign.public.letter_pages import closed as closed_page
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
from campaign.public.privacy_facts import privacy_facts
from campaign.public.references import normalise, reference_hash
from campaign.public.sharing import share_card_png, share_card_words
from campaign.security_headers import allow_framing
from campaign.small_numbers import public_total
from letters.phrasings import new_seed

bp = Blueprint("public", __name__)


@bp.get("/")
def index():
    campaigns = public_campaigns(get_db(), current_language())
    if len(campaigns) == 1:
        return campaign_page(campaigns[0].slug)
    closed = latest_closed_campaign(get_db(), current_language()) if not campaigns else None
    if closed is not None:
        # After a close, the home page thanks the writers rather than say "nothing open".
        return answer(closed_page(closed, status=200, others=False))
    counter = get_counter()
    return render_template("public/index.html", campaigns=campaigns,
                           letters={c.id: counter.count(get_db(), c.id) for c in campaigns})


@bp.get("/c/<slug>/")
def campaign_page(slug: str):
    campaign = campaign_or_404(slug)
    if campaign.is_closed:
        return answer(closed_page(campaign))
    form = lookup_form(postcode=request.args.get("postcode", "")[:16])
    # While Parliament is dissolved nobody looks a postcode up, so the visit itself
    # keeps the register fresh: the new Parliament's MPs are found without a command.
    finder().keep_register_fresh(get_db())
    return answer(campaign_page_for(campaign, form,
                                    enabled_asks(get_db(), campaign.id, campaign.language)))


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
    campaign = campaign_or_404(slug)
    response = current_app.make_response(render_template("public/embed.html",
                                                          campaign=campaign))
    return allow_framing(response, embed_origins(get_db(), campaign.id))


@bp.get("/c/<slug>/share.png")
def share_card(slug: str):
    """The image link previews show for the campaign (Open Graph og:image)."""
    campaign = campaign_or_404(slug)
    site_name, byline = share_card_words(current_app.config.get("ORGANISATION_NAME", ""))
    png = share_card_png(campaign.title, byline, site_name)
    response = current_app.response_class(png, mimetype="image/png")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/c/<slug>/results")
def results(slug: str):
    """The campaign's public results: letters so far and a hex map of where they came from."""
    campaign = campaign_or_404(slug)
    seats = by_constituency(get_db(), Filter(campaign_id=campaign.id))
    letters = {row["constituency_code"]: row["letters"] for row in seats}
    label = map_label(campaign.title)
    return render_template("public/results.html", campaign=campaign, seats=seats,
                           total=public_total(letters.values()),
                           map_svg=letters_svg(letters, label),
                           classes=[(floor, band_fill(floor, colour), label)
                                    for floor, colour, label in CLASSES],
                           share=campaign_share_links(campaign))


# Every page that looks a postcode up counts against one limit (the letter form, and
# the preview when the writer corrects the postcode). The campaign page's postcode form
# is a GET of the letter form, so a lookup counts once; a postcode not written like one
# counts too, which the POST to /mp (checking the form only) does not.
postcode_limit = limiter.shared_limit(POSTCODE_LIMIT, scope="postcode-lookup")


@bp.post("/c/<slug>/mp")
def find_mp(slug: str):
    """The postcode form as it was (a POST), from a page opened before the form became
    a GET of the letter form's address: on to that address.

    Only the form is checked here (its CSRF token, and that the postcode is written
    like one); the letter form looks the postcode up and says there if it finds no MP.
    One lookup a letter, counted once against the postcode limit.
    """
    campaign = campaign_or_404(slug)
    if campaign.is_closed:
        return answer(closed_page(campaign))
    form = PostcodeForm()
    if not form.validate():
        return answer(campaign_page_for(
            campaign, form, enabled_asks(get_db(), campaign.id, campaign.language), 422))
    return redirect(url_for("public.write", slug=slug, postcode=form.postcode.data,
                            seed=new_seed()), code=303)


@bp.get("/c/<slug>/write")
@postcode_limit
def write(slug: str):
    """The letter form for ?postcode= (and ?seed=, the letter's phrasings): what the
    campaign page's postcode form sends. A postcode missing from the form, or not
    written like one, is answered there: the campaign page saying so (422).

    A GET, so that reloading it, bookmarking it or coming Back to it from the preview
    works; the postcode in the address is never logged and the page is never stored
    (security_headers). What the writer typed comes back from their own browser
    (static/site.js keeps it in sessionStorage, keyed to this lookup), never from the
    server.
    """
    return answer(letter_flow.write(campaign_or_404(slug), request.args))


@bp.get("/c/<slug>/mp")
@bp.get("/c/<slug>/letter")
@bp.get("/c/<slug>/download")
@bp.get("/c/<slug>/email")
def carry_on(slug: str):
    """A step that only answers a form, opened by address (a reload, a bookmark):
    back to the letter form when the address names the postcode, else the campaign."""
    campaign_or_404(slug)
    postcode = request.args.get("postcode", "")
    if postcode:
        return redirect(url_for("public.write", slug=slug, postcode=postcode[:16],
                                seed=journey.seed_from(request.args.get("seed"))))
    return redirect(url_for("public.campaign_page", slug=slug))


@bp.post("/c/<slug>/letter")
@postcode_limit
def preview(slug: str):
    """The letter form sent: the preview at its own address (post/redirect/get), or the
    form back saying what to change (letter_flow.sent_form)."""
    return answer(letter_flow.sent_form(campaign_or_404(slug), request.form))


@bp.get("/c/<slug>/preview")
def preview_page(slug: str):
    """The preview at its own address (?letter=, signed): Back, Forward, reload and the
    language link show the same letter, with the same reference."""
    return answer(letter_flow.preview(campaign_or_404(slug), signed_value()))


# A signed letter that cannot be used, whichever step found it: the page saying so.
bp.register_error_handler(letter_flow.StartAgain, letter_flow.start_again_page)
bp.register_error_handler(letter_flow.LetterBack, letter_flow.letter_back_page)


@bp.post("/c/<slug>/download")
@limiter.limit(DOWNLOAD_LIMIT)
def download(slug: str):
    """The letter's PDF, DOCX or envelope (form field `target`: a second letter's)."""
    return answer(letter_flow.download(campaign_or_404(slug), signed_value(),
                                       request.form.get("format", ""),
                                       request.form.get("target", "")))


@bp.post("/c/<slug>/done")
@limiter.limit(DOWNLOAD_LIMIT)
def done(slug: str):
    """After the download (a POST from the download's page): on to its own address, so
    Back, reload and the language link come back to it."""
    return answer(letter_flow.done(campaign_or_404(slug), signed_value(),
                                   request.form.get("format", "")))


@bp.get("/c/<slug>/done")
@limiter.limit(DOWNLOAD_LIMIT)
def done_page(slug: str):
    """After the download: printing, posting, the reference and a friend, with the
    letter's files still to hand (the signed preview travels on). Counts nothing:
    /download does. Without ?letter= (an old bookmark), back to the campaign."""
    campaign = campaign_or_404(slug)
    if not signed_value():
        return carry_on(slug)
    return answer(letter_flow.done_page(campaign, signed_value(),
                                        request.args.get("format", "")))


@bp.post("/c/<slug>/email")
@limiter.limit(DOWNLOAD_LIMIT)
def email(slug: str):
    """Count the letter as sent by email, then hand over to the citizen's mail app."""
    return answer(letter_flow.email(campaign_or_404(slug), signed_value(),
                                    request.form.get("target", "")))


@bp.post("/c/<slug>/edit")
def edit(slug: str):
    """"Change something": on to the form's own address for this letter (?letter=), so
    Back, reload and the language link come back to it filled in."""
    return answer(letter_flow.edit(campaign_or_404(slug), signed_value()))


@bp.get("/c/<slug>/edit")
def edit_page(slug: str):
    """Back from the preview to the form, filled in as the writer left it (from the
    signed letter in ?letter=; without one, as carry_on)."""
    campaign = campaign_or_404(slug)
    if not signed_value():
        return carry_on(slug)
    return answer(letter_flow.edit_page(campaign, signed_value()))


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
