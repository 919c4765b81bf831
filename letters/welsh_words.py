"""The fixed words of a letter in Welsh (letters.languages.LetterWords).

They follow the conventions in the project's reference notes: "Annwyl ..." (Dear),
"Yn gywir" (Yours sincerely), "AS" (Aelod Seneddol) for MP, Tŷ'r Cyffredin /
LLUNDAIN / SW1A 0AA, and dates with no ordinal ("5 Ionawr 2026"). Personal names
after "Annwyl" do not mutate; "Syr" for Sir and "y Fonesig" for Dame, which after
"Annwyl" takes its soft mutation and no article ("Annwyl Fonesig Nia Griffith"), as in
"Annwyl Syr/Fadam". Welsh written here is to be read by a fluent speaker before a
campaign relies on it (see the README).
"""
from __future__ import annotations

from letters.words import LetterWords

WORDS = LetterWords(
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
    typed_signature="{name} (llofnod wedi'i deipio: postiwyd ar fy rhan gan gwmni argraffu)",
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
    titles=(("Sir ", "Syr "), ("Dame ", "y Fonesig ")),
    after_dear=(("y Fonesig ", "Fonesig "),),
)
