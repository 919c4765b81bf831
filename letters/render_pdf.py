"""Render a Letter as an A4 PDF with reportlab's platypus."""
from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from letters.model import Letter

_BODY = ParagraphStyle("Body", fontName="Helvetica", fontSize=11, leading=15, spaceAfter=8)
_RIGHT = ParagraphStyle("Right", parent=_BODY, alignment=TA_RIGHT, spaceAfter=0)
_BLOCK = ParagraphStyle("Block", parent=_BODY, spaceAfter=0)


def render_pdf(letter: Letter) -> bytes:
    """Return the letter as PDF bytes."""
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
        topMargin=20 * mm, bottomMargin=20 * mm, title=letter.title, author="", subject="",
    )
    story = [Paragraph(_lines((letter.sender_name, *letter.sender_address)), _RIGHT),
             Spacer(1, 4 * mm), Paragraph(escape(letter.date_text), _RIGHT), Spacer(1, 8 * mm),
             Paragraph(_lines(letter.recipient_lines), _BLOCK), Spacer(1, 10 * mm)]
    if letter.subject:
        story.append(Paragraph(f"<b>{escape(letter.subject)}</b>", _BODY))
    story.append(Paragraph(escape(letter.salutation), _BODY))
    story += [Paragraph(_text(p), _BODY) for p in letter.paragraphs]
    story += [Paragraph(escape(letter.valediction), _BODY), Spacer(1, 18 * mm),
              Paragraph(escape(letter.signature_name), _BODY)]
    doc.build(story)
    return buffer.getvalue()


def _lines(lines) -> str:
    return "<br/>".join(escape(line) for line in lines)


def _text(paragraph: str) -> str:
    return escape(paragraph).replace("\n", "<br/>")
