"""Carrying a letter from its preview to its download without storing it.

The preview page holds the writer's details in one hidden field, signed (not
stored) so nobody can alter it between preview and download and the server keeps
no copy. The field also carries what the preview decided (the day, the
constituency, the MP), so the download composes the very letter the writer read
without looking anything up again. The signature expires: an old preview asks the
writer to start again.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from campaign import clock
from campaign.lookup.errors import InvalidPostcode
from campaign.lookup.finder import FoundMP
from campaign.lookup.postcode import Constituency, normalise_postcode
from letters import MP
from letters.stances import Stance

# v2 carries the preview's decision; a v1 field (no decision) reads as not ours.
SALT = "letter-preview-v2"


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
    reference: str = ""  # what the citizen types at /r/<reference> (see references.py)
    seed: int = 0  # draws the letter's phrasings (letters.phrasings)
    edits: dict[str, str] = field(default_factory=dict)  # the writer's own paragraphs
    contact: str = ""  # an e-mail or phone for the reply, printed in the letter only
    #: The other targets the writer also writes to (public.second_letters).
    target_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class SignedLetter:
    """A signed preview read back: what was asked for and what the preview decided."""

    request: LetterRequest
    found: FoundMP
    day: date
    stance: str = ""  # the MP's stance on the campaign when the preview was made


class LetterExpired(Exception):
    """The preview is too old to download. `letter` is what it held, read back all the
    same (the signature is genuine, only old), so the form can be given back filled in."""

    def __init__(self, letter: SignedLetter | None = None):
        super().__init__("the preview has expired")
        self.letter = letter


class LetterTampered(Exception):
    """The signed field was altered or is not ours."""


class _ClockSigner(TimestampSigner):
    """Signs with the time by the site's clock, so a preview ages as the site's time runs."""

    def get_timestamp(self) -> int:
        return int(clock.now().timestamp())


@lru_cache(maxsize=8)
def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    # Building one derives keys and looks up hash functions: once per key, not per letter.
    return URLSafeTimedSerializer(secret_key, salt=SALT, signer=_ClockSigner)


def sign(request: LetterRequest, found: FoundMP, day: date, secret_key: str,
         stance: str = "") -> str:
    """Serialise and sign `request` and the preview's decision (the day, the postcode,
    constituency and MP, with the MP's posts, and their stance) for a hidden form field."""
    return _serializer(secret_key).dumps({
        "request": asdict(request), "day": day.isoformat(), "postcode": str(found.postcode),
        "constituency": asdict(found.constituency), "mp": asdict(found.mp), "stance": stance,
    })


def unsign(value: str, secret_key: str, max_age: int) -> SignedLetter:
    """Verify and read a signed preview; raise LetterExpired or LetterTampered."""
    serializer = _serializer(secret_key)
    try:
        data = serializer.loads(value, max_age=max_age)
    except SignatureExpired as expired:
        letter: SignedLetter | None = None
        if expired.payload is not None:
            try:
                letter = _read(serializer.load_payload(expired.payload))
            except (BadSignature, LetterTampered):
                letter = None
        raise LetterExpired(letter) from None
    except BadSignature:
        raise LetterTampered() from None
    return _read(data)


def _read(data) -> SignedLetter:
    try:
        request = dict(data["request"])
        request["ask_ids"] = tuple(int(i) for i in request["ask_ids"])
        request["seed"] = int(request.get("seed", 0))
        request["target_ids"] = tuple(int(i) for i in request.get("target_ids", ()))
        edits = request.get("edits", {})
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in edits.items()):
            raise TypeError("edits")
        mp = dict(data["mp"])
        for posts in ("government_posts", "opposition_posts"):
            mp[posts] = tuple(str(post) for post in mp.get(posts) or ())
        found = FoundMP(postcode=normalise_postcode(data["postcode"]),
                        constituency=Constituency.from_stored(data["constituency"]), mp=MP(**mp))
        stance = str(data.get("stance") or "")
        if stance and Stance.read(stance) is None:
            raise ValueError("stance")
        return SignedLetter(LetterRequest(**request), found, date.fromisoformat(data["day"]),
                            stance)
    except (KeyError, TypeError, ValueError, InvalidPostcode):
        raise LetterTampered() from None
