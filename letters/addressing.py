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

from letters.model import HOUSE_OF_COMMONS, MP

#: A post name longer than this would not fit the DL window's 90 mm on one line: the
#: address block then carries the name alone (the letter still reaches the MP).
MAX_POST_LINE = 60


def recipient_lines(mp: MP) -> tuple[str, ...]:
    """The address block: full title, any office or post, then the House of Commons."""
    lines = [mp.full_title]
    if mp.is_speaker:
        lines.append("Speaker of the House of Commons")
    elif mp.post and len(mp.post) <= MAX_POST_LINE:
        lines.append(mp.post)
    return (*lines, *HOUSE_OF_COMMONS)


def address_as(mp: MP) -> str:
    """How the letter names the MP after "Dear" and in its text: "Ms Abbott", "Mr Speaker"."""
    if mp.is_speaker:
        return "Madam Speaker" if mp.gender.upper() == "F" else "Mr Speaker"
    return mp.address_as.strip() or mp.display_as.strip()


def salutation(mp: MP) -> str:
    """The greeting line, e.g. "Dear Ms Abbott" or "Dear Mr Speaker"."""
    return f"Dear {address_as(mp)}"


def role_opening(mp: MP) -> str:
    """The opening paragraph for MPs whose role changes what they can be asked, else "".

    It takes the place of the campaign's opening, which asks an MP to support the
    campaign: the Speaker takes no side in the House, but still acts for constituents.
    """
    if mp.is_speaker:
        return (
            f"I am writing to you as my Member of Parliament for {mp.constituency}. I know "
            "that as Speaker you take no side on matters before the House, so I am not "
            "asking you to support a position there; I am asking you, as my constituency "
            "MP, to take up the concerns below with the Government on my behalf."
        )
    return ""


def role_closing(mp: MP) -> str:
    """The closing paragraph for MPs whose role changes what they can do, else "".

    It takes the place of the campaign's closing, which asks an MP to raise the
    matter in the House: the Speaker cannot, and Sinn Féin MPs do not sit there.
    """
    if mp.is_speaker:
        return (
            "I understand that as Speaker you remain impartial in the House, so I would be "
            "grateful if you would pass my concerns to the relevant Minister on my behalf, "
            "and let me know how they reply."
        )
    if mp.is_abstentionist:
        return (
            "I understand that you do not take your seat at Westminster, so I would be "
            "grateful if you would raise my concerns directly with the relevant Minister, "
            "and let me know how they reply."
        )
    return ""
