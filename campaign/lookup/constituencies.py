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

from letters.languages import translations


@lru_cache(maxsize=1)
def shipped() -> dict[str, str]:
    """GSS code -> name for every constituency of the current boundaries."""
    text = resources.files("campaign").joinpath("data/constituencies-2024.json").read_text("utf-8")
    return dict(json.loads(text)["constituencies"])


@lru_cache(maxsize=None)
def shipped_in(language: str) -> dict[str, str]:
    """GSS code -> official name in `language` (a code of the register beside English),
    from data/constituencies-2024-<code>.json (ONS's names in it, Language.ons_names:
    the 32 seats in Wales have Welsh ones); empty when none is shipped.

    Only seats with an official name in the language have one; a seat whose name is
    the same in both languages is listed too, so every such code answers.
    """
    path = resources.files("campaign").joinpath(f"data/constituencies-2024-{language}.json")
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text("utf-8"))["names"])


def shipped_translations() -> dict[str, dict[str, str]]:
    """The shipped names (`shipped_in`) of every language beside English, by its code."""
    return {language.code: shipped_in(language.code) for language in translations()}


def shipped_names_of(code: str) -> dict[str, str]:
    """One seat's shipped official names beside its English one, by language code."""
    return {language: names[code] for language, names in shipped_translations().items()
            if code in names}


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
