"""Post it for me in production's shape: nginx terminating TLS, gunicorn with three
workers (APP_ENV=production, so every posting setting is checked at start-up), rate
limits in a real redis-server where one is installed, and the sample Stannp over HTTPS
on loopback. Twenty writers press at once on a budget of ten: ten letters are posted,
once each; the service down or answering nonsense leaves each writer a sentence."""
from __future__ import annotations

import re
import secrets
import ssl
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from requests.adapters import HTTPAdapter

from campaign import create_app
from campaign.demo.live_site import gunicorn, prepare_database
from campaign.demo.stannp import API_KEY, WEBHOOK_SECRET, FakeStannp
from campaign.posting import budget
from tests.campaign.helpers import SLUG, WRITER, hidden, page_text, postcode_form_address
from tests.campaign.production.conftest import optional_redis, running_nginx

WRITERS = 20
BUDGET = 10


@pytest.fixture(scope="module")
def tls_stannp(tls_certificate):
    """The sample Stannp, answering HTTPS with the tests' certificate."""
    fake = FakeStannp()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tls_certificate.cert, tls_certificate.key)
    fake.httpd.socket = context.wrap_socket(fake.httpd.socket, server_side=True)
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def posting_site(request, tmp_path_factory, tls_certificate, tls_stannp, fake_postcodes,
                 fake_members):
    redis = optional_redis(request)
    directory = tmp_path_factory.mktemp("posting")
    database = str(directory / "campaign.sqlite3")
    prepare_database(database)
    app = create_app({"DATABASE_PATH": database, "SECRET_KEY": "prepare-only"})
    with app.app_context():
        from campaign.db import get_db

        budget.save_settings(get_db(), 1, budget.PostingSettings(
            enabled=True, budget_letters=BUDGET), "prepared")
    stannp_url = tls_stannp.url.replace("http://", "https://") + "/v1"
    environment = {
        "APP_ENV": "production", "TRUSTED_PROXIES": "1", "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": secrets.token_hex(32), "ORGANISATION_NAME": "Example Campaign Group",
        "ORGANISATION_URL": "https://example.org/", "ORGANISATION_EMAIL": "privacy@example.org",
        # One address (the tests') writes all twenty letters: the limits are tested in
        # tests/campaign/posting/test_posting.py; here the counters still live in Redis.
        "RATELIMIT_ENABLED": "0",
        "RATELIMIT_STORAGE_URI": redis.url if redis else "memory://",
        "POST_PROVIDER": "stannp", "STANNP_API_URL": stannp_url, "STANNP_API_KEY": API_KEY,
        "STANNP_TEST_MODE": "1", "STANNP_WEBHOOK_SECRET": WEBHOOK_SECRET,
        # gunicorn's requests trust the tests' certificate, as the fake's.
        "REQUESTS_CA_BUNDLE": str(tls_certificate.cert),
    }
    with gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                  members_url=fake_members.url, workers=3, env=environment,
                  timeout=30) as server, \
            running_nginx(directory, server.url.removeprefix("http://"),
                          tls_certificate) as nginx:
        yield nginx.url


class FromAddress(HTTPAdapter):
    """Connections from one loopback address (127.0.0.0/8 is all ours): each writer is
    a different address to nginx's per-address limits, as twenty people would be."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def preview(url: str, verify: str, name: str, number: int) -> tuple[requests.Session, str]:
    """A writer's session (from their own address) and their preview page, through nginx."""
    session = requests.Session()
    session.mount("https://", FromAddress(f"127.0.0.{number + 10}"))
    # Each call names the certificate: a REQUESTS_CA_BUNDLE in the environment would
    # otherwise win over the session's.
    session.verify = verify
    page = session.get(f"{url}/c/{SLUG}/", timeout=10, verify=verify)
    # Over HTTPS the CSRF check wants the page the form came from, as a browser sends.
    session.headers["Referer"] = f"{url}/c/{SLUG}/"
    # The postcode form: a GET of the letter form's own address.
    form = session.get(f"{url}{postcode_form_address(page.text, 'E8 1DY')}", timeout=10,
                       verify=verify)
    assert form.status_code == 200, form.status_code
    asks = re.findall(r'name="asks" value="(\d+)"', form.text)[:2]
    shown = session.post(f"{url}/c/{SLUG}/letter", timeout=10, verify=verify, data={
        **WRITER, "full_name": name, "postcode": "E8 1DY", "asks": asks, "personal_note": "",
        "csrf_token": hidden(form.text, "csrf_token")})
    assert shown.status_code == 200, shown.status_code
    return session, shown.text


def press(url: str, session: requests.Session, page: str) -> requests.Response:
    return session.post(f"{url}/c/{SLUG}/post", timeout=20, verify=session.verify, data={
        "letter": hidden(page, "letter"), "csrf_token": hidden(page, "csrf_token")})


def test_twenty_writers_at_once_through_nginx_and_three_workers(posting_site, tls_stannp,
                                                                 tls_certificate):
    verify = str(tls_certificate.cert)
    tls_stannp.reset()
    writers = [preview(posting_site, verify, f"Writer {n}", n) for n in range(WRITERS + 2)]
    for _session, page in writers:
        assert "Post it for me" in page

    # The service down, then answering nonsense: a sentence, the download, nothing spent.
    session, page = writers[-1]
    for mode in ("down", "garbage"):
        tls_stannp.mode = mode
        answer = press(posting_site, session, page)
        assert answer.status_code == 503, (mode, answer.status_code)
        assert "your letter has not been posted" in page_text(answer.text)
        assert 'value="pdf"' in answer.text
    tls_stannp.mode = "ok"
    assert tls_stannp.letters == []

    with ThreadPoolExecutor(WRITERS) as pool:
        answers = list(pool.map(lambda writer: press(posting_site, *writer), writers[:WRITERS]))
    assert sorted(a.status_code for a in answers) == [200] * BUDGET + [409] * (WRITERS - BUDGET)
    assert len(tls_stannp.letters) == BUDGET
    assert all(letter.test for letter in tls_stannp.letters)
    # Each posted writer's reload posts nothing more.
    posted = [writer for writer, answer in zip(writers[:WRITERS], answers, strict=True)
              if answer.status_code == 200]
    for session, page in posted[:3]:
        assert press(posting_site, session, page).status_code == 200
    assert len(tls_stannp.letters) == BUDGET
