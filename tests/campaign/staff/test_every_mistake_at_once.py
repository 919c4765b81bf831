"""Issue 30: every staff form names every mistake in one round, each by its field:
the second-letter form, campaign details and a new account."""
from __future__ import annotations

from tests.campaign.campaigns.test_devolution import TARGET
from tests.campaign.helpers import STAFF, make_user, page_text, post, sign_in


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
    from tests.campaign.helpers import login

    assert login(client, "admin@example.org").status_code == 302
    response = post(client, "/staff/accounts/new", {"email": STAFF})
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert f"There is already an account for {STAFF}." in text
    assert "Choose what the account may do." in text


def test_the_history_names_what_changed_as_the_forms_do(app, client, runner):
    """Issue 30: no {"10": "…"}, "Target id: 3", "Nations: S" or "Scotland: mp letter"."""
    from campaign.db import get_db
    from tests.campaign.campaigns.test_devolution import TARGET as WELSH_TARGET

    sign_in(client, runner)
    with app.app_context():
        ask_id, title = get_db().execute(
            "select id, title from asks where campaign_id = 1 order by position").fetchone()
    assert post(client, "/staff/campaigns/1/targets/new", {
        **WELSH_TARGET, "nations": ["W", "S"],
        f"ask_{ask_id}": "Please act on this in Wales."}).status_code == 302
    history = page_text(client.get("/staff/campaigns/1/history").get_data(as_text=True))
    assert f"“{title}” in this letter [added: Please act on this in Wales. ]" in history
    assert "Nations offered this letter [added: Wales, Scotland ]" in history
    for raw in ('{"', "Target id", "Nations S", "Mp letter", "mp letter"):
        assert raw not in history, raw


def test_the_ask_form_folds_each_nations_rule_until_opened(app, client, runner):
    import re

    sign_in(client, runner)
    page = client.get("/staff/campaigns/1/asks/1/edit").get_data(as_text=True)
    folds = re.findall(r'<details class="nation-rule-fold"( open)?>\s*<summary>([^<]+)</summary>',
                       page)
    assert [(opened, " ".join(summary.split())) for opened, summary in folds] == [
        ("", "Wales: Westminster decides"),
        ("", "Scotland: the Scottish Parliament decides; the MP letter uses its own paragraph; "
             "with a note for writers"),
        ("", "Northern Ireland: the Northern Ireland Assembly decides; the MP letter uses its "
             "own paragraph; with a note for writers")]


def test_the_error_summary_names_each_field(app, client, runner):
    """"This is 29,999 characters long" could be any of twenty fields: the summary says
    which (issue 30)."""
    import re

    from tests.campaign.campaigns.test_devolution import _ask_form

    sign_in(client, runner)
    data = _ask_form(client, 1, 1)
    data.update({"scotland_paragraph": "x" * 29_999, "title": ""})
    response = post(client, "/staff/campaigns/1/asks/1/edit", data)
    assert response.status_code == 422
    summary = re.search(r'<div class="error-summary".*?</div>',
                        response.get_data(as_text=True), re.DOTALL).group(0)
    text = page_text(summary)
    assert ("The MP letter's paragraph in Scotland: This is 29,999 characters long; keep it "
            "under") in text
    assert "Short title: Enter a short title." in text
