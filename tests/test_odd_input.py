"""Odd input that once made a 500: each gets a page with a sentence instead."""
from __future__ import annotations

import re

import pytest

from tests.helpers import SLUG, hidden, page_text


@pytest.mark.parametrize("seed", ["²", "①", "٣", "12³"])
def test_a_seed_of_digits_int_cannot_read_still_makes_a_letter(journey, seed):
    journey.find_mp("E8 1DY")
    response = journey.write(seed=seed)
    assert response.status_code == 200
    assert "Dear" in page_text(journey.page)


@pytest.mark.parametrize("referrer", ["https://localhost:99999/", "http://[x]/",
                                      "https://[::1/"])
def test_a_malformed_referrer_on_any_post_over_https_is_refused_with_a_page(app, referrer):
    client = app.test_client()
    page = client.get(f"/c/{SLUG}/", base_url="https://localhost").get_data(as_text=True)
    token = hidden(page, "csrf_token")
    checked = 0
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods:
            continue
        url = re.sub(r"<[^>]+>", "1", rule.rule).replace("/c/1/", f"/c/{SLUG}/")
        response = client.post(url, base_url="https://localhost", headers={"Referer": referrer},
                               data={"csrf_token": token})
        assert response.status_code == 400, (rule.rule, response.status_code)
        assert "This form has expired" in page_text(response.get_data(as_text=True))
        checked += 1
    assert checked >= 10
    # A well-formed referrer from the site itself still gets through to the form.
    response = client.post(f"/c/{SLUG}/mp", base_url="https://localhost",
                           headers={"Referer": f"https://localhost/c/{SLUG}/"},
                           data={"csrf_token": token, "postcode": "E8 1DY"})
    assert response.status_code == 200
    assert "Diane Abbott" in page_text(response.get_data(as_text=True))
