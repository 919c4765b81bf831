"""Organisers' pages. Thin: each reads counts from campaign.exports.queries and renders them.

/staff/counts/                           every campaign with its number of letters
/staff/counts/<slug>/                    a campaign's dashboard (?since=&until=)
/staff/counts/<slug>/by-<by>.csv|.json   one export: by-constituency, by-ask, by-day,
                                         by-mp, by-party, by-stance
/staff/counts/<slug>/counts.json         all three exports and the totals
"""
from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from campaign.accounts.sign_in import role_required
from campaign.campaigns import Campaign, campaign_by_slug
from campaign.db import get_db
from campaign.exports import charts, queries
from campaign.exports.files import (
    breakdown_document, everything_document, file_name, to_csv, to_json,
)
from campaign.exports.forms import DateRangeForm

bp = Blueprint("exports", __name__, url_prefix="/staff/counts")

TOP_CONSTITUENCIES = 10
MIMETYPES = {"csv": "text/csv", "json": "application/json"}


def _campaign_or_404(slug: str) -> Campaign:
    campaign = campaign_by_slug(get_db(), slug)
    if campaign is None:
        abort(404)
    return campaign


def _selection(slug: str) -> tuple[Campaign, DateRangeForm, queries.Filter | None]:
    """The campaign, the date-range form from the query string, and the filter they
    make; the filter is None when the dates are wrong (the form says why)."""
    campaign = _campaign_or_404(slug)
    form = DateRangeForm(formdata=request.args if request.args else None)
    if request.args and not form.validate():
        return campaign, form, None
    return campaign, form, queries.make_filter(campaign.id, form.since.data, form.until.data)


def _file(text: str, fmt: str, name: str) -> Response:
    if fmt == "csv":
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
                           message=" ".join(e for f in form for e in f.errors)
                           + " Go back to the dashboard and choose the dates again.",
                           staff=True), 400


@bp.get("/")
@role_required("staff", "organiser")
def index():
    rows = queries.letters_per_campaign(get_db())
    return render_template("exports/index.html", campaigns=rows)


@bp.get("/<slug>/")
@role_required("staff", "organiser")
def dashboard(slug: str):
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
        by_mp=by_mp, by_party=queries.party_rows(by_mp),
        by_stance=queries.by_stance(db, scope),
        min_reported=queries.MIN_REPORTED_FOR_RATES,
    )


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
    return role_required("staff", "organiser")(view)


# One rule per file, each with the slug as its only variable, so a URL names its file
# (by-constituency.csv) and url_for names its export: exports.by_constituency_csv.
for _by in queries.BREAKDOWNS:
    for _fmt in MIMETYPES:
        bp.add_url_rule(f"/<slug>/by-{_by}.{_fmt}", endpoint=f"by_{_by}_{_fmt}",
                        view_func=_export_view(_by, _fmt), methods=["GET"])


@bp.get("/<slug>/counts.json")
@role_required("staff", "organiser")
def download_all(slug: str):
    campaign, form, scope = _selection(slug)
    if scope is None:
        return _bad_dates(form)
    return _file(to_json(everything_document(get_db(), campaign.slug, scope)), "json",
                 file_name(campaign.slug, None, scope.since, scope.until, "json"))
