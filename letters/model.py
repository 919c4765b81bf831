"""The values a letter is made of. Frozen dataclasses: a letter is data, not behaviour."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from letters import english_words
from letters.languages import ENGLISH, language_for, words_for
from letters.nations import Nation
from letters.words import LetterWords

#: Royal Mail's form: the post town in capitals and the postcode alone on the last line.
HOUSE_OF_COMMONS = english_words.WORDS.house_of_commons


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
    #: Current posts as the Members API names them ("Minister of State (Home Office)",
    #: "Shadow Home Secretary"); keyword-only so positional construction is unchanged.
    government_posts: tuple[str, ...] = field(default=(), kw_only=True)
    opposition_posts: tuple[str, ...] = field(default=(), kw_only=True)

    @property
    def is_minister(self) -> bool:
        """Holds a government post: cannot sign early day motions or question their own
        government in the House, but can act in their department or raise it with a
        colleague."""
        return bool(self.government_posts)

    @property
    def is_shadow_minister(self) -> bool:
        """Holds an opposition post (and no government one): speaks for their party."""
        return bool(self.opposition_posts) and not self.is_minister

    @property
    def post(self) -> str:
        """The post the address block carries: the first government post, else the first
        opposition post, else ""."""
        return next(iter(self.government_posts or self.opposition_posts), "")

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


#: Who decides, by default, when staff mark an ask devolved in a nation.
DEFAULT_DEVOLVED_BODY = {
    Nation.WALES: "the Senedd",
    Nation.SCOTLAND: "the Scottish Parliament",
    Nation.NORTHERN_IRELAND: "the Northern Ireland Assembly",
}


class MPLetter(StrEnum):
    """What the letter to the MP does with an ask decided by a devolved body."""

    OMIT = "omit"  # leave it out
    OWN = "own"  # use the phrasing written for this nation


@dataclass(frozen=True)
class NationRule:
    """Who decides an ask in one nation and, where devolved, what the MP letter does.

    `decided_by` names the devolved body ("the Scottish Parliament"); `paragraph`
    holds the nation's own phrasings (as an ask's paragraph does) when `mp_letter`
    is OWN; `note` is an optional sentence for writers ("Paying for sex has been an
    offence in Northern Ireland since 2015.").
    """

    nation: Nation
    devolved: bool = False
    decided_by: str = ""
    mp_letter: MPLetter = MPLetter.OMIT
    paragraph: str = ""
    note: str = ""

    @property
    def in_mp_letter(self) -> bool:
        """Whether the MP letter carries this ask in this nation."""
        return not self.devolved or self.mp_letter is MPLetter.OWN

    @property
    def body(self) -> str:
        """Who decides, when devolved: staff's words or the nation's parliament."""
        return self.decided_by.strip() or DEFAULT_DEVOLVED_BODY.get(self.nation, "")

    @property
    def writer_note(self) -> str:
        """What the writer reads beside the ask: who decides it where they live, and
        what their letter to the MP does about it ("" when Westminster decides and
        staff wrote no note)."""
        parts = []
        if self.devolved:
            parts.append(f"In {self.nation.label}, {self.body} decides this.")
            parts.append("Your letter to your MP asks for what Westminster can do about it."
                         if self.mp_letter is MPLetter.OWN
                         else "Your MP cannot change it, so your letter to your MP leaves it out.")
        if self.note.strip():
            parts.append(self.note.strip())
        return " ".join(parts)

    def as_dict(self) -> dict:
        """The rule as stored and as recorded in the campaign's history."""
        return {"devolved": self.devolved, "decided_by": self.decided_by,
                "mp_letter": str(self.mp_letter), "paragraph": self.paragraph,
                "note": self.note}

    @classmethod
    def from_dict(cls, nation: Nation, values: dict) -> NationRule:
        """A rule from stored values (unknown or missing ones take their defaults)."""
        try:
            mp_letter = MPLetter(values.get("mp_letter") or MPLetter.OMIT)
        except ValueError:
            mp_letter = MPLetter.OMIT
        return cls(nation=nation, devolved=bool(values.get("devolved")),
                   decided_by=values.get("decided_by") or "", mp_letter=mp_letter,
                   paragraph=values.get("paragraph") or "", note=values.get("note") or "")


@dataclass(frozen=True)
class Ask:
    """One policy ask: the checkbox a citizen ticks and the paragraph it adds.

    `paragraph` may hold several phrasings separated by blank lines (letters.phrasings).
    Staff also see the ones switched off (`enabled` False); citizens never do.
    `nations` says who decides it in each nation where that is not Westminster
    (letters.devolution).
    """

    id: int
    title: str
    paragraph: str
    explanation: str = ""
    enabled: bool = True
    nations: tuple[NationRule, ...] = ()

    def rule_for(self, nation: Nation | None) -> NationRule:
        """Who decides this ask in `nation`, and what the MP letter does with it:
        Westminster's rule when it has none (or no nation is known)."""
        nation = nation or Nation.ENGLAND
        for rule in self.nations:
            if rule.nation is nation:
                return rule
        return _WESTMINSTER[nation]


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
    #: Optional: closings in place of `closing` for an MP who holds a government post
    #: (a minister) or an opposition post (a shadow minister), and an opening in place
    #: of `opening` for the constituents of an MP who supports the campaign.
    minister_closing: str = ""
    shadow_closing: str = ""
    supporter_opening: str = ""

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
    #: Lines of `recipient_lines` left in English in a letter in another language: the
    #: MP's post, as Parliament gives it. Pages mark them `lang="en"`.
    english_lines: tuple[str, ...] = ()
    #: True when the letter is printed and posted for the writer: no pen touches it, so
    #: the signing space carries a typed signature line instead (PDF only).
    typed_signature: bool = False

    @property
    def words(self) -> LetterWords:
        """The fixed words the renderers print, in the letter's language."""
        return words_for(self.language)

    @property
    def file_tag(self) -> str:
        """The language tag the letter's files carry (letters.languages.Language.letter_tag)."""
        return language_for(self.language).letter_tag

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


# Westminster decides, in each nation, what no rule says otherwise.
_WESTMINSTER = {nation: NationRule(nation) for nation in Nation}
