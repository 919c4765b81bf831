"""The one place the posting feature reaches into the citizen's journey
(campaign.public.letter_flow): `verified(campaign)` gives the signed preview verified
(its `.context` is the letter's state, `.value` the signed letter the page carries on),
`chosen_letter` the letter to the MP with its asks, and `count_letter` counts it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint

from campaign.campaigns import Campaign
from campaign.lookup.finder import FoundMP
from campaign.public import letter_flow
from campaign.public.letter_pages import answer
from campaign.public.signed_requests import LetterRequest
from letters import Ask, Letter


@dataclass(frozen=True)
class VerifiedPost:
    """What posting needs of the verified preview: the writer's request (details,
    reference, token), the MP found for it, the composed letter, the asks it was made from,
    and the signed letter itself (the page's download buttons carry it on)."""

    letter_request: LetterRequest
    found: FoundMP
    letter: Letter
    asks: list[Ask]
    signed_value: str
    #: What the journey counts a letter with (its LetterContext).
    journey_state: Any = field(repr=False, default=None)


def verified_letter(campaign: Campaign) -> VerifiedPost:
    """The preview the request carries, checked as a download checks it; raises the
    journey's own exceptions (pages) for an expired or altered one, or for a preview
    that sends no letter to the MP (only second letters)."""
    verified = letter_flow.verified(campaign)
    # No `target` field: the letter to the MP, as a download without one gives it.
    letter, asks, _ = letter_flow.chosen_letter(verified)
    context = verified.context
    assert context.request is not None
    return VerifiedPost(letter_request=context.request, found=context.found, letter=letter,
                        asks=asks, signed_value=verified.value, journey_state=context)


def count_posted(verified: VerifiedPost) -> None:
    """Count the letter as written, in the format "post" (once per letter, as downloads are)."""
    letter_flow.count_letter(verified.journey_state, verified.asks, "post")


def not_taking_letters(campaign: Campaign):
    """The journey's page for a closed campaign or a dissolved Parliament, or None."""
    refused = letter_flow.not_taking_letters(campaign)
    return answer(refused) if refused is not None else None


def share_journey_pages(bp: Blueprint) -> None:
    """Answer a preview that cannot be used with the journey's own pages (start again,
    or the letter given back), as the download does."""
    bp.register_error_handler(letter_flow.StartAgain, letter_flow.start_again_page)
    bp.register_error_handler(letter_flow.LetterBack, letter_flow.letter_back_page)
