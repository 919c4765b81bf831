"""Walk the citizen's journey through the test client, as a browser would: forms,
CSRF tokens and all. Also helpers to read what a citizen gets (PDF, DOCX text)."""
from __future__ import annotations

import re
from html import unescape
from io import BytesIO

from docx import Document
from pypdf import PdfReader

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


def textareas(html: str) -> dict[str, str]:
    """Each textarea's name and text in `html`, as a browser would send them."""
    return {name: unescape(text.removeprefix("\n")) for name, text in re.findall(
        r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S)}


def page_text(html: str) -> str:
    """Visible text of a page, roughly: tags dropped, entities decoded, spaces folded."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def docx_paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(BytesIO(data)).paragraphs]


class Journey:
    """One citizen's visit: campaign page -> MP -> letter form -> preview -> download."""

    def __init__(self, client, slug: str = SLUG):
        self.client = client
        self.slug = slug
        self.page = ""

    def _csrf(self) -> str:
        return hidden(self.page, "csrf_token")

    def open(self, query: str = ""):
        response = self.client.get(f"/c/{self.slug}/{query}")
        self.page = response.get_data(as_text=True)
        return response

    def find_mp(self, postcode: str):
        if not self.page:
            self.open()
        response = self.client.post(f"/c/{self.slug}/mp",
                                    data={"postcode": postcode, "csrf_token": self._csrf()})
        self.page = response.get_data(as_text=True)
        return response

    def ask_ids(self) -> list[str]:
        return re.findall(r'name="asks" value="(\d+)"', self.page)

    def write(self, asks: list[str] | None = None, note: str = "", **fields):
        """Send the letter form as a browser would: its seed and every paragraph's textarea
        too; `self.suggested` keeps what the textareas held (opening, ask-N, closing)."""
        shown = {name: text for name, text in textareas(self.page).items()
                 if name.startswith("para-")}
        self.suggested = {name.removeprefix("para-"): text for name, text in shown.items()}
        data = {**WRITER, "postcode": hidden(self.page, "postcode") if 'name="postcode"' in self.page else "",
                "personal_note": note, "csrf_token": self._csrf(), **shown}
        if 'name="seed"' in self.page:
            data["seed"] = hidden(self.page, "seed")
        data.update(fields)
        data["asks"] = self.ask_ids()[:2] if asks is None else asks
        response = self.client.post(f"/c/{self.slug}/letter", data=data)
        self.page = response.get_data(as_text=True)
        return response

    def download(self, fmt: str):
        return self.client.post(f"/c/{self.slug}/download", data={
            "letter": hidden(self.page, "letter"), "format": fmt, "csrf_token": self._csrf()})
