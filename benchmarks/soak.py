"""A soak: the production shape under steady load for N minutes, with faults each minute.

gunicorn (gunicorn.conf.py, three workers, rate limits shared in a real redis-server,
TRUSTED_PROXIES=1 with each writer at an address of its own) serves letters to a few
steady writers against the fake upstreams. Every minute: a worker is killed (SIGKILL;
gunicorn starts another), Redis is restarted, the workers are reloaded (HUP) and a
backup is taken (`flask backup`, SQLite's online backup API). At the end it reports
letters delivered (PDF received), counted (rows in the database), lost, doubled, 5xx
answers, and each worker's memory (RSS) minute by minute.

    .venv/bin/python benchmarks/soak.py --minutes 30 [--writers 2]   (default: 2 minutes)
"""
from __future__ import annotations

import argparse
import http.client
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from campaign.demo.http_journey import HttpJourney  # noqa: E402
from campaign.demo.live_site import gunicorn, prepare_database  # noqa: E402
from campaign.demo.members_api import FakeMembersAPI  # noqa: E402
from campaign.demo.postcodes_io import FakePostcodesIO  # noqa: E402

POSTCODES = ("E8 1DY", "PR7 1DP", "BR8 7RE", "FK1 1AA", "LL77 7TW", "B25 8NB")


class AddressedConnection(http.client.HTTPConnection):
    """A connection whose requests say which client sent them, as nginx would."""

    address = "203.0.113.1"

    def request(self, method, url, body=None, headers=None, **kwargs):
        super().request(method, url, body=body,
                        headers={**(headers or {}), "X-Forwarded-For": self.address}, **kwargs)


class Writer(HttpJourney):
    """A citizen at an address of their own (rate limits count each apart)."""

    address = "203.0.113.1"

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            parts = urlsplit(self.base_url)
            self._conn = AddressedConnection(parts.hostname, parts.port, timeout=30)
            self._conn.address = self.address
        return self._conn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Redis:
    """A redis-server on a fixed port that can be restarted."""

    def __init__(self, folder: Path):
        self.folder, self.port, self.process = folder, free_port(), None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.3)

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(10)


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    try:
        return [int(pid) for pid in children.read_text().split()]
    except OSError:
        return []


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # Short under `make bench`; the soak proper is --minutes 30 or more.
    parser.add_argument("--minutes", type=float, default=2)
    parser.add_argument("--writers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("redis-server"):
        print("redis-server is needed (make test-deps)")
        return 1
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        folder = Path(tmp)
        database = folder / "site" / "campaign.sqlite3"
        database.parent.mkdir()
        prepare_database(str(database))
        postcodes, members = FakePostcodesIO().start(), FakeMembersAPI().start()
        redis = Redis(folder)
        redis.start()
        statuses: Counter = Counter()
        delivered = [0]
        lock = threading.Lock()
        stop = threading.Event()
        env = {"RATELIMIT_ENABLED": "1", "TRUSTED_PROXIES": "1",
               "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{redis.port}/0"}
        try:
            with gunicorn(database_path=str(database), postcodes_url=postcodes.url,
                          members_url=members.url, workers=3, env=env, timeout=30) as server:
                def write(number: int) -> None:
                    count = 0
                    while not stop.is_set():
                        journey = Writer(server.url)
                        count += 1
                        journey.address = f"198.51.{number}.{count % 250 + 1}"
                        try:
                            answer = journey.letter(POSTCODES[count % len(POSTCODES)])
                            with lock:
                                delivered[0] += answer.body.startswith(b"%PDF")
                                statuses[200] += 1
                        except AssertionError as failed:
                            step_status = (failed.args[0][1] if failed.args else 0)
                            if step_status == 422:
                                step_status = f"422 at {failed.args[0][0]}"
                            with lock:
                                statuses[step_status] += 1
                        except (OSError, http.client.HTTPException) as failed:
                            # A killed worker's connection: the writer tries again.
                            with lock:
                                statuses[type(failed).__name__] += 1
                        finally:
                            journey.close()

                threads = [threading.Thread(target=write, args=(n,), daemon=True)
                           for n in range(args.writers)]
                for thread in threads:
                    thread.start()
                master = server.process.pid
                started = time.monotonic()
                minute = 0
                print(f"{'minute':>6} {'delivered':>9} {'5xx':>5} {'workers RSS MB':>30}")
                while time.monotonic() - started < args.minutes * 60:
                    minute += 1
                    phase = started + (minute - 1) * 60
                    for at, fault in ((10, "kill"), (25, "redis"), (40, "reload"),
                                      (50, "backup")):
                        time.sleep(max(0.0, phase + at - time.monotonic()))
                        if fault == "kill" and workers_of(master):
                            os.kill(workers_of(master)[0], signal.SIGKILL)
                        elif fault == "redis":
                            redis.stop()
                            time.sleep(1)
                            redis.start()
                        elif fault == "reload":
                            os.kill(master, signal.SIGHUP)
                        elif fault == "backup":
                            subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi",
                                            "backup", str(folder / "backups"), "--keep", "2"],
                                           cwd=ROOT, capture_output=True, timeout=60,
                                           env={**os.environ, "APP_ENV": "development",
                                                "DATABASE_PATH": str(database)})
                    time.sleep(max(0.0, phase + 60 - time.monotonic()))
                    memory = " ".join(f"{rss_mb(pid):.0f}" for pid in workers_of(master))
                    with lock:
                        errors = sum(n for status, n in statuses.items()
                                     if isinstance(status, int) and status >= 500)
                        print(f"{minute:>6} {delivered[0]:>9} {errors:>5} {memory:>30}",
                              flush=True)
                stop.set()
                for thread in threads:
                    thread.join(timeout=30)
                time.sleep(6)  # held counts, if any, are written within a few seconds
        finally:
            redis.stop()
            postcodes.stop()
            members.stop()
        conn = sqlite3.connect(database)
        counted = conn.execute("select count(*) from letters").fetchone()[0]
        distinct = conn.execute("select count(distinct token) from letters").fetchone()[0]
        conn.close()
        errors = sum(n for status, n in statuses.items()
                     if isinstance(status, int) and status >= 500)
        print(f"\nSoak, {args.minutes:g} minutes, {args.writers} writers: "
              f"{delivered[0]} letters delivered, {counted} counted, "
              f"{max(0, delivered[0] - counted)} lost, {counted - distinct} doubled "
              f"(and {max(0, counted - delivered[0])} counted but not received, e.g. cut "
              f"off by a killed worker after counting); {errors} 5xx answers; "
              f"other answers: {dict(statuses)}")
        return 0 if delivered[0] <= counted and counted == distinct else 1


if __name__ == "__main__":
    raise SystemExit(main())
