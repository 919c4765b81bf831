"""The register keeps itself true: a seat's changes reach letters within MP_REGISTER_MAX_AGE.

The fake Members API is driven through a resignation, a by-election and a
dissolution. The app's clock is moved past the max age: nothing sleeps.
"""
from __future__ import annotations

import dataclasses

import pytest

from campaign.db import get_db
from campaign.demo.dataset import FakeMP
from campaign.lookup import leases, parliament, register, register_status
from campaign.lookup.register_upkeep import LEASE, REFRESHED_BY, RegisterUpkeep
from tests.campaign.helpers import page_text
from tests.letters.helpers import pdf_text

# A background refresh fetches every MP's contacts from the fake: with the suite in
# several processes on two cores that can take well over ten seconds. A passing
# test waits no longer than its refresh takes.
UPKEEP_WAIT = 120

MAX_AGE = 3600.0
NEW_MP = FakeMP(6001, "Jo Newcomer", "Jo Newcomer MP", "Ms Newcomer", "Green Party",
                "Sevenoaks", "F", "Newcomer, Jo")
RUNCORN_WINNER = FakeMP(6002, "Sarah Pochin", "Sarah Pochin MP", "Mrs Pochin", "Reform UK",
                        "Runcorn and Helsby", "F", "Pochin, Sarah")


@pytest.fixture
def app_config(app_config):
    return {**app_config, "MP_REGISTER_MAX_AGE": MAX_AGE}


def wait_out_max_age(clock):
    """Move the app's clock past the register's max age."""
    clock.move(seconds=MAX_AGE + 1)


def letter_to(journey, postcode: str) -> str:
    journey.open()
    journey.find_mp(postcode)
    journey.write()
    return pdf_text(journey.download("pdf").data)


def test_a_new_mp_gets_the_next_letter_once_the_register_is_max_age_old(app, journey,
                                                                       fake_members, clock):
    # The register alone, as the background refresh does it.
    with app.app_context():
        assert register.refresh(get_db(), app.extensions["mp_finder"].members).replaced
    fake_members.replace("Sevenoaks", NEW_MP)
    assert "Laura Trott" in letter_to(journey, "BR8 7RE")  # still within the max age

    wait_out_max_age(clock)
    text = letter_to(journey, "BR8 7RE")
    assert "Jo Newcomer" in text and "Laura Trott" not in text


def test_a_seat_that_falls_vacant_shows_the_vacancy_page(refreshed, journey, fake_members,
                                                         clock):
    fake_members.replace("Sevenoaks", None)
    wait_out_max_age(clock)
    response = journey.find_mp("BR8 7RE")
    assert response.status_code == 200
    assert "Sevenoaks has no MP at the moment" in page_text(journey.page)
    assert 'name="full_name"' not in journey.page


def test_a_by_election_winner_is_found(refreshed, journey, fake_members, clock):
    journey.find_mp("WA7 1AA")
    assert "Runcorn and Helsby has no MP at the moment" in page_text(journey.page)
    fake_members.replace("Runcorn and Helsby", RUNCORN_WINNER)
    wait_out_max_age(clock)
    journey.open()
    journey.find_mp("WA7 1AA")
    assert "Your MP is Sarah Pochin" in page_text(journey.page)


@pytest.mark.parametrize("mode", ["down", "error"])
def test_a_stale_seat_that_cannot_be_checked_gets_no_letter(refreshed, journey, fake_members,
                                                            mode, clock):
    journey.find_mp("BR8 7RE")
    assert "Your MP is Laura Trott" in page_text(journey.page)
    wait_out_max_age(clock)
    fake_members.mode = mode
    response = journey.write()
    text = page_text(journey.page)
    assert response.status_code == 503
    assert "We can't confirm who the MP for Sevenoaks is just now" in text
    assert 'name="letter"' not in journey.page  # no preview, so nothing to download
    assert 'value="12 Glyndŵr Road"' in journey.page  # what they typed is kept


def test_refresh_prints_seats_that_changed(refreshed, runner, fake_members):
    fake_members.replace("Sevenoaks", NEW_MP)
    fake_members.replace("Chorley", None)
    fake_members.replace("Runcorn and Helsby", RUNCORN_WINNER)
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert "Sevenoaks: Laura Trott (Conservative) -> Jo Newcomer (Green Party)" in lines
    assert "Chorley: now vacant (was Sir Lindsay Hoyle (Speaker))" in lines
    assert "Runcorn and Helsby: Sarah Pochin (Reform UK), seat filled" in lines
    assert "3 seats changed." in lines


def test_a_partial_refresh_never_replaces_a_good_register(refreshed, app, runner,
                                                          fake_members):
    fake_members.mps = fake_members.mps[:400]
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code != 0
    assert "only 400 sitting MPs for 650 seats (fewer than 600)" in result.output
    with app.app_context():
        assert get_db()["mps"].count == 649
        assert not parliament.state(get_db()).dissolved
        assert register_status.status(get_db(), MAX_AGE).refused["count"] == 400


def test_dissolution_found_by_a_refresh_closes_the_letter_form(refreshed, app, journey, runner,
                                                               fake_members):
    fake_members.dissolve()
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code != 0
    assert "Marked Parliament as dissolved" in result.output
    assert "its seats have no MPs, as when Parliament is dissolved" in result.output
    with app.app_context():
        assert get_db()["mps"].count == 649  # kept, for when the House returns
        assert parliament.state(get_db()).set_by == parliament.BY_REFRESH

    journey.open()
    text = page_text(journey.page)
    assert "Parliament is dissolved for a general election" in text
    assert "once the new Parliament meets" in text
    assert 'name="postcode"' not in journey.page

    fake_members.reset()  # the new Parliament meets
    result = runner.invoke(args=["mps", "refresh"])
    assert "Parliament is sitting again" in result.output
    journey.open()
    assert 'name="postcode"' in journey.page


def test_an_empty_member_list_alone_does_not_dissolve_parliament(refreshed, app, journey,
                                                                 runner, fake_members):
    fake_members.search_empty = True  # but the seats still have their MPs
    result = runner.invoke(args=["mps", "refresh"])
    assert result.exit_code != 0
    assert "only 0 sitting MPs" in result.output
    assert "dissolved" not in result.output
    with app.app_context():
        assert not parliament.state(get_db()).dissolved
    journey.find_mp("E8 1DY")
    assert "Your MP is Ms Diane Abbott" in page_text(journey.page)


def test_the_new_parliament_is_found_by_a_visit_to_the_campaign_page(refreshed, app, journey,
                                                                     runner, fake_members,
                                                                     clock):
    fake_members.dissolve()
    runner.invoke(args=["mps", "refresh"])
    journey.open()
    assert 'name="postcode"' not in journey.page
    fake_members.reset()  # the election is over and the new Parliament meets
    upkeep = app.extensions["mp_finder"].upkeep
    upkeep.enabled = True
    wait_out_max_age(clock)
    journey.open()  # no lookup: there is no form to look one up with
    upkeep.wait(UPKEEP_WAIT)
    journey.open()
    assert 'name="postcode"' in journey.page


def test_a_preview_from_before_dissolution_downloads_nothing(refreshed, journey, runner):
    journey.find_mp("E8 1DY")
    journey.write()
    runner.invoke(args=["parliament", "dissolved"])
    response = journey.download("pdf")
    assert response.mimetype == "text/html"
    assert "Parliament is dissolved for a general election" in page_text(
        response.get_data(as_text=True))
    emailed = journey.email()  # nor handed to a mail app, nor counted
    assert emailed.status_code != 303
    assert "Parliament is dissolved for a general election" in page_text(
        emailed.get_data(as_text=True))
    with journey.client.application.app_context():
        assert get_db()["letters"].count == 0


def test_a_letter_form_left_open_over_dissolution_explains(refreshed, journey, runner):
    journey.find_mp("E8 1DY")
    runner.invoke(args=["parliament", "dissolved"])
    response = journey.write()
    assert response.status_code == 200
    assert "<h1>Parliament is dissolved for a general election</h1>" in journey.page


def test_staff_set_dissolution_by_hand_and_a_refresh_does_not_undo_it(app, journey, runner,
                                                                      fake_members):
    result = runner.invoke(args=["parliament", "dissolved"])
    assert result.exit_code == 0
    assert "Parliament is dissolved (set by staff" in result.output
    journey.open()
    assert "Parliament is dissolved for a general election" in page_text(journey.page)

    result = runner.invoke(args=["mps", "refresh"])
    assert "still marked dissolved by staff" in result.output
    assert runner.invoke(args=["parliament"]).output.startswith("Parliament is dissolved")

    assert "Parliament is sitting" in runner.invoke(args=["parliament", "sitting"]).output
    journey.open()
    journey.find_mp("E8 1DY")
    assert "Your MP is Ms Diane Abbott" in page_text(journey.page)


def test_parliament_takes_only_sitting_or_dissolved(runner):
    result = runner.invoke(args=["parliament", "prorogued"])
    assert result.exit_code != 0
    assert "'prorogued' is not one of 'sitting', 'dissolved'" in result.output


# --- the background refresh and its lease ---------------------------------------------------

def test_a_lookup_on_an_old_register_refreshes_it_in_the_background(refreshed, app, journey,
                                                                    fake_members, clock):
    finder = app.extensions["mp_finder"]
    finder.upkeep.enabled = True
    fake_members.replace("Sevenoaks", NEW_MP)
    wait_out_max_age(clock)
    journey.find_mp("E8 1DY")
    finder.upkeep.wait(UPKEEP_WAIT)
    with app.app_context():
        status = register_status.status(get_db(), MAX_AGE)
        assert status.refreshed_by == REFRESHED_BY
        # Stamped when the register was replaced; the emails of MPs without one are
        # fetched after that, inside the wait above, so allow for them.
        assert status.age_seconds < MAX_AGE + 2
        assert register.mp_by_code(get_db(), "E14001465").display_as == "Jo Newcomer"
        assert leases.holder_of(get_db(), LEASE) is None  # given back after success


def test_a_failed_background_refresh_waits_before_trying_again(app, fake_members):
    fake_members.mode = "down"
    with app.app_context():
        db = get_db()
        upkeep = RegisterUpkeep(app.config["DATABASE_PATH"], app.extensions["mp_finder"].members,
                                max_age=4.0, clock=app.extensions["clock"])
        upkeep._check_every = 0
        assert upkeep.check(db)
        upkeep.wait(UPKEEP_WAIT)
        assert leases.holder_of(db, LEASE) is not None  # kept until the retry time
        assert not upkeep.check(db)


def test_only_one_worker_holds_the_refresh_lease(app):
    with app.app_context():
        db = get_db()
        assert leases.acquire(db, LEASE, "worker-1", 60)
        assert not leases.acquire(db, LEASE, "worker-2", 60)
        leases.release(db, LEASE, "worker-1")
        assert leases.acquire(db, LEASE, "worker-2", 60)
        leases.hold_until(db, LEASE, "worker-2", -1)  # expired: a crashed holder
        assert leases.acquire(db, LEASE, "worker-3", 60)


def test_staff_home_shows_parliament_and_the_registers_age(refreshed, client, runner):
    from tests.campaign.helpers import sign_in

    sign_in(client, runner)
    text = page_text(client.get("/staff/").get_data(as_text=True))
    assert "Parliament is sitting." in text
    assert "The MP register was loaded in full less than a minute ago" in text
    assert "by mps refresh, from http://127.0.0.1:" in text
    assert "649 sitting MPs" in text
    runner.invoke(args=["parliament", "dissolved"])
    text = page_text(client.get("/staff/").get_data(as_text=True))
    assert "Parliament is dissolved." in text


def test_seats_of_other_boundaries_are_pointed_out(app, client, runner, fake_members):
    from tests.campaign.helpers import sign_in

    fake_members.replace("Sevenoaks", None)
    # A seat of imagined new boundaries.
    fake_members.replace("Sevenoaks and Swanley",
                         dataclasses.replace(NEW_MP, constituency="Sevenoaks and Swanley"))
    result = runner.invoke(args=["mps", "refresh"])
    assert "Warning: 1 seat is not among the shipped 2024 constituencies (e.g. Sevenoaks " \
        "and Swanley): new boundaries?" in result.output
    sign_in(client, runner)
    text = page_text(client.get("/staff/").get_data(as_text=True))
    assert "1 seat in the register is not among the 650 constituencies" in text


@pytest.mark.parametrize("value", ["0", "-5", "a day", "nan"])
def test_a_max_age_that_is_not_a_positive_number_stops_start_up(tmp_path, value):
    from campaign.config import ConfigError, from_environment

    with pytest.raises(ConfigError, match="MP_REGISTER_MAX_AGE is .*, but it takes a number of seconds"):
        from_environment(str(tmp_path), {"MP_REGISTER_MAX_AGE": value})
