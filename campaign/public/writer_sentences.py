"""Sentences for the writer that `letters/` makes in English, in the page's language.

`letters/` knows nothing of Flask or of the site's catalogue, so its sentences (a
letter too long to print, asks the MP cannot act on, who decides an ask where the
writer lives) are English. Its exceptions and rules carry the same facts as data;
here they become sentences with Flask-Babel's gettext, so the Welsh site (/cy/)
shows them in Welsh. The English they give is the very sentence `letters/` writes
(tests/campaign/public/test_welsh_journey_pages.py holds the two together).

Who decides, as staff named it (`NationRule.decided_by`, `note`), stays as staff
wrote it; only the default bodies (the Senedd, ...) are named in the page's language.
"""
from __future__ import annotations

from flask_babel import format_number, gettext, ngettext
from flask_babel import lazy_gettext as _l

from letters.compose import NothingForMP
from letters.limits import LetterTooLong
from letters.model import DEFAULT_DEVOLVED_BODY, MPLetter, NationRule
from letters.nations import Nation
from letters.targets import NoTargetAsks

#: The devolved bodies as the site names them by default (letters.model's English
#: names, which staff see; Welsh readers see the bodies' Welsh names).
DEFAULT_BODIES = {
    Nation.WALES: _l("the Senedd"),
    Nation.SCOTLAND: _l("the Scottish Parliament"),
    Nation.NORTHERN_IRELAND: _l("the Northern Ireland Assembly"),
}

#: "In Wales" at the start of a sentence. One phrase per nation, because Welsh
#: mutates the name after "yn" ("Yng Nghymru", "Yng Ngogledd Iwerddon").
IN_NATION_OPENING = {
    Nation.ENGLAND: _l("In England"),
    Nation.WALES: _l("In Wales"),
    Nation.SCOTLAND: _l("In Scotland"),
    Nation.NORTHERN_IRELAND: _l("In Northern Ireland"),
}

#: "in Wales" within a sentence.
IN_NATION = {
    Nation.ENGLAND: _l("in England"),
    Nation.WALES: _l("in Wales"),
    Nation.SCOTLAND: _l("in Scotland"),
    Nation.NORTHERN_IRELAND: _l("in Northern Ireland"),
}


def in_nation(nation: Nation | None) -> str:
    """"in Wales" ("yng Nghymru" on the Welsh site), for the middle of a sentence."""
    return str(IN_NATION[nation]) if nation in IN_NATION else gettext("in your nation")


def body_name(nation: Nation | None, body: str) -> str:
    """A devolved body as a sentence names it: the default bodies in the page's
    language, a body staff named as they wrote it."""
    if nation in DEFAULT_BODIES and body == DEFAULT_DEVOLVED_BODY.get(nation):
        return str(DEFAULT_BODIES[nation])
    return body


def _and(names) -> str:
    """Names joined as ' and '.join does, with the page's word for "and"."""
    joined = ""
    for name in names:
        joined = gettext("%(first)s and %(second)s", first=joined, second=name) if joined else name
    return joined


def _in_nation_opening(nation: Nation | None) -> str:
    return str(IN_NATION_OPENING[nation]) if nation in IN_NATION_OPENING else gettext(
        "In your nation")


def who_decides(rule: NationRule | None, second_letter_offered: bool = False) -> str:
    """What the writer reads beside an ask (NationRule.writer_note, in the page's
    language): who decides it where they live, what their MP letter does about it, a
    second letter when one is offered, and staff's own note ("" when none applies)."""
    if rule is None:
        return ""
    parts = []
    if rule.devolved:
        parts.append(gettext("%(in_nation)s, %(body)s decides this.",
                             in_nation=_in_nation_opening(rule.nation),
                             body=body_name(rule.nation, rule.body)))
        parts.append(gettext("Your letter to your MP asks for what Westminster can do about it.")
                     if rule.mp_letter is MPLetter.OWN else
                     gettext("Your MP cannot change it, so your letter to your MP leaves it out."))
    if rule.note.strip():
        parts.append(rule.note.strip())
    if rule.devolved and second_letter_offered:
        parts.append(gettext("The second letter offered below takes it to where it is decided."))
    return " ".join(parts)


def nothing_for_mp(error: NothingForMP) -> str:
    """Every ask ticked is decided by a devolved body: say so, and what to do."""
    if not error.bodies and error.nation is None:
        return str(error) or gettext("Tick at least one thing to ask your MP for.")
    bodies = [body_name(error.nation, body) for body in error.bodies]
    return ngettext("%(in_nation)s, %(bodies)s decides what you ticked, so your MP cannot "
                    "change it. Tick at least one thing your MP can act on.",
                    "%(in_nation)s, %(bodies)s decide what you ticked, so your MP cannot "
                    "change it. Tick at least one thing your MP can act on.",
                    max(len(bodies), 1), in_nation=_in_nation_opening(error.nation),
                    bodies=_and(bodies) or gettext("a devolved body"))


def no_target_asks(error: NoTargetAsks) -> str:
    """A second letter chosen with nothing in it to ask its target."""
    if not error.office:
        return str(error)
    return gettext("None of the things you ticked is decided where %(office)s could act on "
                   "it, so there is nothing to ask them. Tick one, or untick “Also write to "
                   "%(office)s”.", office=error.office)


def too_long(error: LetterTooLong) -> str:
    """The letter is too long to print: how long, and how to shorten it."""
    size, limit = format_number(error.size), format_number(error.limit)
    if error.measure == "characters":
        return ngettext("Your letter is %(count)s character long; please keep it under "
                        "%(limit)s by shortening a paragraph.",
                        "Your letter is %(count)s characters long; please keep it under "
                        "%(limit)s by shortening a paragraph.",
                        error.size, count=size, limit=limit)
    if error.measure == "lines":
        return ngettext("Your letter has %(count)s line; please keep it under %(limit)s by "
                        "joining some of them up.",
                        "Your letter has %(count)s lines; please keep it under %(limit)s by "
                        "joining some of them up.", error.size, count=size, limit=limit)
    if error.measure == "pages":
        return ngettext("Your letter would run to %(count)s page; please shorten it to fit on "
                        "%(limit)s.",
                        "Your letter would run to %(count)s pages; please shorten it to fit on "
                        "%(limit)s.", error.size, count=size, limit=limit)
    return str(error)
