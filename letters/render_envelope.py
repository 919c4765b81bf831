"""Print the addresses on a DL envelope (220 x 110 mm), for writers without window envelopes.

The layout follows Royal Mail's advice for machine-read post: the address in the
right half, below the stamp area (top right) and above the 15 mm strip at the foot
that sorting machines print codes on; the return address small at the top left.
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


def render_envelope_pdf(letter: Letter) -> bytes:
    """Return a one-page DL envelope PDF: the MP's address and the sender's return address."""
    regular, _ = register_fonts()
    letter = printable(letter)
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(layout.ENVELOPE_WIDTH * mm, layout.ENVELOPE_HEIGHT * mm),
                    initialFontName=regular, initialFontSize=ADDRESS_SIZE, lang="en-GB")
    canvas.setTitle(f"Envelope to {letter.mp_name}")  # nothing personal: files get forwarded
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setCreator("")

    sender = ("From:", letter.sender_name, *letter.sender_address)
    _draw_block(canvas, sender, regular, RETURN_SIZE, EDGE, EDGE, RETURN_WIDTH)
    width = layout.ENVELOPE_WIDTH - EDGE - ADDRESS_LEFT
    _draw_block(canvas, letter.recipient_lines, regular, ADDRESS_SIZE, ADDRESS_LEFT,
                ADDRESS_TOP, width)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_block(canvas: Canvas, lines, font: str, size: float, left: float, top: float,
                width: float) -> None:
    lines, size, leading = fit_lines(lines, font, size, size * 1.25, width * mm)
    draw_lines(canvas, lines, font, size, leading, left * mm,
               (layout.ENVELOPE_HEIGHT - top) * mm)
