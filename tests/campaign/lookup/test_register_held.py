"""A scrambled member list is never loaded: the refresh is held, the last good register
keeps addressing letters, and an admin accepts a general election's changes by hand.

The fake Members API's search serves a scrambled list (`search_override`) while each
member's own record (/api/Members/{id}) still tells the truth, as in a real fault.
"""
from __future__ import annotations

import dataclasses
import logging

import pytest

from campaign.db import get_db
from campaign.demo.dataset import FakeMP
from campaign.lookup import register
from tests.campaign.helpers import make_app, page_text, sign_in
from tests.letters.helpers import pdf_text

# A background refresh fetches every MP's contacts from the fake: with the suite in
# several processes on two cores that can take well over ten seconds. A passing
# test waits no longer than its refresh takes.
UPKEEP_WAIT = 120

FALKIRK_MP = "Euan Stainbank"


def falkirk_letter(journey) -> str:
    journey.open()
    journey.find_mp("FK1 1AA")
    journey.write()
    return pdf_text(journey.download("pdf").data)


def moved(mps: list[FakeMP], shift: int) -> list[FakeMP]:
    """Every member moved `shift` seats along (each to another real seat)."""
    seats = [mp.constituency for mp in mps]
    return [dataclasses.replace(mp, constituency=seats[(i + shift) % len(seats)])
            for i, mp in enumerate(mps)]


def swapped(mps: list[FakeMP], pairs: int) -> list[FakeMP]:
    """The first 2 x `pairs` members swap seats in pairs."""
    out = list(mps)
    for i in range(0, 2 * pairs, 2):
        a, b = out[i], out[i + 1]
        out[i] = dataclasses.replace(a, constituency=b.constituency)
        out[i + 1] = dataclasses.replace(b, constituency=a.constituency)
    return out


def one_member_everywhere(mps: list[FakeMP]) -> list[FakeMP]:
    return [dataclasses.replace(mps[0], constituency=mp.constituency) for mp in mps]


@pytest.mark.parametrize("scramble, why", [
    (lambda mps: moved(mps, 1), "changes 649 seats, more than MP_REGISTER_MAX_CHANGES (10)"),
    (one_member_everywhere, "1 member is listed for more than one seat"),
    (lambda mps: swapped(mps, 50), "changes 100 seats, more than MP_REGISTER_MAX_CHANGES"),
], ids=["every MP moved", "one member for every seat", "100 seats swapped"])
def test_a_scrambled_member_list_is_held_and_falkirk_keeps_its_mp(
        refreshed, runner, journey, fake_members, caplog, scramble, why):
    fake_members.search_override = scramble(fake_members.mps)
    with caplog.at_level(logging.ERROR):
        result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code != 0
    assert "Kept the register loaded at" in result.output
    assert why in result.output
    assert any("Register refresh refused" in record.getMessage()
               and record.levelno == logging.ERROR for record in caplog.records)
    assert "Dear Mr Stainbank" in falkirk_letter(journey)
    with refreshed.app_context():
        assert register.mp_by_code(get_db(), "S14000083").display_as == FALKIRK_MP


def test_accepting_does_not_load_a_list_the_members_own_records_contradict(
        refreshed, runner, journey, fake_members):
    fake_members.search_override = moved(fake_members.mps, 1)
    result = runner.invoke(args=["mps", "refresh", "--accept-changes"])
    assert result.exit_code != 0
    assert "checked against their own record disagree with it" in result.output
    assert "Dear Mr Stainbank" in falkirk_letter(journey)


def test_a_by_election_is_applied(refreshed, runner, journey, fake_members):
    winner = FakeMP(6101, "Ann Winner", "Ann Winner MP", "Ms Winner", "Green Party",
                    "Falkirk", "F", "Winner, Ann")
    fake_members.replace("Falkirk", winner)
    fake_members.replace("Sevenoaks", None)
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code == 0, result.output
    assert "2 seats changed." in result.output
    assert "Falkirk: Euan Stainbank (Labour) -> Ann Winner (Green Party)" in result.output
    assert "Dear Ms Winner" in falkirk_letter(journey)


def test_a_general_election_is_accepted_by_an_admin(refreshed, runner, journey, fake_members):
    # Many seats change hands for real: the list and the members' records agree.
    fake_members.mps = [dataclasses.replace(mp, member_id=mp.member_id + 100000,
                                            display_as=f"New {mp.display_as}",
                                            address_as=f"New {mp.address_as}")
                        if i % 3 == 0 else mp for i, mp in enumerate(fake_members.mps)]
    held = runner.invoke(args=["mps", "refresh"])
    assert held.exit_code != 0
    assert "--accept-changes" in held.output
    accepted = runner.invoke(args=["mps", "refresh", "--accept-changes"])
    assert accepted.exit_code == 0, accepted.output
    assert "seats changed." in accepted.output
    with refreshed.app_context():
        assert get_db()["register_meta"].get("refresh_refused")["value"] == ""


def test_the_limit_is_a_setting(app_config, clock, database_template, fake_members):
    app = make_app({**app_config, "MP_REGISTER_MAX_CHANGES": 0}, clock, database_template)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["mps", "refresh"]).exit_code == 0  # a first load
    fake_members.replace("Sevenoaks", None)
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code != 0
    assert "changes 1 seats, more than MP_REGISTER_MAX_CHANGES (0)" in result.output


def test_staff_see_a_held_refresh(refreshed, runner, client, fake_members):
    fake_members.search_override = moved(fake_members.mps, 1)
    runner.invoke(args=["mps", "refresh"])
    sign_in(client, runner)
    text = page_text(client.get("/staff/").get_data(as_text=True))
    assert "The last refresh was held" in text
    assert "was not loaded because it changes 649 seats, more than MP_REGISTER_MAX_CHANGES" in text
    assert "The site keeps addressing letters from the last good register." in text
    assert "accept the list with flask --app wsgi mps refresh --accept-changes" in text


def test_the_background_refresh_holds_a_scrambled_list_too(refreshed, fake_members, clock):
    from campaign.lookup.register_upkeep import REFRESHED_BY
    fake_members.search_override = moved(fake_members.mps, 1)
    upkeep = refreshed.extensions["mp_finder"].upkeep
    upkeep.enabled = True
    upkeep._check_every = 0
    clock.move(seconds=refreshed.config["MP_REGISTER_MAX_AGE"])
    with refreshed.app_context():
        assert upkeep.check(get_db())
        upkeep.wait(UPKEEP_WAIT)
        refused = get_db()["register_meta"].get("refresh_refused")["value"]
        assert REFRESHED_BY in refused and "changes 649 seats" in refused
        assert register.mp_by_code(get_db(), "S14000083").display_as == FALKIRK_MP


def test_the_first_whole_load_is_not_held_by_the_seats_asked_about_before_it(
        app, runner, journey, fake_members):
    # Before any whole load the register holds only seats asked about one at a time
    # (a writer's lookup); the first whole load fills the other 649 and is no scramble.
    assert "Dear Mr Stainbank" in falkirk_letter(journey)
    with app.app_context():
        assert register.refreshed_at(get_db()) is None
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert register.refreshed_at(get_db()) is not None
    assert "Dear Mr Stainbank" in falkirk_letter(journey)
