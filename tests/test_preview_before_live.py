"""Issue 30: staff see a campaign as writers will before it is live: a draft's help page,
each nation's notes on the letter form, and which MPs get which wording."""
from __future__ import annotations

from campaign.db import get_db
from tests.helpers import page_text, set_status, sign_in


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
