"""Staff set a campaign's posting; organisers see what was posted (English only).

/staff/campaigns/<id>/posting       GET/POST: on or off, budget, daily cap, class (staff)
/staff/counts/<slug>/posted         letters posted by day and constituency (staff, organisers)
/staff/counts/<slug>/posted.csv     the same as a CSV file
"""
from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, NumberRange, Optional

from campaign.accounts.sign_in import role_required
from campaign.campaigns import campaign_by_id, campaign_by_slug
from campaign.clock import timestamp, today
from campaign.db import get_db
from campaign.posting import budget, records
from campaign.posting.provider import FIRST, SECOND

bp = Blueprint("posting_staff", __name__)
MOST_LETTERS = 1_000_000


class PostingForm(FlaskForm):
    enabled = BooleanField("Post letters for writers who ask")
    budget_letters = IntegerField("Letters the campaign will pay for, in all", validators=[
        InputRequired("Enter how many letters, 0 for none."),
        NumberRange(0, MOST_LETTERS, "Enter a whole number from 0 to 1,000,000.")])
    daily_letters = IntegerField("Letters a day, at most (empty or 0: no daily limit)",
                                 validators=[Optional(), NumberRange(
                                     0, MOST_LETTERS, "Enter a whole number, or leave it empty.")])
    post_class = RadioField("Class of post", choices=[
        SelectChoice(SECOND, "Second class (2 to 4 working days)"),
        SelectChoice(FIRST, "First class (1 to 3 working days, costs more)")], default=SECOND)


@bp.route("/staff/campaigns/<int:campaign_id>/posting", methods=["GET", "POST"])
@role_required("staff")
def settings(campaign_id: int):
    campaign = campaign_by_id(get_db(), campaign_id)
    if campaign is None:
        abort(404)
    current = budget.settings_for(get_db(), campaign.id)
    form = PostingForm(data={"enabled": current.enabled, "budget_letters": current.budget_letters,
                             "daily_letters": current.daily_letters or None,
                             "post_class": current.post_class})
    if form.validate_on_submit():
        budget.save_settings(get_db(), campaign.id, budget.PostingSettings(
            enabled=form.enabled.data, budget_letters=form.budget_letters.data,
            daily_letters=form.daily_letters.data or 0, post_class=form.post_class.data),
            timestamp())
        flash("Posting settings saved.")
        return redirect(url_for("posting_staff.settings", campaign_id=campaign.id), 303)
    total, on_day = budget.counts(get_db(), campaign.id, today())
    return render_template("posting/settings.html", campaign=campaign, form=form,
                           total=total, on_day=on_day,
                           provider=current_app.config.get("POST_PROVIDER") or "",
                           test_mode=current_app.config.get("STANNP_TEST_MODE")), \
        422 if form.errors else 200


def _campaign_or_404(slug: str):
    campaign = campaign_by_slug(get_db(), slug)
    if campaign is None:
        abort(404)
    return campaign


@bp.get("/staff/counts/<slug>/posted")
@role_required("staff", "organiser")
def posted(slug: str):
    campaign = _campaign_or_404(slug)
    rows = records.posted_rows(get_db(), campaign.id)
    letters, spend = records.totals(rows)
    return render_template("posting/posted.html", campaign=campaign, rows=rows,
                           letters=letters, spend=spend, statuses=records.STATUS_COLUMNS,
                           settings=budget.settings_for(get_db(), campaign.id))


@bp.get("/staff/counts/<slug>/posted.csv")
@role_required("staff", "organiser")
def posted_csv(slug: str):
    campaign = _campaign_or_404(slug)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["day", "constituency_code", "constituency", *records.STATUS_COLUMNS,
                     "letters", "cost"])
    for row in records.posted_rows(get_db(), campaign.id):
        writer.writerow([row.day, row.constituency_code, row.constituency_name,
                         *(row.by_status.get(s, 0) for s in records.STATUS_COLUMNS),
                         row.total, f"{row.cost:.2f}"])
    return Response(out.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=posted-{campaign.slug}.csv"})
