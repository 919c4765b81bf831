"""The site as production runs it (HTTPS, nginx, gunicorn, Redis), in a real Chromium:
a citizen writes and downloads both letters, staff sign in and edit, an organiser
exports. Over HTTPS Flask-WTF demands a same-origin Referer on every POST; these
tests are what shows the browser sends one under our referrer policy."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed: pip install -e '.[test]'")

from playwright.sync_api import expect  # noqa: E402

from campaign.clock import SYSTEM  # noqa: E402
from tests.campaign.browser.steps import ASKS, NOTE, fill_letter, find_mp, open_campaign, preview  # noqa: E402
from tests.campaign.chromium import SCREENSHOTS  # noqa: E402
from tests.campaign.helpers import ORGANISER, PASSWORD, SLUG, STAFF, WRITER  # noqa: E402
from tests.letters.helpers import docx_paragraphs, pdf_text  # noqa: E402

pytestmark = pytest.mark.browser


def new_context(browser, site):
    # The certificate is made at test time: Chromium is told to accept it.
    context = browser.new_context(base_url=site.url, ignore_https_errors=True,
                                  accept_downloads=True, locale="en-GB")
    context.set_default_timeout(10_000)
    return context


def download(page, name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=name).or_(page.get_by_role("link", name=name)).first.click()
    assert info.value.failure() is None, info.value.failure()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def sign_in(page, email: str) -> None:
    page.goto("/staff/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"Signed in as {email}")).to_be_visible()


@pytest.fixture(scope="module")
def citizen(browser, production_site):
    """One citizen's whole journey through nginx; what they saw, sent and got."""
    context = new_context(browser, production_site)
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    open_campaign(page)
    find_mp(page, "E8 1DY")
    expect(page.get_by_role("heading", level=2, name="Your MP is Ms Diane Abbott")).to_be_visible()
    fill_letter(page, asks=[ASKS[0], ASKS[3]])
    first = page.get_by_label(ASKS[0], exact=True).get_attribute("value")
    drawn = page.locator(f"#para-ask-{first}").input_value()  # this letter's phrasing
    preview(page)
    page.screenshot(path=SCREENSHOTS / "production-preview.png", full_page=True)
    pdf = download(page, "Download PDF to print")
    # The download moves on to what to do next, which offers both files again.
    expect(page.get_by_role("heading", level=1)).to_have_text("Print, sign and post your letter")
    journey = {
        "pdf": pdf,
        "docx": download(page, "Download Word document to edit"),
        "posts": [(r.request.url, r.status, r.request.all_headers().get("referer"))
                  for r in responses if r.request.method == "POST"],
        "first": responses[0],
        "first_headers": responses[0].all_headers(),
        "cookies": context.cookies(),
        "drawn": drawn,
    }
    context.close()
    return journey


def test_a_citizen_gets_both_letters_through_nginx(citizen, production_site):
    name, pdf = citizen["pdf"]
    assert name == f"letter-to-diane-abbott-{SYSTEM.today().isoformat()}.pdf"
    text = pdf_text(pdf)
    for expected in (WRITER["full_name"], WRITER["address_line1"], "E8 1DY", "Dear Ms Abbott",
                     citizen["drawn"][:18], "Yours sincerely"):
        assert expected in text, expected
    name, docx = citizen["docx"]
    assert name.endswith(".docx")
    paragraphs = [p for p in docx_paragraphs(docx) if p.strip()]
    assert "Dear Ms Abbott" in paragraphs
    assert any(NOTE in p for p in paragraphs)
    assert paragraphs[-1] == WRITER["full_name"]


def test_every_post_carried_a_same_origin_referer_and_passed_csrf(citizen, production_site):
    posts = citizen["posts"]
    # The postcode form is a GET of the letter form's own address, so no POST; then the
    # preview (303 to its own page), the PDF, what to do next (303 to its own page), the
    # DOCX.
    assert [status for _, status, _ in posts] == [303, 200, 303, 200]
    assert f"/c/{SLUG}/letter" in posts[0][0]
    for url, _, referer in posts:
        assert referer and referer.startswith(f"{production_site.url}/c/{SLUG}/"), (url, referer)


def test_production_headers_and_cookies(citizen):
    headers = citizen["first_headers"]
    assert citizen["first"].url.startswith("https://")
    assert headers["referrer-policy"] == "same-origin"
    assert headers["strict-transport-security"].startswith("max-age=")  # X-Forwarded-Proto believed
    (session,) = [c for c in citizen["cookies"] if c["name"] == "session"]
    assert session["secure"] and session["httpOnly"] and session["sameSite"] == "Lax"


def test_staff_sign_in_edit_and_sign_out(browser, production_site):
    context = new_context(browser, production_site)
    page = context.new_page()
    sign_in(page, STAFF)
    page.goto("/staff/campaigns/")
    page.get_by_role("link", name="Break the networks").first.click()
    page.get_by_role("link", name="Edit title, web address, summary and introduction").click()
    summary = "Edited through nginx: gangs groom children to carry drugs."
    page.get_by_label("Summary", exact=True).fill(summary)
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("Campaign details saved.")).to_be_visible()
    page.goto(f"/c/{SLUG}/")
    expect(page.get_by_text(summary)).to_be_visible()

    copied = context.cookies()
    page.goto("/staff/")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Staff sign in")).to_be_visible()
    context.close()
    # The cookie from before signing out, replayed in another browser, opens nothing.
    thief = new_context(browser, production_site)
    thief.add_cookies(copied)
    page = thief.new_page()
    page.goto("/staff/")
    expect(page.get_by_role("heading", name="Staff sign in")).to_be_visible()
    thief.close()


def test_an_organiser_exports_the_letters_counted(browser, production_site, citizen):
    context = new_context(browser, production_site)
    page = context.new_page()
    sign_in(page, ORGANISER)
    page.goto("/staff/counts/")
    page.get_by_role("link", name="Break the networks").first.click()
    name, data = download(page, "Letters by constituency, with each MP (CSV)")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    (hackney,) = [r for r in rows if r["constituency_name"] == "Hackney North and Stoke Newington"]
    assert int(hackney["letters"]) >= 1
    # The evidence packs' ZIP is streamed as each pack is drawn: whole through nginx.
    name, data = download(page, "Every constituency’s pack")
    assert name == "evidence-packs-stop-trafficking-networks.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "hackney-north-and-stoke-newington.pdf" in archive.namelist()
        assert archive.testzip() is None
    context.close()


def test_plain_http_is_sent_to_https(production_site):
    import requests
    response = requests.get(production_site.http_url + f"/c/{SLUG}/", allow_redirects=False,
                            timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://")


def test_email_and_reference_reports_pass_csrf_through_nginx(browser, production_site):
    """Over HTTPS the email POST and the reference report need the same-origin Referer too."""
    context = new_context(browser, production_site)
    page = context.new_page()
    open_campaign(page)
    find_mp(page, "E8 1DY")
    fill_letter(page)
    preview(page)
    reference = page.locator(".reference-code").first.inner_text()
    with page.expect_response(lambda r: r.url.endswith(f"/c/{SLUG}/email")) as answer:
        page.get_by_role("button", name="Email it from your own email").click()
    assert answer.value.status == 303
    assert answer.value.headers["location"].startswith("mailto:diane.abbott.office@")
    page.goto(f"/r/{reference}")
    page.get_by_role("button", name="I posted it").click()
    expect(page.get_by_role("status")).to_contain_text("recorded")
    page.get_by_label("Within a month").check()
    page.get_by_label("A personal answer").check()
    page.get_by_role("button", name="My MP replied").click()
    expect(page.get_by_text("You told us your MP replied")).to_be_visible()
    context.close()


def test_the_embed_is_framed_only_by_listed_origins_through_nginx(production_site,
                                                                 tls_certificate):
    import requests

    from campaign import create_app
    from campaign.campaigns.embedding import set_embed_origins
    from campaign.db import get_db

    url = f"{production_site.url}/c/{SLUG}/embed"
    verify = str(tls_certificate.cert)
    before = requests.get(url, verify=verify, timeout=10)
    assert "frame-ancestors 'none'" in before.headers["Content-Security-Policy"]
    assert before.headers["X-Frame-Options"] == "DENY"
    app = create_app({"DATABASE_PATH": production_site.database_path, "SECRET_KEY": "test-only"})
    with app.app_context():
        set_embed_origins(get_db(), 1, ["https://partner.example.org"])
    try:
        after = requests.get(url, verify=verify, timeout=10)
        assert after.headers["Content-Security-Policy"].endswith(
            "frame-ancestors https://partner.example.org")
        assert "X-Frame-Options" not in after.headers
        other = requests.get(f"{production_site.url}/c/{SLUG}/", verify=verify, timeout=10)
        assert "frame-ancestors 'none'" in other.headers["Content-Security-Policy"]
    finally:
        with app.app_context():
            set_embed_origins(get_db(), 1, [])
