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


def recipient_lines(mp: MP) -> tuple[str, ...]:
    """The address block: full title, any office, then the House of Commons."""
    lines = [mp.full_title]
    if mp.is_speaker:
        lines.append("Speaker of the House of Commons")
    return (*lines, *HOUSE_OF_COMMONS)


def address_as(mp: MP) -> str:
    """How the letter names the MP after "Dear" and in its text: "Ms Abbott", "Mr Speaker"."""
    if mp.is_speaker:
        return "Madam Speaker" if mp.gender.upper() == "F" else "Mr Speaker"
    return mp.address_as.strip() or mp.display_as.strip()


def salutation(mp: MP) -> str:
    """The greeting line, e.g. "Dear Ms Abbott" or "Dear Mr Speaker"."""
    return f"Dear {address_as(mp)}"


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
