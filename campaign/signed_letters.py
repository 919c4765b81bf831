"""Carrying a letter from its preview to its download without storing it.

The preview page holds the writer's details in one hidden field, signed (not
stored) so nobody can alter it between preview and download and the server keeps
no copy. The signature expires: an old preview asks the writer to start again.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

SALT = "letter-preview-v1"


@dataclass(frozen=True)
class LetterRequest:
    """What a citizen asked for: their details, the asks ticked and their own words."""

    campaign_id: int
    full_name: str
    address_line1: str
    address_line2: str
    town: str
    postcode: str
    ask_ids: tuple[int, ...]
    personal_note: str
    token: str  # random; identifies the letter for counting, never the person
    seed: int = 0  # draws the letter's phrasings (letters.phrasings)
    edits: dict[str, str] = field(default_factory=dict)  # the writer's own paragraphs
    contact: str = ""  # an e-mail or phone for the reply, printed in the letter only


class LetterExpired(Exception):
    """The preview is too old; the writer should fill the form in again."""


class LetterTampered(Exception):
    """The signed field was altered or is not ours."""


@lru_cache(maxsize=8)
def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    # Building one derives keys and looks up hash functions: once per key, not per letter.
    return URLSafeTimedSerializer(secret_key, salt=SALT)


def sign(request: LetterRequest, secret_key: str) -> str:
    """Serialise and sign `request` for a hidden form field."""
    return _serializer(secret_key).dumps(asdict(request))


def unsign(value: str, secret_key: str, max_age: int) -> LetterRequest:
    """Verify and read a signed request; raise LetterExpired or LetterTampered."""
    serializer = _serializer(secret_key)
    try:
        data = serializer.loads(value, max_age=max_age)
    except SignatureExpired:
        raise LetterExpired() from None
    except BadSignature:
        raise LetterTampered() from None
    try:
        data["ask_ids"] = tuple(int(i) for i in data["ask_ids"])
        data["seed"] = int(data.get("seed", 0))
        edits = data.get("edits", {})
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in edits.items()):
            raise TypeError("edits")
        return LetterRequest(**data)
    except (KeyError, TypeError, ValueError):
        raise LetterTampered() from None
