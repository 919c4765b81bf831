"""Campaigns, asks and their rules per nation are built once from the rows they are read from
(campaign.built_once), and still read from the database every time: a change
made by another connection (another gunicorn worker, staff, a script's SQL) is what the
next read gives, and each language keeps its own words."""
from __future__ import annotations

from campaign.campaigns import campaign_by_slug, enabled_asks
from campaign.campaigns.devolution import rules_by_ask
from campaign.db import connect, get_db, select
from letters.nations import Nation

#: The launch campaign, which every test database holds.
SLUG = "stop-trafficking-networks"


def _launch(app):
    return campaign_by_slug(get_db(), SLUG)


def test_a_change_made_by_another_connection_is_read_at_once(app):
    with app.app_context():
        campaign = _launch(app)
        before = enabled_asks(get_db(), campaign.id)
        # Another process's connection, as a second gunicorn worker's staff edit would be.
        other = connect(app.config["DATABASE_PATH"])
        with other.conn:
            other.conn.execute("update asks set title = 'A changed title',"
                               " paragraph = 'A changed paragraph.' where id = ?",
                               [before[0].id])
            other.conn.execute("insert or replace into ask_nations (ask_id, nation, devolved,"
                               " decided_by, mp_letter, paragraph, note)"
                               " values (?, 'S', 1, 'the Scottish Parliament', 'omit', '',"
                               " 'A note written just now.')", [before[0].id])
        after = enabled_asks(get_db(), campaign.id)
    assert after[0].title == "A changed title"
    assert after[0].paragraph == "A changed paragraph."
    assert after[0].rule_for(Nation.SCOTLAND).note == "A note written just now."
    assert [ask.title for ask in after[1:]] == [ask.title for ask in before[1:]]


def test_a_campaign_changed_by_another_connection_is_read_at_once(app):
    with app.app_context():
        before = _launch(app)
        other = connect(app.config["DATABASE_PATH"])
        with other.conn:
            other.conn.execute("update campaigns set title = 'A new title', status = 'closed'"
                               " where id = ?", [before.id])
        after = _launch(app)
    assert (before.title, before.is_closed) != ("A new title", True)
    assert (after.title, after.is_closed) == ("A new title", True)


def test_english_and_welsh_asks_are_kept_apart(app):
    with app.app_context():
        campaign = _launch(app)
        db = get_db()
        with db.conn:
            db.conn.execute("update asks set title_cy = 'Cais ' || id where campaign_id = ?",
                            [campaign.id])
        english = [ask.title for ask in enabled_asks(db, campaign.id)]
        welsh = [ask.title for ask in enabled_asks(db, campaign.id, "cy")]
        english_again = [ask.title for ask in enabled_asks(db, campaign.id)]
    assert welsh == [f"Cais {ask_id}" for ask_id in _ids(app)]
    assert english == english_again
    assert not set(english) & set(welsh)


def test_what_a_caller_does_with_its_asks_and_rules_stays_its_own(app):
    with app.app_context():
        campaign = _launch(app)
        db = get_db()
        asks = enabled_asks(db, campaign.id)
        count = len(asks)
        asks.clear()
        rules = rules_by_ask(db, _ids(app))
        rules.clear()
        assert len(enabled_asks(db, campaign.id)) == count
        assert rules_by_ask(db, _ids(app)) != {}


def test_select_reads_what_sqlite_utils_reads(app):
    with app.app_context():
        db = get_db()
        for sql in ("select * from campaigns order by id", "select * from asks order by id",
                    "select * from ask_nations order by ask_id, nation"):
            assert select(db, sql) == list(db.query(sql)), sql
        assert select(db, "select * from asks where id = ?", [-1]) == []


def _ids(app) -> list[int]:
    with app.app_context():
        return [ask.id for ask in enabled_asks(get_db(), _launch(app).id)]
