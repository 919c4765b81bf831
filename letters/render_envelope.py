"""Print the addresses on a DL envelope (220 x 110 mm), for writers without window envelopes.

Two pages, front then back. The front follows Royal Mail's advice for machine-read
post: the MP's address in the right half, below a marked stamp box (top right) and
above the 15 mm strip at the foot that sorting machines print codes on, and nothing
else. The back carries the return address on the flap, where Royal Mail asks for it.
"""
from __future__ import annotations

from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from letters import layout
from letters.fonts import register_fonts
from letters.model import Letter
from letters.pdf_blocks import draw_lines, fit_lines
from letters.render_pdf import printable

EDGE = 10.0                   # mm kept clear at the envelope's edges
ADDRESS_LEFT = 95.0           # the address starts right of the middle
ADDRESS_TOP = 50.0            # below a 40 mm stamp area, with room to spare
ADDRESS_SIZE = 12.0
RETURN_SIZE = 8.5
RETURN_WIDTH = 75.0           # mm, so the return address never reaches the stamp area
STAMP_WIDTH, STAMP_HEIGHT = 25.0, 30.0  # mm: room for a first or second class stamp
FLAP_TOP = 12.0               # mm from the back's top edge: the return address on the flap


def render_envelope_pdf(letter: Letter) -> bytes:
    """Return a one-page DL envelope PDF: the MP's address and the sender's return address."""
    regular, _ = register_fonts()
    letter = printable(letter)
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(layout.ENVELOPE_WIDTH * mm, layout.ENVELOPE_HEIGHT * mm),
                    initialFontName=regular, initialFontSize=ADDRESS_SIZE, lang=letter.file_tag)
    # Nothing personal in the title: files get forwarded.
    canvas.setTitle(letter.words.envelope_to.format(mp=letter.mp_name))
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setCreator("")

    width = layout.ENVELOPE_WIDTH - EDGE - ADDRESS_LEFT
    _draw_block(canvas, letter.recipient_lines, regular, ADDRESS_SIZE, ADDRESS_LEFT,
                ADDRESS_TOP, width)
    _draw_stamp_box(canvas, regular, letter.words.stamp)
    canvas.showPage()
    sender = (letter.words.return_address, letter.sender_name, *letter.sender_address)
    left = (layout.ENVELOPE_WIDTH - RETURN_WIDTH) / 2
    _draw_block(canvas, sender, regular, RETURN_SIZE, left, FLAP_TOP, RETURN_WIDTH)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_stamp_box(canvas: Canvas, font: str, label: str) -> None:
    right = (layout.ENVELOPE_WIDTH - EDGE) * mm
    top = (layout.ENVELOPE_HEIGHT - EDGE) * mm
    canvas.saveState()
    canvas.setStrokeGray(0.6)
    canvas.setFillGray(0.45)
    canvas.setLineWidth(0.4)
    canvas.setDash(2, 2)
    canvas.rect(right - STAMP_WIDTH * mm, top - STAMP_HEIGHT * mm, STAMP_WIDTH * mm,
                STAMP_HEIGHT * mm)
    canvas.setFont(font, 7)
    canvas.drawCentredString(right - STAMP_WIDTH * mm / 2, top - STAMP_HEIGHT * mm / 2, label)
    canvas.restoreState()


def _draw_block(canvas: Canvas, lines, font: str, size: float, left: float, top: float,
                width: float) -> None:
    lines, size, leading = fit_lines(lines, font, size, size * 1.25, width * mm)
    draw_lines(canvas, lines, font, size, leading, left * mm,
               (layout.ENVELOPE_HEIGHT - top) * mm)
