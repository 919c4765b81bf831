"""Counting letters: once per letter, nothing personal, and the public counter."""
from __future__ import annotations

from datetime import date

import pytest

from campaign.db import get_db
from campaign.exports import charts, queries
from campaign.exports.files import to_csv
from tests.campaign.helpers import (
    CHORLEY,
    HACKNEY,
    SEVENOAKS,
    Journey,
    ask_titles,
    expected_by_ask,
    page_text,
    write_letter,
)


def _rows(app, by, **filters):
    with app.app_context():
        return queries.breakdown(get_db(), by, queries.Filter(**filters))


def test_each_letter_counts_once_whatever_was_downloaded(written):
    assert [(r["constituency_code"], r["letters"]) for r in _rows(written, "constituency")] == [
        (HACKNEY[0], 2), (CHORLEY[0], 1), (SEVENOAKS[0], 1)]
    with written.app_context():
        one_campaign = queries.Filter(campaign_id=1)
        totals = queries.summarise(queries.by_constituency(get_db(), one_campaign),
                                   queries.by_day(get_db(), one_campaign))
        assert totals == queries.Totals(
            letters=4, constituencies=3, first_day="2025-03-01", last_day="2025-03-05")


def test_a_letter_record_holds_nothing_about_the_person(written):
    with written.app_context():
        db = get_db()
        letters = list(db.query("select * from letters order by id"))
        pairs = list(db.query("select * from letter_asks"))
    assert set(letters[0]) == {"id", "token", "campaign_id", "constituency_code",
                               "constituency_name", "day", "formats", "reference_hash",
                               "target_id", "language", "member_id", "mp_name", "stance", "mp_post"}
    assert set(pairs[0]) == {"letter_id", "ask_id", "day", "wording"}
    assert [(r["constituency_code"], r["day"], r["formats"]) for r in letters] == [
        (HACKNEY[0], "2025-03-01", "pdf,docx"), (HACKNEY[0], "2025-03-01", "docx"),
        (SEVENOAKS[0], "2025-03-02", "pdf"), (CHORLEY[0], "2025-03-05", "pdf,docx")]
    assert len(pairs) == 2 + 2 + 1 + 3


def test_rows_carry_the_mp_from_the_register(written):
    rows = _rows(written, "constituency")
    assert [(r["constituency_name"], r["mp_name"], r["party"]) for r in rows] == [
        HACKNEY[1:], CHORLEY[1:], SEVENOAKS[1:]]


def test_a_seat_missing_from_the_register_keeps_its_row(written):
    with written.app_context():
        db = get_db()
        with db.atomic():
            db.execute("delete from mps where constituency_name = 'Chorley'")
    row = [r for r in _rows(written, "constituency") if r["constituency_code"] == CHORLEY[0]]
    assert row == [{"constituency_code": CHORLEY[0], "constituency_name": "Chorley",
                    "mp_name": "", "party": "", "letters": 1}]


def test_asks_are_counted_per_letter_that_chose_them(written):
    rows = _rows(written, "ask")  # every campaign: the asks with letters
    assert [[str(r["ask_id"]), r["ask_title"], r["recipient"], str(r["letters"])] for r in rows] == \
        expected_by_ask(ask_titles(written), zeros=False)
    rows = _rows(written, "ask", campaign_id=1)  # one campaign: its other asks with 0
    assert [[str(r["ask_id"]), r["ask_title"], r["recipient"], str(r["letters"])] for r in rows] == \
        expected_by_ask(ask_titles(written))


def test_dates_are_inclusive(written):
    days = _rows(written, "day", since=date(2025, 3, 2), until=date(2025, 3, 5))
    assert days == [{"day": "2025-03-02", "letters": 1}, {"day": "2025-03-03", "letters": 0},
                    {"day": "2025-03-04", "letters": 0}, {"day": "2025-03-05", "letters": 1}]
    asks = _rows(written, "ask", until=date(2025, 3, 1))
    assert sum(r["letters"] for r in asks) == 4  # the two Hackney letters, two asks each


@pytest.mark.parametrize("text, message", [
    ("01/03/2025", "must be a date written YYYY-MM-DD"),
    ("20250301", "must be a date written YYYY-MM-DD"),
    ("2025-02-30", "is not a real date"),
])
def test_bad_dates_are_refused_with_a_reason(text, message):
    with pytest.raises(queries.BadFilter, match=message):
        queries.make_filter(None, text, None)


def test_a_backwards_range_is_refused():
    with pytest.raises(queries.BadFilter, match="start date .2025-03-05. is after the end date"):
        queries.make_filter(None, "2025-03-05", "2025-03-01")


def test_csv_cells_that_spreadsheets_would_run_stay_text():
    text = to_csv([{"ask_id": 1, "ask_title": "=HYPERLINK(\"x\")", "recipient": "MP",
                    "letters": 2}], queries.COLUMNS["ask"])
    assert text == "ask_id,ask_title,recipient,letters\r\n1,\"'=HYPERLINK(\"\"x\"\")\",MP,2\r\n"


def test_the_campaign_page_shows_a_formatted_count(app, client):
    with app.app_context():
        db = get_db()
        with db.atomic():
            db.execute("""
                with recursive n(i) as (select 1 union all select i + 1 from n where i < 1234)
                insert into letters (token, campaign_id, constituency_code, constituency_name,
                                     day, formats)
                select 't' || i, 1, 'E14001259', 'Hackney North and Stoke Newington',
                       '2025-03-01', 'pdf' from n""")
    assert "1,234 letters so far" in page_text(client.get("/").get_data(as_text=True))


def test_the_counter_is_cached_but_sees_this_process_s_letters(app, client, monkeypatch):
    assert "so far" not in page_text(client.get("/").get_data(as_text=True))
    write_letter(client, date(2025, 3, 1), "E8 1DY", [0], ["pdf"])
    assert "1 letter so far" in page_text(client.get("/").get_data(as_text=True))
    # A letter recorded by another process is not seen until the cache expires.
    with app.app_context():
        db = get_db()
        with db.atomic():
            db.execute("insert into letters (token, campaign_id, constituency_code,"
                       " constituency_name, day, formats) values"
                       " ('other', 1, 'E14001465', 'Sevenoaks', '2025-03-01', 'pdf')")
    assert "1 letter so far" in page_text(client.get("/").get_data(as_text=True))
    # Downloading the same letter again adds nothing; a new letter does.
    journey = Journey(client)
    journey.find_mp("PR7 1DP")
    journey.write()
    journey.download("pdf")
    assert "3 letters so far" in page_text(client.get("/").get_data(as_text=True))


def test_the_counter_expires(app_config, monkeypatch, clock):
    from campaign import create_app

    app = create_app({**app_config, "COUNTER_CACHE_SECONDS": 60}, clock)
    counter = app.extensions["letter_counter"]
    calls = []
    monkeypatch.setattr("campaign.public.counter.letters_count",
                        lambda db, cid: calls.append(cid) or len(calls))
    assert counter.count(None, 1) == 1
    clock.move(seconds=59)
    assert counter.count(None, 1) == 1
    clock.move(seconds=2)
    assert counter.count(None, 1) == 2


def test_day_chart_fills_gaps_and_describes_itself():
    days = charts.fill_days([{"day": "2025-03-01", "letters": 2}, {"day": "2025-03-03", "letters": 5}])
    assert days == [(date(2025, 3, 1), 2), (date(2025, 3, 2), 0), (date(2025, 3, 3), 5)]
    svg = str(charts.letters_per_day(days))
    assert 'role="img"' in svg and 'aria-labelledby="chart-days-title chart-days-desc"' in svg
    assert "<title id=\"chart-days-title\">Letters per day</title>" in svg
    assert "7 letters from 1 March 2025 to 3 March 2025; the most on 3 March 2025, with 5 letters." in svg
    assert svg.count("<rect") == 2
    assert "style=" not in svg and "<script" not in svg


def test_constituency_chart_escapes_names():
    svg = str(charts.top_constituencies([{"constituency_name": "A & <B>", "letters": 3}]))
    assert "A &amp; &lt;B&gt;" in svg and "<B>" not in svg


@pytest.mark.parametrize("value, ceiling", [(0, 1), (1, 1), (3, 3), (7, 8), (9, 10), (43, 50),
                                            (120, 150), (2740, 3000)])
def test_axis_scale_is_round(value, ceiling):
    assert charts.nice_ceiling(value) == ceiling


def test_m006_gives_letters_recorded_before_it_their_day(tmp_path):
    from campaign import migrations
    from campaign.db import connect
    from campaign.migrations.runner import migrate

    db = connect(str(tmp_path / "old.sqlite3"))
    migrations.apply(db, stop_before="m006_counting_indexes")
    with db.atomic():
        db.execute("insert into campaigns (id, slug, title, status) values (1, 'c', 'C', 'live')")
        db.execute("insert into asks (id, campaign_id, title, paragraph) values (7, 1, 'Ask', 'P')")
        db.execute("insert into letters (id, token, campaign_id, constituency_code,"
                   " constituency_name, day, formats) values"
                   " (1, 't', 1, 'E14001170', 'Chorley', '2024-06-01', 'pdf')")
        db.execute("insert into letter_asks (letter_id, ask_id) values (1, 7)")
    assert migrate(db)[0] == "m006_counting_indexes"  # and any migration after it
    assert queries.by_ask(db, queries.Filter(since=date(2024, 6, 1), until=date(2024, 6, 1))) == [
        {"ask_id": 7, "ask_title": "Ask", "recipient": "MP", "letters": 1}]


def test_a_database_from_the_old_migration_runner_keeps_migrating(tmp_path):
    """Databases made before sqlite-utils' Migrations recorded their migrations in
    `_migrations`: they carry that record over and apply only what is new."""
    from campaign import migrations
    from campaign.db import connect
    from campaign.migrations.runner import migrate

    db = connect(str(tmp_path / "old.sqlite3"))
    migrations.apply(db, stop_before="m007_session_versions")
    # What the old runner left: its own record table, and no _sqlite_migrations.
    old_names = [m.name for m in migrations.MIGRATIONS.applied(db)]
    db["_migrations"].insert_all({"name": name, "applied_at": "2025-01-01T00:00:00+00:00"}
                                 for name in old_names)
    db["_sqlite_migrations"].drop()
    applied = migrate(db)
    assert applied[0] == "m007_session_versions"
    assert "session_version" in db["users"].columns_dict
    assert "_migrations" not in db.table_names()
    assert [m.name for m in migrations.MIGRATIONS.applied(db)][:len(old_names)] == old_names
    assert migrate(db) == []
