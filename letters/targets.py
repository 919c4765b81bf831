"""Second letters: to the office that decides what the MP cannot.

A campaign may have other targets besides the writer's MP: an office such as the
Scottish Government's Cabinet Secretary for Justice and Home Affairs, offered to
writers in the nations staff choose. Its letter carries the asks that a devolved body
decides in the writer's nation (letters.devolution), in the target's own phrasing of
each or else the MP letter's, between the target's own opening and closing.

An address must fit a DL envelope's window, as the MP's does: `address_problem` says
in a sentence why one cannot (too many lines, or a line too wide for 90 mm in the
letter's typeface at its size).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from letters import layout
from letters.compose import compose_letter
from letters.devolution import rule_for
from letters.fonts import register_fonts
from letters.languages import ENGLISH, words_for
from letters.model import MP, Ask, Letter, Sender, Wording
from letters.nations import Nation

#: A DL window shows six lines of the letter's address block at its size, 90 mm wide.
MAX_ADDRESS_LINES = 6
WINDOW_WIDTH_MM = layout.WINDOW_RIGHT - layout.WINDOW_LEFT


@dataclass(frozen=True)
class TargetTexts:
    """A target's texts in one language other than English (empty: not written)."""

    salutation: str = ""
    wording: Wording = field(default_factory=lambda: Wording(opening="", closing=""))
    ask_paragraphs: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Target:
    """An office a campaign's writers may also write to.

    `office` is the post ("Cabinet Secretary for Justice and Home Affairs"), `holder`
    the name of who holds it now ("Angela Constance MSP"), `salutation` the greeting
    ("Dear Cabinet Secretary"), `address_lines` the postal address (organisation,
    street, TOWN, postcode), `nations` the nations whose writers are offered it.
    `ask_paragraphs` holds the target's own phrasings of asks, by ask id; an ask
    without one uses the MP letter's.
    """

    id: int
    office: str
    holder: str
    salutation: str
    address_lines: tuple[str, ...]
    wording: Wording
    nations: tuple[Nation, ...] = ()
    email: str = ""
    ask_paragraphs: Mapping[int, str] = field(default_factory=dict)
    #: Its texts in other languages, by language code (letters.languages), beside the
    #: English: what is not written is empty. See `in_language`.
    translations: Mapping[str, TargetTexts] = field(default_factory=dict)

    def in_language(self, language: str) -> Target | None:
        """This target with its texts in `language` (a code) in place of its English,
        when every text it has in English has its translation (the greeting, opening,
        closing, subject and its own phrasings of asks); None while any is missing."""
        texts = self.translations.get(language)
        if texts is None:
            return None
        wording = texts.wording
        if not (texts.salutation.strip() and wording.opening.strip()
                and wording.closing.strip()):
            return None
        if self.wording.subject.strip() and not wording.subject.strip():
            return None
        if any(text.strip() and not (texts.ask_paragraphs.get(ask_id) or "").strip()
               for ask_id, text in self.ask_paragraphs.items()):
            return None
        return replace(self, salutation=texts.salutation, wording=wording,
                       ask_paragraphs=dict(texts.ask_paragraphs))

    @property
    def recipient_lines(self) -> tuple[str, ...]:
        """The address block: who holds the office, the office, then its address."""
        return tuple(line for line in (self.holder, self.office, *self.address_lines)
                     if line.strip())

    @property
    def short_name(self) -> str:
        """How a sentence names the target: "Angela Constance MSP, Cabinet Secretary ..."."""
        return ", ".join(part for part in (self.holder, self.office) if part.strip())

    def offered_in(self, nation: Nation | None) -> bool:
        """Whether writers in `nation` are offered this letter."""
        return nation is not None and nation in self.nations


def address_problem(lines: Sequence[str]) -> str | None:
    """Why an address block cannot show in a DL window, as a sentence; None if it can.

    Measured as the PDF draws it: the letter's regular typeface at its body size.
    """
    lines = [line for line in lines if line.strip()]
    if len(lines) > MAX_ADDRESS_LINES:
        return (f"The address block has {len(lines)} lines with the name and office; an "
                f"envelope's window shows {MAX_ADDRESS_LINES}. Join some lines (e.g. the "
                "building and the street) or leave one out.")
    regular, _bold = register_fonts()
    for line in lines:
        width = stringWidth(line, regular, layout.FONT_SIZE) / mm
        if width > WINDOW_WIDTH_MM:
            return (f"“{line}” is {width:.0f} mm wide in the letter's type; an envelope's "
                    f"window is {WINDOW_WIDTH_MM:.0f} mm. Shorten it or split it over two lines.")
    return None


def target_asks(target: Target, asks: Sequence[Ask], nation: Nation | None) -> list[Ask]:
    """The asks a letter to `target` carries: those a devolved body decides in the
    writer's nation, each in the target's phrasing or, without one, the MP letter's."""
    carried = []
    for ask in asks:
        if not rule_for(ask, nation).devolved:
            continue
        own = (target.ask_paragraphs.get(ask.id) or "").strip()
        carried.append(replace(ask, paragraph=own or ask.paragraph, nations=()))
    return carried


def compose_target_letter(*, target: Target, asks: Sequence[Ask], nation: Nation | None,
                          mp: MP, sender: Sender, personal_note: str = "", today: date,
                          seed: int = 0, edits: Mapping[str, str] | None = None,
                          mp_letter: bool = True, language: str = ENGLISH) -> Letter:
    """The letter to `target` from a writer in `nation` whose MP is `mp`, its fixed words
    in `language` (pass a target `in_language(language)` and the asks in that language
    for a letter written in it).

    Its wording may use the MP letter's placeholders ({{ mp_name }} is the writer's
    MP: "I have also written to my MP, {{ mp_name }}"). Raises NoTargetAsks when none
    of `asks` is decided by a devolved body in `nation`, and LetterTooLong as
    compose_letter does. `edits` are the writer's own paragraphs for asks, keyed as in
    letters.phrasings ("ask-<id>"): each takes the place of its ask's phrasing here.
    `mp_letter` False: no letter goes to the MP (everything ticked is decided here), so
    the closing's sentences saying the writer also wrote to their MP are left out.
    """
    carried = target_asks(target, asks, nation)
    if not carried:
        raise NoTargetAsks(
            f"None of the things you ticked is decided where {target.office} could act "
            f"on it, so there is nothing to ask them. Tick one, or untick “Also write to "
            f"{target.office}”.", office=target.office)
    wording = target.wording if mp_letter else replace(
        target.wording, closing=without_mp_letter(target.wording.closing))
    letter = compose_letter(wording=wording, asks=carried, mp=mp, sender=sender,
                            personal_note=personal_note, today=today, seed=seed,
                            role_closings=False, language=language,
                            edits={key: text for key, text in (edits or {}).items()
                                   if key.startswith("ask-")})
    words = words_for(language)
    return replace(letter, recipient_lines=target.recipient_lines,
                   salutation=target.salutation.strip() or words.dear.format(name=target.holder),
                   mp_name=target.holder or target.office,
                   title=words.letter_to.format(mp=target.short_name))


#: A sentence that says the writer wrote to their MP too.
_MENTIONS_MP = re.compile(r"\{\{\s*mp_(name|full_title|address_as)\s*\}\}|\bmy MP\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def without_mp_letter(closing: str) -> str:
    """`closing` (phrasings separated by blank lines, letters.phrasings) without the
    sentences that say the writer also wrote to their MP; a phrasing left empty gives
    a plain request for a reply."""
    phrasings = []
    for phrasing in closing.split("\n\n"):
        kept = [sentence for sentence in _SENTENCE_END.split(phrasing.strip())
                if sentence and not _MENTIONS_MP.search(sentence)]
        phrasings.append(" ".join(kept) or "I would be grateful for a reply.")
    return "\n\n".join(phrasings)


class NoTargetAsks(ValueError):
    """No ask the writer chose is one the target decides; the message says so
    (`office` names the target, for the site to say it in the page's language)."""

    def __init__(self, message: str, *, office: str = ""):
        super().__init__(message)
        self.office = office
