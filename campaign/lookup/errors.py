"""Failures a citizen can meet while finding their MP, each with a sentence to show.

`status` is the HTTP status the page is served with; `message` says what happened
and what to do next. Views render these; they never show a traceback.
"""
from __future__ import annotations


class LookupFailure(Exception):
    """Base class: something stopped us finding the MP for a postcode."""

    status = 400
    message = "Something went wrong finding your MP. Please try again."

    def __init__(self, message: str | None = None):
        super().__init__(message or self.message)
        if message:
            self.message = message


class InvalidPostcode(LookupFailure):
    status = 422
    message = ("That doesn't look like a UK postcode. Check it and try again, "
               "for example SW1A 1AA.")


class PostcodeNotFound(LookupFailure):
    status = 404
    message = ("We couldn't find that postcode. Check it for typing mistakes, "
               "or try the postcode of somewhere nearby.")


class PostcodeTerminated(LookupFailure):
    status = 404

    def __init__(self, postcode: str, year: int | None = None):
        when = f" in {year}" if year else ""
        super().__init__(
            f"The postcode {postcode} stopped being used{when}. Please use your current "
            "postcode; Royal Mail's postcode finder can tell you what it is."
        )


class NoWestminsterConstituency(LookupFailure):
    status = 422
    message = ("That postcode isn't part of a Westminster constituency (it may belong to a "
               "PO box or a large business). Please use the postcode of your home address.")

    def __init__(self, place: str | None = None):
        """`place` is a Crown dependency ("Jersey", ...) when that is the reason."""
        if place:
            super().__init__(
                f"{place} is not represented in the UK House of Commons, so there is no MP "
                f"to write to. {place}'s own parliament represents you there."
            )
        else:
            super().__init__()


class UpstreamUnavailable(LookupFailure):
    status = 503
    message = ("We can't reach the service that finds your MP just now. The problem is ours, "
               "not your postcode's: please try again in a few minutes; nothing you typed has "
               "been lost.")


class VacantSeat(LookupFailure):
    """The constituency has no MP at the moment (a by-election is due)."""

    status = 200

    def __init__(self, constituency: str):
        self.constituency = constituency
        super().__init__(
            f"{constituency} has no MP at the moment, usually because a by-election is "
            "due. Please come back when the new MP has taken their seat."
        )
