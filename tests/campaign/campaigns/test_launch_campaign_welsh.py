"""The launch campaign ships with its Welsh (issue 25): every text a writer reads or
sends has a Welsh version beside its English in campaign/data/launch-campaign.json,
passing the checks staff wording passes."""
from __future__ import annotations

import json
import re

import pytest
import sqlite_utils

from campaign import migrations
from campaign.campaigns import THANK_YOU_PLACEHOLDERS, campaign_by_slug, enabled_asks
from campaign.campaigns.devolution import save_rules
from campaign.campaigns.help_text import MAX_HELP_TEXT
from campaign.campaigns.launch import insert_targets, launch_campaign_data, shipped_rules
from campaign.campaigns.translations import TEXTS as TRANSLATED_TEXTS
from campaign.campaigns.translations import columns
from campaign.campaigns.translations import gaps as translation_gaps
from campaign.db import get_db
from campaign.migrations.launch_at_m015 import LAUNCH_AT_M015
from campaign.migrations.launch_at_m021 import LAUNCH_AT_M021
from campaign.migrations.launch_welsh import give_launch_campaign_its_welsh
from campaign.staff.editing.letter_wording import prompt_problems
from campaign.staff.editing.nation_rules import MAX_BODY_LENGTH, MAX_NOTE_LENGTH
from letters.fonts import unprintable_characters
from letters.languages import language_for
from letters.nations import Nation
from letters.phrasings import choose
from letters.typed_text import clean_line, clean_paragraphs
from letters.wording import check_wording, split_phrasings, wording_problems
from tests.campaign.helpers import welsh_journey
from tests.letters.helpers import docx_paragraphs, pdf_text

DATA = launch_campaign_data()
# The letter's wording: phrasings and choices, checked as staff's wording is.
LETTER_WORDING = {"opening", "closing", "minister_closing", "shadow_closing",
                  "supporter_opening", "paragraph"}
ONE_LINE = {"title", "subject", "help_title", "help_footer", "decided_by", "explanation",
            "note"}
# The staff forms' limits (campaign.staff.forms) per text.
LIMITS = {("campaigns", "title"): 200, ("campaigns", "summary"): 600,
          ("campaigns", "intro"): 6000, ("campaigns", "thank_you"): 1000,
          ("campaigns", "help_title"): 80, ("campaigns", "help_footer"): 200,
          ("campaigns", "help_text"): MAX_HELP_TEXT, ("asks", "title"): 120,
          ("asks", "explanation"): 300, ("ask_nations", "decided_by"): MAX_BODY_LENGTH,
          ("ask_nations", "note"): MAX_NOTE_LENGTH}
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}")
_PHONE = re.compile(r"\b0\d{2,4}(?: \d{3,6}){1,2}\b|\b(?:999|101)\b")


def _texts():
    """(where, table, name, English, Welsh) for every text with a Welsh version."""
    found = []

    def add(where: str, table: str, row: dict) -> None:
        for name in TRANSLATED_TEXTS[table]:
            found.append((where, table, name, row.get(name) or "",
                          row.get(language_for("cy").column(name)) or ""))

    add("campaign", "campaigns", DATA)
    for number, ask in enumerate(DATA["asks"], start=1):
        add(f"ask {number}", "asks", ask)
        for code, rule in (ask.get("nations") or {}).items():
            add(f"ask {number} in {code}", "ask_nations", rule)
    return found


TEXTS = _texts()
WRITTEN = [text for text in TEXTS if text[3].strip()]
IDS = [f"{where}: {name}" for where, _table, name, _en, _cy in WRITTEN]


@pytest.mark.parametrize("where, table, name, english, welsh", TEXTS,
                         ids=[f"{t[0]}: {t[2]}" for t in TEXTS])
def test_welsh_is_written_exactly_where_the_english_is(where, table, name, english, welsh):
    assert bool(welsh.strip()) == bool(english.strip()), (where, name)


@pytest.mark.parametrize("where, table, name, english, welsh", WRITTEN, ids=IDS)
def test_the_welsh_keeps_the_englishs_placeholders_and_shape(where, table, name, english,
                                                             welsh):
    assert sorted(_PLACEHOLDER.findall(welsh)) == sorted(_PLACEHOLDER.findall(english))
    if name in LETTER_WORDING:
        assert len(split_phrasings(welsh)) == len(split_phrasings(english))
    # Typed into the staff form, the Welsh would be saved as it stands.
    cleaned = clean_line(welsh) if name in ONE_LINE else clean_paragraphs(welsh)
    assert cleaned == welsh
    assert len(welsh) <= LIMITS.get((table, name), 6000)


@pytest.mark.parametrize("where, table, name, english, welsh", WRITTEN, ids=IDS)
def test_the_welsh_passes_the_checks_the_english_passes(where, table, name, english, welsh):
    if name in LETTER_WORDING:
        check_wording(english)
        check_wording(welsh)
    elif name == "subject":
        check_wording(welsh, several=False)
    elif name == "prompts":
        assert prompt_problems(english) == [] and prompt_problems(welsh) == []
        assert len(welsh.splitlines()) == len(english.splitlines())
    elif name == "thank_you":
        assert wording_problems(welsh, placeholders=THANK_YOU_PLACEHOLDERS) == []
    # The letter's typeface prints every character: ŵ, ŷ, â, ï and the rest.
    assert not unprintable_characters(welsh), (where, name)


@pytest.mark.parametrize("where, table, name, english, welsh", WRITTEN, ids=IDS)
def test_no_english_is_copied_as_welsh(where, table, name, english, welsh):
    assert welsh != english
    # Not one English sentence (or clause) of a few words left in the Welsh: names of
    # things such as the Scottish Act or a helpline stay, shorter than that.
    for clause in re.split(r"[.;:?!\n]", english):
        words = _PLACEHOLDER.sub("", re.sub(r"\[\[|\]\]|\|", " ", clause)).split()
        if len(words) >= 6:
            assert clause.strip().lower() not in welsh.lower(), clause


def test_the_welsh_help_page_keeps_every_number_and_address_and_adds_meic():
    english, welsh = DATA["help_text"], DATA["help_text_cy"]
    assert set(_PHONE.findall(english)) <= set(_PHONE.findall(welsh))
    assert set(re.findall(r"https://\S+[^.\s]", english)) <= set(re.findall(r"https://\S+[^.\s]", welsh))
    assert "080880 23456" in welsh and "Meic" in welsh
    assert "999" in DATA["help_footer_cy"]
    # A help page has both a title and text (staff.editing's rule).
    assert DATA["help_title_cy"].strip() and welsh.strip()


def test_second_letters_stay_english():
    for target in DATA["targets"]:
        assert not [key for key in target if key.endswith("_cy")], target["office"]


def test_every_welsh_opening_suits_a_letter_with_one_ask():
    """As in English: no drawn opening promises several measures; each points below."""
    for name in ("opening_cy", "supporter_opening_cy"):
        drawn = {choose(DATA[name], seed, "opening") for seed in range(300)}
        assert len(drawn) > 10
        for text in drawn:
            assert "isod" in text, text
            for plural in ("mesurau", "sawl", "camau canlynol"):
                assert plural not in text, (plural, text)


# Loading it: a new install, and a database that loaded it in English only.

def test_a_new_install_offers_the_launch_campaign_in_welsh(app):
    with app.app_context():
        db = get_db()
        assert translation_gaps(db, 1, "cy") == []
        campaign = campaign_by_slug(db, DATA["slug"], "cy")
        asks = enabled_asks(db, 1, campaign.language)
    assert campaign.language == "cy" and campaign.title == DATA["title_cy"]
    assert campaign.wording.opening == DATA["opening_cy"]
    assert [ask.title for ask in asks] == [ask["title_cy"] for ask in DATA["asks"]]
    # Each ask's rules per nation come in Welsh too (kept beside what NationRule holds).
    scotland = asks[0].rule_for(Nation.SCOTLAND)
    assert scotland.decided_by == "Senedd yr Alban"
    assert scotland.paragraph == DATA["asks"][0]["nations"]["S"]["paragraph_cy"]
    assert asks[3].rule_for(Nation.WALES).note.startswith("Yng Nghymru, Llywodraeth Cymru")


def test_a_writer_in_ynys_mon_gets_the_whole_letter_in_welsh(client):
    journey = welsh_journey(client)
    journey.open()
    journey.find_mp("LL77 7TW")
    assert journey.write(asks=journey.ask_ids()).status_code == 200
    pdf = " ".join(pdf_text(journey.download("pdf").data).split())
    docx = " ".join(" ".join(docx_paragraphs(journey.download("docx").data)).split())
    for text in (pdf, docx):
        assert "Annwyl" in text and "Yn gywir" in text and "Ynys Môn" in text
        assert DATA["subject_cy"] in text
        # Every ask in Welsh, and none of the campaign's English around them.
        assert text.count("masnachu") >= 5  # in every phrasing of five of the asks
        for english in (" the ", " and ", "constituent", "trafficking", "Home Secretary"):
            assert english not in text, english


EDITED = 3  # the ask staff edit in the older database: "Full support for victims"
# The launch campaign as m021 gives it (frozen: the migration never reads today's file),
# and its rules and second letters as m015 and m016 gave them.
SHIPPED = LAUNCH_AT_M021
SHIPPED_TARGETS = LAUNCH_AT_M015["targets"]
# These tests are of m021 alone: later migrations (m026 corrects the Welsh m021 gave)
# are left out.
_NAMES = [m.name for m in migrations.MIGRATIONS._migrations]
AFTER_M021 = _NAMES[_NAMES.index("m021_launch_campaign_welsh") + 1]


def _english_only_database(path) -> sqlite_utils.Database:
    """A database from before m021 holding the launch campaign as loaded before it
    shipped its Welsh (every Welsh column empty), staff having edited ask 3's paragraph
    and written their own Welsh title."""
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m021_launch_campaign_welsh")
    english = {key: value for key, value in SHIPPED.items()
               if not key.endswith("_cy") and key not in ("asks", "targets")}
    campaign_id = db["campaigns"].insert({**english, "title_cy": "Teitl gan y staff"}).last_pk
    for position, ask in enumerate(SHIPPED["asks"], start=1):
        paragraph = ask["paragraph"] + (" Edited." if position == EDITED else "")
        ask_id = db["asks"].insert({
            "campaign_id": campaign_id, "position": position, "enabled": 1,
            "title": ask["title"], "explanation": ask["explanation"],
            "paragraph": paragraph}).last_pk
        # Its rules as m015 stored them, in English only.
        nations = LAUNCH_AT_M015["asks"][position - 1].get("nations") or {}
        save_rules(db, ask_id, shipped_rules(nations))
    insert_targets(db, campaign_id, SHIPPED_TARGETS)
    return db


def _contents(db: sqlite_utils.Database) -> list[str]:
    return list(db.conn.iterdump())


def test_the_migration_gives_an_older_launch_campaign_its_welsh_except_what_staff_changed(
        tmp_path):
    db = _english_only_database(tmp_path / "old.sqlite3")
    assert migrations.apply(db, stop_before=AFTER_M021) == ["m021_launch_campaign_welsh"]
    row = db["campaigns"].get(1)
    assert row["title_cy"] == "Teitl gan y staff", "Welsh staff wrote stays theirs"
    assert {name: row[name] for name in columns("campaigns", "cy") if name != "title_cy"} == {
        name: SHIPPED[name] for name in columns("campaigns", "cy") if name != "title_cy"}
    asks = list(db.query("select * from asks where campaign_id = 1 order by position"))
    edited = asks[EDITED - 1]
    assert [edited[name] for name in columns("asks", "cy")] == ["", "", ""]
    assert list(db.query("select * from ask_nations where ask_id = ? and"
                         " (decided_by_cy != '' or paragraph_cy != '' or note_cy != '')",
                         [edited["id"]])) == []
    # Everything else is in Welsh: the one ask staff changed is all that is missing.
    gaps = translation_gaps(db, 1, "cy")
    assert gaps and all(gap.startswith(f"Ask {EDITED}, “{edited['title']}”") for gap in gaps)
    assert f"Ask {EDITED}, “{edited['title']}”: the Welsh of its paragraph" in gaps
    first = asks[0]
    assert first["paragraph_cy"] == SHIPPED["asks"][0]["paragraph_cy"]
    rule = db.execute("select decided_by_cy, paragraph_cy, note_cy from ask_nations"
                      " where ask_id = ? and nation = 'S'", [first["id"]]).fetchone()
    shipped = SHIPPED["asks"][0]["nations"]["S"]
    assert rule == (shipped["decided_by_cy"], shipped["paragraph_cy"], shipped["note_cy"])
    # The history says what it did, as the things after the change.
    history = list(db.query("select * from campaign_history where action like"
                            " '%migration 21%' order by id"))
    assert [entry["kind"] for entry in history] == ["campaign"] + ["ask"] * 7
    assert {entry["ask_id"] for entry in history[1:]} == {
        ask["id"] for ask in asks if ask["id"] != edited["id"]}
    campaign_entry = json.loads(history[0]["snapshot"])
    assert campaign_entry["intro_cy"] == SHIPPED["intro_cy"] and "title_cy" not in campaign_entry
    assert campaign_entry["title"] == SHIPPED["title"]
    ask_entry = json.loads(history[1]["snapshot"])
    assert ask_entry["title_cy"] == SHIPPED["asks"][0]["title_cy"]
    assert ask_entry["nations"]["S"]["decided_by_cy"] == "Senedd yr Alban"
    assert ask_entry["nations"]["S"]["devolved"] is True
    assert all(entry["user_id"] is None for entry in history)


def test_the_migration_run_twice_changes_nothing(tmp_path):
    db = _english_only_database(tmp_path / "old.sqlite3")
    migrations.apply(db, stop_before=AFTER_M021)
    before = _contents(db)
    assert migrations.apply(db, stop_before=AFTER_M021) == []
    give_launch_campaign_its_welsh(db)  # even run again by hand: nothing left to fill
    assert _contents(db) == before


def test_the_migration_leaves_other_campaigns_alone(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.sqlite3")
    migrations.apply(db, stop_before="m021_launch_campaign_welsh")
    english = {key: value for key, value in SHIPPED.items()
               if not key.endswith("_cy") and key not in ("asks", "targets")}
    db["campaigns"].insert({**english, "slug": "a-copy"})
    migrations.apply(db)
    assert db["campaigns"].get(1)["intro_cy"] == ""
    assert db["campaign_history"].count == 0
