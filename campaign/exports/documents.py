"""The JSON documents of the exports: the rows with what they count, so a file read
months later still says which campaign and which days it covers."""
from __future__ import annotations

from collections.abc import Sequence

from campaign.exports import queries
from campaign.exports.files import rows_only


def _filters(slug: str | None, flt: queries.Filter) -> dict:
    return {
        "campaign": slug,
        "since": flt.since.isoformat() if flt.since else None,
        "until": flt.until.isoformat() if flt.until else None,
    }


def breakdown_document(by: str, rows: Sequence[dict], slug: str | None,
                       flt: queries.Filter) -> dict:
    """One export as JSON: {"by", "campaign", "since", "until", "rows": [...]}."""
    return {"by": by, **_filters(slug, flt), "rows": rows_only(rows, queries.COLUMNS[by])}


def everything_document(db, slug: str | None, flt: queries.Filter) -> dict:
    """All three exports and the totals in one JSON document (the dashboard's download)."""
    rows = {by: queries.breakdown(db, by, flt) for by in queries.BREAKDOWNS}
    totals = queries.summarise(rows["constituency"], rows["day"])
    return {
        **_filters(slug, flt),
        "letters": totals.letters,
        "constituencies": totals.constituencies,
        **{f"by_{by}": rows_only(rows[by], queries.COLUMNS[by]) for by in queries.BREAKDOWNS},
    }
