"""Turning a citizen's request into a Letter: the one place the site composes letters."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import sqlite_utils
from flask_babel import gettext

from campaign.campaigns import Campaign
from campaign.languages import current_language
from campaign.lookup.finder import FoundMP
from campaign.public.seat_names import mp_for_wording
from campaign.public.signed_requests import LetterRequest
from campaign.public.writer_sentences import nothing_for_mp
from campaign.stances.records import stance_of
from letters import Ask, Letter, NothingForMP, Sender, compose_letter
from letters.compose import placeholder_values, suggested_for
from letters.nations import Nation
from letters.stances import Stance


class NoAsksChosen(ValueError):
    """None of the ticked asks belongs to the campaign any more, or (with a sentence for
    the writer as its message) none is one their MP can act on where they live."""


def asks_in_letter(enabled: Sequence[Ask], request: LetterRequest) -> list[Ask]:
    """The asks that go in the letter: those ticked that citizens can still tick."""
    chosen = set(request.ask_ids)
    return [ask for ask in enabled if ask.id in chosen]


def compose_for(campaign: Campaign, enabled: Sequence[Ask], request: LetterRequest,
                found: FoundMP, day: date, reference_url: str = "", stance: str = "",
                language: str | None = None) -> Letter:
    """The letter `request` describes, to the MP the preview `found`, dated `day`.

    Everything in it follows `found` (the postcode on the letter): the constituency,
    the MP, their post, and `stance`, the MP's on the campaign (stance_for).

    The preview composes it once the MP is found; the download composes what the
    signed preview decided, with no lookup.
    Raises NoAsksChosen when none of the ticked asks can be ticked any more. With
    `reference_url`, the PDF ends with the writer's own page (not for the MP) with their reference.
    The letter's fixed words are in `language`, by default the page's (campaign.languages):
    a writer on the Welsh site gets "Annwyl ...", "Yn gywir" and a Welsh date.
    """
    asks = asks_in_letter(enabled, request)
    if not asks:
        raise NoAsksChosen()
    sender = sender_for(request, found)
    try:
        # The writer's nation decides which asks the MP letter carries, and how.
        letter = compose_letter(wording=campaign.wording, asks=asks,
                                mp=mp_for_wording(found, campaign.language),
                                sender=sender, personal_note=request.personal_note,
                                today=day, seed=request.seed, edits=request.edits,
                                nation=found.constituency.nation, stance=stance,
                                language=language or current_language(),
                                wording_language=campaign.language)
    except NothingForMP as error:
        raise NoAsksChosen(nothing_for_mp(error)) from None
    if reference_url and request.reference:
        letter = replace(letter, keepsake=(
            gettext("Your reference: %(reference)s", reference=request.reference),
            gettext("When you have posted this letter, and when your MP replies, tell the "
                    "campaign at %(address)s (it never learns who you are).",
                    address=reference_url),
        ))
    return letter


def sender_for(request: LetterRequest, found: FoundMP) -> Sender:
    """The writer as their letters name them, at the postcode the MP was found for."""
    return Sender(
        full_name=request.full_name,
        address_lines=tuple(line for line in (request.address_line1, request.address_line2,
                                              request.town) if line),
        postcode=str(found.postcode),
        contact_lines=(request.contact,) if request.contact else (),
    )


def suggested_wording(campaign: Campaign, asks: Sequence[Ask], found: FoundMP, seed: int,
                      today: date, nation: Nation | None = None,
                      stance: str = "") -> dict[str, str]:
    """The paragraphs a letter to the MP `found` would use unedited, keyed as in
    letters.phrasings (in `nation`, the writer's, without the asks its MP letter leaves
    out; with the opening and closing the MP's post and `stance` call for)."""
    mp = mp_for_wording(found, campaign.language)
    values = placeholder_values(mp, "", today, campaign.language)
    return suggested_for(campaign.wording, asks, mp, seed, values,
                         nation, stance=stance, language=campaign.language)


def stance_for(db: sqlite_utils.Database, campaign: Campaign, found: FoundMP | None) -> str:
    """The stance on `campaign` of the MP `found` for the letter's postcode ("" for none)."""
    if found is None:
        return ""
    stance = stance_of(db, campaign.id, found.mp.member_id)
    return "" if stance == Stance.NOT_KNOWN else str(stance)
