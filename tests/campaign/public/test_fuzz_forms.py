"""Junk in, a message out: property-based tests over the postcode and letter forms.

Whatever arrives (any Unicode, control characters, 100 kB fields, fields missing or
repeated, ids of asks that do not exist, forged previews), the site answers with a
page a person can read and never with a server error.
"""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from campaign.lookup.errors import InvalidPostcode
from campaign.lookup.postcode import Postcode, normalise_postcode
from tests.campaign.helpers import SLUG, hidden, page_text, postcode_form_address

# The fixtures (app, client) are made once per test, not per example: every example
# is an independent request, so sharing them is what a real server does anyway.
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

CANONICAL = re.compile(r"^(GIR|[A-Z]{1,2}[0-9][A-Z0-9]?) [0-9][A-Z]{2}$")
LETTER_FIELDS = ("full_name", "address_line1", "address_line2", "town", "postcode",
                 "personal_note", "asks")

# Any text at all, with control characters and the odd very long string.
any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.text(alphabet=st.sampled_from("\x00\x07\x1b\r\n\t\u200b\u202e\ufeff\ufffd<>&\"'%"),
            max_size=50),
    # 100 kB fields. Several in one form pass the 256 KiB body limit: that is a 413.
    st.integers(min_value=95_000, max_value=105_000).map(lambda n: "a" * n),
    st.integers(min_value=10_000, max_value=20_000).map(lambda n: "é\x00" * n),
)
postcode_like = st.builds(
    lambda a, d, r, s: f"{a}{d}{s}{r}",
    st.sampled_from(["E", "SW", "BR", "EC", "W", "GIR", "JE", "IM", "ZZ", "e", "sw1a"]),
    st.integers(min_value=0, max_value=99).map(str),
    st.from_regex(r"[0-9][A-Za-z]{2}", fullmatch=True),
    st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\n"]),
)


def is_readable_answer(response) -> bool:
    """Not a server error, and a page with words on it."""
    if response.status_code >= 500:
        return False
    return bool(page_text(response.get_data(as_text=True)))


def explains_itself(response) -> bool:
    """A refusal names the problem where the person will look for it."""
    html = response.get_data(as_text=True)
    return response.status_code in (200, 410) or 'role="alert"' in html


# The normaliser, on its own.

@given(st.one_of(any_text, postcode_like))
@example("SW1A 1AA")
@example("gir0aa")
@example("\x00")
def test_the_normaliser_returns_a_canonical_postcode_or_says_it_is_not_one(text):
    try:
        postcode = normalise_postcode(text)
    except InvalidPostcode as error:
        assert "UK postcode" in error.message
        return
    assert isinstance(postcode, Postcode)
    assert CANONICAL.match(str(postcode))
    assert normalise_postcode(str(postcode)) == postcode
    assert normalise_postcode(str(postcode).lower().replace(" ", "")) == postcode


@given(postcode_like)
def test_spacing_and_case_never_change_the_answer(text):
    try:
        expected = normalise_postcode(text)
    except InvalidPostcode:
        return
    squashed = "".join(text.split())
    assert normalise_postcode(f"  {squashed.lower()}  ") == expected


# The postcode form.

@pytest.fixture
def csrf(client) -> str:
    # The letter form's token (the campaign page's postcode form is a GET, without one).
    return hidden(client.get(f"/c/{SLUG}/write?postcode=E8+1DY").get_data(as_text=True),
                  "csrf_token")


@FUZZ
@given(postcode=st.one_of(any_text, postcode_like))
def test_any_postcode_gets_a_page_not_a_crash(client, csrf, postcode):
    # Followed as a browser does: the letter form looks the postcode up.
    response = client.post(f"/c/{SLUG}/mp", data={"postcode": postcode, "csrf_token": csrf},
                           follow_redirects=True)
    assert is_readable_answer(response), response.status_code
    assert explains_itself(response)
    # A campaign link shared as /c/<slug>/?postcode=... prefills the form.
    prefilled = client.get(f"/c/{SLUG}/", query_string={"postcode": postcode[:2000]})
    assert prefilled.status_code == 200


def _postcode_field(html: str) -> str:
    """The postcode box as a page shows it (what was typed, its error)."""
    return "".join(re.findall(r'<input[^>]*name="postcode"[^>]*>', html))


@FUZZ
@given(postcode=st.one_of(any_text, postcode_like))
@example("")
@example(" ")
@example("E8")
@example("x" * 17)
@example("e8 1dy")
@example("JE00AA")
def test_the_get_form_answers_any_postcode_as_the_post_did(client, csrf, postcode):
    """The campaign page's postcode form is a GET of the letter form's own address; a
    page opened before the change still POSTs to /mp. Both answer alike: the letter
    form for the same MP, or the campaign page again with the same sentence, status and
    the postcode as typed."""
    address = postcode_form_address(client.get(f"/c/{SLUG}/").get_data(as_text=True),
                                    postcode)
    got = client.get(address, follow_redirects=True)
    posted = client.post(f"/c/{SLUG}/mp", data={"postcode": postcode, "csrf_token": csrf},
                         follow_redirects=True)
    assert got.status_code == posted.status_code
    got_html, posted_html = got.get_data(as_text=True), posted.get_data(as_text=True)
    if 'name="looked_up"' in posted_html:  # the letter form: the same MP (seeds differ)
        assert got.request.path == posted.request.path == f"/c/{SLUG}/write"
        assert hidden(got_html, "looked_up") == hidden(posted_html, "looked_up")
    else:
        assert page_text(got_html) == page_text(posted_html)
        assert _postcode_field(got_html) == _postcode_field(posted_html)


@FUZZ
@given(values=st.lists(any_text, max_size=4))
def test_missing_and_repeated_postcode_fields(client, csrf, values):
    data = [("csrf_token", csrf)] + [("postcode", value) for value in values]
    body = "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in data)
    response = client.post(f"/c/{SLUG}/mp", data=body,
                           content_type="application/x-www-form-urlencoded")
    assert is_readable_answer(response)
    assert explains_itself(response)


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_bodies_that_are_not_forms_at_all(client, raw, csrf):
    response = client.post(f"/c/{SLUG}/mp", data=b"csrf_token=" + csrf.encode() + b"&" + raw,
                           content_type="application/x-www-form-urlencoded")
    assert is_readable_answer(response)


# The letter form.

ask_ids = st.one_of(
    st.sampled_from(["1", "2", "3"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    any_text,
)
letter_field = st.one_of(any_text, st.just(None), st.lists(any_text, min_size=2, max_size=3))


@FUZZ
@given(fields=st.fixed_dictionaries(
    {}, optional={name: letter_field for name in LETTER_FIELDS[:-1]}),
    asks=st.lists(ask_ids, max_size=5))
@example(fields={"full_name": "Ann", "address_line1": "1 Road", "town": "Town",
                 "postcode": "E8 1DY"}, asks=["999999", "abc", str(2**64)])
def test_any_letter_form_gets_a_page_not_a_crash(client, csrf, fields, asks):
    data = [("csrf_token", csrf)] + [("asks", a) for a in asks]
    for name, value in fields.items():
        if value is None:
            continue  # the field is missing altogether
        for one in value if isinstance(value, list) else [value]:
            data.append((name, one))
    body = "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in data)
    response = client.post(f"/c/{SLUG}/letter", data=body,
                           content_type="application/x-www-form-urlencoded")
    assert is_readable_answer(response), response.status_code
    assert explains_itself(response)


# Whatever a writer can get through the form, they can download.

printable = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=90)


@FUZZ
@given(name=printable.filter(lambda s: s.strip()), line=printable.filter(lambda s: s.strip()),
       note=st.text(max_size=1000))
@example(name="<b>Ann & Bob</b>", line="<para>1 & 2 Road", note="<font size=99>&amp;</>")
@example(name="\x00\x0bAnn\u202e", line="\ufeff1 Road", note="line\r\nbreak\x0c\x1b[31m")
def test_what_the_form_accepts_always_renders(client, csrf, name, line, note):
    preview = client.post(f"/c/{SLUG}/letter", data={
        "csrf_token": csrf, "full_name": name, "address_line1": line, "town": "London",
        "postcode": "E8 1DY", "asks": ["1"], "personal_note": note}, follow_redirects=True)
    assert is_readable_answer(preview)
    if preview.status_code != 200:
        assert explains_itself(preview)  # e.g. a name of only control characters
        return
    signed = hidden(preview.get_data(as_text=True), "letter")
    for fmt in ("pdf", "docx"):
        download = client.post(f"/c/{SLUG}/download", data={
            "csrf_token": csrf, "letter": signed, "format": fmt})
        assert download.status_code == 200, (fmt, download.status_code)


# Forged and mangled previews.

@FUZZ
@given(letter=st.one_of(any_text, st.just(None)), fmt=st.one_of(
    st.sampled_from(["pdf", "docx"]), any_text, st.just(None)))
def test_forged_downloads_and_edits_are_refused_politely(client, csrf, letter, fmt):
    data = {"csrf_token": csrf}
    if letter is not None:
        data["letter"] = letter
    if fmt is not None:
        data["format"] = fmt
    for path in ("download", "edit"):
        response = client.post(f"/c/{SLUG}/{path}", data=data)
        assert is_readable_answer(response), (path, response.status_code)
        assert response.status_code in (400, 410, 413)
        assert re.search(r"again|too much", page_text(response.get_data(as_text=True)))


def test_a_body_over_the_limit_is_refused_with_a_sentence(client, csrf):
    response = client.post(f"/c/{SLUG}/letter", data={
        "csrf_token": csrf, "personal_note": "x" * 300_000})
    assert response.status_code == 413
    assert "larger than this site accepts" in page_text(response.get_data(as_text=True))
