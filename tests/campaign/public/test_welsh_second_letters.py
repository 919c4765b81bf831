"""Issue 30: a second letter's wording has Welsh beside its English, so an office that
works in Welsh is written to in Welsh by writers on the Welsh pages."""
from __future__ import annotations

import re

from campaign.db import get_db
from tests.campaign.campaigns.test_devolution import TARGET
from tests.campaign.helpers import hidden, page_text, post, sign_in, welsh_journey
from tests.letters.helpers import pdf_text

WELSH = {"salutation_cy": "Annwyl Ysgrifennydd y Cabinet",
         "opening_cy": "Rwy'n byw yn {{ constituency }}.",
         "closing_cy": "Byddwn yn ddiolchgar am ateb."}


def _devolve_first_ask_in_wales(app) -> int:
    with app.app_context():
        ask_id = get_db().execute("select id from asks where campaign_id = 1"
                                  " order by position").fetchone()[0]
        get_db()["ask_nations"].upsert(
            {"ask_id": ask_id, "nation": "W", "devolved": 1, "decided_by": "the Senedd",
             "decided_by_cy": "y Senedd", "mp_letter": "omit"}, pk=("ask_id", "nation"))
    return ask_id


def test_staff_write_a_targets_welsh_and_welsh_writers_get_it(app, client, runner):
    staff = app.test_client()
    sign_in(staff, runner)
    ask_id = _devolve_first_ask_in_wales(app)
    # Welsh without its English is refused, each by its field, all at once.
    alone = post(staff, "/staff/campaigns/1/targets/new", {
        **TARGET, f"ask_{ask_id}_cy": "Gweithredwch.", "subject_cy": "Pwnc"})
    assert alone.status_code == 422
    text = page_text(alone.get_data(as_text=True))
    assert "Subject in Welsh: there is no English beside it." in text
    assert "Its Welsh needs the English beside it" in text
    assert post(staff, "/staff/campaigns/1/targets/new", {
        **TARGET, **WELSH, f"ask_{ask_id}": "Please act on this in Wales.",
        f"ask_{ask_id}_cy": "Gweithredwch ar hyn yng Nghymru."}).status_code == 302
    history = page_text(staff.get("/staff/campaigns/1/history").get_data(as_text=True))
    assert "Greeting in Welsh [added: Annwyl Ysgrifennydd y Cabinet ]" in history

    journey = welsh_journey(client)
    journey.find_mp("LL77 7TW")
    targets = re.findall(r'name="targets" value="(\d+)"', journey.page)
    assert len(targets) == 1
    ids = journey.ask_ids()
    assert journey.write(asks=[ids[0], ids[1]], targets=targets).status_code == 200
    target = re.search(r'name="target" value="(\d+)"', journey.page).group(1)
    letter = client.post("/cy/c/stop-trafficking-networks/download", data={
        "letter": hidden(journey.page, "letter"), "format": "pdf", "target": target,
        "csrf_token": hidden(journey.page, "csrf_token")})
    assert letter.status_code == 200
    words = " ".join(pdf_text(letter.data).split())
    assert "Annwyl Ysgrifennydd y Cabinet" in words
    assert "Rwy'n byw yn Ynys Môn." in words and "Gweithredwch ar hyn yng Nghymru." in words
    assert "Yn gywir" in words
    with app.app_context():
        kept = [row["text"] for row in get_db().query(
            "select w.text from ask_wordings w join letter_asks la on la.wording = w.key"
            " join letters l on l.id = la.letter_id where l.target_id is not null")]
    assert kept == ["Gweithredwch ar hyn yng Nghymru."]



def test_a_target_goes_in_welsh_only_once_every_text_it_has_has_its_welsh():
    from letters import Wording
    from letters.targets import Target, TargetTexts

    texts = TargetTexts(salutation="Annwyl Weinidog",
                        wording=Wording("A.", "D.", subject="P."), ask_paragraphs={})
    target = Target(id=1, office="Minister", holder="", salutation="Dear Minister",
                    address_lines=("Cardiff",), wording=Wording("O.", "C.", subject="S."),
                    ask_paragraphs={3: "Own."}, translations={"cy": texts})
    assert target.in_language("cy") is None  # its own paragraph for ask 3 has no Welsh yet
    whole = Target(**{**target.__dict__, "translations": {
        "cy": TargetTexts(**{**texts.__dict__, "ask_paragraphs": {3: "Ein hun."}})}})
    welsh = whole.in_language("cy")
    assert welsh is not None and welsh.salutation == "Annwyl Weinidog"
    assert welsh.wording.opening == "A." and welsh.ask_paragraphs == {3: "Ein hun."}


def test_staff_preview_a_targets_welsh_once_it_is_complete(app, runner):
    staff = app.test_client()
    sign_in(staff, runner)
    _devolve_first_ask_in_wales(app)
    assert post(staff, "/staff/campaigns/1/targets/new", {**TARGET, **WELSH}).status_code == 302
    with app.app_context():
        target_id = get_db().execute("select max(id) from campaign_targets").fetchone()[0]
    url = f"/staff/campaigns/1/targets/{target_id}/preview"
    assert "Preview in Welsh" in page_text(staff.get(url).get_data(as_text=True))
    welsh = page_text(staff.get(url + "?language=cy").get_data(as_text=True))
    assert "This is the letter in Welsh" in welsh and "Annwyl Ysgrifennydd y Cabinet" in welsh
    pdf = staff.get(f"{url}/pdf?language=cy&seed=1")
    assert "Annwyl Ysgrifennydd y Cabinet" in " ".join(pdf_text(pdf.data).split())
