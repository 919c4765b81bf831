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

#: The family name DOCX styles ask for. A writer without it gets Word's or
#: LibreOffice's nearest serif; the DOCX is for editing, the PDF for printing.
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
