"""The launch campaign ships with its Welsh (issue 25): every text a writer reads or
sends has a Welsh version beside its English in campaign/data/launch-campaign.json,
passing the checks staff wording passes."""
from __future__ import annotations

import re

import pytest

from campaign.campaigns import THANK_YOU_PLACEHOLDERS
from campaign.campaigns.help_text import MAX_HELP_TEXT
from campaign.campaigns.launch import launch_campaign_data
from campaign.campaigns.welsh import WELSH_TEXTS, welsh_column
from campaign.staff.editing import MAX_BODY_LENGTH, MAX_NOTE_LENGTH, prompt_problems
from letters.fonts import unprintable_characters
from letters.phrasings import choose
from letters.typed_text import clean_line, clean_paragraphs
from letters.wording import check_wording, split_phrasings, wording_problems

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
        for name in WELSH_TEXTS[table]:
            found.append((where, table, name, row.get(name) or "",
                          row.get(welsh_column(name)) or ""))

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
