"""A letter form sent with another mistake and a postcode whose seat has no MP says both
at once, and does not adopt that postcode (found by the wanderer: the form came back
asking only for an ask, and its language link went, without a word, to the form of the
postcode first looked up)."""
from __future__ import annotations

import re

from tests.campaign.helpers import Journey, page_text

SHADOW, VACANCY = "BR8 7RE", "WA7 1AA"


def test_a_vacant_seat_is_said_with_the_forms_other_mistakes(client):
    journey = Journey(client)
    journey.find_mp(SHADOW)
    answer = journey.write(asks=[], postcode=VACANCY, note="Our town has seen too much.")
    html = answer.get_data(as_text=True)
    text = page_text(html)
    assert answer.status_code == 422
    assert "Runcorn and Helsby has no MP at the moment" in text
    assert 'id="postcode-error"' in html
    assert "Tick at least one" in text
    # What the writer typed stays in the form; the language link keeps the last postcode
    # with an MP, whose form the writer's browser fills again.
    assert re.search(r'name="postcode"[^>]*value="WA7 1AA"', html)
    assert "Our town has seen too much." in html
    link = re.search(r'class="language-link" href="([^"]+)"', html).group(1)
    assert "postcode=BR8" in link and "WA7" not in link


def test_with_nothing_else_to_put_right_the_vacant_seat_has_its_own_page(client):
    journey = Journey(client)
    journey.find_mp(SHADOW)
    answer = journey.write(postcode=VACANCY)
    assert "There is no MP for this seat just now" in page_text(answer.get_data(as_text=True))
