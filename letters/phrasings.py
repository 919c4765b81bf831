"""Which phrasing of each paragraph a letter uses.

Staff may write several phrasings of the opening, the closing and each ask's
paragraph (see letters.wording.split_phrasings). A letter draws one of each (and one option of each
[[choice]] within it) from a
random seed made when its preview is first shown and carried with the letter, so
the preview, the PDF and the DOCX of one letter agree while two writers' letters
differ. Each paragraph's draw depends only on the seed and the paragraph's key,
so ticking another ask does not reshuffle the others.
"""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence

from letters.model import Ask, Wording
from letters.wording import render_wording, resolve_choices, split_phrasings

OPENING, CLOSING = "opening", "closing"


def new_seed() -> int:
    """A fresh seed for a new letter (64 random bits)."""
    return secrets.randbits(64)


def ask_key(ask_id: int) -> str:
    """The key of an ask's paragraph among a letter's paragraphs (and form fields)."""
    return f"ask-{ask_id}"


def paragraph_keys(asks: Sequence[Ask]) -> list[str]:
    """The keys of a letter's own-wording paragraphs, in letter order."""
    return [OPENING, *(ask_key(ask.id) for ask in asks), CLOSING]


def choose(text: str, seed: int, key: str) -> str:
    """One phrasing of `text`, each of its [[choices]] made, the same for the same seed
    and key; "" for no text."""
    phrasings = split_phrasings(text)
    if not phrasings:
        return ""
    phrasing = phrasings[_draw(seed, key) % len(phrasings)]
    return resolve_choices(phrasing, lambda index, _count: _draw(seed, f"{key}:{index}"))


def _draw(seed: int, key: str) -> int:
    digest = hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def suggested_paragraphs(wording: Wording, asks: Sequence[Ask], seed: int,
                         values: Mapping[str, str]) -> dict[str, str]:
    """The drawn phrasing of the opening, each ask and the closing, placeholders filled.

    Keys are OPENING, ask_key(id) for each ask, and CLOSING, in letter order.
    """
    drawn = {OPENING: choose(wording.opening, seed, OPENING)}
    for ask in asks:
        drawn[ask_key(ask.id)] = choose(ask.paragraph, seed, ask_key(ask.id))
    drawn[CLOSING] = choose(wording.closing, seed, CLOSING)
    return {key: render_wording(text, values) for key, text in drawn.items()}
