"""The staff workspace's defences: roles, CSRF, inert wording, escaping, cookies."""
from __future__ import annotations

import re

import pytest

from campaign import create_app
from campaign.db import get_db
from campaign.migrations.runner import migrate
from tests.campaign.helpers import (
    ORGANISER,
    Journey,
    add_ask,
    create_campaign,
    login,
    page_text,
    post,
    set_status,
    set_wording,
    sign_in,
)


def _staff_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("staff."):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                # Campaign 1 and its ask 1 exist (the launch campaign), so a 403 here is
                # the role check, not a missing page.
                url = rule.rule.replace("<fmt>", "pdf").replace("<target>", "closed")
                yield re.sub(r"<[^>]+>", "1", url), method


def test_organisers_get_403_on_every_campaign_editing_route(app, client, runner):
    sign_in(client, runner, ORGANISER, "organiser")
    app.config["WTF_CSRF_ENABLED"] = False  # so POSTs reach the role check itself
    routes = list(_staff_rules(app))
    assert len(routes) >= 13
    for url, method in routes:
        response = client.open(url, method=method, data={"status": "closed", "direction": "up"})
        assert response.status_code == 403, (url, method, response.status_code)
        text = page_text(response.get_data(as_text=True))
        assert "This page is for staff or admin accounts; yours is an organiser account." in text
        # Still the staff area, with its own way back (not the citizen's site).
        assert "Staff area" in text and "Go to the staff area's start page" in text
    assert app.test_client().get("/c/stop-trafficking-networks/").status_code == 200


def test_organisers_are_not_offered_the_campaigns_link(client, runner):
    sign_in(client, runner, ORGANISER, "organiser")
    home = client.get("/staff/")
    assert home.status_code == 200  # their own start page, not a sign-in or error page
    text = page_text(home.get_data(as_text=True))
    assert f"Signed in as {ORGANISER}" in text
    assert "As an organiser you can see each campaign's counts and download them." in text
    assert "/staff/campaigns/" not in home.get_data(as_text=True)
    assert "Campaigns : create and edit campaigns" not in text


def test_staff_are_offered_the_campaigns_link(staff_client):
    """The other side of the test above: the link is there for those who may follow it."""
    home = staff_client.get("/staff/").get_data(as_text=True)
    assert 'href="/staff/campaigns/"' in home


def test_staff_reach_every_page(app, staff_client):
    set_wording(staff_client, 1, "An opening.", "A closing.")  # history entry 1: wording
    pages = 0
    for url, method in _staff_rules(app):
        if method != "GET":
            continue
        response = staff_client.get(url)
        # The page itself: not a redirect to the sign-in page, not an error page.
        assert response.status_code == 200, (url, response.status_code,
                                             response.headers.get("Location"))
        if response.mimetype == "text/html":
            text = page_text(response.get_data(as_text=True))
            assert "Signed in as staff@example.org" in text, url
            assert "Sorry, something went wrong" not in text, url
            pages += 1
        else:  # a download (a preview PDF, an export): something to download
            assert response.data, url
    assert pages >= 10


@pytest.mark.parametrize("url, data", [
    ("/staff/campaigns/new", {"title": "Rivers", "slug": "rivers"}),
    ("/staff/campaigns/1/wording", {"opening": "Hi", "closing": "Bye"}),
    ("/staff/campaigns/1/status", {"status": "closed"}),
    ("/staff/campaigns/1/asks/2/move", {"direction": "up"}),
    ("/staff/campaigns/1/asks/new", {"title": "T", "paragraph": "P", "enabled": "y"}),
])
def test_posts_without_a_csrf_token_are_refused(app, staff_client, url, data):
    response = staff_client.post(url, data=data)
    assert response.status_code == 400
    assert "This form has expired" in page_text(response.get_data(as_text=True))
    with app.app_context():
        db = get_db()
        assert db["campaigns"].count == 1
        assert db["campaign_history"].count == 0
        assert db["asks"].count == 8
        assert db["campaigns"].get(1)["status"] == "live"


def test_a_forged_csrf_token_is_refused(app, staff_client):
    response = staff_client.post("/staff/campaigns/1/status",
                                 data={"status": "closed", "csrf_token": "forged"})
    assert response.status_code == 400
    assert "This form has expired" in page_text(response.get_data(as_text=True))
    with app.app_context():  # nothing changed: the campaign is still live, nothing recorded
        assert get_db()["campaigns"].get(1)["status"] == "live"
        assert get_db()["campaign_history"].count == 0
    assert app.test_client().get("/c/stop-trafficking-networks/").status_code == 200


INJECTIONS = [
    "{{ ''.__class__.__mro__ }}",
    "{{ self.__init__.__globals__ }}",
    "{{ (1).__class__.__base__.__subclasses__() }}",
    "{{ config }}",
    "{{ request.application }}",
    "{% include '/etc/passwd' %}",
    "{{ constituency",
]


@pytest.mark.parametrize("field", ["opening", "closing", "subject"])
def test_template_injection_is_reported_by_the_field_and_nothing_is_saved(
        app, staff_client, field):
    wording = {"opening": "I live in {{ constituency }}.", "closing": "Please reply.",
               "subject": ""}
    with app.app_context():
        before = dict(get_db()["campaigns"].get(1))
    for payload in INJECTIONS:
        response = post(staff_client, "/staff/campaigns/1/wording", {**wording, field: payload})
        html = response.get_data(as_text=True)
        assert response.status_code == 422, payload
        error = re.search(rf'<p class="error-message" id="{field}-error">(.*?)</p>', html, re.S)
        assert error, f"no error next to {field} for {payload}"
        assert re.search(r"is not a placeholder|no partner", error.group(1))
        assert "There is a problem" in page_text(html)
        assert "<class" not in html and "root:" not in html
    with app.app_context():
        db = get_db()
        assert dict(db["campaigns"].get(1)) == before
        assert db["campaign_history"].count == 0


def test_a_valid_wording_with_a_placeholder_is_saved(app, staff_client):
    response = set_wording(staff_client, 1, "I live in {{ constituency }}.", "Please reply.")
    assert response.status_code == 302
    with app.app_context():
        assert get_db()["campaigns"].get(1)["opening"] == "I live in {{ constituency }}."


def test_the_wording_page_lists_the_placeholders(staff_client):
    text = page_text(staff_client.get("/staff/campaigns/1/wording").get_data(as_text=True))
    assert "{{ constituency }} The constituency, e.g. Hackney North and Stoke Newington" in text
    assert "{{ mp_address_as }} How the MP is addressed, e.g. Ms Abbott" in text


SCRIPT = "<script>alert('x')</script>"


def test_html_written_by_staff_is_shown_as_text_on_public_pages(app, staff_client):
    campaign_id = create_campaign(staff_client, slug="escape-test", title=f"Title {SCRIPT}",
                                  summary=f"Summary {SCRIPT}", intro=f"Intro {SCRIPT}",
                                  thank_you=f"Thanks {SCRIPT}")
    add_ask(staff_client, campaign_id, f"Ask {SCRIPT}", f"Paragraph {SCRIPT}",
            explanation='<img src=x onerror="alert(1)">')
    set_wording(staff_client, campaign_id, f"Opening {SCRIPT} {{{{ constituency }}}}",
                "Closing <b>bold</b>", subject=f"Subject {SCRIPT}")
    assert set_status(staff_client, campaign_id, "live").status_code == 302

    public = app.test_client()
    journey = Journey(public, slug="escape-test")
    pages = [journey.open().get_data(as_text=True)]
    journey.find_mp("E8 1DY")
    pages.append(journey.page)
    journey.write()
    pages.append(journey.page)
    pages.append(staff_client.get(f"/staff/campaigns/{campaign_id}/preview").get_data(as_text=True))
    pages.append(staff_client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True))
    set_status(staff_client, campaign_id, "closed")
    pages.append(public.get("/c/escape-test/").get_data(as_text=True))
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html and "<b>bold" not in html
        assert "&lt;script&gt;" in html
    assert "Opening <script>alert('x')</script> Hackney North" in page_text(pages[2])


def test_production_sets_secure_session_cookies(monkeypatch, tmp_path):
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-of-40-chars")
    monkeypatch.setenv("ORGANISATION_NAME", "Example Campaign")
    monkeypatch.setenv("ORGANISATION_URL", "https://example.org/")
    monkeypatch.setenv("ORGANISATION_EMAIL", "privacy@example.org")
    monkeypatch.setenv("ALLOWED_HOSTS", "localhost")  # the test client's host
    app = create_app({"DATABASE_PATH": str(tmp_path / "prod.sqlite3")})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    with app.app_context():
        migrate(get_db())
    runner = app.test_cli_runner()
    runner.invoke(args=["users", "create", "s@example.org", "--role", "staff",
                        "--password", "correct horse battery"])
    client = app.test_client()
    response = login(client, "s@example.org")
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_development_cookies_are_not_marked_secure(app):
    assert app.config["SESSION_COOKIE_SECURE"] is False
