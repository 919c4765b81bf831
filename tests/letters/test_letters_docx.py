"""The DOCX letter as a writer sees it in Word or LibreOffice: the same letter, restylable."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from io import BytesIO
from xml.etree import ElementTree

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from letters import layout
from letters.docx_template import LETTER_STYLES
from letters.render_docx import render_docx
from tests.letters.helpers import (
    UNICODE_NAME,
    UNICODE_SAMPLES,
    make_letter,
    pdf_page_texts,
    pdf_runs,
    two_page_letter,
    unicode_letter,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(BytesIO(data))


def test_paragraphs_follow_body_text_in_order():
    letter = two_page_letter()
    paragraphs = [p.text for p in open_docx(render_docx(letter)).paragraphs]
    assert "\n".join(paragraphs).split() == letter.body_text.split()
    assert paragraphs[0] == letter.sender_name
    assert paragraphs[-1] == letter.signature_name


def test_the_subject_line_follows_the_salutation():
    letter = make_letter()
    paragraphs = [p.text for p in open_docx(render_docx(letter)).paragraphs]
    assert letter.subject
    assert paragraphs.index(letter.subject) == paragraphs.index(letter.salutation) + 1


def test_each_part_of_the_letter_has_its_named_style():
    letter = make_letter()
    styles = [(p.style.name, p.text) for p in open_docx(render_docx(letter)).paragraphs]
    named = {}
    for style, text in styles:
        named.setdefault(style, []).append(text)
    assert named["Sender Address"] == [letter.sender_name, *letter.sender_address]
    assert named["Date"] == [letter.date_text]
    assert named["Recipient Address"] == list(letter.recipient_lines)
    assert named["Subject Line"] == [letter.subject]
    assert named["Salutation"] == [letter.salutation]
    assert named["Body Text"] + named["Final Paragraph"] == list(letter.paragraphs)
    assert named["Closing"] == ["Yours sincerely"]
    assert named["Signature"] == [UNICODE_NAME]
    assert set(named) <= set(LETTER_STYLES)


def test_no_direct_formatting_and_no_tabs_in_the_body():
    """Styles carry the formatting; only the address frames repeat on their paragraphs
    (LibreOffice reads a frame from the paragraph alone), exactly as the style has them."""
    document = open_docx(render_docx(two_page_letter()))
    framed = ("Sender Address", "Date", "Recipient Address")
    for paragraph in document.paragraphs:
        properties = paragraph._p.pPr
        if paragraph.style.name in framed:
            assert [child.tag for child in properties] == [f"{W}pStyle", f"{W}framePr"]
            style_frame = paragraph.style.element.pPr.find(f"{W}framePr")
            assert dict(properties[1].attrib) == dict(style_frame.attrib), paragraph.text
        else:
            assert [child.tag for child in properties] == [f"{W}pStyle"], paragraph.text
        for run in paragraph.runs:
            assert run._r.rPr is None, run.text
        assert "\t" not in paragraph.text


def test_styles_carry_the_layout():
    styles = open_docx(render_docx(make_letter())).styles
    normal = styles["Normal"]
    assert normal.font.size == Pt(11) and normal.font.name
    assert normal.paragraph_format.widow_control is True
    assert styles["Sender Address"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert styles["Date"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    for name in ("Sender Address", "Recipient Address"):
        assert styles[name].element.pPr.find(f"{W}contextualSpacing") is not None
    assert styles["Subject Line"].font.bold is True
    for name in ("Subject Line", "Salutation", "Final Paragraph", "Closing"):
        assert styles[name].paragraph_format.keep_with_next is True, name
    assert styles["Body Text"].paragraph_format.space_after >= Pt(6)
    assert styles["Signature"].paragraph_format.space_before >= Mm(15)
    for name in LETTER_STYLES:
        base = styles[name]
        while base.base_style is not None:
            base = base.base_style
        assert base.name == "Normal", name


def test_page_set_up_matches_the_pdf():
    section = open_docx(render_docx(make_letter())).sections[0]
    assert abs(section.page_width - Mm(layout.PAGE_WIDTH)) < Mm(0.1)
    assert abs(section.page_height - Mm(layout.PAGE_HEIGHT)) < Mm(0.1)
    for side in ("left", "right", "top", "bottom"):
        margin = getattr(section, f"{side}_margin")
        assert Mm(20) - Mm(0.1) <= margin <= Mm(25) + Mm(0.1), side
        assert abs(margin - Mm(getattr(layout, f"MARGIN_{side.upper()}"))) < Mm(0.1)


def test_later_pages_have_a_header_with_page_n_of_m():
    section = open_docx(render_docx(two_page_letter())).sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    header = section.header.paragraphs[0]
    assert f"{UNICODE_NAME} to Diane Abbott" in header.text
    instructions = [field.get(f"{W}instr").strip()
                    for field in header._p.iter(f"{W}fldSimple")]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_names_in_any_uk_language_survive():
    text = "\n".join(p.text for p in open_docx(render_docx(unicode_letter())).paragraphs)
    for sample in UNICODE_SAMPLES:
        assert sample in text


def test_line_breaks_and_stray_control_characters():
    letter = make_letter(note="First line\nSecond line\x0b with a stray control character")
    document = open_docx(render_docx(letter))
    note = next(p for p in document.paragraphs if p.text.startswith("First line"))
    assert note.text == "First line\nSecond line with a stray control character"


def test_package_structure_is_sound():
    data = render_docx(two_page_letter())
    with zipfile.ZipFile(BytesIO(data)) as package:
        names = set(package.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                "docProps/core.xml", "word/_rels/document.xml.rels"} <= names
        assert not any("thumbnail" in name for name in names)
        for name in names:
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(package.read(name))  # well-formed
        types = package.read("[Content_Types].xml").decode()
        for part in ("/word/document.xml", "/word/styles.xml", "/docProps/core.xml"):
            assert f'PartName="{part}"' in types
        assert "wordprocessingml.document.main+xml" in types
        rels = ElementTree.fromstring(package.read("word/_rels/document.xml.rels"))
        for rel in rels:
            if rel.get("TargetMode") != "External":
                assert "word/" + rel.get("Target") in names, rel.get("Target")


def test_metadata_titles_the_letter_and_names_no_writer():
    letter = two_page_letter()
    data = render_docx(letter)
    properties = open_docx(data).core_properties
    assert properties.title == "Letter to Diane Abbott"
    assert properties.author == "" and properties.last_modified_by == ""
    with zipfile.ZipFile(BytesIO(data)) as package:
        metadata = "".join(package.read(name).decode() for name in package.namelist()
                           if name.startswith("docProps/"))
    for personal in ("Ëlira", "Çela", "Glyndŵr", "N16", "python-docx"):
        assert personal not in metadata


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_prints_every_name(tmp_path):
    source = tmp_path / "letter.docx"
    source.write_bytes(render_docx(two_page_letter()))
    unicode_source = tmp_path / "unicode.docx"
    unicode_source.write_bytes(render_docx(unicode_letter()))
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source), str(unicode_source)],
        check=True, capture_output=True, timeout=120,
    )
    pages = pdf_page_texts((tmp_path / "letter.pdf").read_bytes())
    assert len(pages) == 2 and "Page 2 of 2" in pages[1] and "Page" not in pages[0]
    letter = two_page_letter()
    runs = pdf_runs((tmp_path / "letter.pdf").read_bytes())
    recipient = [run for run in runs if run.text in letter.recipient_lines]
    assert [run.text for run in recipient] == list(letter.recipient_lines)
    for run in recipient:  # a typical letter printed from Word fits a DL window too
        assert 20 <= run.x <= 30 and 45 + 4 <= run.top <= 90 - 1, run
    # The addresses are frames there too: the letter starts below the window, as in the
    # PDF, not straight under the MP's postcode.
    salutation = next(run for run in runs if run.text == letter.salutation)
    assert salutation.top >= layout.FIRST_BODY_TOP - 1, salutation
    sender = next(run for run in runs if run.text == letter.sender_name)
    assert sender.x >= layout.SENDER_LEFT - 1, sender
    text = " ".join(" ".join(pdf_page_texts((tmp_path / "unicode.pdf").read_bytes())).split())
    for sample in UNICODE_SAMPLES:
        assert sample in text


def test_addresses_sit_in_frames_at_the_pdfs_positions():
    """Page 1 of the DOCX puts the MP's address in the DL window, like the PDF."""
    from docx import Document as _Document

    from letters import layout
    from letters.docx_template import RECIPIENT, SENDER
    from letters.render_docx import render_docx as _render

    document = _Document(BytesIO(_render(make_letter())))

    def frame(style_name):
        element = document.styles[style_name].element.pPr.find(qn("w:framePr"))
        return {key.split("}")[1]: value for key, value in element.attrib.items()}

    twips = lambda mm: str(round(mm * 1440 / 25.4))  # noqa: E731
    recipient = frame(RECIPIENT)
    assert (recipient["x"], recipient["y"]) == (twips(layout.RECIPIENT_LEFT),
                                                twips(layout.RECIPIENT_TOP))
    assert recipient["hAnchor"] == recipient["vAnchor"] == "page"
    assert recipient["wrap"] == "notBeside"
    assert layout.WINDOW_LEFT <= layout.RECIPIENT_LEFT
    assert layout.RECIPIENT_LEFT + layout.RECIPIENT_WIDTH <= layout.WINDOW_RIGHT
    assert layout.WINDOW_TOP <= layout.RECIPIENT_TOP
    assert layout.RECIPIENT_TOP + layout.RECIPIENT_HEIGHT <= layout.WINDOW_BOTTOM
    assert frame(SENDER)["x"] == twips(layout.SENDER_LEFT)
    lines = [p.text for p in document.paragraphs if p.style.name == RECIPIENT]
    assert lines[-3:] == ["House of Commons", "LONDON", "SW1A 0AA"]
