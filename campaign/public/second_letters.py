"""Second letters: to the office that decides what the writer's MP cannot.

A writer whose nation a campaign target is offered to (letters.targets) may tick
"Also write to ..." on the letter form; the preview then shows both letters, and each
has its own PDF, DOCX, envelope and email, counted once with its target. The chosen
targets travel in the signed preview (`LetterRequest.target_ids`), so a download
composes the very letter the writer read, with no lookup.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from campaign.public.composing import NoAsksChosen, sender_for
from campaign.public.composing import second_letter as compose_second
from campaign.public.emailing import EmailOffer, email_offer
from campaign.public.letter_state import LetterContext
from campaign.public.writer_sentences import no_target_asks
from letters import Ask, Letter
from letters.languages import ENGLISH
from letters.targets import NoTargetAsks, Target

#: The letter form's checkboxes: name="targets", one value per target id.
FIELD = "targets"


@dataclass(frozen=True)
class SecondLetter:
    """A letter to another target, with the ids of the asks it carries (for counting)."""

    target: Target
    letter: Letter
    ask_ids: tuple[int, ...]
    #: The asks it was composed from, in the language it is written in (for its record).
    asks: tuple[Ask, ...] = ()

    @property
    def email(self) -> EmailOffer | None:
        """How the preview offers to email it (None: the target takes post only)."""
        return email_offer(self.letter, self.target.email)


def chosen_target_ids(context: LetterContext, form: Mapping) -> tuple[int, ...]:
    """The offered targets the writer ticked on the form (anything else is ignored)."""
    ticked = set(form.getlist(FIELD)) if hasattr(form, "getlist") else set()
    return tuple(target.id for target in context.targets if str(target.id) in ticked)


def second_letters(context: LetterContext) -> list[SecondLetter]:
    """The letters to the targets the writer chose, in the campaign's order.

    They are written in English, as the offices they go to outside Wales work, unless the
    writer is on the pages of a campaign offered in another language (the campaign was
    read in it) and the target has its texts in that language written
    (Target.in_language): then in that language, asks and all.
    Raises NoAsksChosen with a sentence for the writer when a chosen target would
    have nothing to ask (none of the ticked asks is decided where it can act).
    """
    request, targets = context.request, context.chosen_targets
    if request is None or not targets:
        return []
    chosen = set(request.ask_ids)
    english = [ask for ask in context.english_asks if ask.id in chosen]
    language = context.campaign.language
    nation = context.nation
    letters = []
    for target in targets:
        translated = target.in_language(language) if language != ENGLISH else None
        asks = list(context.ticked) if translated is not None else english
        try:
            letter = compose_second(
                target=translated or target, asks=asks, nation=nation, mp=context.mp,
                sender=sender_for(request, context.found), personal_note=request.personal_note,
                day=context.day, seed=request.seed, edits=context.edits_left_out,
                mp_letter=not context.only_second_letters,
                language=language if translated is not None else ENGLISH)
        except NoTargetAsks as error:
            raise NoAsksChosen(no_target_asks(error)) from None
        carried = {ask.id for ask in asks if ask.rule_for(nation).devolved}
        # The target as the letter addressed it (translated, when written so).
        letters.append(SecondLetter(translated or target, letter, tuple(sorted(carried)),
                                    tuple(asks)))
    return letters


def second_letter(context: LetterContext, target_id: str) -> SecondLetter | None:
    """The one second letter a download or email asks for by its target's id, or None."""
    for second in second_letters(context):
        if str(second.target.id) == target_id:
            return second
    return None
