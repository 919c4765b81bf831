"""The campaign staff workspace. Thin: each view reads a form, calls campaign.staff.editing
and renders the answer. Every view is for the "staff" role only: organisers get a 403.

/staff/campaigns/                                  every campaign
/staff/campaigns/new                               create a draft campaign
/staff/campaigns/<id>/                             a campaign: status, asks, wording, links
/staff/campaigns/<id>/edit                         title, web address, summary, intro, thank-you
/staff/campaigns/<id>/status                       POST: draft, live or closed
/staff/campaigns/<id>/copy                         POST: a new draft with this one's text and asks
/staff/campaigns/<id>/status/<closed|draft>        what closing / returning to draft will do
/staff/campaigns/<id>/wording                      opening, closing request, subject line
/staff/campaigns/<id>/asks/new                     add an ask
/staff/campaigns/<id>/asks/<ask_id>/edit           change an ask, switch it on or off
/staff/campaigns/<id>/asks/<ask_id>/move           POST: one place up or down
/staff/campaigns/<id>/history                      every change, who and when
/staff/campaigns/<id>/history/<entry_id>/restore   GET: what it would change; POST: make it current
/staff/campaigns/<id>/embed                        sites allowed to frame the postcode box; the snippet
/staff/campaigns/<id>/preview                      the letter for a sample MP, as HTML
/staff/campaigns/<id>/preview/<fmt>                ... as PDF or DOCX
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from campaign.accounts.sign_in import role_required
from campaign.campaigns import (
    Campaign,
    Status,
    all_asks,
    all_campaigns,
    campaign_ask,
    campaign_by_id,
    enabled_asks,
)
from campaign.campaigns.embedding import (
    SNIPPET_HEIGHT,
    BadOrigin,
    embed_origins,
    embed_snippet,
    parse_origins,
    set_embed_origins,
)
from campaign.campaigns.targets import campaign_targets
from campaign.clock import today
from campaign.db import get_db

# The preview serves its files as a citizen's download is served (see public.downloads).
from campaign.public.downloads import letter_file
from campaign.staff import differences
from campaign.staff import preview as previews
from campaign.staff.editing import asks, campaign_status, copying, details, letter_wording, versions
from campaign.staff.editing.nation_rules import NATION_FIELDS
from campaign.staff.editing.refusals import EditError, EditErrors, NotFound
from campaign.staff.forms import (
    ActionForm,
    AskForm,
    CampaignForm,
    EmbedForm,
    MoveForm,
    NewCampaignForm,
    StatusForm,
    WordingForm,
    nation_form_data,
)
from campaign.staff.saving import editor, saved, show_errors
from letters import NothingForMP
from letters.devolution import DEVOLVED_NATIONS
from letters.file_formats import FILE_FORMATS
from letters.languages import translations
from letters.limits import LetterTooLong
from letters.nations import Nation
from letters.phrasings import new_seed
from letters.wording import PLACEHOLDERS

bp = Blueprint("staff", __name__, url_prefix="/staff/campaigns")
# The history names a snapshot's fields as staff read them ("Opening in Welsh").
bp.add_app_template_filter(differences.field_label, "field_label")
bp.add_app_template_global(differences.field_value, "field_value")
bp.add_app_template_filter(differences.own_paragraphs, "own_paragraphs")
bp.add_app_template_filter(differences.field_lang, "field_lang")
bp.add_app_template_filter(differences.english_field, "english_field")
# The languages staff write each text in beside English (their fields, notes, statuses).
bp.add_app_template_global(translations, "languages_beside_english")
# The ask form's sections on who decides the ask per devolved nation: (nation, field prefix).
NATION_SECTIONS = [(nation, NATION_FIELDS[nation]) for nation in DEVOLVED_NATIONS]
staff_only = role_required("staff")


def _campaign_or_404(campaign_id: int) -> Campaign:
    campaign = campaign_by_id(get_db(), campaign_id)
    if campaign is None:
        abort(404)
    return campaign


def _overview(campaign: Campaign, status_error: str | None = None, status: int = 200):
    db = get_db()
    return render_template(
        "staff/campaign.html", campaign=campaign, asks=all_asks(db, campaign.id),
        targets=campaign_targets(db, campaign.id),
        problems=campaign_status.problems_going_live(db, campaign.id), status_error=status_error,
        to_check=campaign_status.worth_checking(db, campaign.id),
        translated=campaign_status.translation_lines(db, campaign.id),
        action_form=ActionForm(), max_asks=asks.MAX_ASKS), status


@bp.get("/")
@staff_only
def index():
    """Every campaign, with its status."""
    return render_template("staff/campaigns.html", campaigns=all_campaigns(get_db()))


@bp.route("/new", methods=["GET", "POST"])
@staff_only
def new():
    """Create a campaign; it starts as a draft."""
    form = NewCampaignForm()
    if form.validate_on_submit():
        try:
            campaign_id = details.create_campaign(get_db(), form.data, editor())
        except EditError as error:
            show_errors(form, error)
        else:
            flash("Campaign created as a draft. Add its asks and check its wording.")
            return redirect(url_for("staff.campaign", campaign_id=campaign_id))
    elif form.errors:
        _every_detail_mistake(form, None)
    return render_template("staff/campaign_form.html", form=form, campaign=None), \
        422 if form.errors else 200


@bp.get("/<int:campaign_id>/")
@staff_only
def campaign(campaign_id: int):
    """A campaign's overview: status, asks in order, wording, links."""
    return _overview(_campaign_or_404(campaign_id))


@bp.route("/<int:campaign_id>/edit", methods=["GET", "POST"])
@staff_only
def edit(campaign_id: int):
    """Change the campaign's title, web address, summary, intro and thank-you text."""
    campaign = _campaign_or_404(campaign_id)
    form = CampaignForm(obj=campaign, **details.campaign_translations(get_db(), campaign_id))
    if form.validate_on_submit():
        if saved(form, details.update_campaign, campaign_id, form.data):
            flash("Campaign details saved.")
            return redirect(url_for("staff.campaign", campaign_id=campaign_id))
    elif form.errors:
        _every_detail_mistake(form, campaign_id)
    return render_template("staff/campaign_form.html", form=form, campaign=campaign), \
        422 if form.errors else 200


def _every_detail_mistake(form, campaign_id: int | None) -> None:
    """The form's own checks failed: name the details' other mistakes in the same round
    (a web address in use among them), never one round after another."""
    problems = details.campaign_problems(get_db(), form.data, campaign_id)
    if problems:
        show_errors(form, EditErrors(problems))


# Every change of status asks first: going live opens the campaign to the public,
# closing and returning to draft take it away from citizens.
CONFIRMED_STATUSES = (Status.LIVE, Status.CLOSED, Status.DRAFT)


@bp.get("/<int:campaign_id>/status/<target>")
@staff_only
def confirm_status(campaign_id: int, target: str):
    """Say what going live, closing or returning to draft will do, before doing it."""
    campaign = _campaign_or_404(campaign_id)
    if target not in CONFIRMED_STATUSES or target == campaign.status:
        abort(404)
    if target == "live" and campaign_status.problems_going_live(get_db(), campaign_id):
        return _overview(campaign, GOING_LIVE_BLOCKED, 422)
    return render_template("staff/confirm_status.html", campaign=campaign, target=target,
                           asks=enabled_asks(get_db(), campaign_id),
                           to_check=campaign_status.worth_checking(get_db(), campaign_id),
                           translated=campaign_status.translation_lines(get_db(), campaign_id))


GOING_LIVE_BLOCKED = "This campaign cannot go live yet: first do what the Status section lists."


@bp.post("/<int:campaign_id>/status")
@staff_only
def status(campaign_id: int):
    """Take a campaign live, close it or return it to draft."""
    campaign = _campaign_or_404(campaign_id)
    form = StatusForm()
    if not form.validate():
        return _overview(campaign, "Choose draft, live or closed.", 422)
    try:
        campaign_status.set_status(get_db(), campaign_id, form.status.data, editor())
    except EditError as error:
        # The checklist in the Status section says what is missing, one item a line.
        going_live = form.status.data == "live"
        return _overview(campaign, GOING_LIVE_BLOCKED if going_live else error.message, 422)
    flash({"draft": "The campaign is now a draft: only staff can see it.",
           "live": "The campaign is now live.",
           "closed": "The campaign is now closed."}.get(form.status.data,
                                                         f"The campaign is now {form.status.data}."))
    return redirect(url_for("staff.campaign", campaign_id=campaign_id))


@bp.post("/<int:campaign_id>/copy")
@staff_only
def copy(campaign_id: int):
    """Start the next campaign from this one: a draft with its text, wording and asks."""
    campaign = _campaign_or_404(campaign_id)
    if not ActionForm().validate_on_submit():
        return _overview(campaign, "The form had expired: please try again.", 400)
    new_id = copying.copy_campaign(get_db(), campaign_id, editor())
    flash(f"This is a draft copy of “{campaign.title}”, with its text, wording and asks. "
          "Give it its own title and web address before it goes live.")
    return redirect(url_for("staff.edit", campaign_id=new_id))


@bp.route("/<int:campaign_id>/embed", methods=["GET", "POST"])
@staff_only
def embed(campaign_id: int):
    """The sites allowed to show the campaign's postcode box, and the snippet to paste."""
    campaign = _campaign_or_404(campaign_id)
    form = EmbedForm(origins="\n".join(embed_origins(get_db(), campaign_id)))
    if form.validate_on_submit():
        try:
            origins = parse_origins(form.origins.data or "")
        except BadOrigin as error:
            form.origins.errors = [*form.origins.errors, str(error)]
        else:
            set_embed_origins(get_db(), campaign_id, origins)
            flash(f"Saved: {len(origins)} site{'' if len(origins) == 1 else 's'} may show the "
                  "postcode box.")
            return redirect(url_for("staff.embed", campaign_id=campaign_id))
    return render_template("staff/embed.html", form=form, campaign=campaign,
                           origins=embed_origins(get_db(), campaign_id),
                           snippet=embed_snippet(url_for("public.embed", slug=campaign.slug,
                                                         _external=True), campaign.title),
                           snippet_height=SNIPPET_HEIGHT), \
        422 if form.errors else 200


@bp.route("/<int:campaign_id>/wording", methods=["GET", "POST"])
@staff_only
def wording(campaign_id: int):
    """Edit the letter's opening, closing request and subject line."""
    campaign = _campaign_or_404(campaign_id)
    form = WordingForm(obj=campaign.wording, **details.campaign_translations(get_db(), campaign_id))
    if form.validate_on_submit() and saved(form, letter_wording.update_wording, campaign_id, form.data):
        flash("Letter wording saved.")
        return redirect(url_for("staff.campaign", campaign_id=campaign_id))
    return render_template("staff/wording.html", form=form, campaign=campaign,
                           placeholders=PLACEHOLDERS), 422 if form.errors else 200


@bp.route("/<int:campaign_id>/asks/new", methods=["GET", "POST"])
@staff_only
def new_ask(campaign_id: int):
    """Add an ask at the end of the list."""
    campaign = _campaign_or_404(campaign_id)
    form = AskForm()
    if form.validate_on_submit() and saved(form, asks.add_ask, campaign_id, form.data):
        flash("Ask added.")
        return redirect(url_for("staff.campaign", campaign_id=campaign_id))
    return render_template("staff/ask_form.html", form=form, campaign=campaign, ask=None,
                           nations=NATION_SECTIONS), 422 if form.errors else 200


@bp.route("/<int:campaign_id>/asks/<int:ask_id>/edit", methods=["GET", "POST"])
@staff_only
def edit_ask(campaign_id: int, ask_id: int):
    """Change an ask or switch it on or off."""
    campaign = _campaign_or_404(campaign_id)
    ask = campaign_ask(get_db(), campaign_id, ask_id) or abort(404)
    form = AskForm(obj=ask, **nation_form_data(ask),
                   **asks.ask_translations(get_db(), campaign_id, ask_id))
    if form.validate_on_submit() and saved(form, asks.update_ask, campaign_id, ask_id,
                                            form.data):
        flash("Ask saved.")
        return redirect(url_for("staff.campaign", campaign_id=campaign_id))
    return render_template("staff/ask_form.html", form=form, campaign=campaign, ask=ask,
                           nations=NATION_SECTIONS), 422 if form.errors else 200


@bp.post("/<int:campaign_id>/asks/<int:ask_id>/move")
@staff_only
def move_ask(campaign_id: int, ask_id: int):
    """Move an ask one place up or down (a button: works without JavaScript)."""
    _campaign_or_404(campaign_id)
    form = MoveForm()
    if not form.validate():
        abort(400)
    try:
        asks.move_ask(get_db(), campaign_id, ask_id, form.direction.data, editor())
    except NotFound:
        abort(404)
    return redirect(url_for("staff.campaign", campaign_id=campaign_id) + "#asks")


@bp.get("/<int:campaign_id>/history")
@staff_only
def history(campaign_id: int):
    """Every recorded change to the campaign, newest first, with what each changed."""
    return _history_page(_campaign_or_404(campaign_id), ActionForm())


def _history_page(campaign: Campaign, form: ActionForm, status: int = 200):
    db = get_db()
    entries = versions.history(db, campaign.id)
    ask_titles = {str(ask.id): ask.title for ask in all_asks(db, campaign.id)}
    return render_template("staff/history.html", campaign=campaign, entries=entries, form=form,
                           changed=versions.what_changed(entries, ask_titles),
                           ask_titles=ask_titles,
                           restorable={e.id for e in entries if versions.restorable(db, e)}), status


def _version_or_404(campaign_id: int, entry_id: int) -> versions.HistoryEntry:
    entry = versions.version(get_db(), campaign_id, entry_id)
    if entry is None:
        abort(404)
    return entry


@bp.get("/<int:campaign_id>/history/<int:entry_id>/restore")
@staff_only
def confirm_restore(campaign_id: int, entry_id: int):
    """Show what restoring an earlier version would change, before making it current."""
    campaign = _campaign_or_404(campaign_id)
    entry = _version_or_404(campaign_id, entry_id)
    current = versions.current_snapshot(get_db(), entry)
    return render_template("staff/confirm_restore.html", campaign=campaign, entry=entry,
                           changes=differences.changes(
                               current, versions.restored_version(current, entry)))


RESTORED_MESSAGES = {
    "wording": ("That version of the wording is current again.", "staff.wording"),
    "campaign": ("That version of the campaign's details is current again.", "staff.campaign"),
    "ask": ("That version of the ask is current again.", "staff.campaign"),
}


@bp.post("/<int:campaign_id>/history/<int:entry_id>/restore")
@staff_only
def restore(campaign_id: int, entry_id: int):
    """Make an earlier version of the wording, the campaign's text or an ask current again."""
    campaign = _campaign_or_404(campaign_id)
    entry = _version_or_404(campaign_id, entry_id)
    form = ActionForm()
    if form.validate_on_submit() and saved(form, versions.restore_version, campaign_id, entry_id):
        message, endpoint = RESTORED_MESSAGES[entry.kind]
        flash(message)
        return redirect(url_for(endpoint, campaign_id=campaign_id))
    # The domain refuses a restore when the old version no longer passes today's checks.
    return _history_page(campaign, form, 422)


@bp.get("/<int:campaign_id>/preview")
@staff_only
def preview(campaign_id: int):
    """The campaign's text and its letter to a sample MP, as a citizen would get them
    (in another language with ?language=cy, once the campaign's translation into it is
    complete)."""
    _campaign_or_404(campaign_id)
    db = get_db()
    asked = request.args.get("language")
    campaign = previews.campaign_in(db, campaign_id, asked) or abort(404)
    translation = previews.translation_shown(asked)
    seat = request.args.get("seat", previews.SAMPLE_KEY)
    mp = previews.sample_mp(db, seat)
    # Each visit draws other phrasings; the downloads carry the seed to match the page.
    seed = request.args.get("seed", type=int) or new_seed()
    nation = previews.preview_nation(request.args.get("nation"))
    try:
        letter = previews.preview_letter(db, campaign, mp, today(), seed, nation)
        wording_error = None
    except (LetterTooLong, NothingForMP) as error:
        letter, wording_error = None, str(error)
    return render_template(
        "staff/preview.html", campaign=campaign, letter=letter, mp=mp,
        is_sample=mp is previews.SAMPLE_MP, seats=previews.sample_seats(db, campaign.id), seat=seat,
        public_asks=enabled_asks(db, campaign_id, campaign.language),
        wording_error=wording_error, seed=seed, nation=nation, nations=list(Nation),
        translation=translation, translation_asked=asked == translation.code,
        translated=campaign_status.translation_line(db, campaign_id, translation),
        words=previews.preview_words(campaign.language))


@bp.get("/<int:campaign_id>/preview/<fmt>")
@staff_only
def preview_download(campaign_id: int, fmt: str):
    """The preview letter as PDF or DOCX; not counted as a letter written."""
    file_format = FILE_FORMATS.get(fmt)
    if file_format is None:
        abort(404)
    _campaign_or_404(campaign_id)
    db = get_db()
    campaign = (previews.campaign_in(db, campaign_id, request.args.get("language"))
                or abort(404))
    mp = previews.sample_mp(db, request.args.get("seat"))
    try:
        letter = previews.preview_letter(db, campaign, mp, today(),
                                         request.args.get("seed", 0, type=int),
                                         previews.preview_nation(request.args.get("nation")))
    except (LetterTooLong, NothingForMP):
        return redirect(url_for("staff.preview", campaign_id=campaign_id,
                                language=request.args.get("language")))
    # Deliberately not record_letter(): a preview is not a letter written.
    return letter_file(file_format, letter, prefix="preview-")
