"""Counting letters: by constituency, ask, day, MP, party and target, for organisers.

By MP and by party also count what writers reported at /r/<reference>: letters
sent, replies, and when the replies came.

Every figure is an aggregate computed by SQLite over the participation records
(`letters`, `letter_asks`); Python only sees the grouped rows (at most one per
constituency, ask or day), so an export over a million letters stays well under
a second. Nothing here reads or returns anything about a person: the records
hold none.

One letter is one row in `letters`, however many times or in however many
formats it was downloaded, so `count(*)` is the count of letters.

The public results page (public.views) reads `by_constituency` too, on purpose: the
map citizens see and the organisers' figures are one count, made one way.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from campaign.campaigns.tables import ask_ids_of, ask_rows_by_id, campaign_summaries
from letters.languages import REGISTER
from letters.nations import Nation
from letters.stances import Stance

BREAKDOWNS = ("constituency", "ask", "day", "mp", "party", "target", "nation", "stance",
              "language")
#: How the by-target export names the letter to the writer's MP.
MP_TARGET = "MP"
# Second letters are counted from their partial index (m016): tiny, and always usable
# where a query says `target_id is not null`.
SECOND_LETTERS = "indexed by idx_letters_second_letters"

# Rates (sent, replied) are shown only for groups with at least this many letters
# reported on: MPs rightly object to league tables built on two or three letters.
MIN_REPORTED_FOR_RATES = 5
# Citizens say when the reply came in buckets; the median is a bucket too.
REPLY_BUCKETS = ("week", "month", "later")
_OUTCOMES = ("letters", "reported_sent", "replied", "personal_replies", "median_reply",
             "sent_rate", "reply_rate")

# The columns of each export, in order: the CSV header and the JSON keys.
COLUMNS: dict[str, tuple[str, ...]] = {
    "constituency": ("constituency_code", "constituency_name", "mp_name", "party", "letters"),
    "ask": ("ask_id", "ask_title", "recipient", "letters"),
    "day": ("day", "letters"),
    "mp": ("constituency_code", "constituency_name", "mp_name", "party", *_OUTCOMES),
    "party": ("party", "constituencies", *_OUTCOMES),
    "target": ("target", "letters"),
    "nation": ("nation", "constituencies", "letters"),
    "language": ("language", "letters"),
    "stance": ("stance", "constituencies", "letters"),
}

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class BadFilter(ValueError):
    """A filter an organiser typed that cannot be used; the message says why."""


@dataclass(frozen=True)
class Filter:
    """Which letters to count: one campaign or all, between two days inclusive."""

    campaign_id: int | None = None
    since: date | None = None
    until: date | None = None

    def where(self, alias: str = "letters") -> tuple[str, list[object]]:
        """A SQL condition on `letters` (as `alias`) and its parameters."""
        clauses: list[str] = ["1 = 1"]
        params: list[object] = []
        if self.campaign_id is not None:
            clauses.append(f"{alias}.campaign_id = ?")
            params.append(self.campaign_id)
        # `day` is stored as ISO text, so comparing strings compares dates.
        if self.since is not None:
            clauses.append(f"{alias}.day >= ?")
            params.append(self.since.isoformat())
        if self.until is not None:
            clauses.append(f"{alias}.day <= ?")
            params.append(self.until.isoformat())
        return " and ".join(clauses), params


def parse_day(text: str | None, name: str = "date") -> date | None:
    """Read an ISO day (YYYY-MM-DD) that a person typed; None when left blank.

    Stricter than `date.fromisoformat`, which also takes 20240131 and week dates:
    a filter that silently meant something else would give wrong figures.
    """
    if text is None or not text.strip():
        return None
    text = text.strip()
    if not _ISO_DAY.fullmatch(text):
        raise BadFilter(f"The {name} must be a date written YYYY-MM-DD, like 2025-03-31; "
                        f"got {text!r}.")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadFilter(f"The {name} {text!r} is not a real date.") from None


def make_filter(campaign_id: int | None, since: str | None, until: str | None) -> Filter:
    """A Filter from typed dates; raise BadFilter for bad dates or a backwards range."""
    first = parse_day(since, "start date")
    last = parse_day(until, "end date")
    if first and last and first > last:
        raise BadFilter(f"The start date ({first.isoformat()}) is after the end date "
                        f"({last.isoformat()}).")
    return Filter(campaign_id=campaign_id, since=first, until=last)


def by_constituency(db: sqlite_utils.Database, scope: Filter) -> list[dict]:
    """Letters per constituency, most first, with its sitting MP where the register knows it.

    Grouped by the GSS code and joined to the register on it; the name shown is the
    register's ("Ynys Môn", "The Wrekin") or else the one on the newest letter, so a
    renamed seat stays one row. An MP missing from the register (never looked up, or
    the seat is vacant) leaves mp_name and party empty rather than dropping the row.
    Only letters to MPs count here (and so in the results map and by MP and party):
    second letters to other offices are counted by_target.
    """
    where, params = scope.where("l")
    sql = f"""
        with per_seat as (
            select l.constituency_code as code, count(*) as letters, max(l.id) as newest
            from letters l where {where}
            group by l.constituency_code
        ), named as (
            select per_seat.code, per_seat.letters, newest.constituency_name
            from per_seat join letters newest on newest.id = per_seat.newest
        )
        select named.code as constituency_code,
               coalesce(mps.constituency_name, named.constituency_name) as constituency_name,
               coalesce(mps.display_as, '') as mp_name, coalesce(mps.party, '') as party,
               named.letters
        from named
        left join mps on mps.constituency_code = named.code
        order by named.letters desc, 2, named.code
    """
    return _letters_to_mps(db, scope, list(db.query(sql, params)))


def _letters_to_mps(db: sqlite_utils.Database, scope: Filter, seats: list[dict]) -> list[dict]:
    # Second letters are few (writers in nations offered one, who tick it): counting
    # them apart, from their own partial index (m016), and taking them off keeps the
    # seat count read from its covering index alone.
    where, params = scope.where("l")
    second = {row["code"]: row["letters"] for row in db.query(
        f"select l.constituency_code as code, count(*) as letters from letters l"
        f" {SECOND_LETTERS} where l.target_id is not null and {where}"
        " group by l.constituency_code", params)}
    if not second:
        return seats
    for seat in seats:
        seat["letters"] -= second.get(seat["constituency_code"], 0)
    seats = [seat for seat in seats if seat["letters"] > 0]
    return sorted(seats, key=lambda seat: (-seat["letters"], seat["constituency_name"],
                                           seat["constituency_code"]))


def by_ask(db: sqlite_utils.Database, scope: Filter) -> list[dict]:
    """How many letters put each ask to each recipient, most first: the writers' MPs
    ("MP") and each second letter's target. A letter with three asks counts once for each
    of them, so these add up to more than the number of letters.

    What is counted is what each letter recorded it carried (participation): an ask a
    letter to an MP left out (decided by a devolved body there) is not counted for it,
    and a second letter's asks are counted with its target. For one campaign, the asks
    citizens can tick that no letter to an MP included yet are listed too, with 0: an
    ask nobody chooses is news to an organiser. Across every campaign only asks with
    letters are listed.
    """
    # Read from letter_asks alone (it carries the letter's day, see m006): an ask
    # belongs to one campaign, so the campaign filter is a filter on ask ids.
    clauses, params = ["1 = 1"], []
    if scope.campaign_id is not None:
        clauses.append("la.ask_id in (select value from json_each(?))")
        params.append(json.dumps(ask_ids_of(db, scope.campaign_id)))
    if scope.since is not None:
        clauses.append("la.day >= ?")
        params.append(scope.since.isoformat())
    if scope.until is not None:
        clauses.append("la.day <= ?")
        params.append(scope.until.isoformat())
    every = {row["ask_id"]: row["letters"] for row in db.query(
        f"select la.ask_id, count(*) as letters from letter_asks la"
        f" where {' and '.join(clauses)} group by la.ask_id", params)}
    # Second letters are few: their asks are counted from their own index and taken off.
    where, where_params = scope.where("l")
    second = list(db.query(
        f"select la.ask_id, l.target_id, count(*) as letters from letters l {SECOND_LETTERS}"
        f" join letter_asks la on la.letter_id = l.id"
        f" where l.target_id is not null and {where} group by 1, 2", where_params))
    for row in second:
        every[row["ask_id"]] = every.get(row["ask_id"], 0) - row["letters"]
    asks = {row["id"]: row for row in ask_rows_by_id(
        db, {*every, *(row["ask_id"] for row in second)}, with_campaign=scope.campaign_id)}
    names = _target_names(db, {row["target_id"] for row in second})
    rows = [(letters, ask_id, MP_TARGET) for ask_id, letters in every.items() if letters > 0]
    if scope.campaign_id is not None:
        rows += [(0, ask["id"], MP_TARGET) for ask in asks.values()
                 if ask["enabled"] and ask["campaign_id"] == scope.campaign_id
                 and every.get(ask["id"], 0) <= 0]
    rows += [(row["letters"], row["ask_id"], names[row["target_id"]]) for row in second]

    def order(row: tuple[int, int, str]) -> tuple:
        letters, ask_id, recipient = row
        ask = asks.get(ask_id) or {"position": 0}
        return (-letters, recipient != MP_TARGET, ask["position"], ask_id, recipient)

    return [{"ask_id": ask_id, "ask_title": (asks.get(ask_id) or {}).get("title", ""),
             "recipient": recipient, "letters": letters}
            for letters, ask_id, recipient in sorted(rows, key=order)]


def _target_names(db: sqlite_utils.Database, target_ids: set[int]) -> dict[int, str]:
    """How exports name each target: "holder, office" ("target N" once deleted)."""
    names = {target_id: f"target {target_id}" for target_id in target_ids}
    for target in db.query("select id, office, holder from campaign_targets where id in"
                           " (select value from json_each(?))", [json.dumps(sorted(target_ids))]):
        names[target["id"]] = ", ".join(part for part in (target["holder"], target["office"])
                                        if part)
    return names


#: A range longer than this (a mistyped year) is filled only between the letters' own days.
MAX_FILLED_DAYS = 3660


def by_day(db: sqlite_utils.Database, scope: Filter) -> list[dict]:
    """Letters per day, oldest first, with 0 for each day without letters, so a chart
    made from it has no gaps.

    The days run from the filter's start (else the first letter) to its end (else the
    latest letter). No letters at all: no rows.
    """
    where, params = scope.where("l")
    sql = f"""
        select l.day, count(*) as letters from letters l where {where}
        group by l.day order by l.day
    """
    rows = list(db.query(sql, params))
    if not rows:
        return []
    known = {row["day"]: row["letters"] for row in rows}
    first = scope.since or date.fromisoformat(rows[0]["day"])
    last = scope.until or date.fromisoformat(rows[-1]["day"])
    if (last - first).days > MAX_FILLED_DAYS:
        first, last = date.fromisoformat(rows[0]["day"]), date.fromisoformat(rows[-1]["day"])
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [{"day": day.isoformat(), "letters": known.get(day.isoformat(), 0)} for day in days]


def _outcome_figures(row: dict) -> dict:
    """Median reply bucket and rates for one group's counts (rates blank under the floor)."""
    replies = [row[f"replied_{bucket}"] for bucket in REPLY_BUCKETS]
    median = ""
    if sum(replies):
        half, running = sum(replies) / 2, 0
        for bucket, count in zip(REPLY_BUCKETS, replies, strict=True):
            running += count
            if running >= half:
                median = bucket
                break
    enough = row["reported_sent"] >= MIN_REPORTED_FOR_RATES
    return {
        "median_reply": median if enough else "",
        "sent_rate": round(row["reported_sent"] / row["letters"], 3) if enough else "",
        "reply_rate": round(row["replied"] / row["reported_sent"], 3) if enough else "",
    }


def by_mp(db: sqlite_utils.Database, scope: Filter) -> list[dict]:
    """Letters, letters reported sent, replies and median reply time per MP (per seat).

    A letter counts as reported sent once its writer said anything about it at
    /r/<reference> (a reply implies it was sent). Rates are left blank where fewer
    than MIN_REPORTED_FOR_RATES letters were reported. The reports are counted from
    their own (smaller) table, each joined to its letter by primary key, and added to
    the by-constituency rows.
    """
    where, params = scope.where("l")
    buckets = ", ".join(f"sum(p.reply_within = '{bucket}') as replied_{bucket}"
                        for bucket in REPLY_BUCKETS)
    # One row per reported letter (read in primary-key order), then its letter by rowid:
    # CROSS JOIN keeps that order, so SQLite never walks every letter of the campaign.
    sql = f"""
        with per_letter as (
            select letter_id, max(kind = 'replied') as replied,
                   max(kind = 'replied' and reply_kind = 'personal') as personal,
                   max(case when kind = 'replied' then reply_within else '' end) as reply_within
            from letter_reports group by letter_id
        )
        select l.constituency_code as code, count(*) as reported_sent,
               sum(p.replied) as replied, sum(p.personal) as personal_replies, {buckets}
        from per_letter p cross join letters l on l.id = p.letter_id
        where {where}
        group by l.constituency_code
    """
    reported = {row.pop("code"): row for row in db.query(sql, params)}
    nothing = {"reported_sent": 0, "replied": 0, "personal_replies": 0,
               **{f"replied_{bucket}": 0 for bucket in REPLY_BUCKETS}}
    rows = []
    for seat in by_constituency(db, scope):
        row = {**seat, **reported.get(seat["constituency_code"], nothing)}
        rows.append({**row, **_outcome_figures(row)})
    return rows


def by_party(db: sqlite_utils.Database, scope: Filter) -> list[dict]:
    """The by-MP figures added up per party (an MP missing from the register: "")."""
    return party_rows(by_mp(db, scope))


def party_rows(mp_rows: list[dict]) -> list[dict]:
    """Add up by-MP rows per party (a page that has the by-MP rows already uses this)."""
    parties: dict[str, dict] = {}
    summed = ("letters", "reported_sent", "replied", "personal_replies",
              *(f"replied_{bucket}" for bucket in REPLY_BUCKETS))
    for row in mp_rows:
        party = parties.setdefault(row["party"], {"party": row["party"], "constituencies": 0,
                                                  **{name: 0 for name in summed}})
        party["constituencies"] += 1
        for name in summed:
            party[name] += row[name]
    rows = [{**party, **_outcome_figures(party)} for party in parties.values()]
    return sorted(rows, key=lambda row: (-row["letters"], row["party"]))


def by_target(db: sqlite_utils.Database, scope: Filter) -> list[dict]:
    """Letters per target: the writer's MP ("MP") first, then each of the campaign's
    other targets (second letters, see public.second_letters), listed with 0 when none
    has gone to it yet."""
    where, params = scope.where("l")
    # Every letter from the covering indexes, the second letters from their own: the
    # letters to MPs are the rest.
    total = db.execute(f"select count(*) from letters l where {where}", params).fetchone()[0]
    counted = {row["target_id"]: row["letters"] for row in db.query(
        f"select l.target_id, count(*) as letters from letters l {SECOND_LETTERS}"
        f" where l.target_id is not null and {where} group by l.target_id", params)}
    counted[None] = total - sum(counted.values())
    target_where, target_params = ("campaign_id = ?", [scope.campaign_id]) \
        if scope.campaign_id is not None else ("1 = 1", [])
    targets = [row["id"] for row in db.query(
        f"select id from campaign_targets where {target_where}"
        " order by campaign_id, position, id", target_params)]
    names = _target_names(db, set(targets))
    rows = [{"target": MP_TARGET, "letters": counted.pop(None, 0)}]
    for target_id in targets:
        rows.append({"target": names[target_id], "letters": counted.pop(target_id, 0)})
    # Letters to a target since deleted still count, under its number.
    rows += [{"target": f"target {target_id}", "letters": letters}
             for target_id, letters in sorted(counted.items())]
    return rows


def by_nation(db: sqlite_utils.Database, scope: Filter) -> list[dict]:
    """Letters to MPs by the writers' nation (England, Wales, Scotland, Northern
    Ireland), with how many constituencies wrote: a devolved matter reads differently in
    each. Every nation is listed, with 0 where nobody wrote yet."""
    return nation_rows(by_constituency(db, scope))


def nation_rows(seats: list[dict]) -> list[dict]:
    """Add up by-constituency rows per nation (the page that has them already uses this)."""
    constituencies = dict.fromkeys(Nation, 0)
    letters = dict.fromkeys(Nation, 0)
    for seat in seats:
        nation = Nation.of_code(seat["constituency_code"])
        if nation is not None:
            constituencies[nation] += 1
            letters[nation] += seat["letters"]
    return [{"nation": nation.label, "constituencies": constituencies[nation],
             "letters": letters[nation]} for nation in Nation]


#: How the by-stance export names letters written before stances were recorded (m022).
STANCE_NOT_RECORDED = "not recorded"


def by_stance(db: sqlite_utils.Database, scope: Filter) -> list[dict]:
    """Letters by the stance on their campaign of the MP they were written to, as it was
    when each was written: supports, opposes, not known (every one listed, with 0 for
    none). Marking an MP later changes no earlier letter's row. Letters written before
    the site kept the stance with each letter (m022) are "not recorded", listed only
    when there are some. Letters to MPs only: second letters go to other offices.
    """
    where, params = scope.where("l")
    rows = {row["stance"]: row for row in db.query(f"""
        select coalesce(l.stance, '{STANCE_NOT_RECORDED}') as stance,
               count(distinct l.constituency_code) as constituencies, count(*) as letters
        from letters l
        where l.target_id is null and {where}
        group by 1""", params)}
    listed = [rows.pop(str(stance), {"stance": str(stance), "constituencies": 0, "letters": 0})
              for stance in Stance]
    return listed + [rows[stance] for stance in sorted(rows)]


def by_language(db: sqlite_utils.Database, scope: Filter) -> list[dict]:
    """Letters by the language of the pages their writer used (English, or Welsh under
    /cy/), every letter (to MPs and second letters) once; every language of the register
    listed (named as Language.label has it), then any other code stored."""
    where, params = scope.where("l")
    counted = {row["language"]: row["letters"] for row in db.query(
        f"select l.language, count(*) as letters from letters l where {where}"
        " group by l.language", params)}
    rows = [{"language": language.label, "letters": counted.pop(code, 0)}
            for code, language in REGISTER.items()]
    return rows + [{"language": code, "letters": letters}
                   for code, letters in sorted(counted.items())]


EXPORTS = {"constituency": by_constituency, "ask": by_ask, "day": by_day, "mp": by_mp,
           "party": by_party, "target": by_target, "nation": by_nation, "stance": by_stance,
           "language": by_language}


def breakdown(db: sqlite_utils.Database, by: str, scope: Filter) -> list[dict]:
    """The rows of one export (`by` is one of BREAKDOWNS)."""
    if by not in EXPORTS:
        raise BadFilter(f"Counts can be broken down by {', '.join(BREAKDOWNS)}; not {by!r}.")
    return EXPORTS[by](db, scope)


@dataclass(frozen=True)
class Totals:
    """The headline figures of a dashboard."""

    letters: int
    constituencies: int
    first_day: str | None
    last_day: str | None


def summarise(seats: list[dict], days: list[dict]) -> Totals:
    """The totals, from the by-constituency and by-day rows already counted.

    Every letter has one constituency and one day, so summing either gives the
    letters; reading the grouped rows is far cheaper than a count(distinct) over
    the letters themselves.
    """
    written = [row["day"] for row in days if row["letters"]]  # by_day lists quiet days too
    return Totals(letters=sum(row["letters"] for row in days), constituencies=len(seats),
                  first_day=written[0] if written else None,
                  last_day=written[-1] if written else None)


def letters_per_campaign(db: sqlite_utils.Database) -> list[dict]:
    """Every campaign, newest first, with its number of letters (0 for none yet)."""
    # Counted per campaign from the index, then put beside each campaign.
    letters = dict(db.execute(
        "select campaign_id, count(*) from letters group by campaign_id").fetchall())
    return [{**{name: row[name] for name in ("id", "slug", "title", "status")},
             "letters": letters.get(row["id"], 0)} for row in campaign_summaries(db)]
