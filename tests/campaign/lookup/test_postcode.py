"""Normalising what people type as a postcode."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaign.lookup.errors import InvalidPostcode
from campaign.lookup.postcode import normalise_postcode


@pytest.mark.parametrize("typed, canonical", [
    ("sw1a1aa", "SW1A 1AA"), (" SW1A  1AA ", "SW1A 1AA"), ("e81dy", "E8 1DY"),
    ("m1 1ae", "M1 1AE"), ("cr2 6xh", "CR2 6XH"), ("dn55 1pt", "DN55 1PT"),
    ("w1a 0ax", "W1A 0AX"), ("ec1a 1bb", "EC1A 1BB"), ("gir0aa", "GIR 0AA"),
    ("bt78\t1aa", "BT78 1AA"),
])
def test_valid_postcodes_are_normalised(typed, canonical):
    assert str(normalise_postcode(typed)) == canonical


@pytest.mark.parametrize("typed", ["", "SW1A", "1AA", "SW1A 1A", "SW1A1AAA", "S W 1", "12345",
                                   "SW1A 1AA; drop table", "ＳＷ１Ａ １ＡＡ" * 5])
def test_invalid_postcodes_are_refused(typed):
    with pytest.raises(InvalidPostcode):
        normalise_postcode(typed)


def test_crown_dependencies_are_recognised():
    assert normalise_postcode("je2 3ab").crown_dependency == "Jersey"
    assert normalise_postcode("GY1 1AA").crown_dependency == "Guernsey"
    assert normalise_postcode("IM1 1AA").crown_dependency == "Isle of Man"
    assert normalise_postcode("SW1A 1AA").crown_dependency is None


@given(st.text(max_size=64))
def test_anything_typed_either_normalises_or_is_refused(text):
    try:
        postcode = normalise_postcode(text)
    except InvalidPostcode:
        return
    assert str(postcode) == str(normalise_postcode(str(postcode)))
    assert " " in str(postcode) and str(postcode).isupper()
