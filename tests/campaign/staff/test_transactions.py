"""Write transactions and the staff rules checked inside them: a failed COMMIT leaves
nothing half-done, and two staff members changing one campaign at once are checked
one after the other."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from campaign.db import connect, write_transaction
from campaign.migrations.runner import migrate
from campaign.staff.editing import asks as ask_editing
from campaign.staff.editing import campaign_status, details
from campaign.staff.editing.recording import Editor
from campaign.staff.editing.refusals import EditError

EDITOR = Editor(id=None, email="staff@example.org")
WORDING = {"summary": "Why write.", "intro": "What it is about."}


def test_a_commit_that_fails_is_rolled_back(tmp_path):
    db = connect(str(tmp_path / "x.sqlite3"))
    # A deferred foreign key is checked at COMMIT: the one failure a block cannot see.
    db.execute("create table parents (id integer primary key)")
    db.execute("create table children (id integer primary key, parent_id integer"
               " references parents(id) deferrable initially deferred)")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        with write_transaction(db):
            db.execute("insert into children (id, parent_id) values (1, 99)")
    assert not db.conn.in_transaction  # rolled back: no write lock held, nothing pending
    assert db.execute("select count(*) from children").fetchone()[0] == 0
    other = connect(str(tmp_path / "x.sqlite3"))
    with write_transaction(other):  # and another writer is not kept waiting
        other.execute("insert into parents (id) values (1)")


def _live_campaign_with_two_asks(path: str) -> tuple[int, list[int]]:
    db = connect(path)
    migrate(db)
    campaign_id = details.create_campaign(
        db, {"title": "Clean rivers", "slug": "clean-rivers", **WORDING}, EDITOR)
    asks = [ask_editing.add_ask(db, campaign_id, {"title": title, "paragraph": "Please act.",
                                                  "enabled": True}, EDITOR)
            for title in ("First", "Second")]
    campaign_status.set_status(db, campaign_id, "live", EDITOR)
    return campaign_id, asks


def _switch_off(db, campaign_id: int, ask_id: int) -> None:
    ask_editing.update_ask(db, campaign_id, ask_id,
                           {"title": "Ask", "paragraph": "Please act.", "enabled": False}, EDITOR)


def _enabled(path: str, campaign_id: int) -> int:
    return connect(path)["asks"].count_where("campaign_id = ? and enabled = 1", [campaign_id])


def test_a_change_committed_between_check_and_write_is_seen(tmp_path, monkeypatch):
    # The other staff member's change lands just before this one's transaction starts:
    # a rule checked before the transaction would not see it.
    path = str(tmp_path / "campaigns.sqlite3")
    campaign_id, (first, second) = _live_campaign_with_two_asks(path)
    mine, theirs = connect(path), connect(path)
    real = ask_editing.write_transaction
    interleaved = []

    def other_writer_first(db):
        if db is mine and not interleaved:
            interleaved.append(True)
            _switch_off(theirs, campaign_id, second)
        return real(db)

    monkeypatch.setattr(ask_editing, "write_transaction", other_writer_first)
    with pytest.raises(EditError, match="A live campaign needs at least one ask switched on"):
        _switch_off(mine, campaign_id, first)
    assert interleaved and _enabled(path, campaign_id) == 1


def test_two_staff_switching_off_the_last_two_asks_at_once_leave_one_on(tmp_path):
    path = str(tmp_path / "campaigns.sqlite3")
    campaign_id, asks = _live_campaign_with_two_asks(path)
    start = threading.Barrier(2)
    outcomes = []

    def staff_member(ask_id: int) -> None:
        db = connect(path)
        start.wait()
        try:
            _switch_off(db, campaign_id, ask_id)
            outcomes.append("switched off")
        except EditError as error:
            outcomes.append(error.message)

    threads = [threading.Thread(target=staff_member, args=(ask_id,)) for ask_id in asks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes)[-1] == "switched off" and len(outcomes) == 2
    assert sorted(outcomes)[0].startswith("A live campaign needs at least one ask switched on")
    assert _enabled(path, campaign_id) == 1


def test_two_campaigns_cannot_take_one_web_address_even_at_once(tmp_path, monkeypatch):
    path = str(tmp_path / "campaigns.sqlite3")
    migrate(connect(path))
    mine, theirs = connect(path), connect(path)
    real = details.write_transaction
    fields = {"title": "Rivers", "slug": "rivers", **WORDING}

    def other_writer_first(db):
        if db is mine and not theirs["campaigns"].count:
            details.create_campaign(theirs, fields, EDITOR)
        return real(db)

    monkeypatch.setattr(details, "write_transaction", other_writer_first)
    with pytest.raises(EditError, match="Another campaign already uses this web address"):
        details.create_campaign(mine, fields, EDITOR)
    assert connect(path)["campaigns"].count == 1
