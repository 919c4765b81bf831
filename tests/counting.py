"""Letters written through the citizen's journey on chosen days, for the counting tests.

The days are set on the app's clock, so each letter is recorded exactly as a real
one would be on that day (record, asks, formats).
"""
from __future__ import annotations

from datetime import date

from campaign.db import get_db
from tests.journey import Journey

PASSWORD = "correct horse battery"

HACKNEY = ("E14001271", "Hackney North and Stoke Newington", "Ms Diane Abbott", "Independent")
SEVENOAKS = ("E14001465", "Sevenoaks", "Laura Trott", "Conservative")
CHORLEY = ("E14001165", "Chorley", "Sir Lindsay Hoyle", "Speaker")

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


def create_user(runner, email: str, role: str) -> str:
    result = runner.invoke(args=["users", "create", email, "--role", role,
                                 "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    return email


def expected_by_constituency() -> list[list[str]]:
    """By constituency, most letters first, ties by name."""
    return [[*HACKNEY[:4], "2"], [*CHORLEY, "1"], [*SEVENOAKS, "1"]]


def expected_by_ask(titles: list[tuple[int, str]]) -> list[list[str]]:
    """Asks 1 and 2 were in three letters each, asks 3 and 4 in one each."""
    counts = [3, 3, 1, 1]
    return [[str(titles[i][0]), titles[i][1], str(n)] for i, n in enumerate(counts)]


def expected_by_day() -> list[list[str]]:
    return [["2025-03-01", "2"], ["2025-03-02", "1"], ["2025-03-05", "1"]]
