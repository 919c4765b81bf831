"""An MP's stance on a campaign, as staff record it: supports, opposes or not known.

A supporter's constituents are thanked and asked to go further (the campaign's
`supporter_opening`) instead of being asked to start; the asks stay the same.
"""
from __future__ import annotations

from enum import StrEnum


class Stance(StrEnum):
    """What staff know of an MP's view of a campaign."""

    SUPPORTS = "supports"
    OPPOSES = "opposes"
    NOT_KNOWN = "not known"

    @property
    def label(self) -> str:
        """The stance as a sentence writes it: "Supports"."""
        return self.value.capitalize()

    @classmethod
    def read(cls, text: str) -> Stance | None:
        """A stance from what staff typed ("Supports", "not_known", " opposes "), or None."""
        folded = " ".join((text or "").strip().casefold().replace("_", " ").replace("-", " ")
                          .split())
        aliases = {"support": cls.SUPPORTS, "supporter": cls.SUPPORTS,
                   "oppose": cls.OPPOSES, "unknown": cls.NOT_KNOWN, "": None}
        if folded in aliases:
            return aliases[folded]
        try:
            return cls(folded)
        except ValueError:
            return None
