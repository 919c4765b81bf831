"""Evidence packs: a one- or two-page PDF per constituency, for organisers to take to its MP.

Each pack says how many constituents wrote, over which days, for which of the
campaign's asks, what the writers reported about sending and replies, and who runs
the campaign, with a small chart of letters per week. It is set in the letters'
typeface (letters.fonts) with reportlab, as the letters are.

A pack is written for the MP's office, not for the public: no campaign summary or
call to action, the campaign's title quoted (so any title reads well in a sentence),
each ask as the constituency's letters put it, what writers reported of sending and
replies, and the dates.

Counts only: the figures (campaign.exports.pack_figures counts them) hold nothing
about any writer. A number from 1 to 4 is never printed: it says "fewer than 5"
(campaign.small_numbers, the rule every public figure follows), so no pack lets a
reader single out one or two writers; the UK total is the floor that rule allows; and
a constituency with fewer than 5 letters gets no chart and the campaign's dates, not
its own. This module knows nothing of Flask or the database: it is given plain data.

The page is drawn on a reportlab canvas line by line rather than laid out by
platypus: a pack is a fixed design of short blocks, and drawing it directly takes a
fifth of the time, which is what lets 650 packs come out as one ZIP in a few seconds.
"""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from campaign.exports.charts import nice_ceiling
from campaign.small_numbers import SMALL_COUNT, PublicTotal, is_hidden
from letters.dates import long_date, short_date
from letters.fonts import register_fonts, without_joiners

INK = HexColor("#1b1b1b")
MUTED = HexColor("#505a5f")
ACCENT = HexColor("#1d4f91")  # the site's accent, as on the dashboard's charts
RULE = HexColor("#b1b4b6")
PANEL = HexColor("#eef2f7")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
COUNT_COLUMN = 28 * mm
CHART_HEIGHT = 28 * mm
FOOTER_MARGIN = 12 * mm


@dataclass(frozen=True)
class AskFigure:
    """One of the campaign's asks and how many of a constituency's letters to its MP
    carried it: `explanation` is the letters' own words when `quoted` (`source` saying
    whose phrasing, "as letters from Scotland put it"), else the ask's explanation."""

    title: str
    explanation: str
    letters: int
    quoted: bool = False
    source: str = ""


@dataclass(frozen=True)
class SeatFigures:
    """One constituency's letters: the body of its pack."""

    constituency_code: str
    constituency_name: str
    mp_name: str
    party: str
    letters: int
    first_day: date
    last_day: date
    asks: tuple[AskFigure, ...]
    #: (Monday, letters) for every week of the campaign's range, 0 for a quiet week.
    weeks: tuple[tuple[date, int], ...]
    reported_sent: int
    replied: int
    #: (name, letters) for letters written to an MP who no longer sits for the seat.
    earlier_mps: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class CampaignFigures:
    """What every pack of one campaign shares: the campaign and its UK-wide totals."""

    slug: str
    title: str
    #: Letters to MPs across the UK, as the public may see the total (small_numbers).
    uk: PublicTotal
    first_day: date | None
    last_day: date | None
    since: date | None
    until: date | None


@dataclass(frozen=True)
class Contact:
    """Who runs the campaign (the ORGANISATION_* settings): the pack's way back to them."""

    name: str
    url: str = ""
    email: str = ""
    address: str = ""

    @classmethod
    def from_settings(cls, settings: Mapping) -> Contact:
        """The contact the ORGANISATION_* settings describe (the app's config)."""
        return cls(**{field: settings.get(f"ORGANISATION_{field.upper()}", "") or ""
                      for field in ("name", "url", "email", "address")})


def shown_count(n: int, noun: str = "", nouns: str = "") -> str:
    """A count as a pack prints it: "none", "fewer than 5" or the exact figure ("1,234").

    With `noun` ("letter"), the noun follows in the right number: "fewer than 5 letters"
    (`nouns` for a plural that is not noun + "s").
    """
    if n <= 0:
        text, plural = "none", True
    elif is_hidden(n):
        text, plural = f"fewer than {SMALL_COUNT}", True
    else:
        text, plural = f"{n:,}", n != 1
    if noun:
        text += f" {nouns or noun + 's'}" if plural else f" {noun}"
    return text


def _exactly(n: int, noun: str, nouns: str = "") -> str:
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


def uk_sentence(campaign: CampaignFigures) -> str:
    """The campaign across the UK, by the public rule: "at least" when a seat's count
    is hidden, so no pack's total gives a small count away."""
    total = campaign.uk
    letters = _exactly(total.floor, "letter to an MP", "letters to MPs")
    return (f"Across the UK, {'' if total.exact else 'at least '}{letters} from "
            f"{_exactly(total.cells, 'constituency', 'constituencies')} were written in "
            f"this campaign {_days(campaign.first_day, campaign.last_day)}.")


def pack_file_name(constituency_name: str) -> str:
    """The pack's file name from its constituency, in plain ASCII: "ynys-mon.pdf"."""
    plain = unicodedata.normalize("NFKD", constituency_name).encode("ascii", "ignore").decode()
    return (re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "constituency") + ".pdf"


def _days(first: date | None, last: date | None) -> str:
    if not first:
        return ""
    if first == last or last is None:
        return f"on {long_date(first)}"
    return f"between {long_date(first)} and {long_date(last)}"


class _Pen:
    """Writes blocks of text down the page, wrapping lines and turning to a new page."""

    def __init__(self, canvas: Canvas, running_head: str):
        self.canvas = canvas
        self.regular, self.bold = register_fonts()
        self.running_head = running_head
        self.y = PAGE_HEIGHT - MARGIN
        self.page = 1

    def room(self, height: float, bottom: float = MARGIN) -> None:
        """Turn the page unless `height` points fit above `bottom` (the margin)."""
        if self.y - height < bottom:
            self.canvas.showPage()
            self.page += 1
            self.y = PAGE_HEIGHT - MARGIN
            self.lines([f"{self.running_head} (continued)"], self.regular, 8.5, 11, MUTED)
            self.y -= 8

    def wrap(self, text: str, font: str, size: float, width: float = TEXT_WIDTH) -> list[str]:
        return simpleSplit(without_joiners(text), font, size, width)

    def lines(self, lines: list[str], font: str, size: float, leading: float,
              color: Color = INK, x: float = MARGIN, bottom: float = MARGIN) -> None:
        """Draw `lines` from the cursor down, one leading apart (the page may turn between)."""
        for line in lines:
            self.room(leading, bottom)
            # Set for every line: a new page starts with the default black.
            self.canvas.setFillColor(color)
            self.canvas.setFont(font, size)
            self.y -= leading
            # Baselines sit a quarter of the leading above the line's foot.
            self.canvas.drawString(x, self.y + leading * 0.25, line)

    def text(self, text: str, size: float = 10.5, leading: float = 14.5, *, bold: bool = False,
             color: Color = INK, after: float = 5) -> None:
        """A wrapped paragraph, then `after` points of space."""
        font = self.bold if bold else self.regular
        self.lines(self.wrap(text, font, size), font, size, leading, color)
        self.y -= after

    def heading(self, text: str, keep: float = 40) -> None:
        """A section heading, kept with at least `keep` points of what follows."""
        self.y -= 6
        self.room(18 + keep)
        self.text(text, 12.5, 16, bold=True, after=4)


def _headline(pen: _Pen, campaign: CampaignFigures, seat: SeatFigures) -> None:
    """The number that matters, on a tinted panel: how many constituents wrote, and when."""
    few = is_hidden(seat.letters)
    figure = f"Fewer than {SMALL_COUNT}" if few else f"{seat.letters:,}"
    # A small count's own first and last days could point to a writer: give the campaign's.
    days = (_days(campaign.first_day, campaign.last_day) if few
            else _days(seat.first_day, seat.last_day))
    # The title quoted, as a name: "about Clean Rivers!" reads badly, any title quoted doesn't.
    words = pen.wrap(f"constituents in {seat.constituency_name} wrote to their MP in the "
                     f"campaign \u201c{campaign.title}\u201d, {days}.", pen.regular, 12,
                     TEXT_WIDTH - 28)
    height = 10 + 34 + 16 * len(words) + 10
    pen.room(height)
    canvas = pen.canvas
    canvas.setFillColor(PANEL)
    canvas.rect(MARGIN, pen.y - height, TEXT_WIDTH, height, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(MARGIN, pen.y - height, 3, height, stroke=0, fill=1)
    pen.y -= 10
    pen.lines([figure], pen.bold, 30, 34, ACCENT, x=MARGIN + 14)
    pen.lines(words, pen.regular, 12, 16, INK, x=MARGIN + 14)
    pen.y -= 10 + 8


def _chart(pen: _Pen, weeks: tuple[tuple[date, int], ...]) -> None:
    """Letters per week as bars; the first and last week named below the axis."""
    pen.room(CHART_HEIGHT)
    canvas = pen.canvas
    left, bottom = MARGIN + 30, pen.y - CHART_HEIGHT + 14
    plot_w, plot_h = MARGIN + TEXT_WIDTH - left, CHART_HEIGHT - 14 - 6
    # The axis never tops out at a small number, so no week's count reads off exactly.
    scale = nice_ceiling(max(max((n for _, n in weeks), default=0), 2 * SMALL_COUNT))
    canvas.setLineWidth(0.5)
    canvas.setFont(pen.regular, 8)
    for value in (0, scale):
        y = bottom + plot_h * value / scale
        canvas.setStrokeColor(MUTED if value == 0 else RULE)
        canvas.line(left, y, MARGIN + TEXT_WIDTH, y)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(left - 4, y - 3, f"{value:,}")
    slot = plot_w / max(len(weeks), 1)
    bar = min(max(slot * 0.8, 0.6), 24)
    canvas.setFillColor(ACCENT)
    for index, (_, letters) in enumerate(weeks):
        if letters:
            canvas.rect(left + index * slot + (slot - bar) / 2, bottom, bar,
                        plot_h * letters / scale, stroke=0, fill=1)
    canvas.setFillColor(MUTED)
    canvas.drawString(left, bottom - 11, f"week of {short_date(weeks[0][0])}")
    if len(weeks) > 1:
        canvas.drawRightString(MARGIN + TEXT_WIDTH, bottom - 11,
                               f"week of {short_date(weeks[-1][0])}")
    pen.y -= CHART_HEIGHT + 4


def _asks(pen: _Pen, seat: SeatFigures) -> None:
    """Each ask in full, with how many of the constituency's letters made it."""
    canvas, title_width = pen.canvas, TEXT_WIDTH - COUNT_COLUMN - 8
    right = MARGIN + TEXT_WIDTH
    canvas.setFont(pen.bold, 9)
    canvas.setFillColor(MUTED)
    pen.room(14)
    canvas.drawString(MARGIN, pen.y - 10, "Ask, in the letters' words")
    canvas.drawRightString(right, pen.y - 10, "Letters making it")
    pen.y -= 14
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, pen.y, right, pen.y)
    for ask in seat.asks:
        title = pen.wrap(ask.title, pen.bold, 10.5, title_width)
        words = ask.explanation
        if ask.quoted and words:
            words = (f"{ask.source[:1].upper()}{ask.source[1:]}: " if ask.source else "") \
                + f"\u201c{words}\u201d"
        explanation = pen.wrap(words, pen.regular, 10, title_width) if words else []
        pen.room(5 + 14 * len(title) + 13 * len(explanation) + 6)
        pen.y -= 5
        top = pen.y
        pen.lines(title, pen.bold, 10.5, 14)
        pen.lines(explanation, pen.regular, 10, 13, MUTED)
        canvas.setFont(pen.regular, 10.5)
        canvas.setFillColor(INK)
        canvas.drawRightString(right, top - 14 + 3.5, shown_count(ask.letters))
        pen.y -= 6
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, pen.y, right, pen.y)
    pen.y -= 4


def _replies_text(seat: SeatFigures) -> str:
    if not seat.reported_sent:
        return ("No writer here has yet told us whether they sent their letter or had a "
                "reply from your office. Writers can report both with the reference "
                "printed on their letter.")
    sent = shown_count(seat.reported_sent, "writer")
    replied = shown_count(seat.replied)
    return (f"{sent[0].upper()}{sent[1:]} told us, with the reference printed on their "
            f"letter, that they sent it; {replied} of them reported a reply from your "
            f"office so far.")


def _draw(pen: _Pen, campaign: CampaignFigures, seat: SeatFigures, contact: Contact,
          made_on: date) -> None:
    few = is_hidden(seat.letters)
    pen.text(f"Letters from constituents \u00b7 {contact.name or 'campaign evidence pack'}",
             9, 12, color=MUTED, after=6)
    pen.text(seat.constituency_name, 21, 25, bold=True, after=3)
    pen.text(f"For {seat.mp_name}, Member of Parliament for {seat.constituency_name}"
             if seat.mp_name else
             f"For the Member of Parliament for {seat.constituency_name}",
             12, 16, color=MUTED, after=10)
    _headline(pen, campaign, seat)
    for name, letters in seat.earlier_mps:
        # A letter keeps the MP it was written to: a predecessor's are said to be theirs.
        pen.text(f"Of these, {shown_count(letters, 'letter')} went to "
                 f"{name or 'the MP before you'}, the constituency's MP when they were "
                 f"written.")
    pen.text(f"Each writer chose which of the campaign's asks to make and could add their "
             f"own words. {uk_sentence(campaign)}")
    if not few and seat.weeks:
        pen.heading("Letters per week", keep=CHART_HEIGHT)
        _chart(pen, seat.weeks)
    pen.heading("What the letters asked for", keep=60)
    pen.text("Each ask as these letters put it to their MP (writers could reword it). A "
             "letter can make several asks, so these add up to more than the letters.",
             8.5, 11.5, color=MUTED, after=2)
    _asks(pen, seat)
    pen.heading("Sent and answered")
    pen.text(_replies_text(seat))
    _about(pen, campaign, contact, made_on)


def _about(pen: _Pen, campaign: CampaignFigures, contact: Contact, made_on: date) -> None:
    """Who to talk to and what the pack holds, in small type under a rule, kept together."""
    reach = [part for part in (contact.name, contact.email, contact.url, contact.address)
             if part]
    scope = ""
    if campaign.since or campaign.until:
        scope = (f" It counts letters from {long_date(campaign.since) or 'the start'} "
                 f"to {long_date(campaign.until) or 'today'}.")
    note = (f"Counts only: this pack holds nothing about any writer. Counts from 1 to "
            f"{SMALL_COUNT - 1} are shown as \u201cfewer than {SMALL_COUNT}\u201d.{scope} "
            f"Made on {long_date(made_on)}.")
    contact_lines = pen.wrap("To talk to the campaign: " + " \u00b7 ".join(reach),
                             pen.regular, 9.5) if reach else []
    note_lines = pen.wrap(note, pen.regular, 8.5)
    pen.y -= 10
    # A footer: it may come closer to the foot of the page than the text above it.
    pen.room(8 + 13 * len(contact_lines) + 11.5 * len(note_lines), bottom=FOOTER_MARGIN)
    pen.canvas.setStrokeColor(RULE)
    pen.canvas.setLineWidth(0.5)
    pen.canvas.line(MARGIN, pen.y, MARGIN + TEXT_WIDTH, pen.y)
    pen.y -= 4
    pen.lines(contact_lines, pen.regular, 9.5, 13, bottom=FOOTER_MARGIN)
    pen.lines(note_lines, pen.regular, 8.5, 11.5, MUTED, bottom=FOOTER_MARGIN)


def render_pack(campaign: CampaignFigures, seat: SeatFigures, contact: Contact,
                made_on: date) -> bytes:
    """One constituency's pack as PDF bytes: A4, the letter fonts embedded."""
    regular, _ = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=regular, lang="en-GB")
    canvas.setTitle(f"{campaign.title}: letters from {seat.constituency_name}")
    canvas.setAuthor(contact.name)
    canvas.setCreator("")
    canvas.setProducer("")
    _draw(_Pen(canvas, f"{seat.constituency_name}: letters about {campaign.title}"),
          campaign, seat, contact, made_on)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def named_packs(campaign: CampaignFigures, seats: Iterable[SeatFigures], contact: Contact,
                made_on: date) -> Iterator[tuple[str, bytes]]:
    """(file name, PDF) for each constituency, each named by its constituency."""
    used: set[str] = set()
    for seat in seats:
        name = pack_file_name(seat.constituency_name)
        if name in used:  # two names that read alike in ASCII: the code tells them apart
            name = name.removesuffix(".pdf") + f"-{seat.constituency_code}.pdf"
        used.add(name)
        yield name, render_pack(campaign, seat, contact, made_on)


def write_packs(campaign: CampaignFigures, seats: Iterable[SeatFigures], contact: Contact,
                made_on: date, directory: Path) -> list[Path]:
    """Write each constituency's pack into `directory`; return the files written."""
    written = []
    for name, data in named_packs(campaign, seats, contact, made_on):
        path = directory / name
        path.write_bytes(data)
        written.append(path)
    return written


class _Spool(io.RawIOBase):
    """A write-only stream that hands over what was written so far (ZipFile's output)."""

    def __init__(self):
        super().__init__()
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self._chunks = b"".join(self._chunks), []
        return data


def iter_packs_zip(campaign: CampaignFigures, seats: Iterable[SeatFigures], contact: Contact,
                   made_on: date) -> Iterator[bytes]:
    """The ZIP of every constituency's pack, in pieces as each pack is drawn, so a download
    starts at once and never holds 650 PDFs in memory. See packs_zip."""
    spool = _Spool()
    # An unseekable stream: ZipFile writes each size after its file (a data descriptor).
    with zipfile.ZipFile(spool, "w", zipfile.ZIP_STORED) as archive:
        for name, data in named_packs(campaign, seats, contact, made_on):
            archive.writestr(name, data)
            yield spool.take()
    yield spool.take()


def packs_zip(campaign: CampaignFigures, seats: Iterable[SeatFigures], contact: Contact,
              made_on: date) -> bytes:
    """Every constituency's pack in one ZIP, each named by its constituency; nothing else.

    PDFs are compressed already, so the ZIP stores them as they are.
    """
    return b"".join(iter_packs_zip(campaign, seats, contact, made_on))
