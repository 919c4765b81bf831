"""`flask export counts`: the letters written through the site, exactly, as CSV and JSON."""
from __future__ import annotations

import csv
import io
import json

import pytest

from tests.campaign.helpers import (
    add_empty_campaign,
    ask_titles,
    expected_by_ask,
    expected_by_constituency,
    expected_by_day,
)

SLUG = "stop-trafficking-networks"


@pytest.fixture
def written(written):
    add_empty_campaign(written)
    return written


def export(runner, *args: str):
    result = runner.invoke(args=["export", "counts", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode()


def table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_by_constituency_csv(written, runner):
    assert table(export(runner, "--by", "constituency")) == [
        ["constituency_code", "constituency_name", "mp_name", "party", "letters"],
        *expected_by_constituency()]


def test_by_ask_csv(written, runner):
    assert table(export(runner, "--by", "ask", "--campaign", SLUG)) == [
        ["ask_id", "ask_title", "recipient", "letters"], *expected_by_ask(ask_titles(written))]


def test_by_day_csv_is_plain_text_one_line_per_day(written, runner):
    assert export(runner, "--by", "day") == (
        "day,letters\n2025-03-01,2\n2025-03-02,1\n2025-03-03,0\n2025-03-04,0\n2025-03-05,1\n")
    assert table(export(runner, "--by", "day"))[1:] == expected_by_day()


def test_json_carries_the_same_rows(written, runner):
    document = json.loads(export(runner, "--by", "constituency", "--format", "json",
                                 "--campaign", SLUG, "--since", "2025-03-01"))
    assert document == {
        "by": "constituency", "campaign": SLUG, "since": "2025-03-01", "until": None,
        "rows": [{"constituency_code": code, "constituency_name": name, "mp_name": mp,
                  "party": party, "letters": int(n)}
                 for code, name, mp, party, n in expected_by_constituency()]}
    days = json.loads(export(runner, "--by", "day", "--format", "json"))["rows"]
    assert days == [{"day": d, "letters": int(n)} for d, n in expected_by_day()]
    asks = json.loads(export(runner, "--by", "ask", "--format", "json"))["rows"]
    assert [[str(r["ask_id"]), r["ask_title"], r["recipient"], str(r["letters"])] for r in asks] == \
        expected_by_ask(ask_titles(written), zeros=False)  # every campaign: no zeros


def test_since_and_until_are_inclusive(written, runner):
    assert table(export(runner, "--by", "day", "--since", "2025-03-02"))[1:] == [
        ["2025-03-02", "1"], ["2025-03-03", "0"], ["2025-03-04", "0"], ["2025-03-05", "1"]]
    assert table(export(runner, "--by", "constituency", "--until", "2025-03-01"))[1:] == [
        expected_by_constituency()[0]]
    assert table(export(runner, "--by", "constituency", "--since", "2025-03-02",
                        "--until", "2025-03-02"))[1:] == [expected_by_constituency()[2]]


def test_campaign_filter_and_empty_campaigns_export_headers_only(written, runner):
    for by, header in (("constituency", "constituency_code,constituency_name,mp_name,party,letters"),
                       ("day", "day,letters")):
        assert export(runner, "--by", by, "--campaign", "empty-campaign") == header + "\n"
    # Its asks are listed, each with no letters yet.
    rows = json.loads(export(runner, "--by", "ask", "--campaign", "empty-campaign",
                             "--format", "json"))["rows"]
    assert [(row["ask_title"], row["letters"]) for row in rows] == [("Only ask", 0)]
    # A range with no letters is empty too.
    assert export(runner, "--by", "day", "--since", "2030-01-01") == "day,letters\n"


def test_an_empty_database_exports_headers_only(runner):
    assert export(runner, "--by", "ask") == "ask_id,ask_title,recipient,letters\n"


@pytest.mark.parametrize("args, message", [
    (["--campaign", "no-such-campaign"],
     "There is no campaign 'no-such-campaign'. Campaigns: stop-trafficking-networks."),
    (["--since", "1/3/2025"], "The start date must be a date written YYYY-MM-DD"),
    (["--until", "2025-13-01"], "The end date '2025-13-01' is not a real date."),
    (["--since", "2025-03-05", "--until", "2025-03-01"],
     "The start date (2025-03-05) is after the end date (2025-03-01)."),
])
def test_bad_input_gets_a_clear_error_and_no_rows(runner, args, message):
    result = runner.invoke(args=["export", "counts", "--by", "day", *args])
    assert result.exit_code != 0
    assert message in result.stderr
    assert result.stdout == ""


def test_by_is_required_and_checked(runner):
    assert runner.invoke(args=["export", "counts"]).exit_code == 2
    result = runner.invoke(args=["export", "counts", "--by", "person"])
    assert result.exit_code == 2 and "'person' is not one of" in result.stderr
