"""Turning a citizen's request into a Letter: the one place the site composes letters."""
from __future__ import annotations

from dataclasses import replace

from flask_babel import gettext

from campaign.lookup.finder import FoundMP
from campaign.public.letter_state import LetterContext
from campaign.public.signed_requests import LetterRequest
from campaign.public.writer_sentences import nothing_for_mp
from letters import Letter, NothingForMP, Sender, compose_letter


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
        letter = compose_letter(wording=context.campaign.wording, asks=asks, mp=context.wording_mp,
                                sender=sender_for(request, context.found),
                                personal_note=request.personal_note,
                                today=context.day, seed=request.seed, edits=request.edits,
                                nation=context.nation, stance=context.stance,
                                language=language or context.language,
                                wording_language=context.campaign.language)
    except NothingForMP as error:
        raise NoAsksChosen(nothing_for_mp(error)) from None
    if reference_url and request.reference:
        letter = replace(letter, keepsake=keepsake(request.reference, reference_url))
    return letter


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
