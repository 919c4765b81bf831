"""Carrying a letter from its preview to its download without storing it.

The preview page holds the writer's details in one hidden field, signed (not
stored) so nobody can alter it between preview and download and the server keeps
no copy. The signature expires: an old preview asks the writer to start again.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
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
    # The date printed on the letter, fixed at preview (ISO): the downloads carry the
    # date the writer saw even after midnight. Empty in previews signed before it existed.
    letter_date: str = ""

    def dated(self, today: date) -> date:
        """The letter's date: the one fixed at preview, else `today`."""
        return date.fromisoformat(self.letter_date) if self.letter_date else today


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
        return LetterRequest(**data)
    except (KeyError, TypeError, ValueError):
        raise LetterTampered() from None
