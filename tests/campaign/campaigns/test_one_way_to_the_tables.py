"""The campaigns, asks and ask_nations tables are read and written in campaign/campaigns/
only (its `tables` module, and `devolution` for the rules per nation): a column or an
index then changes in one place, and no page grows a query of its own on them."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TABLES = r"(?:campaigns|asks|ask_nations)"
# SQL naming one of the tables, or sqlite-utils reaching it by name.
TOUCHES = re.compile(
    rf"\b(?:from|join|into|update)\s+{TABLES}\b"
    rf"|\bdb(?:\.table\(|\[)\s*[\"']{TABLES}[\"']", re.IGNORECASE)
# Frozen migrations carry their own SQL by design; campaign/campaigns/ is the one way in.
ALLOWED = ("campaign/migrations/", "campaign/campaigns/")


def _touching() -> dict[str, list[str]]:
    found = {}
    for path in sorted((ROOT / "campaign").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name.startswith(ALLOWED):
            continue
        hits = [match.group(0) for match in TOUCHES.finditer(path.read_text("utf-8"))]
        if hits:
            found[name] = hits
    return found


def test_only_campaign_campaigns_reads_or_writes_the_campaign_tables():
    assert _touching() == {}


def test_the_check_sees_sql_and_table_access_alike():
    # The pattern must catch what it forbids, in each form the code could take.
    for text in ('db.query("select * from campaigns where id = ?")',
                 'db.execute("update asks set position = ?")',
                 'f"select ask_id from ask_nations\\n where ..."',
                 '"... join asks a on a.id = la.ask_id"',
                 'db["campaigns"].update(1, {})',
                 "db.table('asks').insert({})"):
        assert TOUCHES.search(text), text
    for text in ('db.query("select * from campaign_targets")', "all_asks(db, 1)",
                 '"from letter_asks la"', "campaigns = public_campaigns(db)"):
        assert not TOUCHES.search(text), text
