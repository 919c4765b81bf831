"""Campaign wording renders its placeholders, and nothing more dangerous."""
from __future__ import annotations

import pytest

from letters.wording import WordingError, check_wording, render_wording

VALUES = {"mp_name": "Diane Abbott", "mp_full_title": "Rt Hon Diane Abbott MP",
          "mp_address_as": "Ms Abbott", "constituency": "Hackney North and Stoke Newington",
          "writer_name": "Siân", "date": "21 November 2026"}


def test_placeholders_are_filled():
    assert render_wording("As a constituent in {{ constituency }}, {{ date }}.", VALUES) == \
        "As a constituent in Hackney North and Stoke Newington, 21 November 2026."


def test_unknown_placeholder_is_reported_with_the_list():
    with pytest.raises(WordingError, match="Unknown placeholder.*constituency"):
        check_wording("Dear {{ mp_nmae }}")


def test_syntax_errors_are_reported():
    with pytest.raises(WordingError, match="mistake on line 1"):
        check_wording("Dear {{ mp_name ")


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ mp_name.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ config }}",
    "{% for x in range(10**9) %}{% endfor %}",
    "{{ 9**9999999 }}",
    "{% set x = 'a' * 1000000000 %}{{ x }}",
    "{{ [1] * 1000000000 }}",
])
def test_template_injection_is_inert(payload):
    with pytest.raises(WordingError):
        render_wording(payload, VALUES)
