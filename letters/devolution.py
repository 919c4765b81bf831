"""Who decides each ask in each nation, and what the MP letter does with it.

Westminster decides reserved matters for the whole UK; the Scottish Parliament, the
Senedd and the Northern Ireland Assembly (and their governments) decide devolved ones.
An ask decided in Edinburgh, Cardiff or Belfast is not one a writer there can ask
their MP to deliver, so for each nation an ask has a `NationRule`: Westminster decides
(the default: the letter uses the ask's own phrasings), or the devolved body does, and
then the MP letter either leaves the ask out or uses a phrasing of its own for that
nation (for example asking the MP to press UK ministers to work with the devolved
government). England has no devolved parliament: Westminster always decides there.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from letters.model import Ask
from letters.nations import Nation

#: The nations whose matters may be devolved, in the order staff see them.
DEVOLVED_NATIONS = (Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND)

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


WESTMINSTER = {nation: NationRule(nation) for nation in Nation}


def rule_for(ask: Ask, nation: Nation | None) -> NationRule:
    """The ask's rule in `nation`; Westminster's when it has none (or no nation is known)."""
    if nation is None:
        return WESTMINSTER[Nation.ENGLAND]
    for rule in ask.nations:
        if rule.nation is nation:
            return rule
    return WESTMINSTER[nation]


def asks_for_mp(asks: Sequence[Ask], nation: Nation | None) -> list[Ask]:
    """The asks a letter to an MP in `nation` carries, each with the phrasings it uses
    there: devolved asks left out, or given their own phrasing for that nation."""
    carried = []
    for ask in asks:
        rule = rule_for(ask, nation)
        if not rule.in_mp_letter:
            continue
        if rule.devolved and rule.paragraph.strip():
            ask = replace(ask, paragraph=rule.paragraph)
        carried.append(ask)
    return carried


def left_out(asks: Sequence[Ask], nation: Nation | None) -> list[Ask]:
    """The asks a letter to an MP in `nation` leaves out (decided by a devolved body)."""
    return [ask for ask in asks if not rule_for(ask, nation).in_mp_letter]
