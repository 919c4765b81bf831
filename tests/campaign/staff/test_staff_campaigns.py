"""Campaign staff build, preview, open and close campaigns in the browser."""
from __future__ import annotations

import re

import pytest

from campaign.db import get_db
from tests.campaign.helpers import (
    WRITER,
    Journey,
    add_ask,
    create_campaign,
    page_text,
    post,
    set_status,
    set_wording,
    sign_in,
)
from tests.letters.helpers import docx_paragraphs, pdf_text

OPENING = "As your constituent in {{ constituency }}, I am asking you to act on sewage."
CLOSING = "Please write back to {{ writer_name }} with what you will do."
SUBJECT = "Sewage in {{ constituency }}"
ASK_PARAGRAPH = "Water companies that dump raw sewage should pay for cleaning it up."


def _flat(text: str) -> str:
    return " ".join(text.split())


def _letters(app) -> int:
    with app.app_context():
        return get_db()["letters"].count


def test_staff_build_a_campaign_from_nothing_and_a_citizen_writes_with_it(app, staff_client):
    client = staff_client
    campaign_id = create_campaign(client, slug="clean-rivers")
    assert add_ask(client, campaign_id, "Make polluters pay", ASK_PARAGRAPH,
                   explanation="Companies fund the clean-up.").status_code == 302
    assert add_ask(client, campaign_id, "Monitor every outfall",
                   "Every sewage outfall should be monitored and published live.").status_code == 302
    assert set_wording(client, campaign_id, OPENING, CLOSING, SUBJECT).status_code == 302

    preview = client.get(f"/staff/campaigns/{campaign_id}/preview")
    assert "As your constituent in Sampleton (sample), I am asking you to act on sewage." in \
        page_text(preview.get_data(as_text=True))

    assert set_status(client, campaign_id, "live").status_code == 302
    assert "live" in page_text(client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True))

    journey = Journey(client, slug="clean-rivers")
    assert "Make polluters pay : Companies fund the clean-up." in page_text(
        journey.open().get_data(as_text=True))
    assert journey.find_mp("E8 1DY").status_code == 200
    assert journey.write(asks=journey.ask_ids()[:1]).status_code == 200
    response = journey.download("pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = _flat(pdf_text(response.data))
    assert ("As your constituent in Hackney North and Stoke Newington, I am asking you to act "
            "on sewage.") in text
    assert ASK_PARAGRAPH in text
    assert f"Please write back to {WRITER['full_name']} with what you will do." in text
    assert "Sewage in Hackney North and Stoke Newington" in text
    assert "Every sewage outfall" not in text  # not ticked


def test_a_new_campaign_is_a_draft_the_public_cannot_see(app, staff_client):
    campaign_id = create_campaign(staff_client, slug="secret-plan")
    page = page_text(staff_client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True))
    assert "Status: draft" in page
    assert "Add at least one ask and switch it on." in page
    assert app.test_client().get("/c/secret-plan/").status_code == 404
    listing = page_text(staff_client.get("/staff/campaigns/").get_data(as_text=True))
    assert "Clean up our rivers /c/secret-plan/ draft 0" in listing


@pytest.mark.parametrize("slug, message", [
    ("Clean Rivers", "Use lowercase letters, digits and single hyphens only"),
    ("clean--rivers", "Use lowercase letters, digits and single hyphens only"),
    ("stop-trafficking-networks", "Another campaign already uses this web address."),
    ("", "Enter a web address"),  # and a title with no letters to make one from
])
def test_bad_or_taken_slugs_are_refused_by_the_field(staff_client, slug, message):
    response = post(staff_client, "/staff/campaigns/new",
                    {"title": "Rivers" if slug else "!!!", "slug": slug})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="slug-error"' in html and message in page_text(html)


def test_editing_details_changes_the_public_page(app, staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Ask", "Paragraph.")
    set_status(staff_client, campaign_id, "live")
    response = post(staff_client, f"/staff/campaigns/{campaign_id}/edit", {
        "title": "Rivers, not sewers", "slug": "rivers-not-sewers", "summary": "New summary.",
        "intro": "New intro.", "thank_you": "Thanks, all."})
    assert response.status_code == 302
    page = page_text(app.test_client().get("/c/rivers-not-sewers/").get_data(as_text=True))
    assert "Rivers, not sewers" in page and "New summary." in page and "New intro." in page
    assert app.test_client().get("/c/clean-rivers/").status_code == 404


def test_a_campaign_cannot_go_live_without_an_enabled_ask(app, staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Switched off", "Paragraph.", enabled=False)
    response = set_status(staff_client, campaign_id, "live")
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "This campaign cannot go live yet: first do what the Status section lists." in text
    assert "Before it can go live: Add at least one ask and switch it on." in text
    assert app.test_client().get("/c/clean-rivers/").status_code == 404
    # The overview offers no "Take live" while the checklist is incomplete, and says why.
    overview = page_text(staff_client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True))
    assert "Take live is offered here once every point above is done." in overview
    confirm = staff_client.get(f"/staff/campaigns/{campaign_id}/status/live")
    assert confirm.status_code == 422


def test_going_live_asks_first_and_says_what_will_happen(app, staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Stop the sewage", "Paragraph.")
    add_ask(staff_client, campaign_id, "Fine the firms", "Paragraph.")
    overview = staff_client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True)
    assert f'href="/staff/campaigns/{campaign_id}/status/live"' in overview
    confirm = page_text(staff_client.get(
        f"/staff/campaigns/{campaign_id}/status/live").get_data(as_text=True))
    assert "Take this campaign live?" in confirm
    assert "Anyone can open /c/clean-rivers/ and write to their MP" in confirm
    assert "Writers can tick 2 asks: “Stop the sewage”, “Fine the firms”." in confirm
    assert app.test_client().get("/c/clean-rivers/").status_code == 404  # asking changed nothing
    assert set_status(staff_client, campaign_id, "live").status_code == 302
    assert app.test_client().get("/c/clean-rivers/").status_code == 200


def test_a_campaign_cannot_go_live_without_a_summary_and_introduction(app, staff_client):
    campaign_id = create_campaign(staff_client, summary="", intro="")
    add_ask(staff_client, campaign_id, "Ask", "Paragraph.")
    response = set_status(staff_client, campaign_id, "live")
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "Write the campaign's summary: citizens read it before they decide to write." in text
    assert "Write the campaign's introduction" in text
    assert app.test_client().get("/c/clean-rivers/").status_code == 404


def test_a_live_campaign_keeps_at_least_one_ask_switched_on(staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Only ask", "Paragraph.")
    set_status(staff_client, campaign_id, "live")
    ask_url = _ask_urls(staff_client, campaign_id)[0]
    response = post(staff_client, ask_url, {"title": "Only ask", "paragraph": "Paragraph."})
    assert response.status_code == 422
    assert "A live campaign needs at least one ask switched on." in page_text(
        response.get_data(as_text=True))


def test_closing_a_campaign_thanks_people_and_takes_no_letters(app, staff_client):
    campaign_id = create_campaign(staff_client, thank_you="Thank you, river lovers.")
    add_ask(staff_client, campaign_id, "Ask", "Paragraph.")
    set_status(staff_client, campaign_id, "live")
    assert app.test_client().get("/c/clean-rivers/").status_code == 200
    assert set_status(staff_client, campaign_id, "closed").status_code == 302
    response = app.test_client().get("/c/clean-rivers/")
    assert response.status_code == 410
    assert "Thank you, river lovers." in page_text(response.get_data(as_text=True))
    # Its results stay public, and the closed page leads there.
    assert 'href="/c/clean-rivers/results"' in response.get_data(as_text=True)
    results = app.test_client().get("/c/clean-rivers/results")
    assert results.status_code == 200
    # ...which no longer invite anyone to write.
    assert "Write your letter" not in page_text(results.get_data(as_text=True))
    assert "has closed" in page_text(results.get_data(as_text=True))
    # ...and it can be reopened.
    assert set_status(staff_client, campaign_id, "live").status_code == 302
    assert app.test_client().get("/c/clean-rivers/").status_code == 200


def _ask_urls(client, campaign_id) -> list[str]:
    import re
    page = client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True)
    return re.findall(rf'href="(/staff/campaigns/{campaign_id}/asks/\d+/edit)"', page)


def test_asks_are_edited_switched_off_and_reordered(app, staff_client):
    campaign_id = create_campaign(staff_client)
    for title in ("First", "Second", "Third"):
        add_ask(staff_client, campaign_id, title, f"{title} paragraph.",
                explanation=f"{title} explained.")
    set_status(staff_client, campaign_id, "live")
    first, second, third = _ask_urls(staff_client, campaign_id)

    move_url = third.replace("/edit", "/move")
    assert post(staff_client, move_url, {"direction": "up"},
                form_url=f"/staff/campaigns/{campaign_id}/").status_code == 302
    assert post(staff_client, first.replace("/edit", "/move"), {"direction": "up"},
                form_url=f"/staff/campaigns/{campaign_id}/").status_code == 302  # already first
    public = page_text(app.test_client().get("/c/clean-rivers/").get_data(as_text=True))
    assert public.index("First") < public.index("Third") < public.index("Second")

    post(staff_client, second, {"title": "Second, reworded", "paragraph": "New second.",
                                "explanation": ""})  # no "enabled": switched off
    public = page_text(app.test_client().get("/c/clean-rivers/").get_data(as_text=True))
    assert "Second" not in public
    staff_page = page_text(staff_client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True))
    assert "Second, reworded switched off" in staff_page


def test_an_ask_of_another_campaign_is_not_found(staff_client):
    campaign_id = create_campaign(staff_client)
    assert staff_client.get(f"/staff/campaigns/{campaign_id}/asks/1/edit").status_code == 404
    assert staff_client.get("/staff/campaigns/999/").status_code == 404


def test_preview_shows_the_letter_and_downloads_without_counting(app, staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Make polluters pay", ASK_PARAGRAPH)
    add_ask(staff_client, campaign_id, "Off", "Switched-off paragraph.", enabled=False)
    set_wording(staff_client, campaign_id, OPENING, CLOSING, SUBJECT)
    before = _letters(app)

    html = staff_client.get(f"/staff/campaigns/{campaign_id}/preview").get_data(as_text=True)
    text = page_text(html)
    assert "the public cannot see it yet" in text
    assert "Sample: written to a made-up MP" in text
    assert "Sam Sample MP (sample)" in text and "Dear Ms Sample" in text
    assert ASK_PARAGRAPH in text and "Switched-off paragraph." not in text
    assert "Sewage in Sampleton (sample)" in text

    pdf = staff_client.get(f"/staff/campaigns/{campaign_id}/preview/pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert ASK_PARAGRAPH in _flat(pdf_text(pdf.data))
    docx = staff_client.get(f"/staff/campaigns/{campaign_id}/preview/docx")
    assert docx.status_code == 200
    assert any("act on sewage" in p for p in docx_paragraphs(docx.data))
    assert staff_client.get(f"/staff/campaigns/{campaign_id}/preview/txt").status_code == 404
    assert _letters(app) == before


def test_preview_can_use_a_real_mp_from_the_register(app, staff_client, journey):
    journey.find_mp("E8 1DY")  # puts Diane Abbott in the register
    campaign_id = create_campaign(staff_client)
    set_wording(staff_client, campaign_id, OPENING, CLOSING)
    html = staff_client.get(f"/staff/campaigns/{campaign_id}/preview").get_data(as_text=True)
    assert "Hackney North and Stoke Newington (Ms Diane Abbott)" in page_text(html)
    key = __import__("re").search(r'<option value="([^"]+)"[^>]*>Hackney', html).group(1)
    text = page_text(staff_client.get(
        f"/staff/campaigns/{campaign_id}/preview?seat={key}").get_data(as_text=True))
    assert "Dear Ms Abbott" in text
    assert "As your constituent in Hackney North and Stoke Newington" in text


def test_staff_home_links_to_campaigns(staff_client):
    home = staff_client.get("/staff/").get_data(as_text=True)
    assert 'href="/staff/campaigns/"' in home


def test_closing_asks_first_and_then_the_home_page_thanks_the_writers(client, runner):
    staff_client = sign_in(client, runner)
    overview = staff_client.get("/staff/campaigns/1/").get_data(as_text=True)
    assert 'href="/staff/campaigns/1/status/closed"' in overview
    confirm = staff_client.get("/staff/campaigns/1/status/closed")
    text = page_text(confirm.get_data(as_text=True))
    assert "Close this campaign?" in text
    assert "Citizens can no longer write letters" in text
    assert 'class="button warning"' in confirm.get_data(as_text=True)
    assert staff_client.get("/staff/campaigns/1/").status_code == 200  # nothing done by a GET
    response = post(staff_client, "/staff/campaigns/1/status", {"status": "closed"},
                    form_url="/staff/campaigns/1/status/closed")
    assert response.status_code == 302
    home = client.get("/")
    assert home.status_code == 200
    # Nobody wrote in this test, so nobody is thanked ("everyone who wrote" would be no one).
    assert "This campaign has closed." in page_text(home.get_data(as_text=True))
    assert "Thank you" not in page_text(home.get_data(as_text=True))
    assert "no open campaigns" not in home.get_data(as_text=True)
    draft = page_text(staff_client.get("/staff/campaigns/1/status/draft").get_data(as_text=True))
    assert "Return this campaign to draft?" in draft and "Page not found" in draft
    reopen = page_text(staff_client.get("/staff/campaigns/1/status/live").get_data(as_text=True))
    assert "Reopen this campaign?" in reopen and "Reopen the campaign" in reopen
    assert staff_client.get("/staff/campaigns/1/status/closed").status_code == 404  # already


def test_a_campaign_is_copied_as_a_draft_with_its_text_wording_and_asks(app, client, staff_client):
    response = post(staff_client, "/staff/campaigns/1/copy", form_url="/staff/campaigns/1/")
    assert response.status_code == 302
    new_url = response.headers["Location"]
    edit = staff_client.get(new_url).get_data(as_text=True)
    assert "This is a draft copy of" in page_text(edit)
    assert 'value="stop-trafficking-networks-copy"' in edit
    new_id = int(re.search(r"/staff/campaigns/(\d+)/edit", new_url).group(1))
    with app.app_context():
        from campaign.campaigns import all_asks, campaign_by_id
        from campaign.db import get_db

        original, copy = campaign_by_id(get_db(), 1), campaign_by_id(get_db(), new_id)
        assert copy.status == "draft" and copy.title == f"Copy of {original.title}"
        assert (copy.summary, copy.intro, copy.wording) == (original.summary, original.intro,
                                                            original.wording)
        assert [(a.title, a.paragraph, a.enabled) for a in all_asks(get_db(), new_id)] == \
            [(a.title, a.paragraph, a.enabled) for a in all_asks(get_db(), 1)]
    assert client.get("/c/stop-trafficking-networks-copy/").status_code == 404  # a draft
    history = page_text(staff_client.get(f"/staff/campaigns/{new_id}/history").get_data(as_text=True))
    assert f"created as a copy of “{original.title}”".lower() in history.lower()
    again = post(staff_client, "/staff/campaigns/1/copy", form_url="/staff/campaigns/1/")
    assert again.headers["Location"] != new_url
    assert 'value="stop-trafficking-networks-copy-2"' in staff_client.get(
        again.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("title, slug", [
    ("Clean Rivers!", "clean-rivers"),
    ("Ynys Môn's rivers: 2026", "ynys-mons-rivers-2026"),
    ("  --Stop   the   networks--  ", "stop-the-networks"),
])
def test_the_web_address_is_made_from_the_title_when_left_empty(staff_client, title, slug):
    response = post(staff_client, "/staff/campaigns/new", {
        "title": title, "slug": "", "summary": "S.", "intro": "I."})
    assert response.status_code == 302
    page = staff_client.get(response.headers["Location"] + "edit").get_data(as_text=True)
    assert f'value="{slug}"' in page


def test_the_thank_you_message_may_say_how_many_wrote_and_nothing_else(app, client, staff_client):
    journey = Journey(client)
    journey.find_mp("E8 1DY")
    journey.write()
    assert journey.download("pdf").status_code == 200
    details = {"title": "Break the networks", "slug": "stop-trafficking-networks",
               "summary": "S.", "intro": "I."}
    wrong = post(staff_client, "/staff/campaigns/1/edit",
                 {**details, "thank_you": "Over {{ cuont }} of you wrote {{ mp_name }."})
    assert wrong.status_code == 422
    text = page_text(wrong.get_data(as_text=True))
    # Both mistakes at once, not one a save.
    assert "“{{ cuont }}” is not a placeholder: did you mean “{{ count }}”?" in text
    assert "has a “{{” with no partner" in text
    assert post(staff_client, "/staff/campaigns/1/edit",
                {**details, "thank_you": "Thank you: {{ count }} of you wrote."}
                ).status_code == 302
    set_status(staff_client, 1, "closed")
    closed = page_text(client.get("/c/stop-trafficking-networks/").get_data(as_text=True))
    # One letter from Hackney is hidden ("fewer than 5"), so the count is a floor (issue 30).
    assert "Thank you: at least 1 of you wrote." in closed


def test_every_wording_mistake_is_said_at_once(staff_client):
    response = post(staff_client, "/staff/campaigns/1/wording", {
        "opening": "Dear {{ constituncy }}, I write about {{ mp_name }.",
        "closing": "Please reply.",
        "prompts": "One?\nTwo?\nThree?\nFour?"})
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "did you mean “{{ constituency }}”?" in text
    assert "has a “{{” with no partner" in text
    assert "Give at most 3 questions, one per line." in text


def test_the_staff_preview_shows_the_letter_form_as_a_writer_sees_it(staff_client):
    html = staff_client.get("/staff/campaigns/1/preview").get_data(as_text=True)
    form = html[html.index("<h2>The letter form</h2>"):html.index("<h2>The letter</h2>")]
    assert form.count('type="checkbox"') == 8 and "disabled" in form
    text = page_text(form)
    assert "What do you want your MP to do?" in text
    assert "In your own words (optional)" in text
    assert "Not sure what to say? Try one of these:" in text  # the launch campaign's questions
