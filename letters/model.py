"""The values a letter is made of. Frozen dataclasses: a letter is data, not behaviour."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

HOUSE_OF_COMMONS = ("House of Commons", "London SW1A 0AA")


@dataclass(frozen=True)
class MP:
    """A sitting Member of Parliament, in the forms a letter needs.

    `full_title` ("Rt Hon Diane Abbott MP") heads the address block;
    `address_as` ("Ms Abbott") follows "Dear".
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

    @property
    def address_block(self) -> tuple[str, ...]:
        """Name-less address lines, ending with the postcode, blank lines dropped."""
        return tuple(line for line in (*self.address_lines, self.postcode) if line.strip())


@dataclass(frozen=True)
class Ask:
    """One policy ask: the checkbox a citizen ticks and the paragraph it adds.

    Staff also see the ones switched off (`enabled` False); citizens never do."""

    id: int
    title: str
    paragraph: str
    explanation: str = ""
    enabled: bool = True


@dataclass(frozen=True)
class Wording:
    """A campaign's letter wording: small templates with placeholders (see letters.wording)."""

    opening: str
    closing: str
    subject: str = ""


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

    @property
    def document_title(self) -> str:
        """The title a file carries in its properties: the letter's, or "Letter to <MP>"."""
        return self.title or f"Letter to {self.mp_name}"

    @property
    def body_text(self) -> str:
        """The whole letter as plain text, in reading order (previews, tests, e-mail)."""
        parts = [
            "\n".join((self.sender_name, *self.sender_address)),
            self.date_text,
            "\n".join(self.recipient_lines),
        ]
        if self.subject:
            parts.append(self.subject)
        parts += [self.salutation, *self.paragraphs, self.valediction, self.signature_name]
        return "\n\n".join(parts)
