"""gunicorn's error log keeps no query string (a postcode) and no client address, even
for a request line it cannot parse."""
from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest

from campaign.demo.live_site import gunicorn, prepare_database
from campaign.gunicorn_log import scrubbed
from tests.campaign.helpers import wait_until

pytestmark = pytest.mark.slow


def test_a_malformed_request_line_is_logged_without_its_query(tmp_path, fake_postcodes,
                                                             fake_members):
    database = str(tmp_path / "campaign.sqlite3")
    prepare_database(database)
    with gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                  members_url=fake_members.url, workers=1) as server:
        parts = urlsplit(server.url)
        with socket.create_connection((parts.hostname, parts.port), timeout=5) as raw:
            raw.sendall(b"GET /c/x/mp?postcode=E8%201DY&x=1 HTTP/1.1 extra\r\n"
                        b"Host: 127.0.0.1\r\n\r\n")
            assert raw.recv(100).startswith(b"HTTP/1.1 400")
        # The worker writes its log line after answering.
        wait_until(lambda: "Invalid request" in server.output, what="gunicorn's log line")
        output = server.output
    assert "Invalid request" in output
    assert "E8%201DY" not in output and "postcode=" not in output
    assert "127.0.0.1:" not in output.split("Invalid request", 1)[1].splitlines()[0]


def test_scrubbed_leaves_other_messages_alone():
    assert scrubbed("Booting worker with pid: 12") == "Booting worker with pid: 12"
    assert scrubbed("Invalid request from ip=203.0.113.9: Invalid HTTP request line: "
                    "'GET /c/a/mp?postcode=E8+1DY HTTP/1.1 x'") == (
        "Invalid request from ip=(not logged): Invalid HTTP request line: "
        "'GET /c/a/mp?(query not logged) HTTP/1.1 x'")
