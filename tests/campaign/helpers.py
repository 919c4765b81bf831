"""The site's test helpers, in one place (fixtures are in conftest.py beside this file;
test modules import from here, never from each other).

The app as the `app` fixture builds it (`make_app`); the citizen's journey through the
test client as a browser walks it (forms, CSRF tokens and all); reading a page's text;
staff accounts, signing in and posting staff forms; letters written on chosen days for
the counting tests (the app's clock says which day it is). Reading a PDF or DOCX, and
the letters for the renderer tests, are in tests/letters/helpers.py (no site there).
"""
from __future__ import annotations

import re
import shutil
import time
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

from campaign import create_app
from campaign.campaigns.launch import load_launch_campaign
from campaign.clock import Clock
from campaign.db import get_db
from campaign.demo.http_journey import (  # noqa: F401  (for the tests too)
    POSTCODE_FORM,
    SLUG,
    WRITER,
    hidden,
    postcode_form_address,
)
from campaign.migrations.runner import migrated_db


def make_app(config: dict, clock: Clock | None = None, database: Path | None = None):
    """An app like the `app` fixture's (migrated, launch campaign loaded), for tests that
    need a second configuration; on the real clock unless given one.

    `database` is a closed database file to start from, copied to DATABASE_PATH when no
    database is there yet: the `app` fixture starts from one migrated once per session
    (`database_template`), which is much faster than migrating afresh for every test."""
    path = Path(config["DATABASE_PATH"])
    if database is not None and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(database, path)
    app = create_app(config, clock)
    with app.app_context():
        load_launch_campaign(migrated_db())
    return app


def close_database(app) -> Path:
    """Close this thread's connection to `app`'s database, so that its file holds every
    write (SQLite folds the WAL back in when the last connection closes), and return
    the file's path: a database other tests can start from."""
    app.extensions["db_connections"].discard()
    path = Path(app.config["DATABASE_PATH"])
    assert not path.with_name(path.name + "-wal").exists(), "another connection is open"
    return path


def base_config(database_path: Path, postcodes_url: str, members_url: str) -> dict:
    """The tests' configuration (the `app_config` fixture's)."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_PATH": str(database_path),
        "POSTCODES_API_URL": postcodes_url,
        "MEMBERS_API_URL": members_url,
        "UPSTREAM_CONNECT_TIMEOUT": 0.5,
        "UPSTREAM_READ_TIMEOUT": 1.0,
        # Many tests make many requests; tests/campaign/site/test_rate_limits.py turns limits on.
        "RATELIMIT_ENABLED": False,
        # A background refresh would add requests to the fakes behind a test's back;
        # tests/campaign/lookup/test_register_upkeep.py turns it on.
        "MP_REGISTER_AUTO_REFRESH": False,
    }


def textareas(html: str) -> dict[str, str]:
    """Each textarea's name and text in `html`, as a browser would send them."""
    return {name: unescape(text.removeprefix("\n")) for name, text in re.findall(
        r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S)}


def page_text(html: str) -> str:
    """Visible text of a page, roughly: tags dropped, entities decoded, spaces folded."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


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
        # The campaign page's postcode form is a GET of the letter form's own address
        # (/write), with the seed the page wrote; from any other page (a letter form,
        # a second postcode), that address without one, as the embedded box sends it.
        if POSTCODE_FORM.search(self.page):
            address = postcode_form_address(self.page, postcode)
        else:
            address = f"/c/{self.slug}/write?{urlencode({'postcode': postcode})}"
        response = self.client.get(address, follow_redirects=True)
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
        for name in ("seed", "looked_up"):
            if f'name="{name}"' in self.page:
                data[name] = hidden(self.page, name)
        data.update(fields)
        data["asks"] = self.ask_ids()[:2] if asks is None else asks
        # The preview is its own page (post/redirect/get), as a browser follows it.
        response = self.client.post(f"/c/{self.slug}/letter", data=data,
                                    follow_redirects=True)
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


def write_pdf_letter(client, postcode: str) -> None:
    """A letter from `postcode`, previewed with the form as suggested and downloaded."""
    journey = Journey(client)
    journey.find_mp(postcode)
    journey.write()
    assert journey.download("pdf").status_code == 200


class WelshClient:
    """A test client that asks for every page under /cy/, as a Welsh reader's browser does."""

    def __init__(self, client):
        self.client = client
        self.application = client.application

    def get(self, path, **kwargs):
        # An address a Welsh page wrote (its postcode form's action) is under /cy/ already.
        return self.client.get(path if path.startswith("/cy/") else "/cy" + path, **kwargs)

    def post(self, path, **kwargs):
        return self.client.post("/cy" + path, **kwargs)


def welsh_journey(client) -> Journey:
    return Journey(WelshClient(client))


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
    """Save this opening, closing and subject, with no Welsh for them (as staff emptying
    the Welsh boxes under them would); the form's other texts stay as they are."""
    return post(client, f"/staff/campaigns/{campaign_id}/wording",
                {"opening": opening, "closing": closing, "subject": subject,
                 "opening_cy": "", "closing_cy": "", "subject_cy": ""})


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
    """Set the app's clock to noon, UK time, on `day`."""
    app.extensions["clock"].set_today(day)


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


def expected_by_ask(titles: list[tuple[int, str]], zeros: bool = True) -> list[list[str]]:
    """Asks 1 and 2 were in three letters each, asks 3 and 4 in one each, the rest
    (still offered) in none: listed with 0 when counting one campaign (`zeros`)."""
    counts = [3, 3, 1, 1] + ([0] * (len(titles) - 4) if zeros else [])
    return [[str(titles[i][0]), titles[i][1], "MP", str(n)] for i, n in enumerate(counts)]


def expected_by_day() -> list[list[str]]:
    """Every day from the first letter to the last, 0 where none was written."""
    return [["2025-03-01", "2"], ["2025-03-02", "1"], ["2025-03-03", "0"], ["2025-03-04", "0"],
            ["2025-03-05", "1"]]


# Waiting on what happens in another process (gunicorn's workers, nginx, a client
# thread), where no event of this one can tell: poll a condition, never sleep a guess.

def wait_until(condition, *, seconds: float = 20, what: str = "the condition") -> None:
    """Check `condition()` every 20 ms until it is true; fail naming `what` after
    `seconds`. As soon as it holds the test goes on, however loaded the machine."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds:g} s for {what}")
        time.sleep(0.02)
