"""The fixed words a letter prints, in each language a letter can be written in.

A campaign's own wording (opening, asks, closing) is staff's text and comes in as it
is; everything else on the page is the letter's own furniture: the greeting, the
sign-off, the House of Commons' address, "MP" after the name, the date, the running
header of later pages, the envelope's labels. English is the default everywhere, so
a caller that never says a language gets the letter it always got.

The Welsh follows the conventions in the project's reference notes: "Annwyl ..."
(Dear), "Yn gywir" (Yours sincerely), "AS" (Aelod Seneddol) for MP, Tŷ'r Cyffredin /
LLUNDAIN / SW1A 0AA, and dates with no ordinal ("5 Ionawr 2026"). Personal names
after "Annwyl" do not mutate. Welsh written here is to be read by a fluent speaker
before a campaign relies on it (see the README).
"""
from __future__ import annotations

from dataclasses import dataclass

ENGLISH = "en"
WELSH = "cy"


@dataclass(frozen=True)
class LetterWords:
    """Every fixed word a letter, its envelope and its email print, in one language."""

    #: The language tag files carry for spell-checkers and screen readers.
    tag: str
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
    email_subject: str
    #: The paragraphs an MP's role calls for in place of the campaign's opening or
    #: closing (letters.addressing.role_opening/role_closing), in the wording's language.
    speaker_opening: str
    speaker_closing: str
    abstentionist_closing: str


WORDS = {
    ENGLISH: LetterWords(
        tag="en-GB",
        dear="Dear {name}",
        valediction="Yours sincerely",
        house_of_commons=("House of Commons", "LONDON", "SW1A 0AA"),
        member="MP",
        right_honourable="Rt Hon",
        speaker_office="Speaker of the House of Commons",
        mr_speaker="Mr Speaker",
        madam_speaker="Madam Speaker",
        continued="continued overleaf",
        page_of="Page {number} of {total}",
        writer_to_mp="{writer} to {mp}",
        letter_to="Letter to {mp}",
        envelope_to="Envelope to {mp}",
        return_address="Return address:",
        stamp="Stamp",
        keepsake_heading="Your copy: keep this page, it is not for your MP",
        email_subject="A letter from your constituent {name}",
        speaker_opening=(
            "I am writing to you as my Member of Parliament for {constituency}. I know "
            "that as Speaker you take no side on matters before the House, so I am not "
            "asking you to support a position there; I am asking you, as my constituency "
            "MP, to take up the concerns below with the Government on my behalf."),
        speaker_closing=(
            "I understand that as Speaker you remain impartial in the House, so I would be "
            "grateful if you would pass my concerns to the relevant Minister on my behalf, "
            "and let me know how they reply."),
        abstentionist_closing=(
            "I understand that you do not take your seat at Westminster, so I would be "
            "grateful if you would raise my concerns directly with the relevant Minister, "
            "and let me know how they reply."),
    ),
    WELSH: LetterWords(
        tag="cy-GB",
        dear="Annwyl {name}",
        valediction="Yn gywir",
        house_of_commons=("Tŷ'r Cyffredin", "LLUNDAIN", "SW1A 0AA"),
        member="AS",
        right_honourable="Y Gwir Anrh.",
        speaker_office="Llefarydd Tŷ'r Cyffredin",
        mr_speaker="Mr Llefarydd",
        madam_speaker="Madam Llefarydd",
        continued="parhad drosodd",
        page_of="Tudalen {number} o {total}",
        writer_to_mp="{writer} at {mp}",
        letter_to="Llythyr at {mp}",
        envelope_to="Amlen at {mp}",
        return_address="Cyfeiriad dychwelyd:",
        stamp="Stamp",
        keepsake_heading="Eich copi chi: cadwch y dudalen hon, nid yw ar gyfer eich AS",
        email_subject="Llythyr gan eich etholwr {name}",
        # "yn etholaeth" before the constituency: a name after "dros" would mutate.
        # Straight apostrophes, as in the letter's other words ("Tŷ'r Cyffredin").
        speaker_opening=(
            "Rwy'n ysgrifennu atoch gan mai chi yw fy Aelod Seneddol yn etholaeth "
            "{constituency}. "
            "Gwn nad ydych, fel Llefarydd, yn cymryd ochr ar faterion gerbron y Tŷ, felly "
            "nid wyf yn gofyn i chi gefnogi safbwynt yno; rwy'n gofyn i chi, fel AS fy "
            "etholaeth, godi'r pryderon isod gyda'r Llywodraeth ar fy rhan."),
        speaker_closing=(
            "Deallaf eich bod, fel Llefarydd, yn parhau'n ddiduedd yn y Tŷ, felly byddwn yn "
            "ddiolchgar pe baech yn trosglwyddo fy mhryderon i'r Gweinidog perthnasol ar fy "
            "rhan, ac yn rhoi gwybod i mi sut y mae'n ymateb."),
        abstentionist_closing=(
            "Deallaf nad ydych yn cymryd eich sedd yn San Steffan, felly byddwn yn "
            "ddiolchgar pe baech yn codi fy mhryderon yn uniongyrchol gyda'r Gweinidog "
            "perthnasol, ac yn rhoi gwybod i mi sut y mae'n ymateb."),
    ),
}

#: Every language a letter can be written in.
LANGUAGES = tuple(WORDS)


def words_for(language: str) -> LetterWords:
    """The fixed words of a letter in `language` ("en" or "cy"); ValueError for any other."""
    try:
        return WORDS[language]
    except KeyError:
        raise ValueError(f"A letter can be written in {' or '.join(LANGUAGES)}, "
                         f"not {language!r}") from None
