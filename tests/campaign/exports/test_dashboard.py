"""The organisers' dashboard: figures, charts, tables and downloads, for signed-in
organisers and staff only."""
from __future__ import annotations

import csv
import io
import re

import pytest

from campaign.db import get_db
from tests.campaign.helpers import (
    PASSWORD,
    add_empty_campaign,
    ask_titles,
    expected_by_ask,
    expected_by_constituency,
    expected_by_day,
    login,
    make_user,
    page_text,
)

SLUG = "stop-trafficking-networks"
BASE = f"/staff/counts/{SLUG}"
FILES = [f"{BASE}/by-constituency.csv", f"{BASE}/by-ask.csv", f"{BASE}/by-day.csv",
         f"{BASE}/by-constituency.json", f"{BASE}/by-ask.json", f"{BASE}/by-day.json",
         f"{BASE}/counts.json"]


@pytest.fixture
def written(written):
    add_empty_campaign(written)
    return written


@pytest.fixture
def organiser(client, runner):
    email = make_user(runner, "Organiser@Example.org", "organiser")
    assert login(client, email, PASSWORD).status_code == 302
    return email


def table(response) -> list[list[str]]:
    data = response.get_data()
    assert data.startswith("\ufeff".encode())  # so that Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_anonymous_visitors_cannot_see_or_export_counts(written, client):
    for url in ["/staff/counts/", f"{BASE}/", *FILES, f"{BASE}/by-day.csv?since=2025-03-01"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/staff/login" in response.headers["Location"]
        assert "Hackney" not in response.get_data(as_text=True)


def test_organisers_download_exactly_what_was_written(written, client, organiser, runner):
    constituencies = client.get(f"{BASE}/by-constituency.csv")
    assert constituencies.status_code == 200
    assert constituencies.mimetype == "text/csv"
    assert constituencies.headers["Content-Disposition"] == (
        f'attachment; filename="letters-by-constituency-{SLUG}.csv"')
    assert table(constituencies) == [
        ["constituency_code", "constituency_name", "mp_name", "party", "letters"],
        *expected_by_constituency()]
    assert table(client.get(f"{BASE}/by-ask.csv"))[1:] == expected_by_ask(ask_titles(written))
    assert table(client.get(f"{BASE}/by-day.csv")) == [["day", "letters"], *expected_by_day()]
    # The same figures as the command line gives.
    cli = runner.invoke(args=["export", "counts", "--by", "ask", "--campaign", SLUG])
    assert table(client.get(f"{BASE}/by-ask.csv")) == list(csv.reader(io.StringIO(cli.stdout)))


def test_json_downloads(written, client, organiser):
    everything = client.get(f"{BASE}/counts.json")
    assert everything.mimetype == "application/json"
    document = everything.get_json()
    assert document["campaign"] == SLUG and document["letters"] == 4
    assert document["constituencies"] == 3
    assert [[r["constituency_code"], r["constituency_name"], r["mp_name"], r["party"],
             str(r["letters"])] for r in document["by_constituency"]] == expected_by_constituency()
    assert [[r["day"], str(r["letters"])] for r in document["by_day"]] == expected_by_day()
    assert [[str(r["ask_id"]), r["ask_title"], r["recipient"], str(r["letters"])]
            for r in document["by_ask"]] == expected_by_ask(ask_titles(written))
    one = client.get(f"{BASE}/by-day.json?since=2025-03-02").get_json()
    assert one == {"by": "day", "campaign": SLUG, "since": "2025-03-02", "until": None,
                   "rows": [{"day": "2025-03-02", "letters": 1},
                            {"day": "2025-03-03", "letters": 0},
                            {"day": "2025-03-04", "letters": 0},
                            {"day": "2025-03-05", "letters": 1}]}


def test_dashboard_shows_totals_charts_and_tables(written, client, organiser):
    response = client.get(f"{BASE}/")
    html = response.get_data(as_text=True)
    text = page_text(html)
    assert response.status_code == 200
    assert ("Letters 4 Constituencies 3 First letter 1 March 2025 Latest letter 5 March 2025"
            in text)
    # Charts: inline SVG with a name and a description, and the figures as tables.
    assert html.count('role="img"') == 2
    assert "4 letters from 1 March 2025 to 5 March 2025; the most on 1 March 2025, with 2 letters." in html
    assert "Hackney North and Stoke Newington: 2 letters; Chorley: 1 letter; Sevenoaks: 1 letter" in html
    assert ("1 March 2025 2 2 March 2025 1 3 March 2025 0 4 March 2025 0 5 March 2025 1"
            in text)
    assert ("Hackney North and Stoke Newington Ms Diane Abbott Independent 2 "
            "PDF evidence pack for Hackney North and Stoke Newington "
            "Chorley Sir Lindsay Hoyle Speaker 1 PDF evidence pack for Chorley "
            "Sevenoaks Laura Trott Conservative 1 PDF evidence pack for Sevenoaks") in text
    first_ask = ask_titles(written)[0][1]
    assert f"{first_ask} MPs 3 75%" in text
    for url in (f"{BASE}/by-constituency.csv", f"{BASE}/by-ask.csv", f"{BASE}/by-day.csv",
                f"{BASE}/counts.json"):
        assert f'href="{url}"' in html
    # Ready for a Content Security Policy without inline script or style.
    assert "<style" not in html and "style=" not in html
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/site.js" defer>']


def test_filters_apply_to_the_page_and_its_downloads(written, client, organiser):
    html = client.get(f"{BASE}/?since=2025-03-02&until=2025-03-05").get_data(as_text=True)
    text = page_text(html)
    assert "From 2 March 2025 to 5 March 2025" in text
    assert "Letters 2 Constituencies 2" in text
    assert f'href="{BASE}/by-day.csv?since=2025-03-02&amp;until=2025-03-05"' in html
    response = client.get(f"{BASE}/by-constituency.csv?since=2025-03-02&until=2025-03-05")
    assert table(response)[1:] == expected_by_constituency()[1:]
    assert "letters-by-constituency-stop-trafficking-networks-2025-03-02-to-2025-03-05.csv" \
        in response.headers["Content-Disposition"]
    assert table(client.get(f"{BASE}/by-day.csv?until=2025-03-01")) == [
        ["day", "letters"], ["2025-03-01", "2"]]


def test_by_day_lists_every_day_of_the_range_with_0_for_none(written, client, organiser):
    # From the range's first day to its last, so a chart made from the file has no gaps.
    assert table(client.get(f"{BASE}/by-day.csv?since=2025-02-27&until=2025-03-03")) == [
        ["day", "letters"], ["2025-02-27", "0"], ["2025-02-28", "0"], ["2025-03-01", "2"],
        ["2025-03-02", "1"], ["2025-03-03", "0"]]
    # Without dates: from the first letter to the latest.
    days = client.get(f"{BASE}/by-day.json").get_json()["rows"]
    assert [row["letters"] for row in days] == [2, 1, 0, 0, 1]
    # The totals still name the days letters were written.
    text = page_text(client.get(f"{BASE}/?since=2025-02-27&until=2025-03-03").get_data(as_text=True))
    assert "First letter 1 March 2025 Latest letter 2 March 2025" in text


def test_bad_dates_are_explained(written, client, organiser):
    response = client.get(f"{BASE}/?since=2025-02-30")
    assert response.status_code == 400
    text = page_text(response.get_data(as_text=True))
    assert ("The start date in this page's address, '2025-02-30', is not a date. Choose the "
            "days again below: day, month and year in numbers, like 31 3 2025.") in text
    backwards = client.get(f"{BASE}/?since=2025-03-05&until=2025-03-01")
    assert "The start date (5 March 2025) is after the end date (1 March 2025)." in page_text(
        backwards.get_data(as_text=True))
    download = client.get(f"{BASE}/by-day.csv?until=yesterday")
    assert download.status_code == 400
    assert ("The end date in this page's address, 'yesterday', is not a date."
            in page_text(download.get_data(as_text=True)))
    # Nowhere a YYYY-MM-DD for a person to decode.
    assert "YYYY" not in response.get_data(as_text=True) + download.get_data(as_text=True)


def test_dates_are_typed_as_day_month_and_year(written, client, organiser):
    html = client.get(f"{BASE}/").get_data(as_text=True)
    text = page_text(html)
    assert "From For example, 31 3 2025 Day Month Year To For example, 31 3 2025" in text
    assert 'name="since_day"' in html and 'inputmode="numeric"' in html
    assert 'type="date"' not in html
    # Typed boxes lead to the address to share, which every download link uses.
    typed = client.get(f"{BASE}/?since_day=2&since_month=3&since_year=2025"
                       "&until_day=5&until_month=03&until_year=2025")
    assert typed.status_code == 302
    assert typed.headers["Location"] == f"{BASE}/?since=2025-03-02&until=2025-03-05"
    page = client.get(typed.headers["Location"]).get_data(as_text=True)
    assert "From 2 March 2025 to 5 March 2025" in page_text(page)
    assert 'name="since_day" type="text" value="2"' in page
    assert 'name="until_year" type="text" value="2025"' in page
    only_start = client.get(f"{BASE}/?since_day=2&since_month=3&since_year=2025"
                            "&until_day=&until_month=&until_year=")
    assert only_start.headers["Location"] == f"{BASE}/?since=2025-03-02"


@pytest.mark.parametrize(("query", "sentence"), [
    ("since_day=31&since_month=2&since_year=2025",
     "The start date must be a real date, like 31 3 2025; February 2025 has 28 days, so there "
     "is no day 31."),
    ("since_day=1&since_month=13&since_year=2025",
     "The start date must be a real date, like 31 3 2025; months run from 1 to 12, so there is "
     "no month 13."),
    ("since_day=1&since_month=&since_year=2025",
     "The start date must include a month, like 31 3 2025."),
    ("until_day=one&until_month=3&until_year=2025",
     "The end date must be written in numbers: day, month and year, like 31 3 2025."),
    ("until_day=1&until_month=3&until_year=25", "The end date's year must have 4 numbers, like 2025."),
    ("since_day=5&since_month=3&since_year=2025&until_day=1&until_month=3&until_year=2025",
     "The start date (5 March 2025) is after the end date (1 March 2025)."),
])
def test_a_wrong_date_says_what_to_type(written, client, organiser, query, sentence):
    response = client.get(f"{BASE}/?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    text = page_text(html)
    assert "There is a problem" in text
    assert text.count(sentence) == 2  # in the summary and beside the date
    assert 'aria-invalid="true"' in html
    # What was typed stays in the boxes.
    for name, value in (pair.split("=") for pair in query.split("&")):
        if value:
            assert f'name="{name}" type="text" value="{value}"' in html


def test_an_empty_campaign_has_headers_only(written, client, organiser):
    base = "/staff/counts/empty-campaign"
    with written.app_context():
        only_ask = get_db().execute("select id from asks where title = 'Only ask'").fetchone()[0]
    assert "No letters yet" in page_text(client.get(f"{base}/").get_data(as_text=True))
    bom = "\ufeff"
    assert client.get(f"{base}/by-constituency.csv").get_data(as_text=True) == (
        bom + "constituency_code,constituency_name,mp_name,party,letters\r\n")
    assert client.get(f"{base}/by-ask.csv").get_data(as_text=True) == (
        bom + "ask_id,ask_title,recipient,letters\r\n" + f"{only_ask},Only ask,MP,0\r\n")  # none yet
    assert client.get(f"{base}/by-day.csv").get_data(as_text=True) == bom + "day,letters\r\n"
    assert client.get(f"{base}/counts.json").get_json()["by_day"] == []


def test_the_index_lists_every_campaign_with_its_letters(written, client, organiser):
    text = page_text(client.get("/staff/counts/").get_data(as_text=True))
    assert "A campaign with no letters live 0" in text
    assert "Break the networks that traffic people and exploit young people live 4" in text
    assert client.get("/staff/counts/no-such-campaign/").status_code == 404
    assert client.get("/staff/counts/no-such-campaign/by-day.csv").status_code == 404


def test_staff_can_see_counts_too_and_find_them_from_home(written, client, runner):
    make_user(runner, "staff@example.org", "staff")
    login(client, "staff@example.org")
    home = client.get("/staff/").get_data(as_text=True)
    assert 'href="/staff/counts/"' in home
    assert client.get(f"{BASE}/by-day.csv").status_code == 200
    assert client.get(f"{BASE}/").status_code == 200


def test_downloads_are_not_cached(written, client, organiser):
    response = client.get(f"{BASE}/by-day.csv")
    assert response.headers["Cache-Control"] == "no-store"
    assert re.match(r"text/csv; charset=utf-8", response.headers["Content-Type"])
