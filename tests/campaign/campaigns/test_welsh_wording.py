"""A campaign's wording in Welsh (issue 25): what is missing before it is offered in
Welsh, and what a writer on the Welsh pages reads and sends once it is."""
from __future__ import annotations

import re

from campaign.campaigns import campaign_by_slug, enabled_asks
from campaign.campaigns.translations import TEXTS
from campaign.campaigns.translations import gaps as translation_gaps
from campaign.db import get_db
from letters.languages import language_for
from tests.campaign.helpers import Journey, hidden, page_text, welsh_journey
from tests.letters.helpers import pdf_text

SLUG = "stop-trafficking-networks"


def _welsh(text: str) -> str:
    # Stand-in Welsh: a marked copy keeps the English's placeholders and choices valid.
    return f"Cymraeg: {text}" if text.strip() else ""


def write_welsh(db, campaign_id: int, leave_out: tuple[str, str] | None = None) -> None:
    """Give every text of the campaign (and its asks and rules) a stand-in Welsh,
    except `leave_out`: (table, column)."""
    def fill(table: str, row: dict) -> dict:
        values = {language_for("cy").column(name): _welsh(row.get(name) or "") for name in TEXTS[table]}
        if leave_out and leave_out[0] == table:
            values[language_for("cy").column(leave_out[1])] = ""
        return values

    with db.conn:
        row = db["campaigns"].get(campaign_id)
        db["campaigns"].update(campaign_id, fill("campaigns", row))
        for ask in db.query("select * from asks where campaign_id = ?", [campaign_id]):
            db["asks"].update(ask["id"], fill("asks", ask))
            for rule in db.query("select * from ask_nations where ask_id = ?", [ask["id"]]):
                db.execute(
                    "update ask_nations set decided_by_cy = ?, paragraph_cy = ?, note_cy = ?"
                    " where ask_id = ? and nation = ?",
                    [*fill("ask_nations", rule).values(), rule["ask_id"], rule["nation"]])


def clear_welsh(db, campaign_id: int) -> None:
    with db.conn:
        db["campaigns"].update(campaign_id, {language_for("cy").column(name): ""
                                             for name in TEXTS["campaigns"]})
        db.execute("update asks set title_cy = '', paragraph_cy = '', explanation_cy = ''"
                   " where campaign_id = ?", [campaign_id])
        db.execute("update ask_nations set decided_by_cy = '', paragraph_cy = '', note_cy = ''")


def test_a_campaign_without_welsh_lists_every_text_it_needs(app):
    with app.app_context():
        db = get_db()
        clear_welsh(db, 1)
        gaps = translation_gaps(db, 1, "cy")
    assert "The Welsh of the title" in gaps
    assert "The Welsh of the introduction" in gaps
    assert "The Welsh of the questions for writers" in gaps
    assert any(gap.startswith("Ask 1, “") and gap.endswith("the Welsh of its paragraph")
               for gap in gaps)
    # Rules per nation need their Welsh too (the launch campaign has Scottish ones).
    assert any(", in Scotland: the Welsh of its" in gap for gap in gaps)


def test_a_complete_welsh_campaign_is_read_in_welsh_and_english_stays_english(app):
    with app.app_context():
        db = get_db()
        write_welsh(db, 1)
        assert translation_gaps(db, 1, "cy") == []
        welsh = campaign_by_slug(db, SLUG, "cy")
        english = campaign_by_slug(db, SLUG)
        welsh_asks = enabled_asks(db, 1, welsh.language)
        english_asks = enabled_asks(db, 1)
    assert welsh.language == "cy" and english.language == "en"
    assert welsh.title == "Cymraeg: " + english.title
    assert welsh.wording.opening.startswith("Cymraeg: ")
    assert not english.title.startswith("Cymraeg")
    assert [ask.title for ask in welsh_asks] == ["Cymraeg: " + ask.title for ask in english_asks]
    devolved = [rule for ask in welsh_asks for rule in ask.nations if rule.decided_by]
    assert devolved and all(rule.decided_by.startswith("Cymraeg: ") for rule in devolved)


def test_one_missing_text_keeps_the_whole_campaign_in_english(app):
    with app.app_context():
        db = get_db()
        write_welsh(db, 1, leave_out=("campaigns", "closing"))
        assert translation_gaps(db, 1, "cy") == ["The Welsh of the closing"]
        campaign = campaign_by_slug(db, SLUG, "cy")
    assert campaign.language == "en" and not campaign.title.startswith("Cymraeg")


def test_a_switched_off_ask_needs_no_welsh(app):
    with app.app_context():
        db = get_db()
        write_welsh(db, 1)
        with db.conn:
            ask_id = next(db.query("select id from asks where campaign_id = 1 order by position"))["id"]
            db["asks"].update(ask_id, {"paragraph_cy": "", "enabled": 0})
        assert translation_gaps(db, 1, "cy") == []


def test_the_welsh_pages_show_english_wording_as_english_until_the_welsh_is_written(client, app):
    with app.app_context():
        clear_welsh(get_db(), 1)
    html = client.get(f"/cy/c/{SLUG}/").get_data(as_text=True)
    assert '<h1 lang="en-GB">' in html
    assert "Mae’r ymgyrch hon wedi’i hysgrifennu yn Saesneg am y tro" in page_text(html)
    english = client.get(f"/c/{SLUG}/").get_data(as_text=True)
    assert "<h1>" in english and "Saesneg" not in english


def test_a_welsh_writer_reads_and_sends_the_campaigns_welsh(client, app):
    with app.app_context():
        write_welsh(get_db(), 1)
    page = client.get(f"/cy/c/{SLUG}/").get_data(as_text=True)
    assert "<h1>Cymraeg: " in page and "am y tro" not in page_text(page)
    journey = welsh_journey(client)
    journey.open()
    journey.find_mp("LL77 7TW")
    assert "Cymraeg: " in page_text(journey.page)
    assert 'id="wording-in-english"' not in journey.page
    assert journey.write().status_code == 200
    pdf = pdf_text(journey.download("pdf").data)
    assert "Annwyl" in pdf and "Yn gywir" in pdf
    assert "Cymraeg: " in pdf, "the campaign's Welsh opening and asks are in the letter"
    # The English site is untouched by the Welsh.
    english = Journey(client)
    english.open()
    english.find_mp("E8 1DY")
    english.write()
    assert "Cymraeg" not in pdf_text(english.download("pdf").data)


def test_a_second_letter_from_a_welsh_writer_is_english(client, app):
    # The offices second letters go to (Edinburgh, Belfast) work in English.
    with app.app_context():
        write_welsh(get_db(), 1)
    journey = welsh_journey(client)
    journey.open()
    journey.find_mp("FK1 1AA")
    targets = re.findall(r'name="targets" value="(\d+)"', journey.page)
    assert targets, "the launch campaign offers Scottish writers a second letter"
    assert journey.write(asks=journey.ask_ids(), targets=targets).status_code == 200
    page = journey.page
    second = client.post(f"/cy/c/{SLUG}/download", data={
        "letter": hidden(page, "letter"), "format": "pdf", "csrf_token": hidden(page, "csrf_token"),
        "target": re.search(r'name="target" value="(\d+)"', page).group(1)})
    assert second.status_code == 200
    text = pdf_text(second.data)
    assert "Cymraeg" not in text and "Dear" in text
    # The Welsh page says why, beside the letter.
    assert "Mae’r llythyr hwn yn Saesneg, gan fod y swyddfa" in page_text(page)
    assert "Gwiriwch bob llythyr, yna lawrlwythwch bob un" in page_text(page)


def _welsh_pdf_to_the_speaker(client) -> str:
    journey = welsh_journey(client)
    journey.open()
    journey.find_mp("PR7 1DP")
    journey.write()
    return " ".join(pdf_text(journey.download("pdf").data).split())


def test_the_speakers_paragraphs_follow_the_campaigns_language(client, app):
    # The paragraphs the Speaker's role calls for replace the campaign's opening and
    # closing, so they are in the campaign wording's language: Welsh once it is complete.
    welsh = _welsh_pdf_to_the_speaker(client)
    assert "Rwy'n ysgrifennu atoch gan mai chi yw fy Aelod Seneddol yn etholaeth Chorley." in welsh
    assert "yn parhau'n ddiduedd yn y Tŷ" in welsh and "as Speaker" not in welsh
    with app.app_context():
        clear_welsh(get_db(), 1)
    english = _welsh_pdf_to_the_speaker(client)
    assert "I know that as Speaker you take no side" in english
    assert "fel Llefarydd" not in english.replace("Mr Llefarydd", "")


def test_the_page_after_the_download_keeps_the_second_letter_to_hand(client):
    # The writer downloads the letter to their MP and moves on; the second letter they
    # chose is offered again there, not only by going Back.
    journey = Journey(client)
    journey.open()
    journey.find_mp("FK1 1AA")
    targets = re.findall(r'name="targets" value="(\d+)"', journey.page)
    journey.write(asks=journey.ask_ids(), targets=targets)
    done = client.post(f"/c/{SLUG}/done", data={
        "letter": hidden(journey.page, "letter"), "format": "pdf",
        "csrf_token": hidden(journey.page, "csrf_token")},
        follow_redirects=True).get_data(as_text=True)
    assert "Your second letter: to Angela Constance MSP" in page_text(done)
    target = re.search(r'name="target" value="(\d+)"', done).group(1)
    second = client.post(f"/c/{SLUG}/download", data={
        "letter": hidden(done, "letter"), "format": "pdf", "target": target,
        "csrf_token": hidden(done, "csrf_token")})
    assert second.status_code == 200 and "Dear Cabinet Secretary" in pdf_text(second.data)
