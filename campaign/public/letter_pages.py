"""What a step of the citizen's journey answers, and the pages several steps share.

A step (campaign.public.letter_flow, or a view) decides what to answer and hands back
a value: a `Page` (a template and its values, with a status), a `Redirect`, or a
ready response (a file). The view turns it into the response with `answer`, so a
step's decision can be read, and tested, apart from Flask's response machinery.

The pages here are those more than one step ends on: the campaign page with its
postcode form, the letter form, a closed campaign's thanks, a situation with no MP
to write to, and "start again".
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import abort, current_app, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from campaign.campaigns import Campaign, campaign_by_slug
from campaign.db import get_db
from campaign.languages import current_language
from campaign.lookup import parliament
from campaign.lookup.errors import LookupFailure, UpstreamUnavailable
from campaign.public.counter import get_counter
from campaign.public.forms import LetterForm, PostcodeForm
from campaign.public.letter_edits import MAX_EDIT_LENGTH
from campaign.public.letter_state import LetterContext
from campaign.public.public_counts import count_for_thanks
from campaign.public.sharing import share_links
from letters import Ask
from letters.phrasings import new_seed


@dataclass(frozen=True)
class Page:
    """A page to answer with: `template` rendered with `values`, sent with `status`."""

    template: str
    values: Mapping[str, Any] = field(default_factory=dict)
    status: int = 200

    def response(self) -> tuple[str, int]:
        """The rendered page and its status, as a view returns them."""
        return render_template(self.template, **self.values), self.status


@dataclass(frozen=True)
class Redirect:
    """On to `location` (303: the browser follows with a GET, post/redirect/get)."""

    location: str
    code: int = 303

    def response(self) -> Response:
        """The redirect, as a view returns it."""
        return redirect(self.location, code=self.code)


#: What a step answers: a page, a redirect, or a response already made (a file).
Result = Page | Redirect | Response


def answer(result: Result) -> Any:
    """The view's return value for `result`."""
    if isinstance(result, Page | Redirect):
        return result.response()
    return result


def finder():
    """The app's MP finder (campaign.lookup.finder)."""
    return current_app.extensions["mp_finder"]


def campaign_or_404(slug: str) -> Campaign:
    """The live (or closed) campaign at `slug`, in the page's language; 404 for a draft."""
    campaign = campaign_by_slug(get_db(), slug, current_language())
    if campaign is None or campaign.is_draft:
        abort(404)
    return campaign


def campaign_share_links(campaign: Campaign):
    """The "tell a friend" links to the campaign's page."""
    return share_links(campaign.title,
                       url_for("public.campaign_page", slug=campaign.slug, _external=True))


def closed(campaign: Campaign, status: int = 410, others: bool = True) -> Page:
    """A closed campaign's thanks (410 where a letter was asked for)."""
    letters = get_counter().count(get_db(), campaign.id)
    return Page("public/closed.html", dict(
        campaign=campaign, others=others,
        thank_you=campaign.thank_you_message(letters.floor,
                                             count_text=count_for_thanks(letters))), status)


def campaign_page(campaign: Campaign, form: PostcodeForm, asks: list[Ask], status: int = 200,
                  help_link: tuple[str, str] | None = None,
                  unavailable: str | None = None) -> Page:
    """The campaign's page: what it asks, the letters so far and the postcode form."""
    return Page("public/campaign.html", dict(
        campaign=campaign, form=form, asks=asks,
        letters=get_counter().count(get_db(), campaign.id),
        dissolved=parliament.state(get_db()).dissolved,
        help_link=help_link, unavailable=unavailable, seed=new_seed()), status)


def explain(campaign: Campaign, failure: LookupFailure) -> Page:
    """A page of its own for a situation with no MP to write to (vacancy, dissolution, ...)."""
    return Page("public/explain.html", dict(
        campaign=campaign, heading=failure.heading, message=failure.message,
        help_link=failure.help_link), failure.status)


def start_again(campaign: Campaign, message: str, status: int) -> Page:
    """The letter cannot be used: `message` says why, the page offers the form again."""
    return Page("public/start_again.html", dict(campaign=campaign, message=message), status)


def found_or_none(postcode: str):
    """The MP for `postcode`, for the "Your MP is" card over a form being corrected.

    Usually answered from the register and the postcode cache. None when it can't be
    found just now: the form then says why when it is sent.
    """
    return found_or_failure(postcode)[0]


def found_or_failure(postcode: str):
    """The MP for `postcode`, or why there is none: (found, None) or (None, failure);
    (None, None) when the service that finds MPs can't be reached just now (our
    problem, said when the form is sent again, not the postcode's)."""
    try:
        return finder().find(get_db(), postcode), None
    except UpstreamUnavailable:
        return None, None
    except LookupFailure as failure:
        return None, failure


def letter_form(offered: list[Ask], formdata=None, **defaults) -> LetterForm:
    """The letter form offering `offered` (defaults may include the asks already ticked)."""
    form = LetterForm(formdata=formdata, **defaults)
    form.asks.choices = [SelectChoice(ask.id, ask.title) for ask in offered]
    return form


def write_page(context: LetterContext | None, form: LetterForm, paragraphs: Mapping[str, str],
               paragraph_errors: Mapping[str, str] | None = None, status: int = 200,
               unavailable: str | None = None, help_link: tuple[str, str] | None = None,
               edited: set[str] | None = None, restore: bool = False, notice: str = "",
               targets_ticked: list[str] | None = None, campaign: Campaign | None = None,
               asks: list[Ask] | None = None) -> Page:
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
    return Page("public/write.html", dict(
        campaign=campaign, found=context.found if context else None, form=form,
        asks=context.asks if context else asks, paragraphs=paragraphs,
        edit_limit=MAX_EDIT_LENGTH, paragraph_errors=paragraph_errors or {},
        edited=edited or set(), restore=restore, notice=notice, unavailable=unavailable,
        help_link=help_link, targets=context.targets if context else (),
        targets_ticked=targets_ticked), status)
