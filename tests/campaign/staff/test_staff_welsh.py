"""Staff write a campaign's Welsh beside its English (issue 25): through the same forms,
with the same checks, in the history, in a copy, in the checklist and in the preview;
and once it is complete the Welsh pages read and send it."""
from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

from campaign.campaigns.translations import TEXTS
from campaign.db import get_db
from letters.languages import language_for
from tests.campaign.helpers import add_ask, create_campaign, page_text, post, welsh_journey
from tests.letters.helpers import pdf_text

SLUG = "stop-trafficking-networks"


class _FormFields(HTMLParser):
    """What a browser sends for the page's first POST form: text inputs, checked
    radios and checkboxes, textareas (the CSRF token too)."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self.in_form = self.done = False
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post" and not self.done \
                and "action" not in attrs:
            self.in_form = True
        if not self.in_form:
            return
        if tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in attrs:
                    self.fields[attrs["name"]] = attrs.get("value", "y")
            else:
                self.fields[attrs["name"]] = attrs.get("value") or ""
        if tag == "textarea":
            self.textarea = attrs["name"]
            self.fields[self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True
        if tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data


def form_fields(html: str) -> dict[str, str]:
    parser = _FormFields()
    parser.feed(html)
    # A browser drops the newline that opens a textarea's text.
    return {name: value.removeprefix("\r\n").removeprefix("\n")
            for name, value in parser.fields.items()}


def _welsh(text: str) -> str:
    # Stand-in Welsh that keeps the English's placeholders, choices and phrasings valid.
    return f"Cymraeg: {text}" if text.strip() else ""


def fill_welsh(client, url: str) -> dict[str, str]:
    """Open a staff form, write every Welsh field as the English beside it marked
    "Cymraeg: ", and save it as a browser would; return what was sent."""
    fields = form_fields(client.get(url).get_data(as_text=True))
    welsh = [name for name in fields if name.endswith("_cy")]
    assert welsh, url
    for name in welsh:
        fields[name] = _welsh(fields[name[:-3]])
    response = client.post(url, data=fields)
    assert response.status_code == 302, page_text(response.get_data(as_text=True))[:2000]
    return fields


def complete_welsh(client, campaign_id: int) -> None:
    """Write every Welsh text of a campaign through its forms."""
    fill_welsh(client, f"/staff/campaigns/{campaign_id}/edit")
    fill_welsh(client, f"/staff/campaigns/{campaign_id}/wording")
    page = client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True)
    for url in re.findall(rf'href="(/staff/campaigns/{campaign_id}/asks/\d+/edit)"', page):
        fill_welsh(client, url)


def _row(app, table: str, row_id: int) -> dict:
    with app.app_context():
        return get_db()[table].get(row_id)


def test_every_welsh_text_is_written_beside_its_english_and_saved(app, staff_client):
    campaign_id = create_campaign(staff_client, title_cy="Glanhau ein hafonydd",
                                  summary_cy="Mae carthffosiaeth yn gwenwyno ein hafonydd.",
                                  intro_cy="Mae cwmnïau dŵr yn gollwng carthion.")
    edit_page = staff_client.get(f"/staff/campaigns/{campaign_id}/edit").get_data(as_text=True)
    # Each Welsh field sits directly under its English one, marked as Welsh.
    assert edit_page.index('name="title"') < edit_page.index('name="title_cy"') \
        < edit_page.index('name="slug"')
    assert re.search(r'<input[^>]*lang="cy"[^>]*name="title_cy"|<input[^>]*name="title_cy"'
                     r'[^>]*lang="cy"', edit_page)
    assert "Title in Welsh (Cymraeg)" in edit_page
    assert "Optional until the campaign is offered in Welsh" in edit_page
    fields = form_fields(edit_page)
    assert fields["title_cy"] == "Glanhau ein hafonydd"
    fields.update(thank_you="Thank you, {{ count }} of you wrote.",
                  thank_you_cy="Diolch, ysgrifennodd {{ count }} ohonoch.",
                  help_title="Report pollution", help_title_cy="Rhoi gwybod am lygredd",
                  help_footer="Call 0800 80 70 60.", help_footer_cy="Ffoniwch 0800 80 70 60.",
                  help_text="Ring the hotline.", help_text_cy="Ffoniwch y llinell gymorth.")
    assert staff_client.post(f"/staff/campaigns/{campaign_id}/edit", data=fields).status_code == 302

    url = f"/staff/campaigns/{campaign_id}/wording"
    fields = form_fields(staff_client.get(url).get_data(as_text=True))
    fields.update(
        subject="Our rivers", subject_cy="Ein hafonydd",
        opening="I live in {{ constituency }}.", opening_cy="Rwy’n byw yn {{ constituency }}.",
        closing="Please reply.", closing_cy="Atebwch os gwelwch yn dda.",
        minister_closing="Act in your department.", minister_closing_cy="Gweithredwch yn eich adran.",
        shadow_closing="Make it policy.", shadow_closing_cy="Gwnewch hyn yn bolisi.",
        supporter_opening="Thank you for your support.",
        supporter_opening_cy="Diolch am eich cefnogaeth.",
        prompts="Have you seen it?", prompts_cy="Ydych chi wedi’i weld?")
    assert staff_client.post(url, data=fields).status_code == 302

    assert add_ask(staff_client, campaign_id, "Make polluters pay", "Polluters should pay.",
                   "Fines go to clean-up.").status_code == 302
    campaign_page = staff_client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True)
    ask_url = re.search(r'href="(/staff/campaigns/\d+/asks/(\d+)/edit)"', campaign_page)
    fields = form_fields(staff_client.get(ask_url.group(1)).get_data(as_text=True))
    fields.update(title_cy="Gwneud i lygrwyr dalu", paragraph_cy="Dylai llygrwyr dalu.",
                  explanation_cy="Mae dirwyon yn mynd at lanhau.",
                  scotland_devolved="devolved", scotland_decided_by="the Scottish Parliament",
                  scotland_decided_by_cy="Senedd yr Alban", scotland_mp_letter="own",
                  scotland_paragraph="Press UK ministers.",
                  scotland_paragraph_cy="Pwyswch ar weinidogion y DU.",
                  scotland_note="Already law there.", scotland_note_cy="Mae’n gyfraith yno eisoes.")
    assert staff_client.post(ask_url.group(1), data=fields).status_code == 302

    row = _row(app, "campaigns", campaign_id)
    assert row["title_cy"] == "Glanhau ein hafonydd" and row["intro_cy"].startswith("Mae cwmnïau dŵr")
    assert row["thank_you_cy"] == "Diolch, ysgrifennodd {{ count }} ohonoch."
    assert row["help_text_cy"] == "Ffoniwch y llinell gymorth."
    assert row["opening_cy"] == "Rwy’n byw yn {{ constituency }}."
    assert row["prompts_cy"] == "Ydych chi wedi’i weld?"
    assert row["supporter_opening_cy"] == "Diolch am eich cefnogaeth."
    ask = _row(app, "asks", int(ask_url.group(2)))
    assert (ask["title_cy"], ask["paragraph_cy"], ask["explanation_cy"]) == (
        "Gwneud i lygrwyr dalu", "Dylai llygrwyr dalu.", "Mae dirwyon yn mynd at lanhau.")
    with app.app_context():
        rule = next(get_db().query("select * from ask_nations where ask_id = ?", [ask["id"]]))
    assert (rule["decided_by_cy"], rule["paragraph_cy"], rule["note_cy"]) == (
        "Senedd yr Alban", "Pwyswch ar weinidogion y DU.", "Mae’n gyfraith yno eisoes.")
    # The form shows what was saved, open (a Welsh field left empty stays folded).
    again = staff_client.get(ask_url.group(1)).get_data(as_text=True)
    assert form_fields(again)["scotland_note_cy"] == "Mae’n gyfraith yno eisoes."
    assert re.search(r'<details class="welsh-field" open>\s*<summary>Welsh \(Cymraeg\)'
                     r'<span class="visually-hidden"> of Short title \(the checkbox label\)</span>: written',
                     again)
    assert re.search(r'<details class="welsh-field">\s*<summary>Welsh \(Cymraeg\)'
                     r'<span class="visually-hidden"> of A note for writers in Wales</span>: '
                     r'not written yet', unescape(again))


def test_a_bad_placeholder_in_welsh_is_refused_with_every_problem_and_nothing_saved(
        app, staff_client):
    campaign_id = create_campaign(staff_client)
    url = f"/staff/campaigns/{campaign_id}/wording"
    before = _row(app, "campaigns", campaign_id)
    fields = form_fields(staff_client.get(url).get_data(as_text=True))
    fields.update(opening="I live in {{ constituency }} and care.",
                  opening_cy="Rwy’n byw yn {{ constituancy }}.",
                  closing_cy="Atebwch {{ mp_name",
                  subject_cy="Ein hafonydd 🌊")
    response = staff_client.post(url, data=fields)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    text = page_text(html)
    assert "Opening in Welsh: " in text and "{{ constituancy }}" in text
    assert "Closing in Welsh: " in text
    assert "Subject in Welsh: The letter's typeface cannot print 🌊" in text
    assert "Subject in Welsh: there is no English beside it" in text
    # What was typed, English and Welsh, is on the page to mend; nothing was saved.
    typed = form_fields(html)
    assert typed["opening"] == "I live in {{ constituency }} and care."
    assert typed["opening_cy"] == "Rwy’n byw yn {{ constituancy }}."
    after = _row(app, "campaigns", campaign_id)
    assert after["opening"] == before["opening"] and after["opening_cy"] == ""


def test_a_welsh_text_without_its_english_is_refused(app, staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Make polluters pay", "Polluters should pay.")
    page = staff_client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True)
    url = re.search(r'href="(/staff/campaigns/\d+/asks/\d+/edit)"', page).group(1)
    fields = form_fields(staff_client.get(url).get_data(as_text=True))
    fields.update(explanation_cy="Esboniad", wales_note_cy="Nodyn")
    response = staff_client.post(url, data=fields)
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "Explanation in Welsh: there is no English beside it" in text
    assert "Note for writers in Wales, in Welsh: there is no English beside it" in text


def test_the_history_shows_and_restores_a_welsh_change(app, staff_client):
    campaign_id = create_campaign(staff_client)
    url = f"/staff/campaigns/{campaign_id}/wording"
    for opening in ("Rwy’n byw yn {{ constituency }}.", "Rwy’n etholwr yn {{ constituency }}."):
        fields = form_fields(staff_client.get(url).get_data(as_text=True))
        fields["opening_cy"] = opening
        assert staff_client.post(url, data=fields).status_code == 302
    history = staff_client.get(f"/staff/campaigns/{campaign_id}/history").get_data(as_text=True)
    assert "<dt>Opening in Welsh</dt>" in history
    assert re.search(r'<del><span class="visually-hidden">\[removed: </span>byw', history)
    assert re.search(r'<ins><span class="visually-hidden">\[added: </span>etholwr', history)
    # The first Welsh version is restorable: its confirmation shows the change, then it is made.
    restores = re.findall(r'href="(/staff/campaigns/\d+/history/(\d+)/restore)"', history)
    with app.app_context():
        first = next(get_db().query(
            "select id from campaign_history where campaign_id = ? and kind = 'wording'"
            " and snapshot like '%byw yn%' order by id", [campaign_id]))["id"]
    restore_url = next(link for link, entry in restores if int(entry) == first)
    confirm = staff_client.get(restore_url).get_data(as_text=True)
    assert "Opening in Welsh" in confirm
    assert post(staff_client, restore_url).status_code == 302
    assert _row(app, "campaigns", campaign_id)["opening_cy"] == "Rwy’n byw yn {{ constituency }}."


def test_history_from_before_welsh_still_shows_and_restores_keeping_todays_welsh(
        app, staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Make polluters pay", "Polluters should pay.")
    with app.app_context():
        db = get_db()
        ask_id = next(db.query("select id from asks where campaign_id = ?", [campaign_id]))["id"]
        with db.conn:
            db["campaigns"].update(campaign_id, {"opening_cy": "Agoriad heddiw."})
            db["asks"].update(ask_id, {"title_cy": "Teitl heddiw"})
            # Entries as recorded before m020: no "_cy" keys at all.
            old_wording = {"opening": "An old opening.", "closing": "An old closing.",
                           "subject": "", "prompts": ""}
            old_ask = {"title": "An old title", "explanation": "", "paragraph": "Old.",
                       "enabled": True, "position": 1,
                       "nations": {"S": {"devolved": True, "decided_by": "Holyrood",
                                         "mp_letter": "omit", "paragraph": "", "note": ""}}}
            for kind, snapshot, ask in (("wording", old_wording, None), ("ask", old_ask, ask_id)):
                db["campaign_history"].insert({
                    "campaign_id": campaign_id, "kind": kind, "ask_id": ask,
                    "action": "edited", "snapshot": json.dumps(snapshot),
                    "user_id": None, "user_email": "old@example.org",
                    "changed_at": "2020-01-01T12:00:00+00:00"})
            old_ids = [row["id"] for row in db.query(
                "select id from campaign_history where user_email = 'old@example.org'"
                " order by id")]
    history = staff_client.get(f"/staff/campaigns/{campaign_id}/history")
    assert history.status_code == 200
    for entry_id in old_ids:
        url = f"/staff/campaigns/{campaign_id}/history/{entry_id}/restore"
        confirm = staff_client.get(url)
        assert confirm.status_code == 200
        # Today's Welsh stays: the confirmation shows no Welsh going.
        assert "in Welsh" not in page_text(confirm.get_data(as_text=True))
        assert post(staff_client, url).status_code == 302
    row, ask = _row(app, "campaigns", campaign_id), _row(app, "asks", ask_id)
    assert row["opening"] == "An old opening." and row["opening_cy"] == "Agoriad heddiw."
    assert ask["title"] == "An old title" and ask["title_cy"] == "Teitl heddiw"
    # An old entry that differs from today only by lacking the Welsh restores nothing.
    history = staff_client.get(f"/staff/campaigns/{campaign_id}/history").get_data(as_text=True)
    restorable = {int(entry) for entry in re.findall(r"/history/(\d+)/restore", history)}
    assert not restorable & set(old_ids)


def test_a_copy_carries_the_welsh(app, staff_client):
    complete_welsh(staff_client, 1)
    response = post(staff_client, "/staff/campaigns/1/copy", form_url="/staff/campaigns/1/")
    copy_id = int(re.search(r"/staff/campaigns/(\d+)/", response.headers["Location"]).group(1))
    original, copy = _row(app, "campaigns", 1), _row(app, "campaigns", copy_id)
    for name in TEXTS["campaigns"]:
        assert copy[language_for("cy").column(name)] == original[language_for("cy").column(name)], name
    with app.app_context():
        db = get_db()
        asks = [(a["title_cy"], a["paragraph_cy"]) for a in db.query(
            "select * from asks where campaign_id = ? order by position", [copy_id])]
        rules = list(db.query("select n.decided_by_cy from ask_nations n join asks a"
                              " on a.id = n.ask_id where a.campaign_id = ?", [copy_id]))
    assert asks and all(title.startswith("Cymraeg: ") for title, _ in asks)
    assert rules and all(rule["decided_by_cy"].startswith("Cymraeg: ") for rule in rules
                         if rule["decided_by_cy"])
    page = staff_client.get(f"/staff/campaigns/{copy_id}/").get_data(as_text=True)
    assert "Welsh: complete, offered on the Welsh pages." in page_text(page)


def test_the_checklist_says_whether_the_campaign_is_offered_in_welsh(app, staff_client):
    campaign_id = create_campaign(staff_client)
    add_ask(staff_client, campaign_id, "Make polluters pay", "Polluters should pay.")
    text = page_text(staff_client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True))
    assert re.search(r"Welsh: \d+ texts missing, the Welsh pages show this campaign in English\.",
                     text)
    assert "The Welsh of the introduction" in text
    assert "Ask 1, “Make polluters pay”: the Welsh of its paragraph" in text
    # Welsh is not needed to go live.
    assert "Take live" in text
    complete_welsh(staff_client, campaign_id)
    text = page_text(staff_client.get(f"/staff/campaigns/{campaign_id}/").get_data(as_text=True))
    assert "Welsh: complete, offered on the Welsh pages." in text
    assert "texts missing" not in text
    confirm = staff_client.get(f"/staff/campaigns/{campaign_id}/status/live")
    assert "Welsh: complete, offered on the Welsh pages." in page_text(confirm.get_data(as_text=True))


def test_the_preview_shows_what_welsh_is_missing_then_the_welsh_letter(app, staff_client):
    with app.app_context():
        db = get_db()
        with db.conn:
            db["campaigns"].update(1, {"opening_cy": ""})
    page = page_text(staff_client.get("/staff/campaigns/1/preview?language=cy")
                     .get_data(as_text=True))
    assert "There is no Welsh preview yet" in page and "The Welsh of the opening" in page
    complete_welsh(staff_client, 1)
    html = staff_client.get("/staff/campaigns/1/preview").get_data(as_text=True)
    assert 'href="/staff/campaigns/1/preview?language=cy"' in html
    html = staff_client.get("/staff/campaigns/1/preview?language=cy").get_data(as_text=True)
    text = page_text(html)
    assert "Beth ydych chi am i’ch AS ei wneud?" in text  # the Welsh pages' own words
    assert '<div class="preview-frame" lang="cy">' in html
    assert "Annwyl" in text and "Cymraeg: " in text
    pdf = re.search(r'href="(/staff/campaigns/1/preview/pdf[^"]*)"', html).group(1)
    letter = pdf_text(staff_client.get(unescape(pdf)).data)
    assert "Annwyl" in letter and "Yn gywir" in letter and "Cymraeg: " in letter


def test_welsh_written_through_the_forms_reaches_the_welsh_pages_and_letter(
        app, client, staff_client):
    complete_welsh(staff_client, 1)
    url = "/staff/campaigns/1/wording"
    fields = form_fields(staff_client.get(url).get_data(as_text=True))
    fields["opening_cy"] = "Ysgrifennaf atoch fel un o’ch etholwyr yn {{ constituency }}."
    assert staff_client.post(url, data=fields).status_code == 302
    title = _row(app, "campaigns", 1)["title"]
    page = client.get(f"/cy/c/{SLUG}/").get_data(as_text=True)
    assert f"<h1>Cymraeg: {title}</h1>" in unescape(page)
    journey = welsh_journey(client)
    journey.open()
    journey.find_mp("LL77 7TW")
    assert journey.write().status_code == 200
    letter = " ".join(pdf_text(journey.download("pdf").data).split())
    assert "Annwyl" in letter
    assert "Ysgrifennaf atoch fel un o’ch etholwyr yn Ynys Môn." in letter
    # The English pages keep the English.
    assert "Cymraeg: " not in client.get(f"/c/{SLUG}/").get_data(as_text=True)
