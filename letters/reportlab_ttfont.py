"""Embed the letter fonts without rebuilding their subsets for every letter.

reportlab embeds a TrueType font as subsets of up to 256 glyphs, numbered in the
order characters first appear in a document, and builds each subset's font program,
widths and ToUnicode map afresh for every document: most of the time a letter takes.
Here every document's subsets start from one fixed repertoire (Latin-1, Latin
Extended-A, the Welsh and Romanian letters, typographic punctuation), so any letter
written in a European Latin script has the same subsets, whose PDF objects are built
and compressed once per process. A character beyond the repertoire (Greek, say)
extends a subset as reportlab always does; that subset is simply built anew.
"""
from __future__ import annotations

import copy
import threading
import zlib
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    TTFontFace,
    makeToUnicodeCMap,
)

# A TTFontFace is shared by every thread of a process and is not thread-safe: two
# subsets built at once (a cold cache, or letters with characters beyond the
# repertoire) read each other's glyph positions and fail. Building is rare, so one lock.
_FACE_LOCK = threading.Lock()

REPERTOIRE = "".join(
    [chr(code) for code in range(0xA1, 0x180)]
    + list("ȘșȚțẀẁẂẃẄẅỲỳƏə‘’‚“”„–—…•€‹›™†‡‰′″")
)


class CachedSubsetTTFont(TTFont):
    """A TTFont whose per-document subsets start from REPERTOIRE, with cached PDF objects."""

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        self._primed = self._build_primed_state()

    def _build_primed_state(self) -> TTFont.State:
        key = _Scratch()
        super().splitString(REPERTOIRE, key)
        return self.state.pop(key)

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 (reportlab's name)
        """As TTFont's, but a document's first call starts from the primed subsets."""
        if doc not in self.state:
            state = copy.copy(self._primed)
            state.assignments = dict(self._primed.assignments)
            state.subsets = [list(subset) for subset in self._primed.subsets]
            self.state[doc] = state
        return super().splitString(text, doc, encoding)

    def addObjects(self, doc):  # noqa: N802 (reportlab's name)
        """Add this document's subsets of the font, reusing the objects built before."""
        state = self.state.get(doc) or self.state.setdefault(doc, TTFont.State(self._asciiReadable))
        state.frozen = 1
        fonts = doc.idToObject["BasicFonts"].dict
        for number, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(number, doc)[1:]
            parts = _subset_parts(self.face, number, tuple(subset), bool(doc.compression))
            font = pdfdoc.PDFTrueTypeFont()
            font.Name = internal_name
            font.BaseFont = parts.base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = _Raw(parts.widths)
            font.ToUnicode = doc.Reference(_stream(parts.cmap, doc),
                                           "toUnicodeCMap:" + parts.base_name)
            font.FontDescriptor = self._descriptor(doc, parts)
            doc.Reference(font, internal_name)
            fonts[internal_name] = font
        del self.state[doc]

    def _descriptor(self, doc, parts: _SubsetParts):
        # The descriptor TTFontFace.addSubsetObjects would build, around the cached program.
        face = self.face
        program = _stream(parts.program, doc)
        program.dictionary["Length1"] = parts.program_length
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor",
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": pdfdoc.PDFArray(face.bbox),
            "FontName": pdfdoc.PDFName(parts.base_name),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": doc.Reference(program, f"fontFile:{face.filename}({parts.base_name})"),
            "MissingWidth": face.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + parts.base_name)


@dataclass(frozen=True)
class _SubsetParts:
    base_name: str
    widths: bytes
    cmap: bytes
    program: bytes
    program_length: int


@lru_cache(maxsize=64)
def _subset_parts(face: TTFontFace, number: int, subset: tuple[int, ...],
                  compress: bool) -> _SubsetParts:
    """Everything about one subset that does not depend on the document."""
    base_name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
    widths = "[" + " ".join(str(face.getCharWidth(code)) for code in subset) + "]"
    cmap = makeToUnicodeCMap(base_name, list(subset))
    cmap = cmap.encode("latin-1") if isinstance(cmap, str) else cmap
    with _FACE_LOCK:  # makeSubset reads the font file through the face's own cursor
        program = face.makeSubset(list(subset))
    pack = zlib.compress if compress else bytes
    return _SubsetParts(base_name, widths.encode("ascii"), pack(cmap), pack(program), len(program))


def _stream(content: bytes, doc) -> pdfdoc.PDFStream:
    stream = pdfdoc.PDFStream(content=content)
    if doc.compression:
        # Already compressed: a Filter entry stops reportlab compressing it again.
        stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    else:
        stream.filters = []
    return stream


class _Raw(pdfdoc.PDFObject):
    """Bytes already in PDF syntax, written as they are."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document):
        return self.data


class _Scratch:
    """A stand-in document to prime the subsets against (TTFont keys state weakly)."""
