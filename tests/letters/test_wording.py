"""Campaign wording is text with placeholders (letters/wording.py): bad wording is refused
with a sentence quoting it, and no wording, saved or not, can make a letter slow or long.
Where staff save it: tests/campaign/staff/test_wording_saved.py."""
from __future__ import annotations

import time
from datetime import date
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from letters import MP, Ask, Sender, Wording, compose_letter
from letters.limits import MAX_PAGES, LetterTooLong
from letters.phrasings import choose
from letters.render_pdf import render_pdf
from letters.wording import (
    MAX_PHRASING_LENGTH,
    WordingError,
    check_wording,
    render_wording,
)
from tests.letters.helpers import BAD_WORDING

VALUES = {"mp_name": "Diane Abbott", "mp_full_title": "Rt Hon Diane Abbott MP",
          "mp_address_as": "Ms Abbott", "constituency": "Hackney North and Stoke Newington",
          "writer_name": "Siân", "date": "21 November 2026"}


def test_placeholders_are_filled():
    assert render_wording("As a constituent in {{ constituency }}, {{date}}.", VALUES) == \
        "As a constituent in Hackney North and Stoke Newington, 21 November 2026."


def test_good_wording_with_phrasings_passes():
    check_wording("I live in {{ constituency }}.\n\nAs a constituent of {{ mp_name }}, I write.")


@pytest.mark.parametrize("case", BAD_WORDING)
def test_bad_wording_is_refused_with_a_sentence_quoting_it(case):
    text, message = BAD_WORDING[case]
    with pytest.raises(WordingError) as error:
        check_wording(text)
    assert message in str(error.value)


@pytest.mark.parametrize("case", BAD_WORDING)
def test_rendering_any_wording_is_fast_and_inert(case):
    text, _ = BAD_WORDING[case]
    started = time.perf_counter()
    for _ in range(10):
        rendered = render_wording(text, VALUES)
    assert (time.perf_counter() - started) / 10 < 0.005
    assert len(rendered) <= len(text)  # nothing is expanded, evaluated or repeated


def test_a_preview_with_the_longest_wording_stays_quick_and_short():
    """The worst wording staff can save and the longest note cannot make a slow letter."""
    phrasing = ("Long wording about Hackney. " * 60)[:MAX_PHRASING_LENGTH]
    wording = Wording(opening=phrasing, closing=phrasing)
    asks = [Ask(id=i, title=str(i), paragraph=phrasing) for i in range(8)]
    mp = MP(member_id=1, display_as="Ms A", full_title="A MP", address_as="Ms A",
            party="X", constituency="Y")
    sender = Sender(full_name="Z", address_lines=("1 Road",), postcode="N16 7AB")
    with pytest.raises(LetterTooLong):
        compose_letter(wording=wording, asks=asks, mp=mp, sender=sender, today=date.today(),
                       personal_note="My own words. " * 85)
    started = time.perf_counter()
    letter = compose_letter(wording=wording, asks=asks, mp=mp, sender=sender,
                            today=date.today())
    assert time.perf_counter() - started < 0.05
    started = time.perf_counter()
    pages = len(PdfReader(BytesIO(render_pdf(letter))).pages)
    assert pages <= MAX_PAGES and time.perf_counter() - started < 1.0


def test_six_hundred_newlines_do_not_make_a_long_letter():
    mp = MP(member_id=1, display_as="Ms A", full_title="A MP", address_as="Ms A",
            party="X", constituency="Y")
    sender = Sender(full_name="Z", address_lines=("1 Road",), postcode="N16 7AB")
    with pytest.raises(LetterTooLong, match="lines"):
        compose_letter(wording=Wording(opening="Hi.", closing="Bye."),
                       asks=[Ask(id=1, title="a", paragraph="Do it.")], mp=mp, sender=sender,
                       personal_note="x\n" * 600, today=date.today())


_WORDING_ALPHABET = st.sampled_from(list("{}[]|%#-'\"\\ \n\tab_") + ["{{", "}}", "[[", "]]",
                                     "{{ constituency }}", "\x00", "\ud800", "\u200d", "é"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDING_ALPHABET | st.text(max_size=5), max_size=60).map("".join))
def test_any_wording_is_refused_in_words_or_rendered_inertly(text):
    """Whatever staff type, the check answers with a WordingError or nothing, and
    drawing and rendering never fail nor grow the text beyond its placeholders' values."""
    try:
        check_wording(text)
    except WordingError as error:
        assert str(error)
    drawn = choose(text, 7, "opening")
    rendered = render_wording(drawn, VALUES)
    assert len(rendered) <= len(text) + 40 * text.count("{{")
