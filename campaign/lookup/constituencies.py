"""The 650 Westminster constituencies of the current (2024) boundaries, shipped with the site.

ONS GSS codes and names (Open Government Licence v3.0), generated once from the ONS
list. With them a local postcode directory names every constituency without the
release's names CSV and without postcodes.io, and a directory built for other
boundaries (before or after a review) can be recognised: its codes do not match.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def shipped() -> dict[str, str]:
    """GSS code -> name for every constituency of the current boundaries."""
    text = resources.files("campaign").joinpath("data/constituencies-2024.json").read_text("utf-8")
    return dict(json.loads(text)["constituencies"])


@lru_cache(maxsize=1)
def shipped_welsh() -> dict[str, str]:
    """GSS code -> official Welsh name for the 32 seats in Wales (ONS PCON24NMW).

    Only Welsh seats have one; a seat whose name is the same in both languages is
    listed too, so every Welsh code answers.
    """
    text = resources.files("campaign").joinpath("data/constituencies-2024-cy.json").read_text("utf-8")
    return dict(json.loads(text)["names"])


@dataclass(frozen=True)
class BoundaryCheck:
    """How a postcode directory's constituency codes compare with the shipped ones."""

    matching: int
    unknown: list[str]  # codes in the directory that the shipped list lacks
    absent: list[str]  # shipped codes no postcode in the directory uses

    @property
    def matches(self) -> bool:
        return not self.unknown and not self.absent

    def warning(self) -> str | None:
        """A sentence for staff when the directory is for other boundaries, else None."""
        if self.matches:
            return None
        sample = ", ".join((self.unknown or self.absent)[:3])
        unknown, absent = len(self.unknown), len(self.absent)
        return (f"The postcode directory's constituencies do not match the {len(shipped())} "
                f"of the current boundaries: {unknown} code{'s' if unknown != 1 else ''} the "
                f"site does not know, {absent} current one{'s' if absent != 1 else ''} "
                f"missing (e.g. {sample}). It may be from before or after a boundary review, "
                "or cover only part of the UK; import a whole release for the current "
                "boundaries.")


def check_codes(codes) -> BoundaryCheck:
    """Compare the constituency codes a directory uses with the shipped list."""
    known = shipped()
    used = set(codes)
    return BoundaryCheck(matching=len(used & known.keys()),
                         unknown=sorted(used - known.keys()),
                         absent=sorted(known.keys() - used))
