"""How long the organisers' exports take over a large campaign.

Fills a fresh database with N letter records (default 1,000,000) across 650
constituencies and 365 days, two or three asks each, then times every export
(by constituency, ask, day, MP and party, the last two with writers' reports;
rows to CSV text) the way `flask export counts`
runs it: for all campaigns, for one campaign, and for one campaign over a quarter.
The goal is at most a second each.

    .venv/bin/python benchmarks/exports.py [--rows N] [--keep PATH]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign.campaigns.launch import load_launch_campaign  # noqa: E402
from campaign.db import connect  # noqa: E402
from campaign.exports import queries  # noqa: E402
from campaign.exports.files import to_csv  # noqa: E402
from campaign.migrations.runner import migrate  # noqa: E402

SEATS = 650
DAYS = 365
FIRST_DAY = "2024-01-01"
GOAL_SECONDS = 1.0


def fill(db, rows: int) -> None:
    """Write `rows` letters in a few INSERT ... SELECT statements (no Python loop per row)."""
    # Only this throwaway database: trade durability for a fast fill.
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -500000")
    load_launch_campaign(db)
    launch = next(iter(db.query("select id from campaigns order by id limit 1")))["id"]
    with db.atomic():
        other = db["campaigns"].insert({"slug": "bench-other", "title": "Another campaign",
                                        "status": "live"}).last_pk
        for position in range(3):
            db["asks"].insert({"campaign_id": other, "position": position,
                               "title": f"Other ask {position + 1}", "paragraph": "..."})
        # A full register, as after `mps refresh`, so the MP join does real work.
        db.conn.executemany(
            "insert or replace into mps (constituency_code, constituency_name, member_id,"
            " display_as, full_title, party, source, fetched_at)"
            " values (?, ?, ?, ?, ?, ?, 'refresh', '2024-01-01T00:00:00')",
            [(f"E14{n:06d}", f"Constituency {n}", 10_000 + n, f"Member {n}",
              f"Member {n} MP", ("Labour", "Conservative", "Liberal Democrat")[n % 3])
             for n in range(SEATS)])
    asks = {cid: [r["id"] for r in db.query(
        "select id from asks where campaign_id = ? order by id", [cid])]
        for cid in (launch, other)}
    # Building the indexes once after the rows are in is several times faster than
    # updating them row by row; they are rebuilt from their own SQL, so the schema
    # measured is exactly the one the migrations make.
    indexes = [row["sql"] for row in db.query(
        "select sql from sqlite_master where type = 'index' and sql is not null"
        " and tbl_name in ('letters', 'letter_asks')")]
    with db.atomic():
        for row in list(db.query(
                "select name from sqlite_master where type = 'index' and sql is not null"
                " and tbl_name in ('letters', 'letter_asks')")):
            db.execute(f"drop index [{row['name']}]")
        # Multiplicative hashing spreads letters over seats and days unevenly enough
        # to look like a campaign, and deterministically, so runs compare.
        db.execute(f"""
            with recursive seq(i) as (select 1 union all select i + 1 from seq where i < {rows})
            insert into letters (id, token, campaign_id, constituency_code, constituency_name,
                                 day, formats)
            select i, printf('bench-%08d', i),
                   case when i % 10 = 0 then {other} else {launch} end,
                   printf('E14%06d', (i * 2654435761 / 4096) % {SEATS}),
                   'Constituency ' || ((i * 2654435761 / 4096) % {SEATS}),
                   date('{FIRST_DAY}', '+' || ((i * 40503) % {DAYS}) || ' days'),
                   case when i % 3 = 0 then 'pdf,docx' else 'pdf' end
            from seq
        """)
        for cid, ids in asks.items():
            k, first = len(ids), ids[0]
            # Two asks for every letter and a third for every other one: 2.5 on average.
            for offset, condition in ((0, "1"), (1, "1"), (3, "id % 2 = 0")):
                db.execute(
                    f"insert or ignore into letter_asks (letter_id, ask_id, day)"
                    f" select id, {first} + (id + {offset}) % {k}, day from letters"
                    f" where campaign_id = ? and {condition}", [cid])
        # What writers reported at /r/<reference>: a fifth said they posted it, and
        # two in five of those had a reply, spread over the three reply times.
        db.execute("delete from letter_reports")
        db.execute("""
            insert into letter_reports (letter_id, kind, day, reply_within, reply_kind)
            select id, 'posted', day, '', '' from letters where id % 5 = 0""")
        db.execute("""
            insert into letter_reports (letter_id, kind, day, reply_within, reply_kind)
            select id, 'replied', day,
                   case id % 3 when 0 then 'week' when 1 then 'month' else 'later' end,
                   case when id % 4 = 0 then 'personal' else 'standard' end
            from letters where id % 5 = 0 and id % 2 = 0""")
        for sql in indexes:
            db.execute(sql)


def time_export(db, by: str, scope: queries.Filter, repeat: int = 3) -> tuple[float, float, int]:
    """(first run, median, rows) in seconds for one export to CSV text."""
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        text = to_csv(queries.breakdown(db, by, scope), queries.COLUMNS[by])
        times.append(time.perf_counter() - start)
        size = text.count("\n") - 1
    return times[0], statistics.median(times), size


def filled_database(path: str, rows: int) -> None:
    """Make the database at `path` hold `rows` letter records (`fill`), or reuse it as it
    is when it already holds that many; say which."""
    db = connect(path)
    migrate(db)
    if db["letters"].count == rows:
        print(f"Reusing {path} with {rows:,} letters.")
    else:
        with db.atomic():
            db.execute("delete from letter_reports")
            db.execute("delete from letter_asks")
            db.execute("delete from letters")
        start = time.perf_counter()
        fill(db, rows)
        filled = time.perf_counter() - start
        pairs = db["letter_asks"].count
        print(f"Filled {rows:,} letters and {pairs:,} letter-ask pairs across {SEATS} "
              f"constituencies and {DAYS} days in {filled:.1f} s.")
    db.conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="letter records to create")
    parser.add_argument("--keep", metavar="PATH",
                        help="keep the database at PATH, and reuse it when it already holds "
                             "--rows letters (to re-time without refilling)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or str(Path(tmp) / "bench.sqlite3")
        filled_database(path, args.rows)

        # A fresh connection, as a `flask export counts` run would open.
        db = connect(path)
        launch = next(iter(db.query("select id from campaigns order by id limit 1")))["id"]
        scenarios = [
            ("all campaigns", queries.Filter()),
            ("one campaign", queries.Filter(campaign_id=launch)),
            ("one campaign, one quarter", queries.Filter(
                campaign_id=launch, since=date(2024, 4, 1), until=date(2024, 6, 30))),
        ]
        slow = False
        print(f"\n{'export (CSV)':<18} {'letters counted':<27} {'first':>8} {'median':>8} {'rows':>6}")
        for label, scope in scenarios:
            for by in queries.BREAKDOWNS:
                first, median, size = time_export(db, by, scope)
                slow = slow or first > GOAL_SECONDS
                print(f"by {by:<15} {label:<27} {first:>7.3f}s {median:>7.3f}s {size:>6}")
        db.conn.close()
        print(f"\nGoal: each export at most {GOAL_SECONDS:.0f} s: "
              f"{'MISSED' if slow else 'met'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
