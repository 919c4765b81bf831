"""`make demo` (campaign/demo), the organisation that runs the site, and the privacy page."""
from __future__ import annotations

import pytest

from campaign import create_app
from campaign.demo.__main__ import (
    DEMO_ACCOUNTS,
    DEMO_ORGANISER_EMAIL,
    demo_config,
    postcodes_to_try,
    prepare,
)
from tests.campaign.helpers import SLUG, hidden, make_app, page_text, postcode_form_address


@pytest.fixture(autouse=True)
def upstreams_answer_normally(fake_postcodes, fake_members):
    """The demo's app is not made through app_config, which resets the shared fakes: with
    the suite in several processes (pytest-xdist), the module run before this one in the
    process may have left one failing."""
    fake_postcodes.reset()
    fake_members.reset()


def test_the_demo_finds_an_mp_for_every_postcode_it_suggests(tmp_path, fake_postcodes,
                                                             fake_members):
    config = demo_config(str(tmp_path), fake_postcodes.url, fake_members.url)
    assert config["DATABASE_PATH"] == str(tmp_path / "demo.sqlite3")
    app = create_app({**config, "RATELIMIT_ENABLED": False})
    prepare(app)
    client = app.test_client()
    home = client.get("/").get_data(as_text=True)
    assert "Demo data." in page_text(home)
    assert "Demo data." in page_text(client.get("/staff/login").get_data(as_text=True))
    seen = {}
    for postcode, _shows in postcodes_to_try():
        page = client.get(f"/c/{SLUG}/?postcode={postcode}").get_data(as_text=True)
        assert f'name="postcode" required type="text" value="{postcode}"' in page
        # The postcode form (a GET of the letter form's own address), sent as prefilled.
        answer = client.get(postcode_form_address(page, postcode), follow_redirects=True)
        seen[postcode] = page_text(answer.get_data(as_text=True))
    # Each of the postcodes the demo suggests shows what the start-up message says.
    assert set(seen) == {"E8 1DY", "PR7 1DP", "WA7 1AA", "LL77 7TW", "FK1 1AA", "BT7 1NN",
                         "BX1 1LT", "AB1 0AA"}
    assert "Your MP is Ms Diane Abbott" in seen["E8 1DY"] and "Your full name" in seen["E8 1DY"]
    assert "Your MP is Sir Lindsay Hoyle Speaker of the House of Commons" in seen["PR7 1DP"]
    assert "There is no MP for this seat just now" in seen["WA7 1AA"]
    assert "Runcorn and Helsby has no MP at the moment" in seen["WA7 1AA"]
    assert "MP for Ynys Môn" in seen["LL77 7TW"]
    assert "There is no MP for this postcode" in seen["BX1 1LT"]
    assert "isn't part of a Westminster constituency" in seen["BX1 1LT"]
    assert "The postcode AB1 0AA stopped being used in 1996" in seen["AB1 0AA"]


def test_the_demo_makes_a_staff_and_an_organiser_sign_in(tmp_path, fake_postcodes,
                                                         fake_members):
    config = demo_config(str(tmp_path), fake_postcodes.url, fake_members.url)
    app = create_app({**config, "RATELIMIT_ENABLED": False})
    prepare(app)
    prepare(app)  # a second `make demo` keeps the accounts
    assert DEMO_ORGANISER_EMAIL == "demo-organiser@example.org"
    for email, password, role in DEMO_ACCOUNTS:
        client = app.test_client()
        page = client.get("/staff/login").get_data(as_text=True)
        signed_in = client.post("/staff/login", data={
            "email": email, "password": password, "csrf_token": hidden(page, "csrf_token")})
        assert signed_in.status_code == 302, email
        assert client.get(f"/staff/counts/{SLUG}/").status_code == 200
        # Only staff edit campaigns; the organiser sees the counts.
        assert (client.get("/staff/campaigns/").status_code == 200) == (role == "staff")


def test_pages_say_who_runs_the_site(app_config):
    client = make_app({**app_config, "ORGANISATION_NAME": "Stop the Networks",
                   "ORGANISATION_URL": "https://example.org/",
                   "ORGANISATION_EMAIL": "privacy@example.org",
                   "ORGANISATION_ADDRESS": "1 High Street, London"}).test_client()
    text = page_text(client.get("/").get_data(as_text=True))
    assert "A campaign by Stop the Networks" in text
    assert "the data controller, 1 High Street, London." in text
    privacy = client.get("/privacy").get_data(as_text=True)
    assert "privacy@example.org" in privacy and "https://ico.org.uk/make-a-complaint/" in privacy
    assert "Demo data." not in text


def test_a_development_site_without_an_organisation_says_so(client):
    text = page_text(client.get("/privacy").get_data(as_text=True))
    assert "(organisation not configured)" in text
    assert "Not configured: this site has not been told who runs it." in text


@pytest.mark.parametrize("source, says, denies", [
    ("remote", "We send it to postcodes.io", "our own copy of the official ONS"),
    ("both", "We send it to postcodes.io", "our own copy of the official ONS"),  # no directory
    ("local", "It is not sent anywhere else", "postcodes.io"),
])
def test_the_privacy_page_describes_the_postcode_source_in_use(app_config, source, says,
                                                               denies):
    client = make_app({**app_config, "POSTCODE_SOURCE": source}).test_client()
    html = client.get("/privacy").get_data(as_text=True)
    postcode_item = page_text(html.split('id="privacy-postcode"')[1].split("</li>")[0])
    assert says in postcode_item
    assert denies not in postcode_item


def test_the_privacy_page_says_where_rate_limit_counts_live(app_config):
    off = make_app(app_config).test_client().get("/privacy").get_data(as_text=True)
    assert "does not limit how often" in off
    shared = make_app({**app_config, "RATELIMIT_ENABLED": True,
                   "RATELIMIT_STORAGE_URI": "memory://"}).test_client()
    assert "held only in the server's memory" in page_text(shared.get("/privacy").get_data(as_text=True))


def test_the_sample_postcodes_carry_their_constituencys_real_code():
    """The demo's GSS codes are the 2024 codes of the seats it names (the results map and
    the exports go by code: a wrong one shades and counts another seat)."""
    from campaign.demo.dataset import POSTCODES
    from campaign.lookup.constituencies import shipped
    from campaign.lookup.name_matching import constituency_key

    codes = shipped()
    for postcode in POSTCODES:
        if postcode.code:
            assert postcode.code in codes, postcode
            assert constituency_key(codes[postcode.code]) == constituency_key(postcode.name), \
                postcode
