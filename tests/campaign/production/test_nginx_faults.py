"""nginx's own answers and faults, with deploy/nginx-site.conf: nothing personal on
disk (error log, request bodies), the site's security headers on every answer nginx
writes itself, no version, unknown hosts turned away, text compressed."""
from __future__ import annotations

import gzip
import socket
import ssl
from pathlib import Path

import requests

from campaign.security_headers import HEADERS, STRICT_TRANSPORT_SECURITY
from tests.campaign.helpers import SLUG, page_text, wait_until
from tests.campaign.production.conftest import free_port, running_nginx, unread_bytes

POSTCODE = "SW1A 1AA"


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def tls_socket(port: int, timeout: float = 5) -> ssl.SSLSocket:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=timeout))


def raw_exchange(sock: socket.socket, request: bytes) -> bytes:
    """Send `request`, return all the server writes before it closes or falls silent."""
    sock.sendall(request)
    answer = b""
    try:
        while chunk := sock.recv(65536):
            answer += chunk
    except (TimeoutError, ConnectionResetError, ssl.SSLError):
        pass
    finally:
        sock.close()
    return answer


def head(answer: bytes) -> tuple[int, dict[str, str]]:
    """The status and headers (lower-case names) of a raw HTTP/1.1 answer."""
    lines = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers


def assert_site_headers(headers, https: bool) -> None:
    lower = {name.lower(): value for name, value in headers.items()}
    for name, value in HEADERS.items():
        assert lower.get(name.lower()) == value, (name, lower)
    if https:
        assert lower.get("strict-transport-security") == STRICT_TRANSPORT_SECURITY
    assert lower.get("server") == "nginx", lower.get("server")


def test_error_log_keeps_no_address_or_postcode(tmp_path, tls_certificate):
    """gunicorn down, a body too large, an address too long, a malformed request, a
    stranger's host, too many requests: nginx's error log at Debian's level names the client and quotes
    the request line; the site's servers keep neither."""
    dead_upstream = f"127.0.0.1:{free_port()}"  # nothing listens there
    verify = str(tls_certificate.cert)
    with running_nginx(tmp_path, dead_upstream, tls_certificate) as nginx:
        lookup = requests.get(f"{nginx.url}/c/{SLUG}/write", params={"postcode": POSTCODE},
                              verify=verify, timeout=10)
        assert lookup.status_code == 502
        assert_site_headers(lookup.headers, https=True)
        # nginx's own answers are the site's pages, in English and Welsh.
        said = page_text(lookup.text)
        assert "Sorry, the site is not answering just now" in said
        assert "nid yw’r wefan yn ateb ar hyn o bryd" in said
        assert 'href="/static/base.css"' in lookup.text
        too_large = requests.post(f"{nginx.url}/c/{SLUG}/mp", verify=verify, timeout=10,
                                  data={"postcode": POSTCODE, "words": "é" * 300_000})
        assert too_large.status_code == 413
        assert "That was too much to send" in page_text(too_large.text)
        assert "Roedd hynny’n ormod i’w anfon" in page_text(too_large.text)
        too_long = requests.get(f"{nginx.url}/c/{SLUG}/write?postcode={POSTCODE}&x={'a' * 20_000}",
                                verify=verify, timeout=10)
        assert too_long.status_code == 414
        port = port_of(nginx.url)
        bad = raw_exchange(tls_socket(port), f"GET /c/{SLUG}/write?postcode=E81DY HTTP/1.1 x\r\n"
                           f"Host: 127.0.0.1\r\n\r\n".encode())
        assert head(bad)[0] == 400
        stranger = raw_exchange(tls_socket(port), b"GET /?postcode=E81DY HTTP/1.1\r\n"
                                b"Host: elsewhere.example\r\n\r\n")
        assert stranger == b""
        with requests.Session() as session:  # past the per-address request limit
            answers = [session.get(f"{nginx.url}/c/{SLUG}/write", params={"postcode": POSTCODE},
                                   verify=verify, timeout=10) for _ in range(60)]
        statuses = [answer.status_code for answer in answers]
        assert 429 in statuses and set(statuses) <= {429, 502}
        busy = page_text(next(answer for answer in answers if answer.status_code == 429).text)
        assert "Please wait a moment" in busy and "Arhoswch funud" in busy
        # No wait: nginx writes an error log line (unbuffered) before it answers or
        # closes the connection, so every answer above has had its lines written.
        log = nginx.error_log.read_text()
    for sign in ("127.0.0.1", "client:", "postcode", "SW1A", "E81DY", "request:"):
        assert sign not in log, f"{sign!r} in nginx's error log:\n{log[:2000]}"


def files_open_under(master_pid: int, folder: Path) -> list[str]:
    """The files under `folder` that nginx's processes hold open. nginx unlinks a body's
    temporary file as soon as it creates it, so the folder itself always looks empty:
    the open (deleted) file is where the body goes."""
    held = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            ppid = int(next(line.split()[1] for line in status.read_text().splitlines()
                            if line.startswith("PPid:")))
            pid = int(status.parent.name)
            if master_pid not in (pid, ppid):
                continue
            for fd in (status.parent / "fd").iterdir():
                target = str(fd.readlink())
                if target.startswith(str(folder)):
                    held.append(target)
        except (OSError, StopIteration, ValueError):
            continue  # a process that ended while we looked
    return held


def test_request_bodies_are_never_written_to_disk(production_site, tls_certificate):
    """A 100 kB letter form (a few edited paragraphs with accents) stays in memory: no
    temporary file holds it while nginx reads it, nor after."""
    body = ("postcode=E8+1DY&words=" + "%C3%A9" * 17_000).encode()
    assert len(body) > 100_000
    temp = production_site.nginx.body_temp
    master = int((production_site.nginx.directory / "nginx.pid").read_text())
    sock = tls_socket(port_of(production_site.url))
    sock.sendall(f"POST /c/{SLUG}/mp HTTP/1.1\r\nHost: {production_site.url[8:]}\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\n"
                 f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode())
    sock.sendall(body[:95_000])
    # nginx has read what was sent (in memory, or in a file by now) once nothing of it
    # waits in either socket: not unsent on ours, not unread on nginx's.
    wait_until(lambda: unread_bytes(sock) == 0, what="nginx to read the body sent so far")
    during = files_open_under(master, temp)
    answer = raw_exchange(sock, body[95_000:])
    assert head(answer)[0] == 400  # no CSRF token: refused, but read whole first
    assert during == [], f"nginx wrote a request body to disk: {during}"
    assert list(temp.rglob("*")) == []


def test_nginx_answers_carry_the_site_headers(production_site, tls_certificate):
    verify = str(tls_certificate.cert)
    url = production_site.url
    answers = {
        "413": requests.post(f"{url}/c/{SLUG}/mp", data={"words": "x" * 300_000},
                             verify=verify, timeout=10),
        "414": requests.get(f"{url}/c/{SLUG}/?x={'a' * 20_000}", verify=verify, timeout=10),
        "static": requests.get(f"{url}/static/base.css", verify=verify, timeout=10),
    }
    assert [answer.status_code for answer in answers.values()] == [413, 414, 200]
    for name, answer in answers.items():
        assert_site_headers(answer.headers, https=True), name
    redirect = requests.get(f"{production_site.http_url}/c/{SLUG}/", allow_redirects=False,
                            timeout=10)
    assert redirect.status_code == 301
    assert_site_headers(redirect.headers, https=False)
    status, headers = head(raw_exchange(tls_socket(port_of(url)),
                                        b"GET / HTTP/1.1 nonsense\r\nHost: 127.0.0.1\r\n\r\n"))
    assert status == 400
    assert_site_headers(headers, https=True)
    # The application's answers keep their own headers, not nginx's on top.
    page = requests.get(f"{url}/c/{SLUG}/", verify=verify, timeout=10)
    assert page.headers["Server"] == "nginx"
    assert page.headers["Content-Security-Policy"].count("frame-ancestors") == 1
    assert page.headers["X-Frame-Options"] == "DENY"


def test_unknown_hosts_get_no_answer(production_site):
    https_port = port_of(production_site.url)
    http_port = port_of(production_site.http_url)
    for port, sock in ((https_port, tls_socket(https_port)),
                       (http_port, socket.create_connection(("127.0.0.1", http_port),
                                                            timeout=5))):
        answer = raw_exchange(sock, b"GET / HTTP/1.1\r\nHost: elsewhere.example\r\n\r\n")
        assert answer == b"", (port, answer[:200])
    # The site's own name (here 127.0.0.1, with its port) is answered.
    sock = tls_socket(https_port)
    answer = raw_exchange(sock, f"GET /privacy HTTP/1.1\r\nHost: 127.0.0.1:{https_port}\r\n"
                                "Connection: close\r\n\r\n".encode())
    assert head(answer)[0] == 200


def test_a_host_naming_another_port_is_refused(production_site):
    """Host: <site>:1 would be reflected into share links; the port it came in on is fine."""
    https_port = port_of(production_site.url)
    answer = raw_exchange(tls_socket(https_port), b"GET /privacy HTTP/1.1\r\n"
                          b"Host: 127.0.0.1:1\r\nConnection: close\r\n\r\n")
    assert head(answer)[0] == 400
    answer = raw_exchange(tls_socket(https_port), f"GET /privacy HTTP/1.1\r\nHost: "
                          f"127.0.0.1:{https_port}\r\nConnection: close\r\n\r\n".encode())
    assert head(answer)[0] == 200


def test_text_is_compressed_except_staff_pages(production_site, tls_certificate):
    verify = str(tls_certificate.cert)
    url = production_site.url
    static = Path(__file__).resolve().parents[3] / "static"
    # (favicon.svg is listed too, but at 230 bytes is below gzip_min_length.)
    for path in (f"/c/{SLUG}/", "/static/base.css", "/static/site.js"):
        answer = requests.get(url + path, verify=verify, timeout=10, stream=True,
                              headers={"Accept-Encoding": "gzip"})
        assert answer.status_code == 200, path
        assert answer.headers.get("Content-Encoding") == "gzip", path
        raw = answer.raw.read()
        if path.startswith("/static/"):
            assert gzip.decompress(raw) == (static / path.removeprefix("/static/")).read_bytes()
            assert len(raw) < (static / path.removeprefix("/static/")).stat().st_size
    staff = requests.get(f"{url}/staff/login", verify=verify, timeout=10,
                         headers={"Accept-Encoding": "gzip"})
    assert staff.status_code == 200
    assert "Content-Encoding" not in staff.headers
