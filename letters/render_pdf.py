"""Render a Letter as a print-ready A4 PDF with reportlab's platypus.

Page 1 is a UK business letter laid out for a DL window envelope: the sender's
address and the date top right, the MP's address in the window area (see
letters.layout), the body below the first fold. Later pages carry a small running
header (letters.pdf_pages). Fonts are embedded, so any name prints as typed.
"""
from __future__ import annotations

from dataclasses import fields, replace
from functools import partial
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from letters import layout
from letters.fonts import without_joiners
from letters.model import Letter
from letters.pdf_blocks import draw_lines, fit_lines
from letters.pdf_pages import ContinuationCanvas
from letters.pdf_styles import pdf_styles

#: Room to sign by hand between "Yours sincerely" and the printed name.
SIGNATURE_SPACE = 20 * mm


def render_pdf(letter: Letter) -> bytes:
    """Return the letter as PDF bytes: A4, fonts embedded, no personal data in metadata."""
    letter = printable(letter)
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, pageTemplates=_page_templates(letter),
        leftMargin=layout.MARGIN_LEFT * mm, rightMargin=layout.MARGIN_RIGHT * mm,
        topMargin=layout.MARGIN_TOP * mm, bottomMargin=layout.MARGIN_BOTTOM * mm,
        # The file gets forwarded: the title names the MP, nothing names the writer.
        title=letter.document_title, author="", subject="",
        creator="", keywords="", lang=letter.file_tag,
        # Otherwise every page names an unembedded Helvetica that nothing uses.
        initialFontName=pdf_styles().body.fontName, initialFontSize=layout.FONT_SIZE,
        initialLeading=layout.LEADING,
        # A letter posted for the writer is the same bytes each time it is made, so a
        # retry is the very request the print service's idempotency key matches.
        invariant=1 if letter.typed_signature else None,
    )
    canvasmaker = partial(ContinuationCanvas, sender_name=letter.sender_name,
                          mp_name=letter.mp_name, writer_pages=1 if letter.keepsake else 0,
                          words=letter.words)
    doc.build(story(letter), canvasmaker=canvasmaker)
    return buffer.getvalue()


def story(letter: Letter) -> list:
    """The flowables of the body, from the salutation to the signature.

    The addresses and the date come first in Letter.body_text and are drawn first,
    by the first page's template (see _first_page), so the PDF reads in the same order.
    """
    styles = pdf_styles()
    flow: list = [NextPageTemplate("later")]
    # UK order: the salutation, then the subject line (issue 12).
    flow.append(Paragraph(escape(letter.salutation), styles.salutation))
    if letter.subject:
        flow.append(Paragraph(escape(letter.subject), styles.subject))
    paragraphs = [Paragraph(_text(p), styles.body) for p in letter.paragraphs]
    sign_off = [
        Paragraph(escape(letter.valediction), styles.closing),
        *_signing_space(letter, styles),
        Paragraph(escape(letter.signature_name), styles.signature),
    ]
    # The sign-off travels with the last paragraph, so it never opens a page alone.
    flow += paragraphs[:-1]
    flow.append(KeepTogether([*paragraphs[-1:], *sign_off]))
    if letter.keepsake:
        # A page of its own after the letter, so the MP's letter is posted whole and
        # the MP's office never sees where the writer reports back.
        flow += [NextPageTemplate("writer"), PageBreak(),
                 *_keepsake(letter.keepsake, styles, letter.words.keepsake_heading)]
    return flow


#: Say the full length of a letter at most this long surely fits on MAX_PAGES.
_SURELY_FITS_CHARACTERS = 5000
_SURELY_FITS_LINES = 80


def check_pages(letter: Letter) -> None:
    """Raise LetterTooLong when the PDF of `letter` would pass letters.limits.MAX_PAGES.

    Lays the letter out only when it is long enough to need it, so a short letter's
    preview costs nothing more.
    """
    text = [*letter.paragraphs, letter.salutation, letter.subject]
    if (sum(len(p) for p in text) <= _SURELY_FITS_CHARACTERS
            and sum(p.count("\n") + 1 for p in text) <= _SURELY_FITS_LINES):
        return
    render_pdf(replace(letter, keepsake=()))


def _signing_space(letter: Letter, styles) -> list:
    """Room to sign by hand, or (a letter posted for the writer) a typed signature line
    in the same room, so the page is laid out alike either way."""
    if not letter.typed_signature:
        return [Spacer(1, SIGNATURE_SPACE)]
    line = Paragraph(escape(letter.words.typed_signature.format(name=letter.signature_name)),
                     styles.signature)
    _, height = line.wrap((layout.PAGE_WIDTH - layout.MARGIN_LEFT - layout.MARGIN_RIGHT) * mm,
                          SIGNATURE_SPACE)
    gap = max((SIGNATURE_SPACE - height) / 2, 0)
    return [Spacer(1, gap), line, Spacer(1, gap)]


def _keepsake(lines: tuple[str, ...], styles, heading_text: str) -> list:
    """The writer's own page: plainly not for the MP, then what it says."""
    heading = ParagraphStyle("KeepsakeHeading", parent=styles.body, fontName=styles.subject.fontName,
                             fontSize=14, leading=18, spaceAfter=4 * mm)
    return [Paragraph(escape(heading_text), heading),
            HRFlowable(width="100%", thickness=0.4, color="#777777", spaceAfter=4 * mm),
            *(Paragraph(escape(line), styles.body) for line in lines)]


def _page_templates(letter: Letter) -> list[PageTemplate]:
    width, height = A4
    text_width = (layout.PAGE_WIDTH - layout.MARGIN_LEFT - layout.MARGIN_RIGHT) * mm

    def body_frame(top):
        return Frame(layout.MARGIN_LEFT * mm, layout.MARGIN_BOTTOM * mm, text_width,
                     height - (top + layout.MARGIN_BOTTOM) * mm, leftPadding=0,
                     rightPadding=0, topPadding=0, bottomPadding=0, id="body")

    return [
        PageTemplate("first", frames=[body_frame(layout.FIRST_BODY_TOP)],
                     onPage=partial(_first_page, letter)),
        PageTemplate("later", frames=[body_frame(layout.LATER_BODY_TOP)]),
        PageTemplate("writer", frames=[body_frame(layout.MARGIN_TOP)]),
    ]


def _first_page(letter: Letter, canvas, doc) -> None:
    """The sender's address and the date top right, the MP's address in the window."""
    font, size = pdf_styles().body.fontName, layout.FONT_SIZE
    height = layout.PAGE_HEIGHT * mm
    sender = [letter.sender_name, *letter.sender_address, *letter.sender_contact, "",
              letter.date_text]
    lines, block_size, leading = fit_lines(sender, font, size, layout.ADDRESS_LEADING,
                                           layout.SENDER_WIDTH * mm, layout.SENDER_HEIGHT * mm)
    draw_lines(canvas, lines, font, block_size, leading,
               (layout.PAGE_WIDTH - layout.MARGIN_RIGHT) * mm, height - layout.SENDER_TOP * mm,
               align_right=True)
    lines, block_size, leading = fit_lines(letter.recipient_lines, font, size,
                                           layout.ADDRESS_LEADING, layout.RECIPIENT_WIDTH * mm,
                                           layout.RECIPIENT_HEIGHT * mm)
    draw_lines(canvas, lines, font, block_size, leading, layout.RECIPIENT_LEFT * mm,
               height - layout.RECIPIENT_TOP * mm)


def printable(letter: Letter) -> Letter:
    """The letter as the PDF draws it: joiners (ZWJ, ZWNJ) left out of every text."""
    def clean(value):
        if isinstance(value, str):
            return without_joiners(value)
        if isinstance(value, tuple):
            return tuple(without_joiners(v) for v in value)
        return value
    return replace(letter, **{f.name: clean(getattr(letter, f.name)) for f in fields(letter)})


def _text(paragraph: str) -> str:
    # A writer's single line breaks (a list, a quotation) are kept as typed.
    return escape(paragraph).replace("\n", "<br/>")
