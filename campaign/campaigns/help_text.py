"""A campaign's help page ("Report trafficking or exploitation", "Get help"), written by
staff as plain text and shown as paragraphs and lists, with telephone numbers and web
addresses made into links.

Staff write data, never markup: a paragraph is text between blank lines, a line starting
with "- " is a list item, a UK phone number (999, 101, 0800 555 111, ...) becomes a
tel: link and an https:// address a link. Nothing else is interpreted, and the template
escapes every piece, so what staff type cannot become HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_HELP_TEXT = 6000
# 999, 101, 111 and 116 000-style numbers, or a number of 8 to 11 digits starting with 0
# written with single spaces (0800 1111, 0800 555 111, 08000 121 700, 01632 960 001).
_PHONE = r"(?<![\w/])(?:999|101|111|116 ?\d{3}|0\d(?: ?\d){6,9})(?![\w/])"
_LINK = r"https://[^\s<>\"]+[^\s<>\".,;:!?)\]]"
_PIECE = re.compile(f"(?P<phone>{_PHONE})|(?P<link>{_LINK})")


@dataclass(frozen=True)
class Piece:
    """Part of a line: plain text, a phone number ("tel") or a web address ("link")."""

    kind: str
    text: str

    @property
    def href(self) -> str:
        return "tel:" + self.text.replace(" ", "") if self.kind == "tel" else self.text


@dataclass(frozen=True)
class Block:
    """A paragraph (one line of pieces) or a list (a line of pieces per item)."""

    kind: str  # "paragraph" or "list"
    lines: tuple[tuple[Piece, ...], ...]


def pieces(line: str) -> tuple[Piece, ...]:
    """A line cut into text, phone numbers and web addresses."""
    found, at = [], 0
    for match in _PIECE.finditer(line):
        if match.start() > at:
            found.append(Piece("text", line[at:match.start()]))
        found.append(Piece("tel" if match.group("phone") else "link", match.group(0)))
        at = match.end()
    if at < len(line):
        found.append(Piece("text", line[at:]))
    return tuple(found)


def help_blocks(text: str) -> list[Block]:
    """The help text as paragraphs and lists, in order."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(Block("list", tuple(pieces(line[2:].strip()) for line in lines)))
        else:
            blocks.append(Block("paragraph", (pieces(" ".join(lines)),)))
    return blocks
