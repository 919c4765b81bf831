"""Load test: many citizens writing letters at once, against a real gunicorn on loopback.

Starts the fake upstreams in this process and gunicorn (the repository's
gunicorn.conf.py, rate limits off) in a child, then runs `--clients` concurrent
clients for `--seconds`, each writing letters from start to finish: campaign page,
postcode, preview, PDF download. Prints complete letters per second and the p50 /
p99 latency of each step, and checks that the database counted every letter.

Then one client alone (`--solo` letters, on the now idle server) downloads PDFs, and
the very letter of its last download is rendered in this process: the ratio of the
two medians is what HTTP, the framework and the signed request add to a render.

    .venv/bin/python benchmarks/load.py --clients 20 --seconds 15

Everything stays on 127.0.0.1, and the run is bounded by `--seconds`.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign.demo.http_journey import SLUG, STEPS, HttpJourney, hidden  # noqa: E402
from campaign.demo.live_site import gunicorn, prepare_database  # noqa: E402
from campaign.demo.members_api import FakeMembersAPI  # noqa: E402
from campaign.demo.postcodes_io import FakePostcodesIO  # noqa: E402

# The server's key, so that this process can read a signed preview as the server does.
SECRET_KEY = "load-benchmark-secret"

# Postcodes of seats with a sitting MP, so every journey can end in a letter.
#: The pages' language in the address, by language (--welsh walks the Welsh pages).
PREFIXES = {"en": "", "cy": "/cy"}
POSTCODES = ["E8 1DY", "BR8 7RE", "PR7 1DP", "BT78 1AA", "LL77 7TW", "TF1 6TE"]
WARM_UP_LETTERS = 3


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def server_cpu_seconds(master_pid: int) -> float | None:
    """CPU time (user + system) used so far by gunicorn's master and workers (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    try:
        pids = [master_pid] + [int(p) for p in os.listdir("/proc") if p.isdigit()
                               and _parent(int(p)) == master_pid]
        for pid in pids:
            fields = _stat(pid)
            total += int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, ValueError, IndexError):
        return None
    return total / ticks


def _stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()


def _parent(pid: int) -> int | None:
    try:
        return int(_stat(pid)[1])
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class RecordingJourney(HttpJourney):
    """A journey that keeps its last preview page, whose signed field holds the letter."""

    last_preview: str = ""

    def _record(self, step, started, answer):
        answer = super()._record(step, started, answer)
        if step == "preview":
            self.last_preview = answer.text
        return answer


def render_in_process(database: str, signed_field: str, runs: int,
                      language: str = "en") -> list[float]:
    """Seconds to render, in this process, the PDF of the letter in `signed_field`."""
    from campaign.campaigns import campaign_by_slug
    from campaign.db import connect
    from campaign.public.composing import compose_for
    from campaign.public.letter_state import from_signed
    from campaign.public.signed_requests import unsign
    from letters.render_pdf import render_pdf

    db = connect(database)
    signed = unsign(signed_field, SECRET_KEY, max_age=3600)
    campaign = campaign_by_slug(db, SLUG, language)
    context = from_signed(db=db, campaign=campaign, language=language, signed=signed)
    letter = compose_for(context, reference_url="https://example.org/r/x")
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        render_pdf(letter)
        timings.append(time.perf_counter() - began)
    return timings


def solo(base_url: str, database: str, letters: int,
         language: str = "en") -> tuple[list[float], list[float]]:
    """Download times of one client alone, and in-process render times of its letter."""
    journey = RecordingJourney(base_url, language_prefix=PREFIXES[language])
    for _ in range(letters):
        journey.letter(POSTCODES[0])
    journey.close()
    rendered = render_in_process(database, hidden(journey.last_preview, "letter"), letters,
                                 language)
    return journey.timings["download"], rendered


def run(clients: int, seconds: float, workers: int | None, threads: int | None,
        solo_letters: int, language: str = "en") -> int:
    postcodes = FakePostcodesIO().start()
    members = FakeMembersAPI().start()
    with tempfile.TemporaryDirectory() as tmp:
        database = str(Path(tmp) / "load.sqlite3")
        prepare_database(database)
        options = {}
        if workers:
            options["workers"] = workers
        if threads:
            options["threads"] = threads
        with gunicorn(database_path=database, postcodes_url=postcodes.url,
                      members_url=members.url, env={"SECRET_KEY": SECRET_KEY},
                      **options) as server:
            # Warm each postcode's caches first: the figures are for a site in service.
            warm = HttpJourney(server.url, language_prefix=PREFIXES[language])
            for postcode in POSTCODES:
                for _ in range(WARM_UP_LETTERS):
                    warm.letter(postcode)
            warm.close()

            journeys = [HttpJourney(server.url, language_prefix=PREFIXES[language])
                        for _ in range(clients)]
            errors: list[str] = []
            letters = [0] * clients
            start = threading.Barrier(clients + 1)
            deadline = 0.0

            def client(index: int) -> None:
                journey = journeys[index]
                start.wait()
                while time.perf_counter() < deadline:
                    try:
                        journey.letter(POSTCODES[(index + letters[index]) % len(POSTCODES)])
                        letters[index] += 1
                    except (AssertionError, OSError) as error:
                        errors.append(repr(error)[:300])
                        journey.close()
                journey.close()

            pool = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
            for thread in pool:
                thread.start()
            cpu_before = server_cpu_seconds(server.process.pid)
            client_cpu_before = resource.getrusage(resource.RUSAGE_SELF)
            deadline = time.perf_counter() + seconds
            began = time.perf_counter()
            start.wait()
            for thread in pool:
                thread.join()
            elapsed = time.perf_counter() - began
            cpu_after = server_cpu_seconds(server.process.pid)
            client_cpu_after = resource.getrusage(resource.RUSAGE_SELF)
            downloaded, rendered = solo(server.url, database, solo_letters, language) if solo_letters \
                else ([], [])

        from campaign.db import connect

        counted = connect(database).execute("select count(*) from letters").fetchone()[0]
    postcodes.stop()
    members.stop()

    total = sum(letters)
    expected = total + WARM_UP_LETTERS * len(POSTCODES) + solo_letters
    print(f"{clients} clients for {elapsed:.1f} s: {total} letters, "
          f"{total / elapsed:.1f} letters/s, {len(errors)} errors")
    print(f"{'step':<10} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for step in STEPS:
        times = [t * 1000 for j in journeys for t in j.timings[step]]
        if times:
            print(f"{step:<10} {percentile(times, 0.5):8.1f} {percentile(times, 0.99):8.1f} "
                  f"{statistics.fmean(times):8.1f}")
    if total and cpu_before is not None and cpu_after is not None:
        # The machine may be shared: CPU per letter is steadier than letters per second.
        server_ms = (cpu_after - cpu_before) * 1000 / total
        client_s = (client_cpu_after.ru_utime + client_cpu_after.ru_stime
                    - client_cpu_before.ru_utime - client_cpu_before.ru_stime)
        print(f"server CPU per letter: {server_ms:.1f} ms "
              f"(so {1000 / server_ms:.0f} letters/s per core); "
              f"load generator CPU per letter: {client_s * 1000 / total:.1f} ms; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if downloaded and rendered:
        over_http, in_process = (statistics.median(downloaded) * 1000,
                                 statistics.median(rendered) * 1000)
        print(f"one client alone, {solo_letters} letters: PDF download over HTTP median "
              f"{over_http:.2f} ms (p95 {percentile([t * 1000 for t in downloaded], 0.95):.2f}); "
              f"the same letter rendered in process median {in_process:.2f} ms; "
              f"ratio {over_http / in_process:.2f}x")
    print(f"letters in the database: {counted} (downloads completed: {expected})")
    for error in errors[:5]:
        print("error:", error)
    if errors or counted != expected:
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: its config)")
    parser.add_argument("--threads", type=int, help="threads per worker (default: its config)")
    parser.add_argument("--welsh", action="store_true",
                        help="walk the Welsh pages (/cy/), writing Welsh letters")
    parser.add_argument("--solo", type=int, default=100,
                        help="letters one client then downloads alone (0: none)")
    args = parser.parse_args()
    if not 1 <= args.clients <= 500 or not 0 < args.seconds <= 600 or not 0 <= args.solo <= 5000:
        parser.error("keep it bounded: 1-500 clients, at most 600 seconds, 0-5000 solo letters")
    return run(args.clients, args.seconds, args.workers, args.threads, args.solo,
               "cy" if args.welsh else "en")


if __name__ == "__main__":
    sys.exit(main())
