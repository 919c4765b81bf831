"""Evidence packs for MPs: one PDF per constituency (counts only, nothing below 5 shown
exactly), all of them as a ZIP, and `flask export packs` on the command line."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest

from tests.campaign.helpers import (
    ORGANISER,
    STAFF,
    WRITER,
    Journey,
    ask_titles,
    login,
    make_user,
    on_day,
    page_text,
)
from tests.letters.helpers import pdf_page_texts, pdf_text

SLUG = "stop-trafficking-networks"
BASE = f"/staff/counts/{SLUG}"
HACKNEY, SEVENOAKS = "E14001259", "E14001465"
ORGANISATION = {"ORGANISATION_NAME": "Stop the Networks", "ORGANISATION_URL": "https://example.org/",
                "ORGANISATION_EMAIL": "team@example.org"}


def _letter(client, day: date, postcode: str, asks: list[int], *reports: dict) -> None:
    on_day(client.application, day)
    journey = Journey(client)
    assert journey.find_mp(postcode).status_code == 200
    ids = journey.ask_ids()
    assert journey.write(asks=[ids[i] for i in asks]).status_code == 200
    reference = journey.reference
    assert journey.download("pdf").status_code == 200
    for answers in reports:
        assert journey.report(reference, **answers).status_code == 200


POSTED = {"kind": "posted"}
REPLIED = {"kind": "replied", "reply_within": "week", "reply_kind": "personal"}


@pytest.fixture
def app_config(app_config):
    return {**app_config, **ORGANISATION}


@pytest.fixture
def packed(app, client):
    """Hackney: 7 letters over two weeks (asks 1 and 2 in five, 1 and 3 in two; five
    reported sent, three replies). Sevenoaks: 2 letters, ask 2 in both."""
    for _ in range(3):
        _letter(client, date(2025, 3, 3), "E8 1DY", [0, 1], POSTED, REPLIED)
    for _ in range(2):
        _letter(client, date(2025, 3, 12), "E8 1DY", [0, 1], POSTED)
    for _ in range(2):
        _letter(client, date(2025, 3, 12), "E8 1DY", [0, 2])
    for _ in range(2):
        _letter(client, date(2025, 3, 5), "BR8 7RE", [1])
    on_day(app, date(2025, 3, 20))
    return app


@pytest.fixture
def organiser(client, runner):
    make_user(runner, ORGANISER, "organiser")
    assert login(client, ORGANISER).status_code == 302


def _ask_titles(app) -> list[str]:
    return [title for _, title in ask_titles(app)]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_pack_for_a_constituency_with_letters(packed, client, organiser):
    response = client.get(f"{BASE}/pack.pdf?constituency={HACKNEY}")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="evidence-pack-{SLUG}-hackney-north-and-stoke-newington.pdf"')
    assert len(pdf_page_texts(response.data)) <= 2
    text = _flat(pdf_text(response.data))
    titles = _ask_titles(packed)
    assert "Hackney North and Stoke Newington" in text
    assert "For Ms Diane Abbott, Member of Parliament for Hackney North and Stoke Newington" in text
    assert ("7 constituents in Hackney North and Stoke Newington wrote to their MP in the "
            "campaign “Break the networks that traffic people and exploit young people”") in text
    assert "between 3 March 2025 and 12 March 2025" in text
    # Sevenoaks's 2 letters are hidden, so the UK total is the floor that hides them.
    assert "Across the UK, at least 8 letters to MPs from 2 constituencies were written" in text
    assert "Letters per week" in text
    # The asks these letters made, each with its count (exact from 5), and only those.
    asks = text[text.index("Letters making it"):text.index("Sent and answered")]
    assert f"{titles[0]} " in asks and f"{titles[1]} " in asks and f"{titles[2]} " in asks
    assert f"{titles[3]} " not in asks
    counts = re.findall(r"(?<![\w-])(\d+|fewer than 5|none)(?![\w-])", asks)
    assert counts == ["7", "5", "fewer than 5"]
    assert ("5 writers told us, with the reference printed on their letter, that they sent it; "
            "fewer than 5 of them reported a reply from your office so far.") in text
    # Written for the MP's office: no public summary or call to action.
    assert "Ask your MP" not in text
    # The organisation's contact, and nothing about any writer.
    assert "Stop the Networks" in text and "team@example.org" in text
    assert "https://example.org/" in text
    for value in WRITER.values():
        if len(str(value)) > 3:
            assert str(value) not in text


def test_a_pack_with_fewer_than_5_letters_shows_no_small_number(packed, client, organiser):
    response = client.get(f"{BASE}/pack.pdf?constituency={SEVENOAKS}")
    assert response.status_code == 200
    text = _flat(pdf_text(response.data))
    assert "Fewer than 5 constituents in Sevenoaks wrote to their MP" in text
    # The campaign's days, not the seat's own (which could point to a writer); no chart.
    assert "between 3 March 2025 and 12 March 2025" in text
    assert "5 March" not in text
    assert "Letters per week" not in text
    assert "fewer than 5" in text
    # No number from 1 to 4 anywhere, nor one the UK total would give away.
    assert "Across the UK, at least 8 letters to MPs from 2 constituencies" in text
    without_dates = re.sub(r"\d{1,2} [A-Z][a-z]+ \d{4}", "", text)
    without_dates = without_dates.replace("Counts from 1 to 4", "")
    without_dates = without_dates.replace("from 2 constituencies", "")  # seats, not letters
    assert re.findall(r"(?<![\d,.])[1-4](?![\d,])", without_dates) == []


def test_the_date_range_applies_to_a_pack(packed, client, organiser):
    response = client.get(f"{BASE}/pack.pdf?constituency={HACKNEY}&since=2025-03-10")
    text = _flat(pdf_text(response.data))
    assert "Fewer than 5 constituents in Hackney North and Stoke Newington" in text
    assert "It counts letters from 10 March 2025 to today." in text


def test_the_zip_holds_one_pack_per_constituency_and_nothing_else(packed, client, organiser):
    response = client.get(f"{BASE}/packs.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="evidence-packs-{SLUG}.zip"')
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        assert sorted(archive.namelist()) == ["hackney-north-and-stoke-newington.pdf",
                                              "sevenoaks.pdf"]
        hackney = _flat(pdf_text(archive.read("hackney-north-and-stoke-newington.pdf")))
        sevenoaks = _flat(pdf_text(archive.read("sevenoaks.pdf")))
    assert "7 constituents in Hackney North and Stoke Newington" in hackney
    assert "Fewer than 5 constituents in Sevenoaks" in sevenoaks
    # The same pack as the single download.
    single = _flat(pdf_text(client.get(f"{BASE}/pack.pdf?constituency={SEVENOAKS}").data))
    assert single == sevenoaks


def test_the_command_line_writes_the_packs(packed, runner, tmp_path):
    out = tmp_path / "packs"
    result = runner.invoke(args=["export", "packs", "--campaign", SLUG, str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote 2 evidence packs" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["hackney-north-and-stoke-newington.pdf",
                                                    "sevenoaks.pdf"]
    assert "7 constituents" in _flat(pdf_text((out / "hackney-north-and-stoke-newington.pdf")
                                              .read_bytes()))
    since = runner.invoke(args=["export", "packs", "--campaign", SLUG, "--since", "2025-03-10",
                                str(tmp_path / "later")])
    assert "Wrote 1 evidence pack " in since.output
    unknown = runner.invoke(args=["export", "packs", "--campaign", "nope", str(out)])
    assert unknown.exit_code != 0 and "There is no campaign 'nope'" in unknown.output
    bad = runner.invoke(args=["export", "packs", "--campaign", SLUG, "--since", "31/03/2025",
                              str(out)])
    assert bad.exit_code != 0 and "start date" in bad.output


def test_staff_download_packs_and_anonymous_visitors_sign_in_first(packed, client, runner):
    for url in (f"{BASE}/pack.pdf?constituency={HACKNEY}", f"{BASE}/packs.zip"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/staff/login" in response.headers["Location"]
    make_user(runner, STAFF, "staff")
    assert login(client, STAFF).status_code == 302
    assert client.get(f"{BASE}/pack.pdf?constituency={HACKNEY}").status_code == 200
    assert client.get(f"{BASE}/packs.zip").status_code == 200


def test_a_constituency_without_letters_is_refused_with_a_sentence(packed, client, organiser):
    response = client.get(f"{BASE}/pack.pdf?constituency=E14001170")
    assert response.status_code == 404
    assert "No letters from the constituency E14001170 on these days" in page_text(
        response.get_data(as_text=True))
    assert client.get(f"{BASE}/pack.pdf").status_code == 400
    bad = client.get(f"{BASE}/pack.pdf?constituency={HACKNEY}&since=notadate")
    assert bad.status_code == 400


def test_the_counts_page_offers_the_packs(packed, client, organiser):
    html = client.get(f"{BASE}/?since=2025-03-01").get_data(as_text=True)
    assert f'<option value="{HACKNEY}">Hackney North and Stoke Newington</option>' in html
    assert f'<option value="{SEVENOAKS}">Sevenoaks</option>' in html
    assert '<input type="hidden" name="since" value="2025-03-01">' in html
    assert f'href="{BASE}/packs.zip?since=2025-03-01"' in html
    # A link from each constituency's row.
    assert html.count(f'href="{BASE}/pack.pdf?constituency={SEVENOAKS}&amp;since=2025-03-01"') == 2
    assert "Every constituency’s pack, 2 PDFs in one ZIP file" in page_text(html)
