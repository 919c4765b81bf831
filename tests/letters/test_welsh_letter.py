"""A Welsh writer's letter: its fixed words in Welsh in the PDF, the DOCX and the envelope,
the campaign's wording as staff wrote it (issue 25). The email's Welsh is the site's:
tests/campaign/public/test_welsh_email.py."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO

import pytest
from docx import Document

from letters import MP, Ask, compose_letter
from letters.dates import letter_date
from letters.render_docx import render_docx
from letters.render_envelope import render_envelope_pdf
from letters.render_pdf import render_pdf
from tests.letters.helpers import (
    MP_ABBOTT,
    SENDER,
    WORDING,
    docx_paragraphs,
    make_letter,
    pdf_reader,
    pdf_runs,
    pdf_text,
    welsh_letter,
)

SPEAKER = MP(member_id=1, display_as="Sir Lindsay Hoyle", full_title="Sir Lindsay Hoyle MP",
             address_as="Sir Lindsay", party="Speaker", constituency="Chorley", gender="M")



def test_the_fixed_words_are_welsh_and_the_wording_is_the_campaigns():
    letter = welsh_letter()
    assert letter.salutation == "Annwyl Ms Abbott"  # the name as Parliament gives it
    assert letter.valediction == "Yn gywir"
    assert letter.date_text == "5 Ionawr 2026"
    assert letter.recipient_lines == ("Y Gwir Anrh. Diane Abbott AS", "Tŷ'r Cyffredin",
                                      "LLUNDAIN", "SW1A 0AA")
    assert letter.document_title == "Llythyr at Diane Abbott"
    english = make_letter()
    assert letter.paragraphs == english.paragraphs  # staff's wording, as written
    assert english.salutation == "Dear Ms Abbott" and english.valediction == "Yours sincerely"


def test_every_welsh_month_has_its_welsh_name_and_no_ordinal():
    months = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
              "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]
    for number, month in enumerate(months, start=1):
        assert letter_date(date(2026, number, 1), "cy") == f"1 {month} 2026"
    assert letter_date(date(2026, 11, 21), "en") == "21 November 2026"


def test_the_speaker_is_addressed_by_office_in_welsh():
    letter = welsh_letter(mp=SPEAKER)
    assert letter.salutation == "Annwyl Mr Llefarydd"
    assert letter.recipient_lines[:2] == ("Syr Lindsay Hoyle AS", "Llefarydd Tŷ'r Cyffredin")


def test_an_unknown_language_is_refused_with_a_sentence():
    with pytest.raises(ValueError, match="en or cy"):
        compose_letter(wording=WORDING, asks=[Ask(id=1, title="A", paragraph="P.")],
                       mp=MP_ABBOTT, sender=SENDER, today=date(2026, 1, 5), language="fr")


def test_the_welsh_pdf_reads_in_welsh_in_the_window_and_the_sign_off():
    data = render_pdf(welsh_letter())
    runs = pdf_runs(data)
    texts = [run.text for run in runs]
    window = [run for run in runs if run.text in ("Y Gwir Anrh. Diane Abbott AS",
                                                  "Tŷ'r Cyffredin", "LLUNDAIN", "SW1A 0AA")]
    assert [run.text for run in window] == ["Y Gwir Anrh. Diane Abbott AS", "Tŷ'r Cyffredin",
                                            "LLUNDAIN", "SW1A 0AA"]
    assert all(45 <= run.top <= 90 for run in window), "inside the DL window"
    assert "5 Ionawr 2026" in texts
    assert "Annwyl Ms Abbott" in texts and "Yn gywir" in texts
    text = pdf_text(data)
    for english in ("Dear", "Yours sincerely", "House of Commons", "LONDON", "November"):
        assert english not in text
    reader = pdf_reader(data)
    assert reader.metadata.title == "Llythyr at Diane Abbott"
    assert reader.trailer["/Root"]["/Lang"] == "cy-GB"


def test_a_long_welsh_pdf_says_continued_and_numbers_its_pages_in_welsh():
    letter = welsh_letter(asks=6)
    runs = pdf_runs(render_pdf(letter))
    assert max(run.page for run in runs) == 2
    texts = [run.text for run in runs]
    assert "parhad drosodd" in texts
    assert "Tudalen 2 o 2" in texts
    assert f"{SENDER.full_name} at Diane Abbott" in texts
    assert not [t for t in texts if t.startswith("Page ") or t == "continued overleaf"]


def test_the_writers_own_page_is_headed_in_welsh():
    letter = replace(welsh_letter(), keepsake=("Cyfeirnod: ABC",))
    text = pdf_text(render_pdf(letter))
    assert "Eich copi chi: cadwch y dudalen hon, nid yw ar gyfer eich AS" in text


def test_the_welsh_docx_paragraphs_and_running_header():
    data = render_docx(welsh_letter(asks=6))
    paragraphs = docx_paragraphs(data)
    assert paragraphs[paragraphs.index("5 Ionawr 2026") + 1:][:4] == [
        "Y Gwir Anrh. Diane Abbott AS", "Tŷ'r Cyffredin", "LLUNDAIN", "SW1A 0AA"]
    assert "Annwyl Ms Abbott" in paragraphs
    assert paragraphs[-2:] == ["Yn gywir", SENDER.full_name]
    document = Document(BytesIO(data))
    header = document.sections[0].header.paragraphs[0]
    assert header.text.startswith(f"{SENDER.full_name} at Diane Abbott\tTudalen ")
    assert " o " in header.text
    assert document.core_properties.title == "Llythyr at Diane Abbott"
    styles = document.styles.element.xml
    assert 'w:val="cy-GB"' in styles and 'w:val="en-GB"' not in styles


def test_the_english_docx_is_unchanged_beside_a_welsh_one():
    render_docx(welsh_letter())  # the Welsh template must not leak into the English one
    document = Document(BytesIO(render_docx(make_letter(asks=6))))
    header = document.sections[0].header.paragraphs[0]
    assert f"{SENDER.full_name} to Diane Abbott\tPage " in header.text
    assert 'w:val="en-GB"' in document.styles.element.xml


def test_the_welsh_envelope():
    letter = welsh_letter()
    runs = pdf_runs(render_envelope_pdf(letter))
    front = [run.text for run in runs if run.page == 1]
    assert front == ["Y Gwir Anrh. Diane Abbott AS", "Tŷ'r Cyffredin", "LLUNDAIN", "SW1A 0AA",
                     "Stamp"]
    back = [run.text for run in runs if run.page == 2]
    assert back[:2] == ["Cyfeiriad dychwelyd:", SENDER.full_name]
    reader = pdf_reader(render_envelope_pdf(letter))
    assert reader.metadata.title == "Amlen at Diane Abbott"

