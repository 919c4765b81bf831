"""The writer's "Post it for me" and the service's status calls.

POST /c/<slug>/post        the signed preview -> posted (or why not), the download kept
POST /webhooks/stannp      Stannp's signed status calls (no CSRF: signed instead)
"""
from __future__ import annotations

import hashlib

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import gettext

from campaign.campaigns import campaign_by_slug
from campaign.clock import now
from campaign.db import get_db
from campaign.languages import current_language
from campaign.limits import limiter
from campaign.posting import budget, journey, offer
from campaign.posting.providers import provider_for
from campaign.posting.service import post_letter
from campaign.posting.stannp import signed_by_stannp, status_updates

bp = Blueprint("posting", __name__)
journey.share_journey_pages(bp)
#: Posting spends the organisation's money: a script from one address gets few tries
#: (the budget's daily cap and one letter per writer hold beyond that).
POST_LIMIT = "5 per minute; 20 per day"


def _refused_sentence(why: str) -> str:
    return {
        "writer": gettext("We have already posted a letter from you for this campaign, so we "
                          "can't post another. You can still download this one and post it "
                          "yourself."),
        "today": gettext("We've posted as many letters today as the campaign can pay for. "
                         "Please try again tomorrow, or download your letter and post it "
                         "yourself."),
        "address": gettext("We can't post a letter to this address for you. Please download "
                           "it and post it yourself."),
    }.get(why, gettext("The campaign can't pay to post any more letters just now. Please "
                       "download your letter and post it yourself."))


@bp.post("/c/<slug>/post")
@limiter.limit(POST_LIMIT)
def post_it(slug: str):
    """Post the previewed letter once; every answer keeps the download to hand."""
    campaign = campaign_by_slug(get_db(), slug, current_language())
    if campaign is None or campaign.is_draft:
        abort(404)
    refused = journey.not_taking_letters(campaign)
    if refused:
        return refused
    verified = journey.verified_letter(campaign)
    settings = budget.settings_for(get_db(), campaign.id)
    outcome = post_letter(db=get_db(), provider=provider_for(current_app.config),
                          campaign=campaign, letter_request=verified.letter_request,
                          found=verified.found, letter=verified.letter,
                          post_class=settings.post_class,
                          secret_key=current_app.config["SECRET_KEY"], now=now())
    if outcome.kind == "posted":
        journey.count_posted(verified)
    statuses = {"posted": 200, "pending": 202, "refused": 409, "failed": 503}
    return render_template(
        "public/posted.html", campaign=campaign, letter=verified.letter, outcome=outcome,
        signed=verified.signed_value, reference=verified.letter_request.reference,
        days=offer.arrival_days(settings.post_class),
        refused=_refused_sentence(outcome.why) if outcome.kind == "refused" else "",
    ), statuses[outcome.kind]


@bp.post("/webhooks/stannp")
@limiter.exempt
def stannp_webhook():
    """A status call: refused unless signed with STANNP_WEBHOOK_SECRET (401), a repeat of
    one already taken (409) or not a webhook's body (400)."""
    body = request.get_data(cache=False)
    if not signed_by_stannp(body, request.headers,
                            current_app.config.get("STANNP_WEBHOOK_SECRET", "")):
        return {"success": False, "error": "bad signature"}, 401
    try:
        updates = status_updates(body)
    except ValueError:
        return {"success": False, "error": "not a webhook"}, 400
    if not budget.first_time(get_db(), hashlib.sha256(body).hexdigest(), now()):
        return {"success": False, "error": "already received"}, 409
    changed = sum(budget.update_status(get_db(), provider="stannp", provider_id=letter_id,
                                       status=status, now=now())
                  for letter_id, status in updates)
    return {"success": True, "updated": changed}
