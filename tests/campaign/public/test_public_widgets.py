"""The citizen's form fields render exactly as WTForms renders them (campaign/public/widgets.py)."""
from __future__ import annotations

import pytest
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms.widgets import html_params

from campaign.public.forms import LetterForm, PostcodeForm
from campaign.public.widgets import quick_html_params

PARAMS = [
    {"name": "full_name", "id": "full_name", "type": "text", "value": ""},
    {"value": 'Siân "Ëlira" <b>Çela</b> & Łukasz', "required": True, "maxlength": 100},
    {"aria_describedby": "a-hint a-error", "aria_invalid": "true", "data_x_y": "1"},
    {"class_": "postcode", "for_": "x", "readonly": False, "disabled": True},
    {"value": Markup('<i class="x">kept</i>'), "inputmode": "text", "rows": 6},
    {"value": "\u200d\U0001f600 ' \\ \n"},
    {},
]


@pytest.mark.parametrize("params", PARAMS)
def test_attributes_are_written_as_wtforms_writes_them(params):
    assert quick_html_params(**params) == html_params(**params)
    assert isinstance(quick_html_params(**params), Markup)


def _stock(field, **kwargs):
    """What WTForms' own widget class (the parent of ours) writes for `field`."""
    return type(field.widget).__mro__[1]()(field, **kwargs)


def test_every_citizen_field_renders_as_wtforms_renders_it(app):
    data = MultiDict({"full_name": 'Siân "Ëlira" <Çela>', "address_line1": "12 Glyndŵr Road",
                      "town": "London & Co", "postcode": "e8 1dy", "contact": "x@example.org",
                      "seed": "123", "personal_note": "Hello"})
    with app.test_request_context("/", method="POST", data=data):
        forms = [LetterForm(), PostcodeForm()]
        for form in forms:
            form.validate()
            quick = [field for field in form if type(field.widget).__module__ ==
                     "campaign.public.widgets"]
            assert quick, "the citizen's forms use the quick widgets"
            for field in quick:
                attrs = {"autocomplete": "name", "aria_describedby": "h e",
                         "aria_invalid": False, "inputmode": False}
                assert field(**attrs) == _stock(field, **attrs), field.name
                assert field() == _stock(field), field.name
