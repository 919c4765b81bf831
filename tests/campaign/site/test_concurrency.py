"""Many letters at once, through a real gunicorn: every one counted, none refused.

Starts gunicorn (the repository's gunicorn.conf.py, several worker processes with
several threads each) on 127.0.0.1 against a fresh database and the fake upstreams,
then lets 24 clients write letters at the same moment. Afterwards the database
must hold exactly one participation record per letter downloaded, with its asks,
and neither the clients nor the server may have seen "database is locked".
"""
from __future__ import annotations

import json
import threading
from collections import Counter

import pytest

from campaign.db import connect
from campaign.demo.http_journey import HttpJourney
from campaign.demo.live_site import gunicorn, prepare_database

# gunicorn's workers start as separate processes: seconds, not milliseconds.
pytestmark = pytest.mark.slow

CLIENTS = 24
LETTERS_EACH = 3
POSTCODES = {"E8 1DY": "E14001259", "BR8 7RE": "E14001465", "PR7 1DP": "E14001170",
             "LL77 7TW": "W07000112"}


@pytest.fixture
def server(tmp_path, fake_postcodes, fake_members):
    fake_postcodes.reset()
    fake_members.reset()
    database = str(tmp_path / "concurrency.sqlite3")
    prepare_database(database)
    with gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                  members_url=fake_members.url, workers=3, threads=4) as live:
        live.database = database
        yield live


def test_simultaneous_letters_are_all_counted(server):
    postcodes = list(POSTCODES)
    start = threading.Barrier(CLIENTS)
    downloads: Counter = Counter()
    failures: list[str] = []
    lock = threading.Lock()

    def citizen(index: int) -> None:
        journey = HttpJourney(server.url)
        start.wait()  # everyone at once, including the first, cold lookups
        try:
            for n in range(LETTERS_EACH):
                postcode = postcodes[(index + n) % len(postcodes)]
                fmt = "docx" if (index + n) % 5 == 0 else "pdf"
                answer = journey.letter(postcode, fmt=fmt)
                assert answer.body[:4] in (b"%PDF", b"PK\x03\x04")
                with lock:
                    downloads[POSTCODES[postcode]] += 1
        except Exception as error:  # noqa: BLE001 - reported below, with the rest
            with lock:
                failures.append(f"client {index}: {error!r}"[:500])
        finally:
            journey.close()

    threads = [threading.Thread(target=citizen, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    # On failure, show what the server said, not only what the clients saw.
    problems = [line for line in server.output.splitlines() if '"level": "INFO"' not in line]
    assert failures == [], "\n".join(failures + problems[-80:])
    assert sum(downloads.values()) == CLIENTS * LETTERS_EACH

    db = connect(server.database)
    counted = Counter(dict(db.execute(
        "select constituency_code, count(*) from letters group by constituency_code")))
    assert counted == downloads
    assert db.execute("select count(distinct token) from letters").fetchone()[0] == \
        CLIENTS * LETTERS_EACH
    # Every letter chose the first two asks, and each was recorded with it.
    per_letter = db.execute(
        "select count(*) from letters left join letter_asks on letter_id = letters.id"
        " group by letters.id").fetchall()
    assert {n for (n,) in per_letter} == {2}

    output = server.output
    assert "database is locked" not in output
    assert "Traceback" not in output
    request_lines = [json.loads(line) for line in output.splitlines()
                     if line.startswith("{") and '"campaign.requests"' in line]
    assert len(request_lines) >= CLIENTS * LETTERS_EACH * 5
    # 303: the postcode, on to the letter form's own address.
    assert {line["status"] for line in request_lines} == {200, 303}
    # The server's whole output, not only our lines: no client address in it.
    # ("Listening at: http://127.0.0.1:port" is gunicorn's own bind address.)
    assert all("127.0.0.1" not in line for line in output.splitlines()
               if "Listening at" not in line)
