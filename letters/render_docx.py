"""Render a Letter as an editable Word document with python-docx.

The document opens the pre-built template (letters.docx_template) and adds one
paragraph per address line or letter paragraph, each with a named style and no
direct formatting but the address frames (see docx_template.frame_xml): the same
letter, in the same order, as the PDF.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from io import BytesIO

from docx import Document
from docx.oxml.ns import qn

from letters import docx_template as t
from letters.model import Letter

_P, _PPR, _PSTYLE, _R, _T, _BR, _VAL = (qn(tag) for tag in (
    "w:p", "w:pPr", "w:pStyle", "w:r", "w:t", "w:br", "w:val"))
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters XML 1.0 cannot carry; a pasted control character must not break the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_docx(letter: Letter) -> bytes:
    """Return the letter as DOCX bytes (A4, the PDF's margins, restylable)."""
    document = Document(BytesIO(t.template_bytes(letter.language)))
    properties = document.core_properties
    properties.title = letter.document_title
    midnight = datetime(letter.date.year, letter.date.month, letter.date.day, tzinfo=timezone.utc)
    properties.created = properties.modified = midnight
    header = document.sections[0].header.paragraphs[0]
    header.runs[0].text = _clean(letter.words.writer_to_mp.format(writer=letter.sender_name,
                                                                  mp=letter.mp_name))

    # Paragraphs are built as elements rather than through add_paragraph(text, style),
    # which looks the style up by name among all styles for every paragraph: two
    # thirds of the time a letter took.
    style_ids = t.style_ids()
    frames = t.frame_xml()  # the same in every language: English's template has them
    section_properties = document.element.body[-1]
    for style, text in docx_paragraphs(letter):
        style_id = style_ids[style]
        section_properties.addprevious(_paragraph(style_id, text, frames.get(style_id)))
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_paragraphs(letter: Letter) -> list[tuple[str, str]]:
    """(style name, text) for each paragraph, in the order of Letter.body_text."""
    rows = [(t.SENDER, line)
            for line in (letter.sender_name, *letter.sender_address, *letter.sender_contact)]
    rows.append((t.DATE, letter.date_text))
    rows += [(t.RECIPIENT, line) for line in letter.recipient_lines]
    rows.append((t.SALUTATION, letter.salutation))  # UK order: salutation, then subject
    if letter.subject:
        rows.append((t.SUBJECT, letter.subject))
    last = len(letter.paragraphs) - 1
    rows += [(t.LAST_BODY if i == last else t.BODY, text)
             for i, text in enumerate(letter.paragraphs)]
    rows.append((t.CLOSING, letter.valediction))
    rows.append((t.SIGNATURE, letter.signature_name))
    return rows


def _paragraph(style_id: str, text: str, frame: bytes | None = None):
    from lxml import etree

    paragraph = etree.Element(_P)
    properties = etree.SubElement(paragraph, _PPR)
    etree.SubElement(properties, _PSTYLE).set(_VAL, style_id)
    if frame is not None:  # schema order: framePr follows pStyle (and keepNext, ...)
        properties.append(etree.fromstring(frame))
    run = etree.SubElement(paragraph, _R)
    # A writer's single line breaks (a list, a quotation) stay line breaks.
    for number, line in enumerate(_clean(text).split("\n")):
        if number:
            etree.SubElement(run, _BR)
        element = etree.SubElement(run, _T)
        element.text = line
        if line != line.strip():
            element.set(_SPACE, "preserve")
    return paragraph


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
