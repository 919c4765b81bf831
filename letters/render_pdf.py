"""Render a Letter as a print-ready A4 PDF with reportlab's platypus.

Page 1 is a UK business letter laid out for a DL window envelope: the sender's
address and the date top right, the MP's address in the window area (see
letters.layout), the body below the first fold. Later pages carry a small running
header (letters.pdf_pages). Fonts are embedded, so any name prints as typed.
"""
from __future__ import annotations

from functools import partial
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate, Frame, FrameBreak, KeepInFrame, KeepTogether, NextPageTemplate,
    PageTemplate, Paragraph, Spacer,
)

from letters import layout
from letters.model import Letter
from letters.pdf_pages import ContinuationCanvas
from letters.pdf_styles import pdf_styles

#: Room to sign by hand between "Yours sincerely" and the printed name.
SIGNATURE_SPACE = 20 * mm


def render_pdf(letter: Letter) -> bytes:
    """Return the letter as PDF bytes: A4, fonts embedded, no personal data in metadata."""
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, pageTemplates=_page_templates(),
        leftMargin=layout.MARGIN_LEFT * mm, rightMargin=layout.MARGIN_RIGHT * mm,
        topMargin=layout.MARGIN_TOP * mm, bottomMargin=layout.MARGIN_BOTTOM * mm,
        # The file gets forwarded: the title names the MP, nothing names the writer.
        title=letter.title or f"Letter to {letter.mp_name}", author="", subject="",
        creator="", keywords="", lang="en-GB",
        # Otherwise every page names an unembedded Helvetica that nothing uses.
        initialFontName=pdf_styles().body.fontName, initialFontSize=layout.FONT_SIZE,
        initialLeading=layout.LEADING,
    )
    canvasmaker = partial(ContinuationCanvas, sender_name=letter.sender_name,
                          mp_name=letter.mp_name)
    doc.build(story(letter), canvasmaker=canvasmaker)
    return buffer.getvalue()


def story(letter: Letter) -> list:
    """The flowables of the letter, in the same order as Letter.body_text."""
    styles = pdf_styles()
    sender = [Paragraph(_lines((letter.sender_name, *letter.sender_address)), styles.sender),
              Paragraph(escape(letter.date_text), styles.date)]
    recipient = [Paragraph(_lines(letter.recipient_lines), styles.address)]
    flow: list = [
        NextPageTemplate("later"),
        # An unusually long address shrinks to fit rather than leaving the window.
        _fit(sender, layout.SENDER_WIDTH, layout.SENDER_HEIGHT), FrameBreak(),
        _fit(recipient, layout.RECIPIENT_WIDTH, layout.RECIPIENT_HEIGHT), FrameBreak(),
    ]
    if letter.subject:
        flow.append(Paragraph(escape(letter.subject), styles.subject))
    flow.append(Paragraph(escape(letter.salutation), styles.salutation))
    paragraphs = [Paragraph(_text(p), styles.body) for p in letter.paragraphs]
    sign_off = [
        Paragraph(escape(letter.valediction), styles.closing),
        Spacer(1, SIGNATURE_SPACE),
        Paragraph(escape(letter.signature_name), styles.signature),
    ]
    # The sign-off travels with the last paragraph, so it never opens a page alone.
    last = paragraphs[-1:]
    flow += paragraphs[:-1]
    flow.append(KeepTogether([*last, *sign_off]))
    return flow


def _page_templates() -> list[PageTemplate]:
    width, height = A4

    def frame(name, left, top, frame_width, frame_height):
        return Frame(left * mm, height - (top + frame_height) * mm, frame_width * mm,
                     frame_height * mm, leftPadding=0, rightPadding=0, topPadding=0,
                     bottomPadding=0, id=name)

    text_width = layout.PAGE_WIDTH - layout.MARGIN_LEFT - layout.MARGIN_RIGHT
    first = PageTemplate("first", frames=[
        frame("sender", layout.SENDER_LEFT, layout.SENDER_TOP, layout.SENDER_WIDTH,
              layout.SENDER_HEIGHT),
        frame("recipient", layout.RECIPIENT_LEFT, layout.RECIPIENT_TOP,
              layout.RECIPIENT_WIDTH, layout.RECIPIENT_HEIGHT),
        frame("body", layout.MARGIN_LEFT, layout.FIRST_BODY_TOP, text_width,
              layout.PAGE_HEIGHT - layout.FIRST_BODY_TOP - layout.MARGIN_BOTTOM),
    ])
    later = PageTemplate("later", frames=[
        frame("body", layout.MARGIN_LEFT, layout.LATER_BODY_TOP, text_width,
              layout.PAGE_HEIGHT - layout.LATER_BODY_TOP - layout.MARGIN_BOTTOM),
    ])
    return [first, later]


def _fit(flowables: list, width_mm: float, height_mm: float) -> KeepInFrame:
    return KeepInFrame(width_mm * mm, height_mm * mm, flowables, mode="shrink")


def _lines(lines) -> str:
    return "<br/>".join(escape(line) for line in lines)


def _text(paragraph: str) -> str:
    # A writer's single line breaks (a list, a quotation) are kept as typed.
    return escape(paragraph).replace("\n", "<br/>")
