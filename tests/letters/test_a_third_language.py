"""What a third language needs of the letters/ library: one register entry and one word
table (letters.languages), nothing else. Here a Scottish Gaelic entry, made up for the
test (its words are not a translator's), is added to the register for one test.

The site then needs one gettext catalogue (campaign/translations/<code>) and one
migration adding its text columns, named by `Language.column` ("subject_gd"): see
tests/campaign/site/test_a_third_language_on_the_site.py.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from letters import MP, Ask, Wording, compose_letter, english_words
from letters.languages import REGISTER, Language, language_for, translations, words_for
from letters.model import Sender
from letters.render_docx import render_docx
from letters.render_pdf import render_pdf

#: The one word table a language brings (these few words changed for the test).
GAELIC_WORDS = replace(english_words.WORDS, dear="A {name}", valediction="Is mise le meas",
                       member="BP", letter_to="Litir gu {mp}")
GAELIC = Language(code="gd", page_tag="gd", letter_tag="gd-GB", own_name="Gàidhlig",
                  english_name="Scottish Gaelic", prefix="/gd", words=GAELIC_WORDS,
                  ons_names=re.compile(r"^pcon\d*nmg$"))

MP_ABBOTT = MP(member_id=172, display_as="Ms Diane Abbott",
               full_title="Rt Hon Diane Abbott MP", address_as="Ms Abbott",
               party="Independent", constituency="Hackney North and Stoke Newington")
SENDER = Sender(full_name="Sam Writer", address_lines=("1 High Street", "London"), postcode="E8 1AA")


@pytest.fixture
def gaelic(monkeypatch):
    """The register with the made-up third language in it, for one test."""
    monkeypatch.setitem(REGISTER, GAELIC.code, GAELIC)
    return GAELIC


def _letter(language: str):
    return compose_letter(wording=Wording(opening="I live in {{ constituency }}.",
                                          closing="Please reply."),
                          asks=[Ask(id=1, title="Rivers", paragraph="Clean the rivers.")],
                          mp=MP_ABBOTT, sender=SENDER, today=date(2026, 1, 5),
                          language=language)


def test_a_language_not_in_the_register_is_refused():
    with pytest.raises(ValueError, match="A letter can be written in en or cy, not 'gd'"):
        words_for("gd")


def test_one_register_entry_and_one_word_table_give_a_letter_in_it(gaelic):
    letter = _letter("gd")
    assert letter.salutation == "A Ms Abbott"
    assert letter.valediction == "Is mise le meas"
    assert letter.recipient_lines[0] == "Rt Hon Diane Abbott BP"  # "MP" is its word
    assert letter.date_text == "5 dhen Fhaoilleach 2026"  # the month from Babel's CLDR data
    assert letter.document_title == "Litir gu Diane Abbott"
    assert letter.file_tag == "gd-GB"
    assert letter.paragraphs == _letter("en").paragraphs  # staff's wording, as written
    pdf = render_pdf(letter)
    assert PdfReader(BytesIO(pdf)).trailer["/Root"]["/Lang"] == "gd-GB"
    assert "Is mise le meas" in "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    paragraphs = [p.text for p in Document(BytesIO(render_docx(letter))).paragraphs]
    assert "A Ms Abbott" in paragraphs and "Is mise le meas" in paragraphs


def test_the_register_names_its_columns_pages_and_label(gaelic):
    assert [language.code for language in translations()] == ["cy", "gd"]
    assert gaelic.column("subject") == "subject_gd"
    assert gaelic.english_of("subject_gd") == "subject" and gaelic.english_of("subject_cy") is None
    assert language_for("en").column("subject") == "subject"
    assert gaelic.label == "Scottish Gaelic (Gàidhlig)"
    assert language_for("en").label == "English"
    assert gaelic.ons_names.match("pcon24nmg") and not gaelic.ons_names.match("pcon24nm")
