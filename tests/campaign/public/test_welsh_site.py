"""The citizen's site in Welsh: /cy/ keeps the whole journey in Welsh, and a Welsh
writer gets a Welsh letter (issue 25)."""
from __future__ import annotations

import re

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from campaign import PACKAGE
from tests.campaign.helpers import Journey, page_text, welsh_journey
from tests.letters.helpers import docx_paragraphs, pdf_text

CATALOGUE = PACKAGE / "translations" / "cy" / "LC_MESSAGES"




def test_every_message_in_the_catalogue_has_a_welsh_translation():
    with open(CATALOGUE / "messages.po", "rb") as po:
        catalogue = read_po(po)
    untranslated = [message.id for message in catalogue if message.id and (
        "fuzzy" in message.flags
        or not (all(message.string) if isinstance(message.string, tuple) else message.string))]
    assert not untranslated, f"{len(untranslated)} messages have no Welsh: {untranslated[:5]}"
    assert len(catalogue) > 50


def test_the_compiled_catalogue_is_the_catalogue():
    # `make translations` compiles the .mo the site reads; a .po edited without it
    # would leave the site showing the old Welsh (or English).
    with open(CATALOGUE / "messages.po", "rb") as po, open(CATALOGUE / "messages.mo", "rb") as mo:
        source, compiled = read_po(po), read_mo(mo)
    def strings(catalogue):
        def plain(value):  # read_mo gives plural forms as lists, read_po as tuples
            return tuple(value) if isinstance(value, (list, tuple)) else value
        return {plain(message.id): plain(message.string) for message in catalogue if message.id}
    assert strings(compiled) == strings(source), "run `make translations` to compile the .po"


def test_the_catalogue_says_a_fluent_speaker_must_read_it():
    with open(CATALOGUE / "messages.po", encoding="utf-8") as po:
        assert "fluent" in po.read(2000)


def test_the_campaign_page_in_welsh(client):
    response = client.get("/cy/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="cy">' in html
    text = page_text(html)
    for welsh in ("Dod o hyd i’ch AS", "Neidio i’r prif gynnwys", "Preifatrwydd",
                  "Pam ysgrifennu", "Ein haddewid preifatrwydd"):
        assert welsh in text
    for english in ("Find your MP", "Skip to content", "Why write", "Our privacy promise"):
        assert english not in text
    # Every address the page makes stays in Welsh: links, the form, the language link.
    assert re.search(r'<form method="get" action="/cy/c/[^"]+/write"', html)
    assert 'href="http://localhost/" hreflang="en-GB" lang="en-GB">English</a>' in html
    assert '<link rel="alternate" hreflang="cy" href="http://localhost/cy/">' in html
    assert '<link rel="alternate" hreflang="en-GB" href="http://localhost/">' in html


def test_the_english_page_links_to_the_welsh_one(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="en-GB">' in html
    assert 'href="http://localhost/cy/" hreflang="cy" lang="cy">Cymraeg</a>' in html
    assert "Find your MP" in page_text(html)


def test_the_welsh_journey_stays_in_welsh_and_gives_a_welsh_letter(client):
    journey = welsh_journey(client)
    journey.open()
    response = journey.find_mp("E8 1DY")
    assert response.status_code == 200
    assert response.request.path.startswith("/cy/c/"), "the redirect kept the language"
    text = page_text(journey.page)
    assert "Eich AS yw" in text and "Eich manylion" in text and "Eich enw llawn" in text
    # The launch campaign ships with its Welsh: no notice that its letter is in English.
    assert "yn Saesneg am y tro" not in text and "Chwalu'r rhwydweithiau" in text
    assert 'action="/cy/c/' in journey.page
    assert journey.write().status_code == 200
    pdf = pdf_text(journey.download("pdf").data)
    assert "Annwyl" in pdf and "Yn gywir" in pdf and "Tŷ'r Cyffredin" in pdf and "LLUNDAIN" in pdf
    assert "Dear " not in pdf and "Yours sincerely" not in pdf
    assert "etholaeth" in pdf and "constituent" not in pdf
    docx = docx_paragraphs(journey.download("docx").data)
    assert "Yn gywir" in docx and "LLUNDAIN" in docx


def test_the_english_journey_gives_an_english_letter(client):
    journey = Journey(client)
    journey.open()
    journey.find_mp("E8 1DY")
    assert "Mae llythyr" not in journey.page
    journey.write()
    pdf = pdf_text(journey.download("pdf").data)
    assert "Yours sincerely" in pdf and "House of Commons" in pdf


def test_the_letter_forms_errors_are_welsh(client):
    journey = welsh_journey(client)
    journey.open()
    journey.find_mp("E8 1DY")
    response = journey.write(asks=[], full_name="")
    text = page_text(response.get_data(as_text=True))
    assert "Mae problem wedi codi" in text
    assert "Rhowch eich enw: mae ei angen ar yr AS i ateb." in text
    assert "Ticiwch o leiaf un peth i ofyn i’ch AS amdano." in text
    assert "Enter your name" not in text


def test_the_counter_uses_welsh_plural_forms(app):
    from flask import render_template_string

    template = ('{{ ngettext("<strong>%(num)s</strong> letter so far.", '
                '"<strong>%(num)s</strong> letters so far.", n, num=n) }}')
    with app.test_request_context("/cy/", environ_overrides={"mp_letters.language": "cy"}):
        said = {n: render_template_string(template, n=n) for n in (1, 2, 3, 7)}
    assert said[1] == "<strong>1</strong> llythyr hyd yn hyn."
    assert said[2] == "<strong>2</strong> lythyr hyd yn hyn."  # "dau lythyr"
    assert said[7] == "<strong>7</strong> llythyr hyd yn hyn."
    with app.test_request_context("/"):
        assert render_template_string(template, n=2) == "<strong>2</strong> letters so far."


def test_the_staff_area_is_english_only(client):
    response = client.get("/cy/staff/login")
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/login"


def test_a_missing_welsh_page_says_so_in_welsh(client):
    response = client.get("/cy/no-such-page")
    assert response.status_code == 404
    text = page_text(response.get_data(as_text=True))
    assert "Heb ddod o hyd i’r dudalen" in text and "Mynd i dudalen yr ymgyrch" in text
    assert "Page not found" in page_text(client.get("/no-such-page").get_data(as_text=True))


def test_every_letter_step_links_to_the_same_step_in_the_other_language(client):
    """Issue 29: the language link keeps the step and what was typed."""
    journey = welsh_journey(client)
    journey.open()
    journey.find_mp("E8 1DY")
    # A form that answered a POST (here, no name): its own address in English.
    html = journey.write(full_name="").get_data(as_text=True)
    assert re.search(r'href="http://localhost/c/[^"/]+/write\?postcode=E8\+1DY&amp;seed=\d+" '
                     r'hreflang="en-GB" lang="en-GB">English<', html)
    assert 'rel="alternate"' not in html  # a POST's answer has no address to offer
    # The preview is a page of its own: the same letter, in English.
    html = journey.write().get_data(as_text=True)
    assert re.search(r'href="http://localhost/c/[^"/]+/preview\?letter=[^"]+" hreflang="en-GB" '
                     r'lang="en-GB">English<', html)


def test_a_mistyped_postcode_is_explained_in_welsh(client):
    journey = welsh_journey(client)
    journey.open()
    response = journey.find_mp("hello")
    text = page_text(response.get_data(as_text=True))
    assert "Nid yw hwn yn edrych fel cod post yn y DU." in text
    assert "doesn't look like a UK postcode" not in text
    english = Journey(client)
    english.open()
    assert "doesn't look like a UK postcode" in page_text(
        english.find_mp("hello").get_data(as_text=True))
