"""Where the site composes letters: every letter it makes goes through `mp_letter` or
`second_letter` here.

A citizen's letter to their MP (`compose_for`, from the letter's state), their second
letters (campaign.public.second_letters) and the letters staff preview before a
campaign goes live (campaign.staff.preview, campaign.staff.target_views) all call
the same two functions with the same mapping of campaign, asks, MP, writer and day
onto the letters library, so what staff preview is what a writer gets.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from flask_babel import gettext

from campaign.campaigns import Campaign
from campaign.lookup.finder import FoundMP
from campaign.public.letter_state import LetterContext
from campaign.public.signed_requests import LetterRequest
from campaign.public.writer_sentences import nothing_for_mp
from letters import MP, Ask, Letter, NothingForMP, Sender, compose_letter
from letters.languages import ENGLISH
from letters.nations import Nation
from letters.targets import Target, compose_target_letter


class NoAsksChosen(ValueError):
    """None of the ticked asks belongs to the campaign any more, or (with a sentence for
    the writer as its message) none is one their MP can act on where they live."""


def compose_for(context: LetterContext, *, reference_url: str = "",
                language: str | None = None) -> Letter:
    """The letter to the MP the state `context` describes (its request filled in).

    Everything in it follows `context.found` (the postcode on the letter): the
    constituency, the MP, their post, and the MP's stance on the campaign.
    The preview composes it once the MP is found; the download composes what the
    signed preview decided, with no lookup.
    Raises NoAsksChosen when none of the ticked asks can be ticked any more. With
    `reference_url`, the PDF ends with the writer's own page (not for the MP) with their reference.
    The letter's fixed words are in `language`, by default the page's (context.language):
    a writer on the Welsh site gets "Annwyl ...", "Yn gywir" and a Welsh date.
    """
    request = context.request
    asks = context.ticked
    if request is None or not asks:
        raise NoAsksChosen()
    try:
        # The writer's nation decides which asks the MP letter carries, and how.
        letter = mp_letter(campaign=context.campaign, asks=asks, mp=context.wording_mp,
                           sender=sender_for(request, context.found),
                           personal_note=request.personal_note, day=context.day,
                           seed=request.seed, edits=request.edits, nation=context.nation,
                           stance=context.stance, language=language or context.language)
    except NothingForMP as error:
        raise NoAsksChosen(nothing_for_mp(error)) from None
    if reference_url and request.reference:
        letter = replace(letter, keepsake=keepsake(request.reference, reference_url))
    return letter


def mp_letter(*, campaign: Campaign, asks: Sequence[Ask], mp: MP, sender: Sender, day: date,
              seed: int, nation: Nation | None, stance: str, language: str,
              personal_note: str = "", edits: Mapping[str, str] | None = None) -> Letter:
    """The campaign's letter to `mp` from `sender` (letters.compose_letter): its fixed
    words in `language`, its paragraphs from the campaign's wording (in the campaign's
    language) for the asks `nation`'s MP can act on, as `mp`'s post and `stance` make
    them, in the phrasings `seed` draws unless `edits` holds the writer's own.

    Raises letters.NothingForMP when no ask is left for an MP in `nation`, and
    letters.limits.LetterTooLong when the body passes the letter's caps.
    """
    return compose_letter(wording=campaign.wording, asks=asks, mp=mp, sender=sender,
                          personal_note=personal_note, today=day, seed=seed, edits=edits,
                          nation=nation, stance=stance, language=language,
                          wording_language=campaign.language)


def second_letter(*, target: Target, asks: Sequence[Ask], nation: Nation | None, mp: MP,
                  sender: Sender, day: date, seed: int, language: str = ENGLISH,
                  personal_note: str = "", edits: Mapping[str, str] | None = None,
                  mp_letter: bool = True) -> Letter:
    """The letter to `target` (letters.targets.compose_target_letter) from `sender` in
    `nation`, whose MP is `mp`: the asks decided where the target acts, its fixed words
    in `language`. `mp_letter` False: no letter goes to the MP as well.

    Raises letters.targets.NoTargetAsks when none of `asks` is the target's to decide,
    and letters.limits.LetterTooLong as mp_letter does.
    """
    return compose_target_letter(target=target, asks=asks, nation=nation, mp=mp,
                                 sender=sender, personal_note=personal_note, today=day,
                                 seed=seed, edits=edits, mp_letter=mp_letter,
                                 language=language)


def keepsake(reference: str, reference_url: str) -> tuple[str, ...]:
    """The writer's own page at the end of a PDF: their reference and where to report."""
    return (
        gettext("Your reference: %(reference)s", reference=reference),
        gettext("When you have posted this letter, and when your MP replies, tell the "
                "campaign at %(address)s (it never learns who you are).",
                address=reference_url),
    )


def sender_for(request: LetterRequest, found: FoundMP) -> Sender:
    """The writer as their letters name them, at the postcode the MP was found for."""
    return Sender(
        full_name=request.full_name,
        address_lines=tuple(line for line in (request.address_line1, request.address_line2,
                                              request.town) if line),
        postcode=str(found.postcode),
        contact_lines=(request.contact,) if request.contact else (),
    )
