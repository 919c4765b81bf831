"""Slow clients meet nginx, not gunicorn: with more half-sent requests open than
gunicorn has threads (3 workers x 4), a normal visitor is still served at once."""
from __future__ import annotations

import socket
import ssl
import time

import requests

from tests.helpers import SLUG

SLOW_CLIENTS = 40


def half_sent_request(port: int, index: int) -> ssl.SSLSocket:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    sock = context.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=5))
    if index % 2:  # headers, then only part of a body
        sock.sendall(f"POST /c/{SLUG}/mp HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\n"
                     "Content-Length: 5000\r\n\r\npostcode=E8".encode())
    else:  # only part of the headers
        sock.sendall(f"GET /c/{SLUG}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: ".encode())
    return sock


def test_half_sent_requests_do_not_hold_gunicorn(production_site, tls_certificate):
    port = int(production_site.url.rsplit(":", 1)[1])
    slow = [half_sent_request(port, i) for i in range(SLOW_CLIENTS)]
    try:
        time.sleep(0.5)
        started = time.monotonic()
        response = requests.get(f"{production_site.url}/c/{SLUG}/", timeout=10,
                                verify=str(tls_certificate.cert))
        took = time.monotonic() - started
    finally:
        for sock in slow:
            sock.close()
    assert response.status_code == 200
    assert took < 2, f"a normal visitor waited {took:.1f}s behind {SLOW_CLIENTS} slow clients"
