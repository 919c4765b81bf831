"""The values a letter is made of. Frozen dataclasses: a letter is data, not behaviour."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from letters.languages import ENGLISH, WORDS, LetterWords, words_for

#: Royal Mail's form: the post town in capitals and the postcode alone on the last line.
HOUSE_OF_COMMONS = WORDS[ENGLISH].house_of_commons


@dataclass(frozen=True)
class MP:
    """A sitting Member of Parliament, in the forms a letter needs.

    `full_title` ("Rt Hon Diane Abbott MP") heads the address block;
    `address_as` ("Ms Abbott") follows "Dear". The one MP type from the Members API
    client (campaign.lookup.members_api) through the register to the letter;
    `constituency` is spelt as the Members API spells it.
    """

    member_id: int
    display_as: str
    full_title: str
    address_as: str
    party: str
    constituency: str
    gender: str = ""

    @property
    def is_speaker(self) -> bool:
        """The Speaker sits for a seat but is impartial, and is addressed by office."""
        return self.party.strip().casefold() == "speaker"

    @property
    def is_abstentionist(self) -> bool:
        """Sinn Féin MPs are elected but do not take their seats at Westminster."""
        return self.party.strip().casefold() in {"sinn féin", "sinn fein"}


@dataclass(frozen=True)
class Sender:
    """The citizen writing. Lives only as long as the request that renders the letter."""

    full_name: str
    address_lines: tuple[str, ...]
    postcode: str
    #: An e-mail address or phone number for the reply, printed in the letter only.
    contact_lines: tuple[str, ...] = ()

    @property
    def address_block(self) -> tuple[str, ...]:
        """Name-less address lines, ending with the postcode, blank lines dropped."""
        return tuple(line for line in (*self.address_lines, self.postcode) if line.strip())


@dataclass(frozen=True)
class Ask:
    """One policy ask: the checkbox a citizen ticks and the paragraph it adds.

    `paragraph` may hold several phrasings separated by blank lines (letters.phrasings).
    Staff also see the ones switched off (`enabled` False); citizens never do.
    """

    id: int
    title: str
    paragraph: str
    explanation: str = ""
    enabled: bool = True


@dataclass(frozen=True)
class Wording:
    """A campaign's letter wording: text with placeholders (see letters.wording).

    The opening and closing may hold several phrasings separated by blank lines;
    `prompts` are questions shown beside the writer's note, one per line.
    """

    opening: str
    closing: str
    subject: str = ""
    prompts: str = ""

    @property
    def prompt_list(self) -> list[str]:
        """The questions to help a writer, as a list."""
        return [line.strip() for line in self.prompts.splitlines() if line.strip()]


@dataclass(frozen=True)
class Letter:
    """A finished letter, ready for any renderer. Pure data: every field is final text."""

    sender_name: str
    sender_address: tuple[str, ...]
    date: date
    date_text: str
    recipient_lines: tuple[str, ...]
    salutation: str
    subject: str
    paragraphs: tuple[str, ...]
    valediction: str
    signature_name: str
    mp_name: str
    title: str = field(default="")
    # A note for the writer to cut off and keep (their reference), printed in small
    # type below the signature, never part of the letter's text.
    keepsake: tuple[str, ...] = ()
    #: The writer's e-mail or phone for the reply, under their address (never stored).
    sender_contact: tuple[str, ...] = ()
    #: The language of the letter's fixed words (letters.languages): "en" or "cy".
    language: str = ENGLISH

    @property
    def words(self) -> LetterWords:
        """The fixed words the renderers print, in the letter's language."""
        return words_for(self.language)

    @property
    def document_title(self) -> str:
        """The title a file carries in its properties: the letter's, or "Letter to <MP>"."""
        return self.title or self.words.letter_to.format(mp=self.mp_name)

    @property
    def body_text(self) -> str:
        """The whole letter as plain text, in reading order (previews, tests, e-mail)."""
        parts = [
            "\n".join((self.sender_name, *self.sender_address, *self.sender_contact)),
            self.date_text,
            "\n".join(self.recipient_lines),
        ]
        parts.append(self.salutation)
        if self.subject:  # UK order: the subject line follows the salutation
            parts.append(self.subject)
        parts += [*self.paragraphs, self.valediction, self.signature_name]
        return "\n\n".join(parts)
