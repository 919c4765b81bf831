"""Blocks of address lines drawn straight onto a PDF canvas, shrunk to fit their box.

Addresses are short lines in fixed places (the window, the top right, an envelope):
drawing them directly costs a fraction of laying them out as paragraphs, and a block
that would not fit is made smaller, then wrapped, never allowed to leave its box.
"""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

#: Below this an address is hard to read; past it, long lines wrap instead.
MIN_SIZE = 7.5


def fit_lines(lines: Sequence[str], font: str, size: float, leading: float, width: float,
              height: float | None = None) -> tuple[list[str], float, float]:
    """(lines, size, leading) so that the block fits `width` x `height` points if it can."""
    lines = list(lines)
    ratio = leading / size
    widest = max((stringWidth(line, font, size) for line in lines), default=0)
    if widest > width:
        size = max(MIN_SIZE, size * width / widest)
        lines = [part for line in lines for part in simpleSplit(line, font, size, width) or [""]]
    if height is not None and len(lines) * size * ratio > height:
        size = max(MIN_SIZE, height / (len(lines) * ratio))
    return lines, size, size * ratio


def draw_lines(canvas: Canvas, lines: Sequence[str], font: str, size: float, leading: float,
               x: float, top: float, *, align_right: bool = False) -> float:
    """Draw `lines` with the first line's top at `top` (points); return the last baseline.

    For right-aligned blocks `x` is the right edge.
    """
    canvas.setFont(font, size, leading)
    baseline = top - size
    for line in lines:
        if not line:
            pass
        elif align_right:
            canvas.drawRightString(x, baseline, line)
        else:
            canvas.drawString(x, baseline, line)
        baseline -= leading
    return baseline + leading
