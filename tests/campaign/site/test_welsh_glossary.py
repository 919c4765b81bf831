"""The Welsh a careful reader trusts (issue 33): every Welsh text the site ships (the
catalogue, the letter's fixed words, the launch campaign's Welsh, the static error
pages) keeps to campaign/translations/cy/GLOSSARY.md, and each correction the review
asked for is pinned where a reader meets it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sqlite_utils
from babel.messages.pofile import read_po

from campaign import migrations
from campaign.campaigns.launch import launch_campaign_data
from campaign.migrations.launch_review import CORRECTIONS, correct_launch_campaign
from letters.languages import words_for

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = ROOT / "campaign" / "translations" / "cy" / "LC_MESSAGES" / "messages.po"
GLOSSARY = ROOT / "campaign" / "translations" / "cy" / "GLOSSARY.md"
DATA = launch_campaign_data()


def _catalogue() -> dict[str, str]:
    with CATALOGUE.open("rb") as handle:
        catalog = read_po(handle)
    return {(m.id if isinstance(m.id, str) else m.id[0]):
            (m.string if isinstance(m.string, str) else " ".join(m.string))
            for m in catalog if m.id}


def _campaign_welsh(value=DATA, path: str = "") -> dict[str, str]:
    """Every `_cy` text of the launch campaign, by where it is."""
    found: dict[str, str] = {}
    if isinstance(value, dict):
        for key, inner in value.items():
            if isinstance(inner, str) and key.endswith("_cy"):
                found[f"{path}/{key}"] = inner
            else:
                found.update(_campaign_welsh(inner, f"{path}/{key}"))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found.update(_campaign_welsh(inner, f"{path}[{index}]"))
    return found


def _error_pages_welsh() -> dict[str, str]:
    pages = {}
    for page in sorted((ROOT / "static" / "errors").glob("*.html")):
        html = page.read_text("utf-8")
        match = re.search(r'<section id="cymraeg" lang="cy".*?</section>', html, re.S)
        if match:
            pages[page.name] = re.sub(r"<[^>]+>", " ", match.group(0))
    return pages


def _letter_words() -> dict[str, str]:
    words = words_for("cy")
    return {name: str(getattr(words, name)) for name in words.__dataclass_fields__}


WELSH_TEXTS = {
    **{f"catalogue: {key}": text for key, text in _catalogue().items()},
    **{f"launch campaign {key}": text for key, text in _campaign_welsh().items()},
    **{f"error page {key}": text for key, text in _error_pages_welsh().items()},
    **{f"letter words {key}": text for key, text in _letter_words().items()},
}

#: Variants the glossary rejects, each with the reason a reader is given.
REJECTED = {
    r"\bsafle(oedd)?\b": "a website is 'gwefan' (Termiadur, WriteToThem)",
    r"(?:\b[Yy]|[’']r) Senedd\b(?! (?:Cymru|y DU|yr Alban))":
        "bare 'y Senedd' is the Welsh Parliament: Westminster is 'Senedd y DU'",
    # Also where a choice ends in "i": "[[holi|gyflwyno cwestiynau i]] eich".
    r"\bi(?:\]\])? eich\b": "'i eich' contracts to 'i'ch'",
    r"\bi fy\b": "'i fy' contracts to 'i'm'",
    r"\bhwnna\b": "'hwn', not the colloquial 'hwnna'",
    r"\bchwilotwr\b": "'offeryn chwilio am god post'",
    r"cyfrif am fwy": "a calque of 'count for more'",
    r"ar hyd y ffordd": "a calque of 'along the way'",
    r"\bDoes dim\b": "'Nid oes dim' on a formal page",
    r"Members API": "'API Aelodau Senedd y DU' in Welsh text",
    r"\bdata OS\b": "'data'r Arolwg Ordnans'",
    r"\barwyddo\b": "the sign-off is 'diweddglo'",
    r"llythyren a rhif": "'o lythrennau a rhifau'",
    r"Fe[’']i anfon": "'Fe'i hanfonoch'",
    r"\bun plaen\b": "'amlen' is feminine: 'un blaen'",
    r"%\(first\)s a %\(second\)s": "'a'/'ac' and its mutation depend on the next word",
    r"\bdros %\(constituency\)s": "a Welsh seat name after 'dros' would mutate",
    r"\bceisiadau\b(?! am hyd)(?!’)": "'ceisiadau' is HTTP requests; asks are 'pethau'",
    r"\bdenu neu eu gorfodi\b|\bwedi cael eu denu\b": "groomed is 'meithrin perthynas amhriodol'",
    r"mewnforio %\(day\)s": "'wedi'u mewnforio ar %(day)s'",
}


@pytest.mark.parametrize("pattern", REJECTED)
def test_no_welsh_text_uses_a_rejected_variant(pattern):
    offenders = [where for where, text in WELSH_TEXTS.items() if re.search(pattern, text)]
    # "Terfynau ar geisiadau": requests, where the word is right.
    offenders = [where for where in offenders
                 if not (pattern.startswith(r"\bceisiadau") and "requests" in where.lower())]
    assert offenders == [], f"{REJECTED[pattern]}: {offenders}"


def test_the_checks_see_every_kind_of_welsh_text():
    kinds = {where.split(":")[0].split(" /")[0].split(" [")[0] for where in WELSH_TEXTS}
    assert any(k.startswith("catalogue") for k in kinds)
    assert any(k.startswith("launch campaign") for k in kinds)
    assert any(k.startswith("error page") for k in kinds)
    assert any(k.startswith("letter words") for k in kinds)
    assert len(WELSH_TEXTS) > 450


def test_the_glossary_names_each_chosen_term_and_its_source():
    glossary = GLOSSARY.read_text("utf-8")
    for term in ("gwefan", "Senedd y DU", "AS dros etholaeth", "Syr", "y Fonesig", "diweddglo",
                 "i gyd ar yr un pryd", "meithrin perthynas amhriodol", "PCON24NMW",
                 "Termiadur", "WriteToThem", "fluent"):
        assert term in glossary, term


#: msgid -> the Welsh a reader now gets, as the review asked.
PINNED = {
    "Parliament is dissolved for a general election":
        "Mae Senedd y DU wedi’i diddymu ar gyfer etholiad cyffredinol",
    "Enter the reference on your copy of the letter: 8 letters and numbers, like K7QM4TZX.":
        "Rhowch y cyfeirnod sydd ar eich copi o’r llythyr: 8 o lythrennau a rhifau, fel "
        "K7QM4TZX.",
    "The asks you chose have changed. Please choose again.":
        "Mae’r pethau a ddewisoch wedi newid. Dewiswch eto.",
    "We found your constituency but not its MP just now. Please try again later.":
        "Rydym wedi dod o hyd i’ch etholaeth ond nid i’w hAS ar hyn o bryd. Rhowch gynnig "
        "arall arni yn nes ymlaen.",
    "%(first)s and %(second)s": "%(first)s, %(second)s",
    "Find my MP": "Dod o hyd i’m AS",
    "%(party)s MP for %(constituency)s": "AS %(party)s dros etholaeth %(constituency)s",
    "About this site": "Ynglŷn â’r wefan hon",
    "That doesn't look like a UK postcode. Check it and try again: a postcode looks like "
    "E8 1DY.": "Nid yw hwn yn edrych fel cod post yn y DU. Gwiriwch ef a rhowch gynnig arall "
               "arni: mae cod post yn edrych fel E8 1DY.",
}

#: msgid -> a phrase its Welsh must hold.
PINNED_PHRASES = {
    "You sent it from your own email to %(address)s: nothing went through this site, and "
    "we keep no copy.": "Fe’i hanfonoch o’ch e-bost eich hun",
    "Too long to open in an email app in one go: copy it into a new email to %(address)s.":
        "i gyd ar yr un pryd",
    "This campaign is written in English for now. You can still use these pages in Welsh, "
    "and your letter's greeting, date, address block and sign-off will be in Welsh.":
        "a diweddglo eich llythyr",
    "Postcodes are looked up on this server, in the ONS %(release)s (%(count)s postcodes, "
    "imported %(day)s).": "wedi’u mewnforio ar %(day)s",
    "Folded in three, the address shows through the window of a standard long envelope "
    "(DL, 110 by 220 mm). No window envelope? Print the address on a plain one:":
        "ar un blaen",
    "This site is run by %(organisation)s, the data controller for what you type here. "
    "Contact: %(email)s.": "Caiff y wefan hon ei rhedeg gan %(organisation)s",
    "Every paragraph of your letter is yours to change: open “Read or change” under any "
    "part. Letters in a writer's own words count for more.": "yn cael mwy o effaith",
    "Parliament has been dissolved for a general election, so until then there are no MPs. "
    "You can write your letter once the new Parliament meets, to the MP your constituency "
    "elects.": "pan fydd Senedd newydd y DU yn cyfarfod",
}


def test_each_corrected_catalogue_entry_says_what_the_review_asked():
    catalogue = _catalogue()
    for msgid, welsh in PINNED.items():
        assert catalogue[msgid] == welsh, msgid
    for msgid, phrase in PINNED_PHRASES.items():
        assert phrase in catalogue[msgid], msgid
    credits = [text for msgid, text in catalogue.items() if "Contains OS data" in msgid]
    assert len(credits) == 2
    assert all("Yn cynnwys data’r Arolwg Ordnans © Hawlfraint y Goron" in t for t in credits)
    privacy = next(text for msgid, text in catalogue.items()
                   if msgid.startswith("<strong>Your MP</strong> comes from"))
    assert "API Aelodau Senedd y DU (%(host)s)" in privacy


def test_the_launch_campaigns_corrected_welsh():
    assert DATA["subject_cy"] == ("Camau yn erbyn rhwydweithiau masnachu pobl, ac "
                                  "amddiffyniad i'w dioddefwyr")
    assert DATA["thank_you_cy"] == ("Mae'r ymgyrch hon wedi cau. Diolch i bawb a ysgrifennodd "
                                    "at eu hAS.")
    # The site's own thanks for a closed campaign says the same.
    assert _catalogue()["This campaign has closed. Thank you to everyone who wrote to their "
                        "MP."] == DATA["thank_you_cy"].replace("'", "’")
    assert "[[holi'ch|gyflwyno cwestiynau i'ch]]" in DATA["minister_closing_cy"]
    support = next(ask for ask in DATA["asks"] if ask["title"] == "Full support for victims")
    assert ("[[Mae angen cymorth llawn ar ddioddefwyr masnachu pobl|Mae dioddefwyr masnachu "
            "pobl yn haeddu cymorth llawn]]") in support["paragraph_cy"]
    assert "Ni ddylai neb gael ei erlyn am yr hyn y cafodd ei orfodi" in support["paragraph_cy"]
    victims = next(ask for ask in DATA["asks"]
                   if ask["title"] == "Treat exploited children as victims first")
    assert victims["paragraph_cy"].count("meithrin perthynas amhriodol") == 3
    assert victims["paragraph"].count("groomed") == 3


def test_the_english_help_page_names_meic_as_the_welsh_does():
    line = ("- Meic, the helpline for children and young people in Wales, free and "
            "confidential, in Welsh or English: call 080880 23456.")
    assert line in DATA["help_text"].splitlines()
    assert "080880 23456" in DATA["help_text_cy"]
    assert len(DATA["help_text"].splitlines()) == len(DATA["help_text_cy"].splitlines())


def _as_shipped_before(path) -> sqlite_utils.Database:
    """A database that loaded the launch campaign before the review (m026): today's
    texts with each corrected one put back as it shipped, and one ask staff edited."""
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m026_launch_welsh_review")
    row = {key: value for key, value in DATA.items()
           if isinstance(value, str) and key not in ("slug",)} | {"slug": DATA["slug"]}
    row.update({column: shipped for column, (shipped, _) in CORRECTIONS["campaign"].items()})
    campaign_id = db["campaigns"].insert(row).last_pk
    for position, ask in enumerate(DATA["asks"], start=1):
        values = {key: value for key, value in ask.items() if isinstance(value, str)}
        for column, (shipped, _) in CORRECTIONS["asks"].get(ask["title"], {}).items():
            values[column] = shipped
        if ask["title"] == "Full support for victims":
            values["paragraph_cy"] = "Cymraeg y staff."
        db["asks"].insert({"campaign_id": campaign_id, "position": position, "enabled": 1,
                           **values})
    return db


def test_migration_26_corrects_what_is_still_as_shipped_and_says_so(tmp_path):
    db = _as_shipped_before(tmp_path / "old.sqlite3")
    # (and those after it: m030 is issue 29's corrections)
    assert migrations.apply(db) == ["m026_launch_welsh_review", "m028_letters_campaign_last_id",
                                    "m030_launch_wording_29", "m031_content_version"]
    row = db["campaigns"].get(1)
    for column in CORRECTIONS["campaign"]:
        assert row[column] == DATA[column], column
    asks = {ask["title"]: ask for ask in db.query("select * from asks")}
    assert asks["Full support for victims"]["paragraph_cy"] == "Cymraeg y staff."  # theirs
    victims = "Treat exploited children as victims first"
    assert asks[victims]["paragraph_cy"] == next(
        ask["paragraph_cy"] for ask in DATA["asks"] if ask["title"] == victims)
    history = list(db.query("select * from campaign_history where action like"
                            " '%migration 26%' order by id"))
    assert [(entry["kind"], entry["ask_id"]) for entry in history] == [
        ("campaign", None), ("ask", asks[victims]["id"])]
    assert json.loads(history[0]["snapshot"])["subject_cy"] == DATA["subject_cy"]
    assert all(entry["user_id"] is None for entry in history)
    before = list(db.conn.iterdump())
    correct_launch_campaign(db)  # again, by hand: nothing is as shipped any more
    assert list(db.conn.iterdump()) == before
