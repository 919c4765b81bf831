"""Production's shape on loopback, for tests/campaign/production: Debian's nginx terminating TLS
with deploy/nginx-site.conf, in front of one real gunicorn (APP_ENV=production,
TRUSTED_PROXIES=1, a real SECRET_KEY, three workers), with rate limits shared
through a real redis-server where one is installed.

One nginx and one gunicorn serve the whole session. Everything binds 127.0.0.1 on
free ports and runs as the current user under a temporary directory. Without nginx
(or openssl, or redis-server for the tests that need it) the tests skip, saying what
`make test-deps` installs.
"""
from __future__ import annotations

import fcntl
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from campaign import create_app
from campaign.accounts.users import create_user
from campaign.db import get_db
from campaign.demo.live_site import gunicorn, prepare_database, stop
from tests.campaign.helpers import ORGANISER, PASSWORD, STAFF

ROOT = Path(__file__).resolve().parents[3]
SITE_CONFIG = ROOT / "deploy" / "nginx-site.conf"
SECURITY_HEADERS = ROOT / "deploy" / "nginx-security-headers.conf"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.slow)


def debian_program(name: str, path: str) -> str:
    """The program's path, or skip saying how to get it."""
    found = shutil.which(name) or (path if os.access(path, os.X_OK) else None)
    if not found:
        pytest.skip(f"{name} not found: `make test-deps` installs it (as root, with apt-get)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unread_bytes(*socks: socket.socket) -> int:
    """Bytes sent on `socks` that their peers on loopback have not yet read: those not
    yet taken by the kernel (TIOCOUTQ) and those waiting in each peer socket's receive
    queue (/proc/net/tcp, read once: the peer's remote address is our local one)."""
    unsent = sum(int.from_bytes(fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0" * 4),
                                "little") for sock in socks)
    ours = {"{:08X}:{:04X}".format(0x0100007F, sock.getsockname()[1]) for sock in socks}
    unread = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()  # sl, local, remote, state, tx_queue:rx_queue, ...
        if fields[2] in ours:
            unread += int(fields[4].split(":")[1], 16)
    return unsent + unread


def wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode}:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listened on {port}:\n{log.read_text()}")


@dataclass(frozen=True)
class Redis:
    url: str
    port: int


@contextmanager
def redis_process(directory: Path) -> Iterator[tuple[Redis, subprocess.Popen]]:
    """A real redis-server on a free port, keeping nothing on disk, and its process
    (for tests that stop or pause it)."""
    program = debian_program("redis-server", "/usr/bin/redis-server")
    port = free_port()
    log = directory / "redis.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [program, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(directory), "--protected-mode", "yes"],
            stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, process, log)
        yield Redis(f"redis://127.0.0.1:{port}/0", port), process
    finally:
        stop(process)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> Iterator[Redis]:
    """A real redis-server on a free port, keeping nothing on disk."""
    with redis_process(tmp_path_factory.mktemp("redis")) as (redis, _):
        yield redis


def optional_redis(request) -> Redis | None:
    """The session's redis-server, or None where it is not installed (memory counters)."""
    if not (shutil.which("redis-server") or os.access("/usr/bin/redis-server", os.X_OK)):
        return None
    return request.getfixturevalue("redis_server")


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path


@pytest.fixture(scope="session")
def tls_certificate(tmp_path_factory) -> Certificate:
    """A self-signed certificate for 127.0.0.1, made now and good for a day."""
    openssl = debian_program("openssl", "/usr/bin/openssl")
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return Certificate(cert, key)


def site_config(upstream: str, http_port: int, https_port: int,
                certificate: Certificate, static_root: Path, directory: Path) -> str:
    """deploy/nginx-site.conf with only its addresses and paths changed. Each replaced
    text must be in the file exactly as often as said: a deploy file that drifts fails here."""
    text = SITE_CONFIG.read_text()
    replacements = {  # old: (new, how many times the file says it)
        "server 127.0.0.1:8000;": (f"server {upstream};", 1),
        "listen 80 default_server;": (f"listen 127.0.0.1:{http_port} default_server;", 1),
        "listen [::]:80 default_server;": ("", 1),
        "listen 443 ssl http2 default_server;":
            (f"listen 127.0.0.1:{https_port} ssl http2 default_server;", 1),
        "listen [::]:443 ssl http2 default_server;": ("", 1),
        "listen 80;": (f"listen 127.0.0.1:{http_port};", 1),
        "listen [::]:80;": ("", 1),
        "listen 443 ssl http2;": (f"listen 127.0.0.1:{https_port} ssl http2;", 1),
        "listen [::]:443 ssl http2;": ("", 1),
        # The tests ask for https://127.0.0.1:<port>/: that is the site's name here.
        "server_name letters.example.org;": ("server_name 127.0.0.1;", 2),
        "/etc/letsencrypt/live/letters.example.org/fullchain.pem": (str(certificate.cert), 2),
        "/etc/letsencrypt/live/letters.example.org/privkey.pem": (str(certificate.key), 2),
        "alias /srv/mp-letters/static/;": (f"alias {static_root}/;", 1),
        "/var/log/nginx/error.log": (str(directory / "error.log"), 3),
        "/etc/nginx/snippets/mp-letters-security-headers.conf": (str(SECURITY_HEADERS), 3),
    }
    for old, (new, times) in replacements.items():
        assert text.count(old) == times, f"{SITE_CONFIG.name} should say {old!r} {times} times"
        text = text.replace(old, new)
    return text


def main_config(directory: Path, site: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives a site, with every path in `directory`:
    its error log at the default level (error), gzip on. One worker with 256 connections
    (Debian: one per core, 768 each) keeps the tests light; what protects the site from
    one address holding many is the site file's per-address limit, not the total."""
    # As root, nginx would hand its workers to "nobody", who cannot read our files.
    user = f"user {pwd.getpwuid(os.getuid()).pw_name};" if os.getuid() == 0 else ""
    temp = "\n".join(f"  {kind}_temp_path {directory / kind};"
                     for kind in TEMP_KINDS)
    return f"""{user}
worker_processes 1;
daemon off;
pid {directory / "nginx.pid"};
error_log {directory / "error.log"};
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  gzip on;
{temp}
  include {site};
}}
"""


TEMP_KINDS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


@dataclass(frozen=True)
class Nginx:
    """A running nginx with the site file: its addresses and its folder."""

    url: str
    http_url: str
    directory: Path

    @property
    def error_log(self) -> Path:
        return self.directory / "error.log"

    @property
    def body_temp(self) -> Path:
        """Where nginx would write request bodies too large for memory."""
        return self.directory / "client_body"


@contextmanager
def running_nginx(directory: Path, upstream: str, certificate: Certificate) -> Iterator[Nginx]:
    """Debian's nginx with deploy/nginx-site.conf in front of `upstream` (host:port)."""
    nginx = debian_program("nginx", "/usr/sbin/nginx")
    http_port, https_port = free_port(), free_port()
    site = directory / "site.conf"
    site.write_text(site_config(upstream, http_port, https_port, certificate, ROOT / "static",
                                directory))
    config = directory / "nginx.conf"
    config.write_text(main_config(directory, site))
    for kind in TEMP_KINDS:
        (directory / kind).mkdir()
    log = directory / "nginx.out"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [nginx, "-p", str(directory), "-c", str(config), "-e", str(directory / "error.log")],
            stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_port(https_port, process, log)
        yield Nginx(f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}",
                    directory)
    finally:
        stop(process)


@dataclass(frozen=True)
class ProductionSite:
    url: str
    http_url: str
    gunicorn_url: str
    database_path: str
    redis: Redis | None
    gunicorn_output: callable
    nginx: Nginx


@pytest.fixture(scope="session")
def production_site(request, tmp_path_factory, tls_certificate, fake_postcodes,
                    fake_members) -> Iterator[ProductionSite]:
    """https://127.0.0.1:<port>: nginx, then gunicorn with three workers, as deployed."""
    debian_program("nginx", "/usr/sbin/nginx")  # skip before starting anything
    redis = optional_redis(request)
    directory = tmp_path_factory.mktemp("production")
    database = str(directory / "campaign.sqlite3")
    prepare_database(database)
    app = create_app({"DATABASE_PATH": database, "SECRET_KEY": "prepare-only"})
    with app.app_context():
        create_user(get_db(), STAFF, PASSWORD, "staff")
        create_user(get_db(), ORGANISER, PASSWORD, "organiser")
    environment = {
        "APP_ENV": "production",
        "TRUSTED_PROXIES": "1",
        # nginx passes the Host the browser sent: the tests' https://127.0.0.1:<port>.
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": secrets.token_hex(32),
        "ORGANISATION_NAME": "Example Campaign Group",
        "ORGANISATION_URL": "https://example.org/",
        "ORGANISATION_EMAIL": "privacy@example.org",
        "RATELIMIT_ENABLED": "1",
        "RATELIMIT_STORAGE_URI": redis.url if redis else "memory://",
    }
    with gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                  members_url=fake_members.url, workers=3, env=environment,
                  timeout=30) as server, \
            running_nginx(directory, server.url.removeprefix("http://"),
                          tls_certificate) as nginx:
        assert requests.get(nginx.url + "/privacy", verify=str(tls_certificate.cert),
                            timeout=10).status_code == 200
        yield ProductionSite(nginx.url, nginx.http_url, server.url, database,
                             redis, lambda: server.output, nginx)
