"""The register of languages: every language a page or a letter can be in, in one place.

A `Language` says what each part of the service needs of it: its code ("cy"), the tag
pages carry and the tag letter files carry (kept as each output has always had them),
its own name for the link to it, its English name for staff, the address prefix of its
pages, its letter's fixed words (a table of its own, letters.words.LetterWords), how a
stored text in it is named (`column`), and where ONS publishes constituency names in
it. Pages (campaign.languages), letters, staff forms, exports and storage
(campaign.campaigns.translations) all read it from here; `letters/` holds it because
letters never import the site.

English is the default everywhere, so a caller that never says a language gets what it
always got. Adding a language is one entry below, one word table, one gettext catalogue
(campaign/translations) and one migration adding its text columns (named by `column`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from letters import english_words, welsh_words
from letters.words import LetterWords

#: The code of the default language, that of every page and letter not asked for in another.
ENGLISH = "en"


@dataclass(frozen=True)
class Language:
    """One language of the service, as pages, letters, forms and storage need it."""

    code: str
    #: The tag a page in it carries (html lang, hreflang).
    page_tag: str
    #: The tag a letter's files carry for spell-checkers and screen readers.
    letter_tag: str
    #: How it names itself on the link to it ("Cymraeg").
    own_name: str
    #: How staff pages and exports name it ("Welsh").
    english_name: str
    #: The address prefix of its pages ("" for the default language's).
    prefix: str
    words: LetterWords
    #: The lower-cased header of ONS's column of constituency names in it, in a
    #: names-and-codes table: PCON24NM for English, PCON24NMW for Welsh (any year).
    ons_names: re.Pattern[str]

    def column(self, name: str) -> str:
        """The stored name of the text `name` in this language: the default language's
        is `name` itself, another's has its code after it ("subject" -> "subject_cy")."""
        return name if self.code == ENGLISH else f"{name}_{self.code}"

    def english_of(self, column: str) -> str | None:
        """The text whose translation into this language `column` names ("subject_cy"
        -> "subject"), or None when it names none (the default language's columns
        are its texts themselves, so never one of its translations)."""
        suffix = self.column("")
        if self.is_default or not column.endswith(suffix) or column == suffix:
            return None
        return column[:-len(suffix)]

    @property
    def label(self) -> str:
        """How staff pages and exports name it in full: "Welsh (Cymraeg)", "English"."""
        if self.own_name == self.english_name:
            return self.english_name
        return f"{self.english_name} ({self.own_name})"

    @property
    def locale(self) -> str:
        """Its locale as Open Graph (and CLDR) write it: "cy_GB", "en_GB"."""
        return self.letter_tag.replace("-", "_")

    @property
    def is_default(self) -> bool:
        """Whether this is the default language (English)."""
        return self.code == ENGLISH


#: Every language, by code, the default first. Tests may add one (see
#: tests/letters/test_a_third_language.py); callers read it when asked, not on import.
REGISTER: dict[str, Language] = {language.code: language for language in (
    Language(code=ENGLISH, page_tag="en-GB", letter_tag="en-GB", own_name="English",
             english_name="English", prefix="", words=english_words.WORDS,
             ons_names=re.compile(r"^pcon\d*nm$")),
    Language(code="cy", page_tag="cy", letter_tag="cy-GB", own_name="Cymraeg",
             english_name="Welsh", prefix="/cy", words=welsh_words.WORDS,
             ons_names=re.compile(r"^pcon\d*nmw$")),
)}


def language_for(code: str) -> Language:
    """The language of `code`; ValueError for a code not in the register."""
    try:
        return REGISTER[code]
    except KeyError:
        raise ValueError(f"A letter can be written in {' or '.join(REGISTER)}, "
                         f"not {code!r}") from None


def words_for(language: str) -> LetterWords:
    """The fixed words of a letter in `language` (a code); ValueError for any other."""
    return language_for(language).words


def translations() -> tuple[Language, ...]:
    """The languages beside the default one, whose texts are translations of its own."""
    return tuple(language for language in REGISTER.values() if not language.is_default)
