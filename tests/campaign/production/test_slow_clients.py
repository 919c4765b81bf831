"""Slow clients meet nginx, not gunicorn: with more half-sent requests open than
gunicorn has threads (3 workers x 4), a normal visitor is still served at once."""
from __future__ import annotations

import socket
import ssl
import time

import requests

from tests.campaign.helpers import SLUG, wait_until
from tests.campaign.production.conftest import unread_bytes

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
    try:  # once nginx has read what each sent, it holds all of them
        wait_until(lambda: unread_bytes(*slow) == 0, what="nginx to read them")
        started = time.monotonic()
        response = requests.get(f"{production_site.url}/c/{SLUG}/", timeout=10,
                                verify=str(tls_certificate.cert))
        took = time.monotonic() - started
    finally:
        for sock in slow:
            sock.close()
    assert response.status_code == 200
    assert took < 2, f"a normal visitor waited {took:.1f}s behind {SLOW_CLIENTS} slow clients"


ATTACK_CONNECTIONS = 300
ATTACKER = "127.0.0.2"  # loopback too (all of 127/8 is), but another client to nginx


def slow_body(port: int) -> ssl.SSLSocket | None:
    """A connection from ATTACKER whose request has all its headers and a trickle of its
    body: the kind that can last (each piece of a body restarts client_body_timeout)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        raw = socket.create_connection(("127.0.0.1", port), timeout=3,
                                       source_address=(ATTACKER, 0))
        sock = context.wrap_socket(raw)
        sock.sendall(f"POST /c/{SLUG}/mp HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\n"
                     "Content-Length: 5000\r\n\r\npostcode=E8".encode())
        return sock
    except OSError:  # nginx full: the handshake never completes
        return None


def test_one_address_holding_300_connections_does_not_shut_out_another(production_site,
                                                                       tls_certificate):
    """One address opens 300 TLS connections (more than nginx's 256 in these tests) and
    sends each request's body slowly; a visitor from another address gets the page."""
    from concurrent.futures import ThreadPoolExecutor

    port = int(production_site.url.rsplit(":", 1)[1])
    with ThreadPoolExecutor(max_workers=30) as pool:
        opened = [sock for sock in pool.map(lambda _: slow_body(port),
                                            range(ATTACK_CONNECTIONS)) if sock]
    try:  # once nginx has read what each sent, it holds (or has refused) all of them
        wait_until(lambda: unread_bytes(*opened) == 0, what="nginx to read them")
        started = time.monotonic()
        try:
            response = requests.get(f"{production_site.url}/c/{SLUG}/", timeout=5,
                                    verify=str(tls_certificate.cert))
            status = response.status_code
        except requests.RequestException as error:
            status = repr(error)[:200]
        took = time.monotonic() - started
        time.sleep(1)  # for nginx to have answered every connection it refuses
        refused = held = 0
        for sock in opened:
            sock.settimeout(0.01)
            try:
                refused += sock.recv(64).startswith(b"HTTP/1.1 429")
            except TimeoutError:
                held += 1  # nginx is still waiting for this body
            except (OSError, ssl.SSLError):
                pass
    finally:
        for sock in opened:
            sock.close()
    print(f"slowloris: {ATTACK_CONNECTIONS} tried from {ATTACKER}, {len(opened)} opened, "
          f"{refused} refused with 429, {held} still held; the visitor's page: {status} in "
          f"{took:.2f}s")
    assert status == 200, status
    assert took < 3, f"the visitor waited {took:.1f}s"
    assert held <= 40, f"{held} of one address's slow requests held open"  # limit: 30
