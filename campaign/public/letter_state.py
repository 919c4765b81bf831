"""One letter's state: everything a letter is made of, gathered once a request.

A letter's inputs used to be rebuilt in several places (the form, the preview, the
download, the page after it) from the URL, the signed field and the request, and where
they disagreed the letter was wrong. Now one function, `gather`, reads them once from
what the request brought (the lookup's answer, or the signed preview) and the
campaign's rules, into one frozen `LetterContext`; every composer, template and
renderer reads that value. Nothing here re-derives a piece of it elsewhere.

`verified_letter(...)` in campaign.public.letter_links is the seam for code that acts
on a previewed letter (it gives this value from a request, its signature checked).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from functools import cached_property

import sqlite_utils

from campaign.campaigns import Campaign, enabled_asks
from campaign.campaigns.targets import targets_offered
from campaign.lookup.finder import FoundMP
from campaign.lookup.postcode import Constituency, Postcode
from campaign.public.letter_edits import field_name, paragraph_texts, reset_name
from campaign.public.seat_names import mp_for_wording
from campaign.public.signed_requests import LetterRequest, SignedLetter
from campaign.stances.records import stance_of
from letters import MP, Ask
from letters.compose import placeholder_values, suggested_for
from letters.devolution import asks_for_mp
from letters.nations import Nation
from letters.phrasings import ask_key
from letters.stances import Stance
from letters.targets import Target, target_asks


class Fate(StrEnum):
    """What becomes of one ticked ask: in the letter to the MP, in a second letter, or
    left out of both (the form told the writer who decides it)."""

    MP_LETTER = "mp"
    SECOND_LETTER = "second"
    LEFT_OUT = "left out"


@dataclass(frozen=True)
class LetterContext:
    """A letter's inputs, read once a request by `gather` (never rebuilt piecemeal).

    `found` is the lookup's answer for the postcode on the letter (its constituency,
    nation, MP and their posts); `stance` the MP's on the campaign; `asks` the asks the
    form offers, in the campaign's language, and `english_asks` the same read in
    English (second letters go in English); `targets` the second letters offered where
    the writer lives; `request` the writer's details, ticks, words and chosen second
    letters (None on a form not yet sent).
    """

    campaign: Campaign
    language: str
    found: FoundMP
    stance: str
    asks: tuple[Ask, ...]
    english_asks: tuple[Ask, ...]
    targets: tuple[Target, ...]
    seed: int
    day: date
    request: LetterRequest | None = None
    #: The paragraphs the form suggested, when the caller already has them.
    known_suggestions: Mapping[str, str] | None = field(default=None, compare=False)

    @property
    def postcode(self) -> Postcode:
        return self.found.postcode

    @property
    def constituency(self) -> Constituency:
        return self.found.constituency

    @property
    def nation(self) -> Nation | None:
        return self.found.constituency.nation

    @property
    def mp(self) -> MP:
        return self.found.mp

    @cached_property
    def wording_mp(self) -> MP:
        """The MP as the letter's wording names them: their seat in the wording's
        language (seat_names.mp_for_wording: "Gogledd Caerdydd" in Welsh wording)."""
        return mp_for_wording(self.found, self.campaign.language)

    @property
    def ticked(self) -> tuple[Ask, ...]:
        """The asks ticked that the campaign still offers, in the campaign's order."""
        chosen = set(self.request.ask_ids) if self.request else set()
        return tuple(ask for ask in self.asks if ask.id in chosen)

    @property
    def to_mp(self) -> tuple[Ask, ...]:
        """The ticked asks the letter to the MP carries, phrased for the writer's nation."""
        return tuple(asks_for_mp(self.ticked, self.nation))

    @property
    def edits_left_out(self) -> dict[str, str]:
        """The writer's own paragraphs for ticked asks the MP's letter leaves out here
        (written on a form made for another nation): kept, and put in the second letter
        that carries the ask in place of its phrasing."""
        if self.request is None:
            return {}
        left_out = {ask_key(ask.id) for ask in self.ticked
                    if not ask.rule_for(self.nation).in_mp_letter}
        return {key: text for key, text in self.request.edits.items() if key in left_out}

    def form_paragraphs(self, submitted: Mapping[str, str] | None = None) -> dict[str, str]:
        """What the form's textareas show: the writer's text as `submitted`, their earlier
        edits (request.edits), or the suggestion; and the writer's own paragraph for an
        ask this nation's MP letter leaves out, so their words are never dropped."""
        edits = self.request.edits if self.request else {}
        shown = paragraph_texts(submitted, self.suggested, edits)
        for ask in self.asks:
            key = ask_key(ask.id)
            if key in shown:
                continue
            text = (submitted.get(field_name(key)) if submitted is not None else None) \
                or edits.get(key)
            if text and not (submitted is not None and submitted.get(reset_name(key))):
                shown[key] = text
        return shown

    @property
    def chosen_targets(self) -> tuple[Target, ...]:
        """The second letters the writer chose, among those offered where they live."""
        chosen = set(self.request.target_ids) if self.request else set()
        return tuple(target for target in self.targets if target.id in chosen)

    def fate(self, ask: Ask) -> Fate:
        """What becomes of the ticked `ask` (see Fate)."""
        if ask.rule_for(self.nation).in_mp_letter:
            return Fate.MP_LETTER
        if any(target_asks(target, [ask], self.nation) for target in self.chosen_targets):
            return Fate.SECOND_LETTER
        return Fate.LEFT_OUT

    @property
    def mp_letter(self) -> bool:
        """Whether a letter goes to the MP: something ticked is theirs to act on, or
        (nothing ticked yet) the form is still to be filled in."""
        return bool(self.to_mp) or not self.only_second_letters

    @property
    def only_second_letters(self) -> bool:
        """Everything ticked is decided elsewhere and goes in a chosen second letter:
        the writer writes only to that office, and no letter goes to the MP."""
        ticked = self.ticked
        return (bool(ticked) and not self.to_mp and bool(self.chosen_targets)
                and all(self.fate(ask) is Fate.SECOND_LETTER for ask in ticked))

    @cached_property
    def suggested(self) -> dict[str, str]:
        """The paragraphs the letter form suggests (keyed as in letters.phrasings): in
        the writer's nation, for the MP's post and stance, in the wording's language.
        Worked out at most once a request, and only when a page needs it."""
        if self.known_suggestions is not None:
            return dict(self.known_suggestions)
        mp, language = self.wording_mp, self.campaign.language
        return suggested_for(self.campaign.wording, self.asks, mp, self.seed,
                             placeholder_values(mp, "", self.day, language), self.nation,
                             stance=self.stance, language=language)

    def with_request(self, request: LetterRequest) -> LetterContext:
        """The same letter with the writer's request (its suggestions kept)."""
        known = self.__dict__.get("suggested", self.known_suggestions)
        return replace(self, request=request, known_suggestions=known)


def gather(*, db: sqlite_utils.Database, campaign: Campaign, language: str, found: FoundMP,
           seed: int, day: date, request: LetterRequest | None = None,
           stance: str | None = None, asks: tuple[Ask, ...] | None = None) -> LetterContext:
    """The one place a letter's state is read: from the lookup's answer `found` (or a
    signed preview's), the campaign's rules and the writer's `request`.

    `stance` is the signed preview's when it carries one (a preview keeps the stance
    it was made with); otherwise the MP's stance is read here. `asks` are the
    campaign's enabled asks when the caller has already read them.
    """
    if stance is None:
        marked = stance_of(db, campaign.id, found.mp.member_id)
        stance = "" if marked == Stance.NOT_KNOWN else str(marked)
    if asks is None:
        asks = tuple(enabled_asks(db, campaign.id, campaign.language))
    targets = tuple(targets_offered(db, campaign.id, found.constituency.nation))
    # Second letters go in English (the offices work in English): their asks are read
    # in English, and only when there is one to write.
    english = asks if campaign.language == "en" or not targets else tuple(
        enabled_asks(db, campaign.id))
    return LetterContext(campaign=campaign, language=language, found=found, stance=stance,
                         asks=tuple(asks), english_asks=tuple(english), targets=targets,
                         seed=seed, day=day, request=request)


def from_signed(*, db: sqlite_utils.Database, campaign: Campaign, language: str,
                signed: SignedLetter) -> LetterContext:
    """The state of a signed preview: what it decided (day, MP, stance) as it was."""
    return gather(db=db, campaign=campaign, language=language, found=signed.found,
                  seed=signed.request.seed, day=signed.day, request=signed.request,
                  stance=signed.stance)
