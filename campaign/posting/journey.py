"""The one place the posting feature reaches into the citizen's journey (the lead
re-points it when the journey changes): the verified signed letter and the Letter
composed from it, with the journey's own pages for a preview that cannot be used."""
from __future__ import annotations

from flask import Blueprint

from campaign.campaigns import Campaign
from campaign.public import views as journey_views


def verified_letter(campaign: Campaign):
    """(SignedLetter, Letter, ask ids) of the preview the request carries, checked as a
    download checks it; raises the journey's own exceptions for an expired or altered one."""
    return journey_views._signed_letter(campaign)


def count_posted(signed, ask_ids: list[int]) -> None:
    """Count the letter as written, in the format "post" (once per letter, as downloads are)."""
    journey_views._count_letter(signed, ask_ids, "post")


def not_taking_letters(campaign: Campaign):
    """The journey's page for a closed campaign or a dissolved Parliament, or None."""
    return journey_views._not_taking_letters(campaign)


def signed_field_name() -> str:
    """The form field that carries the signed preview."""
    return "letter"


def share_journey_pages(bp: Blueprint) -> None:
    """Answer a preview that cannot be used with the journey's own pages (start again,
    or the letter given back), as the download does."""
    bp.register_error_handler(journey_views._StartAgain, journey_views._start_again_page)
    bp.register_error_handler(journey_views._LetterBack, journey_views._letter_back_page)
