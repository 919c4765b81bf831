"""Helpers for the tests of the letters/ library (and for the site's tests reading what a
writer gets): letters composed for the renderers, and reading a PDF's or DOCX's text and
where it lands on the page. Nothing here imports the site (campaign/) or Flask, so
`pytest tests/letters` runs without it."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from io import BytesIO

from docx import Document
from pypdf import PdfReader

from letters import MP, Ask, Sender, Wording, compose_letter
from letters.model import Letter


def pdf_text(data: bytes) -> str:
    """All the PDF's text, page after page."""
    return "\n".join(pdf_page_texts(data))


def docx_paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(BytesIO(data)).paragraphs]


# Letters for the renderer tests (tests/letters/).

PT_PER_MM = 72 / 25.4

#: Every character the issue names, plus other UK and European names.
UNICODE_NAME = "Ëlira Çela"
UNICODE_SAMPLES = ("Ëlira Çela", "Glyndŵr", "Łukasz", "Siân", "“quoted”", "‘single’", "£25",
                   "Dafydd ap Gruffydd, Llanfair Pwllgwyngyll", "Seán Ó Súilleabháin",
                   "Mòrag NicDhòmhnaill", "Ștefan Țurcanu", "Zoë Brontë–Smith")

WORDING = Wording(
    opening=("I am writing to you as your constituent in {{ constituency }} about the "
             "cost of heating our homes this winter."),
    closing="I would be grateful for a reply setting out what you will do. Thank you.",
    subject="Warm Homes: please act before winter",
)

ASK_TEXT = (
    "Many households in our area now spend more than a tenth of their income on energy, "
    "and the poorest homes are the least well insulated. I ask you to press the "
    "government to fund insulation for every home rated below band C within five years, "
    "starting with those on the lowest incomes, and to make sure that landlords meet "
    "the same standard before letting a property."
)

MP_ABBOTT = MP(member_id=172, display_as="Ms Diane Abbott", full_title="Rt Hon Diane Abbott MP",
               address_as="Ms Abbott", party="Independent",
               constituency="Hackney North and Stoke Newington", gender="F")
SENDER = Sender(full_name=UNICODE_NAME,
                address_lines=("Flat 2, 14 Glyndŵr Road", "Stoke Newington", "London"),
                postcode="N16 7AB")


def make_letter(*, asks: int = 2, note: str = "", ask_text: str = ASK_TEXT,
                sender: Sender = SENDER, mp: MP = MP_ABBOTT) -> Letter:
    """A composed letter with `asks` ask paragraphs and an optional personal note."""
    chosen = [Ask(id=i, title=f"Ask {i}", paragraph=ask_text) for i in range(asks)]
    return compose_letter(wording=WORDING, asks=chosen, mp=mp, sender=sender,
                          personal_note=note, today=date(2026, 11, 21))


def welsh_letter(*, asks: int = 2, mp: MP = MP_ABBOTT, day: date = date(2026, 1, 5)) -> Letter:
    """A letter from a writer on the Welsh pages: its fixed words in Welsh."""
    chosen = [Ask(id=i, title=f"Ask {i}", paragraph=ASK_TEXT) for i in range(asks)]
    return compose_letter(wording=WORDING, asks=chosen, mp=mp, sender=SENDER, today=day,
                          language="cy")


def unicode_letter() -> Letter:
    """A one-page letter whose every block carries characters beyond ASCII."""
    note = "My neighbours " + ", ".join(UNICODE_SAMPLES) + " all agree."
    return make_letter(asks=1, note=note)


def two_page_letter() -> Letter:
    """A realistic long letter: five asks and a personal paragraph."""
    note = ("I have lived here for twenty years. Last winter my energy bill reached £1,900, "
            "and my neighbour, Łukasz, had to choose between heating and eating. “We cannot "
            "go on like this,” he told me.")
    return make_letter(asks=5, note=note)


def with_paragraphs(letter: Letter, paragraphs: tuple[str, ...]) -> Letter:
    """The same letter with other body paragraphs."""
    return replace(letter, paragraphs=paragraphs)


@dataclass(frozen=True)
class Run:
    """A piece of text drawn on a PDF page, positioned from the top-left corner in mm."""

    page: int
    x: float
    top: float
    text: str
    font_size: float


def pdf_reader(data: bytes) -> PdfReader:
    """A pypdf reader over PDF bytes."""
    return PdfReader(BytesIO(data))


def pdf_runs(data: bytes) -> list[Run]:
    """The PDF's lines of text with their positions (left edge, baseline), page by page.

    A line drawn in pieces (reportlab switches font subset mid-word for letters
    such as ŵ) comes back as one run.
    """
    reader = pdf_reader(data)
    runs: list[Run] = []
    for number, page in enumerate(reader.pages, start=1):
        height = float(page.mediabox.height)
        pieces: list[Run] = []

        def visit(text, cm, tm, font_dict, font_size, number=number, height=height,
                  pieces=pieces):
            if not text or text == "\n":
                return
            # Position in user space: the text matrix's origin through the CTM.
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = (tm[0] * cm[0]) or 1
            top = (height - y) / PT_PER_MM
            size = font_size * abs(scale)
            joined = pieces and not pieces[-1].text.endswith("\n") and not text.startswith("\n")
            if joined and abs(pieces[-1].top - top) < 0.2 and abs(pieces[-1].font_size - size) < 0.1:
                pieces[-1] = replace(pieces[-1], text=pieces[-1].text + text)
            else:
                pieces.append(Run(number, x / PT_PER_MM, top, text, size))

        page.extract_text(visitor_text=visit)
        runs += [replace(run, text=run.text.strip()) for run in pieces if run.text.strip()]
    return runs


def pdf_page_texts(data: bytes) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in pdf_reader(data).pages]

