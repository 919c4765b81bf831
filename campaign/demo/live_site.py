"""The real site under gunicorn on loopback, for the tests and the load benchmark.

The server runs in a child process with the repository's own gunicorn.conf.py, so
what is tested is what `make serve` runs. It is bound to 127.0.0.1 port 0 and the
port the kernel chose is read from gunicorn's "Listening at" line, so two runs can
never race for a port.

Works from a source checkout (or an editable install) only: gunicorn.conf.py and
wsgi.py sit at the top of the repository, two folders above this file, and are not
in the wheel. An installed wheel has the module but no repository to run.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The repository: campaign/demo/live_site.py -> campaign/demo -> campaign -> the checkout.
ROOT = Path(__file__).resolve().parents[2]
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


def prepare_database(path: str) -> None:
    """Create the schema and the launch campaign, as `flask init-db` would."""
    from campaign import create_app
    from campaign.campaigns.launch import load_launch_campaign
    from campaign.migrations.runner import migrated_db

    app = create_app({"DATABASE_PATH": path, "SECRET_KEY": "prepare-only"})
    with app.app_context():
        load_launch_campaign(migrated_db())


class LiveServer:
    """A running gunicorn: its base URL and everything it has written to stderr.

    The output goes to a file, not a pipe: a pipe that the test process drains
    too slowly would block the server's logging and slow the very requests being
    measured.
    """

    def __init__(self, process: subprocess.Popen, log_path: Path):
        self.process = process
        self.log_path = log_path
        self.url = ""
        #: What it had written when it stopped (its log file goes with the run's folder).
        self.final_output = ""

    def wait_ready(self, timeout: float, workers: int) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            output = self.output
            match = LISTENING.search(output)
            # "Listening at" comes from the arbiter before the workers have booted.
            if match and output.count("Booting worker") >= workers:
                self.url = match.group(1)
                return
            time.sleep(0.05)
        raise RuntimeError("gunicorn did not start:\n" + self.output)

    @property
    def output(self) -> str:
        return self.log_path.read_text("utf-8", "replace")


@contextmanager
def gunicorn(*, database_path: str, postcodes_url: str, members_url: str,
             workers: int = 2, threads: int = 4, env: dict | None = None,
             timeout: float = 20.0, directory: Path | None = None) -> Iterator[LiveServer]:
    """Run `gunicorn wsgi:app` on 127.0.0.1 against the given database and upstreams,
    from `directory` (its wsgi.py; the repository's by default)."""
    environ = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": "0",
        # Every request comes to http://127.0.0.1:<port>; any other Host gets 400.
        "ALLOWED_HOSTS": "127.0.0.1",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_THREADS": str(threads),
        # Plain HTTP on loopback: development's cookies (production is tests/campaign/production).
        "APP_ENV": "development",
        "SECRET_KEY": "live-server-secret",
        "DATABASE_PATH": database_path,
        "POSTCODES_API_URL": postcodes_url,
        "MEMBERS_API_URL": members_url,
        "RATELIMIT_ENABLED": "0",
        "PYTHONUNBUFFERED": "1",
        "GUNICORN_NO_CONTROL_SOCKET": "1",
        # No background register refresh behind a test's back (tests/campaign/conftest.py does the
        # same in process); tests/campaign/lookup/test_register_lease.py turns it on.
        "MP_REGISTER_AUTO_REFRESH": "0",
        **(env or {}),
    }
    config = ROOT / "gunicorn.conf.py"
    if not config.is_file():
        raise RuntimeError(f"No {config}: the live site runs from a source checkout of the "
                           "repository, not from an installed wheel.")
    with tempfile.TemporaryDirectory(prefix="gunicorn-") as tmp:
        log_path = Path(tmp) / "gunicorn.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [*_gunicorn_command(), "-c", str(config), "wsgi:app"],
                cwd=directory or ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT,
            )
        server = LiveServer(process, log_path)
        try:
            server.wait_ready(timeout, workers)
            yield server
        finally:
            stop(process)
            server.final_output = server.output


def _gunicorn_command() -> list[str]:
    """The environment's `gunicorn` script, as production runs it: a master re-executed
    by USR2 (deploy/mp-letters-reload) runs its own command line again, and from
    `python -m gunicorn` that puts gunicorn's package folder first on the path, where
    its `http` package hides the standard library's."""
    script = Path(sys.executable).parent / "gunicorn"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "gunicorn"]


def stop(process: subprocess.Popen) -> None:
    """Ask a server process to stop; kill it if it has not within ten seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
