"""A previewed letter at an address of its own, and the one seam that reads it back.

The preview and the page after the download are pages a writer reaches by a GET
(post/redirect/get), so Back, Forward, reload and the language link (the same
address under /cy/) work and show the same letter with the same reference. The
letter travels in the address as the signed field the preview always held
(signed_requests: signed and compressed, never stored). The site's own log
(request_log) keeps no query string, nginx and gunicorn keep no access log, and
the pages are sent `Cache-Control: no-store` (security_headers).

`verified_letter` is the seam for any code acting on a previewed letter (a download,
an email, the page after it, "Post it for me"): from the signed value a request
carries it gives the verified `LetterContext`, or raises.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app, request, url_for

from campaign.campaigns import Campaign
from campaign.db import get_db
from campaign.languages import current_language
from campaign.public.letter_state import LetterContext, from_signed
from campaign.public.signed_requests import LetterExpired, LetterTampered, SignedLetter, unsign

#: The longest address the site sends a writer to: gunicorn reads a request line of up
#: to 4,094 bytes (its limit_request_line; nginx's is 8 kB), "GET " and " HTTP/1.1"
#: included. A typical letter's address is about 700 characters (the signed letter is
#: compressed); one whose signed letter would be longer than this (a long letter with
#: many paragraphs rewritten) is shown in answer to its form, as before.
MAX_ADDRESS = 4000

#: The query parameter, form field and hidden input that carry the signed letter.
FIELD = "letter"


class NotThisCampaign(LetterTampered):
    """A genuine signed letter, but for another campaign than the address names."""


@dataclass(frozen=True)
class VerifiedLetter:
    """A signed letter read back and checked: its value (to pass on), what it signed,
    and its state for composing."""

    value: str
    signed: SignedLetter
    context: LetterContext


def signed_value() -> str:
    """The signed letter this request carries: in its address (a GET) or its form."""
    return request.args.get(FIELD) or request.form.get(FIELD, "")


def verified_letter(campaign: Campaign, value: str | None = None) -> VerifiedLetter:
    """The previewed letter `value` (by default the request's, signed_value) holds, its
    signature checked and its age within LETTER_FORM_MAX_AGE, as a LetterContext.

    Raises LetterExpired (its `letter` is what it held, when still readable) or
    LetterTampered (NotThisCampaign for another campaign's letter).
    """
    value = signed_value() if value is None else value
    signed = unsign(value, current_app.config["SECRET_KEY"],
                    current_app.config["LETTER_FORM_MAX_AGE"])
    if signed.request.campaign_id != campaign.id:
        raise NotThisCampaign()
    return VerifiedLetter(value, signed, from_signed(db=get_db(), campaign=campaign,
                                                     language=current_language(),
                                                     signed=signed))


def readable_letter(campaign: Campaign, value: str) -> tuple[SignedLetter | None, bool]:
    """(what `value` holds, whether it is too old to send) for giving a letter back to
    change; (None, False) when it is not ours or not this campaign's."""
    signed: SignedLetter | None
    try:
        signed = unsign(value, current_app.config["SECRET_KEY"],
                        current_app.config["LETTER_FORM_MAX_AGE"])
        expired = False
    except LetterExpired as old:
        signed, expired = old.letter, True
    except LetterTampered:
        return None, False
    if signed is None or signed.request.campaign_id != campaign.id:
        return None, False
    return signed, expired


def step_url(endpoint: str, campaign: Campaign, value: str, **args: str | None) -> str | None:
    """The address of the step `endpoint` for the signed letter `value`, or None when
    it would be too long to send (see MAX_ADDRESS)."""
    values: dict[str, Any] = {"slug": campaign.slug, FIELD: value, **args}
    url = url_for(endpoint, **values)
    return url if len(url) <= MAX_ADDRESS else None
