"""Participation records: the only thing the site keeps about a letter.

A record holds the campaign, the constituency, the day and the formats downloaded,
and what the letter said as it was written: the recipient (the MP, or a second
letter's target), each ask it carried in the wording it carried it (the ask's own, the
writer's nation's own, or the target's: `ask_wordings`, staff's text, never the
writer's), and the MP's member id, name, post and stance on the campaign then. Counts and
evidence packs read these, never today's rules, so an ask left out in Wales is never
counted for a Welsh MP and marking an MP "supports" later leaves earlier letters alone.
Nothing about the person. The token is random, made when the preview is shown, so
downloading the same letter again, or in the other format, updates one record
instead of adding another.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import sqlite_utils

from campaign.db import write_transaction
from campaign.lookup.finder import FoundMP
from campaign.public.signed_requests import LetterRequest
from letters import Ask
from letters.devolution import rule_for
from letters.nations import Nation
from letters.stances import Stance
from letters.targets import Target

#: Where a recorded ask's wording came from (ask_wordings.source).
ASK_OWN, NATION_OWN, TARGET_OWN = "ask", "nation", "target"


@dataclass(frozen=True)
class AskWording:
    """One ask as one letter carried it: staff's wording (all its phrasings) and where
    it came from, so a pack can quote the ask as that letter put it."""

    ask_id: int
    source: str  # ASK_OWN, NATION_OWN (`nation`'s own paragraph) or TARGET_OWN
    nation: str  # the writer's nation's code ("S"); "" when unknown
    text: str

    @property
    def key(self) -> str:
        """The wording's key in ask_wordings: the same text is kept once."""
        digest = hashlib.sha256(
            f"{self.ask_id}\0{self.source}\0{self.nation}\0{self.text}".encode()).hexdigest()
        return digest[:24]


def carried_wordings(asks: Sequence[Ask], nation: Nation | None,
                     target: Target | None = None) -> tuple[AskWording, ...]:
    """The asks a letter carried, each in the wording it carried it: to the MP, those its
    writer's `nation` lets an MP be asked (in the nation's own paragraph where staff wrote
    one); to `target`, those a devolved body decides there (in the target's own
    phrasing, else the ask's). As letters.devolution and letters.targets compose them."""
    code = str(nation) if nation else ""
    carried = []
    for ask in asks:
        rule = rule_for(ask, nation)
        if target is not None:
            if not rule.devolved:
                continue
            own = (target.ask_paragraphs.get(ask.id) or "").strip()
            carried.append(AskWording(ask.id, TARGET_OWN if own else ASK_OWN, code,
                                      own or ask.paragraph))
        elif rule.in_mp_letter:
            own = rule.paragraph.strip() if rule.devolved else ""
            carried.append(AskWording(ask.id, NATION_OWN if own else ASK_OWN, code,
                                      own or ask.paragraph))
    return tuple(sorted(carried, key=lambda wording: wording.ask_id))


@dataclass(frozen=True)
class LetterCount:
    """What one letter leaving in one format adds to the records: exactly the row's
    fields, nothing about the person (the token is random, the reference hashed)."""

    token: str
    campaign_id: int
    constituency_code: str
    constituency_name: str
    ask_ids: tuple[int, ...]
    fmt: str
    day: str  # ISO date
    reference_hash: str | None = None
    target_id: int | None = None  # a second letter's target; None for the letter to the MP
    language: str = "en"  # the pages' language when it was written ("en" or "cy")
    #: The asks as the letter carried them (ask_ids are theirs); empty: not recorded.
    wordings: tuple[AskWording, ...] = ()
    member_id: int | None = None  # the MP written to (or whose constituent wrote)
    mp_name: str = ""  # their name then, as the register gave it ("Ms Diane Abbott")
    stance: str | None = None  # that MP's stance on the campaign then (letters.stances)
    mp_post: str = ""  # the post the MP held then, as the address block printed it

    def write(self, db: sqlite_utils.Database) -> bool:
        """Write it (idempotent); True if this was the letter's first count."""
        return record_download(db, token=self.token, campaign_id=self.campaign_id,
                               constituency_code=self.constituency_code,
                               constituency_name=self.constituency_name,
                               ask_ids=self.ask_ids, fmt=self.fmt,
                               day=date.fromisoformat(self.day),
                               reference_hash=self.reference_hash, target_id=self.target_id,
                               language=self.language, wordings=self.wordings,
                               member_id=self.member_id, mp_name=self.mp_name,
                               stance=self.stance, mp_post=self.mp_post)

    @classmethod
    def from_dict(cls, data: dict) -> LetterCount:
        """The count from its stored JSON form (see pending_counts)."""
        return cls(**{**data, "ask_ids": tuple(int(ask) for ask in data["ask_ids"]),
                      "wordings": tuple(AskWording(**wording) if isinstance(wording, dict)
                                        else AskWording(*wording)
                                        for wording in data.get("wordings", ()))})


class CountKeeper(Protocol):
    """Where a letter's count goes: written now, or held until the database takes it
    (campaign.public.pending_counts.PendingCounts, which imports LetterCount from here)."""

    def record(self, db: sqlite_utils.Database, count: LetterCount) -> bool: ...


def record_letter(db: sqlite_utils.Database, pending: CountKeeper, request: LetterRequest,
                  found: FoundMP, *, asks: Sequence[Ask], fmt: str, day: date,
                  stance: str = "", target: Target | None = None,
                  reference_hash: str | None = None, language: str = "en") -> None:
    """Record a letter downloaded (or emailed) as `fmt`; the first time, the public
    counter shows it.

    `asks` are the asks the writer ticked that are still offered (what the letter was
    composed from); the record keeps those the letter carried to its recipient, in the
    wording it carried them (carried_wordings). `stance` is the MP's on the campaign as
    the letter was composed ("" or "not known": not known). `reference_hash` ties it
    to the writer's reference. A second letter (to `target`, see
    public.second_letters) is a letter of its own: its own row, with its target, and no
    reference (the reference follows the letter to the MP). When the database can't
    take the write just now, `pending` holds it and writes it later: the letter is
    delivered all the same."""
    token, target_id = request.token, None
    if target is not None:
        target_id = target.id
        token, reference_hash = f"{request.token}:t{target.id}", None
    wordings = carried_wordings(asks, found.constituency.nation, target)
    pending.record(db, LetterCount(
        token=token, campaign_id=request.campaign_id,
        constituency_code=found.constituency.code,
        # The register's spelling ("Ynys Môn"), not postcodes.io's ("Ynys Mon").
        constituency_name=found.mp.constituency or found.constituency.name,
        ask_ids=tuple(wording.ask_id for wording in wordings), fmt=fmt, day=day.isoformat(),
        reference_hash=reference_hash, target_id=target_id, language=language,
        wordings=wordings, member_id=found.mp.member_id, mp_name=found.mp.display_as,
        stance=str(Stance.read(stance) or Stance.NOT_KNOWN), mp_post=found.mp.post))


def record_download(db: sqlite_utils.Database, *, token: str, campaign_id: int,
                    constituency_code: str, constituency_name: str,
                    ask_ids: Iterable[int], fmt: str, day: date,
                    reference_hash: str | None = None, target_id: int | None = None,
                    language: str = "en", wordings: Sequence[AskWording] = (),
                    member_id: int | None = None, mp_name: str = "",
                    stance: str | None = None, mp_post: str = "") -> bool:
    """Count a downloaded (or emailed) letter once; return True if this was its first.

    `fmt` is the format it left in (pdf, docx or email); `reference_hash` ties the
    row to the citizen's reference so they can report on it later; `target_id` is the
    campaign target a second letter went to (None: the MP); `language` is the pages'.
    `wordings` are the asks as the letter carried them (each kept once in
    ask_wordings); `member_id`, `mp_name`, `stance` and `mp_post` are the MP's as it
    was written.
    """
    with write_transaction(db):
        cursor = db.execute(
            "insert or ignore into letters (token, campaign_id, constituency_code,"
            " constituency_name, day, formats, reference_hash, target_id, language,"
            " member_id, mp_name, stance, mp_post)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [token, campaign_id, constituency_code, constituency_name, day.isoformat(), fmt,
             reference_hash, target_id, language, member_id, mp_name, stance, mp_post],
        )
        if cursor.rowcount:
            keys = {wording.ask_id: wording.key for wording in wordings}
            if wordings:
                db.conn.executemany(
                    "insert or ignore into ask_wordings (key, ask_id, source, nation, text)"
                    " values (?, ?, ?, ?, ?)",
                    [(w.key, w.ask_id, w.source, w.nation, w.text) for w in wordings])
            # The day is repeated here so asks can be counted by day from an index alone.
            db.conn.executemany(
                "insert or ignore into letter_asks (letter_id, ask_id, day, wording)"
                " values (?, ?, ?, ?)",
                [(cursor.lastrowid, ask_id, day.isoformat(), keys.get(ask_id))
                 for ask_id in sorted(set(ask_ids))],
            )
            return True
        db.execute(
            "update letters set formats = formats || ',' || ?"
            " where token = ? and instr(',' || formats || ',', ',' || ? || ',') = 0",
            [fmt, token, fmt],
        )
        return False
