"""The MP register keyed by the GSS code: m012 re-keys a name-keyed register, every
row kept; a seat the shipped list lacks is reported; lookups and exports use the code."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from campaign import migrations
from campaign.db import connect
from campaign.exports import queries
from campaign.lookup import constituencies, register, register_status
from campaign.lookup.errors import VacantSeat
from campaign.lookup.name_matching import constituency_key, shipped_code
from campaign.lookup.postcode import Constituency, is_no_constituency

M012 = "m012_register_keyed_by_code"
NOW = datetime.now(UTC).isoformat(timespec="seconds")
CHORLEY, HACKNEY, WREKIN = "E14001170", "E14001259", "E14001543"
YNYS_MON, RUNCORN, WESTON = "W07000112", "E14001455", "E14001581"


def _old_row(key: str, name: str, member_id: int, display_as: str, party: str,
             source: str = "refresh", email: str = "") -> dict:
    # A row as the name-keyed register wrote it (register._row before m012).
    return {"constituency_key": key, "constituency_name": name, "member_id": member_id,
            "display_as": display_as, "full_title": f"{display_as} MP",
            "address_as": display_as, "list_as": "", "party": party, "gender": "",
            "source": source, "fetched_at": NOW, "email": email}


OLD_MPS = [
    _old_row("chorley", "Chorley", 467, "Sir Lindsay Hoyle", "Speaker"),
    _old_row("hackney north and stoke newington", "Hackney North and Stoke Newington", 172,
             "Ms Diane Abbott", "Independent", email="diane.abbott.office@parliament.uk"),
    _old_row("wrekin", "The Wrekin", 4001, "Mark Pritchard", "Conservative"),
    _old_row("ynys mon", "Ynys Môn", 4002, "Llinos Medi", "Plaid Cymru"),
    # Looked up on demand: keyed by postcodes.io's spelling, named in the Members API's.
    _old_row("weston super mare", "Weston-Super-Mare", 4003, "Dan Aldridge", "Labour",
             source="on-demand"),
    # A seat of boundaries the site does not ship.
    _old_row("sevenoaks and swanley", "Sevenoaks and Swanley", 4004, "Laura Trott",
             "Conservative"),
]


@pytest.fixture
def old_register(tmp_path):
    """A database at m011 holding a name-keyed register, as the old code left it."""
    db = connect(str(tmp_path / "old.sqlite3"))
    migrations.apply(db, stop_before=M012)
    with db.atomic():
        db["mps"].insert_all(OLD_MPS)
        db["constituency_lookups"].insert_all([
            {"constituency_key": "runcorn and helsby", "constituency_name": "Runcorn and Helsby",
             "members_api_id": 5001, "vacant": 1, "fetched_at": NOW},
            {"constituency_key": "old seat", "constituency_name": "Old Seat",
             "members_api_id": 5002, "vacant": 1, "fetched_at": NOW},
        ])
        db["register_meta"].insert({"key": "refreshed_at", "value": NOW})
        db.execute("insert into campaigns (id, slug, title, status) values (1, 'c', 'C', 'live')")
        letters = [(CHORLEY, "Chorley"), (HACKNEY, "Hackney North and Stoke Newington"),
                   (YNYS_MON, "Ynys Mon"), (YNYS_MON, "Ynys Mon"), (RUNCORN, "Runcorn and Helsby")]
        db["letters"].insert_all(
            {"token": f"t{i}", "campaign_id": 1, "constituency_code": code,
             "constituency_name": name, "day": "2026-11-20", "formats": "pdf"}
            for i, (code, name) in enumerate(letters))
    return db


class NoMembersAPI:
    """Fails the test if asked anything: these answers must come from the register."""

    base_url = "http://127.0.0.1:9"

    def seat(self, *args, **kwargs):
        raise AssertionError("the Members API was asked")

    contact_email = sitting_mps = seat


def test_m012_rekeys_every_register_row_by_its_code(old_register):
    db = old_register
    assert migrations.apply(db)[0] == M012
    rows = {row["constituency_name"]: row for row in db.query("select * from mps")}
    assert len(rows) == len(OLD_MPS)  # every row kept
    assert {name: row["constituency_code"] for name, row in rows.items()} == {
        "Chorley": CHORLEY, "Hackney North and Stoke Newington": HACKNEY,
        "The Wrekin": WREKIN, "Ynys Môn": YNYS_MON, "Weston-Super-Mare": WESTON,
        "Sevenoaks and Swanley": None,
    }
    old = {row["constituency_name"]: row for row in OLD_MPS}
    later = ("constituency_code", "government_posts", "opposition_posts")  # m024 added these
    for name, row in rows.items():  # nothing else about a row changed
        assert {k: v for k, v in row.items() if k not in later} == \
            {k: v for k, v in old[name].items() if k not in ("constituency_key", "list_as")}
    assert "constituency_key" not in db["mps"].columns_dict
    assert [dict(row) for row in db.query(
        "select constituency_code, constituency_name, vacant from constituency_lookups")] == [
        {"constituency_code": RUNCORN, "constituency_name": "Runcorn and Helsby", "vacant": 1}]


def test_a_seat_the_shipped_list_lacks_is_reported_after_m012(old_register):
    migrations.apply(old_register)
    assert register_status.seats_not_shipped(old_register) == ["Sevenoaks and Swanley"]
    status = register_status.status(old_register, max_age=86400)
    assert status.unknown_seats == ["Sevenoaks and Swanley"]
    assert status.sitting == 5 and status.on_demand == 1


def test_after_m012_lookups_are_by_code_for_the_speaker_a_vacancy_and_any_spelling(old_register):
    db = old_register
    migrations.apply(db)
    api = NoMembersAPI()
    speaker = register.mp_for_constituency(db, api, Constituency(CHORLEY, "Chorley"))
    assert (speaker.display_as, speaker.party) == ("Sir Lindsay Hoyle", "Speaker")
    # postcodes.io's spelling, or none at all: the code finds the seat.
    assert register.mp_for_constituency(db, api, Constituency(YNYS_MON, "Ynys Mon")) \
        .display_as == "Llinos Medi"
    assert register.mp_for_constituency(db, api, Constituency(WREKIN, "")).constituency == \
        "The Wrekin"
    with pytest.raises(VacantSeat) as vacant:
        register.mp_for_constituency(db, api, Constituency(RUNCORN, "Runcorn and Helsby"))
    assert vacant.value.message.startswith("Runcorn and Helsby has no MP at the moment")


def test_an_old_vacancy_is_asked_about_again(old_register, fake_members):
    db = old_register
    migrations.apply(db)
    with db.atomic():
        db.execute("update constituency_lookups set fetched_at = ?",
                   [(datetime.now(UTC) - register.VACANCY_TTL
                     - timedelta(minutes=1)).isoformat(timespec="seconds")])
    fake_members.reset()
    from campaign.lookup.members_api import MembersAPI
    from campaign.lookup.upstream import Timeouts, make_session

    api = MembersAPI(fake_members.url, make_session(), Timeouts(0.5, 1.0))
    with pytest.raises(VacantSeat):  # still vacant in the fake, now asked again
        register.mp_for_constituency(db, api, Constituency(RUNCORN, "Runcorn and Helsby"))
    assert fake_members.requests  # the Location search was asked
    assert db["constituency_lookups"].get(RUNCORN)["fetched_at"] > NOW


def test_exports_join_the_register_on_the_code(old_register):
    db = old_register
    migrations.apply(db)
    rows = queries.by_constituency(db, queries.Filter())
    assert [(r["constituency_code"], r["constituency_name"], r["mp_name"], r["party"],
             r["letters"]) for r in rows] == [
        (YNYS_MON, "Ynys Môn", "Llinos Medi", "Plaid Cymru", 2),
        (CHORLEY, "Chorley", "Sir Lindsay Hoyle", "Speaker", 1),
        (HACKNEY, "Hackney North and Stoke Newington", "Ms Diane Abbott", "Independent", 1),
        (RUNCORN, "Runcorn and Helsby", "", "", 1),  # vacant: the row stays, no MP
    ]
    # No Python function is registered on the connection to make the join.
    with pytest.raises(Exception, match="no such function"):
        db.execute("select constituency_key('x')")


def test_every_shipped_name_folds_to_its_own_code():
    shipped = constituencies.shipped()
    assert len({constituency_key(name) for name in shipped.values()}) == len(shipped) == 650
    assert all(shipped_code(name) == code for code, name in shipped.items())
    assert shipped_code("Ynys Mon") == YNYS_MON and shipped_code("Wrekin, The") == WREKIN
    assert shipped_code("Sevenoaks and Swanley") is None


@pytest.mark.parametrize("code, none", [
    ("L99999999", True), ("M99999999", True), ("S99999999", True), ("", True), (None, True),
    ("E14001170", False), ("W07000112", False),
])
def test_one_rule_for_no_constituency(code, none):
    assert is_no_constituency(code) is none
