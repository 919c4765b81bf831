"""The letter's reference: how a citizen comes back to say it was posted or answered.

Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn from
a secure random source when the preview is made and carried in the signed preview.
The database keeps only an HMAC of it under the secret key, against the letter's
participation row (campaign, constituency, asks, day): nothing about the person,
and the rows alone cannot be turned back into anybody's reference.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8  # 31**8, about 8.5e11: unguessable at the rate limit, short to type


def new_reference() -> str:
    """A fresh random reference, e.g. "K7QM4TZX"."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The reference as typed, tidied (case, spaces, dashes); None if it cannot be one."""
    text = re.sub(r"[\s-]", "", typed or "").upper()
    if len(text) != LENGTH or any(ch not in ALPHABET for ch in text):
        return None
    return text


def reference_hash(reference: str, secret_key: str) -> str:
    """What the database stores for `reference`."""
    return hmac.new(secret_key.encode(), b"letter-reference:" + reference.encode(),
                    hashlib.sha256).hexdigest()
