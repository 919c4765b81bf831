"""Who decides each ask per nation (issue 21): the letter to the MP asks only for what
Westminster decides, and the writer is told why an ask is left out or changed."""
from __future__ import annotations

import json
import re
from datetime import date
from html import unescape

import pytest
import sqlite_utils

from campaign import migrations
from campaign.campaigns import enabled_asks
from campaign.campaigns.launch import launch_campaign_data
from campaign.campaigns.targets import campaign_targets
from campaign.db import get_db
from campaign.migrations.launch_at_m015 import LAUNCH_AT_M015
from campaign.staff.preview import SAMPLE_MP
from letters import NothingForMP, Sender, Wording, compose_letter
from letters.devolution import MPLetter, NationRule
from letters.model import Ask
from letters.nations import Nation
from tests.campaign.helpers import Journey, hidden, page_text, post, sign_in, textareas
from tests.letters.helpers import pdf_text

ENGLAND, WALES, SCOTLAND, NORTHERN_IRELAND = "E8 1DY", "LL77 7TW", "FK1 1AA", "BT7 1NN"


def _letter_pdf(client, postcode: str) -> tuple[str, str]:
    """(the letter form's text, the PDF's text) for a writer at `postcode` ticking every ask."""
    journey = Journey(client)
    assert journey.find_mp(postcode).status_code == 200
    form = page_text(journey.page)
    response = journey.write(asks=journey.ask_ids())
    assert response.status_code == 200, page_text(journey.page)[:500]
    pdf = journey.download("pdf")
    assert pdf.status_code == 200
    return form, " ".join(pdf_text(pdf.data).split())


@pytest.mark.parametrize("postcode", [ENGLAND, WALES])
def test_english_and_welsh_letters_carry_every_ask(client, postcode):
    form, text = _letter_pdf(client, postcode)
    assert "sex" in text  # the ask on reducing demand (buying sex from trafficked people)
    assert "Scottish" not in text and "Northern Ireland" not in text
    assert "decides this" not in form


def test_a_welsh_writer_reads_who_runs_childrens_services(client):
    form, _text = _letter_pdf(client, WALES)
    assert "In Wales the Welsh Government runs children's services" in form


def test_a_scottish_letter_asks_the_mp_only_for_what_westminster_decides(client):
    form, text = _letter_pdf(client, SCOTLAND)
    assert "Dear Mr Stainbank" in text
    # Criminal law on buying sex is Holyrood's: left out.
    assert "sex" not in text
    # Trafficking law, victim support and children: the MP is asked to press UK
    # ministers to work with the Scottish Government.
    assert "Scottish Government" in text
    assert "In Scotland, the Scottish Parliament decides this." in form
    assert "your letter to your MP leaves it out" in form
    # Reserved asks stay as they are.
    assert "Joint Migration Task Force" in text


def test_a_northern_ireland_letter_leaves_out_what_is_already_law(client):
    form, text = _letter_pdf(client, NORTHERN_IRELAND)
    assert "Dear Ms Hanna" in text
    assert "sex" not in text
    assert "Northern Ireland Executive" in text or "Department of Justice" in text
    assert "Paying for sex has been an offence in Northern Ireland since 2015" in form


def test_ticking_only_what_holyrood_decides_is_refused_with_a_sentence(client, app):
    with app.app_context():
        asks = enabled_asks(get_db(), 1)
    omitted = [str(ask.id) for ask in asks if not ask.rule_for(Nation.SCOTLAND).in_mp_letter]
    assert omitted
    journey = Journey(client)
    journey.find_mp(SCOTLAND)
    response = journey.write(asks=omitted)
    assert response.status_code == 422
    assert ("In Scotland, the Scottish Parliament decides what you ticked, so your MP "
            "cannot change it." in page_text(journey.page))


def test_compose_letter_picks_each_asks_phrasing_for_the_nation():
    rule = NationRule(Nation.SCOTLAND, devolved=True, decided_by="the Scottish Government",
                      mp_letter=MPLetter.OWN, paragraph="Work with the Scottish Government.")
    asks = [Ask(1, "Own", "Change the law.", nations=(rule,)),
            Ask(2, "Omitted", "Ban it.", nations=(NationRule(Nation.SCOTLAND, devolved=True),)),
            Ask(3, "Reserved", "Guard the border.")]
    sender = Sender("A Writer", ("1 Street",), "FK1 1AA")
    wording = Wording(opening="Hello.", closing="Bye.")
    scottish = compose_letter(wording=wording, asks=asks, mp=SAMPLE_MP, sender=sender,
                              today=date(2026, 1, 5), nation=Nation.SCOTLAND)
    assert scottish.paragraphs == ("Hello.", "Work with the Scottish Government.",
                                   "Guard the border.", "Bye.")
    english = compose_letter(wording=wording, asks=asks, mp=SAMPLE_MP, sender=sender,
                             today=date(2026, 1, 5), nation=Nation.ENGLAND)
    assert english.paragraphs == ("Hello.", "Change the law.", "Ban it.", "Guard the border.",
                                  "Bye.")
    with pytest.raises(NothingForMP, match="In Scotland, the Scottish Parliament decides"):
        compose_letter(wording=wording, asks=asks[1:2], mp=SAMPLE_MP, sender=sender,
                       today=date(2026, 1, 5), nation=Nation.SCOTLAND)


def _old_database(path) -> sqlite_utils.Database:
    """A database from before m015 holding the launch campaign, one ask edited by staff."""
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m015_asks_by_nation")
    data = launch_campaign_data()
    columns = set(db["campaigns"].columns_dict)  # the launch file has later ones too
    campaign_id = db["campaigns"].insert({
        key: value for key, value in data.items() if key in columns}).last_pk
    # Its asks as m015 knows them (frozen: the migration never reads today's file).
    for position, ask in enumerate(LAUNCH_AT_M015["asks"], start=1):
        db["asks"].insert({"campaign_id": campaign_id, "position": position, "enabled": 1,
                           "title": ask["title"], "explanation": ask["explanation"],
                           "paragraph": ask["paragraph"] + (" Edited." if position == 7 else "")})
    return db


def test_the_migration_gives_unchanged_launch_asks_the_table_and_says_so(tmp_path):
    db = _old_database(tmp_path / "old.sqlite3")
    migrations.apply(db)
    asks = enabled_asks(db, 1)
    by_position = {position: ask for position, ask in enumerate(asks, start=1)}
    assert by_position[1].rule_for(Nation.SCOTLAND).devolved
    assert by_position[1].rule_for(Nation.SCOTLAND).mp_letter is MPLetter.OWN
    # Ask 7 was edited by staff: theirs to keep, Westminster's until they say otherwise.
    assert not by_position[7].rule_for(Nation.SCOTLAND).devolved
    history = list(db.query("select * from campaign_history where kind = 'ask'"
                            " and action like '%migration 15%'"))  # m021 adds Welsh too
    assert {row["ask_id"] for row in history} == {by_position[n].id for n in (1, 3, 4)}
    snapshot = json.loads(history[0]["snapshot"])
    assert snapshot["nations"]["S"]["devolved"] is True
    assert "migration 15" in history[0]["action"]
    # m016: the launch campaign's second letters, each recorded in the history.
    assert [t.office for t in campaign_targets(db, 1)] == [
        "Cabinet Secretary for Justice and Home Affairs", "Minister of Justice"]
    added = list(db.query("select * from campaign_history where kind = 'target'"))
    assert [json.loads(row["snapshot"])["office"] for row in added] == [
        "Cabinet Secretary for Justice and Home Affairs", "Minister of Justice"]
    assert all("migration 16" in row["action"] for row in added)
    # Migrations run once: applying again changes nothing.
    assert migrations.apply(db) == []


def _ask_form(client, campaign_id: int, ask_id: int) -> dict:
    """The ask's edit form as a browser would send it back unchanged."""
    page = client.get(f"/staff/campaigns/{campaign_id}/asks/{ask_id}/edit").get_data(as_text=True)
    data = {name: value for name, value in textareas(page).items()}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        data.setdefault(name, unescape(value))
    for match in re.finditer(r'<input([^>]*)>', page):
        attrs = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', match.group(1)))
        if attrs.get("type") == "radio" and " checked" in match.group(1):
            data[attrs["name"]] = attrs["value"]
        if attrs.get("type") == "checkbox":
            data.pop(attrs["name"], None)
            if " checked" in match.group(1):
                data[attrs["name"]] = attrs["value"]
    return data


def test_staff_say_who_decides_an_ask_with_history_and_letters_follow(client, runner, app):
    sign_in(client, runner)
    with app.app_context():
        ask = enabled_asks(get_db(), 1)[1]  # joint task forces: Westminster everywhere
    url = f"/staff/campaigns/1/asks/{ask.id}/edit"
    page = client.get(url).get_data(as_text=True)
    assert "Who decides this, in each nation" in page
    data = _ask_form(client, 1, ask.id)
    assert data["scotland_devolved"] == "westminster"
    data.update({"scotland_devolved": "devolved", "scotland_decided_by": "",
                 "scotland_mp_letter": "own", "scotland_paragraph": ""})
    response = post(client, url, data)
    # Who decides is never left to a default the writer would read as fact (issue 30).
    assert response.status_code == 422
    assert ("Name who decides this in Scotland, as a sentence names it, e.g. “the Scottish "
            "Parliament”." in page_text(response.get_data(as_text=True)))
    data["scotland_decided_by"] = "the Scottish Government"
    response = post(client, url, data)
    assert response.status_code == 422
    assert ("Write the paragraph the MP letter uses in Scotland, or choose to leave the ask "
            "out there." in page_text(response.get_data(as_text=True)))
    data["scotland_paragraph"] = "Please press ministers about {{ constituncy }}."
    response = post(client, url, data)
    assert response.status_code == 422
    assert "did you mean" in page_text(response.get_data(as_text=True))
    data["scotland_paragraph"] = "Please press UK ministers to work with the Scottish Government."
    assert post(client, url, data).status_code == 302
    with app.app_context():
        rule = enabled_asks(get_db(), 1)[1].rule_for(Nation.SCOTLAND)
    assert rule.devolved and rule.mp_letter is MPLetter.OWN
    history = page_text(client.get("/staff/campaigns/1/history").get_data(as_text=True))
    assert ("Scotland: the Scottish Government decides; the MP letter uses its own phrasing: "
            "Please press UK ministers to work with the Scottish Government.") in history
    _form, text = _letter_pdf(client, SCOTLAND)
    assert "Please press UK ministers to work with the Scottish Government." in text


# Second letters: to where it is decided.

def _targets_offered(page: str) -> dict[str, str]:
    """The "Also write to ..." checkboxes: value -> label text."""
    return {value: page_text(label) for value, label in re.findall(
        r'name="targets" value="(\d+)"[^>]*>\s*<label[^>]*>(.*?)</label>', page, re.DOTALL)}


def _second_letter_journey(client, postcode: str = SCOTLAND) -> Journey:
    journey = Journey(client)
    journey.find_mp(postcode)
    targets = _targets_offered(journey.page)
    assert len(targets) == 1
    response = journey.write(asks=journey.ask_ids(), targets=list(targets))
    assert response.status_code == 200, page_text(journey.page)[:400]
    return journey


def _download_second(client, journey: Journey, fmt: str):
    page = journey.page
    target = re.search(r'name="target" value="(\d+)"', page).group(1)
    return client.post(f"/c/{journey.slug}/download", data={
        "letter": hidden(page, "letter"), "format": fmt, "target": target,
        "csrf_token": hidden(page, "csrf_token")})


def test_a_scottish_writer_is_offered_the_cabinet_secretary_and_gets_both_letters(client, app):
    journey = Journey(client)
    journey.find_mp(SCOTLAND)
    assert list(_targets_offered(journey.page).values()) == [
        "Also write to Angela Constance MSP, Cabinet Secretary for Justice and Home Affairs"]
    journey = _second_letter_journey(client)
    preview = page_text(journey.page)
    assert "Dear Mr Stainbank" in preview and "Dear Cabinet Secretary" in preview
    mp_pdf = " ".join(pdf_text(journey.download("pdf").data).split())
    second = _download_second(client, journey, "pdf")
    assert second.status_code == 200
    text = " ".join(pdf_text(second.data).split())
    # Addressed to the office, in the window's lines.
    assert ("Angela Constance MSP Cabinet Secretary for Justice and Home Affairs Scottish "
            "Government St Andrew's House, Regent Road EDINBURGH EH1 3DG") in text
    assert "Dear Cabinet Secretary" in text
    # It carries what Holyrood decides (buying sex) that the MP letter left out ...
    assert "sex" in text and "sex" not in mp_pdf
    # ... and not what Westminster decides.
    assert "Joint Migration Task Force" not in text
    assert "I have also written to my MP, Euan Stainbank" in text or \
        "I have written to my MP, Euan Stainbank" in text
    # Its DOCX and envelope too.
    assert _download_second(client, journey, "docx").status_code == 200
    envelope = _download_second(client, journey, "envelope")
    assert "EDINBURGH" in pdf_text(envelope.data)


def test_a_northern_ireland_second_letter_does_not_ask_for_a_law_it_has(client):
    journey = _second_letter_journey(client, NORTHERN_IRELAND)
    text = " ".join(pdf_text(_download_second(client, journey, "pdf").data).split())
    assert "Naomi Long MLA Minister of Justice Department of Justice" in text
    assert "Paying for sex has been an offence in Northern Ireland since 2015." in text
    assert "penalties" not in text


def test_english_writers_are_offered_no_second_letter(client):
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    assert _targets_offered(journey.page) == {}


def test_each_letter_is_counted_once_with_its_target(client, app, runner):
    journey = _second_letter_journey(client)
    journey.download("pdf")
    journey.download("docx")
    _download_second(client, journey, "pdf")
    _download_second(client, journey, "docx")
    _download_second(client, journey, "envelope")
    with app.app_context():
        rows = list(get_db().query(
            "select target_id, formats from letters order by target_id is not null"))
    assert [row["formats"] for row in rows] == ["pdf,docx", "pdf,docx"]
    assert rows[0]["target_id"] is None and rows[1]["target_id"] is not None
    sign_in(client, runner)
    csv = client.get(f"/staff/counts/{journey.slug}/by-target.csv").get_data(as_text=True)
    assert csv.lstrip("\ufeff").splitlines() == [
        "target,letters", "MP,1",
        '"Angela Constance MSP, Cabinet Secretary for Justice and Home Affairs",1',
        '"Naomi Long MLA, Minister of Justice",0']
    dashboard = page_text(client.get(f"/staff/counts/{journey.slug}/").get_data(as_text=True))
    assert "Letters by target" in dashboard
    # By constituency (and so by MP, and on the results map) only letters to MPs count.
    seats = client.get(f"/staff/counts/{journey.slug}/by-constituency.csv").get_data(as_text=True)
    assert seats.lstrip("\ufeff").splitlines()[1:] == [
        "S14000083,Falkirk,Euan Stainbank,Labour,1"]


# Staff: second letters' pages.

TARGET = {"office": "Cabinet Secretary for Health and Social Care", "holder": "A Holder MS",
          "salutation": "Dear Cabinet Secretary",
          "address": "Welsh Government\nCathays Park\nCARDIFF\nCF10 3NQ", "email": "",
          "nations": ["W"], "subject": "", "opening": "I live in {{ constituency }}.",
          "closing": "I would be grateful for a reply."}


def test_staff_add_a_second_letter_preview_it_and_see_it_in_the_history(client, runner, app):
    sign_in(client, runner)
    response = post(client, "/staff/campaigns/1/targets/new", TARGET)
    assert response.status_code == 302, page_text(response.get_data(as_text=True))[:600]
    with app.app_context():
        target_id = get_db().execute(
            "select id from campaign_targets where office = ?", [TARGET["office"]]).fetchone()[0]
    overview = page_text(client.get("/staff/campaigns/1/").get_data(as_text=True))
    assert "A Holder MS, Cabinet Secretary for Health and Social Care" in overview
    history = page_text(client.get("/staff/campaigns/1/history").get_data(as_text=True))
    assert "Second letter to “Cabinet Secretary for Health and Social Care” added" in history
    # No launch ask is devolved in Wales: the preview says why there is no letter.
    page = page_text(client.get(f"/staff/campaigns/1/targets/{target_id}/preview")
                     .get_data(as_text=True))
    assert "The letter cannot be made" in page
    # The Scottish office's preview is a letter, and its PDF is addressed to the office.
    scottish = 1
    page = client.get(f"/staff/campaigns/1/targets/{scottish}/preview").get_data(as_text=True)
    assert "Dear Cabinet Secretary" in page_text(page)
    pdf = client.get(f"/staff/campaigns/1/targets/{scottish}/preview/pdf?seed=3")
    assert "Angela Constance MSP" in pdf_text(pdf.data)


@pytest.mark.parametrize(("change", "sentence"), [
    ({"address": "The Building Formerly Known As Crown Buildings, Cathays Park\nCARDIFF"},
     ("“The Building Formerly Known As Crown Buildings, Cathays Park” is 112 mm wide in the "
      "letter's type; an envelope's window is 90 mm.")),
    ({"address": "Welsh Government\nCathays Park\nCrown Buildings\nNorth Road\nCARDIFF\nCF10 3NQ"},
     "The address block has 8 lines with the name and office; an envelope's window shows 6."),
    ({"nations": []}, "Choose the nations whose writers are offered this letter."),
    ({"opening": "I live in {{ constituncy }}."}, "did you mean"),
    ({"email": "not an email"}, "Enter an email address like"),
])
def test_staff_cannot_save_a_second_letter_that_cannot_be_posted(client, runner, app, change,
                                                                  sentence):
    sign_in(client, runner)
    response = post(client, "/staff/campaigns/1/targets/new", {**TARGET, **change})
    assert response.status_code == 422
    assert sentence in page_text(response.get_data(as_text=True))
    with app.app_context():
        assert get_db()["campaign_targets"].count == 2  # the launch campaign's two only


def test_staff_edit_a_second_letter(client, runner, app):
    sign_in(client, runner)
    url = "/staff/campaigns/1/targets/2/edit"
    page = client.get(url).get_data(as_text=True)
    assert "Naomi Long MLA" in page and 'value="N" id="nations-N" checked' in page
    data = {**TARGET, "office": "Minister of Justice", "holder": "A New Minister MLA",
            "salutation": "Dear Minister",
            "address": "Department of Justice\nCastle Buildings, Stormont Estate\nBELFAST\nBT4 3SG",
            "nations": ["N"]}
    assert post(client, url, data).status_code == 302
    journey = _second_letter_journey(client, NORTHERN_IRELAND)
    text = " ".join(pdf_text(_download_second(client, journey, "pdf").data).split())
    assert "A New Minister MLA Minister of Justice Department of Justice" in text
    assert "I would be grateful for a reply." in text


def test_staff_preview_the_mp_letter_from_a_writer_in_each_nation(client, runner):
    sign_in(client, runner)
    page = client.get("/staff/campaigns/1/preview?nation=S&seed=5").get_data(as_text=True)
    assert '<option value="S" selected>Scotland</option>' in page
    scottish = " ".join(pdf_text(client.get(
        "/staff/campaigns/1/preview/pdf?nation=S&seed=5").data).split())
    english = " ".join(pdf_text(client.get(
        "/staff/campaigns/1/preview/pdf?seed=5").data).split())
    assert "Scottish Government" in scottish and "sex" not in scottish
    assert "Scottish Government" not in english and "sex" in english
