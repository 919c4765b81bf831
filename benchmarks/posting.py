"""What "Post it for me" costs the server per letter, against the PDF download.

    .venv/bin/python benchmarks/posting.py [--letters N]

Writes N letters through the site in process (the test client, the sample postcodes.io
and Members API, a fresh database), then for each letter measures the server thread's
CPU time of (a) its PDF download and (b) posting it through the sample Stannp on
loopback (the budget's transaction, the PDF with its typed signature, one multipart
HTTP call and its answer recorded). The fake's own threads are not counted: only the
request's thread (`time.thread_time`). Prints medians in milliseconds.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign.demo.members_api import FakeMembersAPI  # noqa: E402
from campaign.demo.postcodes_io import FakePostcodesIO  # noqa: E402
from campaign.demo.stannp import API_KEY, WEBHOOK_SECRET, FakeStannp  # noqa: E402
from tests.campaign.helpers import SLUG, Journey, base_config, hidden, make_app  # noqa: E402


def measure(letters: int) -> dict[str, float]:
    """Median CPU milliseconds of the request's thread: download, post."""
    fakes = [FakePostcodesIO().start(), FakeMembersAPI().start(), FakeStannp().start()]
    postcodes, members, stannp = fakes
    try:
        with tempfile.TemporaryDirectory() as folder:
            config = base_config(Path(folder) / "bench.sqlite3", postcodes.url, members.url)
            config.update(POST_PROVIDER="stannp", STANNP_API_URL=stannp.api_url,
                          STANNP_API_KEY=API_KEY, STANNP_TEST_MODE=True,
                          STANNP_WEBHOOK_SECRET=WEBHOOK_SECRET)
            app = make_app(config)
            app.test_cli_runner().invoke(args=["post", "budget", SLUG, str(letters + 3)])
            client = app.test_client()
            journeys = []
            for number in range(letters + 3):  # the first three warm caches up
                journey = Journey(client)
                journey.find_mp("E8 1DY")
                journey.write(full_name=f"Writer {number}")
                journeys.append(journey)
            timings: dict[str, list[float]] = {"download": [], "post": []}
            for number, journey in enumerate(journeys):
                form = {"letter": hidden(journey.page, "letter"),
                        "csrf_token": hidden(journey.page, "csrf_token")}
                for step, path, data in (("download", "download", {**form, "format": "pdf"}),
                                         ("post", "post", form)):
                    started = time.thread_time()
                    response = client.post(f"/c/{SLUG}/{path}", data=data)
                    spent = (time.thread_time() - started) * 1000
                    assert response.status_code == 200, (step, response.status_code)
                    if number >= 3:
                        timings[step].append(spent)
            assert len(stannp.letters) == len(journeys)
            return {step: statistics.median(values) for step, values in timings.items()}
    finally:
        for fake in fakes:
            fake.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=40)
    args = parser.parse_args()
    result = measure(args.letters)
    print(f"server CPU per letter, median of {args.letters}:")
    print(f"  PDF download        {result['download']:.2f} ms")
    print(f"  post it (+ 1 call)  {result['post']:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
