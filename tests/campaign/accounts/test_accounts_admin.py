"""Accounts from the web: only admins manage them; each change is in the account's history;
a password made here is shown once and opens the account; the last admin stays."""
from __future__ import annotations

import re

import pytest

from tests.campaign.helpers import ORGANISER, PASSWORD, STAFF, hidden, login, make_user, page_text, post

ADMIN = "admin@example.org"


@pytest.fixture
def admin(client, runner):
    make_user(runner, ADMIN, "admin")
    assert login(client, ADMIN).status_code == 302
    return client


def _account_id(app, email: str) -> int:
    from campaign.db import connect

    db = connect(app.config["DATABASE_PATH"])
    return next(db.query("select id from users where email = ?", [email]))["id"]


def _shown_password(html: str) -> str:
    return re.search(r'class="one-time-password" id="password">([^<]+)<', html).group(1)


def test_an_admin_makes_an_account_whose_password_is_shown_once_and_opens_it(app, admin):
    response = post(admin, "/staff/accounts/new", {"email": "New.Person@Example.org",
                                                    "role": "organiser"})
    assert response.status_code == 200
    text = page_text(response.get_data(as_text=True))
    assert "new.person@example.org can now sign in as organiser" in text
    assert "This is the only time the password is shown." in text
    password = _shown_password(response.get_data(as_text=True))
    assert len(password) >= 12 and response.headers["Cache-Control"].startswith("no-store")

    account = admin.get(f"/staff/accounts/{_account_id(app, 'new.person@example.org')}/")
    account_text = page_text(account.get_data(as_text=True))
    assert password not in account_text  # shown once, never again
    assert "Created as organiser By admin@example.org" in account_text

    listing = page_text(admin.get("/staff/accounts/").get_data(as_text=True))
    assert "new.person@example.org organiser yes never" in listing

    other = app.test_client()
    assert login(other, "new.person@example.org", password).status_code == 302
    assert "As an organiser you can see" in page_text(other.get("/staff/").get_data(as_text=True))
    after = page_text(admin.get(
        f"/staff/accounts/{_account_id(app, 'new.person@example.org')}/").get_data(as_text=True))
    assert after.index("Signed in") < after.index("Created as organiser")  # newest first


def test_a_bad_or_taken_address_and_no_role_are_said_by_their_fields(admin, runner):
    make_user(runner, STAFF, "staff")
    taken = post(admin, "/staff/accounts/new", {"email": STAFF, "role": "staff"})
    assert taken.status_code == 422
    assert f"There is already an account for {STAFF}." in page_text(taken.get_data(as_text=True))
    no_role = post(admin, "/staff/accounts/new", {"email": "x@example.org"})
    assert no_role.status_code == 422
    assert "Choose what the account may do." in page_text(no_role.get_data(as_text=True))
    bad = post(admin, "/staff/accounts/new", {"email": "not an address", "role": "staff"})
    assert bad.status_code == 422 and "That is not an email address" in bad.get_data(as_text=True)


def test_a_new_password_signs_the_account_out_and_the_old_one_stops_working(app, admin, runner):
    make_user(runner, STAFF, "staff")
    staff_client = app.test_client()
    assert login(staff_client, STAFF).status_code == 302
    url = f"/staff/accounts/{_account_id(app, STAFF)}/"
    # The account page's button asks first, saying what will happen.
    account_page = admin.get(url).get_data(as_text=True)
    assert f'href="{url}password"' in account_page
    asked = page_text(admin.get(url + "password").get_data(as_text=True))
    assert f"Give {STAFF} a new password?" in asked
    assert "The password it has now stops working" in asked
    assert login(app.test_client(), STAFF).status_code == 302  # asking changed nothing
    response = post(admin, url + "password", form_url=url + "password")
    assert response.status_code == 200
    password = _shown_password(response.get_data(as_text=True))
    assert "has been signed out everywhere" in page_text(response.get_data(as_text=True))
    assert staff_client.get("/staff/").status_code == 302  # that session has ended
    assert login(app.test_client(), STAFF, PASSWORD).status_code == 401
    assert login(app.test_client(), STAFF, password).status_code == 302
    history = page_text(admin.get(url).get_data(as_text=True))
    assert "Given a new password By admin@example.org" in history


def test_disable_and_enable_from_the_web_end_sessions_and_are_in_the_history(app, admin, runner):
    make_user(runner, STAFF, "staff")
    staff_client = app.test_client()
    assert login(staff_client, STAFF).status_code == 302
    url = f"/staff/accounts/{_account_id(app, STAFF)}/"
    asked = page_text(admin.get(url + "disable").get_data(as_text=True))
    assert f"Disable {STAFF}?" in asked and "You can let it sign in again later" in asked
    assert staff_client.get("/staff/").status_code == 200  # asking changed nothing
    disabled = post(admin, url + "disable", form_url=url + "disable")
    assert disabled.status_code == 302
    assert "can no longer sign in" in page_text(admin.get(url).get_data(as_text=True))
    assert staff_client.get("/staff/").status_code == 302
    assert login(app.test_client(), STAFF).status_code == 401
    assert post(admin, url + "enable", form_url=url).status_code == 302
    assert login(app.test_client(), STAFF).status_code == 302
    history = page_text(admin.get(url).get_data(as_text=True))
    assert "Enabled again By admin@example.org" in history
    assert "Disabled By admin@example.org" in history
    assert "users list" not in history


def test_the_last_admin_cannot_disable_themselves(app, admin, runner):
    url = f"/staff/accounts/{_account_id(app, ADMIN)}/"
    refused = post(admin, url + "disable", form_url=url)
    assert refused.status_code == 422
    assert ("admin@example.org is the last active admin: make another account an admin "
            "before disabling this one.") in page_text(refused.get_data(as_text=True))
    assert admin.get("/staff/").status_code == 200  # still signed in
    cli = runner.invoke(args=["users", "disable", ADMIN])
    assert cli.exit_code != 0 and "last active admin" in cli.output
    make_user(runner, "second-admin@example.org", "admin")
    assert post(admin, url + "disable", form_url=url).status_code == 302


@pytest.mark.parametrize("role", ["staff", "organiser"])
def test_only_admins_may_manage_accounts(app, client, runner, role):
    email = STAFF if role == "staff" else ORGANISER
    make_user(runner, email, role)
    login(client, email)
    for url in ("/staff/accounts/", "/staff/accounts/new", f"/staff/accounts/{_account_id(app, email)}/"):
        assert client.get(url).status_code == 403, url
    home = client.get("/staff/").get_data(as_text=True)
    token = hidden(home, "csrf_token")
    assert client.post("/staff/accounts/new", data={"email": "x@example.org", "role": "admin",
                                                   "csrf_token": token}).status_code == 403
    assert client.post(f"/staff/accounts/{_account_id(app, email)}/password",
                       data={"csrf_token": token}).status_code == 403
    assert "Accounts" not in page_text(home)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/staff/accounts/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_an_admin_also_edits_campaigns_and_sees_counts(admin):
    home = page_text(admin.get("/staff/").get_data(as_text=True))
    assert "As an admin you can write and edit campaigns" in home
    assert admin.get("/staff/campaigns/").status_code == 200
    assert admin.get("/staff/counts/").status_code == 200


def test_a_post_without_its_csrf_token_changes_nothing(app, admin, runner):
    make_user(runner, STAFF, "staff")
    url = f"/staff/accounts/{_account_id(app, STAFF)}/"
    assert admin.post(url + "disable").status_code == 400
    assert login(app.test_client(), STAFF).status_code == 302


def test_the_command_line_is_named_in_the_history(app, admin, runner):
    make_user(runner, STAFF, "staff")
    runner.invoke(args=["users", "disable", STAFF])
    assert "Enabled" in runner.invoke(args=["users", "enable", STAFF]).output
    history = page_text(admin.get(f"/staff/accounts/{_account_id(app, STAFF)}/").get_data(as_text=True))
    assert "Enabled again By the command line" in history
    assert "Created as staff By the command line" in history


@pytest.mark.parametrize("role", ["staff", "organiser"])
def test_every_account_route_refuses_staff_and_organisers(app, client, runner, role):
    make_user(runner, ADMIN, "admin")  # account 1 exists, so a 403 is the role check
    make_user(runner, STAFF if role == "staff" else ORGANISER, role)
    login(client, STAFF if role == "staff" else ORGANISER)
    app.config["WTF_CSRF_ENABLED"] = False  # so POSTs reach the role check itself
    routes = [(re.sub(r"<[^>]+>", "1", rule.rule), method)
              for rule in app.url_map.iter_rules() if rule.endpoint.startswith("accounts.")
              for method in rule.methods - {"HEAD", "OPTIONS"}]
    assert len(routes) >= 7
    for url, method in routes:
        response = client.open(url, method=method, data={"email": "x@example.org", "role": "admin"})
        assert response.status_code == 403, (url, method)
    app.config["WTF_CSRF_ENABLED"] = True
    assert login(app.test_client(), ADMIN).status_code == 302  # nothing was changed


def test_an_admin_changes_a_role_and_the_last_admin_stays_one(app, admin, runner):
    make_user(runner, STAFF, "staff")
    staff_client = app.test_client()
    assert login(staff_client, STAFF).status_code == 302
    url = f"/staff/accounts/{_account_id(app, STAFF)}/"
    changed = post(admin, url + "role", {"role": "organiser"}, form_url=url)
    assert changed.status_code == 302
    page = page_text(admin.get(url).get_data(as_text=True))
    assert (f"{STAFF} is now an organiser account: sees each campaign's counts and downloads "
            "them. Its sessions have ended, so it signs in again with its new role.") in page
    assert "Role organiser: sees each campaign's counts" in page
    assert "Made an organiser account By admin@example.org" in page
    assert staff_client.get("/staff/").status_code == 302  # signed out
    organiser = app.test_client()
    assert login(organiser, STAFF).status_code == 302
    refused = organiser.get("/staff/campaigns/1/wording")
    assert refused.status_code == 403
    assert ("This page is for staff or admin accounts; yours is an organiser account. Ask an "
            "admin if you need it.") in page_text(refused.get_data(as_text=True))

    own = f"/staff/accounts/{_account_id(app, ADMIN)}/"
    last = post(admin, own + "role", {"role": "staff"}, form_url=own)
    assert last.status_code == 422
    assert ("admin@example.org is the last active admin: make another account an admin "
            "before changing this one's role.") in page_text(last.get_data(as_text=True))
    assert post(admin, url + "role", {"role": "admin"}, form_url=url).status_code == 302
    assert post(admin, own + "role", {"role": "staff"}, form_url=own).status_code == 302
    assert admin.get("/staff/accounts/").status_code == 302  # signed out: sign in again


def test_a_long_email_wraps_on_its_account_page(app, admin, runner):
    long_email = "a-very-long-mailbox-name-for-a-shared-office-inbox@constituency-office.example.org"
    make_user(runner, long_email, "staff")
    html = admin.get(f"/staff/accounts/{_account_id(app, long_email)}/").get_data(as_text=True)
    assert f'<h1 class="email-address">{long_email}</h1>' in html
