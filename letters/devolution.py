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
from dataclasses import replace

# The rule itself is a value a letter is made of, so it lives in letters.model (which
# must not import this module back); it is named here too, where it is used.
from letters.model import DEFAULT_DEVOLVED_BODY, Ask, MPLetter, NationRule  # noqa: F401
from letters.nations import Nation

#: The nations whose matters may be devolved, in the order staff see them.
DEVOLVED_NATIONS = (Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND)



def rule_for(ask: Ask, nation: Nation | None) -> NationRule:
    """The ask's rule in `nation`; Westminster's when it has none (or no nation is known)."""
    return ask.rule_for(nation)


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
