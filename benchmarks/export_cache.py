"""What the export cache saves: each organiser export asked for twice through the site.

Fills a database as benchmarks/exports.py does (N letter records, default 160,000),
signs an organiser in through the Flask test client and asks for packs.zip,
counts.json, by-constituency.csv and the dashboard twice each: the first answer is
built (under an export slot), the second comes from the cache (campaign/exports/
cache.py; the dashboard is never cached). Also times working out the cache key, which
every export request pays, cached or not.

    .venv/bin/python benchmarks/export_cache.py [--rows N] [--keep PATH]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from campaign import create_app  # noqa: E402
from campaign.accounts.users import create_user  # noqa: E402
from campaign.db import get_db  # noqa: E402
from campaign.demo.http_journey import hidden  # noqa: E402
from campaign.exports import cache  # noqa: E402

ORGANISER, PASSWORD = "organiser@example.org", "benchmark password 1234"


def _exports_benchmark():
    spec = importlib.util.spec_from_file_location("exports_benchmark",
                                                  ROOT / "benchmarks" / "exports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cpu_and_wall(call) -> tuple[float, float, object]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = call()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=160_000)
    parser.add_argument("--keep", metavar="PATH")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or str(Path(tmp) / "bench.sqlite3")
        _exports_benchmark().filled_database(path, args.rows)
        app = create_app({"DATABASE_PATH": path, "SECRET_KEY": "benchmark",
                          "RATELIMIT_ENABLED": False, "TESTING": False,
                          "MP_REGISTER_AUTO_REFRESH": False})
        with app.app_context():
            db = get_db()
            if not db.execute("select 1 from users where email = ?", [ORGANISER]).fetchone():
                create_user(db, ORGANISER, PASSWORD, "organiser")
            slug, campaign_id = db.execute(
                "select slug, id from campaigns order by id limit 1").fetchone()
        client = app.test_client()
        page = client.get("/staff/login").get_data(as_text=True)
        client.post("/staff/login", data={"email": ORGANISER, "password": PASSWORD,
                                          "csrf_token": hidden(page, "csrf_token")})
        with app.test_request_context(f"/staff/counts/{slug}/counts.json"):
            cpu, wall, _ = _cpu_and_wall(lambda: [cache.key(get_db(), campaign_id)
                                                  for _ in range(100)])
            print(f"cache key: {wall * 10:.2f} ms each (over 100)")
        print(f"{'export':<22} {'built (CPU / wall)':>22} {'again (CPU / wall)':>22} {'bytes':>10}")
        for name in ("packs.zip", "counts.json", "by-constituency.csv", ""):
            url = f"/staff/counts/{slug}/{name}"
            first = _cpu_and_wall(lambda url=url: client.get(url).get_data())
            second = _cpu_and_wall(lambda url=url: client.get(url).get_data())
            print(f"{name or 'dashboard':<22} {first[0]:>9.3f} s / {first[1]:.3f} s "
                  f"{second[0]:>9.3f} s / {second[1]:.3f} s {len(second[2]):>10,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
