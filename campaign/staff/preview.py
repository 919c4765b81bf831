"""The letter a citizen would get, composed for staff before a campaign goes live.

It is composed where a citizen's letter is (campaign.public.composing.mp_letter) and
goes through the same renderers, with
the campaign's enabled asks, so staff see exactly what will be posted; in Welsh too,
once the campaign's Welsh is complete (campaign.campaigns.translations), as a writer on the
Welsh pages gets it. The MP is a
real one from the register when it has been loaded, otherwise a built-in sample
clearly marked as such. Nothing here records participation.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from campaign.campaigns import Campaign, campaign_by_id, enabled_asks
from campaign.lookup.register import mp_by_code
from campaign.public.composing import mp_letter
from campaign.public.forms import NOTE_MAX
from campaign.stances.records import stance_of
from letters import MP, Letter, Sender
from letters.languages import ENGLISH, Language, translations
from letters.nations import Nation
from letters.stances import Stance

SAMPLE_MP = MP(
    member_id=0, display_as="Ms Sam Sample", full_title="Sam Sample MP (sample)",
    address_as="Ms Sample", party="Sample Party", constituency="Sampleton (sample)",
    gender="F",
)
SAMPLE_SENDER = Sender(
    full_name="Alex Example (sample writer)",
    address_lines=("1 Example Street", "Sampleton"),
    postcode="SW1A 1AA",
)
# The key of the sample MP above (a register seat's key is its GSS code), for the choice
# of MPs on the preview page.
SAMPLE_KEY = "sample"


@dataclass(frozen=True)
class SampleSeat:
    """A constituency staff can preview the letter for."""

    key: str
    label: str


def sample_seats(db: sqlite_utils.Database, campaign_id: int | None = None) -> list[SampleSeat]:
    """The seats to choose from: the built-in sample first, then the MP register, each MP
    marked as the letter treats them (a minister, a shadow minister, a supporter of
    campaign `campaign_id`), so staff can preview each wording."""
    # A seat the shipped list lacks has no code to choose it by; it is left out.
    rows = db.query(
        "select m.constituency_code, m.constituency_name, m.display_as, m.government_posts,"
        " m.opposition_posts, s.stance from mps m left join mp_stances s"
        " on s.member_id = m.member_id and s.campaign_id = ?"
        " where m.constituency_code is not null order by m.constituency_name",
        [campaign_id if campaign_id is not None else -1])
    return [SampleSeat(SAMPLE_KEY, "Sampleton (built-in sample MP)")] + [
        SampleSeat(r["constituency_code"],
                   f"{r['constituency_name']} ({r['display_as']}){_marks(r)}")
        for r in rows]


def _marks(row: dict) -> str:
    """" · minister · supports the campaign": what changes the letter's wording."""
    marks = []
    if (row["government_posts"] or "").strip():
        marks.append("minister")
    elif (row["opposition_posts"] or "").strip():
        marks.append("shadow minister")
    if row["stance"] == str(Stance.SUPPORTS):
        marks.append("supports the campaign")
    return "".join(f" \u00b7 {mark}" for mark in marks)


def sample_mp(db: sqlite_utils.Database, key: str | None) -> MP:
    """The MP for constituency code `key`; the built-in sample when absent or unknown."""
    if key and key != SAMPLE_KEY:
        return mp_by_code(db, key) or SAMPLE_MP
    return SAMPLE_MP


def preview_letter(db: sqlite_utils.Database, campaign: Campaign, mp: MP,
                   today: date, seed: int, nation: Nation | None = None) -> Letter:
    """The campaign's letter to `mp` from the sample writer (in `nation`: the asks a
    devolved body decides there left out or phrased for it), with every enabled ask,
    in the phrasings `seed` draws, and as `mp`'s post and stance on the campaign make it.

    Raises letters.limits.LetterTooLong if every ask together makes too long a letter,
    letters.NothingForMP if no ask is left for an MP in `nation`.
    """
    return mp_letter(campaign=campaign, asks=enabled_asks(db, campaign.id, campaign.language),
                     mp=mp, sender=SAMPLE_SENDER, day=today, seed=seed, nation=nation,
                     stance=str(stance_of(db, campaign.id, mp.member_id)),
                     language=campaign.language)


def campaign_in(db: sqlite_utils.Database, campaign_id: int, language: str | None) -> Campaign | None:
    """The campaign as writers on the pages in `language` ("cy", or anything not in the
    register for English) read it: in that language only once its translation is
    complete (`Campaign.language` says which it is)."""
    known = {other.code for other in translations()}
    return campaign_by_id(db, campaign_id, language if language in known else ENGLISH)


def translation_shown(language: str | None) -> Language:
    """The language beside English a preview offers (or shows): the one asked for, else
    the register's first."""
    return next((other for other in translations() if other.code == language),
                translations()[0])


#: The citizen's form's own words the preview shows, from the site's catalogue (the same
#: messages as the pages', so a Welsh preview reads as the Welsh pages do).
PREVIEW_WORDS = {
    "asks": _l("What the letter asks for"),
    "legend": _l("What do you want your MP to do?"),
    "tick": _l("Tick at least one. Each adds a paragraph to your letter."),
    "note": _l("In your own words (optional)"),
    "prompts": _l("Not sure what to say? Try one of these:"),
    "note_hint": _l("A line or two of your own makes a letter count for more. Up to "
                    "%(limit)s characters.", limit=format(NOTE_MAX, ",")),
}


def preview_words(language: str) -> dict[str, str]:
    """PREVIEW_WORDS in `language`, from the site's catalogue."""
    with force_locale(language):
        return {key: str(text) for key, text in PREVIEW_WORDS.items()}


def preview_nation(code: str | None) -> Nation:
    """The sample writer's nation from the preview's `nation` choice (England by default)."""
    return Nation.of_code(code or "") or Nation.ENGLAND
