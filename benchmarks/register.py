"""The self-keeping MP register: what keeping it true costs.

Against the fake Members API on loopback (a full House of 650 seats), times a full
refresh (33 pages), the refresh lease (taken and given back in SQLite), a lookup
answered from a fresh register, and a stale seat re-checked with the Location
search while the citizen waits. Loopback hides the real API's latency (a real
refresh takes seconds, in the background); what is measured is the site's own cost.

Goals: a fresh lookup adds no more than ~0.1 ms to a letter; a lease under 1 ms.

    .venv/bin/python benchmarks/register.py [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign import create_app  # noqa: E402
from campaign.db import get_db  # noqa: E402
from campaign.demo.members_api import FakeMembersAPI  # noqa: E402
from campaign.demo.postcodes_io import FakePostcodesIO  # noqa: E402
from campaign.lookup import leases, register  # noqa: E402
from campaign.lookup.name_matching import shipped_code  # noqa: E402
from campaign.lookup.postcode import Constituency  # noqa: E402
from campaign.migrations.runner import migrate  # noqa: E402


def timed(action, repeat: int) -> list[float]:
    """Seconds each of `repeat` calls of `action` took, sorted."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return sorted(times)


def report(name: str, times: list[float], unit: str = "ms") -> None:
    scale = {"ms": 1e3, "us": 1e6}[unit]
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{name}: median {statistics.median(times) * scale:.2f} {unit}, "
          f"p95 {p95 * scale:.2f} {unit} ({len(times)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="runs of each quick step")
    args = parser.parse_args()
    postcodes, members = FakePostcodesIO().start(), FakeMembersAPI().start()
    try:
        with tempfile.TemporaryDirectory(prefix="register-bench-") as tmp:
            app = create_app({
                "DATABASE_PATH": f"{tmp}/campaign.sqlite3", "SECRET_KEY": "bench",
                "POSTCODES_API_URL": postcodes.url, "MEMBERS_API_URL": members.url,
                "MP_REGISTER_AUTO_REFRESH": False,
            })
            with app.app_context():
                run(get_db(), app.extensions["mp_finder"], args.repeat)
    finally:
        postcodes.stop()
        members.stop()


def run(db, finder, repeat: int) -> None:
    migrate(db)
    report("full refresh, 649 sitting MPs in 33 pages",
           timed(lambda: register.refresh(db, finder.members), max(5, repeat // 40)))

    counter = iter(range(10**9))

    def lease() -> None:
        holder = f"bench-{next(counter)}"
        leases.acquire(db, "bench", holder, 60)
        leases.release(db, "bench", holder)

    report("refresh lease taken and given back", timed(lease, repeat))
    finder.find(db, "E8 1DY")  # the postcode is cached from here on
    report("lookup, fresh register, cached postcode",
           timed(lambda: finder.find(db, "E8 1DY"), repeat * 10), "us")

    sevenoaks = Constituency(code=shipped_code("Sevenoaks"), name="Sevenoaks")

    def stale_seat() -> None:
        db.execute("update mps set fetched_at = '2000-01-01T00:00:00+00:00'"
                   " where constituency_code = ?", [sevenoaks.code])
        db.conn.commit()
        register.mp_for_constituency(db, finder.members, sevenoaks, finder.max_age)

    report("stale seat re-checked with the Location search", timed(stale_seat, repeat))


if __name__ == "__main__":
    main()
