"""How to address an MP on the envelope and after "Dear".

Parliament's own forms come from the Members API: `nameFullTitle` for the address
block and `nameAddressAs` for the salutation. Two seats need more than that:

- The Speaker (Chorley) is addressed by office: "Dear Mr Speaker" / "Dear Madam
  Speaker", with "Speaker of the House of Commons" under the name. Being impartial,
  the Speaker takes constituents' concerns to ministers rather than to debate.
- Sinn Féin MPs do not take their seats; post to the House of Commons still reaches
  them, and the letter asks them to take the matter up with the government.
"""
from __future__ import annotations

from letters.languages import ENGLISH, REGISTER, words_for
from letters.model import MP
from letters.words import LetterWords

#: A post name longer than this would not fit the DL window's 90 mm on one line: the
#: address block then carries the name alone (the letter still reaches the MP).
MAX_POST_LINE = 60


def recipient_lines(mp: MP, language: str = ENGLISH) -> tuple[str, ...]:
    """The address block: full title, any office or post, then the House of Commons."""
    words = words_for(language)
    lines = [full_title(mp, words)]
    if mp.is_speaker:
        lines.append(words.speaker_office)
    elif mp.post and len(mp.post) <= MAX_POST_LINE:
        lines.append(mp.post)
    return (*lines, *words.house_of_commons)


def full_title(mp: MP, words: LetterWords) -> str:
    """Parliament's `nameFullTitle`, its honorific and "MP" in the letter's language.

    Only "Rt Hon" before the name and "MP" after it are Parliament's words to
    translate ("Rt Hon Diane Abbott MP" is "Y Gwir Anrh. Diane Abbott AS"); the name
    and any other letters after it stay exactly as Parliament gives them.
    """
    title = mp.full_title
    english = words_for(ENGLISH)
    if words is english:
        return title
    if title.startswith(english.right_honourable + " "):
        rest = _titled(title[len(english.right_honourable) + 1:], words)
        title = f"{words.right_honourable} {rest}"
    else:
        title = _titled(title, words)
        title = title[:1].upper() + title[1:]  # the line starts "Y Fonesig"
    if title.endswith(" " + english.member):
        title = f"{title[:-len(english.member) - 1]} {words.member}"
    return title


def titled(name: str, language: str = ENGLISH) -> str:
    """`name` as Parliament gives it, with a leading "Sir" or "Dame" in `language`:
    "Sir Mel Stride" is "Syr Mel Stride" in Welsh, "Dame Nia Griffith" "y Fonesig Nia
    Griffith". The name itself never changes."""
    known = REGISTER.get(language)
    return _titled(name, known.words) if known else name


def _titled(name: str, words: LetterWords) -> str:
    """`name` with a leading title in the language of `words` (LetterWords.titles)."""
    for english, translated in words.titles:
        if name.startswith(english):
            return translated + name[len(english):]
    return name


def address_as(mp: MP, language: str = ENGLISH) -> str:
    """How the letter names the MP after "Dear" and in its text: "Ms Abbott", "Mr Speaker"."""
    if mp.is_speaker:
        words = words_for(language)
        return words.madam_speaker if mp.gender.upper() == "F" else words.mr_speaker
    return titled(mp.address_as.strip() or mp.display_as.strip(), language)


def salutation(mp: MP, language: str = ENGLISH) -> str:
    """The greeting line, e.g. "Dear Ms Abbott", "Dear Mr Speaker", "Annwyl Ms Abbott",
    "Annwyl Syr Mel Stride"."""
    name = address_as(mp, language)
    words = words_for(language)
    for titled_name, after in words.after_dear:
        # A title after "Dear" may change (Welsh: "Annwyl Fonesig Nia Griffith", its
        # soft mutation and no article). The name itself never mutates.
        if name.startswith(titled_name):
            name = after + name[len(titled_name):]
    return words.dear.format(name=name)


def role_opening(mp: MP, language: str = ENGLISH) -> str:
    """The opening paragraph for MPs whose role changes what they can be asked, else "",
    in `language` (that of the campaign's wording it replaces).

    It takes the place of the campaign's opening, which asks an MP to support the
    campaign: the Speaker takes no side in the House, but still acts for constituents.
    """
    if mp.is_speaker:
        return words_for(language).speaker_opening.format(constituency=mp.constituency)
    return ""


def role_closing(mp: MP, language: str = ENGLISH) -> str:
    """The closing paragraph for MPs whose role changes what they can do, else "", in
    `language` (that of the campaign's wording it replaces).

    It takes the place of the campaign's closing, which asks an MP to raise the
    matter in the House: the Speaker cannot, and Sinn Féin MPs do not sit there.
    """
    if mp.is_speaker:
        return words_for(language).speaker_closing
    if mp.is_abstentionist:
        return words_for(language).abstentionist_closing
    return ""
