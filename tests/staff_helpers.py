"""Helpers for the staff workspace tests: accounts, signing in, and posting forms as a
browser would (fetching the page first for its CSRF token)."""
from __future__ import annotations

import re

from tests.journey import hidden
from tests.test_auth import PASSWORD, login

STAFF = "staff@example.org"
ORGANISER = "organiser@example.org"


def make_user(runner, email: str, role: str) -> str:
    result = runner.invoke(args=["users", "create", email, "--role", role, "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    return email


def sign_in(client, runner, email: str = STAFF, role: str = "staff"):
    make_user(runner, email, role)
    assert login(client, email).status_code == 302
    return client


def post(client, url: str, data: dict | None = None, form_url: str | None = None):
    """POST `data` to `url` with the CSRF token from `form_url` (default: `url`)."""
    page = client.get(form_url or url).get_data(as_text=True)
    return client.post(url, data={**(data or {}), "csrf_token": hidden(page, "csrf_token")})


def campaign_id_from(response) -> int:
    match = re.search(r"/staff/campaigns/(\d+)/", response.headers["Location"])
    assert match, response.headers.get("Location")
    return int(match.group(1))


def create_campaign(client, slug: str = "clean-rivers", title: str = "Clean up our rivers",
                    **fields) -> int:
    data = {"title": title, "slug": slug, "summary": "Sewage is poisoning our rivers.",
            "intro": "Water companies dump sewage.\n\nWrite to your MP.", "thank_you": ""}
    data.update(fields)
    response = post(client, "/staff/campaigns/new", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return campaign_id_from(response)


def add_ask(client, campaign_id: int, title: str, paragraph: str, explanation: str = "",
            enabled: bool = True):
    data = {"title": title, "paragraph": paragraph, "explanation": explanation}
    if enabled:
        data["enabled"] = "y"
    return post(client, f"/staff/campaigns/{campaign_id}/asks/new", data)


def set_wording(client, campaign_id: int, opening: str, closing: str, subject: str = ""):
    return post(client, f"/staff/campaigns/{campaign_id}/wording",
                {"opening": opening, "closing": closing, "subject": subject})


def set_status(client, campaign_id: int, status: str):
    return post(client, f"/staff/campaigns/{campaign_id}/status", {"status": status},
                form_url=f"/staff/campaigns/{campaign_id}/")
