"""Turning a citizen's request into a Letter: the one place the site composes letters."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import sqlite_utils

from campaign.campaigns import Campaign
from campaign.lookup.finder import FoundMP, MPFinder
from campaign.signed_letters import LetterRequest
from letters import Ask, Letter, Sender, compose_letter


class NoAsksChosen(ValueError):
    """None of the ticked asks belongs to the campaign any more."""


def build_letter(db: sqlite_utils.Database, finder: MPFinder, campaign: Campaign,
                 enabled: Sequence[Ask], request: LetterRequest,
                 today: date, reference_url: str = "") -> tuple[Letter, FoundMP]:
    """Compose the letter `request` describes, to the MP for its postcode.

    `enabled` is the campaign's asks as citizens can tick them now (the caller has
    usually loaded them for the page already). The MP is found again from the
    postcode on the letter, so the letter always goes to the writer's own MP even if
    they changed the postcode. Raises LookupFailure or NoAsksChosen. With
    `reference_url`, the PDF carries the writer's tear-off note with their reference.
    """
    found = finder.find(db, request.postcode)
    chosen = set(request.ask_ids)
    asks = [ask for ask in enabled if ask.id in chosen]
    if not asks:
        raise NoAsksChosen()
    sender = Sender(
        full_name=request.full_name,
        address_lines=tuple(line for line in (request.address_line1, request.address_line2,
                                              request.town) if line),
        postcode=str(found.postcode),
    )
    letter = compose_letter(wording=campaign.wording, asks=asks, mp=found.mp, sender=sender,
                            personal_note=request.personal_note, today=today)
    if reference_url and request.reference:
        letter = replace(letter, keepsake=(
            f"Your copy: cut along the line and keep this part. Your reference: "
            f"{request.reference}",
            f"When you have posted this letter, and when your MP replies, tell the campaign "
            f"at {reference_url} (it never learns who you are).",
        ))
    return letter, found
