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

import json
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache

import sqlite_utils

from campaign.campaigns import Campaign, all_asks
from campaign.exports import queries
from campaign.exports.packs import AskFigure, CampaignFigures, SeatFigures
from campaign.small_numbers import public_total
from letters.nations import Nation
from letters.wording import render_wording, resolve_choices, split_phrasings


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
    """The campaign's title and its letters to MPs over `scope`'s days: the UK total as
    the public may see it (campaign.small_numbers) and the first and last day."""
    where, params = scope.where("l")
    row = next(iter(db.query(
        f"select min(l.day) as first_day, max(l.day) as last_day from letters l"
        f" where {where}", params)))
    seats = queries.by_constituency(db, scope)
    return CampaignFigures(
        slug=campaign.slug, title=campaign.title,
        uk=public_total(seat["letters"] for seat in seats),
        first_day=date.fromisoformat(row["first_day"]) if row["first_day"] else None,
        last_day=date.fromisoformat(row["last_day"]) if row["last_day"] else None,
        since=scope.since, until=scope.until)


def seat_figures(db: sqlite_utils.Database, campaign: Campaign, scope: queries.Filter,
                 code: str | None = None,
                 whole: CampaignFigures | None = None) -> list[SeatFigures]:
    """Every constituency with letters in `scope` (or only `code`), most letters first
    (`whole`: the campaign's figures, when the caller has counted them already).

    The asks are those the seat's letters to its MP carried (as each letter recorded
    it: an ask left out where a devolved body decides it is not there), in the
    campaign's order, each as the letters put it (the wording most of them carried).
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
    first, last, weekly = _days_by_seat(db, where, params)
    per_ask, worded = _asks_by_seat(db, where, params)
    texts = _wordings(db, {key for seat in worded.values() for _, key in seat.values()})
    earlier = _earlier_mps(db, where, params)
    asks = all_asks(db, campaign.id)
    whole = whole or campaign_figures(db, campaign, scope)
    weeks = (_week_range(whole.first_day, whole.last_day)
             if whole.first_day and whole.last_day else [])  # both or neither
    figures = []
    for seat in seats:
        code_ = seat["constituency_code"]
        chosen = per_ask.get(code_, {})
        figures.append(SeatFigures(
            constituency_code=code_, constituency_name=seat["constituency_name"],
            mp_name=seat["mp_name"], party=seat["party"], letters=seat["letters"],
            first_day=first[code_], last_day=last[code_],
            asks=tuple(_ask_figure(ask, chosen.get(ask.id, 0),
                                   texts.get(worded[code_].get(ask.id, (0, ""))[1]), seat)
                       for ask in asks if chosen.get(ask.id)),
            weeks=tuple((week, weekly[code_].get(week, 0)) for week in weeks),
            reported_sent=seat["reported_sent"], replied=seat["replied"],
            earlier_mps=tuple(earlier.get(code_, ()))))
    return figures


def _days_by_seat(db: sqlite_utils.Database, where: str, params: list
                  ) -> tuple[dict[str, date], dict[str, date], dict[str, dict[date, int]]]:
    """Each seat's first and last day with letters, and its letters per week (UK weeks
    start on Monday), by GSS code."""
    # One pass over the (campaign, day, code) index, in its order: no sort and no date
    # arithmetic in SQL.
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
    return first, last, weekly


def _asks_by_seat(db: sqlite_utils.Database, where: str, params: list
                  ) -> tuple[dict[str, dict[int, int]], dict[str, dict[int, tuple[int, str]]]]:
    """By GSS code: how many letters to the MP carried each ask, and the wording most of
    them carried it in (its letters and its key in ask_wordings)."""
    # As each letter recorded it (participation): never an ask a letter left out,
    # never a second letter's; each in its wording.
    per_ask: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    worded: dict[str, dict[int, tuple[int, str]]] = defaultdict(dict)
    for row in db.query(
            f"select la.ask_id, l.constituency_code as code, la.wording, count(*) as letters"
            f" from letter_asks la join letters l on l.id = la.letter_id"
            f" where l.target_id is null and {where} group by 1, 2, 3", params):
        per_ask[row["code"]][row["ask_id"]] += row["letters"]
        if row["wording"] and row["letters"] > worded[row["code"]].get(row["ask_id"], (0, ""))[0]:
            worded[row["code"]][row["ask_id"]] = (row["letters"], row["wording"])
    return per_ask, worded


def _wordings(db: sqlite_utils.Database, keys: set[str]) -> dict[str, dict]:
    """The kept wordings (m022) with these keys: their source, nation and text."""
    return {row["key"]: row for row in db.query(
        "select key, source, nation, text from ask_wordings where key in"
        " (select value from json_each(?))", [json.dumps(sorted(keys))])}


def _earlier_mps(db: sqlite_utils.Database, where: str,
                 params: list) -> dict[str, list[tuple[str, int]]]:
    """By GSS code, the MPs written to who no longer sit for the seat (a by-election
    since), each with their letters: each letter recorded its MP (participation), and
    the pack says so, not today's MP."""
    sitting = dict(db.execute("select constituency_code, member_id from mps"
                              " where constituency_code is not null").fetchall())
    earlier: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in db.query(
            f"select l.constituency_code as code, l.member_id, max(l.mp_name) as name,"
            f" count(*) as letters from letters l where l.target_id is null"
            f" and l.member_id is not null and {where} group by 1, 2", params):
        if row["member_id"] != sitting.get(row["code"]):
            earlier[row["code"]].append((row["name"] or "", row["letters"]))
    return earlier


def _ask_figure(ask, letters: int, wording: dict | None, seat: dict) -> AskFigure:
    """One ask of a pack: its title, and the words the letters used for it (their first
    phrasing, each choice's first option, filled in for the seat); letters written
    before the wording was kept (m022) show the ask's explanation instead."""
    if wording is None:
        return AskFigure(ask.title, ask.explanation, letters)
    first = next(iter(split_phrasings(wording["text"])), "")
    text = render_wording(resolve_choices(first, lambda index, count: 0),
                          {"constituency": seat["constituency_name"],
                           **({"mp_name": seat["mp_name"]} if seat["mp_name"] else {})})
    nation = Nation.of_code(wording["nation"] or "")
    source = {"nation": f"as letters from {nation.label} put it" if nation else "",
              }.get(wording["source"], "")
    return AskFigure(ask.title, text, letters, quoted=True, source=source)
