"""HTTP to the services we depend on: explicit timeouts, one retry, clear failures.

Both upstreams (postcodes.io and the Members API) answer JSON. Anything else (a
timeout, a refused connection, a 5xx, an HTML error page, a body that is not the
shape we expect) becomes `UpstreamUnavailable`, which the citizen sees as "try
again in a few minutes".
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from campaign.lookup.breaker import CircuitBreaker
from campaign.lookup.errors import UpstreamUnavailable

log = logging.getLogger(__name__)

USER_AGENT = "mp-letters/0.1 (a site for writing letters to UK MPs)"


@dataclass(frozen=True)
class Timeouts:
    """Seconds to connect and to wait for an answer. Their sum bounds a citizen's wait."""

    connect: float = 1.5
    read: float = 3.5


def make_session(pool_size: int = 16) -> requests.Session:
    """A pooled session that retries once, only when the connection itself failed.

    A read that timed out is not retried: the citizen has already waited.
    """
    retry = Retry(total=1, connect=1, read=0, status=0, other=0, backoff_factor=0.1,
                  allowed_methods=None)
    adapter = HTTPAdapter(max_retries=retry, pool_connections=pool_size, pool_maxsize=pool_size)
    session = requests.Session()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    session.headers["Accept"] = "application/json"
    return session


def fetch_json(session: requests.Session, method: str, url: str, *, timeouts: Timeouts,
               service: str, breaker: CircuitBreaker | None = None,
               **kwargs) -> tuple[int, object]:
    """Call `url` and return (status, parsed JSON) for any 2xx or 4xx answer.

    Raises UpstreamUnavailable for timeouts, connection errors, 5xx and bodies
    that are not JSON, and at once, without calling, while `breaker` is open.
    `service` names the upstream in logs (never the URL's query, which may hold a
    postcode).
    """
    if breaker is not None:
        return breaker.call(_fetch_json, session, method, url, timeouts=timeouts,
                            service=service, **kwargs)
    return _fetch_json(session, method, url, timeouts=timeouts, service=service, **kwargs)


def _fetch_json(session: requests.Session, method: str, url: str, *, timeouts: Timeouts,
                service: str, **kwargs) -> tuple[int, object]:
    try:
        response = session.request(method, url, timeout=(timeouts.connect, timeouts.read),
                                   **kwargs)
    except requests.RequestException as error:
        # The hint is for whoever runs the site offline or behind a firewall.
        log.warning("%s unreachable: %s (citizens are told to try again; check this server "
                    "can reach it, or set POSTCODE_SOURCE=local with an imported ONS directory)",
                    service, type(error).__name__)
        raise UpstreamUnavailable() from None
    if response.status_code >= 500:
        log.warning("%s answered %s", service, response.status_code)
        raise UpstreamUnavailable()
    try:
        return response.status_code, response.json()
    except ValueError:
        log.warning("%s answered %s with a body that is not JSON", service,
                    response.status_code)
        raise UpstreamUnavailable() from None
