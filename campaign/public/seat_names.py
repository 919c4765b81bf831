"""A constituency's name in the language a page or a letter's wording is written in.

Seats in Wales have official Welsh names (ONS PCON24NMW, carried in
`Constituency.names`): Welsh pages and Welsh wording say "Gogledd Caerdydd", never
"Cardiff North". Everywhere else, and in what is stored or counted, the name is the
English one Parliament uses. The Welsh wording puts the name after "etholaeth"
("yn etholaeth Gogledd Caerdydd"), where it never mutates.
"""
from __future__ import annotations

from dataclasses import replace

from campaign.languages import current_language
from campaign.lookup.constituencies import shipped_in
from campaign.lookup.finder import FoundMP
from letters import MP
from letters.languages import ENGLISH


def seat_name(found: FoundMP, language: str) -> str:
    """The name of `found`'s constituency in `language` ("cy" or "en")."""
    translated = found.constituency.names.get(language)
    if translated:
        return translated
    return found.mp.constituency or found.constituency.name


def named_seat(code: str, english: str, language: str) -> str:
    """A stored seat's name (`english`, by GSS `code`) in `language`."""
    if language != ENGLISH:
        return shipped_in(language).get(code) or english
    return english


def mp_for_wording(found: FoundMP, language: str) -> MP:
    """`found`'s MP, their constituency named in `language`, the wording's: what the
    letter's `{{ constituency }}` and the Speaker's opening print."""
    name = seat_name(found, language)
    return found.mp if name == found.mp.constituency else replace(found.mp, constituency=name)


def page_seat_name(found: FoundMP) -> str:
    """`found`'s constituency named in the page's language (templates' `seat_name`)."""
    return seat_name(found, current_language())


def page_named_seat(code: str, english: str) -> str:
    """A stored seat's name in the page's language (templates' `named_seat`)."""
    return named_seat(code, english, current_language())
