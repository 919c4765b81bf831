"""Organisers' exports go through their own nginx location (deploy/nginx-site.conf:
/staff/counts/, with its own connection caps) and the application's build slots: a
burst of pack ZIPs from one organiser is answered (built, cached, or "busy, try again")
while a citizen's letter goes through."""
from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor

import requests

from campaign.demo.http_journey import hidden, postcode_form_address
from tests.campaign.helpers import ORGANISER, PASSWORD, SLUG


def organiser_session(site, certificate) -> requests.Session:
    session = requests.Session()
    # Per request, not session.verify: REQUESTS_CA_BUNDLE in the environment would win.
    session.request = functools.partial(session.request, verify=str(certificate.cert))
    page = session.get(f"{site.url}/staff/login", timeout=10)
    signed_in = session.post(f"{site.url}/staff/login", timeout=10, allow_redirects=False,
                             headers={"Referer": f"{site.url}/staff/login"},
                             data={"email": ORGANISER, "password": PASSWORD,
                                   "csrf_token": hidden(page.text, "csrf_token")})
    assert signed_in.status_code == 302, signed_in.text[:300]
    return session


def test_a_burst_of_pack_zips_leaves_citizens_their_letters(production_site, tls_certificate):
    session = organiser_session(production_site, tls_certificate)
    counts = session.get(f"{production_site.url}/staff/counts/{SLUG}/counts.json", timeout=10)
    assert counts.status_code == 200 and counts.json()

    def pack_zip(day: int) -> int:
        # Each a different day, so each is a build (a cache miss), not a kept answer.
        return session.get(f"{production_site.url}/staff/counts/{SLUG}/packs.zip",
                           params={"since": f"2025-01-{day:02d}"}, timeout=30).status_code

    def citizen() -> int:
        with requests.Session() as writer:
            writer.request = functools.partial(writer.request, verify=str(tls_certificate.cert))
            page = writer.get(f"{production_site.url}/c/{SLUG}/", timeout=10)
            # The postcode form: a GET of the letter form's own address.
            address = postcode_form_address(page.text, "E8 1DY")
            return writer.get(f"{production_site.url}{address}", timeout=10,
                              headers={"Referer": f"{production_site.url}/c/{SLUG}/"}
                              ).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        organiser = [pool.submit(pack_zip, day) for day in range(1, 11)]
        letter = pool.submit(citizen)
        statuses = [future.result() for future in organiser]
        assert letter.result() == 200
    # Built, or refused at once: by nginx (429, its busy page) or the application (503).
    assert set(statuses) <= {200, 429, 503}
    assert 200 in statuses
