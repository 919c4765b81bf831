"""The letter's typeface made small for the browser: WOFF2 subsets of the TTF files.

The preview shows the letter in the typeface the PDF prints it in. The TTF files are
about 215 kB a face; a phone needs only the characters the site accepts (those both
faces can print, letters.fonts), compressed as WOFF2 without hinting. They are split
as the big font services split theirs: `latin` (ASCII, Latin-1 and common punctuation,
what nearly every letter uses), `accented` (the rest of the Latin letters: Łukasz,
Glyndŵr, Țară, ə) and `other` (Greek, Cyrillic, symbols), each with its CSS
`unicode-range`, so a browser fetches `accented` or `other` only for a page that shows
one of its characters.

Made with fontTools (and brotli, for WOFF2) at first use, then kept: in memory, and in
a cache folder when one is given and writable, so a restart does not redo the work.
`font_faces_css` writes the @font-face rules from the same faces, subsets and version,
served beside the files (campaign.public.letter_font): the one place they are named.
`VERSION` is in their URLs, cached by browsers for a year as immutable: bump it whenever
what the files hold changes (the font package's files or the subsets below);
tests/campaign/public/test_web_fonts.py says when.
"""
from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from letters.fonts import BOLD, REGULAR, font_path, printable_codepoints

log = logging.getLogger(__name__)

VERSION = "1"
FACES = {"regular": REGULAR, "bold": BOLD}
_WEIGHTS = {"regular": 400, "bold": 700}
# ASCII, Latin-1, General Punctuation (dashes, curly quotes, ellipsis), the euro and ™.
_LATIN = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100)) \
    | frozenset(range(0x2000, 0x2070)) | {0x20AC, 0x2122}
# Latin Extended-A and B, IPA, spacing modifiers, combining marks; Latin Extended Additional.
_ACCENTED = frozenset(range(0x100, 0x370)) | frozenset(range(0x1E00, 0x1F00))
# `other` covers everything above U+36F that the two above do not.
_OTHER_FROM, _LAST_CODE_POINT = 0x370, 0x10FFFF
# How make_woff2 makes a file: part of the kept files' names, with the font and the
# characters, so a file made another way is never served. Change it with make_woff2.
_RECIPE = "woff2, unhinted, desubroutinized, all layout features, all names"
_lock = threading.Lock()


@cache
def subsets() -> dict[str, frozenset[int]]:
    """The code points of each subset: every character the letter can print, once."""
    printable = printable_codepoints()
    return {"latin": printable & _LATIN, "accented": printable & _ACCENTED,
            "other": printable - _LATIN - _ACCENTED}


def unicode_range(codepoints: frozenset[int]) -> str:
    """CSS `unicode-range` for `codepoints`: "U+20-7E, U+A0-FF, U+131"."""
    ranges: list[list[int]] = []
    for code in sorted(codepoints):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return _css_ranges((start, end) for start, end in ranges)


def _css_ranges(ranges: Iterable[tuple[int, int]]) -> str:
    return ", ".join(f"U+{start:X}" if start == end else f"U+{start:X}-{end:X}"
                     for start, end in ranges)


def _block_ranges(subset_name: str) -> str:
    """The subset's `unicode-range`: its whole block of code points (not only the
    printable ones), so the blocks never overlap and a character is fetched from one file."""
    if subset_name != "other":
        return unicode_range({"latin": _LATIN, "accented": _ACCENTED}[subset_name])
    gaps, start = [], _OTHER_FROM
    for taken in sorted(code for code in _LATIN | _ACCENTED if code >= _OTHER_FROM):
        if taken > start:
            gaps.append((start, taken - 1))
        start = taken + 1
    gaps.append((start, _LAST_CODE_POINT))
    return _css_ranges(gaps)


@cache
def font_faces_css() -> str:
    """The @font-face rules of the letter typeface ("Letter Serif"): one a face and
    subset, naming its file beside this stylesheet (the same folder, the same VERSION)."""
    return "".join(
        f'@font-face {{ font-family: "Letter Serif"; src: url("{face}-{subset_name}.woff2") '
        f'format("woff2"); font-weight: {_WEIGHTS[face]}; font-display: swap; '
        f"unicode-range: {_block_ranges(subset_name)}; }}\n"
        for subset_name in subsets() for face in FACES)


def make_woff2(face: str, subset_name: str) -> bytes:
    """One face's subset as WOFF2 bytes (about half a second's work)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]  # kerning, ligatures, figures: as the PDF sets them
    options.hinting = False  # screens of today render unhinted outlines well
    options.desubroutinize = True  # compresses better under WOFF2's Brotli
    options.name_IDs = ["*"]  # keeps the licence (SIL OFL) with the font
    font = TTFont(str(font_path(FACES[face])))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subsets()[subset_name])
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


_made: dict[tuple[str, str], bytes] = {}


def woff2(face: str, subset_name: str, cache_dir: str | None = None) -> bytes:
    """The WOFF2 file for `face` ("regular", "bold") and `subset_name`, made once.

    Read from `cache_dir` when an earlier run left it there; made and written there
    otherwise (atomically: several workers may make it at once). A folder that can't
    be written only costs the work again after a restart.
    """
    key = (face, subset_name)
    if key in _made:
        return _made[key]
    with _lock:
        if key in _made:
            return _made[key]
        path = Path(cache_dir) / kept_name(face, subset_name) if cache_dir else None
        data = None
        if path is not None and path.is_file():
            data = path.read_bytes()
        if not data:
            data = make_woff2(face, subset_name)
            if path is not None:
                _write_atomically(path, data)
        _made[key] = data
        return data


def kept_name(face: str, subset_name: str) -> str:
    """The kept file's name: it changes with the font file, the characters or the recipe."""
    digest = hashlib.sha256(font_path(FACES[face]).read_bytes())
    digest.update(",".join(map(str, sorted(subsets()[subset_name]))).encode())
    digest.update(_RECIPE.encode())
    return f"letter-font-{face}-{subset_name}-{digest.hexdigest()[:16]}.woff2"


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError as error:
        log.warning("Could not keep the letter font's WOFF2 in %s (%s); it is made "
                    "again after a restart.", path.parent, error.strerror)
