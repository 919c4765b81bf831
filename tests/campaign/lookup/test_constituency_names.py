"""A constituency carries its official names in other languages by language code
(Constituency.names, from the register): a signed preview stores it as asdict gives it,
and a preview signed before (its Welsh name as "name_cy") still reads the same."""
from __future__ import annotations

from dataclasses import asdict

import pytest

from campaign.lookup.constituencies import shipped_names_of
from campaign.lookup.postcode import Constituency

CARDIFF_NORTH = "W07000090"


def test_a_seat_in_wales_has_its_welsh_name_and_others_none():
    assert shipped_names_of(CARDIFF_NORTH) == {"cy": "Gogledd Caerdydd"}
    assert shipped_names_of("E14001259") == {}


def test_a_stored_constituency_reads_back_and_so_does_one_signed_before():
    seat = Constituency(code=CARDIFF_NORTH, name="Cardiff North",
                        names={"cy": "Gogledd Caerdydd"})
    assert Constituency.from_stored(asdict(seat)) == seat
    before = {"code": CARDIFF_NORTH, "name": "Cardiff North", "name_cy": "Gogledd Caerdydd"}
    assert Constituency.from_stored(before) == seat
    english = {"code": "E14001259", "name": "Hackney North and Stoke Newington", "name_cy": ""}
    assert Constituency.from_stored(english).names == {}
    assert hash(seat) == hash(Constituency(code=CARDIFF_NORTH, name="Cardiff North"))


@pytest.mark.parametrize("stored", [
    {"code": "W07000090", "name": "Cardiff North", "mp": "someone"},
    {"code": "W07000090", "name": "Cardiff North", "names": {"cy": 3}},
    {"code": "W07000090"},
    "W07000090",
])
def test_anything_else_is_refused(stored):
    with pytest.raises((TypeError, KeyError, ValueError)):
        Constituency.from_stored(stored)
