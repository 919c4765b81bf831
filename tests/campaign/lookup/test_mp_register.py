"""The MP register: `mps refresh` from the Members API, and every seat resolving."""
from __future__ import annotations

import csv
import json
from dataclasses import replace

import pytest

from campaign.db import get_db
from campaign.demo.dataset import FakeMP
from campaign.demo.members_api import FakeMembersAPI
from campaign.demo.shapes import SHARED_DATA
from campaign.lookup import register
from campaign.lookup.name_matching import constituency_key
from campaign.lookup.postcode import Constituency
from campaign.lookup.register_checks import MEMBER_CHECKS


def test_refresh_loads_every_sitting_mp(app, runner, fake_members):
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code == 0, result.output
    assert "Loaded 649 sitting MPs" in result.output  # 650 seats, one vacant
    with app.app_context():
        rows = {r["constituency_name"]: r for r in get_db()["mps"].rows}
        assert register.refreshed_at(get_db())
    assert rows["Chorley"]["full_title"] == "Rt Hon Sir Lindsay Hoyle MP"
    assert rows["Hackney North and Stoke Newington"]["address_as"] == "Ms Abbott"


def test_after_a_refresh_lookups_need_no_members_api(journey, runner, fake_members):
    runner.invoke(args=["mps", "refresh"])
    fake_members.mode = "down"
    journey.find_mp("E8 1DY")
    assert "Your MP is Ms Diane Abbott" in journey.page


def test_failed_refresh_keeps_the_old_register(app, runner, fake_members):
    runner.invoke(args=["mps", "refresh"])
    fake_members.mode = "garbage"
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code != 0
    assert "could not be read" in result.output
    with app.app_context():
        assert get_db()["mps"].count == 649


@pytest.mark.parametrize("a, b", [
    ("Ynys Môn", "Ynys Mon"),
    ("The Wrekin", "Wrekin, The"),
    ("Weston-super-Mare", "Weston-Super-Mare"),
    ("Brighton Kemptown and Peacehaven", "Brighton Kemptown & Peacehaven"),
    ("Montgomeryshire and Glyndŵr", "Montgomeryshire and Glyndwr"),
])
def test_constituency_names_fold_to_one_key(a, b):
    assert constituency_key(a) == constituency_key(b)


def test_different_seats_keep_different_keys():
    assert constituency_key("Hackney North and Stoke Newington") != \
        constituency_key("Hackney South and Shoreditch")


@pytest.fixture
def real_mps():
    path = SHARED_DATA / "mps-current.csv"
    if not path.exists():
        pytest.skip("../shared/data is not here")
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return rows, json.loads((SHARED_DATA / "constituencies-2024.json").read_text("utf-8"))


def test_all_650_seats_resolve_from_a_full_refresh(app, real_mps):
    rows, constituencies = real_mps
    mps = [FakeMP(int(r["member_id"]), r["display_as"], r["full_title"], r["display_as"],
                  r["party_text"], r["pcon_name"], "", r["display_as"])
           for r in rows]
    server = FakeMembersAPI(mps=mps, vacant=[]).start()
    try:
        app.config["MEMBERS_API_URL"] = server.url
        from campaign.lookup import mp_finder as _mp_finder
        finder = _mp_finder(app)
        with app.app_context():
            assert register.refresh(get_db(), finder.members).loaded == len(rows)
            server.mode = "down"  # every answer must now come from the register
            missing = []
            for code, name in constituencies.items():
                mp = register.mp_for_constituency(get_db(), finder.members,
                                                  Constituency(code, name))
                if not mp.full_title:
                    missing.append(name)
        assert not missing
        assert len(constituencies) == 650
        # One request per page of 20, the two lists of posts' holders, and a first
        # load's sample of members' own records (register_checks).
        assert len(server.requests) == -(-len(rows) // 20) + 2 + MEMBER_CHECKS
        assert sum(r.startswith("GET /api/Members/") and r.split("?")[0].split("/")[-1]
                   .isdigit() for r in server.requests) == MEMBER_CHECKS
        assert sum("/api/Posts/" in r for r in server.requests) == 2
    finally:
        server.stop()


def _registered(app) -> tuple[int, int]:
    """(MPs in the register, of whom with an email on record)."""
    with app.app_context():
        db = get_db()
        return db["mps"].count, db["mps"].count_where("email != ''")


@pytest.mark.parametrize("garble", [
    lambda i, name: f"Made-up Seat {i}",  # 650 members in seats that do not exist
    lambda i, name: "Chorley",  # every member in one seat
], ids=["made-up seats", "one seat"])
def test_a_refresh_whose_seats_are_not_the_shipped_constituencies_is_refused(
        app, runner, fake_members, caplog, garble):
    assert runner.invoke(args=["mps", "refresh"]).exit_code == 0
    before = _registered(app)
    assert before[0] == 649 and before[1] > 0
    fake_members.mps = [replace(mp, constituency=garble(i, mp.constituency))
                        for i, mp in enumerate(fake_members.mps)]
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code != 0
    assert "Kept the register" in result.output
    assert "constituencies the site ships" in result.output
    assert _registered(app) == before  # the old register and its emails
    assert any("Register refresh refused" in record.getMessage()
               and "constituencies the site ships" in record.getMessage()
               for record in caplog.records)
    with app.app_context():
        assert "constituencies the site ships" in json.loads(
            get_db()["register_meta"].get("refresh_refused")["value"])["reason"]


def test_a_refresh_with_a_few_renamed_seats_is_still_used(app, runner, fake_members):
    fake_members.mps = [replace(mp, constituency=f"Renamed Seat {i}") if i < 3 else mp
                        for i, mp in enumerate(fake_members.mps)]
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code == 0, result.output
    assert _registered(app)[0] == 649
