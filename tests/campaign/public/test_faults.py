"""Faults the database can have, and the citizen's letter delivered through each.

Each test writes letters through the journey, on a real SQLite file, while a fault
holds: another connection holding the write lock past the wait, a full database
(`PRAGMA max_page_count`, which gives SQLITE_FULL), a read-only database folder. The
letter (its PDF's text) must reach the citizen every time, and each letter must be
counted exactly once once the database takes writes again: nothing lost, nothing
counted twice.

No test sleeps for a guessed while: each waits for the event it needs (the background
writer's attempt, a count written, a letter delivered), told by `Attempts` or a
condition, with a generous timeout only as a backstop.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
import time
from contextlib import contextmanager

import pytest

from campaign.db import get_db
from campaign.public import pending_counts
from campaign.public.pending_counts import PendingCounts, get_pending
from tests.campaign.helpers import SLUG, Journey, make_app
from tests.letters.helpers import pdf_text


def _rows(path: str) -> list[tuple[str, str]]:
    """(token, formats) of every letter row, read through a connection of the test's own."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("select token, formats from letters order by id").fetchall()
    finally:
        conn.close()


class Attempts:
    """Every attempt to write held counts (PendingCounts.flush), by which thread and how
    many it wrote, and every wait for the write lock a count was given; tests wait on
    these events instead of sleeping."""

    def __init__(self):
        self._changed = threading.Condition()
        self.flushes: list[tuple[str, int]] = []  # (thread name, counts written)
        self.waits: list[tuple[str, int]] = []  # (thread name, busy timeout in force, ms)

    def flushed(self, written: int) -> None:
        with self._changed:
            self.flushes.append((threading.current_thread().name, written))
            self._changed.notify_all()

    def waited(self, milliseconds: int) -> None:
        with self._changed:
            self.waits.append((threading.current_thread().name, milliseconds))

    def wait_until(self, condition, seconds: float = 30.0) -> bool:
        """Wait until `condition()` holds, checking it again after each flush attempt."""
        with self._changed:
            return self._changed.wait_for(condition, timeout=seconds)

    def background_tried_and_failed(self) -> bool:
        return any(name == "pending-counts" and not written for name, written in self.flushes)


@pytest.fixture
def attempts(monkeypatch) -> Attempts:
    seen = Attempts()
    flush = PendingCounts.flush

    def counted_flush(self, db):
        written = flush(self, db)
        seen.flushed(written)
        return written

    waiting_at_most = pending_counts._waiting_at_most

    @contextmanager
    def counted_wait(db, milliseconds):
        with waiting_at_most(db, milliseconds):
            seen.waited(db.conn.execute("PRAGMA busy_timeout").fetchone()[0])
            yield

    monkeypatch.setattr(PendingCounts, "flush", counted_flush)
    monkeypatch.setattr(pending_counts, "_waiting_at_most", counted_wait)
    return seen


def _flusher_finished(app) -> None:
    """Wait for this process's background writer to end (it ends once nothing is held)."""
    thread = get_pending(app)._thread
    if thread is not None:
        thread.join(timeout=30)
        assert not thread.is_alive()


def _poll(condition, seconds: float) -> bool:
    """For what happens in another process only (gunicorn's workers), where no event of
    this one can tell: check `condition` every 50 ms until it holds or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _letter(client, postcode: str = "E8 1DY") -> Journey:
    journey = Journey(client)
    journey.find_mp(postcode)
    assert journey.write().status_code == 200
    return journey


def _delivered(response) -> str:
    """The PDF's text; the download must have succeeded."""
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert "Dear" in text
    return text


@pytest.fixture
def quick(monkeypatch):
    """Wait 0.2 s for the write lock instead of 2 s, and retry held counts every 0.2 s."""
    monkeypatch.setattr(pending_counts, "COUNT_WAIT_MS", 200)
    monkeypatch.setattr(pending_counts, "FLUSH_INTERVAL_SECONDS", 0.2)


def test_a_letter_is_delivered_and_counted_once_while_the_write_lock_is_held(
        app, client, quick, attempts):
    path = app.config["DATABASE_PATH"]
    journeys = [_letter(client) for _ in range(3)]
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process writing for longer than we wait
    try:
        for journey in journeys:
            _delivered(journey.download("pdf"))
        assert journeys[0].email().status_code == 303  # the mail app opens all the same
        # Each count the downloads tried waited COUNT_WAIT_MS for the lock (0.2 s here),
        # not the 10 s busy timeout: the letter came at once, its count held.
        in_requests = [ms for name, ms in attempts.waits if name != "pending-counts"]
        assert len(in_requests) >= 4 and set(in_requests) == {200}
        assert _rows(path) == []
        assert get_pending(app).waiting()
        # The background writer tries while the lock is still held, and writes nothing.
        assert attempts.wait_until(attempts.background_tried_and_failed)
        assert _rows(path) == []
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert attempts.wait_until(lambda: len(_rows(path)) == 3 and not get_pending(app).waiting())
    _flusher_finished(app)
    with app.app_context():  # nothing written twice afterwards either
        assert get_pending(app).flush(get_db()) == 0
    rows = _rows(path)
    assert len(rows) == len({token for token, _ in rows}) == 3
    assert sorted(rows[0][1].split(",")) == ["email", "pdf"]
    # Downloading again counts nothing more.
    _delivered(journeys[1].download("pdf"))
    assert len(_rows(path)) == 3


def _fill_database(db) -> None:
    """Make the database full for this connection: a new page for the letters table
    now gives SQLITE_FULL, as a full disk would."""
    db.execute("insert into campaigns (slug, title, status) values ('filler', 'Filler', 'draft')")
    filler = db.execute("select id from campaigns where slug = 'filler'").fetchone()[0]
    db.conn.commit()
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 1}")
    number = 0
    with pytest.raises(sqlite3.OperationalError, match="full"):
        while number < 100_000:
            number += 1
            db.execute("insert into letters (token, campaign_id, constituency_code, day)"
                       " values (?, ?, 'x', 'x')", [str(number), filler])
            db.conn.commit()
    db.conn.rollback()


def test_a_letter_is_delivered_when_the_disk_is_full_and_counted_when_it_is_not(
        app, client, monkeypatch):
    # The background writer opens its own connection, which has no page limit: leave
    # the held count for the next letter written on this connection to write.
    monkeypatch.setattr(pending_counts, "FLUSH_INTERVAL_SECONDS", 3600)
    path = app.config["DATABASE_PATH"]
    journeys = [_letter(client) for _ in range(3)]
    with app.app_context():
        db = get_db()  # this thread's connection: the one the test client's requests use
        campaign_id = db.execute("select id from campaigns where slug = ?", [SLUG]).fetchone()[0]
        _fill_database(db)
    for journey in journeys[:2]:
        _delivered(journey.download("pdf"))
    assert journeys[0].download("docx").status_code == 200
    def ours():  # the filler rows' tokens are numbers
        return [(token, formats) for token, formats in _rows(path) if not token.isdigit()]
    assert ours() == []  # no letter counted yet
    assert len(list(get_pending(app).spool.glob("*.json"))) == 3  # held on disk too
    with app.app_context():
        get_db().execute("PRAGMA max_page_count = 1073741823")  # room again
    _delivered(journeys[2].download("pdf"))  # the next letter writes the held ones
    assert sorted(sorted(formats.split(",")) for _, formats in ours()) == [
        ["docx", "pdf"], ["pdf"], ["pdf"]]
    assert not get_pending(app).waiting()
    with app.app_context():
        assert get_db().execute("select count(*) from letters where campaign_id = ?",
                                [campaign_id]).fetchone()[0] == 3


def _make_read_only(folder, database) -> list[list[str]]:
    """Make the folder and the database file read-only, even to root (chattr +i);
    return the commands that undo it."""
    if os.geteuid() != 0:
        os.chmod(database, 0o444)
        os.chmod(folder, 0o555)
        return [["chmod", "755", str(folder)], ["chmod", "644", str(database)]]
    done = subprocess.run(["chattr", "+i", str(database), str(folder)], capture_output=True,
                          check=False)
    if done.returncode:
        pytest.skip("chattr cannot make a read-only folder here: "
                    + done.stderr.decode(errors="replace"))
    return [["chattr", "-i", str(folder), str(database)]]


def test_pages_answer_and_letters_are_delivered_from_a_read_only_database_folder(
        app, client, quick, attempts, tmp_path):
    path = app.config["DATABASE_PATH"]
    journey = _letter(client)
    _delivered(journey.download("pdf"))
    ready = _letter(client, "PR7 1DP")
    app.extensions["db_connections"].discard()  # the last connection closes: no -wal, no -shm
    undo = _make_read_only(tmp_path, path)
    try:
        fresh = app.test_client()
        assert fresh.get("/").status_code == 200
        page = fresh.get(f"/c/{SLUG}/")
        assert page.status_code == 200
        assert "letter" in page.get_data(as_text=True)
        _delivered(ready.download("pdf"))
        assert get_pending(app).waiting()
        # The background writer tries and fails meanwhile.
        assert attempts.wait_until(attempts.background_tried_and_failed)
    finally:
        for command in undo:
            subprocess.run(command, check=True)
    assert attempts.wait_until(lambda: len(_rows(path)) == 2 and not get_pending(app).waiting())
    assert [formats for _, formats in _rows(path)] == ["pdf", "pdf"]


HELD_SECONDS = 11


@pytest.mark.slow
def test_through_gunicorn_no_letter_is_lost_or_counted_twice_while_the_lock_is_held(
        tmp_path, fake_postcodes, fake_members):
    """Several clients write letters for a while through a real gunicorn (3 workers);
    another process holds the write lock for 11 s in the middle, longer than a download
    waits for it and longer than the busy timeout (10 s, after which a count used to be
    a 500). Every download must be a letter, and every letter counted exactly once."""
    from campaign.demo.http_journey import HttpJourney
    from campaign.demo.live_site import gunicorn, prepare_database

    fake_postcodes.reset()
    fake_members.reset()
    database = str(tmp_path / "faults.sqlite3")
    prepare_database(database)
    delivered: list[str] = []
    failures: list[str] = []
    stop = threading.Event()
    guard = threading.Condition()

    def delivered_at_least(number: int) -> None:
        # Each client notifies after each letter (or failure): wait for letters, not time.
        with guard:
            assert guard.wait_for(lambda: len(delivered) >= number or failures, timeout=60), \
                (len(delivered), number)

    def citizen() -> None:
        journey = HttpJourney(server.url)
        try:
            while not stop.is_set():
                answer = journey.letter("E8 1DY")
                if answer.body[:4] != b"%PDF":
                    raise AssertionError(f"not a PDF: {answer.body[:80]!r}")
                with guard:
                    delivered.append(pdf_text(answer.body))
                    guard.notify_all()
        except Exception as error:  # noqa: BLE001 - reported below, with the rest
            with guard:
                failures.append(repr(error)[:300])
                guard.notify_all()
        finally:
            journey.close()

    with gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                  members_url=fake_members.url, workers=3, threads=4) as server:
        clients = [threading.Thread(target=citizen) for _ in range(6)]
        for thread in clients:
            thread.start()
        delivered_at_least(len(clients))  # every client is writing letters
        blocker = sqlite3.connect(database, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        held_from = len(delivered)
        # The fault's own length, in real time: the workers wait on SQLite's real busy
        # timeout (10 s), in other processes, which no clock of ours can move.
        stop.wait(HELD_SECONDS)
        held_through = len(delivered)
        blocker.execute("ROLLBACK")
        blocker.close()
        delivered_at_least(held_through + len(clients))  # letters flow after it too
        stop.set()
        for thread in clients:
            thread.join(timeout=60)
        def counted():
            return len(_rows(database))
        # Counts held during the fault are written by each worker's background writer:
        # another process, so its events are out of reach. Polled, with a deadline.
        settled = _poll(lambda: counted() == len(delivered), 15)
        output = server.output
    assert failures == [], "\n".join(failures + output.splitlines()[-40:])
    assert held_through > held_from  # letters were delivered while the lock was held
    assert all("Dear" in text for text in delivered)
    rows = _rows(database)
    print(f"\nfault: write lock held {HELD_SECONDS} s; letters tried {len(delivered)}, "
          f"{held_through - held_from} of them while it was held; "
          f"counted {len(rows)}, distinct {len({token for token, _ in rows})}")
    assert settled, (counted(), len(delivered))
    assert len({token for token, _ in rows}) == len(rows) == len(delivered)
    assert "Traceback" not in output


def test_counts_a_stopped_process_left_in_the_folder_are_written_once_by_the_next(
        app, app_config, client, quick, attempts, monkeypatch):
    path = app.config["DATABASE_PATH"]
    journey = _letter(client)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    held = get_pending(app)
    try:
        with monkeypatch.context() as stopped:  # this process will stop before writing it
            stopped.setattr(PendingCounts, "start_flusher", lambda self: None)
            _delivered(journey.download("pdf"))
        held._held.clear()  # its memory is gone with it
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert held._thread is None  # no writer of this process will ever write it
    assert _rows(path) == []
    spooled = list(held.spool.glob("*.json"))
    assert len(spooled) == 1
    assert "E8 1DY" not in spooled[0].read_text() and "Dear" not in spooled[0].read_text()
    # Two more processes start, and both find the held count: it is counted once.
    later = [make_app(app_config) for _ in range(2)]
    for process in later:
        assert process.test_client().get("/").status_code == 200
    assert attempts.wait_until(
        lambda: len(_rows(path)) == 1 and not list(held.spool.glob("*.json")))
    for process in later:
        with process.app_context():
            get_pending(process).flush(get_db())
    assert _rows(path) == [(_rows(path)[0][0], "pdf")]


def test_a_busy_database_is_not_mistaken_for_a_read_only_one(tmp_path, monkeypatch):
    from campaign import db as database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    path = str(tmp_path / "busy.sqlite3")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("create table t (x)")
    holder.execute("BEGIN EXCLUSIVE")  # switching to WAL needs the lock: it must wait, then fail
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            database.connect(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    opened = database.connect(path)
    assert getattr(opened, "read_only_since", None) is None
    opened.conn.close()
