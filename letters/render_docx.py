"""Render a Letter as an editable Word document with python-docx."""
from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from letters.model import Letter


def render_docx(letter: Letter) -> bytes:
    """Return the letter as DOCX bytes."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(20)
    document.core_properties.title = letter.title
    document.core_properties.author = ""
    for line in (letter.sender_name, *letter.sender_address):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(letter.date_text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in letter.recipient_lines:
        document.add_paragraph(line)
    if letter.subject:
        document.add_paragraph(letter.subject).runs[0].bold = True
    document.add_paragraph(letter.salutation)
    for paragraph in letter.paragraphs:
        document.add_paragraph(paragraph)
    document.add_paragraph(letter.valediction)
    document.add_paragraph(letter.signature_name)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
