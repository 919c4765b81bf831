"""Issue 29, tests that wander: a state machine walks the citizen's journey over HTTP
as a person without JavaScript might (tests/campaign/wandering.py says how and what it checks),
and the paths the issue saw, walked step by step with the same checks.

A few hundred steps here; benchmarks/wander.py walks further.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from letters.render_pdf import render_pdf
from tests.campaign.wander_world import PLACE, W9
from tests.campaign.wandering import journey_machine, prose, without_page_furniture
from tests.letters.helpers import make_letter, pdf_page_texts

# No shrinking: a Fault already lists the walk that found it, in words, and shrinking a
# walk of HTTP requests takes minutes.
WANDER = settings(max_examples=20, stateful_step_count=40, deadline=None,
                  phases=[Phase.explicit, Phase.reuse, Phase.generate],
                  suppress_health_check=list(HealthCheck))

STRONGER, AWARENESS = 0, 6  # positions of two asks among the launch campaign's


@pytest.fixture
def machine(fake_postcodes, fake_members, database_template, tmp_path):
    return journey_machine((fake_postcodes, fake_members), database_template, tmp_path)


@pytest.fixture
def walker(machine):
    """One walker on the campaign page, every check raising at once."""
    walk = machine()
    walk.open_campaign()
    yield walk
    walk.teardown()


def test_wandering_never_gives_a_wrong_letter(machine):
    run_state_machine_as_test(machine, settings=WANDER)


def _filled(walker, postcode: str, *positions: int) -> None:
    walker.look_up(PLACE[postcode])
    walker.fill_details(0)
    for position in positions:
        walker.tick(position, True)
    walker.write_note(0)


def test_a_second_lookup_after_a_filled_form_writes_to_the_new_mp(walker):
    _filled(walker, "E8 1DY", STRONGER)
    walker.to_campaign_page()
    _filled(walker, "BR8 7RE", STRONGER)
    walker.preview_when_ready("pdf")
    assert walker.downloads == 1


@pytest.mark.parametrize("postcode", ["FK1 1AA", "BT7 1NN"])
def test_only_the_second_letter_can_be_written(walker, postcode):
    _filled(walker, postcode, AWARENESS)
    walker.tick_second_letter(True)
    walker.preview()
    assert walker.page.kind == "preview", walker.page.text[:300]
    walker.download("pdf", second=True)
    assert walker.downloads == 1


def test_a_postcode_in_another_nation_is_not_applied_in_silence(walker):
    _filled(walker, "E8 1DY", STRONGER, AWARENESS)
    walker.edit_paragraph(1, 5)  # the Awareness paragraph, in the writer's words
    walker.change_postcode_on_form(PLACE["FK1 1AA"])
    walker.preview()
    if walker.page.kind == "form":  # shown the change first, as issue 29 asks
        walker.tick_second_letter(True)
        walker.preview()
    walker.download("pdf", second=False)
    walker.change_something()


@pytest.mark.parametrize("step", ["form", "preview", "done"])
def test_the_language_link_keeps_the_step(walker, step):
    _filled(walker, "LL77 7TW", STRONGER)
    walker.edit_paragraph(0, 7)
    if step != "form":
        walker.preview_when_ready("pdf")
    if step == "done":
        walker.what_next()
    walker.switch_language()
    walker.switch_language()
    assert walker.page.kind == step


def test_back_forward_and_reload_of_the_preview(walker):
    _filled(walker, "E8 1DY", STRONGER)
    walker.preview_when_ready("pdf")
    reference = walker.page.reference
    walker.reload()
    walker.what_next()
    walker.go_back()
    walker.go_forward()
    walker.go_back()
    walker.download("docx", second=False)
    assert walker.page.reference == reference


def test_a_supporters_form_with_an_error_is_not_a_server_error(walker):
    walker.look_up(PLACE["TF1 6TE"])
    walker.preview()  # nothing filled in
    assert walker.page.status == 422


def test_an_expired_preview_gives_the_letter_back(walker):
    _filled(walker, "FK1 1AA", STRONGER)
    walker.edit_paragraph(0, 3)
    walker.preview_when_ready("stay")
    walker.expire()
    walker.download("pdf", second=False)
    assert walker.page.kind == "letter-back"
    walker.get_letter_back()
    walker.preview_when_ready("pdf")
    assert walker.downloads == 1


@pytest.mark.xfail(strict=True, reason=W9)
def test_a_long_letter_is_a_preview_like_any_other(walker):
    """Finding W9: six asks and every paragraph rewritten at length (about 8,000
    characters): the preview is a page of its own, Back and Forward come to it again
    without a resubmission, and a reload keeps its reference."""
    walker.long_asks = 6
    _filled(walker, "E8 1DY", *range(6))
    walker.rewrite_at_length(5)
    walker.preview_when_ready("pdf")
    reference = walker.page.reference
    walker.what_next()
    walker.go_back()
    walker.go_forward()
    walker.go_back()
    walker.reload()
    walker.download("pdf", second=False)
    assert walker.page.reference == reference
    assert walker.downloads == 2
    assert walker.browser.resubmissions == []


def test_a_note_across_a_page_break_is_read_whole():
    """The wanderer reads a PDF letter's text without what a page break adds ("continued
    overleaf", the next page's running header), which can fall in the middle of a note:
    else a long note across the break looks lost when it is all there."""
    note = prose(1100, 7)
    pages = pdf_page_texts(render_pdf(make_letter(asks=3, note=note)))
    text = "\n".join(pages)
    assert len(pages) == 2 and "Page 2 of 2" in pages[1]
    assert " ".join(note.split()) not in " ".join(text.split())
    assert " ".join(note.split()) in " ".join(without_page_furniture(text).split())
