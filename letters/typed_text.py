"""Text as people type it, made fit for a letter: NFC, no control characters (the
joiners some scripts need are kept), spaces folded. The citizen's and the staff's
forms both filter what is typed through these.
"""
from __future__ import annotations

import unicodedata

from letters.fonts import JOINERS


def _kept(ch: str) -> bool:
    # Control and format characters go, except the joiners names in some scripts need.
    return unicodedata.category(ch)[0] != "C" or ch in JOINERS


def clean_line(value):
    """One line of text: NFC, no control characters (joiners kept), spaces folded."""
    if value is None:
        return value
    value = unicodedata.normalize("NFC", value)
    # isprintable() is false for every control or format character (and for spaces other
    # than " "): only then is the text worth going through a character at a time.
    if not value.isprintable():
        value = "".join(ch if _kept(ch) else " " for ch in value)
    return " ".join(value.split())


def clean_paragraphs(value):
    """Free text: NFC, control characters removed, but line breaks kept."""
    if value is None:
        return value
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    kept = value if value.replace("\n", "").isprintable() else "".join(
        ch for ch in value if ch == "\n" or _kept(ch))
    lines = [" ".join(line.split()) for line in kept.split("\n")]
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text
