"""The UK's four nations, read from a constituency's GSS code.

Who decides a matter (Westminster or a devolved parliament) depends on the nation a
writer lives in, and a GSS code's first letter names it: E England, W Wales,
S Scotland, N Northern Ireland. Letters are composed per nation, so the type lives in
`letters/` (which the site imports, never the other way round).
"""
from __future__ import annotations

from enum import StrEnum


class Nation(StrEnum):
    """One of the four nations, valued by its GSS code letter."""

    ENGLAND = "E"
    WALES = "W"
    SCOTLAND = "S"
    NORTHERN_IRELAND = "N"

    @property
    def label(self) -> str:
        """The nation's name as a sentence writes it: "Northern Ireland"."""
        return _LABELS[self]

    @classmethod
    def of_code(cls, code: str) -> Nation | None:
        """The nation of a GSS code (E14001465 -> ENGLAND), or None for any other code."""
        try:
            return cls(code[:1])
        except ValueError:
            return None


_LABELS = {
    Nation.ENGLAND: "England",
    Nation.WALES: "Wales",
    Nation.SCOTLAND: "Scotland",
    Nation.NORTHERN_IRELAND: "Northern Ireland",
}
