"""Whether a refreshed member list may replace the register: the checks that hold it.

A register is a fact about the world that changes slowly. Outside a general election a
few seats change a month (by-elections, defections, deaths), so a member list that
moves many MPs at once, lists one member in two seats, or disagrees with the members'
own records is taken for a fault (a scrambled or garbled answer), not news: the
refresh is held, the last good register keeps serving, and an admin who knows a general
election has happened accepts it with `mps refresh --accept-changes`. The check against
the members' own records (`/api/Members/{id}`, a second source) runs even then.
"""
from __future__ import annotations

import random
from collections import defaultdict

from campaign.lookup.members_api import MembersAPI
from campaign.lookup.name_matching import constituency_key
from letters import MP

# Members whose own record is read, per refresh: every changed seat of a by-election
# month, a sample of a general election's (each call is ~0.1-0.5 s of the Members API).
MEMBER_CHECKS = 10
TOO_MANY = "it changes"
ACCEPT_HINT = ("If a general election has just changed this many seats, check a few of "
               "them and accept it with: flask --app wsgi mps refresh --accept-changes")


def members_in_two_seats(sitting: list[MP]) -> str | None:
    """Why the list is not one member per seat (a member id listed for two seats), or None."""
    seats: dict[int, list[str]] = defaultdict(list)
    for mp in sitting:
        seats[mp.member_id].append(mp.constituency)
    twice = [(mp_id, names) for mp_id, names in seats.items() if len(names) > 1]
    if not twice:
        return None
    example_id, names = twice[0]
    return (f"{len(twice)} member{'s are' if len(twice) != 1 else ' is'} listed for more "
            f"than one seat (e.g. member {example_id} for {names[0]} and {names[1]})")


def too_many_changes(changed: int, max_changes: int) -> str | None:
    """Why `changed` seats are more than a by-election month brings, or None."""
    if changed <= max_changes:
        return None
    return (f"{TOO_MANY} {changed} seats, more than MP_REGISTER_MAX_CHANGES ({max_changes}) "
            "allows outside a general election")


def records_disagree(api: MembersAPI, listed: list[MP],
                     checks: int = MEMBER_CHECKS) -> str | None:
    """Ask up to `checks` of the `listed` members for their own record; why some
    disagree with the list (another seat, or no current seat), or None if all agree.

    Raises UpstreamUnavailable when a record cannot be read (the refresh then fails,
    as when the list itself cannot be read, and the register is kept)."""
    sample = random.sample(listed, min(checks, len(listed)))
    wrong = []
    for mp in sample:
        record = api.member(mp.member_id)
        if record is None or constituency_key(record.constituency) != \
                constituency_key(mp.constituency):
            wrong.append((mp, record))
    if not wrong:
        return None
    mp, record = wrong[0]
    said = f"sits for {record.constituency}" if record else "holds no current seat"
    return (f"{len(wrong)} of the {len(sample)} members checked against their own record "
            f"disagree with it (e.g. the list puts {mp.display_as} in {mp.constituency}; "
            f"their record says they {said})")
