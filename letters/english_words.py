"""The fixed words of a letter in English (letters.languages.LetterWords), the
language every letter was written in before any other: the default everywhere."""
from __future__ import annotations

from letters.words import LetterWords

WORDS = LetterWords(
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
    typed_signature="{name} (typed signature: posted for me by a printing company)",
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
)
