"""Every change to a campaign is kept with who and when; old wording can be restored."""
from __future__ import annotations

import re

import pytest

from campaign.campaigns import all_asks
from campaign.db import get_db
from campaign.staff.editing import asks, details, letter_wording
from campaign.staff.editing.recording import Editor
from campaign.staff.editing.refusals import EditError, NotFound
from tests.campaign.helpers import (
    STAFF,
    add_ask,
    create_campaign,
    page_text,
    post,
    set_status,
    set_wording,
)


def _history(client, campaign_id) -> str:
    return client.get(f"/staff/campaigns/{campaign_id}/history").get_data(as_text=True)


def _restore_urls(html: str) -> list[str]:
    """The restore links on the history page (each leads to a confirmation page)."""
    return re.findall(r'href="(/staff/campaigns/\d+/history/\d+/restore)"', html)


def test_history_records_every_change_with_who_and_when(app, staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Make polluters pay", "Polluters should pay.")
    set_wording(staff_client, campaign_id, "Opening one.", "Closing one.")
    set_status(staff_client, campaign_id, "live")
    text = page_text(_history(staff_client, campaign_id))
    for change in ("Taken live", "Letter wording edited", "Ask “Make polluters pay” added",
                   "Letter wording written with the campaign", "Campaign created as a draft"):
        assert change in text, change
    assert text.count(f"By {STAFF},") == 5
    assert re.search(r"\d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d", text)  # UK time, long date
    # Newest first.
    assert text.index("Taken live") < text.index("Ask “") < text.index("Campaign created")
    with app.app_context():
        rows = list(get_db().query("select user_id, user_email, changed_at from campaign_history"))
    assert len(rows) == 5 and all(r["user_id"] and r["changed_at"] for r in rows)


def test_an_earlier_wording_can_be_restored(app, staff_client):
    campaign_id = create_campaign(staff_client)
    set_wording(staff_client, campaign_id, "First opening in {{ constituency }}.", "First closing.")
    set_wording(staff_client, campaign_id, "Second opening.", "Second closing.",
                subject="Second subject")
    html = _history(staff_client, campaign_id)
    assert "This is the current wording." in page_text(html)
    # Restore buttons: the first edit and the default wording made at creation.
    urls = _restore_urls(html)
    assert len(urls) == 2
    assert "First opening in {{ constituency }}." in page_text(html)

    confirm = page_text(staff_client.get(urls[0]).get_data(as_text=True))
    assert "Restore this version of the letter wording?" in confirm
    # What would change, word by word, from the current wording to the restored one.
    assert "Closing [removed: Second ] [added: First ] closing." in confirm
    assert "Subject [removed: Second subject ]" in confirm
    response = post(staff_client, urls[0], form_url=urls[0])
    assert response.status_code == 302
    wording_page = staff_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "That version of the wording is current again." in page_text(wording_page)
    assert "First opening in {{ constituency }}." in wording_page
    with app.app_context():
        row = get_db()["campaigns"].get(campaign_id)
    assert (row["opening"], row["closing"], row["subject"]) == (
        "First opening in {{ constituency }}.", "First closing.", "")
    assert "Earlier letter wording restored" in page_text(_history(staff_client, campaign_id))


def test_only_versions_of_the_same_campaign_can_be_restored(app, staff_client):
    first = create_campaign(staff_client, slug="first")
    second = create_campaign(staff_client, slug="second")
    set_wording(staff_client, first, "Another opening.", "Another closing.")
    entry = _restore_urls(_history(staff_client, first))[0].split("/")[-2]
    response = post(staff_client, f"/staff/campaigns/{second}/history/{entry}/restore",
                    form_url=f"/staff/campaigns/{second}/history")
    assert response.status_code == 404
    with app.app_context():
        campaign_entry = get_db().execute(
            "select id from campaign_history where campaign_id = ? and kind = 'campaign'",
            [first]).fetchone()[0]
    response = post(staff_client, f"/staff/campaigns/{second}/history/{campaign_entry}/restore",
                    form_url=f"/staff/campaigns/{second}/history")
    assert response.status_code == 404


def test_a_change_and_its_history_entry_stand_or_fall_together(app, monkeypatch):
    with app.app_context():
        db = get_db()
        editor = Editor(id=1, email="s@example.org")

        def broken(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(letter_wording, "record_change", broken)
        monkeypatch.setattr(details, "record_change", broken)
        with pytest.raises(RuntimeError):
            letter_wording.update_wording(db, 1, {"opening": "Changed.", "closing": "Changed."}, editor)
        with pytest.raises(RuntimeError):
            details.create_campaign(db, {"title": "T", "slug": "t"}, editor)
        assert db["campaigns"].get(1)["opening"] != "Changed."
        assert db["campaigns"].count == 1


def test_moving_an_ask_past_either_end_leaves_the_order_alone(app):
    with app.app_context():
        db = get_db()
        editor = Editor(id=1, email="s@example.org")
        order = [a.id for a in all_asks(db, 1)]
        asks.move_ask(db, 1, order[0], "up", editor)
        asks.move_ask(db, 1, order[-1], "down", editor)
        assert [a.id for a in all_asks(db, 1)] == order
        asks.move_ask(db, 1, order[-1], "up", editor)
        assert [a.id for a in all_asks(db, 1)] == [*order[:-2], order[-1], order[-2]]
        assert db["campaign_history"].count == 1
        with pytest.raises(NotFound):
            asks.move_ask(db, 1, 9999, "up", editor)


def test_a_live_campaign_cannot_lose_its_wording(app):
    with app.app_context():
        db = get_db()
        editor = Editor(id=1, email="s@example.org")
        with pytest.raises(EditError) as error:
            letter_wording.update_wording(db, 1, {"opening": "", "closing": "Reply."}, editor)
        assert error.value.field == "opening"
        with pytest.raises(EditError) as error:
            letter_wording.update_wording(db, 1, {"opening": "{{ x }}", "closing": "Reply."}, editor)
        assert "is not a placeholder" in error.value.message


def test_the_launch_wording_can_be_restored_after_its_first_edit(app, staff_client):
    with app.app_context():
        original = get_db()["campaigns"].get(1)["opening"]
    set_wording(staff_client, 1, "A new opening.", "A new closing.")
    html = _history(staff_client, 1)
    assert "Letter wording as it was before the first recorded edit" in page_text(html)
    (url,) = _restore_urls(html)
    assert post(staff_client, url).status_code == 302
    with app.app_context():
        assert get_db()["campaigns"].get(1)["opening"] == original
    citizen = page_text(staff_client.get("/staff/campaigns/1/preview").get_data(as_text=True))
    assert "in Sampleton (sample)" in citizen  # one of the restored phrasings, filled in


def test_restoring_a_version_from_before_the_questions_keeps_the_questions(app, staff_client):
    """A version recorded without the writers' questions (before migration 9 added them)
    restores its wording and leaves today's questions alone; the confirmation says so."""
    with app.app_context():
        db = get_db()
        prompts = db["campaigns"].get(1)["prompts"]
        assert prompts
        entry_id = db["campaign_history"].insert({
            "campaign_id": 1, "kind": "wording", "ask_id": None, "action": "edited",
            "snapshot": '{"opening": "An old opening.", "closing": "An old closing.", '
                        '"subject": "Old subject"}',
            "user_id": None, "user_email": "", "changed_at": "2025-01-01T10:00:00+00:00",
        }).last_pk
    confirm = page_text(staff_client.get(f"/staff/campaigns/1/history/{entry_id}/restore")
                        .get_data(as_text=True))
    assert "The questions to help writers are kept as they are now" in confirm
    assert post(staff_client, f"/staff/campaigns/1/history/{entry_id}/restore").status_code == 302
    with app.app_context():
        row = get_db()["campaigns"].get(1)
    assert (row["opening"], row["subject"], row["prompts"]) == (
        "An old opening.", "Old subject", prompts)
    summary = page_text(staff_client.get("/staff/campaigns/1/").get_data(as_text=True))
    assert prompts.splitlines()[0] in summary  # the campaign page shows them too


def test_switching_an_ask_off_and_on_is_named_in_the_history(app, staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Make polluters pay", "Polluters should pay.")
    add_ask(staff_client, campaign_id, "Fund river rangers", "Rangers protect rivers.")
    with app.app_context():
        ask = all_asks(get_db(), campaign_id)[1]
    url = f"/staff/campaigns/{campaign_id}/asks/{ask.id}/edit"
    fields = {"title": ask.title, "paragraph": ask.paragraph, "explanation": ""}
    post(staff_client, url, fields)  # enabled left out: switched off
    post(staff_client, url, {**fields, "enabled": "y"})
    post(staff_client, url, {**fields, "title": "Fund rangers", "enabled": "y"})
    text = page_text(_history(staff_client, campaign_id))
    assert text.index("Ask “Fund rangers” edited") < text.index(
        "Ask “Fund river rangers” switched on") < text.index(
        "Ask “Fund river rangers” switched off")


def test_the_history_shows_what_each_change_changed(staff_client):
    campaign_id = create_campaign(staff_client)
    set_wording(staff_client, campaign_id, "I write as a constituent.", "Please reply soon.")
    set_wording(staff_client, campaign_id, "I write as a worried constituent.", "Please reply soon.")
    html = _history(staff_client, campaign_id)
    assert "<ins><span class=\"visually-hidden\">[added: </span>worried </span>" not in html
    text = page_text(html)
    # The newest edit added one word and changed nothing else.
    newest = text[text.index("Letter wording edited"):]
    assert newest.startswith("Letter wording edited By staff@example.org")
    assert "Opening I write as a [added: worried ] constituent." in newest
    assert "Closing" not in newest[:newest.index("What it was after this change")]


def test_an_ask_and_the_campaigns_details_can_be_restored(app, staff_client):
    campaign_id = create_campaign(staff_client, title="Clean up our rivers")
    add_ask(staff_client, campaign_id, "Stop the sewage", "Please stop the sewage.")
    with app.app_context():
        ask_id = get_db().execute("select max(id) from asks").fetchone()[0]
    post(staff_client, f"/staff/campaigns/{campaign_id}/asks/{ask_id}/edit",
         {"title": "Stop the spills", "paragraph": "Please stop the spills.", "enabled": "y"})
    post(staff_client, f"/staff/campaigns/{campaign_id}/edit",
         {"title": "Rivers, not sewers", "slug": "clean-rivers", "summary": "S.", "intro": "I."})
    html = _history(staff_client, campaign_id)
    urls = _restore_urls(html)
    # The ask as added and the campaign as created: each a version that is not current.
    assert len(urls) == 2
    ask_url = next(u for u in urls if staff_client.get(u).get_data(as_text=True).count("the ask"))
    confirm = page_text(staff_client.get(ask_url).get_data(as_text=True))
    assert "Restore this version of the ask “Stop the sewage”?" in confirm
    assert "Title Stop the [removed: spills ] [added: sewage ]" in confirm
    assert post(staff_client, ask_url, form_url=ask_url).status_code == 302
    details_url = next(u for u in urls if u != ask_url)
    assert post(staff_client, details_url, form_url=details_url).status_code == 302
    with app.app_context():
        assert get_db()["asks"].get(ask_id)["paragraph"] == "Please stop the sewage."
        assert get_db()["campaigns"].get(campaign_id)["title"] == "Clean up our rivers"
    text = page_text(_history(staff_client, campaign_id))
    assert text.count("restored version") == 2
