"""The figures an evidence pack shows, counted for every constituency at once.

An evidence pack (campaign.exports.packs) is what an organiser hands an MP: how many
constituents wrote, when, for which asks, and what the writers reported. This module
reads those counts from SQLite as the plain data packs.py defines, so the renderer never touches the
database and a pack for 650 constituencies costs four grouped queries, not 650 sets.

Counts only, as everywhere in campaign.exports: nothing here reads or returns
anything about a person. Hiding small numbers ("fewer than 5") is the renderer's
job; the figures here are exact.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache

import sqlite_utils

from campaign.campaigns import Campaign, all_asks
from campaign.exports import queries
from campaign.exports.packs import AskFigure, CampaignFigures, SeatFigures


def monday(day: date) -> date:
    """The Monday of `day`'s week (UK weeks start on Monday)."""
    return day - timedelta(days=day.weekday())


@lru_cache(maxsize=4096)
def _day(iso: str) -> date:
    # A campaign has a few hundred distinct days and a pack run reads each many times.
    return date.fromisoformat(iso)


def _week_range(first: date, last: date) -> list[date]:
    start, end = monday(first), monday(last)
    return [start + timedelta(weeks=n) for n in range((end - start).days // 7 + 1)]


def campaign_figures(db: sqlite_utils.Database, campaign: Campaign,
                     scope: queries.Filter) -> CampaignFigures:
    """The campaign's title, summary and totals over `scope`'s days."""
    where, params = scope.where("l")
    row = next(iter(db.query(
        f"select count(*) as letters, count(distinct l.constituency_code) as seats,"
        f" min(l.day) as first_day, max(l.day) as last_day from letters l where {where}",
        params)))
    return CampaignFigures(
        slug=campaign.slug, title=campaign.title, summary=campaign.summary,
        letters=row["letters"], constituencies=row["seats"],
        first_day=date.fromisoformat(row["first_day"]) if row["first_day"] else None,
        last_day=date.fromisoformat(row["last_day"]) if row["last_day"] else None,
        since=scope.since, until=scope.until)


def seat_figures(db: sqlite_utils.Database, campaign: Campaign, scope: queries.Filter,
                 code: str | None = None,
                 whole: CampaignFigures | None = None) -> list[SeatFigures]:
    """Every constituency with letters in `scope` (or only `code`), most letters first
    (`whole`: the campaign's figures, when the caller has counted them already).

    The asks are the campaign's, in its order: those switched on always (with 0 when no
    letter of the seat chose them), those switched off only when letters chose them.
    The weeks run over the whole campaign's range of days, so every pack's chart has
    the same time axis.
    """
    where, params = scope.where("l")
    if code is not None:
        where += " and l.constituency_code = ?"
        params = [*params, code]
    seats = [row for row in queries.by_mp(db, scope)
             if code is None or row["constituency_code"] == code]
    if not seats:
        return []
    # One pass over the (campaign, day, code) index, in its order: each seat's days and
    # weeks (UK weeks start on Monday), with no sort and no date arithmetic in SQL.
    first: dict[str, date] = {}
    last: dict[str, date] = {}
    weekly: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for row in db.query(
            f"select l.day, l.constituency_code as code, count(*) as letters from letters l"
            f" where {where} group by l.day, l.constituency_code", params):
        day = _day(row["day"])
        first.setdefault(row["code"], day)
        last[row["code"]] = day
        weekly[row["code"]][monday(day)] += row["letters"]
    per_ask: dict[str, dict[int, int]] = defaultdict(dict)
    for row in db.query(
            f"select la.ask_id, l.constituency_code as code, count(*) as letters"
            f" from letter_asks la join letters l on l.id = la.letter_id"
            f" where {where} group by 1, 2", params):
        per_ask[row["code"]][row["ask_id"]] = row["letters"]
    asks = all_asks(db, campaign.id)
    whole = whole or campaign_figures(db, campaign, scope)
    weeks = _week_range(whole.first_day, whole.last_day) if whole.first_day else []
    figures = []
    for seat in seats:
        code_ = seat["constituency_code"]
        chosen = per_ask.get(code_, {})
        figures.append(SeatFigures(
            constituency_code=code_, constituency_name=seat["constituency_name"],
            mp_name=seat["mp_name"], party=seat["party"], letters=seat["letters"],
            first_day=first[code_], last_day=last[code_],
            asks=tuple(AskFigure(ask.title, ask.explanation, chosen.get(ask.id, 0))
                       for ask in asks if ask.enabled or chosen.get(ask.id)),
            weeks=tuple((week, weekly[code_].get(week, 0)) for week in weeks),
            reported_sent=seat["reported_sent"], replied=seat["replied"]))
    return figures
