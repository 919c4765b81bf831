"""The tests' helpers, in one place (fixtures are in conftest.py).

The citizen's journey through the test client as a browser walks it (forms, CSRF
tokens and all); reading what a citizen gets (page text, PDF, DOCX); staff accounts,
signing in and posting staff forms; and letters written on chosen days for the
counting tests (the app's clock says which day it is).
"""
from __future__ import annotations

import re
from datetime import date
from html import unescape
from io import BytesIO

from docx import Document
from pypdf import PdfReader

from campaign.db import get_db
from campaign.demo.http_journey import SLUG, WRITER, hidden  # noqa: F401  (for the tests too)

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

    def email(self):
        """Follow "Email it from your own email" (the POST that counts, then redirects)."""
        return self.client.post(f"/c/{self.slug}/email", data={
            "letter": hidden(self.page, "letter"), "csrf_token": self._csrf()})

    @property
    def reference(self) -> str:
        """The letter's reference as the preview shows it ("" if none is shown)."""
        match = re.search(r'class="reference-code">([^<]+)<', self.page)
        return match.group(1) if match else ""

    def report(self, reference: str, **answers):
        """Tell /r/<reference> what happened (kind=posted|emailed|replied, ...)."""
        page = self.client.get(f"/r/{reference}").get_data(as_text=True)
        return self.client.post(f"/r/{reference}",
                                data={**answers, "csrf_token": hidden(page, "csrf_token")})


# Staff: accounts, signing in, and forms posted as a browser would (page first, for
# its CSRF token).

PASSWORD = "correct horse battery"
STAFF = "staff@example.org"
ORGANISER = "organiser@example.org"


def make_user(runner, email: str, role: str) -> str:
    """An account made with the `users create` command, as an operator would."""
    result = runner.invoke(args=["users", "create", email, "--role", role,
                                 "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    return email


def login(client, email: str, password: str = PASSWORD, next_url: str = ""):
    """Sign in through the sign-in form."""
    page = client.get("/staff/login").get_data(as_text=True)
    return client.post(f"/staff/login{next_url}", data={
        "email": email, "password": password, "csrf_token": hidden(page, "csrf_token")})


def sign_in(client, runner, email: str = STAFF, role: str = "staff"):
    make_user(runner, email, role)
    assert login(client, email).status_code == 302
    return client


def post(client, url: str, data: dict | None = None, form_url: str | None = None):
    """POST `data` to `url` with the CSRF token from `form_url` (default: `url`)."""
    page = client.get(form_url or url).get_data(as_text=True)
    return client.post(url, data={**(data or {}), "csrf_token": hidden(page, "csrf_token")})


def campaign_id_from(response) -> int:
    match = re.search(r"/staff/campaigns/(\d+)/", response.headers["Location"])
    assert match, response.headers.get("Location")
    return int(match.group(1))


def create_campaign(client, slug: str = "clean-rivers", title: str = "Clean up our rivers",
                    **fields) -> int:
    data = {"title": title, "slug": slug, "summary": "Sewage is poisoning our rivers.",
            "intro": "Water companies dump sewage.\n\nWrite to your MP.", "thank_you": ""}
    data.update(fields)
    response = post(client, "/staff/campaigns/new", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return campaign_id_from(response)


def add_ask(client, campaign_id: int, title: str, paragraph: str, explanation: str = "",
            enabled: bool = True):
    data = {"title": title, "paragraph": paragraph, "explanation": explanation}
    if enabled:
        data["enabled"] = "y"
    return post(client, f"/staff/campaigns/{campaign_id}/asks/new", data)


def set_wording(client, campaign_id: int, opening: str, closing: str, subject: str = ""):
    return post(client, f"/staff/campaigns/{campaign_id}/wording",
                {"opening": opening, "closing": closing, "subject": subject})


def set_status(client, campaign_id: int, status: str):
    return post(client, f"/staff/campaigns/{campaign_id}/status", {"status": status},
                form_url=f"/staff/campaigns/{campaign_id}/")


# Letters written through the journey on chosen days, for the counting tests.

HACKNEY = ("E14001259", "Hackney North and Stoke Newington", "Ms Diane Abbott", "Independent")
SEVENOAKS = ("E14001465", "Sevenoaks", "Laura Trott", "Conservative")
CHORLEY = ("E14001170", "Chorley", "Sir Lindsay Hoyle", "Speaker")

# (day, postcode, positions of the asks ticked among the campaign's asks, downloads)
LETTERS = [
    (date(2025, 3, 1), "E8 1DY", [0, 1], ["pdf", "docx", "pdf"]),  # one letter, three clicks
    (date(2025, 3, 1), "E8 1DY", [0, 3], ["docx"]),
    (date(2025, 3, 2), "BR8 7RE", [1], ["pdf"]),
    (date(2025, 3, 5), "PR7 1DP", [0, 1, 2], ["pdf", "docx"]),
]


def on_day(app, day: date) -> None:
    """Set the app's clock to `day`."""
    app.extensions["clock"] = lambda: day


def write_letter(client, day: date, postcode: str, ask_positions: list[int],
                 downloads: list[str]) -> None:
    """One citizen writes one letter and downloads it once per entry in `downloads`."""
    on_day(client.application, day)
    journey = Journey(client)
    assert journey.find_mp(postcode).status_code == 200
    ids = journey.ask_ids()
    assert journey.write(asks=[ids[i] for i in ask_positions]).status_code == 200
    for fmt in downloads:
        assert journey.download(fmt).status_code == 200


def write_all(client) -> None:
    """Write every letter in LETTERS."""
    for day, postcode, asks, downloads in LETTERS:
        write_letter(client, day, postcode, asks, downloads)


def ask_titles(app) -> list[tuple[int, str]]:
    """The launch campaign's asks as (id, title), in the order citizens see them."""
    with app.app_context():
        return [(row["id"], row["title"]) for row in get_db().query(
            "select id, title from asks where campaign_id = 1 order by position, id")]


def add_empty_campaign(app, slug: str = "empty-campaign") -> None:
    """A second, live campaign that no one has written for yet."""
    with app.app_context():
        db = get_db()
        with db.atomic():
            campaign_id = db["campaigns"].insert({"slug": slug, "title": "A campaign with no letters",
                                                  "status": "live"}).last_pk
            db["asks"].insert({"campaign_id": campaign_id, "position": 1, "title": "Only ask",
                               "paragraph": "Please do this."})


def expected_by_constituency() -> list[list[str]]:
    """By constituency, most letters first, ties by name."""
    return [[*HACKNEY[:4], "2"], [*CHORLEY, "1"], [*SEVENOAKS, "1"]]


def expected_by_ask(titles: list[tuple[int, str]]) -> list[list[str]]:
    """Asks 1 and 2 were in three letters each, asks 3 and 4 in one each."""
    counts = [3, 3, 1, 1]
    return [[str(titles[i][0]), titles[i][1], str(n)] for i, n in enumerate(counts)]


def expected_by_day() -> list[list[str]]:
    return [["2025-03-01", "2"], ["2025-03-02", "1"], ["2025-03-05", "1"]]
