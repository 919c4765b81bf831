"""Bad campaign wording is refused where staff save it (campaign/staff/editing/ and the
wording form): a sentence quoting it beside the field, and nothing saved. The wording
checks themselves are the letters/ library's: tests/letters/test_wording.py."""
from __future__ import annotations

import re

import pytest

from campaign.db import get_db
from campaign.staff.editing.letter_wording import update_wording
from campaign.staff.editing.recording import Editor
from campaign.staff.editing.refusals import EditError
from tests.campaign.helpers import page_text, post
from tests.letters.test_wording import BAD_WORDING


@pytest.mark.parametrize("case", BAD_WORDING)
def test_bad_wording_is_refused_by_the_domain(app, case):
    text, message = BAD_WORDING[case]
    with app.app_context(), pytest.raises(EditError) as error:
        update_wording(get_db(), 1, {"opening": text, "closing": "Reply."},
                       Editor(id=None, email="x@example.org"))
    assert error.value.field == "opening" and message in error.value.message


@pytest.mark.parametrize("case", ["misspelt placeholder", "loop in an untaken branch",
                                  "surrogate escape", "control character", "long phrasing"])
def test_bad_wording_is_refused_next_to_the_field_and_not_saved(app, staff_client, case):
    text, message = BAD_WORDING[case]
    with app.app_context():
        before = dict(get_db()["campaigns"].get(1))
    response = post(staff_client, "/staff/campaigns/1/wording",
                    {"opening": text, "closing": "Please reply.", "subject": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    error = re.search(r'<p class="error-message" id="opening-error">(.*?)</p>', html, re.S)
    assert error and message.replace("“", "") in page_text(error.group(1)).replace("“", "")
    with app.app_context():
        assert dict(get_db()["campaigns"].get(1)) == before


def test_bad_ask_paragraph_is_refused(app, staff_client):
    response = post(staff_client, "/staff/campaigns/1/asks/new",
                    {"title": "T", "paragraph": "In {{ constituncy }}.", "enabled": "y"})
    assert response.status_code == 422
    assert "did you mean" in page_text(response.get_data(as_text=True))
