"""m012_register_keyed_by_code's matching of a seat's name to its GSS code, frozen.

A copy of campaign.lookup.name_matching's `constituency_key` and `shipped_code` as they
were when migrations were frozen, over the 650 constituencies m012 shipped with
(`constituencies_at_m012`): a later change to how the site matches names, or a boundary
review, must not change how m012 re-keys an old register.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from campaign.migrations.constituencies_at_m012 import CONSTITUENCIES_AT_M012


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
    return {constituency_key(name): code for code, name in CONSTITUENCIES_AT_M012.items()}


def shipped_code(name: str) -> str | None:
    """The GSS code of the constituency m012 shipped with called `name` (any
    service's spelling), or None."""
    return _shipped_by_key().get(constituency_key(name))
