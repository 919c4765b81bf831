"""Matching constituency names between postcodes.io and the Members API.

The two spell some names differently: case ("Weston-super-Mare"), accents
("Ynys Môn" / "Ynys Mon"), "&" for "and", punctuation, and a leading or trailing
"The". `constituency_key` folds all of those so that both spellings meet.
"""
from __future__ import annotations

import re
import unicodedata


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
