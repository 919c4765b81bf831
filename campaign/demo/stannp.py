"""A sample Stannp on loopback: `POST /v1/letters/create` as Stannp documents it.

It checks HTTP basic auth (the API key as the user name), reads the multipart body
(`file`, `recipient[...]`, `test`, `addons`, ...), keeps each letter it takes (the PDF
too, so tests read back what would have been printed) and answers
`{"success": true, "data": {"id", "status", "cost", "pdf", "created", "format"}}`.
`X-Idempotency-Key` works as Stannp's does: the same key with the same body answers 409
with the first answer. Beyond FakeServer's modes (error, garbage, slow, down) it can
`refuse` (success false) or `lie` (success without a letter id). `webhook_call` makes a
signed status call as Stannp's webhooks send them.
"""
from __future__ import annotations

import base64
import hashlib
import json
import threading
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP

from campaign.demo.server import FakeServer
from campaign.posting.stannp import signature

API_KEY = "demo-stannp-key"
WEBHOOK_SECRET = "demo-stannp-webhook-secret"
PRICES = {"FIRST_CLASS": "1.05", "": "0.86"}


@dataclass(frozen=True)
class TakenLetter:
    """One letter the fake took: its id, the form fields and the PDF it was sent."""

    id: str
    fields: dict[str, str]
    pdf: bytes

    @property
    def test(self) -> bool:
        return self.fields.get("test") in ("true", "1")


def read_multipart(body: bytes, content_type: str) -> tuple[dict[str, str], dict[str, bytes]]:
    """(text fields, files) of a multipart/form-data body."""
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    fields: dict[str, str] = {}
    files: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            raise ValueError(f"Not a named form field: {part.get_content_type()}")
        if part.get_filename():
            files[name] = payload
        else:
            fields[name] = payload.decode()
    return fields, files


class FakeStannp(FakeServer):
    def __init__(self, api_key: str = API_KEY):
        super().__init__()
        self.wants_headers = True
        self.api_key = api_key
        self.letters: list[TakenLetter] = []
        self._answers: dict[str, tuple[str, dict]] = {}
        self._lock = threading.Lock()
        self._handled = threading.Condition()
        self.handled = 0  # requests answered (a slow one counts once its wait is over)

    @property
    def api_url(self) -> str:
        return self.url + "/v1"

    def reset(self) -> None:
        self.mode = "ok"
        self.requests.clear()
        self.letters.clear()
        self._answers.clear()
        self.handled = 0

    def handle(self, method, path, query, body, headers=None):
        try:
            return self._answer(method, path, body, headers)
        finally:
            with self._handled:
                self.handled += 1
                self._handled.notify_all()

    def wait_until_handled(self, count: int, timeout: float = 10.0) -> bool:
        """Wait until `count` requests have been answered (a slow one finishes late)."""
        with self._handled:
            return self._handled.wait_for(lambda: self.handled >= count, timeout)

    def _answer(self, method, path, body, headers):
        headers = {name.lower(): value for name, value in (headers or {}).items()}
        if method != "POST" or path != "/v1/letters/create":
            return 404, {"success": False, "error": "Not found"}
        if not self._authorised(headers.get("authorization", "")):
            return 401, {"success": False, "error": "You do not have permission"}
        if self.mode == "refuse":
            return 200, {"success": False, "error": "Recipient address could not be verified"}
        if self.mode == "lie":
            return 200, {"success": True, "data": {"status": "received"}}
        fields, files = read_multipart(body, headers.get("content-type", ""))
        if "file" not in files or not fields.get("recipient[postcode]"):
            return 400, {"success": False, "error": "A file and a recipient are required"}
        key = headers.get("x-idempotency-key", "")
        digest = hashlib.sha256(body).hexdigest()
        with self._lock:
            if key and key in self._answers and self._answers[key][0] == digest:
                return 409, self._answers[key][1]
            letter = TakenLetter(str(1000 + len(self.letters)), fields, files["file"])
            self.letters.append(letter)
            answer = {"success": True, "data": {
                "pdf": f"{self.url}/samples/letter-{letter.id}.pdf", "id": letter.id,
                "created": "2026-12-07T10:00:00+00:00", "format": "A4",
                "cost": PRICES.get(fields.get("addons", ""), PRICES[""]),
                "status": "test" if letter.test else "received"}}
            if key:
                self._answers[key] = (digest, answer)
        return 200, answer

    def _authorised(self, header: str) -> bool:
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            user = base64.b64decode(value).decode().partition(":")[0]
        except ValueError:
            return False
        return user == self.api_key


def webhook_call(letter_id: str, status: str, secret: str = WEBHOOK_SECRET,
                 webhook_id: int = 1) -> tuple[bytes, dict[str, str]]:
    """The body and headers of Stannp's status webhook for one letter."""
    body = json.dumps({"webhook_id": webhook_id, "event": "mailpiece_status",
                       "created": "2026-12-07 12:00:00", "retries": "0",
                       "mailpieces": [{"id": letter_id, "status": status}]}).encode()
    return body, {"Content-Type": "application/json",
                  "X-Stannp-Sigature": signature(body, secret)}
