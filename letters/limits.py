"""How big a letter may get, whatever staff or the writer type.

Every piece of wording and the writer's note have their own caps (letters.wording,
the site's forms); these caps bound the letter as a whole, so no combination of
them can make a letter that takes long to render or runs to many pages.
"""
from __future__ import annotations

from collections.abc import Sequence

#: The body (every paragraph together): about four pages of 11 pt text.
MAX_BODY_CHARACTERS = 12_000
#: Line breaks in the body: 600 newlines once made a 15-page letter.
MAX_BODY_LINES = 160
#: Pages of a PDF letter; the renderer stops rather than go past this.
MAX_PAGES = 6


class LetterTooLong(ValueError):
    """The letter would be too long; the message is a sentence for the writer.

    `measure` ("characters", "lines" or "pages"), `size` and `limit` say the same in
    numbers, so the site can put the sentence in the page's language."""

    def __init__(self, message: str, *, measure: str = "", size: int = 0, limit: int = 0):
        super().__init__(message)
        self.measure, self.size, self.limit = measure, size, limit


def check_body(paragraphs: Sequence[str]) -> None:
    """Raise LetterTooLong if the paragraphs together pass the letter's caps."""
    characters = sum(len(p) for p in paragraphs)
    if characters > MAX_BODY_CHARACTERS:
        raise LetterTooLong(f"Your letter is {characters:,} characters long; please keep it "
                            f"under {MAX_BODY_CHARACTERS:,} by shortening a paragraph.",
                            measure="characters", size=characters, limit=MAX_BODY_CHARACTERS)
    lines = sum(p.count("\n") + 1 for p in paragraphs)
    if lines > MAX_BODY_LINES:
        raise LetterTooLong(f"Your letter has {lines} lines; please keep it under "
                            f"{MAX_BODY_LINES} by joining some of them up.",
                            measure="lines", size=lines, limit=MAX_BODY_LINES)
