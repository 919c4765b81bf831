"""Compose a Letter from a campaign's wording, the chosen asks, the MP and the sender."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from letters import addressing
from letters.dates import letter_date, uk_date
from letters.devolution import asks_for_mp
from letters.languages import ENGLISH, words_for
from letters.limits import check_body
from letters.model import MP, Ask, Letter, Sender, Wording
from letters.nations import Nation
from letters.phrasings import CLOSING, OPENING, ask_key, choose, suggested_paragraphs
from letters.stances import Stance
from letters.wording import render_wording


def placeholder_values(mp: MP, writer_name: str, today: date,
                       language: str = ENGLISH) -> dict[str, str]:
    """What each wording placeholder stands for in a letter to `mp`, in wording written
    in `language` (a Welsh wording says "Syr Mel Stride").

    Without a writer's name (a form not yet filled in) `{{ writer_name }}` stays as typed.
    """
    values = {
        "mp_name": plain_name(mp, language),
        "mp_full_title": addressing.full_title(mp, words_for(language)),
        # "Mr Speaker", as after "Dear"
        "mp_address_as": addressing.address_as(mp, language),
        "constituency": mp.constituency,
        "date": uk_date(today),
    }
    if writer_name:
        values["writer_name"] = writer_name
    return values


class NothingForMP(ValueError):
    """Every ask chosen is decided by a devolved body and left out of the MP letter.

    The message is a sentence for the writer; `nation` and `bodies` (who decides
    what was ticked there) let the site say it in the page's language."""

    def __init__(self, message: str, *, nation: Nation | None = None,
                 bodies: tuple[str, ...] = ()):
        super().__init__(message)
        self.nation, self.bodies = nation, bodies


def wording_for(wording: Wording, mp: MP, stance: str = "") -> Wording:
    """The campaign's wording as it applies to `mp`: a supporter's constituents get the
    "thank you, and go further" opening, a minister or shadow minister the closing
    staff wrote for their post, where staff wrote one."""
    opening, closing = wording.opening, wording.closing
    if stance == Stance.SUPPORTS and wording.supporter_opening.strip():
        opening = wording.supporter_opening
    if mp.is_minister and wording.minister_closing.strip():
        closing = wording.minister_closing
    elif mp.is_shadow_minister and wording.shadow_closing.strip():
        closing = wording.shadow_closing
    return replace(wording, opening=opening, closing=closing)


def suggested_for(wording: Wording, asks: Sequence[Ask], mp: MP, seed: int,
                  values: Mapping[str, str], nation: Nation | None = None,
                  role_closings: bool = True, *, stance: str = "",
                  language: str = ENGLISH) -> dict[str, str]:
    """The paragraphs a letter to `mp` suggests (letters.phrasings), keyed by paragraph.

    The opening and closing follow the MP's post and `stance` (wording_for). For the
    Speaker the opening, and for the Speaker and MPs who do not take their seats the
    closing, are the ones their role calls for (addressing.role_opening,
    addressing.role_closing), not the campaign's. In `nation`, asks decided by a
    devolved body are left out or take the nation's own phrasing (letters.devolution).
    `role_closings` False (a letter to another target, which the MP's role does not
    concern) keeps the wording's opening and closing. `language` is the wording's (the
    role's paragraphs are written in it).
    """
    suggested = suggested_paragraphs(wording_for(wording, mp, stance), asks_for_mp(asks, nation),
                                     seed, values)
    role_opening = addressing.role_opening(mp, language) if role_closings else ""
    if role_opening:
        suggested[OPENING] = role_opening
    role_closing = addressing.role_closing(mp, language) if role_closings else ""
    if role_closing:
        suggested[CLOSING] = role_closing
    return suggested


def compose_letter(
    *,
    wording: Wording,
    asks: Sequence[Ask],
    mp: MP,
    sender: Sender,
    personal_note: str = "",
    today: date,
    seed: int = 0,
    edits: Mapping[str, str] | None = None,
    nation: Nation | None = None,
    role_closings: bool = True,
    stance: str = "",
    language: str = ENGLISH,
    wording_language: str | None = None,
) -> Letter:
    """Build the letter, paragraph by paragraph, in the order a caseworker expects.

    The opening says the writer is a constituent; each ask adds its paragraph; the
    writer's own words follow; the closing asks for a reply (in the words the MP's
    role calls for, see suggested_for; `stance` is the MP's on the campaign). Each of the opening,
    the asks and the closing is the phrasing `seed` draws (letters.phrasings)
    unless `edits` holds the writer's own version under the same key. Raises
    letters.limits.LetterTooLong if the body passes the letter's caps.

    `nation` is the writer's (from their constituency): asks a devolved body decides
    there are left out or phrased for it (letters.devolution), so the MP is never
    asked for what only Holyrood, the Senedd or Stormont can do. Raises NothingForMP
    when no ask is left.
    `language` ("en" or "cy", letters.languages) is that of the letter's fixed words:
    the salutation, the date, the address block, the sign-off and the file's title.
    The campaign's wording and the writer's own words are printed as they come;
    `wording_language` is the wording's (by default `language`), in which the paragraphs
    an MP's role calls for are written.
    """
    values = placeholder_values(mp, sender.full_name, today, wording_language or language)
    carried = asks_for_mp(asks, nation)
    if asks and not carried:
        raise NothingForMP(_nothing_for_mp(asks, nation), nation=nation,
                           bodies=deciding_bodies(asks, nation))
    suggested = suggested_for(wording, carried, mp, seed, values, role_closings=role_closings,
                              stance=stance, language=wording_language or language)
    paragraphs = _paragraphs(suggested, carried, edits or {}, personal_note, values)
    check_body(paragraphs)
    subject = render_wording(choose(wording.subject, seed, "subject"), values)
    return _letter(mp=mp, sender=sender, today=today, language=language, subject=subject,
                   paragraphs=paragraphs)


def _paragraphs(suggested: Mapping[str, str], asks: Sequence[Ask], edits: Mapping[str, str],
                personal_note: str, values: Mapping[str, str]) -> list[str]:
    """The letter's body: opening, a paragraph for each ask, the writer's note, closing;
    each the writer's own where `edits` has it, else the suggestion."""

    def paragraph(key: str) -> list[str]:
        edited = edits.get(key, "").strip()
        if not edited:
            return [suggested[key]]
        # The writer's text is filled in like staff wording (one inert, linear pass);
        # a blank line in it starts a new paragraph, as in their note.
        return _split(render_wording(edited, values))

    paragraphs = paragraph(OPENING)
    for ask in asks:
        paragraphs += paragraph(ask_key(ask.id))
    paragraphs += _split(personal_note)
    paragraphs += paragraph(CLOSING)
    return [p for p in paragraphs if p]


def _letter(*, mp: MP, sender: Sender, today: date, language: str, subject: str,
            paragraphs: list[str]) -> Letter:
    """The Letter to `mp` from `sender`: its fixed words (date, address block,
    salutation, sign-off, title) in `language` around `subject` and `paragraphs`."""
    words = words_for(language)
    recipient_lines = addressing.recipient_lines(mp, language)
    return Letter(
        sender_name=sender.full_name,
        sender_address=sender.address_block,
        sender_contact=sender.contact_lines,
        date=today,
        date_text=letter_date(today, language),
        recipient_lines=recipient_lines,
        salutation=addressing.salutation(mp, language),
        subject=subject,
        paragraphs=tuple(paragraphs),
        valediction=words.valediction,
        signature_name=sender.full_name,
        mp_name=plain_name(mp, language),
        title=words.letter_to.format(mp=plain_name(mp, language)),
        language=language,
        english_lines=(mp.post,) if language != ENGLISH and mp.post in recipient_lines else (),
    )


def deciding_bodies(asks: Sequence[Ask], nation: Nation | None) -> tuple[str, ...]:
    """Who decides `asks` in `nation`, each named once, in alphabetical order."""
    return tuple(sorted({ask.rule_for(nation).body for ask in asks}))


def _nothing_for_mp(asks: Sequence[Ask], nation: Nation | None) -> str:
    bodies = deciding_bodies(asks, nation)
    where = nation.label if nation else "your nation"
    return (f"In {where}, {' and '.join(bodies) or 'a devolved body'} "
            f"{'decides' if len(bodies) < 2 else 'decide'} what you ticked, so your MP cannot "
            "change it. Tick at least one thing your MP can act on.")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.strip().split("\n\n") if part.strip()]


def plain_name(mp: MP, language: str = ENGLISH) -> str:
    """The MP's name without honorifics ("Ms Diane Abbott" -> "Diane Abbott"); a
    knight's or dame's title stays, in `language` ("Syr Mel Stride")."""
    name = mp.display_as.strip()
    for prefix in ("Mr ", "Mrs ", "Ms ", "Miss ", "Mx ", "Dr "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return addressing.titled(name, language)
