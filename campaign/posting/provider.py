"""What any print-and-post service is to the site: one call that prints and posts a PDF
to an address, and the faults it can have. Stannp is one adapter (stannp.py); another
service (PostGrid, say) is another small class with the same `send`, chosen in
`providers.provider_for`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

FIRST, SECOND = "first", "second"
POST_CLASSES = (FIRST, SECOND)


@dataclass(frozen=True)
class Recipient:
    """Where the letter goes, as the letter's own address block says it: the name line,
    the address lines, the post town and the postcode (never the writer's address)."""

    name: str
    address_lines: tuple[str, ...]
    town: str
    postcode: str
    country: str = "GB"

    @classmethod
    def from_block(cls, lines: tuple[str, ...]) -> Recipient:
        """From a UK address block (letters: the name, lines, POST TOWN, postcode last),
        so the envelope says what the letter's window would."""
        if len(lines) < 3:
            raise ValueError("an address block has a name, a town and a postcode")
        return cls(name=lines[0], address_lines=tuple(lines[1:-2]), town=lines[-2],
                   postcode=lines[-1])


@dataclass(frozen=True)
class Sent:
    """The service's answer to a letter taken: its id, its status and the cost it said."""

    provider_id: str
    status: str
    cost: str = ""


class PostingFailed(Exception):
    """The service did not take the letter (down, refusing or talking nonsense).
    `reason` is for the log (never anything of the letter); nothing was charged.
    `unsure` when the letter was sent and no answer came in time: the service may yet
    post it, so its place in the budget stays taken until the writer's retry (the same
    idempotency key) settles which."""

    def __init__(self, reason: str, unsure: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.unsure = unsure


class Provider(Protocol):
    """A print-and-post service."""

    name: str

    def send(self, *, pdf: bytes, recipient: Recipient, idempotency_key: str,
             post_class: str, tags: str = "") -> Sent:
        """Print and post `pdf` to `recipient` once per `idempotency_key`; raise
        PostingFailed when the service does not say plainly that it took it."""
        ...

