"""The DL envelope: the MP's address where Royal Mail's machines read it, and a return address."""
from __future__ import annotations

from dataclasses import replace

import pytest

from letters import MP
from letters.render_envelope import render_envelope_pdf
from tests.letters.helpers import (
    SENDER,
    UNICODE_NAME,
    make_letter,
    pdf_reader,
    pdf_runs,
    two_page_letter,
)

DL_POINTS = (220 / 25.4 * 72, 110 / 25.4 * 72)


def test_two_dl_pages_front_and_back():
    reader = pdf_reader(render_envelope_pdf(make_letter()))
    assert len(reader.pages) == 2
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(DL_POINTS, abs=0.5)


def test_the_front_has_a_stamp_box_and_only_the_mps_address():
    letter = make_letter()
    front = [run for run in pdf_runs(render_envelope_pdf(letter)) if run.page == 1]
    assert [run.text for run in front] == [*letter.recipient_lines, "Stamp"]
    stamp = front[-1]
    assert stamp.x > 220 - 10 - 25 and stamp.top < 40


def test_mp_address_sits_right_of_centre_clear_of_stamp_and_code_strip():
    letter = make_letter()
    runs = pdf_runs(render_envelope_pdf(letter))
    address = [run for run in runs if run.text in letter.recipient_lines]
    assert [run.text for run in address] == list(letter.recipient_lines)
    for run in address:
        assert run.x >= 90, "right half of the envelope"
        assert run.top >= 45, "below the stamp area"
        assert run.top <= 110 - 15 - 2, "above the 15 mm strip at the foot"
        assert run.font_size >= 10


def test_return_address_small_on_the_back_flap():
    letter = make_letter()
    runs = pdf_runs(render_envelope_pdf(letter))
    texts = [run.text for run in runs]
    start = texts.index(UNICODE_NAME)
    block = runs[start:start + 1 + len(letter.sender_address)]
    assert [run.text for run in block] == [letter.sender_name, *letter.sender_address]
    assert runs[start - 1].text == "Return address:"
    for run in block:
        assert run.page == 2 and run.top < 40  # the flap: the top third of the back
        assert 60 < run.x < 110
        assert run.font_size < 10


def test_long_lines_shrink_to_stay_on_the_envelope():
    mp = MP(member_id=1, display_as="Ms A Long", constituency="X", party="Labour",
            full_title="The Right Honourable Professor Dame Anna-Maria "
                       "Featherstonehaugh-Cholmondeley KC MP",
            address_as="Dame Anna", gender="F")
    sender = replace(SENDER, address_lines=("The Old Rectory, Llanfairpwllgwyngyllgogerychwyrndrobwll"
                                            "llantysiliogogogoch Road",))
    letter = make_letter(mp=mp, sender=sender)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from letters.fonts import REGULAR

    for run in pdf_runs(render_envelope_pdf(letter)):
        right = run.x + stringWidth(run.text, REGULAR, run.font_size) / 72 * 25.4
        assert right <= 220 - 5, run
        if run.page == 2:
            assert right <= 220 - 60, "the return address stays on the flap's middle"


def test_fonts_embedded_and_metadata_names_no_writer():
    letter = two_page_letter()
    reader = pdf_reader(render_envelope_pdf(letter))
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        assert "/FontFile2" in font.get_object()["/FontDescriptor"].get_object()
    metadata = reader.metadata
    assert metadata.title == "Envelope to Diane Abbott"
    values = " ".join(str(value) for value in metadata.values())
    for personal in (letter.sender_name, *letter.sender_address):
        assert personal not in values
