"""Migrations are frozen: they import only campaign.db and each other, and a database
made at an old schema migrates to exactly what it did before they were frozen.

A migration that has shipped must do the same thing to an old database for ever, so
it may not read live code or campaign/data/launch-campaign.json, which later releases
are free to change. The record of what it did is `FROZEN_RESULT_SHA256`: the dump of
the database below, migrated by the migrations as they were when frozen (commit
2bb25c6, which still read live code), with the clock fixed.
"""
from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from campaign import clock
from campaign.clock import FixedClock, running_on
from campaign.migrations import MIGRATIONS, apply
from campaign.migrations.frozen_launch import LAUNCH_AT_M011
from campaign.migrations.launch_at_m021 import LAUNCH_AT_M021
from campaign.migrations.wording import FIRST_SHIPPED_OPENING, as_first_shipped

MIGRATIONS_DIR = Path(__file__).resolve().parents[3] / "campaign" / "migrations"
# The command and the `migrate()` the site calls: it runs migrations, it is not one, and
# may import the application (the clock, the launch campaign for init-db).
NOT_MIGRATIONS = {"runner.py"}
APPLICATION = {"campaign", "letters"}


def _imports(tree: ast.AST, module: str) -> list[str]:
    """Every module `tree` imports, as dotted names (`from a import b` gives a.b too,
    since b may be a module), its relative imports resolved against `module`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: every module here is in campaign.migrations
                package = module.split(".")[:2][:3 - node.level]
                base = ".".join([*package, base] if base else package)
            found.append(base)
            found += [f"{base}.{alias.name}" for alias in node.names]
    return found


def _allowed(name: str, frozen: set[str]) -> bool:
    """Whether a migration may import `name`: not the application's, or campaign.db, or
    a module of campaign/migrations that is itself a migration module (not the runner),
    or a name defined in its __init__."""
    if name.split(".")[0] not in APPLICATION or name == "campaign":
        return True  # the standard library and sqlite-utils; `from campaign import x`: x counts
    if name == "campaign.db" or name.startswith("campaign.db."):
        return True
    parts = name.split(".")
    if parts[:2] != ["campaign", "migrations"]:
        return False
    if len(parts) == 2:
        return True
    module = f"campaign.migrations.{parts[2]}"
    is_module = (MIGRATIONS_DIR / f"{parts[2]}.py").is_file() or (MIGRATIONS_DIR / parts[2]).is_dir()
    return module in frozen or not is_module


def test_migrations_import_only_campaign_db_and_each_other():
    modules = {path: "campaign.migrations" + ("" if path.stem == "__init__" else f".{path.stem}")
               for path in MIGRATIONS_DIR.glob("*.py") if path.name not in NOT_MIGRATIONS}
    assert len(modules) > 3, "the migrations package has moved: point this test at it"
    frozen = set(modules.values())
    wrong = {}
    for path, module in sorted(modules.items()):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        names = [name for name in _imports(tree, module) if not _allowed(name, frozen)]
        if names:
            wrong[path.name] = sorted(set(names))
    assert wrong == {}, (
        "a migration imports live code; copy what it needs into campaign/migrations "
        f"as it is today: {wrong}")


def test_the_check_sees_a_live_import():
    tree = ast.parse("from campaign.campaigns.launch import launch_campaign_data\n"
                     "import letters.wording\nfrom campaign import clock, db\n"
                     "from campaign.db import write_transaction\n"
                     "from campaign.migrations import MIGRATIONS, runner\n"
                     "from .wording import record_history\nimport json\n")
    names = _imports(tree, "campaign.migrations.example")
    frozen = {"campaign.migrations", "campaign.migrations.wording"}
    assert [name for name in names if not _allowed(name, frozen)] == [
        "campaign.campaigns.launch", "campaign.campaigns.launch.launch_campaign_data",
        "letters.wording", "campaign.clock", "campaign.migrations.runner"]
    assert "campaign.migrations.wording.record_history" in names and "json" in names


# ---- the same result on an old database --------------------------------------------

#: The database `_database_at_m008` makes, migrated through m021 by the migrations as
#: they were before they were frozen (commit 2bb25c6, still reading live code), as SQL.
FROZEN_RESULT = Path(__file__).resolve().parents[1] / "fixtures" / "frozen_migrations_result.sql"
AT = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
LAST_FROZEN = "m021_launch_campaign_welsh"
SHIPPED = LAUNCH_AT_M021  # the English m021 matches, so the old campaign gains Welsh


def _database_at_m008(path: Path) -> sqlite_utils.Database:
    """A database from before m009 (wording still Jinja), holding what every later
    migration converts: the launch campaign as first shipped with one ask edited by
    staff, a campaign of Jinja wording, a name-keyed MP register and its lookups."""
    db = sqlite_utils.Database(path)
    MIGRATIONS.apply(db, stop_before="m009_plain_wording")
    launch = LAUNCH_AT_M011
    texts = {name: SHIPPED[name] for name in ("title", "summary", "intro", "subject",
                                              "thank_you")}
    db["campaigns"].insert({
        "id": 1, "slug": launch["slug"], "status": "live", **texts,
        "opening": FIRST_SHIPPED_OPENING, "closing": as_first_shipped(launch["closing"]),
        "created_at": "2025-06-01T10:00:00+00:00", "updated_at": "2025-06-01T10:00:00+00:00"})
    for position, ask in enumerate(launch["asks"], start=1):
        paragraph = as_first_shipped(ask["paragraph"])
        db["asks"].insert({"id": position, "campaign_id": 1, "position": position,
                           "title": ask["title"],
                           "explanation": SHIPPED["asks"][position - 1]["explanation"],
                           "paragraph": paragraph + (" Edited." if position == 7 else "")})
    db["campaigns"].insert({"id": 2, "slug": "old", "title": "Old", "status": "live",
                            "opening": "I live in {{constituency}}.{# note #}",
                            "closing": "{% for x in range(9) %}Reply{% endfor %}",
                            "subject": "{{- mp_name -}}: please act"})
    db["asks"].insert({"id": 20, "campaign_id": 2, "title": "Ask", "position": 1,
                       "paragraph": "First part.\n\nSecond part of {{ mp_nmae }}."})
    db["letters"].insert({"id": 1, "token": "t1", "campaign_id": 1, "day": "2025-06-02",
                          "constituency_code": "E14001259", "constituency_name": "Hackney",
                          "formats": "pdf"})
    db["letter_asks"].insert({"letter_id": 1, "ask_id": 1, "day": "2025-06-02"})
    mps = [("chorley", "Chorley", 467), ("wrekin", "The Wrekin", 4001),
           ("ynys mon", "Ynys Môn", 4002), ("weston super mare", "Weston-Super-Mare", 4003),
           ("sevenoaks and swanley", "Sevenoaks and Swanley", 4004),
           ("the wrekin", "Wrekin, The", 4005)]
    db["mps"].insert_all({"constituency_key": key, "constituency_name": name,
                          "member_id": member, "display_as": f"MP {member}",
                          "full_title": f"MP {member} MP", "address_as": f"MP {member}",
                          "list_as": "", "party": "Labour", "gender": "", "source": "refresh",
                          "fetched_at": "2025-06-01T10:00:00+00:00", "email": ""}
                         for key, name, member in mps)
    db["constituency_lookups"].insert_all(
        {"constituency_key": key, "constituency_name": name, "members_api_id": 5000 + n,
         "vacant": 1, "fetched_at": "2025-06-01T10:00:00+00:00"}
        for n, (key, name) in enumerate([("runcorn and helsby", "Runcorn and Helsby"),
                                         ("old seat", "Old Seat")]))
    return db


def _after_last_frozen() -> list[str]:
    """The migrations after m021 (later ones change the schema; this compares the rest)."""
    names = [m.name for m in MIGRATIONS.pending(sqlite_utils.Database(memory=True))]
    return names[names.index(LAST_FROZEN) + 1:]


def migrated_old_database(path: Path) -> str:
    """`_database_at_m008` migrated through m021 on a fixed clock, as SQL, but for
    when each migration ran (sqlite-utils records the real time)."""
    db = _database_at_m008(path)
    with running_on(FixedClock(AT)):
        applied = apply(db, stop_before=_after_last_frozen() or None,
                        timestamp=clock.timestamp)
    assert applied[0] == "m009_plain_wording" and applied[-1] == LAST_FROZEN
    return "\n".join(line for line in db.conn.iterdump()
                     if not line.startswith('INSERT INTO "_sqlite_migrations"')) + "\n"


def test_an_old_database_migrates_to_what_it_did_before_migrations_were_frozen(tmp_path):
    result = migrated_old_database(tmp_path / "old.sqlite3")
    db = sqlite_utils.Database(tmp_path / "old.sqlite3")
    # What the migrations did, readably, before the whole of it.
    launch = db["campaigns"].get(1)
    assert launch["opening"] == LAUNCH_AT_M011["opening"] and launch["title_cy"]
    assert db["ask_nations"].count and db["campaign_targets"].count == 2
    assert db["mps"].count == 6 and "could not be converted" in db["campaigns"].get(2)[
        "wording_review"]
    assert result == FROZEN_RESULT.read_text("utf-8")
