"""Failures a citizen can meet while finding their MP, each with a sentence to show.

`status` is the HTTP status the page is served with; `message` says what happened
and what to do next. Views render these; they never show a traceback. A failure
with a `heading` is a situation to explain on a page of its own (no MP to write
to); the others are shown beside the postcode so the citizen can correct it.
`help_link` (text, address) points somewhere that can help.

Every sentence is lazy_gettext (or gettext when made), so the Welsh site
(campaign.languages) shows it in Welsh: those beside the postcode, and the pages of
their own (vacancy, dissolution, Crown dependencies). A Crown dependency's parliament
keeps its own name on the Welsh site ("y States Assembly", "Tynwald").
"""
from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l


class LookupFailure(Exception):
    """Base class: something stopped us finding the MP for a postcode."""

    status = 400
    message = _l("Something went wrong finding your MP. Please try again.")
    heading: str | None = None
    help_link: tuple[str, str] | None = None

    def __init__(self, message: str | None = None):
        super().__init__(message or self.message)
        if message:
            self.message = message


class InvalidPostcode(LookupFailure):
    status = 422
    message = _l("That doesn't look like a UK postcode. Check it and try again: a postcode "
                 "looks like E8 1DY.")


class PostcodeNotFound(LookupFailure):
    status = 404
    # Never suggest a neighbour's postcode: it can lie in another constituency.
    message = _l("We couldn't find that postcode. Please check it for typing mistakes: "
                 "it must be the postcode of your own address, because that decides "
                 "who your MP is.")


ROYAL_MAIL_FINDER = (_l("Royal Mail's postcode finder"), "https://www.royalmail.com/find-a-postcode")


class PostcodeTerminated(LookupFailure):
    status = 404
    help_link = ROYAL_MAIL_FINDER

    def __init__(self, postcode: str, year: int | None = None):
        if year:
            message = gettext("The postcode %(postcode)s stopped being used in %(year)s. Please "
                              "use your current postcode; Royal Mail's postcode finder can tell "
                              "you what it is.", postcode=postcode, year=year)
        else:
            message = gettext("The postcode %(postcode)s stopped being used. Please use your "
                              "current postcode; Royal Mail's postcode finder can tell you "
                              "what it is.", postcode=postcode)
        super().__init__(message)


class NoWestminsterConstituency(LookupFailure):
    status = 200
    heading = _l("There is no MP for this postcode")
    message = _l("That postcode isn't part of a Westminster constituency (it may belong to a "
                 "PO box or a large business). Please use the postcode of your home address.")

    def __init__(self, place: str | None = None):
        """`place` is a Crown dependency ("Jersey", ...) when that is the reason."""
        if place:
            # "The Isle of Man", but "Jersey": the name as a sentence starts with it.
            named = CROWN_DEPENDENCY_NAMES.get(place, place)
            parliament, link = CROWN_PARLIAMENTS.get(place, (_l("its own parliament"), None))
            self.heading = _l("%(place)s has no MP at Westminster", place=named)
            self.help_link = link
            super().__init__(_l(
                "%(place)s is not represented in the UK House of Commons, so there is no MP "
                "to write to. %(place)s has its own parliament, %(parliament)s, whose members "
                "represent you there.", place=named, parliament=parliament))
        else:
            super().__init__()


CROWN_DEPENDENCY_NAMES = {"Jersey": _l("Jersey"), "Guernsey": _l("Guernsey"),
                          "Isle of Man": _l("The Isle of Man")}
# Each Crown dependency's parliament, and where to find its members.
CROWN_PARLIAMENTS = {
    "Jersey": (_l("the States Assembly"),
               (_l("The States Assembly's site"), "https://statesassembly.je/")),
    "Guernsey": (_l("the States of Deliberation"),
                 (_l("The States of Guernsey's site"), "https://www.gov.gg/")),
    "Isle of Man": (_l("Tynwald"),
                    (_l("Tynwald's site"), "https://www.tynwald.org.im/")),
}


class UpstreamUnavailable(LookupFailure):
    status = 503
    message = _l("We can't reach the service that finds your MP just now. The problem is ours, "
                 "not your postcode's: please try again in a few minutes; nothing you typed "
                 "has been lost.")


class MPUnconfirmed(UpstreamUnavailable):
    """The register's answer for this seat is too old and the Members API can't confirm it.

    Better no letter than one to a former MP (after a death, resignation or recall).
    """

    def __init__(self, constituency: str):
        self.constituency = constituency
        super().__init__(gettext(
            "We can't confirm who the MP for %(constituency)s is just now, and we won't "
            "address your letter to someone who may no longer be the MP. Please try again "
            "in a few minutes; nothing you typed has been lost.", constituency=constituency))


class VacantSeat(LookupFailure):
    """The constituency has no MP at the moment (a by-election is due)."""

    status = 200
    heading = _l("There is no MP for this seat just now")
    # Councillors, and MSPs, MSs or MLAs where there are: whoever else represents them.
    help_link = (_l("Find your other representatives on WriteToThem"),
                 "https://www.writetothem.com/")

    def __init__(self, constituency: str):
        self.constituency = constituency
        super().__init__(_l(
            "%(constituency)s has no MP at the moment, usually because a by-election is "
            "due. Your letter can only go to your own MP, so please come back and write "
            "it once the by-election is held and the new MP has taken their seat. Until "
            "then, you can ask the by-election's candidates where they stand, or write to "
            "your other elected representatives.", constituency=constituency))


class ParliamentDissolved(LookupFailure):
    """Parliament is dissolved for a general election: there are no MPs to write to."""

    status = 200
    heading = _l("Parliament is dissolved for a general election")
    message = _l("Parliament has been dissolved for a general election, so until then there "
                 "are no MPs. You can write your letter once the new Parliament meets, "
                 "to the MP your constituency elects.")
