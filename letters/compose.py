"""Compose a Letter from a campaign's wording, the chosen asks, the MP and the sender."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from letters import addressing
from letters.dates import uk_date
from letters.model import MP, Ask, Letter, Sender, Wording
from letters.wording import render_wording


def compose_letter(
    *,
    wording: Wording,
    asks: Sequence[Ask],
    mp: MP,
    sender: Sender,
    personal_note: str = "",
    today: date,
) -> Letter:
    """Build the letter, paragraph by paragraph, in the order a caseworker expects.

    The opening says the writer is a constituent; each ask adds its paragraph; the
    writer's own words follow; the closing asks for a reply. Raises
    letters.wording.WordingError if the campaign's wording cannot be rendered.
    """
    values = {
        "mp_name": _plain_name(mp),
        "mp_full_title": mp.full_title,
        "mp_address_as": mp.address_as,
        "constituency": mp.constituency,
        "writer_name": sender.full_name,
        "date": uk_date(today),
    }
    paragraphs = [render_wording(wording.opening, values)]
    paragraphs += [ask.paragraph.strip() for ask in asks if ask.paragraph.strip()]
    note = personal_note.strip()
    if note:
        paragraphs += [part.strip() for part in note.split("\n\n") if part.strip()]
    role = addressing.role_note(mp)
    if role:
        paragraphs.append(role)
    paragraphs.append(render_wording(wording.closing, values))
    subject = render_wording(wording.subject, values) if wording.subject else ""
    return Letter(
        sender_name=sender.full_name,
        sender_address=sender.address_block,
        date=today,
        date_text=uk_date(today),
        recipient_lines=addressing.recipient_lines(mp),
        salutation=addressing.salutation(mp),
        subject=subject,
        paragraphs=tuple(p for p in paragraphs if p),
        valediction="Yours sincerely",
        signature_name=sender.full_name,
        mp_name=_plain_name(mp),
        title=f"Letter to {_plain_name(mp)}",
    )


def _plain_name(mp: MP) -> str:
    """The MP's name without honorifics ("Ms Diane Abbott" -> "Diane Abbott")."""
    name = mp.display_as.strip()
    for prefix in ("Mr ", "Mrs ", "Ms ", "Miss ", "Mx ", "Dr "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name
