"""The fixed words a letter prints, as one language has them (letters.languages).

A campaign's own wording (opening, asks, closing) is staff's text and comes in as it
is; everything else on the page is the letter's own furniture: the greeting, the
sign-off, the House of Commons' address, "MP" after the name, the date, the running
header of later pages, the envelope's labels. Each language's table is a module of
its own (letters.english_words, letters.welsh_words).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LetterWords:
    """Every fixed word a letter, its envelope and its email print, in one language."""

    dear: str
    valediction: str
    #: Royal Mail's form: the post town in capitals and the postcode alone on the last line.
    house_of_commons: tuple[str, ...]
    member: str
    right_honourable: str
    speaker_office: str
    mr_speaker: str
    madam_speaker: str
    continued: str
    page_of: str
    writer_to_mp: str
    letter_to: str
    envelope_to: str
    return_address: str
    stamp: str
    keepsake_heading: str
    #: Where the pen would sign a letter posted for the writer (Letter.typed_signature).
    typed_signature: str
    email_subject: str
    #: The paragraphs an MP's role calls for in place of the campaign's opening or
    #: closing (letters.addressing.role_opening/role_closing), in the wording's language.
    speaker_opening: str
    speaker_closing: str
    abstentionist_closing: str
    #: A knight's and a dame's title before a name, where the language changes them:
    #: (English, translated) pairs, "Sir " -> "Syr " (letters.addressing.titled).
    titles: tuple[tuple[str, str], ...] = ()
    #: How a name so titled changes after `dear` (a mutation): (titled, after) pairs.
    after_dear: tuple[tuple[str, str], ...] = ()
