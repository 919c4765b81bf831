"""Stannp (UK print and post), as its public API documentation describes it.

`POST {STANNP_API_URL}/letters/create`, HTTP basic auth with the API key as the user
name, a multipart body: `file` (our PDF), `recipient[...]` (Stannp prints the address in
its window area, over a clear zone), `test` (a sample, nothing printed or charged),
`duplex`, `clearzone`, `post_unverified`, `addons` (`FIRST_CLASS`) and `tags`. The header
`X-Idempotency-Key` (10 to 1024 characters, kept by Stannp for 24 hours) makes a repeat
answer 409 with the first answer's body instead of posting again. A letter taken is
`{"success": true, "data": {"id", "status", "cost", "pdf", "created", "format"}}`;
a refusal `{"success": false, "error": "..."}`.

Status webhooks: `{"webhook_id", "event": "mailpiece_status", "created", "retries",
"mailpieces": [{"id", "status", ...}]}`, signed with the webhook's secret as a hex
HMAC-SHA256 of the raw body in the header `X-Stannp-Sigature` (so spelt in Stannp's
documentation; `X-Stannp-Signature` is read too).
"""
from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

import requests
from urllib3 import encode_multipart_formdata

from campaign.posting.provider import FIRST, PostingFailed, Recipient, Sent

SIGNATURE_HEADERS = ("X-Stannp-Sigature", "X-Stannp-Signature")
#: Stannp's mailpiece statuses, as the counts pages name them.
STATUSES = {
    "test": "sent", "received": "sent", "created": "sent",
    "producing": "printed", "printing": "printed",
    "handed_over": "dispatched", "dispatched": "dispatched", "local_delivery": "dispatched",
    "delivered": "delivered", "returned": "returned", "cancelled": "cancelled",
}


@dataclass
class Stannp:
    """The Stannp adapter: one multipart call per letter, no retries of its own (the
    idempotency key makes the writer's own retry safe)."""

    api_url: str
    api_key: str
    test_mode: bool
    connect_timeout: float = 1.5
    read_timeout: float = 3.5
    name: str = "stannp"

    @classmethod
    def from_config(cls, config) -> Stannp:
        """From the site's settings; outside production an unset test mode is test."""
        test_mode = config.get("STANNP_TEST_MODE")
        return cls(api_url=config["STANNP_API_URL"], api_key=config.get("STANNP_API_KEY", ""),
                   test_mode=True if test_mode is None else bool(test_mode),
                   connect_timeout=float(config.get("UPSTREAM_CONNECT_TIMEOUT", 1.5)),
                   read_timeout=float(config.get("UPSTREAM_READ_TIMEOUT", 3.5)))

    def send(self, *, pdf: bytes, recipient: Recipient, idempotency_key: str,
             post_class: str, tags: str = "") -> Sent:
        """Create the letter; raise PostingFailed unless Stannp plainly took it."""
        fields = {
            "test": "true" if self.test_mode else "false",
            "duplex": "false",  # one side: a letter from a constituent, not a leaflet
            "clearzone": "true",
            # A misaddressed letter is worse than none: Stannp posts only what it can verify.
            "post_unverified": "false",
            "tags": tags,
            "recipient[firstname]": recipient.name,
            "recipient[town]": recipient.town,
            "recipient[postcode]": recipient.postcode,
            "recipient[country]": recipient.country,
        }
        for number, line in enumerate(recipient.address_lines[:3], start=1):
            fields[f"recipient[address{number}]"] = line
        if post_class == FIRST:
            fields["addons"] = "FIRST_CLASS"
        # The boundary comes from the key, not chance: a retry is then byte for byte the
        # first request, which is what Stannp's idempotency matches.
        body, content_type = encode_multipart_formdata(
            [*fields.items(), ("file", ("letter.pdf", pdf, "application/pdf"))],
            boundary="mp-letter-" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:32])
        try:
            response = requests.post(
                f"{self.api_url}/letters/create", data=body, auth=(self.api_key, ""),
                headers={"X-Idempotency-Key": idempotency_key, "Content-Type": content_type},
                timeout=(self.connect_timeout, self.read_timeout), allow_redirects=False)
        except requests.ConnectTimeout:
            raise PostingFailed("stannp: no connection in time") from None
        except requests.Timeout:  # the letter went; whether Stannp took it, we can't tell
            raise PostingFailed("stannp: no answer in time", unsure=True) from None
        except requests.RequestException as error:
            raise PostingFailed(f"stannp: unreachable ({type(error).__name__})") from None
        return _read_letter(response)


def _read_letter(response: requests.Response) -> Sent:
    # 409: the same letter again (the idempotency key), answered with the first answer.
    if response.status_code not in (200, 201, 409):
        raise PostingFailed(f"stannp: HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError:
        raise PostingFailed("stannp: an answer that is not JSON") from None
    if not isinstance(body, dict) or body.get("success") is not True:
        raise PostingFailed("stannp: refused the letter")
    data = body.get("data")
    if not isinstance(data, dict):
        raise PostingFailed("stannp: success without the letter")
    letter_id, status = data.get("id"), data.get("status")
    if (not isinstance(letter_id, (str, int)) or isinstance(letter_id, bool)
            or not str(letter_id).strip() or not isinstance(status, str)):
        raise PostingFailed("stannp: success without a letter id or status")
    cost = data.get("cost")
    return Sent(provider_id=str(letter_id), status=STATUSES.get(status, "sent"),
                cost=str(cost) if isinstance(cost, (str, int, float)) else "")


def signature(body: bytes, secret: str) -> str:
    """The signature Stannp sends with `body`: hex HMAC-SHA256 with the webhook's secret."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signed_by_stannp(body: bytes, headers, secret: str) -> bool:
    """True when `body` carries a valid signature under `secret` (never without one)."""
    if not secret:
        return False
    given = next((headers.get(name) for name in SIGNATURE_HEADERS if headers.get(name)), "")
    return bool(given) and hmac.compare_digest(given.strip().lower(), signature(body, secret))


def status_updates(body: bytes) -> list[tuple[str, str]]:
    """(Stannp's letter id, our status) for each mailpiece a webhook reports; [] for its
    test call. Raises ValueError for a body that is not a webhook's."""
    data = json.loads(body)
    if not isinstance(data, dict) or not isinstance(data.get("event"), str):
        raise ValueError("not a webhook")
    if data["event"] == "test_url":
        return []
    pieces = data.get("mailpieces")
    if not isinstance(pieces, list):
        raise ValueError("no mailpieces")
    updates = []
    for piece in pieces:
        if not isinstance(piece, dict) or str(piece.get("status")) not in STATUSES:
            raise ValueError("a mailpiece without a known status")
        updates.append((str(piece.get("id")), STATUSES[str(piece["status"])]))
    return updates
