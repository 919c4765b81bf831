"""Odd text from upstreams and staff: no bidirectional control reaches a spreadsheet,
and a second letter's email is an address, not a script."""
from __future__ import annotations

import csv
import io

import pytest

from campaign.exports.files import to_csv
from campaign.staff.editing.refusals import EditError
from campaign.staff.target_editing import target_values

TARGET = {"office": "Cabinet Secretary for Justice", "salutation": "Dear Cabinet Secretary",
          "address": "Scottish Government\nSt Andrew's House\nEDINBURGH\nEH1 3DG",
          "nations": ["S"], "opening": "I write as your constituent.",
          "closing": "Please reply."}


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u2066", "\u200f"])
def test_bidirectional_controls_never_reach_a_csv(control):
    rows = list(csv.reader(io.StringIO(to_csv(
        [{"constituency_name": f"{control}yenkcaH", "letters": 3}],
        ["constituency_name", "letters"]))))
    assert rows[1] == ["yenkcaH", "3"]


@pytest.mark.parametrize("email", ["javascript:alert(1)//@example.org",
                                   "a(b)@example.org", "minister@example", "x@@example.org"])
def test_a_second_letters_email_must_be_an_address(email):
    with pytest.raises(EditError, match="Enter an email address like"):
        target_values({**TARGET, "email": email}, [])


def test_an_ordinary_email_is_kept():
    assert target_values({**TARGET, "email": "cabsec.justice@gov.scot"},
                         [])["email"] == "cabsec.justice@gov.scot"
