"""`flask backup`: a consistent copy while letters are being written, and a restore
(the README's procedure) that brings back every letter committed before it began."""
from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
import stat
import threading
from datetime import date

from campaign.db import connect
from campaign.public.participation import record_download
from tests.campaign.helpers import make_app

PREFILLED = 40_000


def prefill(path: str, campaign_id: int, ask_ids: list[int]) -> None:
    """A database with some bulk, so that the copy takes a while under the writer."""
    db = sqlite3.connect(path)
    with db:
        db.executemany(
            "insert into letters (token, campaign_id, constituency_code, constituency_name,"
            " day, formats) values (?, ?, 'E14001259', 'Hackney North and Stoke Newington',"
            " '2026-01-05', 'pdf')",
            [(f"prefill-{n}", campaign_id) for n in range(PREFILLED)])
        db.execute("insert into letter_asks (letter_id, ask_id, day)"
                   " select letters.id, ?, letters.day from letters", [ask_ids[0]])
    db.close()


class Writer(threading.Thread):
    """Another connection writing letters one transaction at a time, as the site does;
    `committed` counts those whose COMMIT has returned."""

    def __init__(self, path: str, campaign_id: int, ask_ids: list[int]):
        super().__init__(daemon=True)
        self.path, self.campaign_id, self.ask_ids = path, campaign_id, ask_ids
        self.committed = 0
        self.errors: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        db = connect(self.path)
        try:
            while not self.stop.is_set():
                try:
                    record_download(db, token=secrets.token_hex(8), campaign_id=self.campaign_id,
                                    constituency_code="W07000112", constituency_name="Ynys Môn",
                                    ask_ids=self.ask_ids, fmt="pdf", day=date(2026, 1, 6))
                except sqlite3.Error as error:  # reported by the test
                    self.errors.append(repr(error))
                    return
                self.committed += 1
        finally:
            db.conn.close()


def letters_with_asks(path: str) -> dict[str, list[int]]:
    db = sqlite3.connect(path)
    try:
        rows = db.execute("select letters.token, letter_asks.ask_id from letters"
                          " left join letter_asks on letter_asks.letter_id = letters.id")
        found: dict[str, list[int]] = {}
        for token, ask_id in rows:
            found.setdefault(token, [])
            if ask_id is not None:
                found[token].append(ask_id)
        return found
    finally:
        db.close()


def test_backup_under_load_restores_every_committed_letter(app, runner, tmp_path):
    path = app.config["DATABASE_PATH"]
    with app.app_context():
        from campaign.db import get_db
        db = get_db()
        campaign_id = db.execute("select id from campaigns order by id limit 1").fetchone()[0]
        ask_ids = [row[0] for row in db.execute(
            "select id from asks where campaign_id = ? order by id limit 2", [campaign_id])]
    prefill(path, campaign_id, ask_ids)
    writer = Writer(path, campaign_id, ask_ids)
    writer.start()
    try:
        while writer.committed < 200 and writer.is_alive():
            threading.Event().wait(0.01)
        before = writer.committed
        result = runner.invoke(args=["backup", str(tmp_path / "backup.sqlite3")])
        during = writer.committed - before
        threading.Event().wait(0.1)
    finally:
        writer.stop.set()
        writer.join(timeout=10)
    assert writer.errors == []
    assert result.exit_code == 0, result.output
    assert f"to {tmp_path / 'backup.sqlite3'}" in result.output
    print(f"backup: {result.output.strip()}; {before} letters written before it began, "
          f"{during} while it ran, {writer.committed} in all")

    backup = tmp_path / "backup.sqlite3"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob(".*partial"))
    assert not (tmp_path / "backup.sqlite3-wal").exists()

    # The README's restore: the copy becomes the database file, with no -wal or -shm
    # of the old one beside it, and the site's start-up migrates it (init-db).
    restored = tmp_path / "restored" / "campaign.sqlite3"
    restored.parent.mkdir()
    shutil.copy2(backup, restored)
    # make_app does what init-db does: migrate, load the launch campaign if absent.
    make_app({**app.config, "DATABASE_PATH": str(restored)})

    live, copy = letters_with_asks(path), letters_with_asks(str(restored))
    assert len(copy) >= PREFILLED + before, (len(copy), PREFILLED + before)
    # Each letter in the copy is whole (its asks with it) and as the site holds it.
    assert all(copy[token] == live[token] for token in copy)
    assert all(len(asks) == len(ask_ids) for token, asks in copy.items()
               if not token.startswith("prefill-"))
    assert len(live) == PREFILLED + writer.committed


def test_backup_into_a_folder_keeps_the_newest(app, runner, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20260101T000000Z", "20260102T000000Z", "20260103T000000Z"):
        (folder / f"campaign-{stamp}.sqlite3").write_bytes(b"old")
    (folder / "notes.txt").write_text("not ours")
    result = runner.invoke(args=["backup", str(folder), "--keep", "2"])
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in folder.iterdir())
    assert names[0] == "campaign-20260103T000000Z.sqlite3"
    assert names[1].startswith("campaign-2") and names[1] != names[0]
    assert names[2:] == ["notes.txt"]
    assert "Deleted the older backup" in result.output
    fresh = sqlite3.connect(folder / names[1])
    assert fresh.execute("select count(*) from campaigns").fetchone()[0] >= 1
    fresh.close()


def test_a_backup_that_cannot_be_written_says_why_and_leaves_nothing(app, runner, tmp_path):
    missing = tmp_path / "no-such-folder" / "backup.sqlite3"
    result = runner.invoke(args=["backup", str(missing)])
    assert result.exit_code == 1
    assert "Could not write a backup to" in result.output
    assert not missing.parent.exists()
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    os.chmod(readonly, 0o500)
    try:
        result = runner.invoke(args=["backup", str(readonly / "backup.sqlite3")])
    finally:
        os.chmod(readonly, 0o700)
    if os.getuid() != 0:  # root writes anywhere
        assert result.exit_code == 1 and "Could not write a backup" in result.output
    result = runner.invoke(args=["backup", app.config["DATABASE_PATH"]])
    assert result.exit_code == 1 and "overwrite the database itself" in result.output
