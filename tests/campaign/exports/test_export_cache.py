"""Exports and packs are built once per state of their campaign, and an organiser
cannot run more than a few builds at once (campaign/exports/cache.py, busy.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from campaign.db import get_db
from campaign.exports import busy, pack_figures
from tests.campaign.helpers import ORGANISER, SLUG, page_text, sign_in, write_pdf_letter

COUNTS = f"/staff/counts/{SLUG}"


@pytest.fixture
def organiser(written, runner):
    client = written.test_client()
    sign_in(client, written.test_cli_runner(), ORGANISER, "organiser")
    return client


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """Counts each time a pack's figures are worked out (a build, not a cached answer)."""
    calls: list[int] = []
    real = pack_figures.campaign_figures

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(pack_figures, "campaign_figures", counted)
    return calls


def slots_folder(app) -> Path:
    return Path(app.config["DATABASE_PATH"]).resolve().parent / "export-cache" / "slots"


def test_a_pack_zip_is_built_once_until_a_letter_arrives(written, organiser, builds):
    first = organiser.get(f"{COUNTS}/packs.zip")
    assert first.status_code == 200
    first_bytes = first.get_data()
    again = organiser.get(f"{COUNTS}/packs.zip")
    assert again.status_code == 200 and again.get_data() == first_bytes
    assert again.headers["Content-Disposition"] == first.headers["Content-Disposition"]
    assert again.headers["Cache-Control"] == "no-store"
    assert len(builds) == 1  # the second came from the cache
    write_pdf_letter(written.test_client(), "E8 1DY")
    assert organiser.get(f"{COUNTS}/packs.zip").get_data() != first_bytes
    assert len(builds) == 2


def test_an_export_shows_a_new_letter_at_once(written, organiser):
    before = organiser.get(f"{COUNTS}/by-constituency.csv").get_data(as_text=True)
    assert organiser.get(f"{COUNTS}/by-constituency.csv").get_data(as_text=True) == before
    write_pdf_letter(written.test_client(), "E8 1DY")
    after = organiser.get(f"{COUNTS}/by-constituency.csv").get_data(as_text=True)
    assert after != before
    hackney = [line for line in after.splitlines() if "Hackney North" in line]
    assert hackney and hackney[0].split(",")[-1] != [
        line for line in before.splitlines() if "Hackney North" in line][0].split(",")[-1]


def test_each_filter_is_kept_apart(organiser):
    everything = organiser.get(f"{COUNTS}/counts.json").get_data(as_text=True)
    one_day = organiser.get(f"{COUNTS}/counts.json?since=2025-03-05&until=2025-03-05")
    assert one_day.status_code == 200
    assert one_day.get_data(as_text=True) != everything


def test_an_organiser_at_the_cap_is_told_the_site_is_busy(written, organiser):
    with written.app_context():
        account = get_db().execute("select id from users where email = ?",
                                   [ORGANISER]).fetchone()[0]
    held = busy.take(slots_folder(written), str(account))  # its own build, in another tab
    assert held is not None
    try:
        answer = organiser.get(f"{COUNTS}/counts.json")
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == str(busy.RETRY_AFTER_SECONDS)
        assert "The site is busy building other exports just now. Please try again in a " \
            "moment" in page_text(answer.get_data(as_text=True))
        assert organiser.get(f"{COUNTS}/").status_code == 503  # the dashboard too
    finally:
        held.release()
    assert organiser.get(f"{COUNTS}/counts.json").status_code == 200


def test_the_whole_site_has_a_cap_too_and_cached_answers_need_no_slot(written, organiser):
    kept = organiser.get(f"{COUNTS}/by-day.csv")
    others = [busy.take(slots_folder(written), f"other-{n}") for n in range(busy.SITE_SLOTS)]
    assert all(others)
    try:
        assert organiser.get(f"{COUNTS}/by-ask.csv").status_code == 503
        cached = organiser.get(f"{COUNTS}/by-day.csv")
        assert cached.status_code == 200 and cached.get_data() == kept.get_data()
    finally:
        for slot in others:
            slot.release()


def test_a_zip_asked_for_but_never_read_gives_its_slot_back(organiser):
    head = organiser.head(f"{COUNTS}/packs.zip")
    assert head.status_code == 200
    head.close()  # as a WSGI server closes every answer once sent
    unread = organiser.get(f"{COUNTS}/packs.zip?since=2025-03-02", buffered=False)
    assert unread.status_code == 200
    unread.close()  # the reader leaves before the first byte
    assert organiser.get(f"{COUNTS}/counts.json").status_code == 200  # a slot is free
