"""deploy/mp-letters-reload, what `systemctl reload mp-letters` runs, against a real
gunicorn serving requests in a loop: not one request fails, and afterwards the new
code is served (and a HUP, for comparison, keeps the old)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from campaign.demo.live_site import gunicorn, prepare_database
from tests.campaign.helpers import SLUG, wait_until

ROOT = Path(__file__).resolve().parents[3]
RELOAD = ROOT / "deploy" / "mp-letters-reload"
CLIENTS = 4

# The site's own wsgi.py, with a header saying which build of the code is running.
WSGI = '''from campaign import create_app

BUILD = "{build}"
site = create_app()


def app(environ, start_response):
    def start(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Build", BUILD)], exc_info)
    return site(environ, start)
'''


class Load:
    """Clients asking for the campaign page in a loop, each on a new connection (as a
    browser arriving would), recording every answer or failure."""

    def __init__(self, url: str):
        self.url = url
        self.answers: list[tuple[float, int | str, str]] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.client, daemon=True)
                        for _ in range(CLIENTS)]

    def client(self) -> None:
        while not self.stop.is_set():
            try:
                answer = requests.get(f"{self.url}/c/{SLUG}/", timeout=10,
                                      headers={"Connection": "close"})
                result = (time.monotonic(), answer.status_code, answer.headers.get("X-Build", ""))
            except requests.RequestException as error:
                result = (time.monotonic(), repr(error)[:200], "")
            with self.lock:
                self.answers.append(result)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=15)

    def answered_since(self, moment: float) -> list[tuple[float, int | str, str]]:
        with self.lock:
            return [answer for answer in self.answers if answer[0] > moment]

    def wait_for_answers(self, count: int = 10) -> None:
        """Until `count` more answers (or failures) have come in from now."""
        now = time.monotonic()
        wait_until(lambda: len(self.answered_since(now)) >= count,
                   what=f"{count} answers under load")


def run_reload(site: Path, old_master: int, pidfile: Path, database: str,
               wait_seconds: int = 30) -> subprocess.CompletedProcess:
    """deploy/mp-letters-reload as systemd's ExecReload runs it, in the site's folder."""
    return subprocess.run(
        [str(RELOAD), str(old_master)], check=False, cwd=site, capture_output=True, text=True,
        timeout=120, env={**os.environ, "GUNICORN_PIDFILE": str(pidfile),
                          "FLASK": str(Path(sys.executable).parent / "flask"),
                          "DATABASE_PATH": database, "APP_ENV": "development",
                          "RELOAD_WAIT_SECONDS": str(wait_seconds), "WEB_CONCURRENCY": "2"})


def serving_master(pidfile: Path) -> int | None:
    """The master named in the pidfile, or in its ".2" before the promotion."""
    for path in (pidfile, pidfile.with_name(pidfile.name + ".2")):
        if path.is_file() and path.read_text().strip():
            return int(path.read_text())
    return None


def stop_master(pid: int | None) -> None:
    """Stop a master that live_site did not start (the one USR2 made)."""
    if not pid:
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    for _ in range(150):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)


def start_site(tmp_path: Path, database: str) -> tuple[Path, Path]:
    prepare_database(database)
    site = tmp_path / "site"
    site.mkdir()
    (site / "wsgi.py").write_text(WSGI.format(build="1"))
    return site, tmp_path / "gunicorn.pid"


def test_reload_serves_new_code_and_drops_nothing(tmp_path, fake_postcodes, fake_members):
    database = str(tmp_path / "campaign.sqlite3")
    site, pidfile = start_site(tmp_path, database)
    new_master = None
    with gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                  members_url=fake_members.url, workers=2,
                  env={"GUNICORN_PIDFILE": str(pidfile)}, directory=site) as server:
        old_master = server.process.pid
        # Reap the old master when it exits, as systemd would (a zombie answers kill -0).
        threading.Thread(target=server.process.wait, daemon=True).start()
        try:
            with Load(server.url) as load:
                load.wait_for_answers()
                # HUP, as the unit used to: new workers, but forked from the old master.
                (site / "wsgi.py").write_text(WSGI.format(build="2"))
                booted = server.output.count("Booting worker")
                os.kill(old_master, signal.SIGHUP)
                wait_until(lambda: server.output.count("Booting worker") >= booted + 2,
                           what="the HUP's two new workers")
                load.wait_for_answers()
                after_hup = {build for _, _, build in load.answers[-10:]}
                reload_started = time.monotonic()
                reload = run_reload(site, old_master, pidfile, database)
                reloaded_at = time.monotonic()
                load.wait_for_answers()
            new_master = serving_master(pidfile)
            assert reload.returncode == 0, reload.stdout + reload.stderr
        finally:
            stop_master(new_master or serving_master(pidfile))

    failed = [answer for answer in load.answers if answer[1] != 200]
    print(f"restart under load: {len(load.answers)} requests, {len(failed)} failed; "
          f"the reload took {reloaded_at - reload_started:.1f}s")
    assert failed == [], failed[:5]
    assert "Database ready" in reload.stdout  # init-db ran first
    assert after_hup == {"1"}  # HUP alone kept the old code
    assert new_master != old_master
    later = [build for at, _, build in load.answers if at > reloaded_at]
    assert later and set(later) == {"2"}
    assert server.process.poll() is not None  # the old master has gone


def test_a_reload_whose_code_fails_keeps_the_old_serving(tmp_path, fake_postcodes,
                                                         fake_members):
    database = str(tmp_path / "campaign.sqlite3")
    site, pidfile = start_site(tmp_path, database)
    with gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                  members_url=fake_members.url, workers=2,
                  env={"GUNICORN_PIDFILE": str(pidfile)}, directory=site) as server:
        old_master = server.process.pid
        with Load(server.url) as load:
            load.wait_for_answers()
            # Migrates fine (init-db), then fails as gunicorn loads it: the harder case.
            (site / "wsgi.py").write_text(
                "import sys\nif 'gunicorn' in sys.modules:\n"
                "    raise RuntimeError('a broken build')\n" + WSGI.format(build="2"))
            reload = run_reload(site, old_master, pidfile, database, wait_seconds=10)
            load.wait_for_answers()
        assert server.process.poll() is None  # still serving
    failed = [answer for answer in load.answers if answer[1] != 200]
    print(f"failed reload under load: {len(load.answers)} requests, {len(failed)} failed")
    assert reload.returncode == 1
    assert f"the old gunicorn (pid {old_master}) is still serving" in reload.stderr
    assert failed == [], failed[:5]
    assert {build for _, _, build in load.answers} == {"1"}
