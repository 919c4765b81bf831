"""Each campaign's help page, header link and footer line are its own (issue 24): the
launch campaign keeps how to report trafficking; a campaign on another subject shows none,
or its own; what staff type is shown as text, with phone numbers and addresses as links."""
from __future__ import annotations

from campaign.campaigns.help_text import help_blocks
from tests.campaign.helpers import add_ask, create_campaign, page_text, post, set_status, sign_in

LAUNCH = "/c/stop-trafficking-networks/"


def test_the_launch_campaign_keeps_its_report_page_link_and_footer_line(client):
    page = client.get(LAUNCH).get_data(as_text=True)
    assert f'href="{LAUNCH}help">Report trafficking or exploitation</a>' in page
    assert "If someone is in immediate danger, call 999." in page_text(page)
    help_page = client.get(LAUNCH + "help").get_data(as_text=True)
    text = page_text(help_page)
    assert "Report trafficking or exploitation" in text
    assert '<a href="tel:999"><strong>999</strong></a>' in help_page
    assert '<a href="tel:0800555111"><strong>0800 555 111</strong></a>' in help_page
    assert '<a href="https://crimestoppers-uk.org/give-information">' in help_page
    assert '<a href="tel:08001111"><strong>0800 1111</strong></a>' in help_page  # Childline
    assert "Fearless" in text
    # The old address leads there.
    old = client.get("/report")
    assert old.status_code == 301 and old.headers["Location"].endswith(LAUNCH + "help")


def test_a_campaign_on_another_subject_shows_no_trafficking_help(app, client, runner):
    staff = sign_in(app.test_client(), runner)
    campaign_id = create_campaign(staff, slug="clean-rivers")
    add_ask(staff, campaign_id, "Stop the sewage", "Please stop the sewage.")
    set_status(staff, campaign_id, "live")
    page = page_text(client.get("/c/clean-rivers/").get_data(as_text=True))
    assert "trafficking" not in page.lower() and "999" not in page
    assert client.get("/c/clean-rivers/help").status_code == 404
    # Two campaigns have live pages now, one with help: /report still finds it.
    assert client.get("/report").status_code == 301


def test_staff_write_a_campaigns_help_and_it_is_shown_as_text(app, client, runner):
    staff = sign_in(app.test_client(), runner)
    campaign_id = create_campaign(staff, slug="clean-rivers")
    add_ask(staff, campaign_id, "Stop the sewage", "Please stop the sewage.")
    set_status(staff, campaign_id, "live")
    details = {"title": "Clean up our rivers", "slug": "clean-rivers", "summary": "S.",
               "intro": "I."}
    half = post(staff, f"/staff/campaigns/{campaign_id}/edit", {**details, "help_title": "Get help"})
    assert half.status_code == 422
    assert "Give the help page both a title and its text" in page_text(half.get_data(as_text=True))
    response = post(staff, f"/staff/campaigns/{campaign_id}/edit", {
        **details, "help_title": "Report a spill", "help_footer": "Seen sewage in a river?",
        "help_text": "Tell the <b>Environment Agency</b>.\n\n- Call 0800 80 70 60, 24 hours.\n"
                     "- Or see https://www.gov.uk/report-an-environmental-incident."})
    assert response.status_code == 302
    page = client.get("/c/clean-rivers/help").get_data(as_text=True)
    assert "Tell the &lt;b&gt;Environment Agency&lt;/b&gt;." in page  # text, never markup
    assert '<li>Call <a href="tel:0800807060"><strong>0800 80 70 60</strong></a>, 24 hours.</li>' in page
    assert ('<a href="https://www.gov.uk/report-an-environmental-incident">'
            'https://www.gov.uk/report-an-environmental-incident</a>.') in page
    campaign_page = page_text(client.get("/c/clean-rivers/").get_data(as_text=True))
    assert "Seen sewage in a river? Report a spill" in campaign_page


def test_help_blocks_are_paragraphs_and_lists():
    blocks = help_blocks("First paragraph,\nsame paragraph.\n\n- one\n- two 101")
    assert [block.kind for block in blocks] == ["paragraph", "list"]
    assert [piece.text for piece in blocks[0].lines[0]] == ["First paragraph, same paragraph."]
    assert [(p.kind, p.text) for p in blocks[1].lines[1]] == [("text", "two "), ("tel", "101")]


def test_an_older_database_gives_the_launch_campaign_its_help(tmp_path):
    from campaign import migrations
    from campaign.db import connect

    db = connect(str(tmp_path / "old.sqlite3"))
    migrations.apply(db, stop_before="m013_campaign_help")
    db["campaigns"].insert({"id": 1, "slug": "stop-trafficking-networks", "title": "T",
                            "status": "live"})
    db["campaigns"].insert({"id": 2, "slug": "other", "title": "O", "status": "live"})
    migrations.apply(db)
    launch, other = db["campaigns"].get(1), db["campaigns"].get(2)
    assert launch["help_title"] == "Report trafficking or exploitation"
    assert "0800 555 111" in launch["help_text"]
    assert (other["help_title"], other["help_text"]) == ("", "")


def test_the_launch_help_m013_gave_becomes_the_shipped_one_after_every_migration(tmp_path):
    # m013 gave the help as it shipped then (frozen); m026 added Meic's line. A
    # database that never edited it ends with the help as shipped today.
    from campaign import migrations
    from campaign.campaigns.launch import launch_campaign_data
    from campaign.db import connect
    from campaign.migrations.launch_help import LAUNCH_HELP

    data = launch_campaign_data()
    db = connect(str(tmp_path / "old.sqlite3"))
    migrations.apply(db, stop_before="m013_campaign_help")
    db["campaigns"].insert({"id": 1, "slug": data["slug"], "title": "T", "status": "live"})
    migrations.apply(db, stop_before="m014_account_events")
    assert {name: db["campaigns"].get(1)[name] for name in LAUNCH_HELP} == LAUNCH_HELP
    migrations.apply(db)
    assert {name: db["campaigns"].get(1)[name] for name in LAUNCH_HELP} == {
        name: data[name] for name in LAUNCH_HELP}
