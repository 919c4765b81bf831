"""Rate limits hold across workers: three gunicorn workers counting in one real
redis-server let one client exactly one limit's worth of lookups, not three."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import requests

from campaign.demo.live_site import gunicorn, prepare_database
from campaign.limits import POSTCODE_LIMIT
from tests.campaign.helpers import SLUG, postcode_form_address

PER_MINUTE = int(POSTCODE_LIMIT.split()[0])


def lookup(url: str) -> int:
    # A fresh connection (and session) each time, so the workers share the requests.
    with requests.Session() as client:
        page = client.get(f"{url}/c/{SLUG}/", timeout=10)
        # The postcode form, a GET of the letter form's own address: it looks the
        # postcode up and counts, once.
        return client.get(f"{url}{postcode_form_address(page.text, 'E8 1DY')}",
                          timeout=10).status_code


def test_three_workers_enforce_one_limit(redis_server, tmp_path, fake_postcodes, fake_members):
    database = str(tmp_path / "campaign.sqlite3")
    prepare_database(database)
    with gunicorn(database_path=database, postcodes_url=fake_postcodes.url,
                  members_url=fake_members.url, workers=3, timeout=30,
                  env={"RATELIMIT_ENABLED": "1",
                       # A healthy Redis on a machine crowded by the whole suite answers late now
                       # and then: in 50 ms some requests would be counted in memory.
                       "RATELIMIT_REDIS_TIMEOUT": "0.5",
                       "RATELIMIT_STORAGE_URI": redis_server.url}) as server:
        with ThreadPoolExecutor(max_workers=9) as pool:
            statuses = list(pool.map(lookup, [server.url] * (PER_MINUTE + 15)))
    assert statuses.count(200) == PER_MINUTE  # found: the letter form
    assert statuses.count(429) == 15
    for sign in ("falling back", "Swallowing error", "Traceback"):  # Redis really counted
        assert sign not in server.final_output
