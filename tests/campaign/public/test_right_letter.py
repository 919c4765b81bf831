"""Issue 29: the right letter on every path. One test per thing a writer was seen to get
wrong (the PDF's text, or the page's sentences, as the writer reads them)."""
from __future__ import annotations

import random
import re
import string

import pytest

from campaign.db import get_db
from campaign.stances.records import set_stances
from letters.stances import Stance
from tests.campaign.helpers import (
    SLUG,
    WRITER,
    Journey,
    hidden,
    page_text,
    textareas,
    welsh_journey,
)
from tests.letters.helpers import pdf_text

ENGLAND = "E8 1DY"  # Diane Abbott (member 172)
SCOTLAND = "FK1 1AA"
NOTE = "I live here and I care about this."


def _launch_id(app) -> int:
    with app.app_context():
        return get_db().execute("select id from campaigns order by id limit 1").fetchone()[0]


def _mark(app, member_id: int, stance: Stance) -> None:
    with app.app_context():
        set_stances(get_db(), _launch_id(app), [(member_id, stance)], by="test")


def test_a_supporters_form_with_an_error_comes_back_not_a_server_error(app, client):
    """A form error (no name) for a writer whose MP supports the campaign: was a 500
    (KeyError 'supports': the stance passed where the nation goes)."""
    _mark(app, 172, Stance.SUPPORTS)
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    response = journey.write(full_name="")
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "Enter your full name" in text or "full name" in text.lower()
    # The untouched paragraphs are not shown as the writer's own changes (not opened).
    assert " open>" not in response.get_data(as_text=True).split('id="para-opening"')[0][-400:]


def test_a_scottish_writers_untouched_paragraphs_are_not_shown_as_edited(app, client):
    journey = Journey(client)
    journey.find_mp(SCOTLAND)
    before = textareas(journey.page)
    response = journey.write(full_name="")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert textareas(html)["para-opening"] == before["para-opening"]
    assert "<details class=\"own-wording\" open>" not in html


# Only the second letter: everything ticked is decided elsewhere.

AWARENESS = "Awareness and reducing demand"


def _ask_id(page: str, title: str) -> str:
    return re.search(rf'name="asks" value="(\d+)" id="ask-\d+"[^>]*>\s*<label[^>]*><strong[^>]*>'
                     rf'{re.escape(title)}<', page).group(1)


def _targets(page: str) -> list[str]:
    return re.findall(r'name="targets" value="(\d+)"', page)


def _second(client, journey: Journey, fmt: str = "pdf", target: str | None = None):
    page = journey.page
    target = target or re.search(r'name="target" value="(\d+)"', page).group(1)
    return client.post(f"/c/{journey.slug}/download", data={
        "letter": hidden(page, "letter"), "format": fmt, "target": target,
        "csrf_token": hidden(page, "csrf_token")})


@pytest.mark.parametrize(("postcode", "mp", "office"), [
    ("FK1 1AA", "Euan Stainbank", "Angela Constance MSP"),
    ("BT7 1NN", "Claire Hanna", "Naomi Long MLA")])
def test_only_the_second_letter_when_everything_ticked_is_decided_elsewhere(
        app, client, postcode, mp, office):
    journey = Journey(client)
    journey.find_mp(postcode)
    awareness = _ask_id(journey.page, AWARENESS)
    # Without the second letter ticked: a sentence that says how to send it instead.
    refused = journey.write(asks=[awareness])
    assert refused.status_code == 422
    assert "Or tick the second letter below to write only to where it is decided" in \
        " ".join(page_text(journey.page).split())
    response = journey.write(asks=[awareness], targets=_targets(journey.page))
    assert response.status_code == 200, page_text(journey.page)[:600]
    text = " ".join(page_text(journey.page).split())
    assert "Tick at least one thing your MP can act on" not in text
    assert f"No letter goes to your MP, {mp}" in text or "No letter goes to your MP" in text
    assert "not at Westminster, so your MP cannot change it" in text
    assert f"Dear {mp.split()[0]}" not in text and "Dear Mr" not in text and "Dear Ms" not in text
    second = _second(client, journey)
    assert second.status_code == 200
    letter = " ".join(pdf_text(second.data).split())
    assert office in letter and "sex" in letter
    # It does not say the writer also wrote to their MP: they did not.
    assert "written to my MP" not in letter and mp not in letter
    assert "I would be grateful for a reply" in letter or "I would appreciate a reply" in letter \
        or "a reply telling me" in letter
    # The MP's letter cannot be had from this preview.
    mp_letter = journey.download("pdf")
    assert mp_letter.status_code == 400
    assert "No letter goes to your MP" in page_text(mp_letter.get_data(as_text=True))
    # Counted once, with its target.
    with app.app_context():
        rows = list(get_db().query("select target_id from letters"))
    assert len(rows) == 1 and rows[0]["target_id"] is not None


# A postcode typed on the form that lands in another nation: shown, not applied in silence.

def test_a_scottish_postcode_on_an_english_form_brings_the_form_back_with_scotland(client):
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    awareness = _ask_id(journey.page, AWARENESS)
    assert _targets(journey.page) == []
    first = journey.ask_ids()[0]
    mine = "My own words about this, which must not be lost."
    response = journey.write(asks=[first, awareness], postcode="FK1 1AA", note=NOTE,
                             **{f"para-ask-{first}": mine})
    assert response.status_code == 200
    html = journey.page
    text = " ".join(page_text(html).split())
    assert "Dear " not in text  # not a preview
    assert "Your MP is Euan Stainbank" in text
    assert "your letter now goes to Euan Stainbank, not Diane Abbott" in text
    assert "Falkirk is in Scotland" in text and "A second letter" in text
    # The new nation's notes and the second letter offered; nothing typed is lost.
    assert "In Scotland, the Scottish Parliament decides this" in text
    assert len(_targets(html)) == 1
    assert textareas(html)[f"para-ask-{first}"] == mine
    assert textareas(html)["personal_note"].strip() == NOTE
    assert f'value="{awareness}" id="ask-{awareness}"' in html
    assert re.search(rf'value="{awareness}" id="ask-{awareness}" checked', html) or \
        re.search(rf'value="{awareness}" id="ask-{awareness}"[^>]* checked', html)


# Back, Forward, reload, the language link: the preview and the page after the download
# are pages of their own (post/redirect/get).

def test_the_preview_is_a_page_of_its_own_and_reloads_with_the_same_reference(client):
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    posted = client.post(f"/c/{journey.slug}/letter", data={
        **_form(journey.page), "asks": journey.ask_ids()[:1]})
    assert posted.status_code == 303
    address = posted.headers["Location"]
    assert "/preview?letter=" in address and "Abbott" not in address
    first = client.get(address)
    again = client.get(address)
    assert first.status_code == again.status_code == 200
    assert first.headers["Cache-Control"] == "no-store"
    reference = re.search(r'class="reference-code">([^<]+)<', first.get_data(as_text=True))
    assert reference and reference.group(1) in again.get_data(as_text=True)
    # The language link keeps the step and the letter: the same address under /cy.
    link = re.search(r'class="language-link" href="([^"]+)"', first.get_data(as_text=True))
    assert "/cy/c/" in link.group(1) and "/preview?letter=" in link.group(1)
    welsh = client.get(link.group(1).replace("http://localhost", ""))
    assert welsh.status_code == 200
    welsh_text = page_text(welsh.get_data(as_text=True))
    assert reference.group(1) in welsh_text and "Annwyl" in welsh_text


def test_the_page_after_the_download_is_a_page_of_its_own_with_a_language_link(client):
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    journey.write()
    done = client.post(f"/c/{journey.slug}/done", data={
        "letter": hidden(journey.page, "letter"), "format": "pdf",
        "csrf_token": hidden(journey.page, "csrf_token")})
    assert done.status_code == 303 and "/done?letter=" in done.headers["Location"]
    page = client.get(done.headers["Location"])
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Thank you for writing to Diane Abbott" in page_text(html)
    link = re.search(r'class="language-link" href="([^"]+)"', html).group(1)
    assert "/cy/c/" in link and "/done?letter=" in link
    welsh = client.get(link.replace("http://localhost", ""))
    assert welsh.status_code == 200 and "Diolch" in page_text(welsh.get_data(as_text=True))


def test_a_tampered_preview_address_is_refused_with_a_sentence(client):
    response = client.get(f"/c/{SLUG}/preview?letter=not-a-letter")
    assert response.status_code == 400
    assert "We couldn't read that letter" in page_text(response.get_data(as_text=True))


def _form(page: str) -> dict:
    data = {**WRITER, "postcode": hidden(page, "postcode"), "seed": hidden(page, "seed"),
            "looked_up": hidden(page, "looked_up"), "csrf_token": hidden(page, "csrf_token")}
    data.update({name: text for name, text in textareas(page).items() if name.startswith("para-")})
    return data


# Wording.

def test_one_ask_ticked_never_begins_first_with_nothing_after(client):
    """Every phrasing of every ask, alone in a letter: none says "First," (or "Yn
    gyntaf,") with no second point to follow."""
    for welsh in (False, True):
        for seed in range(6):
            journey = welsh_journey(client) if welsh else Journey(client)
            journey.open(f"write?postcode=E8+1DY&seed={seed}")
            for ask in journey.ask_ids():
                text = textareas(journey.page)[f"para-ask-{ask}"]
                assert not text.startswith(("First,", "Yn gyntaf,")), (welsh, seed, ask, text)


def test_the_northern_ireland_note_says_what_the_second_letter_asks(client):
    journey = Journey(client)
    journey.find_mp("BT7 1NN")
    awareness = _ask_id(journey.page, AWARENESS)
    note = " ".join(page_text(re.search(rf'id="ask-{awareness}-nation">(.*?)</p>',
                                        journey.page, re.S).group(1)).split())
    assert "already law" not in note and "asks for it" not in note
    assert "the second letter, to the Minister of Justice, asks how well that law is enforced" \
        in note
    # As the letter itself does.
    journey.write(asks=[awareness], targets=_targets(journey.page))
    letter = " ".join(pdf_text(_second(client, journey).data).split())
    assert "how well that law is enforced" in letter


def test_migration_30_corrects_a_database_that_loaded_the_launch_campaign_before(app):
    from campaign.migrations.launch_wording_29 import NOTES, OPENINGS, correct_launch_wording
    with app.app_context():
        db = get_db()
        ask = next(db.query("select * from asks where title = ?",
                            ["Stronger laws against traffickers"]))
        for (_, column), (shipped, corrected) in OPENINGS.items():
            db["asks"].update(ask["id"], {column: shipped + ask[column][len(corrected):]})
        awareness = next(db.query("select id from asks where title = ?", [AWARENESS]))["id"]
        for (_, nation, column), (shipped, _) in NOTES.items():
            db.execute(f"update ask_nations set {column} = ? where ask_id = ? and nation = ?",
                       [shipped, awareness, nation])
        # One text staff changed stays theirs.
        db.execute("update ask_nations set note_cy = 'Ein nodyn ni' where ask_id = ? and "
                   "nation = 'N'", [awareness])
        before = db["campaign_history"].count
        correct_launch_wording(db)
        ask = next(db.query("select * from asks where id = ?", [ask["id"]]))
        assert ask["paragraph"].startswith("The law and its enforcement")
        assert ask["paragraph_cy"].startswith("Dylai'r gyfraith")
        row = next(db.query("select note, note_cy from ask_nations where ask_id = ? and "
                            "nation = 'N'", [awareness]))
        assert row["note"].endswith("asks how well that law is enforced.")
        assert row["note_cy"] == "Ein nodyn ni"
        assert db["campaign_history"].count == before + 2


@pytest.mark.parametrize(("postcode", "english", "welsh"), [
    # Laura Trott (the Members API: F), a shadow minister.
    ("BR8 7RE", "is a shadow minister and speaks for her party on her brief.",
     "yn weinidog cysgodol ac yn siarad dros ei phlaid ar ei maes."),
    # Órfhlaith Begley (F), Sinn Féin.
    ("BT78 1AA", "does not take her seat at Westminster. Letters to the House of Commons "
     "still reach her, though her constituency office may answer sooner. Your letter asks "
     "her to raise",
     "nid yw’n cymryd ei sedd yn San Steffan. Mae llythyrau i Dŷ’r Cyffredin yn dal i’w "
     "chyrraedd, er efallai y bydd ei swyddfa etholaeth yn ateb yn gynt. Mae eich llythyr "
     "yn gofyn iddi godi"),
    # Sir Lindsay Hoyle (M), the Speaker.
    ("PR7 1DP", "so your letter asks him to pass your concerns to the right Minister.",
     "felly mae eich llythyr yn gofyn iddo drosglwyddo eich pryderon"),
])
def test_the_mp_card_uses_the_pronouns_of_the_mps_gender(client, postcode, english, welsh):
    for journey, expected in ((Journey(client), english), (welsh_journey(client), welsh)):
        journey.find_mp(postcode)
        card = re.search(r'<section class="mp-card".*?</section>', journey.page, re.S).group(0)
        text = " ".join(page_text(card).split())
        assert expected in text
        for plural in ("their party", "their seat", "asks them", "iddynt", "eu plaid",
                       "eu swyddfa"):
            assert plural not in text, plural


def test_the_speakers_welsh_letter_asks_how_the_minister_replies_in_the_singular(client):
    journey = welsh_journey(client)
    journey.find_mp("PR7 1DP")
    journey.write()
    text = " ".join(pdf_text(journey.download("pdf").data).split())
    assert "sut y mae'n ymateb" in text and "sut y maent yn ymateb" not in text


def test_change_something_is_a_page_of_its_own_with_a_language_link(client):
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    journey.write(note=NOTE)
    back = client.post(f"/c/{SLUG}/edit", data={
        "letter": hidden(journey.page, "letter"), "csrf_token": hidden(journey.page, "csrf_token")})
    assert back.status_code == 303 and "/edit?letter=" in back.headers["Location"]
    html = client.get(back.headers["Location"]).get_data(as_text=True)
    assert textareas(html)["personal_note"].strip() == NOTE
    link = re.search(r'class="language-link" href="([^"]+)"', html).group(1)
    assert "/cy/c/" in link and "/edit?letter=" in link
    welsh = client.get(link.replace("http://localhost", "")).get_data(as_text=True)
    assert textareas(welsh)["personal_note"].strip() == NOTE
    assert f'value="{WRITER["full_name"]}"' in welsh


def test_a_letter_too_long_for_an_address_is_shown_in_answer_to_its_form(client):
    """Every paragraph rewritten at length: the signed letter would make an address
    longer than gunicorn reads, so the preview answers the POST itself."""
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    draw = random.Random(29)
    asks = journey.ask_ids()[:2]
    edits = {f"para-{key}": " ".join("".join(draw.choice(string.ascii_lowercase)
                                             for _ in range(draw.randint(2, 9)))
                                     for _ in range(180))[:1100]
             for key in ("opening", "closing", *(f"ask-{ask}" for ask in asks))}
    posted = client.post(f"/c/{SLUG}/letter", data={**_form(journey.page), **edits,
                                                    "asks": asks})
    assert posted.status_code == 200, posted.status_code
    assert "Your letter is ready" in page_text(posted.get_data(as_text=True))


def test_an_edit_of_an_ask_the_new_nation_leaves_out_is_kept_and_goes_in_the_second_letter(
        client):
    """Wander finding W6: an edit of "Awareness" on an English form, the postcode changed
    to Falkirk (whose MP letter leaves the ask out): the words survive the form coming
    back, go in the second letter, and come back with "Change something"."""
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    awareness = _ask_id(journey.page, AWARENESS)
    first = journey.ask_ids()[0]
    mine = textareas(journey.page)[f"para-ask-{awareness}"] + " My own sentence on this."
    journey.write(asks=[first, awareness], postcode="FK1 1AA",
                  **{f"para-ask-{awareness}": mine})
    assert "Your MP is Euan Stainbank" in page_text(journey.page)
    assert textareas(journey.page)[f"para-ask-{awareness}"] == mine
    assert journey.write(asks=[first, awareness], postcode="FK1 1AA",
                         targets=_targets(journey.page)).status_code == 200
    mp_letter = " ".join(pdf_text(journey.download("pdf").data).split())
    assert "My own sentence on this." not in mp_letter
    second = " ".join(pdf_text(_second(client, journey).data).split())
    assert "My own sentence on this." in second
    back = client.post(f"/c/{SLUG}/edit", data={
        "letter": hidden(journey.page, "letter"), "csrf_token": hidden(journey.page, "csrf_token")},
        follow_redirects=True)
    assert textareas(back.get_data(as_text=True))[f"para-ask-{awareness}"] == mine


def test_a_form_error_with_another_mp_is_that_mps_form(client):
    """Wander finding W7: the Speaker's form, TF1 6TE typed in it and no name: the form
    comes back as Mark Pritchard's (its address and language link too), saying so."""
    journey = Journey(client)
    journey.find_mp("PR7 1DP")
    response = journey.write(postcode="TF1 6TE", full_name="")
    assert response.status_code == 422
    html = journey.page
    text = " ".join(page_text(html).split())
    assert "Your MP is Mark Pritchard" in text and "your letter now goes to Mark Pritchard" in text
    assert hidden(html, "looked_up") == "TF1 6TE"
    link = re.search(r'class="language-link" href="([^"]+)"', html).group(1)
    assert "postcode=TF1+6TE" in link


def test_the_same_letter_sent_again_keeps_its_reference(client):
    """A preview answering its POST (a letter too long for an address) and reloaded,
    i.e. sent again, is the same letter: the same reference."""
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    data = {**_form(journey.page), "asks": journey.ask_ids()[:2], "personal_note": NOTE}
    first = client.post(f"/c/{SLUG}/letter", data=data)
    again = client.post(f"/c/{SLUG}/letter", data=data)
    assert first.headers["Location"] == again.headers["Location"]
    other = client.post(f"/c/{SLUG}/letter", data={**data, "personal_note": NOTE + " More."})
    assert other.headers["Location"] != first.headers["Location"]
