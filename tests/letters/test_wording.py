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
    MAX_WORDING_LENGTH,
    WordingError,
    check_wording,
    render_wording,
)

VALUES = {"mp_name": "Diane Abbott", "mp_full_title": "Rt Hon Diane Abbott MP",
          "mp_address_as": "Ms Abbott", "constituency": "Hackney North and Stoke Newington",
          "writer_name": "Siân", "date": "21 November 2026"}

# The wording that took the site down under Jinja (issue 12), and its relatives
# (tests/campaign/staff/test_wording_saved.py saves them through the staff pages).
LOOP_IN_UNTAKEN_BRANCH = (
    "{% if writer_name != 'writer_name' %}{% for a in '%0100000d' % 0 %}"
    "{% for b in '%0100000d' % 0 %}x{% endfor %}{% endfor %}{% endif %}")
HUGE_FORMAT = "{{ '%0200000000d' % 0 }}"
SURROGATE_ESCAPE = r"Dear {{ '\ud800' }}"  # as staff typed it: Jinja made it a surrogate
LONG = "word " * 60_000  # 300k characters

BAD_WORDING = {
    "misspelt placeholder": ("I live in {{ constituncy }}.",
                             "“{{ constituncy }}” is not a placeholder: did you mean "
                             "“{{ constituency }}”?"),
    "loop in an untaken branch": (LOOP_IN_UNTAKEN_BRANCH, "is not a placeholder"),
    "huge format": (HUGE_FORMAT, "“{{ '%0200000000d' % 0 }}” is not a placeholder"),
    "surrogate escape": (SURROGATE_ESCAPE, "is not a placeholder"),
    "lone surrogate": ("Dear \ud800 MP", "lone surrogate, U+D800) after “Dear”"),
    "300k characters": (LONG, f"keep it under {MAX_WORDING_LENGTH:,}"),
    "long phrasing": ("a" * (MAX_PHRASING_LENGTH + 1), f"under {MAX_PHRASING_LENGTH:,}"),
    "unclosed placeholder": ("Dear {{ mp_name ", "“Dear {{ mp_name” has a “{{” with no partner"),
    "stray closing braces": ("Dear mp_name }}, hello", "has a “}}” with no partner"),
    "lone brace": ("Costs {rose}.", "has a “{” with no partner"),
    # The quote is the text as typed, in whole words, even after a good placeholder.
    "unclosed after a placeholder": (
        "Dear {{ mp_address_as }}, I write to you, {{ mp_name }.",
        "I write to you, {{ mp_name }.” has a “{{” with no partner"),
    "unclosed choice after a choice": (
        "[[I hope|I trust]] you will [[help|act",
        "“[[I hope|I trust]] you will [[help|act” has a “[[” with no partner"),
    "choice inside a choice": ("I [[I [[really|truly]] hope|wish]] so.",
                               "“[[really|truly]]” is a choice inside another choice"),
    "control character": ("Dear\x00 MP", "control character (U+0000) after “Dear”"),
    "attribute access": ("{{ ''.__class__.__mro__ }}", "is not a placeholder"),
    "filter": ("{{ constituency|upper }}", "is not a placeholder"),
    "call": ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "is not a placeholder"),
    "comment": ("{# hidden #}", "is not a placeholder"),
}


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
