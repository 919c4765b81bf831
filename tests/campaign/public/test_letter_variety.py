"""Letters differ because people differ: drawn phrasings, the writer's own edits,
prompts for their note, and caps that keep every letter short."""
from __future__ import annotations

import json

import sqlite_utils

from campaign import migrations
from campaign.campaigns.launch import launch_campaign_data
from campaign.migrations.frozen_launch import LAUNCH_AT_M011
from campaign.migrations.wording import FIRST_SHIPPED_OPENING, as_first_shipped
from letters.phrasings import choose
from letters.wording import split_phrasings
from tests.campaign.helpers import page_text, textareas
from tests.letters.helpers import docx_paragraphs, pdf_text

# The launch campaign's opening as m009 installed it (before m011): four plural phrasings.
PLURAL_OPENING = "\n\n".join([
    (
        "[[I am writing to you|I write to you]] as a constituent in {{ constituency }} "
        "about the [[organised crime networks|organised criminal networks]] that "
        "traffic people and drugs into [[the UK|Britain]], and the young people they "
        "[[exploit|prey on]]. I would like you to support the following "
        "[[measures|steps]]."
    ),
    (
        "As [[one of your constituents|a constituent]] in {{ constituency }}, I am "
        "writing about the criminal [[networks|gangs]] that [[bring|smuggle]] people "
        "and drugs into this country, and about the [[children and young adults|young "
        "people]] they [[draw into their trade|pull into their business]]. There are "
        "[[several things|a few measures]] I hope you will [[support|get behind]]."
    ),
    (
        "I live in {{ constituency }} and I am writing because I am "
        "[[concerned|worried]] about organised gangs that traffic people and drugs into "
        "[[the UK|Britain]] and exploit young people [[along the way|in the process]]. "
        "I would [[ask you to back|be grateful if you would support]] the "
        "[[steps|measures]] set out below."
    ),
    (
        "I am [[one of your constituents|a constituent of yours]] in {{ constituency "
        "}}. The gangs that [[move|smuggle]] people and drugs into [[the UK|Britain]], "
        "and the young people they [[exploit|prey on]], [[worry me|are a real concern "
        "to me]], and I [[hope|would like to ask that]] you will support the following."
    ),
])

EDIT = "Please make the people who run trafficking gangs answer for it in court, here in Hackney."


def _letter_text(journey) -> str:
    text = page_text(journey.page)
    return text[text.index("Dear Ms Abbott"):text.index("Yours sincerely")]


def test_the_launch_campaign_has_three_phrasings_of_every_paragraph_and_prompts():
    data = launch_campaign_data()
    for text in (data["opening"], data["closing"], *(ask["paragraph"] for ask in data["asks"])):
        phrasings = split_phrasings(text)
        assert len(phrasings) >= 3 and len(set(phrasings)) == len(phrasings)
    assert 1 <= len(data["prompts"].splitlines()) <= 3


def test_the_launch_campaign_text_as_first_shipped_is_kept_as_a_phrasing():
    opening = as_first_shipped(launch_campaign_data()["opening"])
    assert opening.startswith("I am writing to you as a constituent in {{ constituency }} about "
                              "the organised crime networks that traffic people and drugs")


def test_every_opening_suits_a_letter_with_one_ask():
    """No drawn opening promises several measures: a writer may tick just one."""
    opening = launch_campaign_data()["opening"]
    drawn = {choose(opening, seed, "opening") for seed in range(400)}
    assert len(drawn) > 20
    for text in drawn:
        for plural in ("measures", "steps", "several", "a few", "the following", "points"):
            assert plural not in text, (plural, text)
        assert "below" in text.lower()


def _database_before(tmp_path, migration: str) -> sqlite_utils.Database:
    db = sqlite_utils.Database(tmp_path / "old.sqlite3")
    migrations.apply(db, stop_before=migration)
    return db


def test_migration_11_gives_an_unedited_launch_campaign_the_new_opening(tmp_path, monkeypatch):
    # What a shipped migration installs never changes: not even with the launch file.
    monkeypatch.setattr("campaign.campaigns.launch.launch_campaign_data",
                        lambda: {**LAUNCH_AT_M011, "opening": "A later opening."})
    db = _database_before(tmp_path, "m011_launch_opening_for_any_number_of_asks")
    launch = LAUNCH_AT_M011
    plural = PLURAL_OPENING
    db["campaigns"].insert({"id": 1, "slug": launch["slug"], "title": "Launch", "status": "live",
                            "opening": plural, "closing": launch["closing"], "subject": "S"})
    db["campaigns"].insert({"id": 2, "slug": "other", "title": "Other", "status": "live",
                            "opening": plural, "closing": "C", "subject": "S"})
    assert migrations.apply(db)[0] == "m011_launch_opening_for_any_number_of_asks"
    assert db["campaigns"].get(1)["opening"] == launch["opening"]
    assert db["campaigns"].get(2)["opening"] == plural  # not the launch campaign: untouched
    entry = next(db.query("select * from campaign_history where campaign_id = 1"))
    assert "migration 11" in entry["action"]
    assert json.loads(entry["snapshot"])["opening"] == launch["opening"]  # as after the change


def test_migration_11_keeps_an_opening_staff_edited(tmp_path):
    db = _database_before(tmp_path, "m011_launch_opening_for_any_number_of_asks")
    launch = LAUNCH_AT_M011
    db["campaigns"].insert({"id": 1, "slug": launch["slug"], "title": "Launch", "status": "live",
                            "opening": "Our own opening.", "closing": "C", "subject": "S"})
    migrations.apply(db)
    assert db["campaigns"].get(1)["opening"] == "Our own opening."
    assert not list(db.query("select * from campaign_history where kind = 'wording'"))


def test_choices_are_drawn_within_a_phrasing():
    text = "I [[hope|would like]] you [[will|can]] help."
    assert {choose(text, seed, "x") for seed in range(40)} == {
        "I hope you will help.", "I hope you can help.", "I would like you will help.",
        "I would like you can help."}


def test_a_draw_is_stable_for_a_seed_and_varies_between_seeds():
    text = "One.\n\nTwo.\n\nThree."
    assert choose(text, 42, "opening") == choose(text, 42, "opening")
    assert {choose(text, seed, "opening") for seed in range(30)} == {"One.", "Two.", "Three."}


def test_two_letters_with_the_same_asks_differ(journey):
    bodies = []
    for seed in ("1", "2"):
        journey.page = ""
        journey.find_mp("E8 1DY")
        asks = journey.ask_ids()[:3]
        # Every textarea emptied (the seed's own suggestions), unticked asks' too: an
        # unticked ask's paragraph in another seed's wording would read as the writer's change.
        journey.write(asks=asks, seed=seed, **{name: "" for name in textareas(journey.page)
                                                if name.startswith("para-")})
        # One letter on the page (the email copy block may repeat its text elsewhere).
        assert journey.page.count('<article class="letter"') == 1
        bodies.append(_letter_text(journey))
        assert bodies[-1].count("Dear Ms Abbott") == 1
    assert bodies[0] != bodies[1]


def test_preview_pdf_and_docx_use_the_same_phrasings(journey):
    journey.find_mp("E8 1DY")
    ask = journey.ask_ids()[2]
    journey.write(asks=[ask])
    preview = _letter_text(journey)
    suggested = journey.suggested[f"ask-{ask}"]
    assert suggested in preview
    pdf = " ".join(pdf_text(journey.download("pdf").data).split())
    docx = docx_paragraphs(journey.download("docx").data)
    for key in ("opening", f"ask-{ask}", "closing"):
        assert " ".join(journey.suggested[key].split()) in pdf
        assert journey.suggested[key] in docx


def test_edited_paragraphs_reach_the_preview_and_both_files(journey):
    journey.find_mp("E8 1DY")
    ask = journey.ask_ids()[0]
    journey.write(asks=[ask], **{f"para-ask-{ask}": EDIT,
                                 "para-closing": "Do write back to me.\r\n\r\nThank you."})
    assert EDIT in _letter_text(journey)
    assert journey.suggested[f"ask-{ask}"] not in _letter_text(journey)
    pdf = " ".join(pdf_text(journey.download("pdf").data).split())
    docx = docx_paragraphs(journey.download("docx").data)
    assert EDIT in pdf and EDIT in docx
    assert "Do write back to me." in docx and "Thank you." in docx


def test_reset_puts_the_suggested_wording_back(journey):
    journey.find_mp("E8 1DY")
    ask = journey.ask_ids()[0]
    journey.write(asks=[ask], **{f"para-ask-{ask}": EDIT, f"reset-ask-{ask}": "1"})
    assert EDIT not in _letter_text(journey)
    assert journey.suggested[f"ask-{ask}"] in _letter_text(journey)


def test_editing_again_brings_the_edits_back(journey):
    journey.find_mp("E8 1DY")
    ask = journey.ask_ids()[0]
    journey.write(asks=[ask], **{f"para-ask-{ask}": EDIT})
    from tests.campaign.helpers import hidden
    response = journey.client.post(f"/c/{journey.slug}/edit", data={
        "letter": hidden(journey.page, "letter"), "csrf_token": hidden(journey.page, "csrf_token")},
        follow_redirects=True)
    assert EDIT in response.get_data(as_text=True)


def test_an_over_long_edit_is_refused_and_kept(journey):
    journey.find_mp("E8 1DY")
    ask = journey.ask_ids()[0]
    long_edit = "My own words. " * 100
    response = journey.write(asks=[ask], **{f"para-ask-{ask}": long_edit})
    assert response.status_code == 422
    assert "keep it under 1,200" in page_text(journey.page)
    assert long_edit.strip() in journey.page


def test_the_note_is_capped_in_lines(journey):
    journey.find_mp("E8 1DY")
    response = journey.write(note="x\n" * 600)
    assert response.status_code == 422
    assert "Keep your own words under 20 lines." in page_text(journey.page)


def test_prompts_are_shown_beside_the_note(journey):
    journey.find_mp("E8 1DY")
    text = page_text(journey.page)
    assert "Why does protecting young people from exploitation matter to you?" in text


def test_the_reply_contact_is_printed_under_the_address(journey):
    journey.find_mp("E8 1DY")
    journey.write(contact="07700 900123")
    pdf = pdf_text(journey.download("pdf").data)
    assert pdf.index("E8 1DY") < pdf.index("07700 900123") < pdf.index("House of Commons")
    envelope = pdf_text(journey.download("envelope").data)
    assert "07700" not in envelope


def test_migration_9_converts_wording_and_sets_aside_what_it_cannot(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.sqlite3")
    migrations.apply(db, stop_before="m009_plain_wording")
    launch = LAUNCH_AT_M011  # what m009 installs, whatever launch-campaign.json says now
    first = {"opening": FIRST_SHIPPED_OPENING, "closing": as_first_shipped(launch["closing"])}
    db["campaigns"].insert({"id": 1, "slug": launch["slug"], "title": "Launch",
                            "status": "live", "subject": "Subject", **first})
    db["asks"].insert({"id": 1, "campaign_id": 1, "title": launch["asks"][0]["title"],
                       "paragraph": as_first_shipped(launch["asks"][0]["paragraph"])})
    db["campaigns"].insert({"id": 2, "slug": "old", "title": "Old", "status": "live",
                            "opening": "I live in {{constituency}}.{# note #}",
                            "closing": "{% for x in range(9) %}Reply{% endfor %}",
                            "subject": "{{- mp_name -}}: please act"})
    db["asks"].insert({"id": 2, "campaign_id": 2, "title": "Ask",
                       "paragraph": "First part.\n\nSecond part of one paragraph."})
    assert migrations.apply(db)[0] == "m009_plain_wording"
    launch_row = db["campaigns"].get(1)
    assert launch_row["opening"] == launch["opening"]  # as shipped, so it gains phrasings
    # As m009 installs it, less the "First," that m030 (issue 29) took from it.
    assert db["asks"].get(1)["paragraph"] == launch["asks"][0]["paragraph"].replace(
        "First, the law", "The law", 1)
    assert launch_row["prompts"] == launch["prompts"]
    old = db["campaigns"].get(2)
    assert old["opening"] == "I live in {{constituency}}."
    assert old["subject"] == "{{ mp_name }}: please act"
    assert "{%" not in old["closing"] and "closing could not be converted" in old["wording_review"]
    assert db["asks"].get(2)["paragraph"] == "First part.\nSecond part of one paragraph."
    set_aside = list(db.query("select * from campaign_history where campaign_id = 2"))
    assert "{% for x in range(9) %}" in set_aside[0]["snapshot"]


def test_emoji_are_refused_as_emoji_not_as_foreign_letters():
    from campaign.public.forms import unprintable_message

    message = unprintable_message("Thank you 🙏🏽 Zoë")
    # The skin tone is not named apart from its emoji, and the advice is about emoji.
    assert message == ("Our letter's typeface cannot print 🙏. A printed letter can't show "
                       "emoji or symbols like these: please leave them out.")
    assert "Latin letters" in unprintable_message("李雷")
    assert unprintable_message("Siân Ëlira Çela-Łukasz, Glyndŵr Road") == ""


def test_names_the_font_cannot_print_are_refused_naming_the_characters(journey):
    journey.find_mp("E8 1DY")
    response = journey.write(full_name="李雷 Li Lei 😀")
    assert response.status_code == 422
    assert "Our letter's typeface cannot print 李 雷 😀." in page_text(journey.page)
    assert 'value="李雷 Li Lei 😀"' in journey.page  # nothing lost


def test_joiners_are_kept_in_the_preview_and_docx_and_never_drawn_as_boxes(journey):
    journey.find_mp("E8 1DY")
    name = "Mehr\u200cnaz Kha\u200dn"
    assert journey.write(full_name=name).status_code == 200
    assert name in journey.page
    assert name in docx_paragraphs(journey.download("docx").data)
    assert "Mehrnaz Khan" in pdf_text(journey.download("pdf").data)
