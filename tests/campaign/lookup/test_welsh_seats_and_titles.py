"""Welsh seat names and titles (issue 33): a Welsh letter from Cardiff North says
"Gogledd Caerdydd", one to a knight "Syr", one to a dame "y Fonesig", and the ONS
import reads the Welsh-name column."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from campaign.demo.dataset import FakeMP, FakePostcode
from campaign.lookup.constituencies import shipped, shipped_in
from campaign.lookup.directory import load_directory
from campaign.lookup.local_source import directory_path
from campaign.lookup.ons_files import InputFile, all_constituency_names, find_inputs
from letters.addressing import salutation
from letters.compose import compose_letter
from letters.model import MP, Ask, Sender, Wording
from tests.campaign.helpers import Journey, page_text, welsh_journey
from tests.letters.helpers import docx_paragraphs, pdf_text

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"

CARDIFF_NORTH = FakePostcode("CF14 3AA", "W07000090", "Cardiff North", "Wales")
# Made-up members for the seat, as the fake Members API makes up "Member for ..."
# for the seats it has no real MP for: a knight and a dame.
KNIGHT = FakeMP(900901, "Sir Huw Example", "Rt Hon Sir Huw Example MP", "Sir Huw",
                "Labour", "Cardiff North", "M", "Example, Sir Huw")
DAME = FakeMP(900902, "Dame Siân Example", "Dame Siân Example MP", "Dame Siân",
              "Labour", "Cardiff North", "F", "Example, Dame Siân",
              government_posts=("Minister of State (Wales Office)",))


def test_the_32_welsh_seats_have_their_official_welsh_names():
    welsh = shipped_in("cy")
    english = shipped()
    assert sorted(welsh) == sorted(code for code in english if code.startswith("W"))
    assert len(welsh) == 32
    assert welsh["W07000090"] == "Gogledd Caerdydd"
    assert welsh["W07000082"] == "Alun a Glannau Dyfrdwy"
    assert welsh["W07000085"] == "Aberhonddu, Maesyfed a Chwm Tawe"
    assert welsh["W07000112"] == "Ynys Môn" == english["W07000112"]
    data = json.loads((Path(__file__).parents[3] / "campaign" / "data"
                       / "constituencies-2024-cy.json").read_text("utf-8"))
    assert "PCON24NMW" in data["source"] and "Open Government Licence" in data["licence"]


@pytest.mark.skipif(not (SHARED / "constituencies-2024.json").exists(),
                    reason="the shared reference data is not beside this checkout")
def test_the_welsh_names_are_for_the_seats_the_reference_data_lists_in_wales():
    reference = json.loads((SHARED / "constituencies-2024.json").read_text("utf-8"))
    codes = reference.get("constituencies", reference)
    assert set(shipped_in("cy")) == {code for code in codes if code.startswith("W")}


def _names_csv(path: Path, rows: list[tuple[str, str, str]], welsh_column: bool = True) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["PCON24CD", "PCON24NM", "PCON24NMW"] if welsh_column
                        else ["PCON24CD", "PCON24NM"])
        for row in rows:
            writer.writerow(row if welsh_column else row[:2])
    return path


def test_the_ons_names_table_gives_its_welsh_names_too(tmp_path):
    path = _names_csv(tmp_path / "PCON24 names and codes.csv", [
        ("W07000090", "Cardiff North", "Gogledd Caerdydd"),
        ("E14001259", "Hackney North and Stoke Newington", ""),
    ])
    english, translated = all_constituency_names(InputFile(path, kind="names"))
    assert english["W07000090"] == "Cardiff North"
    assert translated == {"cy": {"W07000090": "Gogledd Caerdydd"}}  # English seats have none
    older = _names_csv(tmp_path / "older.csv", [("W07000090", "Cardiff North", "")],
                       welsh_column=False)
    assert all_constituency_names(InputFile(older, kind="names"))[1] == {}


def test_an_imported_welsh_name_reaches_the_directory_and_the_lookup(app, runner, tmp_path):
    onspd = Path(__file__).parents[1] / "fixtures" / "postcodes" / "ONSPD_NOV_2024_UK_TN.csv"
    names = _names_csv(tmp_path / "Westminster names and codes.csv",
                       [("W07000090", "Cardiff North", "Gogledd Caerdydd (o'r ffeil)")])
    assert [item.kind for item in find_inputs([names])] == ["names"]
    result = runner.invoke(args=["postcodes", "import", str(onspd), str(names)])
    assert result.exit_code == 0, result.output
    directory = load_directory(directory_path(app.config))
    # The file's own Welsh wins; the shipped names fill the rest.
    assert directory.translated_names["cy"]["W07000090"] == "Gogledd Caerdydd (o'r ffeil)"
    assert directory.translated_names["cy"]["W07000112"] == "Ynys Môn"


def test_titles_in_welsh_letters():
    knight = MP(member_id=1, display_as="Sir Mel Stride", full_title="Rt Hon Sir Mel Stride MP",
                address_as="Sir Mel", party="Conservative", constituency="Central Devon")
    dame = MP(member_id=2, display_as="Dame Nia Griffith", full_title="Dame Nia Griffith MP",
              address_as="Dame Nia", party="Labour", constituency="Llanelli")
    wording = Wording(opening="I write to {{ mp_name }}.", closing="Thanks.", subject="S")
    sender = Sender(full_name="A Writer", address_lines=("1 Street",), postcode="SA15 1AA")

    def letter(mp, language):
        return compose_letter(wording=wording, asks=[Ask(id=1, title="A", paragraph="P.")],
                              mp=mp, sender=sender, today=date(2026, 1, 5),
                              language=language)

    welsh = letter(knight, "cy")
    assert welsh.recipient_lines[0] == "Y Gwir Anrh. Syr Mel Stride AS"
    assert welsh.salutation == "Annwyl Syr Mel"
    assert welsh.document_title == "Llythyr at Syr Mel Stride"
    assert welsh.paragraphs[0] == "I write to Syr Mel Stride."
    welsh = letter(dame, "cy")
    assert welsh.recipient_lines[0] == "Y Fonesig Nia Griffith AS"
    assert welsh.salutation == "Annwyl Fonesig Nia"  # a title after "Annwyl" mutates
    english = letter(knight, "en")
    assert english.recipient_lines[0] == "Rt Hon Sir Mel Stride MP"
    assert english.salutation == "Dear Sir Mel"
    assert salutation(dame, "en") == "Dear Dame Nia"


def _welsh_letter_from_cardiff_north(client, fake_postcodes, fake_members, monkeypatch, mp):
    monkeypatch.setitem(fake_postcodes.postcodes, "CF143AA", CARDIFF_NORTH)
    fake_members.replace("Cardiff North", mp)
    journey = welsh_journey(client)
    journey.open()
    journey.find_mp("CF14 3AA")
    card = page_text(journey.page)
    assert journey.write().status_code == 200
    return journey, card


def test_a_welsh_letter_from_cardiff_north_to_a_knight(client, fake_postcodes, fake_members,
                                                        monkeypatch):
    journey, card = _welsh_letter_from_cardiff_north(client, fake_postcodes, fake_members,
                                                     monkeypatch, KNIGHT)
    assert "AS Llafur dros etholaeth Gogledd Caerdydd" in card
    assert "Cardiff North" not in card
    pdf = " ".join(pdf_text(journey.download("pdf").data).split())
    docx = " ".join(" ".join(docx_paragraphs(journey.download("docx").data)).split())
    for text in (pdf, docx):
        assert "Y Gwir Anrh. Syr Huw Example AS" in text
        assert "Annwyl Syr Huw" in text
        assert "yn etholaeth Gogledd Caerdydd" in text
        assert "Cardiff North" not in text and "Sir Huw" not in text


def test_a_welsh_letter_from_cardiff_north_to_a_dame_minister(client, fake_postcodes,
                                                             fake_members, monkeypatch):
    journey, card = _welsh_letter_from_cardiff_north(client, fake_postcodes, fake_members,
                                                     monkeypatch, DAME)
    assert '<span lang="en">Minister of State (Wales Office)</span>' in journey.page
    pdf = " ".join(pdf_text(journey.download("pdf").data).split())
    assert "Y Fonesig Siân Example AS Minister of State (Wales Office)" in pdf
    assert "Annwyl Fonesig Siân" in pdf
    assert "Gogledd Caerdydd" in pdf and "Cardiff North" not in pdf


def test_an_english_letter_from_cardiff_north_keeps_the_english_name(client, fake_postcodes,
                                                                     fake_members,
                                                                     monkeypatch):
    monkeypatch.setitem(fake_postcodes.postcodes, "CF143AA", CARDIFF_NORTH)
    fake_members.replace("Cardiff North", KNIGHT)
    journey = Journey(client)
    journey.find_mp("CF14 3AA")
    assert "Labour MP for Cardiff North" in page_text(journey.page)
    assert journey.write().status_code == 200
    pdf = " ".join(pdf_text(journey.download("pdf").data).split())
    assert "Rt Hon Sir Huw Example MP" in pdf and "Dear Sir Huw" in pdf
    assert "Cardiff North" in pdf and "Gogledd Caerdydd" not in pdf
