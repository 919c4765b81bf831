"""Organisers' pages. Thin: each reads counts from campaign.exports.queries and renders them.

/staff/counts/                           every campaign with its number of letters
/staff/counts/<slug>/                    a campaign's dashboard (?since=&until=)
/staff/counts/<slug>/by-<by>.csv|.json   one export: by-constituency, by-ask, by-day,
                                         by-mp, by-party, by-stance
/staff/counts/<slug>/counts.json         all three exports and the totals
/staff/counts/<slug>/pack.pdf?constituency=CODE   one constituency's evidence pack
/staff/counts/<slug>/packs.zip           every constituency's evidence pack
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)

from campaign.accounts.sign_in import role_required
from campaign.campaigns import Campaign, campaign_by_slug
from campaign.clock import today
from campaign.db import get_db
from campaign.exports import cache, charts, pack_figures, packs, queries
from campaign.exports.files import (
    breakdown_document,
    everything_document,
    file_name,
    to_csv,
    to_json,
)
from campaign.exports.forms import BOX_NAMES, DateRangeForm, link_filter

bp = Blueprint("exports", __name__, url_prefix="/staff/counts")

TOP_CONSTITUENCIES = 10
MIMETYPES = {"csv": "text/csv", "json": "application/json", "pdf": "application/pdf",
             "zip": "application/zip"}
#: The per-breakdown files (the packs have their own routes).
BREAKDOWN_FORMATS = ("csv", "json")


def _campaign_or_404(slug: str) -> Campaign:
    campaign = campaign_by_slug(get_db(), slug)
    if campaign is None:
        abort(404)
    return campaign


def _selection(slug: str) -> tuple[Campaign, DateRangeForm, queries.Filter | None]:
    """The campaign, the date boxes filled in from the address's ?since=&until=, and the
    filter they make; the filter is None when a date is wrong (the form says why)."""
    campaign = _campaign_or_404(slug)
    form = DateRangeForm(formdata=None)
    scope, errors = link_filter(campaign.id, request.args.get("since"),
                                request.args.get("until"))
    if scope is None:
        form.date_errors = errors
        for which, message in errors.items():
            form[f"{which}_day"].errors = [message]
    else:
        form.fill_from(scope.since, scope.until)
    return campaign, form, scope


def _file(text: str | bytes | Iterator[bytes], fmt: str, name: str) -> Response:
    if fmt == "csv" and isinstance(text, str):  # (a CSV export is always text)
        # Excel opens a double-clicked CSV as UTF-8 only when it starts with the byte
        # order mark; without it "Ynys Môn" reads "Ynys MÃ´n". Other readers skip it.
        response = Response("\ufeff" + text, mimetype=MIMETYPES[fmt])
        response.mimetype_params["charset"] = "utf-8"
    else:
        response = Response(text, mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    # Counts change with every letter, and staff pages should not sit in shared caches.
    response.headers["Cache-Control"] = "no-store"
    return response


def _bad_dates(form: DateRangeForm):
    return render_template("error.html", heading="Those dates don't work",
                           message=" ".join(form.date_errors.values())
                           + " Go back to the dashboard and choose the dates again.",
                           staff=True), 400


@bp.get("/")
@role_required("staff", "organiser")
def index():
    rows = queries.letters_per_campaign(get_db())
    return render_template("exports/index.html", campaigns=rows)


@bp.get("/<slug>/")
@role_required("staff", "organiser")
@cache.limited  # many queries over every letter: built under an export slot
def dashboard(slug: str):
    if any(name in request.args for name in BOX_NAMES):
        return _dates_typed(slug)
    campaign, form, scope = _selection(slug)
    if scope is None:
        return render_template("exports/dashboard.html", campaign=campaign, form=form,
                               totals=None), 400
    db = get_db()
    by_constituency = queries.by_constituency(db, scope)
    by_day = queries.by_day(db, scope)
    by_mp = queries.by_mp(db, scope)
    query = {k: v for k, v in (("since", scope.since), ("until", scope.until)) if v}
    return render_template(
        "exports/dashboard.html", campaign=campaign, form=form, filtered=bool(query),
        query={k: v.isoformat() for k, v in query.items()},
        totals=queries.summarise(by_constituency, by_day), by_constituency=by_constituency,
        top=by_constituency[:TOP_CONSTITUENCIES], by_ask=queries.by_ask(db, scope), by_day=by_day,
        day_chart=charts.letters_per_day(charts.fill_days(by_day)),
        seat_chart=charts.top_constituencies(by_constituency, TOP_CONSTITUENCIES),
        by_mp=by_mp, by_party=queries.party_rows(by_mp), by_target=queries.by_target(db, scope),
        by_nation=queries.nation_rows(by_constituency), by_stance=queries.by_stance(db, scope),
        by_language=queries.by_language(db, scope),
        min_reported=queries.MIN_REPORTED_FOR_RATES,
    )


def _dates_typed(slug: str):
    """The date boxes as typed: on to the dashboard's address for those days (?since=
    &until=, the link to share), or the dashboard again with what to correct."""
    campaign = _campaign_or_404(slug)
    form = DateRangeForm(formdata=request.args)
    if not form.validate():
        return render_template("exports/dashboard.html", campaign=campaign, form=form,
                               totals=None), 400
    days: dict[str, Any] = {which: day.isoformat() for which, day in form.days.items() if day}
    return redirect(url_for("exports.dashboard", slug=slug, **days))


def _export(slug: str, by: str, fmt: str):
    campaign, form, scope = _selection(slug)
    if scope is None:
        return _bad_dates(form)
    rows = queries.breakdown(get_db(), by, scope)
    text = (to_csv(rows, queries.COLUMNS[by]) if fmt == "csv"
            else to_json(breakdown_document(by, rows, campaign.slug, scope)))
    return _file(text, fmt, file_name(campaign.slug, by, scope.since, scope.until, fmt))


def _export_view(by: str, fmt: str):
    def view(slug: str):
        return _export(slug, by, fmt)
    view.__name__ = f"by_{by}_{fmt}"  # before role_required copies it
    view.__doc__ = f"Letters by {by} as {fmt.upper()}."
    return role_required("staff", "organiser")(cache.cached(view))


# One rule per file, each with the slug as its only variable, so a URL names its file
# (by-constituency.csv) and url_for names its export: exports.by_constituency_csv.
for _by in queries.BREAKDOWNS:
    for _fmt in BREAKDOWN_FORMATS:
        bp.add_url_rule(f"/<slug>/by-{_by}.{_fmt}", endpoint=f"by_{_by}_{_fmt}",
                        view_func=_export_view(_by, _fmt), methods=["GET"])


@bp.get("/<slug>/counts.json")
@role_required("staff", "organiser")
@cache.cached
def download_all(slug: str):
    campaign, form, scope = _selection(slug)
    if scope is None:
        return _bad_dates(form)
    return _file(to_json(everything_document(get_db(), campaign.slug, scope)), "json",
                 file_name(campaign.slug, None, scope.since, scope.until, "json"))


@bp.get("/<slug>/pack.pdf")
@role_required("staff", "organiser")
@cache.cached
def pack(slug: str):
    """One constituency's evidence pack (?constituency=GSS code, and the dashboard's dates)."""
    campaign, form, scope = _selection(slug)
    if scope is None:
        return _bad_dates(form)
    code = request.args.get("constituency", "").strip().upper()
    db = get_db()
    whole = pack_figures.campaign_figures(db, campaign, scope)
    seats = pack_figures.seat_figures(db, campaign, scope, code, whole) if code else []
    if not seats:
        message = ("Choose a constituency from the list on the counts page." if not code else
                   f"No letters from the constituency {code} on these days, so it has no "
                   "evidence pack. Choose one from the list on the counts page.")
        return render_template("error.html", heading="There is no pack for that constituency",
                               message=message, staff=True), 404 if code else 400
    seat = seats[0]
    data = packs.render_pack(whole, seat, packs.Contact.from_settings(current_app.config),
                             today())
    name = f"evidence-pack-{campaign.slug}-{packs.pack_file_name(seat.constituency_name)}"
    return _file(data, "pdf", name)


@bp.get("/<slug>/packs.zip")
@role_required("staff", "organiser")
@cache.cached
def packs_zip(slug: str):
    """Every constituency's evidence pack in one ZIP, one PDF per constituency with letters."""
    campaign, form, scope = _selection(slug)
    if scope is None:
        return _bad_dates(form)
    db = get_db()
    whole = pack_figures.campaign_figures(db, campaign, scope)
    # Counted first, then drawn while it is sent: the drawing needs neither the database
    # nor the request, and 650 packs take seconds.
    chunks = packs.iter_packs_zip(whole, pack_figures.seat_figures(db, campaign, scope,
                                                                   whole=whole),
                                  packs.Contact.from_settings(current_app.config), today())
    name = file_name(campaign.slug, None, scope.since, scope.until, "zip")
    return _file(chunks, "zip", "evidence-packs-" + name.removeprefix("letters-"))
