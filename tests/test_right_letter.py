"""Issue 29: the right letter on every path. One test per thing a writer was seen to get
wrong (the PDF's text, or the page's sentences, as the writer reads them)."""
from __future__ import annotations

from campaign.db import get_db
from campaign.stances.records import set_stances
from letters.stances import Stance
from tests.helpers import Journey, page_text, textareas

ENGLAND = "E8 1DY"  # Diane Abbott (member 172)
SCOTLAND = "FK1 1AA"


def _launch_id(app) -> int:
    with app.app_context():
        return get_db().execute("select id from campaigns order by id limit 1").fetchone()[0]


def _mark(app, member_id: int, stance: Stance) -> None:
    with app.app_context():
        set_stances(get_db(), _launch_id(app), [(member_id, stance)], by="test")


def test_a_supporters_form_with_an_error_comes_back_not_a_server_error(app, client):
    """A form error (no name) for a writer whose MP supports the campaign: was a 500
    (KeyError 'supports': the stance passed where the nation goes)."""
    _mark(app, 172, Stance.SUPPORTS)
    journey = Journey(client)
    journey.find_mp(ENGLAND)
    response = journey.write(full_name="")
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "Enter your full name" in text or "full name" in text.lower()
    # The untouched paragraphs are not shown as the writer's own changes (not opened).
    assert " open>" not in response.get_data(as_text=True).split('id="para-opening"')[0][-400:]


def test_a_scottish_writers_untouched_paragraphs_are_not_shown_as_edited(app, client):
    journey = Journey(client)
    journey.find_mp(SCOTLAND)
    before = textareas(journey.page)
    response = journey.write(full_name="")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert textareas(html)["para-opening"] == before["para-opening"]
    assert "<details class=\"own-wording\" open>" not in html
