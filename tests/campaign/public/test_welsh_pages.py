"""The citizen's other pages in Welsh (issue 25): results with Welsh plurals and map,
a letter's reference page and its answers, the embed, share text and card, and a
closed campaign's thanks; the English pages unchanged."""
from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from campaign.db import get_db
from letters.dates import letter_date
from tests.campaign.helpers import SLUG, Journey, hidden, make_app, page_text, welsh_journey


def _meta(html: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in re.findall(
        r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html)}


def _written(journey: Journey) -> str:
    """A letter from E8 1DY, downloaded: its reference."""
    journey.find_mp("E8 1DY")
    journey.write()
    assert journey.download("pdf").status_code == 200
    return journey.reference


def test_the_results_page_counts_in_welsh_plurals(client):
    _written(Journey(client))
    journey = Journey(client)
    journey.find_mp("BR8 7RE")
    journey.write()
    assert journey.download("pdf").status_code == 200
    welsh = client.get(f"/cy/c/{SLUG}/results").get_data(as_text=True)
    text = page_text(welsh)
    assert "Llythyrau a ysgrifennwyd hyd yn hyn" in text
    # Each seat's one letter is hidden, so the total is "at least" (campaign.small_numbers).
    assert "O leiaf 2 lythyr at ASau, o 2 etholaeth." in text  # "dau lythyr": two mutates
    assert "<title>Hackney North and Stoke Newington: llai na 5 llythyr</title>" in welsh
    assert "<title>Chorley: 0 llythyr</title>" in welsh
    assert "llai na 5" in text and "100 neu fwy" in text and "Etholaeth Llythyrau" in text
    assert 'aria-label="Map o’r 650 etholaeth' in welsh
    english = client.get(f"/c/{SLUG}/results").get_data(as_text=True)
    assert "At least 2 letters to MPs, from 2 constituencies." in page_text(english)
    assert "<title>Hackney North and Stoke Newington: fewer than 5 letters</title>" in english
    assert "<title>Chorley: 0 letters</title>" in english


def test_a_letters_reference_page_in_welsh(client):
    reference = _written(welsh_journey(client))
    page = client.get(f"/cy/r/{reference}").get_data(as_text=True)
    text = page_text(page)
    assert f"Eich llythyr {reference}" in text
    assert letter_date(date.today(), "cy") in text  # "3 Rhagfyr 2026"
    assert "Rwyf wedi’i bostio" in text and "O fewn wythnos" in text
    posted = client.post(f"/cy/r/{reference}", data={
        "kind": "posted", "csrf_token": hidden(page, "csrf_token")})
    assert "Diolch: mae hynny wedi’i gofnodi." in page_text(posted.get_data(as_text=True))
    assert "Fe ddywedoch wrthym: “Rwyf wedi’i bostio”." in page_text(
        posted.get_data(as_text=True))
    missing = client.post(f"/cy/r/{reference}", data={
        "kind": "replied", "csrf_token": hidden(page, "csrf_token")})
    assert missing.status_code == 422
    summary = page_text(missing.get_data(as_text=True).split('class="error-summary"')[1])
    assert "Dewiswch pryd y daeth yr ateb." in summary
    assert "Choose" not in summary
    english = page_text(client.get(f"/r/{reference}").get_data(as_text=True))
    assert "You told us: “I posted it”." in english


def test_the_report_back_page_says_what_is_wrong_in_welsh(client):
    response = client.get("/cy/r/?reference=hello")
    assert response.status_code == 422
    text = page_text(response.get_data(as_text=True))
    assert "Rhowch y cyfeirnod sydd ar eich copi o’r llythyr" in text
    unknown = client.get("/cy/r/?reference=K7QM4TZX")
    assert unknown.status_code == 404
    assert "Nid oes llythyr â’r cyfeirnod K7QM4TZX." in page_text(unknown.get_data(as_text=True))


def test_the_embed_under_cy_works_and_stays_welsh(client):
    english, welsh = client.get(f"/c/{SLUG}/embed"), client.get(f"/cy/c/{SLUG}/embed")
    html = welsh.get_data(as_text=True)
    assert welsh.status_code == 200 and '<html lang="cy">' in html
    assert f'action="http://localhost/cy/c/{SLUG}/write" target="_blank"' in html
    assert "Eich cod post" in page_text(html) and "Dod o hyd i’m AS" in page_text(html)
    # Framed by exactly the same partners, styled by the same stylesheet.
    assert (welsh.headers["Content-Security-Policy"]
            == english.headers["Content-Security-Policy"])
    assert client.get("/cy/static/citizen.css").status_code == 200
    # What its form sends opens the letter form in Welsh.
    letter_form = client.get(f"/cy/c/{SLUG}/write?postcode=E8+1DY")
    assert "Eich AS yw" in page_text(letter_form.get_data(as_text=True))
    assert '<html lang="en-GB">' in english.get_data(as_text=True)


def test_share_tags_links_and_card_are_in_the_pages_language(client):
    welsh = client.get(f"/cy/c/{SLUG}/results").get_data(as_text=True)
    meta = _meta(welsh)
    assert meta["og:site_name"] == "Ysgrifennu at eich AS"
    assert meta["og:locale"] == "cy_GB" and meta["og:locale:alternate"] == "en_GB"
    assert meta["og:url"] == f"http://localhost/cy/c/{SLUG}/"
    assert meta["og:image"] == f"http://localhost/cy/c/{SLUG}/share.png"
    links = dict((label, unescape(href)) for href, label in re.findall(
        r'<li><a href="([^"]+)" rel="noopener noreferrer" target="_blank">([^<]+)<', welsh))
    assert set(links) == {"WhatsApp", "E-bost", "Bluesky", "X", "Facebook"}
    said = parse_qs(urlsplit(links["WhatsApp"]).query)["text"][0]
    assert said.startswith("Rwyf wedi ysgrifennu at fy AS: Chwalu'r rhwydweithiau")
    assert said.endswith(f"http://localhost/cy/c/{SLUG}/")
    assert _meta(client.get(f"/c/{SLUG}/").get_data(as_text=True))["og:locale"] == "en_GB"
    welsh_card = client.get(f"/cy/c/{SLUG}/share.png")
    english_card = client.get(f"/c/{SLUG}/share.png")
    assert welsh_card.mimetype == english_card.mimetype == "image/png"
    assert welsh_card.data != english_card.data, "the card says its words in Welsh"


def test_a_closed_campaign_thanks_its_writers_in_welsh(app, client):
    _written(Journey(client))
    with app.app_context():
        get_db().execute("update campaigns set status = 'closed',"
                         " thank_you = '', thank_you_cy = '' where slug = ?", [SLUG])
    text = page_text(client.get("/cy/").get_data(as_text=True))
    assert "Mae’r ymgyrch hon wedi cau. Diolch i bawb a ysgrifennodd at eu hAS." in text
    assert "Thank you to everyone" in page_text(client.get("/").get_data(as_text=True))
    with app.app_context():  # what staff wrote is theirs, its count said the page's way
        get_db().execute("update campaigns set thank_you = ?, thank_you_cy = ? where slug = ?",
                         ["{{ count }} letters. Thank you!", "{{ count }} llythyr. Diolch!", SLUG])
    assert "1 llythyr. Diolch!" in page_text(client.get("/cy/").get_data(as_text=True))


def test_every_error_page_speaks_welsh_under_cy(app, app_config):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a 500 as a visitor meets it
    app.add_url_rule("/broken", "broken", lambda: 1 / 0)
    client = app.test_client()
    limited = make_app({**app_config, "RATELIMIT_ENABLED": True}).test_client()
    limited.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    for _ in range(20):
        limited.get("/cy/r/K7QM4TZX")
    said = {
        404: client.get("/cy/no-such-page"),
        405: client.post("/cy/privacy"),
        413: client.post(f"/cy/c/{SLUG}/mp", data={"postcode": "x" * 300_000}),
        429: limited.get("/cy/r/K7QM4TZX"),
        500: client.get("/cy/broken"),
    }
    headings = {404: "Heb ddod o hyd i’r dudalen", 405: "Ni weithiodd hynny",
                413: "Roedd hynny’n ormod o destun", 429: "Arhoswch funud",
                500: "Mae’n ddrwg gennym, aeth rhywbeth o’i le"}
    for status, response in said.items():
        html = response.get_data(as_text=True)
        assert response.status_code == status
        assert '<html lang="cy">' in html and f"<h1>{headings[status]}</h1>" in html, status
        assert '<a href="/cy/">Mynd i dudalen yr ymgyrch</a>' in html, status


def test_the_about_page_says_when_its_directory_was_imported_in_welsh(app, runner):
    onspd = Path(__file__).parents[1] / "fixtures" / "postcodes" / "ONSPD_NOV_2024_UK_TN.csv"
    result = runner.invoke(args=["postcodes", "import", str(onspd)])
    assert result.exit_code == 0, result.output
    text = page_text(app.test_client().get("/cy/about").get_data(as_text=True))
    assert ("Rydym yn chwilio am godau post ar y gweinydd hwn, yn ONSPD November 2024 yr ONS "
            f"(3 o godau post, wedi’u mewnforio ar {letter_date(date.today(), 'cy')})") in text


def test_welsh_pages_load_the_one_copy_of_the_sites_files_and_describe_themselves(client):
    # One /static/ for both languages (the browser caches it once), and a description
    # for search results on every page, in the page's language.
    for path in ("/cy/", "/cy/privacy", "/cy/r/", f"/cy/c/{SLUG}/help", "/privacy", "/r/"):
        html = client.get(path).get_data(as_text=True)
        assert re.search(r'href="/static/base\.css"', html), path
        assert re.search(r'href="/static/citizen\.css"', html), path
        assert "/cy/static/" not in html, path
        descriptions = re.findall(r'<meta name="description" content="([^"]+)"', html)
        assert len(descriptions) == 1 and descriptions[0].strip(), path
    welsh = client.get("/cy/privacy").get_data(as_text=True)
    assert "Ysgrifennwch at eich AS: chwiliwch drwy eich cod post" in welsh
