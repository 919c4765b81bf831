"""The letter's reference: how a citizen comes back to say it was posted or answered.

Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), made when the
preview is made and carried in the signed preview: an HMAC of the letter's content under
the secret key (content_reference), so one letter keeps one reference however often its
form is sent (a reload of a preview answering its POST included).
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


def content_reference(content: bytes, secret_key: str) -> str:
    """The reference of a letter whose content is `content` (an HMAC under the secret
    key, in the reference's alphabet): the same letter always has the same reference,
    so reloading its preview, or sending its form again, does not make another."""
    digest = hmac.new(secret_key.encode(), b"letter-content:" + content,
                      hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big")
    chars = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "".join(chars)


def content_token(content: bytes, secret_key: str) -> str:
    """The counting token of a letter whose content is `content` (see content_reference):
    one letter, counted once, however often its preview is made."""
    return hmac.new(secret_key.encode(), b"letter-token:" + content,
                    hashlib.sha256).hexdigest()[:22]


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
