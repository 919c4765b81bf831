"""What a worker built from the stored content is kept until the content changes
(campaign.content_version): the triggers of migration m031 give the content a new token
on every write, by any connection, and what was kept under the old one is never served."""
from __future__ import annotations

import pytest

from campaign.campaigns import campaign_by_slug
from campaign.campaigns.targets import targets_offered
from campaign.content_version import CONTENT_TABLES, KeptUntilChanged, version_token
from campaign.db import connect, get_db
from campaign.lookup import parliament
from letters.nations import Nation

SLUG = "stop-trafficking-networks"

#: A write of each kind to each watched table, undone by the test's rollback.
WRITES = {
    "campaigns": ("insert into campaigns (slug, title, status) values ('new-one', 'New', 'draft')",
                  "update campaigns set title = title || '!' where slug = '" + SLUG + "'",
                  "delete from campaigns where slug = 'new-one'"),
    "asks": ("insert into asks (campaign_id, title, paragraph) values (1, 'T', 'P.')",
             "update asks set title = title || '!' where id = (select min(id) from asks)",
             "delete from asks where title = 'T'"),
    "ask_nations": ("insert or replace into ask_nations (ask_id, nation, devolved, decided_by,"
                    " mp_letter, paragraph, note) values ((select min(id) from asks), 'E', 1,"
                    " 'Someone', 'omit', '', 'A note.')",
                    "update ask_nations set note = 'Another note.' where nation = 'E'",
                    "delete from ask_nations where nation = 'E'"),
    "campaign_targets": ("insert into campaign_targets (campaign_id, office, holder, address, nations,"
                         " position) values (1, 'An office', 'Someone', 'Cardiff Bay', 'W', 99)",
                         "update campaign_targets set holder = 'Someone else' where position = 99",
                         "delete from campaign_targets where position = 99"),
}


def test_the_triggers_watch_exactly_the_content_tables(app):
    with app.app_context():
        watched = {row[0] for row in get_db().conn.execute(
            "select tbl_name from sqlite_master where type = 'trigger'"
            " and name like 'content_version_%'")}
    assert watched == {*CONTENT_TABLES, "register_meta"}
    assert set(WRITES) == set(CONTENT_TABLES)


@pytest.mark.parametrize("table", CONTENT_TABLES)
def test_every_write_to_a_content_table_makes_a_new_token(app, table):
    with app.app_context():
        db = get_db()
        seen = [version_token(db)]
        for sql in WRITES[table]:
            changed = db.conn.execute(sql).rowcount
            assert changed == 1, sql
            seen.append(version_token(db))
        db.conn.rollback()
    assert len(set(seen)) == len(seen), seen


def test_parliament_makes_a_new_token_and_the_register_refresh_times_do_not(app):
    with app.app_context():
        db = get_db()
        before = version_token(db)
        with db.conn:
            db.conn.execute("insert or replace into register_meta (key, value)"
                            " values ('refreshed_at', '2026-12-08T00:00:00+00:00')")
        assert version_token(db) == before
        parliament.set_state(db, parliament.DISSOLVED, parliament.BY_STAFF)
        assert version_token(db) != before


def test_what_another_worker_changes_is_read_at_once(app):
    """Parliament dissolved and a second-letter office offered in Wales, each written by
    another connection (another gunicorn worker, staff, a script), are read at once."""
    with app.app_context():
        db = get_db()
        campaign = campaign_by_slug(db, SLUG)
        assert not parliament.state(db).dissolved
        offered = [target.office for target in targets_offered(db, campaign.id, Nation.WALES)]
        other = connect(app.config["DATABASE_PATH"])
        with other.conn:
            other.conn.execute("insert or replace into register_meta (key, value)"
                               " values ('parliament', 'dissolved')")
            other.conn.execute(WRITES["campaign_targets"][0])
        assert parliament.state(db).dissolved
        assert [target.office for target in targets_offered(db, campaign.id, Nation.WALES)] \
            == [*offered, "An office"]


def test_a_write_in_this_connection_is_read_back_before_its_commit(app):
    """Staff pages read back what they have just written, in the same transaction."""
    with app.app_context():
        db = get_db()
        assert campaign_by_slug(db, SLUG).title != "Changed in this transaction"
        db.conn.execute("update campaigns set title = 'Changed in this transaction'"
                        " where slug = ?", [SLUG])
        assert campaign_by_slug(db, SLUG).title == "Changed in this transaction"
        db.conn.rollback()
        assert campaign_by_slug(db, SLUG).title != "Changed in this transaction"


def test_what_was_built_under_an_old_token_is_never_kept_under_the_new_one(app):
    """A thread that read the token, then built while another connection changed the
    content, keeps what it built under the token it read: the next reader builds again."""
    kept: KeptUntilChanged[str] = KeptUntilChanged()
    with app.app_context():
        db = get_db()
        other = connect(app.config["DATABASE_PATH"])

        def build_during_a_change() -> str:
            with other.conn:
                other.conn.execute(WRITES["asks"][1])
            return "built from the old rows"

        assert kept.get(db, "key", build_during_a_change) == "built from the old rows"
        assert kept.get(db, "key", lambda: "built from the new rows") \
            == "built from the new rows"
        assert kept.get(db, "key", lambda: "not built again") == "built from the new rows"


def test_an_address_nobody_has_takes_no_place(app):
    """Campaign addresses someone typed are not kept, so they cannot push out the
    campaigns people write to: after 300 of them, the campaign is read without its row."""
    with app.app_context():
        db = get_db()
        assert campaign_by_slug(db, SLUG) is not None
        for number in range(300):
            assert campaign_by_slug(db, f"no-such-campaign-{number}") is None
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        try:
            assert campaign_by_slug(db, SLUG).slug == SLUG
        finally:
            db.conn.set_trace_callback(None)
    assert statements == ["select token from content_version"]
