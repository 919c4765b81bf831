"""Matching a constituency name to its GSS code, whoever spelled it.

The register is keyed by the GSS code, but the Members API names seats only. The
two services and the ONS spell some names differently: case ("Weston-super-Mare"),
accents ("Ynys Môn" / "Ynys Mon"), "&" for "and", punctuation, and a leading or
trailing "The". `constituency_key` folds all of those so that the spellings meet;
`shipped_code` uses it to find a Members API seat among the shipped 650. Names are
matched here, once, when a seat comes from the Members API (a refresh, or one seat
asked about on demand); everything after that is a lookup by code.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from campaign.lookup import constituencies


def constituency_key(name: str) -> str:
    """A comparison key for a constituency name: lower case, ASCII, words only."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    words = text.split()
    if words[:1] == ["the"]:
        words = words[1:]
    elif words[-1:] == ["the"]:  # "Wrekin, The"
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=1)
def _shipped_by_key() -> dict[str, str]:
    # The 650 fold to 650 distinct keys (a test holds this), so the map is one to one.
    return {constituency_key(name): code for code, name in constituencies.shipped().items()}


def shipped_code(name: str) -> str | None:
    """The GSS code of the shipped constituency called `name` (any service's
    spelling), or None when no shipped constituency has that name."""
    return _shipped_by_key().get(constituency_key(name))


def same_seat(*names: str):
    """A test for the Location search's candidates: True for a name that is any of
    `names` (empty ones ignored), however spelled."""
    keys = {constituency_key(name) for name in names if name}
    return lambda candidate: constituency_key(candidate) in keys
