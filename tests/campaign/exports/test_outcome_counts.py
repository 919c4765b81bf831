"""Organisers' figures on what happened to letters: sent, replied, median reply time,
by MP and by party, with rates only where at least five letters were reported."""
from __future__ import annotations

import csv
import io
import json

import pytest

from tests.campaign.helpers import Journey, page_text, sign_in

SLUG = "stop-trafficking-networks"


def _letter(client, postcode: str, *reports: dict) -> None:
    journey = Journey(client)
    journey.find_mp(postcode)
    journey.write()
    reference = journey.reference
    assert journey.download("pdf").status_code == 200
    for answers in reports:
        assert journey.report(reference, **answers).status_code == 200


POSTED = {"kind": "posted"}


def _reply(within: str, how: str = "personal") -> dict:
    return {"kind": "replied", "reply_within": within, "reply_kind": how}


@pytest.fixture
def reported(app, client):
    # Hackney: 6 letters, 5 reported (3 replies: week, week, month); Sevenoaks: 2 letters,
    # both reported, one reply: too few for rates.
    _letter(client, "E8 1DY", POSTED, _reply("week"))
    _letter(client, "E8 1DY", POSTED, _reply("week", "standard"))
    _letter(client, "E8 1DY", {"kind": "emailed"}, _reply("month"))
    _letter(client, "E8 1DY", POSTED)
    _letter(client, "E8 1DY", POSTED)
    _letter(client, "E8 1DY")
    _letter(client, "BR8 7RE", POSTED, _reply("later"))
    _letter(client, "BR8 7RE", POSTED)
    return app


def _export(runner, *args):
    result = runner.invoke(args=["export", "counts", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode()


def test_export_by_mp(reported, runner):
    rows = list(csv.DictReader(io.StringIO(_export(runner, "--by", "mp", "--campaign", SLUG))))
    hackney, sevenoaks = rows
    assert hackney["mp_name"] == "Ms Diane Abbott" and hackney["party"] == "Independent"
    assert (hackney["letters"], hackney["reported_sent"], hackney["replied"],
            hackney["personal_replies"]) == ("6", "5", "3", "2")
    assert hackney["median_reply"] == "week"
    assert hackney["sent_rate"] == "0.833" and hackney["reply_rate"] == "0.6"
    assert sevenoaks["mp_name"] == "Laura Trott"
    assert (sevenoaks["letters"], sevenoaks["reported_sent"], sevenoaks["replied"]) == (
        "2", "2", "1")
    # Fewer than five reported: no rates, no median.
    assert sevenoaks["sent_rate"] == sevenoaks["reply_rate"] == sevenoaks["median_reply"] == ""


def test_export_by_party_json(reported, runner):
    document = json.loads(_export(runner, "--by", "party", "--format", "json"))
    parties = {row["party"]: row for row in document["rows"]}
    assert parties["Independent"]["replied"] == 3
    assert parties["Conservative"]["letters"] == 2
    assert parties["Conservative"]["reply_rate"] == ""


def test_dashboard_shows_outcomes_and_the_floor(reported, client, runner):
    sign_in(client, runner, "organiser@example.org", "organiser")
    html = client.get(f"/staff/counts/{SLUG}/").get_data(as_text=True)
    text = page_text(html)
    assert "Sent and answered" in text
    assert "only where at least 5 letters were reported" in text
    assert "60%" in text  # Hackney's reply rate
    assert f"/staff/counts/{SLUG}/by-mp.csv" in html
