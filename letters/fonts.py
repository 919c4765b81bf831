"""The letter's typeface, shipped with the project and registered once.

Source Serif Pro (SIL Open Font License 1.1) comes from the `font-source-serif-pro`
package on PyPI, whose wheel carries the TTF files and the licence. Its regular and
bold faces cover Latin-1, Latin Extended-A and the Romanian/Welsh extras (ŵ ŷ ẁ ș ț),
so names like Glyndŵr, Łukasz or Ëlira Çela print as typed. Nothing is taken from the
system's fonts: a letter looks the same on every server.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

#: The names the PDF renderer uses; also the family name for <b> in paragraphs.
REGULAR = "LetterSerif"
BOLD = "LetterSerif-Bold"

#: The family name DOCX styles ask for: Word has had Cambria since 2007, and
#: LibreOffice bundles Caladea, made metric-compatible with Cambria, and puts it in
#: Cambria's place, so lines and pages break alike in both.
DOCX_FONT = "Cambria"

_FILES = {REGULAR: "SourceSerifPro-Regular.ttf", BOLD: "SourceSerifPro-Bold.ttf"}


def font_path(name: str) -> Path:
    """The TTF file behind one of the names above, inside the installed font package."""
    return Path(str(files("font_source_serif_pro") / "files" / _FILES[name]))


@cache
def register_fonts() -> tuple[str, str]:
    """Register the letter fonts with reportlab, once per process; return (regular, bold).

    Parsing a TTF takes milliseconds, so doing it per letter would cost more than
    laying out the whole letter.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from letters.reportlab_ttfont import CachedSubsetTTFont

    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(CachedSubsetTTFont(name, str(font_path(name))))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
    return REGULAR, BOLD


#: Joiners shape scripts the font does not cover; they stay in the text (preview,
#: DOCX) and are dropped only where the PDF draws it, where they would show as boxes.
JOINERS = "\u200c\u200d"


@cache
def _printable_codepoints() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    regular, bold = register_fonts()
    regular_map = pdfmetrics.getFont(regular).face.charToGlyph
    bold_map = pdfmetrics.getFont(bold).face.charToGlyph
    return frozenset(regular_map) & frozenset(bold_map)


def printable_codepoints() -> frozenset[int]:
    """The code points both letter faces can print: what the site accepts."""
    return _printable_codepoints()


def unprintable_characters(text: str) -> list[str]:
    """The characters of `text` the letter font has no glyph for, each once, in order.

    The PDF cannot print Chinese, Arabic or emoji: reportlab neither carries those
    fonts nor shapes Arabic, so the site asks the writer instead of printing boxes.
    """
    printable = _printable_codepoints()
    missing: dict[str, None] = {}
    for char in text:
        if ord(char) not in printable and not char.isspace() and char not in JOINERS:
            missing[char] = None
    return list(missing)


def without_joiners(text: str) -> str:
    """`text` as the PDF draws it: ZWJ and ZWNJ left out (see JOINERS)."""
    return text.translate({ord(j): None for j in JOINERS})
