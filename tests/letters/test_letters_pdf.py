"""The PDF letter as a caseworker, a printer and a window envelope see it."""
from __future__ import annotations

from dataclasses import replace

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from letters import MP, layout
from letters.fonts import REGULAR
from letters.render_pdf import render_pdf
from tests.letters.helpers import (
    MP_ABBOTT,
    SENDER,
    UNICODE_NAME,
    UNICODE_SAMPLES,
    make_letter,
    pdf_page_texts,
    pdf_reader,
    pdf_runs,
    two_page_letter,
    unicode_letter,
    with_paragraphs,
)

A4_POINTS = (595.28, 841.89)
HEADER_SIZE = layout.HEADER_FONT_SIZE


def body_runs(runs):
    """The runs of the letter itself, without the continuation headers."""
    return [run for run in runs if abs(run.font_size - HEADER_SIZE) > 0.1]


def words(text: str) -> list[str]:
    return text.split()


def test_every_page_is_a4():
    reader = pdf_reader(render_pdf(two_page_letter()))
    assert len(reader.pages) == 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width, height) == pytest.approx(A4_POINTS, abs=0.5)


def test_text_reads_in_the_order_of_body_text():
    letter = two_page_letter()
    runs = body_runs(pdf_runs(render_pdf(letter)))
    assert words(" ".join(run.text for run in runs)) == words(letter.body_text)


def test_uk_order_sender_date_recipient_salutation_then_subject():
    letter = make_letter()
    text = " ".join(" ".join(pdf_page_texts(render_pdf(letter))).split())
    places = [text.index(part) for part in (
        letter.sender_name, letter.date_text, "House of Commons", letter.salutation, letter.subject,
        letter.paragraphs[0][:30])]
    assert places == sorted(places)


@pytest.mark.parametrize("mp", [
    MP_ABBOTT,
    MP(member_id=467, display_as="Sir Lindsay Hoyle", full_title="Rt Hon Sir Lindsay Hoyle MP",
       address_as="Mr Speaker", party="Speaker", constituency="Chorley", gender="M"),
    MP(member_id=1, display_as="Ms Anna Long-Name", constituency="Somewhere", party="Labour",
       full_title="The Right Honourable Professor Dame Anna-Maria Featherstonehaugh-Cholmondeley "
                  "KC MP", address_as="Dame Anna", gender="F"),
])
def test_recipient_block_shows_through_a_dl_window(mp):
    letter = make_letter(mp=mp)
    runs = [run for run in pdf_runs(render_pdf(letter)) if run.page == 1]
    block = [run for run in runs if layout.RECIPIENT_LEFT - 1 < run.x < layout.RECIPIENT_LEFT + 1
             and run.top < layout.FIRST_BODY_TOP]
    assert " ".join(run.text for run in block).split() == " ".join(letter.recipient_lines).split()
    # Royal Mail's form: the post town in capitals and the postcode alone, last.
    assert [run.text for run in block[-3:]] == ["House of Commons", "LONDON", "SW1A 0AA"]
    for run in block:
        ascent_mm = run.font_size * 0.75 / 72 * 25.4    # generous: cap and accent height
        descent_mm = run.font_size * 0.3 / 72 * 25.4
        right = run.x + stringWidth(run.text, REGULAR, run.font_size) / 72 * 25.4
        assert 20 <= run.x and right <= layout.WINDOW_RIGHT, run
        assert 20 <= run.x <= 30, run
        assert run.top - ascent_mm >= 45 and run.top + descent_mm <= 90, run


def test_fold_marks_and_continued_marker_on_a_two_page_letter():
    from letters.pdf_pages import CONTINUED

    runs = pdf_runs(render_pdf(two_page_letter()))
    continued = [run for run in runs if run.text == CONTINUED]
    assert len(continued) == 1 and continued[0].page == 1 and continued[0].top > 280
    one_page = pdf_runs(render_pdf(make_letter()))
    assert not [run for run in one_page if run.text == CONTINUED]


def test_sender_address_and_date_sit_top_right_outside_the_window():
    letter = make_letter()
    runs = [run for run in pdf_runs(render_pdf(letter)) if run.page == 1]
    expected = [letter.sender_name, *letter.sender_address, letter.date_text]
    block = runs[: len(expected)]
    assert [run.text for run in block] == expected
    right_edge = layout.PAGE_WIDTH - layout.MARGIN_RIGHT
    for run in block:
        right = run.x + stringWidth(run.text, REGULAR, run.font_size) / 72 * 25.4
        assert right == pytest.approx(right_edge, abs=0.5), run
        assert run.x > layout.WINDOW_RIGHT
    tops = [run.top for run in block]
    assert tops == sorted(tops) and tops[0] >= layout.MARGIN_TOP
    assert tops[-1] - tops[-2] > tops[1] - tops[0], "the date stands apart from the address"


def test_text_keeps_to_the_margins_at_a_readable_size():
    runs = body_runs(pdf_runs(render_pdf(two_page_letter())))
    for run in runs:
        right = run.x + stringWidth(run.text, REGULAR, run.font_size) / 72 * 25.4
        assert run.x >= 20 and right <= layout.PAGE_WIDTH - 20 + 0.1, run
        assert layout.MARGIN_TOP <= run.top <= layout.PAGE_HEIGHT - layout.MARGIN_BOTTOM, run
        assert 11 <= run.font_size <= 12, run


def test_salutation_body_and_sign_off_with_room_to_sign():
    letter = make_letter()
    runs = body_runs(pdf_runs(render_pdf(letter)))
    texts = [run.text for run in runs]
    salutation = texts.index("Dear Ms Abbott")
    closing = texts.index("Yours sincerely")
    name = len(texts) - 1
    assert texts[name] == UNICODE_NAME and salutation < closing < name
    assert runs[salutation].top > layout.FIRST_BODY_TOP - 1
    gap = runs[name].top - runs[closing].top
    assert gap >= 18, "a hand signature needs about 2 cm"


def test_names_in_any_uk_language_survive_text_extraction():
    text = "\n".join(pdf_page_texts(render_pdf(unicode_letter())))
    flat = " ".join(text.split())
    for sample in UNICODE_SAMPLES:
        assert sample in flat
    for char in "ËÇŵŁâ“”‘’£ȘȚ":
        assert char in text


def test_fonts_are_embedded_and_no_standard_font_is_named():
    reader = pdf_reader(render_pdf(unicode_letter()))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            assert "/ToUnicode" in font
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert seen and all(name.startswith("SourceSerifPro") for name in seen)


def test_characters_beyond_the_primed_repertoire_still_print():
    letter = make_letter(note="Ευχαριστώ — thank you, in Greek; Привет in Russian.")
    text = " ".join(" ".join(pdf_page_texts(render_pdf(letter))).split())
    assert "Ευχαριστώ — thank you" in text and "Привет" in text


def test_markup_characters_in_names_are_printed_as_typed():
    sender = replace(SENDER, full_name="Aoife O'Brien & <Sons>")
    text = " ".join(pdf_page_texts(render_pdf(make_letter(sender=sender))))
    assert "Aoife O'Brien & <Sons>" in text


def test_metadata_titles_the_letter_and_names_no_writer():
    letter = two_page_letter()
    data = render_pdf(letter)
    metadata = pdf_reader(data).metadata
    assert metadata.title == "Letter to Diane Abbott"
    values = " ".join(str(value) for value in metadata.values())
    for personal in (letter.sender_name, *letter.sender_address, "Ëlira", "Cela", "N16"):
        assert personal not in values
    assert not (metadata.author or "").strip()


def test_later_pages_carry_a_continuation_header():
    letter = make_letter(asks=14)
    runs = pdf_runs(render_pdf(letter))
    pages = max(run.page for run in runs)
    assert pages == 3
    for page in range(1, pages + 1):
        header = [run.text for run in runs if run.page == page and run.top < layout.LATER_BODY_TOP - 5]
        if page == 1:
            assert not any("Page" in text for text in header)
        else:
            assert f"Page {page} of {pages}" in header
            assert any(UNICODE_NAME in text and "Diane Abbott" in text for text in header)


def _sign_off_variants():
    """Letters that grow a line at a time across the foot of page 1."""
    base = make_letter(asks=4)
    sentence = "I add this sentence so the letter grows by a few words each time. "
    for count in range(0, 24):
        yield with_paragraphs(base, (*base.paragraphs[:-1], sentence * (count + 1),
                                     base.paragraphs[-1]))


def test_sign_off_is_never_stranded_on_a_page_of_its_own():
    signed_on_page_two = 0
    for letter in _sign_off_variants():
        runs = body_runs(pdf_runs(render_pdf(letter)))
        closing = next(i for i, run in enumerate(runs) if run.text == "Yours sincerely")
        page = runs[closing].page
        before = [run for run in runs[:closing] if run.page == page]
        assert before, f"the sign-off opens page {page} alone"
        assert runs[-1].page == page and runs[-1].text == letter.signature_name
        signed_on_page_two += page == 2
    assert signed_on_page_two, "the variants never reached page 2"


TOKENS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")


@pytest.mark.parametrize("shift", range(0, 12))
def test_no_paragraph_leaves_a_single_line_at_a_page_break(shift):
    paragraphs = tuple(" ".join([token] * (40 + 9 * shift + 23 * i)) for i, token in enumerate(TOKENS))
    letter = with_paragraphs(make_letter(), paragraphs)
    runs = body_runs(pdf_runs(render_pdf(letter)))
    for token in TOKENS:
        pages = [run.page for run in runs if run.text.split()[0] == token]
        for page in set(pages):
            lines = pages.count(page)
            assert lines >= 2 or len(pages) == 1, f"{token}: {lines} line alone on page {page}"


def test_letters_rendered_at_once_in_threads_keep_their_own_text():
    from concurrent.futures import ThreadPoolExecutor

    letters = [make_letter(asks=count, note=f"Note number {count}: Łukasz owes £{count}.")
               for count in range(1, 9)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        outputs = list(pool.map(render_pdf, letters))
    for count, data in enumerate(outputs, start=1):
        text = " ".join(" ".join(pdf_page_texts(data)).split())
        assert f"Note number {count}: Łukasz owes £{count}." in text


def test_a_very_long_name_is_shortened_in_the_header_not_overprinted():
    sender = replace(SENDER, full_name="Professor Dame Gwenllian Angharad Llewellyn-Featherstonehaugh "
                                       "ap Gruffydd ferch Rhys of Llanfairpwllgwyngyll")
    letter = make_letter(asks=8, sender=sender)
    runs = pdf_runs(render_pdf(letter))
    header = [run for run in runs if run.page == 2 and run.top < layout.LATER_BODY_TOP - 5]
    left, page_label = header[0], header[1]
    assert page_label.text == "Page 2 of 2" and left.text.endswith("…")
    right = left.x + stringWidth(left.text, REGULAR, left.font_size) / 72 * 25.4
    assert right < page_label.x


def test_new_font_subsets_built_in_many_threads_at_once_are_all_correct():
    """A cold cache, and characters beyond the shared repertoire (Greek here), make every
    thread build font subsets at the same moment: each PDF must still come out whole."""
    from concurrent.futures import ThreadPoolExecutor

    from letters import reportlab_ttfont

    reportlab_ttfont._subset_parts.cache_clear()
    greek = "αβγδεζηθικλμνξοπρστυφχψω"
    letters = [make_letter(asks=2, note=f"Note {n}: {greek[n:] + greek[:n]}") for n in range(16)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        outputs = list(pool.map(render_pdf, letters))
    for n, data in enumerate(outputs):
        text = " ".join(" ".join(pdf_page_texts(data)).split())
        assert f"Note {n}: {greek[n:] + greek[:n]}" in text


def test_cached_subsets_print_exactly_what_stock_ttfont_prints(monkeypatch):
    """reportlab_ttfont copies reportlab internals: the letter it makes must read and sit
    on the page exactly as one made with reportlab's own TTFont."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from letters.fonts import BOLD, font_path, register_fonts
    from letters.reportlab_ttfont import CachedSubsetTTFont

    register_fonts()
    assert isinstance(pdfmetrics.getFont(REGULAR), CachedSubsetTTFont)
    letter = with_paragraphs(unicode_letter(), (" ".join(UNICODE_SAMPLES) + " αβγ",))
    cached = render_pdf(letter)
    for name in (REGULAR, BOLD):
        monkeypatch.setitem(pdfmetrics._fonts, name, TTFont(name, str(font_path(name))))
    stock = render_pdf(letter)
    assert type(pdfmetrics.getFont(REGULAR)) is TTFont
    assert pdf_page_texts(cached) == pdf_page_texts(stock)
    assert pdf_runs(cached) == pdf_runs(stock)
    # The cached subsets also carry the rest of their repertoire; every character the
    # stock letter uses must have the stock width.
    cached_widths, stock_widths = _glyph_widths(cached), _glyph_widths(stock)
    assert stock_widths and {key: cached_widths.get(key) for key in stock_widths} == stock_widths
    assert "Glyndŵr" in " ".join(pdf_page_texts(cached)) and "αβγ" in " ".join(pdf_page_texts(cached))


def _glyph_widths(data: bytes) -> dict[tuple[str, str], int]:
    """(font, character) -> advance width, read from each embedded subset's Widths and
    ToUnicode map: what a PDF reader lays text out with, whatever the subset numbering."""
    import re

    widths = {}
    for page in pdf_reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/ToUnicode" not in font:
                continue
            family = str(font["/BaseFont"]).split("+", 1)[-1]
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for code, unicode in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4,})>", cmap):
                width = font["/Widths"][int(code, 16) - font["/FirstChar"]]
                widths[(family, chr(int(unicode, 16)))] = int(width)
    return widths


def test_the_speaker_is_mr_speaker_after_dear_and_in_the_wording():
    """{{ mp_address_as }} names the MP as the salutation does, so a letter to the
    Speaker never says "Dear Mr Speaker" and then "Sir Lindsay"."""
    from datetime import date

    from letters.compose import placeholder_values

    speaker = replace(MP_ABBOTT, display_as="Sir Lindsay Hoyle", address_as="Sir Lindsay",
                       full_title="Rt Hon Sir Lindsay Hoyle MP", party="Speaker", gender="M")
    assert placeholder_values(speaker, "", date(2026, 11, 21))["mp_address_as"] == "Mr Speaker"
    assert make_letter(mp=speaker).salutation == "Dear Mr Speaker"
    assert placeholder_values(MP_ABBOTT, "", date(2026, 11, 21))["mp_address_as"] == "Ms Abbott"
