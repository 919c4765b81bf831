"""Issue 30: staff see a campaign as writers will before it is live: a draft's help page,
each nation's notes on the letter form, and which MPs get which wording."""
from __future__ import annotations

from campaign.db import get_db
from tests.campaign.helpers import page_text, set_status, sign_in


def test_the_preview_shows_the_chosen_nations_notes_and_marks_the_mps(app, client, runner):
    assert runner.invoke(args=["mps", "refresh"]).exit_code == 0
    with app.app_context():
        get_db()["mp_stances"].insert({"campaign_id": 1, "member_id": 172,
                                       "stance": "supports", "updated_at": "2026-12-01"})
    sign_in(client, runner)
    scottish = page_text(client.get("/staff/campaigns/1/preview?nation=S").get_data(as_text=True))
    assert "What a writer in Scotland sees once their MP is found" in scottish
    assert "In Scotland, the Scottish Parliament decides this." in scottish
    english = page_text(client.get("/staff/campaigns/1/preview?nation=E").get_data(as_text=True))
    assert "the Scottish Parliament decides this" not in english
    html = client.get("/staff/campaigns/1/preview").get_data(as_text=True)
    assert "Hackney North and Stoke Newington (Ms Diane Abbott) · supports the campaign" in html
    assert "· minister" in html and "· shadow minister" in html


def test_a_drafts_help_page_opens_for_staff_only(app, client, runner):
    staff = app.test_client()
    sign_in(staff, runner)
    set_status(staff, 1, "draft")
    assert client.get("/c/stop-trafficking-networks/help").status_code == 404
    page = staff.get("/c/stop-trafficking-networks/help")
    assert page.status_code == 200
    preview = page_text(staff.get("/staff/campaigns/1/preview").get_data(as_text=True))
    assert "(it opens for signed-in staff while the campaign is a draft)" in preview


def test_going_live_names_what_a_copy_or_the_defaults_left_and_live_edits_say_so(
        app, client, runner):
    from tests.campaign.helpers import campaign_id_from, post

    sign_in(client, runner)
    copied = post(client, "/staff/campaigns/1/copy", {}, form_url="/staff/campaigns/1/")
    assert copied.status_code == 302
    copy_id = campaign_id_from(copied)
    with app.app_context():
        db = get_db()
        row = db["campaigns"].get(copy_id)
        db["campaigns"].update(copy_id, {"opening": row["opening"] + " Changed."})
    overview = page_text(client.get(f"/staff/campaigns/{copy_id}/").get_data(as_text=True))
    assert "Check before it goes live (these do not stop it):" in overview
    assert "Give the campaign its own title: it is still “Copy of " in overview
    assert ("Opening in Welsh is still the original campaign's, though its English has "
            "changed: write it for this one.") in overview
    fresh = post(client, "/staff/campaigns/new", {"title": "Clean rivers", "slug": "clean",
                                                  "summary": "S.", "intro": "I."})
    fresh_id = campaign_id_from(fresh)
    page = page_text(client.get(f"/staff/campaigns/{fresh_id}/").get_data(as_text=True))
    assert ("Write the letter's own opening: it is still the one every new campaign starts "
            "with.") in page
    # The live launch campaign's editing pages say a save reaches the next writer.
    wording = page_text(client.get("/staff/campaigns/1/wording").get_data(as_text=True))
    assert ("This campaign is live. What you save here takes effect for the next writer; "
            "letters already written are not changed.") in wording
    assert "This campaign is live." not in page_text(
        client.get(f"/staff/campaigns/{fresh_id}/wording").get_data(as_text=True))
