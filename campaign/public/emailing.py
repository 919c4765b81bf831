"""Sending a letter from the citizen's own mail app: a `mailto:` link, nothing through us.

The link carries the letter's subject and its text as an email reads: from "Dear …"
to the sign-off, then the writer's name, postal address and contact (MPs answer only
constituents who say where they live). The printed letter's address blocks and date
are left out: an email has its own. Phones'
mail apps and some browsers cut or refuse long `mailto:` links, so past about 2,000
characters the page offers the text to copy and the address to paste into instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from letters import Letter

# How much text (subject and body) a mailto: link carries. The issue's "about 2,000
# characters" is read as the letter's text, not the percent-encoded URL: encoded, a
# one-ask letter of ~1,400 characters passes 2,000, and the button would almost never
# show. Phone mail apps (iOS Mail, Gmail on Android) open links of several kilobytes.
MAILTO_MAX_TEXT = 2000


@dataclass(frozen=True)
class EmailOffer:
    """How the preview offers email: `mailto` is None when the link would be too long."""

    address: str
    subject: str
    body: str
    mailto: str | None


def email_subject(letter: Letter) -> str:
    """The subject line: the letter's own, or one naming the writer as a constituent
    (in the language of the letter's fixed words)."""
    return letter.subject or letter.words.email_subject.format(name=letter.sender_name)


def mailto_link(address: str, subject: str, body: str) -> str:
    """A `mailto:` URL (RFC 6068): every reserved character encoded, lines as CRLF."""
    def encode(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return f"mailto:{quote(address, safe='@')}?subject={encode(subject)}&body={encode(body)}"


def email_body(letter: Letter) -> str:
    """The letter as an email's text: the salutation, the paragraphs, the sign-off, then
    the name, postal address and contact under it (the subject is the email's own)."""
    signature = "\n".join((letter.signature_name, *letter.sender_address,
                           *letter.sender_contact))
    return "\n\n".join([letter.salutation, *letter.paragraphs, letter.valediction, signature])


def email_offer(letter: Letter, address: str) -> EmailOffer | None:
    """What to offer for emailing `letter` to `address`; None when there is no address."""
    if not address:
        return None
    subject = email_subject(letter)
    body = email_body(letter)
    link = mailto_link(address, subject, body)
    return EmailOffer(address=address, subject=subject, body=body,
                      mailto=link if len(subject) + len(body) <= MAILTO_MAX_TEXT else None)
