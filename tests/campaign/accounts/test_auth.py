"""Staff accounts: the CLI, signing in and out, and guarded pages."""
from __future__ import annotations

import re

import pytest

from campaign.db import get_db
from tests.campaign.helpers import PASSWORD, hidden, login, page_text


@pytest.fixture
def staff(runner):
    result = runner.invoke(args=["users", "create", "Staff@Example.org", "--role", "staff",
                                 "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    return "staff@example.org"


def test_users_cli_creates_lists_and_disables(runner, staff):
    result = runner.invoke(args=["users", "create", "org@example.org", "--role", "organiser",
                                 "--password", PASSWORD])
    assert "Created organiser account for org@example.org." in result.output
    listing = runner.invoke(args=["users", "list"]).output
    assert "staff@example.org\tstaff\tactive" in listing
    assert "org@example.org\torganiser\tactive" in listing
    assert "hash" not in listing and PASSWORD not in listing
    assert "Disabled org@example.org." in runner.invoke(args=["users", "disable", "org@example.org"]).output
    assert "org@example.org\torganiser\tdisabled" in runner.invoke(args=["users", "list"]).output


def test_the_site_hashes_passwords_at_werkzeugs_full_scrypt_cost(app, runner, monkeypatch):
    """The other tests hash cheaply (tests/campaign/conftest.py); the site does not."""
    from werkzeug.security import generate_password_hash

    from campaign.accounts import users
    from campaign.db import get_db

    monkeypatch.setattr(users, "generate_password_hash", generate_password_hash)
    runner.invoke(args=["users", "create", "org@example.org", "--role", "organiser",
                        "--password", PASSWORD])
    with app.app_context():
        stored = get_db().execute("select password_hash from users").fetchone()[0]
        assert users.authenticate(get_db(), "org@example.org", PASSWORD) is not None
    assert stored.startswith("scrypt:32768:8:1$")


def test_users_cli_says_the_password_rule_and_when_there_are_no_accounts(runner):
    help_text = " ".join(runner.invoke(args=["users", "create", "--help"]).output.split())
    assert "At least 12 characters." in help_text
    assert "There are no accounts yet." in runner.invoke(args=["users", "list"]).output


def test_users_cli_refuses_bad_input(runner, staff):
    short = runner.invoke(args=["users", "create", "a@b.org", "--role", "staff", "--password", "short"])
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    twice = runner.invoke(args=["users", "create", "staff@example.org", "--role", "staff",
                                "--password", PASSWORD])
    assert "already an account" in twice.output
    role = runner.invoke(args=["users", "create", "c@d.org", "--role", "owner", "--password", PASSWORD])
    assert role.exit_code != 0


def test_users_cli_prompts_for_a_password(runner):
    result = runner.invoke(args=["users", "create", "p@example.org", "--role", "staff"],
                           input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output


def test_sign_in_and_out(client, staff):
    response = login(client, staff)
    assert response.status_code == 302
    home = client.get("/staff/").get_data(as_text=True)
    assert "Signed in as staff@example.org" in page_text(home)  # the staff header
    assert "As campaign staff you can write and edit campaigns" in page_text(home)
    client.post("/staff/logout", data={"csrf_token": hidden(home, "csrf_token")})
    assert client.get("/staff/").status_code == 302


@pytest.mark.parametrize("email, password", [
    ("staff@example.org", "wrong password!!"), ("nobody@example.org", PASSWORD)])
def test_failed_sign_in_has_one_generic_message(client, staff, email, password):
    response = login(client, email, password)
    assert response.status_code == 401
    assert "That email address and password don't match an active account." in page_text(
        response.get_data(as_text=True))


def test_disabled_accounts_cannot_sign_in(app, client, runner, staff):
    assert "Disabled staff@example.org." in runner.invoke(args=["users", "disable", staff]).output
    response = login(client, staff)
    assert response.status_code == 401
    # The same sentence as a wrong password: nothing says the account exists.
    assert "That email address and password don't match an active account." in page_text(
        response.get_data(as_text=True))
    after = client.get("/staff/")  # not signed in
    assert after.status_code == 302 and "/staff/login" in after.headers["Location"]
    with app.app_context():
        assert [row["active"] for row in get_db()["users"].rows_where("email = ?", [staff])] == [0]


def test_sign_in_returns_only_to_local_pages(client, staff):
    assert login(client, staff, next_url="?next=https://evil.example/").headers["Location"] == "/staff/"
    assert "Signed in as staff@example.org" in page_text(client.get("/staff/").get_data(as_text=True))


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert "/staff/login" in response.headers["Location"]


def test_every_staff_page_refuses_anonymous_visitors(app, client):
    """Walk the URL map: every rule under /staff (but the login page) needs a sign-in."""
    app.config["WTF_CSRF_ENABLED"] = False  # so POSTs reach the sign-in check itself
    checked = 0
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/staff") or rule.endpoint == "auth.login":
            continue
        # Every converter (<id>, <int:id>, ...) becomes "1", however many a rule has.
        url = re.sub(r"<[^>]+>", "1", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(url, method=method)
            assert response.status_code == 302, (rule.rule, method, response.status_code)
            assert "/staff/login" in response.headers["Location"]
            checked += 1
    assert checked >= 1
