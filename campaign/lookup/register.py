"""The MP register: sitting MPs in the database, keyed by constituency GSS code.

`refresh` loads every sitting MP from the Members API at once (`mps refresh`, or
the site itself in the background: see register_upkeep). A seat missing from the
register is asked about on demand with the Location search and cached, so a fresh
install works before its first refresh.

No row older than MP_REGISTER_MAX_AGE addresses a letter: an older row is checked
again with the Location search first, and if that cannot be done the citizen is
told we can't confirm their MP (MPUnconfirmed) rather than handed a letter to
someone who may have died, resigned or lost a recall petition since.

The Members API names seats, it has no codes: each name is matched to a code once,
as it arrives (see name_matching), and every read after that is by code. A seat
whose name matches none of the shipped 650 is kept with no code and reported
(register_status.seats_not_shipped).
"""
from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import sqlite_utils
from flask_babel import lazy_gettext as _l

from campaign import clock
from campaign.db import select, write_transaction
from campaign.lookup import constituencies, parliament, register_checks
from campaign.lookup.errors import (
    MPUnconfirmed,
    ParliamentDissolved,
    UpstreamUnavailable,
    VacantSeat,
)
from campaign.lookup.members_api import MembersAPI, SeatAnswer
from campaign.lookup.name_matching import constituency_key, same_seat, shipped_code
from campaign.lookup.postcode import Constituency
from letters import MP

DEFAULT_MAX_AGE = 24 * 60 * 60
# A vacancy is re-checked sooner than a sitting MP (by-elections are announced weeks
# ahead, but the winner should be found soon after taking their seat).
VACANCY_TTL = timedelta(hours=6)
# 650 seats. Vacancies awaiting a by-election are a handful at any time (the Speaker
# and Sinn Féin's members are current members too), so a refresh with fewer than 600
# sitting MPs is not a register but a fault: a partial answer, a paging change, or
# Parliament dissolved. It never replaces a good register.
SEATS = 650
MIN_SITTING_MPS = 600
# At dissolution every Commons membership ends: the Members API has no current
# members. A handful at most (a data fault) still means dissolved.
DISSOLVED_AT_MOST = 10
PROBE_SEATS = 3  # seats asked about to confirm a dissolution
# A refresh whose seats are not the constituencies the site ships is a fault too (made-up
# or garbled names would replace every real seat and its email): a handful of unknown
# names is tolerated (a renamed seat, a spelling the name matching misses), no more.
MAX_UNKNOWN_SEATS = 5
DEFAULT_MAX_CHANGES = 10  # MP_REGISTER_MAX_CHANGES: more seats changed is held

log = logging.getLogger(__name__)



def _timestamp(when: datetime) -> str:
    return when.isoformat(timespec="milliseconds")


def _row(mp: MP, code: str | None, source: str, fetched_at: str) -> dict:
    return {
        "constituency_code": code,
        "constituency_name": mp.constituency,
        "member_id": mp.member_id, "display_as": mp.display_as,
        "full_title": mp.full_title, "address_as": mp.address_as,
        "party": mp.party, "gender": mp.gender,
        "government_posts": _joined(mp.government_posts),
        "opposition_posts": _joined(mp.opposition_posts),
        "source": source, "fetched_at": fetched_at,
    }


def _joined(posts: tuple[str, ...]) -> str:
    # Posts are kept one a line (a post's name never holds a line break).
    return "\n".join(post.replace("\n", " ") for post in posts)


def _split_posts(text: str | None) -> tuple[str, ...]:
    return tuple(line for line in (text or "").split("\n") if line.strip())


def _with_posts(mp: MP, posts: tuple[tuple[str, ...], tuple[str, ...]]) -> MP:
    return replace(mp, government_posts=posts[0], opposition_posts=posts[1])


@dataclass(frozen=True)
class SeatChange:
    """One seat that is not as it was: `before`/`after` are "Name (Party)" or None (vacant)."""

    constituency: str
    before: str | None
    after: str | None

    def __str__(self) -> str:
        if self.after is None:
            return f"{self.constituency}: now vacant (was {self.before})"
        if self.before is None:
            return f"{self.constituency}: {self.after}, seat filled"
        return f"{self.constituency}: {self.before} -> {self.after}"


@dataclass(frozen=True)
class RefreshResult:
    """What a refresh found and did."""

    loaded: int  # sitting MPs the Members API returned
    replaced: bool  # False: the old register was kept (see `refused_because`)
    changes: list[SeatChange] = field(default_factory=list)
    refused_because: str | None = None
    dissolved: bool = False  # this refresh marked Parliament dissolved
    held: bool = False  # a list of the shipped seats held back as implausible (`changes`)
    reopened: bool = False  # this refresh undid its own earlier dissolution


def refresh(db: sqlite_utils.Database, api: MembersAPI, by: str = "mps refresh",
            min_sitting: int = MIN_SITTING_MPS, max_changes: int = DEFAULT_MAX_CHANGES,
            accept_changes: bool = False) -> RefreshResult:
    """Replace the register with every sitting MP, unless the answer is implausible.

    All pages are fetched before anything is written, so a failure half-way
    leaves the old register in place. Fewer than `min_sitting` MPs leaves it in
    place too, records why, and (none at all) marks Parliament dissolved. A list
    that lists a member in two seats, changes more than `max_changes` seats (unless
    `accept_changes`, or Parliament is marked dissolved), or disagrees with the
    members' own records is held the same way (register_checks).
    Raises UpstreamUnavailable when the Members API cannot be read.
    """
    sitting = list(api.sitting_mps())
    now = _timestamp(clock.now())
    if len(sitting) < min_sitting:
        return _refuse(db, api, len(sitting), now, by)
    problem = seats_problem(sitting, min_sitting)
    if problem:
        return _refuse_seats(db, len(sitting), now, by, problem)
    old = {_seat(row): row for row in db["mps"].rows}
    posts = _current_posts(api, old.values())
    new = [_row(_with_posts(mp, posts.get(mp.member_id, ((), ()))),
                shipped_code(mp.constituency), "refresh", now) for mp in sitting]
    changes = _changes(old, new)
    current = parliament.state(db)
    # After a dissolution the new Parliament changes many seats: no cap then. Nor on the
    # first whole load, when the register holds only seats asked about one at a time.
    uncapped = accept_changes or current.dissolved or refreshed_at(db) is None
    held = _held_because(api, sitting, old, new, len(changes),
                         None if uncapped else max_changes)
    if held:
        return _refuse_seats(db, len(sitting), now, by, held, changes=changes)
    reopened = current.dissolved and current.set_by == parliament.BY_REFRESH
    with write_transaction(db):
        # Emails are fetched separately (refresh_emails); keep the known ones meanwhile.
        emails = {row["member_id"]: row["email"]
                  for row in select(db, "select member_id, email from mps")}
        db.table("mps").delete_where()
        db.table("mps").insert_all(dict(row, email=emails.get(row["member_id"], ""))
                             for row in new)
        db.table("constituency_lookups").delete_where()
        db.table("register_meta").upsert_all([
            {"key": "refreshed_at", "value": now},
            {"key": "refreshed_by", "value": by},
            {"key": "source", "value": api.base_url},
            {"key": "refresh_refused", "value": ""},
        ], pk="key")
        if reopened:
            parliament.set_state(db, parliament.SITTING, parliament.BY_REFRESH)
    return RefreshResult(loaded=len(sitting), replaced=True, changes=changes,
                         reopened=reopened)


def _held_because(api: MembersAPI, sitting: list[MP], old: dict[str, dict], new: list[dict],
                  changed: int, max_changes: int | None) -> str | None:
    """Why a list of the shipped seats still may not replace the register, or None."""
    problem = register_checks.members_in_two_seats(sitting)
    if problem is None and max_changes is not None:
        problem = register_checks.too_many_changes(changed, max_changes)
    if problem is None:
        # The members newly in their seats (every one, on a first load) are asked for
        # their own record: a list whose seats were shuffled among real members
        # fails here even when accepted.
        known = {(key, row["member_id"]) for key, row in old.items()}
        listed = [mp for mp, row in zip(sitting, new, strict=True)
                  if (_seat(row), row["member_id"]) not in known]
        problem = register_checks.records_disagree(api, listed)
    return problem


def _current_posts(api: MembersAPI, old_rows) -> dict[int, tuple[tuple[str, ...],
                                                                   tuple[str, ...]]]:
    """Every current post's holders; when the Posts endpoints cannot be read, the posts
    the register knew (a reshuffle is caught up with at the next refresh)."""
    try:
        return api.current_posts()
    except UpstreamUnavailable:
        log.warning("Members API posts unavailable: the register keeps the posts it knew")
        return {row["member_id"]: (_split_posts(row.get("government_posts")),
                                   _split_posts(row.get("opposition_posts")))
                for row in old_rows}


def _member_posts(api: MembersAPI, member_id: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # Like the email: a seat looked up on demand gets its MP's posts in the same visit,
    # and a failure costs only the post line and the post's wording.
    try:
        return api.member_posts(member_id)
    except UpstreamUnavailable:
        return (), ()


def _refuse(db: sqlite_utils.Database, api: MembersAPI, count: int, now: str,
            by: str) -> RefreshResult:
    reason = (f"the Members API lists only {count} sitting MPs for {SEATS} seats "
              f"(fewer than {MIN_SITTING_MPS})")
    dissolve = count <= DISSOLVED_AT_MOST and _seats_confirm_no_mps(db, api)
    if dissolve:
        reason += ", and its seats have no MPs, as when Parliament is dissolved"
    with write_transaction(db):
        _record_refusal(db, now, by, count, reason)
        already = parliament.state(db).dissolved
        if dissolve and not already:
            parliament.set_state(db, parliament.DISSOLVED, parliament.BY_REFRESH)
    return RefreshResult(loaded=count, replaced=False, refused_because=reason,
                         dissolved=dissolve and not already)


def seats_problem(sitting: list[MP], min_sitting: int = MIN_SITTING_MPS) -> str | None:
    """Why the refresh's seats are not the shipped constituencies, or None if they are.

    Refused: more than MAX_UNKNOWN_SEATS seats the shipped list lacks, or MPs that
    fill fewer than `min_sitting` of its seats (many MPs in the same few seats).
    """
    shipped = len(constituencies.shipped())
    codes = {mp.constituency: shipped_code(mp.constituency) for mp in sitting}
    unknown = sorted({name for name, code in codes.items() if code is None})
    if len(unknown) > MAX_UNKNOWN_SEATS:
        return (f"{len(unknown)} of its seats are not among the {shipped} constituencies "
                f"the site ships (e.g. {', '.join(unknown[:3])}; at most {MAX_UNKNOWN_SEATS} "
                "may differ). If the boundaries have changed, update the site first")
    filled = len(set(codes.values()) - {None})
    if filled < min_sitting:
        return (f"its {len(sitting)} MPs sit for only {filled} of the {shipped} "
                f"constituencies the site ships (fewer than {min_sitting})")
    return None


def _refuse_seats(db: sqlite_utils.Database, count: int, now: str, by: str,
                  problem: str, changes: list[SeatChange] | None = None) -> RefreshResult:
    """Keep the register (and its emails) when the refresh's seats are not ours, or
    (`changes` given) are held back as implausible."""
    reason = f"the Members API's list of {count} sitting MPs was not used: {problem}"
    held = None
    if changes is not None:
        # What the staff page shows of a held list; only too many changes can be accepted.
        held = {"changed": len(changes), "problem": problem,
                "acceptable": problem.startswith(register_checks.TOO_MANY)}
        if held["acceptable"]:
            reason += ". " + register_checks.ACCEPT_HINT
    with write_transaction(db):
        _record_refusal(db, now, by, count, reason, held=held)
    return RefreshResult(loaded=count, replaced=False, refused_because=reason,
                         changes=changes or [], held=changes is not None)


def _record_refusal(db: sqlite_utils.Database, now: str, by: str, count: int,
                    reason: str, held: dict | None = None) -> None:
    # Logged and kept for the staff home page (register_status), inside the caller's
    # transaction; the register itself is left as it was.
    log.error("Register refresh refused: %s; the register was kept", reason)
    record = {"at": now, "by": by, "count": count, "reason": reason, **(held or {})}
    db.table("register_meta").upsert({"key": "refresh_refused", "value": json.dumps(record)},
                               pk="key")


def _seats_confirm_no_mps(db: sqlite_utils.Database, api: MembersAPI) -> bool:
    """Ask the Location search about a few seats: True if none has an MP.

    An empty member list could be the Members API failing quietly; declaring
    Parliament dissolved on that alone would stop every letter. A dissolution
    empties every seat, so a second, independent question must agree.
    """
    names = [row["constituency_name"] for row in
             select(db, "select constituency_name from mps order by constituency_code limit ?",
                      [PROBE_SEATS])]
    names = names or sorted(constituencies.shipped().values())[:PROBE_SEATS]
    try:
        for name in names:
            answer = api.seat(name, same_seat(name))
            if answer is None or answer.member is not None:
                return False
    except UpstreamUnavailable:
        return False
    return True


def _seat(row: dict) -> str:
    # Which seat a row is, to compare two registers: its code, or for a seat the
    # shipped list lacks (no code) its folded name.
    return row["constituency_code"] or "name:" + constituency_key(row["constituency_name"])


def _changes(old: dict[str, dict], new: list[dict]) -> list[SeatChange]:
    """Seats that changed hands, fell vacant or were filled, by constituency name."""
    if not old:
        return []  # a first load: everything is new, nothing changed
    incoming = {_seat(row): row for row in new}
    changes = []
    for key in old.keys() | incoming.keys():
        before, after = old.get(key), incoming.get(key)
        if before and after and (before["member_id"], before["party"]) == \
                (after["member_id"], after["party"]):
            continue
        name = (after or old[key])["constituency_name"]  # the key is in one of the two
        changes.append(SeatChange(name, _who(before), _who(after)))
    return sorted(changes, key=lambda change: constituency_key(change.constituency))


def _who(row: dict | None) -> str | None:
    return f"{row['display_as']} ({row['party']})" if row else None


# 650 contact calls: a few at a time so the Members API is not hammered, and within
# a time budget so a slow API cannot hold `mps refresh` for an hour.
EMAIL_WORKERS = 4
EMAIL_BUDGET_SECONDS = 300.0


def refresh_emails(db: sqlite_utils.Database, api: MembersAPI,
                   workers: int = EMAIL_WORKERS,
                   budget_seconds: float = EMAIL_BUDGET_SECONDS,
                   only_missing: bool = False) -> tuple[int, int]:
    """Fetch each registered MP's parliamentary email; return (found, failed).

    A failed call keeps whatever email was known before (none: the site offers the
    post only); calls not started when the budget runs out count as failed.
    `only_missing` asks only about MPs with no email on record, such as a by-election
    winner brought in by a background refresh.
    """
    where = " where email = ''" if only_missing else ""
    member_ids = [row["member_id"] for row in select(db, "select member_id from mps" + where)]
    deadline = time.monotonic() + budget_seconds

    def fetch(member_id: int) -> tuple[int, str | None]:
        if time.monotonic() > deadline:
            return member_id, None
        try:
            return member_id, api.contact_email(member_id)
        except UpstreamUnavailable:
            return member_id, None

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        answers = list(pool.map(fetch, member_ids))
    found = {member_id: email for member_id, email in answers if email is not None}
    with write_transaction(db):
        db.conn.executemany("update mps set email = ? where member_id = ?",
                            [(email, member_id) for member_id, email in found.items()])
    return sum(1 for email in found.values() if email), len(member_ids) - len(found)


def _email_or_blank(api: MembersAPI, member_id: int) -> str:
    # A seat looked up on demand gets its email in the same visit; if the contact call
    # fails the letter can still be posted, so the failure costs only the email button.
    try:
        return api.contact_email(member_id)
    except UpstreamUnavailable:
        return ""


def mp_email(db: sqlite_utils.Database, member_id: int) -> str:
    """The MP's email as the register knows it, or "" for none."""
    rows = list(select(db, "select email from mps where member_id = ? and email != ''",
                         [member_id]))
    return rows[0]["email"] if rows else ""


def refreshed_at(db: sqlite_utils.Database) -> str | None:
    """When the register was last loaded in full, as an ISO timestamp, or None."""
    rows = list(select(db, "select value from register_meta where key = 'refreshed_at'"))
    return rows[0]["value"] if rows else None


def age_seconds(db: sqlite_utils.Database) -> float | None:
    """Seconds since the register was last loaded in full, or None if it never was."""
    loaded = refreshed_at(db)
    return None if loaded is None else (clock.now() - datetime.fromisoformat(loaded)).total_seconds()


def mp_for_constituency(db: sqlite_utils.Database, api: MembersAPI,
                        constituency: Constituency, max_age: float = DEFAULT_MAX_AGE) -> MP:
    """The sitting MP for `constituency`, found in the register by its code.

    A seat the register lacks (or holds too old) is asked about by name, once, and
    kept under the code. Raises ParliamentDissolved while there are no MPs,
    VacantSeat when the seat has no MP, MPUnconfirmed when the register's answer is
    older than `max_age` seconds and the Members API cannot confirm it, and
    UpstreamUnavailable when the register lacks the seat and the Members API cannot
    be reached or does not know it (or we have no name to ask it with).
    """
    if parliament.state(db).dissolved:
        raise ParliamentDissolved()
    code = constituency.code
    fresh_after = clock.now() - timedelta(seconds=max_age)
    row = _find(db, "mps", code)
    if row and datetime.fromisoformat(row["fetched_at"]) >= fresh_after:
        return _mp(row)
    shipped_name = constituencies.shipped().get(code, "")
    # The name to ask the Members API with and to show: the postcode source's, else
    # the shipped list's, else the one the register had.
    name = constituency.name or shipped_name or (row or {}).get("constituency_name") or ""
    _refuse_known_vacancy(db, code, name, fresh_after)
    answer = _ask_about_seat(api, code, name, shipped_name, stale=row is not None)
    # Asked before the write transaction: no network wait while holding the lock.
    email = _email_or_blank(api, answer.member.member_id) if answer.member else ""
    member = answer.member and _with_posts(answer.member,
                                           _member_posts(api, answer.member.member_id))
    fetched_at = _timestamp(clock.now())
    kept = dict(_row(member, code, "on-demand", fetched_at), email=email) if member else None
    _keep_seat(db, code, name, answer, kept, fetched_at)
    if kept is None:
        raise VacantSeat(name)
    return _mp(kept)


def _refuse_known_vacancy(db: sqlite_utils.Database, code: str, name: str,
                          fresh_after: datetime) -> None:
    """Raise VacantSeat when the Members API said lately that the seat is vacant."""
    cached = _find(db, "constituency_lookups", code)
    vacancy_fresh_after = max(fresh_after, clock.now() - VACANCY_TTL)
    if cached and cached["vacant"] and \
            datetime.fromisoformat(cached["fetched_at"]) >= vacancy_fresh_after:
        raise VacantSeat(name or cached["constituency_name"])


def _ask_about_seat(api: MembersAPI, code: str, name: str, shipped_name: str,
                    stale: bool) -> SeatAnswer:
    """The Members API's answer for the seat `name`; MPUnconfirmed when it cannot be
    reached and the register's row is `stale`, else UpstreamUnavailable when it cannot
    be reached, does not know the seat, or there is no name to ask with."""
    if not name:
        # A postcode directory for other boundaries, imported without its names file.
        log.error("No name for constituency %s to ask the Members API with: import the "
                  "ONS constituency names file (flask postcodes import)", code)
        raise UpstreamUnavailable(_l("We found your constituency but not its MP just now. "
                                     "Please try again later."))
    try:
        answer = api.seat(name, same_seat(name, shipped_name))
    except UpstreamUnavailable:
        if stale:
            log.warning("Register row for %r is stale and the Members API can't confirm it",
                        name)
            raise MPUnconfirmed(name) from None
        raise
    if answer is None:
        log.error("Members API has no current seat matching %r", name)
        raise UpstreamUnavailable(
            f"We found your constituency, {name}, but not its MP just now. "
            "Please try again later."
        )
    return answer


def _keep_seat(db: sqlite_utils.Database, code: str, name: str, answer: SeatAnswer,
               row: dict | None, fetched_at: str) -> None:
    """Keep the Members API's answer under the code asked about: the lookup (vacant or
    not) and the MP's register row (`row`, None for a vacant seat)."""
    with write_transaction(db):
        db.table("constituency_lookups").upsert({
            "constituency_code": code, "constituency_name": name,
            "members_api_id": answer.api_id, "vacant": int(answer.member is None),
            "fetched_at": fetched_at,
        }, pk="constituency_code")
        # The seat we asked about is this code, whatever the Members API calls it.
        db.table("mps").delete_where("constituency_code = ?", [code])
        if row:
            db.table("mps").insert(row)


def mp_by_code(db: sqlite_utils.Database, code: str) -> MP | None:
    """The MP the register holds for the constituency with GSS code `code`, or None."""
    row = _find(db, "mps", code)
    return _mp(row) if row else None


def _find(db: sqlite_utils.Database, table: str, code: str) -> dict | None:
    rows = list(select(db, f"select * from [{table}] where constituency_code = ?", [code]))
    return rows[0] if rows else None


def _mp(row: dict) -> MP:
    return MP(
        member_id=row["member_id"], display_as=row["display_as"],
        full_title=row["full_title"], address_as=row["address_as"], party=row["party"],
        constituency=row["constituency_name"], gender=row["gender"] or "",
        government_posts=_split_posts(row.get("government_posts")),
        opposition_posts=_split_posts(row.get("opposition_posts")),
    )
