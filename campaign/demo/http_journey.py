"""One citizen's journey over real HTTP, as a browser would make it.

Used against a live gunicorn (campaign.demo.live_site) by the concurrency and
register-lease tests and the load benchmark. It
uses http.client with one keep-alive connection, because a heavier client would
take the CPU the server is being measured on.
"""
from __future__ import annotations

import http.client
import re
import time
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlencode, urlsplit

# The launch campaign, and a writer whose name and address need more than ASCII.
SLUG = "stop-trafficking-networks"

WRITER = {
    "full_name": "Siân Ëlira Çela-Łukasz",
    "address_line1": "12 Glyndŵr Road",
    "address_line2": "Flat 3",
    "town": "London",
}


def hidden(html: str, name: str) -> str:
    """The value of the hidden input called `name` in `html`."""
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html)
    assert match, f"no hidden field {name!r} in page"
    return unescape(match.group(1))


#: The campaign page's postcode form: a GET of the letter form's own address.
POSTCODE_FORM = re.compile(r'<form method="get" action="([^"]+/write)"[^>]*>(.*?)</form>', re.S)


def postcode_form_address(html: str, postcode: str) -> str:
    """The address a browser opens on sending the campaign page's postcode form (a GET
    of the letter form's own address) with `postcode` typed: its action, then its
    fields in the page's order (the postcode, the seed the page wrote)."""
    form = POSTCODE_FORM.search(html)
    assert form, "no postcode form (a GET of the letter form) in page"
    fields = []
    for tag in re.findall(r"<input\b[^>]*>", form.group(2)):
        name = re.search(r'\bname="([^"]*)"', tag)
        value = re.search(r'\bvalue="([^"]*)"', tag)
        if name:
            fields.append((name.group(1), postcode if name.group(1) == "postcode"
                           else unescape(value.group(1) if value else "")))
    return f"{unescape(form.group(1))}?{urlencode(fields)}"


STEPS = ("campaign", "postcode", "preview", "download")


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class HttpJourney:
    """Walks campaign page -> postcode -> preview -> download, timing each step."""

    base_url: str
    slug: str = SLUG
    #: The pages' language in the address: "" (English) or "/cy" (Welsh).
    language_prefix: str = ""
    timings: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STEPS})
    _conn: http.client.HTTPConnection | None = None
    _cookie: str = ""
    _cookies: dict[str, str] = field(default_factory=dict)

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            parts = urlsplit(self.base_url)
            if not parts.hostname:
                raise ValueError(f"No host in the base URL {self.base_url!r}")
            self._conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def request(self, method: str, path: str, form: dict | None = None) -> Answer:
        headers = {"Cookie": self._cookie} if self._cookie else {}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                conn = self._connection()
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection; open a new one once.
                self.close()
                if attempt == 2:
                    raise
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            if value:
                self._cookies[name] = value
            else:  # an expired cookie: the browser forgets it
                self._cookies.pop(name, None)
        self._cookie = "; ".join(f"{name}={value}" for name, value in self._cookies.items())
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return Answer(response.status, data, {k.lower(): v for k, v in response.getheaders()})

    def _timed(self, step: str, method: str, path: str, form: dict | None = None) -> Answer:
        started = time.perf_counter()
        return self._record(step, started, self.request(method, path, form))

    def _record(self, step: str, started: float, answer: Answer) -> Answer:
        """Count `answer` as step `step`, begun at `started` (perf_counter)."""
        self.timings[step].append(time.perf_counter() - started)
        return answer

    def letter(self, postcode: str = "E8 1DY", fmt: str = "pdf", **writer) -> Answer:
        """Write one letter from the start; return the download's answer.

        Raises AssertionError naming the step that did not answer 200.
        """
        self._cookie = ""
        page = self._timed("campaign", "GET", f"{self.language_prefix}/c/{self.slug}/")
        assert page.status == 200, ("campaign", page.status)
        # The postcode form is a GET straight to the letter form's own address.
        started = time.perf_counter()
        found = self.request("GET", postcode_form_address(page.text, postcode))
        self.timings["postcode"].append(time.perf_counter() - started)
        assert found.status == 200, ("postcode", found.status, found.text[:500])
        csrf = hidden(found.text, "csrf_token")
        asks = _ask_ids(found.text)[:2]
        started = time.perf_counter()
        preview = self.request("POST", f"{self.language_prefix}/c/{self.slug}/letter", {
            **WRITER, **writer, "postcode": postcode, "asks": asks, "personal_note": "",
            "csrf_token": csrf})
        if preview.status == 303:  # on to the preview's own address (post/redirect/get)
            location = urlsplit(preview.headers["location"])
            preview = self.request("GET", f"{location.path}?{location.query}")
        self._record("preview", started, preview)
        assert preview.status == 200, ("preview", preview.status, preview.text[:500])
        download = self._timed("download", "POST", f"{self.language_prefix}/c/{self.slug}/download", {
            "letter": hidden(preview.text, "letter"), "format": fmt,
            "csrf_token": hidden(preview.text, "csrf_token")})
        assert download.status == 200, ("download", download.status, download.text[:500])
        return download


def _ask_ids(html: str) -> list[str]:
    return re.findall(r'name="asks" value="(\d+)"', html)
