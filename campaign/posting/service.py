"""Posting one letter for its writer: the seam between the citizen's journey and the
print-and-post service.

`post_letter` takes the verified preview's request and MP and the Letter composed from
them (the very letter the preview showed), reserves its place in the budget, renders the PDF in
memory (with a typed signature line, without the writer's own copy page), makes one
call and records the answer. It never stores the PDF, the name, the address or the
words: the row holds the reference's hash, the campaign, the constituency, the day,
the status and the service's id and cost.
"""
from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime

import sqlite_utils

from campaign.campaigns import Campaign
from campaign.clock import today
from campaign.lookup.finder import FoundMP
from campaign.posting import budget
from campaign.posting.provider import PostingFailed, Provider, Recipient
from campaign.public.references import reference_hash
from campaign.public.signed_requests import LetterRequest
from letters import Letter
from letters.render_pdf import render_pdf

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What happened: `posted` (now or before), `pending` (another press of the button
    is making the call), `refused` (a budget rule: `why`), or `failed` (the service: `why`
    is "unsure" when the letter went and no answer came)."""

    kind: str
    why: str = ""
    status: str = ""


def postable(letter: Letter) -> Letter:
    """The letter as it is printed for the writer: the typed signature line, and not the
    writer's own copy page (that stays in their download)."""
    return replace(letter, keepsake=(), typed_signature=True)


def _identity(letter_request: LetterRequest, found: FoundMP) -> str:
    """The writer, as the per-writer limit knows them: name, first address line and
    postcode, folded so case, spacing and accents do not make a second writer."""
    text = "|".join((letter_request.full_name, letter_request.address_line1,
                     str(found.postcode)))
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(folded.lower().split())


def idempotency_key(ref_hash: str) -> str:
    """The key the service keeps to answer a repeat of this letter with its first answer."""
    return f"mp-letter-{ref_hash[:48]}"


def post_letter(*, db: sqlite_utils.Database, provider: Provider | None, campaign: Campaign,
                letter_request: LetterRequest, found: FoundMP, letter: Letter,
                post_class: str, secret_key: str, now: datetime) -> Outcome:
    """Post `letter` (composed from `letter_request` for the MP `found`) for its writer,
    once, within the budget."""
    if provider is None or campaign.is_closed:
        return Outcome("refused", "off")
    try:
        recipient = Recipient.from_block(tuple(letter.recipient_lines))
    except ValueError:
        return Outcome("refused", "address")
    ref_hash = reference_hash(letter_request.reference or letter_request.token, secret_key)
    try:
        reservation = budget.reserve(
            db, campaign_id=campaign.id, reference_hash=ref_hash,
            writer=budget.writer_hash(db, campaign.id, _identity(letter_request, found)),
            constituency_code=found.constituency.code,
            constituency_name=found.mp.constituency or found.constituency.name,
            now=now, day=today(), provider=provider.name)
    except budget.NotPosting as refused:
        return Outcome("refused", refused.why)
    if not reservation.fresh:
        if reservation.status == budget.RESERVED:
            return Outcome("pending")
        return Outcome("posted", status=reservation.status)
    try:
        pdf = render_pdf(postable(letter))
        sent = provider.send(pdf=pdf, recipient=recipient,
                             idempotency_key=idempotency_key(ref_hash),
                             post_class=post_class, tags=f"campaign-{campaign.id}")
    except PostingFailed as failure:
        if failure.unsure:
            budget.unsure(db, reservation.row_id, now)
        else:
            budget.release(db, reservation.row_id)
        # The reason names the service and the fault, never the letter or the writer.
        log.warning("posting failed: %s", failure.reason)
        return Outcome("failed", "unsure" if failure.unsure else "failed")
    except BaseException:
        budget.release(db, reservation.row_id)
        raise
    budget.confirm(db, reservation.row_id, sent, now)
    return Outcome("posted", status=sent.status)
