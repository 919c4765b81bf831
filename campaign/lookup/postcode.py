"""The lookup's places: a Postcode (normalised and validated from what a citizen typed)
and the Constituency it falls in."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from campaign.lookup.errors import InvalidPostcode
from letters.nations import Nation

# The shape of a UK postcode (outward code, inward code), as in BS 7666, plus GIR 0AA.
_POSTCODE = re.compile(r"^(GIR|[A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
# Postcode areas of the Crown dependencies: they have postcodes but no Westminster MP.
CROWN_DEPENDENCY_AREAS = {"JE": "Jersey", "GY": "Guernsey", "IM": "Isle of Man"}
MAX_INPUT = 32
# ONS writes a pseudo-code ending in 99999999 where a postcode has no Westminster
# constituency: L99999999 (Channel Islands), M99999999 (Isle of Man), and the like.
_NO_CONSTITUENCY_SUFFIX = "99999999"


def is_no_constituency(code: str | None) -> bool:
    """True when a source's constituency code means "no Westminster constituency":
    none at all, or an ONS pseudo-code such as L99999999. The one rule for
    postcodes.io and the local directory alike."""
    return not code or code.endswith(_NO_CONSTITUENCY_SUFFIX)


@dataclass(frozen=True)
class Postcode:
    """A postcode in canonical form, e.g. "SW1A 1AA"."""

    outward: str
    inward: str

    def __str__(self) -> str:
        return f"{self.outward} {self.inward}"

    @property
    def compact(self) -> str:
        return self.outward + self.inward

    @property
    def area(self) -> str:
        """The letters at the start: "SW" for SW1A 1AA."""
        letters = re.match(r"[A-Z]+", self.outward)
        return letters.group(0) if letters else ""  # a Postcode's outward starts with one

    @property
    def crown_dependency(self) -> str | None:
        """"Jersey", "Guernsey" or "Isle of Man" for their postcodes, else None."""
        return CROWN_DEPENDENCY_AREAS.get(self.area)


@dataclass(frozen=True)
class Constituency:
    """A Westminster constituency: GSS code (e.g. E14001465) and name.

    `names` holds its official names in other languages by language code (ONS's, see
    letters.languages.Language.ons_names; the 32 seats in Wales have Welsh ones): pages
    and letters in that language say it in place of `name`.
    """

    code: str
    name: str
    names: Mapping[str, str] = field(default_factory=dict, hash=False)

    @classmethod
    def from_stored(cls, data: Mapping) -> Constituency:
        """A constituency as `dataclasses.asdict` gave it (a signed preview), also one
        signed before `names` held the names by language ("name_<code>"); TypeError or
        KeyError for anything else."""
        data = dict(data)
        names = dict(data.pop("names", None) or {})
        before = {key: data.pop(key) for key in list(data) if key.startswith("name_")}
        names.update({key[len("name_"):]: value for key, value in before.items() if value})
        if set(data) - {"code", "name"} or not all(
                isinstance(text, str) for text in (*names, *names.values(), *before.values())):
            raise TypeError("constituency")
        return cls(code=data["code"], name=data["name"], names=names)

    @property
    def nation(self) -> Nation | None:
        """England, Wales, Scotland or Northern Ireland, from the code's first letter."""
        return Nation.of_code(self.code)


def normalise_postcode(text: str) -> Postcode:
    """Parse what a person typed ("sw1a1aa", " SW1A  1AA ") into a Postcode.

    Raises InvalidPostcode for anything that cannot be a UK postcode.
    """
    if not isinstance(text, str) or len(text) > MAX_INPUT:
        raise InvalidPostcode()
    compact = "".join(text.split()).upper()
    match = _POSTCODE.match(compact)
    if not match:
        raise InvalidPostcode()
    return Postcode(outward=match.group(1), inward=match.group(2))
