"""Counts as files: CSV for spreadsheets, JSON documents for anything else.

Both carry exactly the rows `campaign.exports.queries` returns, with the columns in
`queries.COLUMNS`; a JSON document also says what it counts (campaign, days), so a
file read months later still says which campaign and which days it covers. An empty
export is the header line alone (CSV) or an empty list of rows (JSON), so a script
reading it never has to special-case "nothing yet" (a campaign's asks are listed even
with no letters: see queries.by_ask).
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from campaign.exports import queries

# A cell starting with one of these is read as a formula by Excel and LibreOffice
# (spreadsheets read the full-width forms, "＝" "＋" "－" "＠", as the plain ones, and
# "|" starts a DDE call). Ask titles are typed by staff, so a leading apostrophe keeps
# such a cell as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "|", "\t", "\r")


# Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C) make a
# cell display other than it reads ("Hackney" shown reversed); names arrive from
# upstreams and staff, and a spreadsheet is no place for them.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                0x200E, 0x200F, 0x061C])


def _cell(value: object) -> object:
    if isinstance(value, str):
        value = value.translate(_BIDI_CONTROLS)
        if unicodedata.normalize("NFKC", value[:1]).startswith(_FORMULA_STARTS):
            return "'" + value
    return value


def to_csv(rows: Iterable[Mapping], columns: Sequence[str], line_end: str = "\r\n") -> str:
    """The rows as CSV text with a header line.

    Files use RFC 4180's CRLF, which every spreadsheet expects; the command line
    passes "\n" so its output suits grep, wc and friends.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=line_end)
    writer.writerow(columns)
    writer.writerows([_cell(row[column]) for column in columns] for row in rows)
    return out.getvalue()


def to_json(document: Mapping) -> str:
    """A JSON document, readable by people too (indented, UTF-8 kept as is)."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def rows_only(rows: Iterable[Mapping], columns: Sequence[str]) -> list[dict]:
    """The rows as plain dicts with exactly `columns`, in order, for JSON."""
    return [{column: row[column] for column in columns} for row in rows]


def file_name(campaign_slug: str | None, by: str | None, since: date | None,
              until: date | None, extension: str) -> str:
    """A name that says what is in the file:
    letters-by-day-my-campaign-2025-01-01-to-2025-01-31.csv (by=None for every breakdown)."""
    parts = ["letters"] + ([f"by-{by}"] if by else []) + [campaign_slug or "all-campaigns"]
    if since or until:
        parts.append(f"{since.isoformat() if since else 'start'}-to-"
                     f"{until.isoformat() if until else 'now'}")
    return "-".join(parts) + f".{extension}"


def _filters(slug: str | None, scope: queries.Filter) -> dict:
    return {
        "campaign": slug,
        "since": scope.since.isoformat() if scope.since else None,
        "until": scope.until.isoformat() if scope.until else None,
    }


def breakdown_document(by: str, rows: Sequence[dict], slug: str | None,
                       scope: queries.Filter) -> dict:
    """One export as JSON: {"by", "campaign", "since", "until", "rows": [...]}."""
    return {"by": by, **_filters(slug, scope), "rows": rows_only(rows, queries.COLUMNS[by])}


def everything_document(db, slug: str | None, scope: queries.Filter) -> dict:
    """All three exports and the totals in one JSON document (the dashboard's download)."""
    rows = {by: queries.breakdown(db, by, scope) for by in queries.BREAKDOWNS}
    totals = queries.summarise(rows["constituency"], rows["day"])
    return {
        **_filters(slug, scope),
        "letters": totals.letters,
        "constituencies": totals.constituencies,
        **{f"by_{by}": rows_only(rows[by], queries.COLUMNS[by]) for by in queries.BREAKDOWNS},
    }
