"""The PDF's paragraph styles, built once: they depend only on the fonts and layout.

The addresses and the date are not paragraphs: letters.pdf_blocks draws them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from letters import layout
from letters.fonts import register_fonts


@dataclass(frozen=True)
class PdfStyles:
    """The handful of styles a letter uses, named for what they set."""

    body: ParagraphStyle
    subject: ParagraphStyle
    salutation: ParagraphStyle
    closing: ParagraphStyle
    signature: ParagraphStyle


@cache
def pdf_styles() -> PdfStyles:
    """The styles for every PDF letter (fonts are registered on first use)."""
    regular, bold = register_fonts()
    body = ParagraphStyle(
        "Body", fontName=regular, fontSize=layout.FONT_SIZE, leading=layout.LEADING,
        spaceAfter=layout.LEADING * 0.6, alignment=TA_LEFT,
        # No line of a paragraph alone at the foot or the head of a page.
        allowWidows=0, allowOrphans=0,
    )
    return PdfStyles(
        body=body,
        subject=ParagraphStyle("Subject", parent=body, fontName=bold, keepWithNext=1),
        salutation=ParagraphStyle("Salutation", parent=body, keepWithNext=1),
        closing=ParagraphStyle("Closing", parent=body, spaceAfter=0),
        signature=ParagraphStyle("Signature", parent=body, spaceAfter=0),
    )
