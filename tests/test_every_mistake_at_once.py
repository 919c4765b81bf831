"""Issue 30: every staff form names every mistake in one round, each by its field:
the second-letter form, campaign details and a new account."""
from __future__ import annotations

from tests.helpers import STAFF, make_user, page_text, post, sign_in
from tests.test_devolution import TARGET


def test_the_second_letter_form_names_every_mistake_at_once(client, runner):
    sign_in(client, runner)
    response = post(client, "/staff/campaigns/1/targets/new", {
        **TARGET, "office": "", "salutation": "", "nations": [], "email": "not an email",
        "opening": "I live in {{ constituncy }}.",
        "address": "\n".join(["Welsh Government"] * 7)})
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    for sentence in ("Name the office, e.g. Minister of Justice.",
                     "Write the greeting, e.g. Dear Minister.",
                     "Enter an email address like minister@example.gov.uk, or leave it empty.",
                     "Choose the nations whose writers are offered this letter.",
                     "is not a placeholder: did you mean",
                     "The address block has 8 lines"):
        assert sentence in text, sentence


def test_campaign_details_name_a_web_address_in_use_with_the_other_mistakes(client, runner):
    sign_in(client, runner)
    response = post(client, "/staff/campaigns/new", {
        "title": "", "slug": "stop-trafficking-networks", "summary": "", "intro": ""})
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "Another campaign already uses this web address." in text
    assert "Give the campaign a title" in text or "title" in text.lower()


def test_a_new_account_names_a_taken_address_and_a_missing_role_together(client, runner):
    make_user(runner, "admin@example.org", "admin")
    make_user(runner, STAFF, "staff")
    from tests.helpers import login

    assert login(client, "admin@example.org").status_code == 302
    response = post(client, "/staff/accounts/new", {"email": STAFF})
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert f"There is already an account for {STAFF}." in text
    assert "Choose what the account may do." in text
