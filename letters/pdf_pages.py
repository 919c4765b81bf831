"""Page furniture: fold marks, "continued" at the foot of page 1, headers on page 2+.

"Page N of M" needs M, which platypus only knows once the story has been laid out.
Laying out twice would double the cost of a letter, so the canvas keeps each page's
drawing state, and draws the headers when the document is saved and M is known.
"""
from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from letters import english_words, layout
from letters.fonts import register_fonts
from letters.limits import MAX_PAGES, LetterTooLong
from letters.words import LetterWords

_GREY = Color(0.35, 0.35, 0.35)
_LIGHT = Color(0.7, 0.7, 0.7)

#: Folding A4 in three for a DL envelope: thirds of 297 mm, marked in the left margin.
FOLDS = (99.0, 198.0)
CONTINUED = english_words.WORDS.continued


class ContinuationCanvas(Canvas):
    """A canvas that adds "<sender> to <MP>   Page N of M" to every page after the first.

    `words` gives those words (and "continued overleaf") in the letter's language.
    """

    def __init__(self, *args, sender_name: str = "", mp_name: str = "", writer_pages: int = 0,
                 words: LetterWords = english_words.WORDS, **kwargs):
        super().__init__(*args, **kwargs)
        self._words = words
        # Pages at the end for the writer alone (their copy of the reference): not part
        # of the letter, so neither numbered nor counted against MAX_PAGES.
        self._writer_pages = writer_pages
        self._left_text = (words.writer_to_mp.format(writer=sender_name, mp=mp_name)
                           if mp_name else sender_name)
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        """Draw each page's header now that the page count is known, then write the file."""
        total = len(self._pages) - self._writer_pages
        if total > MAX_PAGES:
            raise LetterTooLong(f"Your letter would run to {total} pages; please shorten it "
                                f"to fit on {MAX_PAGES}.", measure="pages", size=total,
                                limit=MAX_PAGES)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if number > total:
                pass  # the writer's own page: no letter furniture
            elif number == 1:
                self._draw_fold_marks()
                if total > 1:
                    self._draw_continued()
            else:
                self._draw_header(number, total)
            super().showPage()
        super().save()

    def _draw_fold_marks(self) -> None:
        _, height = self._pagesize
        self.saveState()
        self.setStrokeColor(_LIGHT)
        self.setLineWidth(0.3)
        for fold in FOLDS:
            y = height - fold * mm
            self.line(4 * mm, y, 9 * mm, y)
        self.restoreState()

    def _draw_continued(self) -> None:
        regular, _ = register_fonts()
        width, _ = self._pagesize
        self.saveState()
        self.setFillColor(_GREY)
        self.setFont(regular, layout.HEADER_FONT_SIZE)
        self.drawRightString(width - layout.MARGIN_RIGHT * mm, (layout.MARGIN_BOTTOM - 8) * mm,
                             self._words.continued)
        self.restoreState()

    def _draw_header(self, number: int, total: int) -> None:
        regular, _ = register_fonts()
        width, height = self._pagesize
        baseline = height - layout.HEADER_BASELINE * mm
        left, right = layout.MARGIN_LEFT * mm, width - layout.MARGIN_RIGHT * mm
        self.saveState()
        self.setFillColor(_GREY)
        self.setStrokeColor(_GREY)
        self.setFont(regular, layout.HEADER_FONT_SIZE)
        page_label = self._words.page_of.format(number=number, total=total)
        room = right - left - self.stringWidth(page_label) - 8 * mm
        self.drawString(left, baseline, _shorten(self._left_text, regular, room))
        self.drawRightString(right, baseline, page_label)
        self.setLineWidth(0.4)
        self.line(left, baseline - 2.2 * mm, right, baseline - 2.2 * mm)
        self.restoreState()


def _shorten(text: str, font: str, width: float) -> str:
    """`text`, cut short with an ellipsis if it would run into the page number."""
    size = layout.HEADER_FONT_SIZE
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
