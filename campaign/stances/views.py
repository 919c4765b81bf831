"""Staff pages for MPs' stances on a campaign. Thin: records and csv_import do the work.

/staff/campaigns/<id>/stances          every seat with its MP, post and stance (?q= narrows)
/staff/campaigns/<id>/stances/mark     POST: one MP's stance
/staff/campaigns/<id>/stances/import   POST: a CSV of stances, all or nothing
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import IntegerField, SelectField
from wtforms.validators import InputRequired

from campaign.accounts.sign_in import role_required
from campaign.campaigns import campaign_by_id
from campaign.db import get_db
from campaign.stances import records
from campaign.stances.csv_import import read_stances
from letters.stances import Stance

bp = Blueprint("stances", __name__, url_prefix="/staff/campaigns")
STANCE_CHOICES = [(str(stance), stance.label) for stance in Stance]


class MarkForm(FlaskForm):
    member_id = IntegerField("Member", validators=[InputRequired()])
    stance = SelectField("Stance", choices=[str(stance) for stance in Stance])


class ImportForm(FlaskForm):
    csv_file = FileField("CSV file of stances")


#: Seats listed on one page of the stances page.
SEATS_PER_PAGE = 50


def _campaign_or_404(campaign_id: int):
    return campaign_by_id(get_db(), campaign_id) or abort(404)


def _page(campaign, import_form: ImportForm, errors: list[str] | None = None,
          status: int = 200):
    query = request.args.get("q", "").strip()[:80]
    every_seat = records.seats(get_db(), campaign.id)
    counts = {stance: 0 for stance in Stance}
    for seat in every_seat:
        counts[seat["stance"]] += 1
    seats = every_seat
    if query:
        folded = query.casefold()
        seats = [seat for seat in seats if folded in " ".join(
            (seat["constituency_name"], seat["display_as"], seat["constituency_code"] or "",
             seat["party"])).casefold()]
    shown = request.args.get("stance", "")
    if shown in {str(stance) for stance in Stance}:
        seats = [seat for seat in seats if seat["stance"] == shown]
    else:
        shown = ""
    # 650 rows of forms are 71,000 px on a phone: a page at a time, each Save in reach.
    pages = max(1, -(-len(seats) // SEATS_PER_PAGE))
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), pages)
    return render_template("stances/stances.html", campaign=campaign,
                           seats=seats[(page - 1) * SEATS_PER_PAGE:page * SEATS_PER_PAGE],
                           matching=len(seats), page=page, pages=pages, shown=shown,
                           query=query, counts=counts, choices=STANCE_CHOICES,
                           can_edit=current_user.can_edit,
                           mark_form=MarkForm(formdata=None), import_form=import_form,
                           import_errors=errors or []), status


@bp.get("/<int:campaign_id>/stances")
@role_required("staff", "organiser")
def stances(campaign_id: int):
    """Every seat with its MP, their post and their stance on this campaign, a page at a
    time (organisers read it; staff mark stances)."""
    return _page(_campaign_or_404(campaign_id), ImportForm(formdata=None))


@bp.post("/<int:campaign_id>/stances/mark")
@role_required("staff")
def mark(campaign_id: int):
    """Record one MP's stance."""
    campaign = _campaign_or_404(campaign_id)
    form = MarkForm()
    if not form.validate():
        abort(400)
    names = {seat["member_id"]: seat["display_as"]
             for seat in records.seats(get_db(), campaign.id)}
    if form.member_id.data not in names:
        abort(404)
    stance = Stance(form.stance.data)
    records.set_stances(get_db(), campaign.id, [(form.member_id.data, stance)],
                        current_user.email)
    flash(f"{names[form.member_id.data]}: {stance.label.lower()}.")
    # Back to the same page of the same list (the filter by stance stays as chosen).
    return redirect(url_for("stances.stances", campaign_id=campaign.id,
                            q=request.args.get("q") or None,
                            stance=request.args.get("stance") or None,
                            page=request.args.get("page", type=int) or None)
                    + f"#member-{form.member_id.data}", code=303)


@bp.post("/<int:campaign_id>/stances/import")
@role_required("staff")
def import_csv(campaign_id: int):
    """Record the stances of a CSV file: every line good, or nothing recorded."""
    campaign = _campaign_or_404(campaign_id)
    form = ImportForm()
    if not form.validate():
        abort(400)
    upload = form.csv_file.data
    if upload is None or not getattr(upload, "filename", ""):
        return _page(campaign, form, ["Choose a CSV file to import."], 422)
    result = read_stances(get_db(), upload.read())
    if result.errors:
        heading = ("Nothing was imported. Correct these lines and import the whole file "
                   "again:")
        return _page(campaign, form, [heading, *result.errors], 422)
    count = records.set_stances(get_db(), campaign.id, result.marks, current_user.email)
    flash(f"Imported {count:,} stance{'s' if count != 1 else ''}.")
    return redirect(url_for("stances.stances", campaign_id=campaign.id), code=303)
