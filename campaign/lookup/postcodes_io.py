"""The postcodes.io client: postcode -> Westminster constituency (2024 boundaries)."""
from __future__ import annotations

from urllib.parse import quote

import requests

from campaign.lookup.breaker import CircuitBreaker
from campaign.lookup.constituencies import shipped_names_of
from campaign.lookup.errors import (
    NoWestminsterConstituency,
    PostcodeNotFound,
    PostcodeTerminated,
    UpstreamUnavailable,
)
from campaign.lookup.postcode import (
    CROWN_DEPENDENCY_AREAS,
    Constituency,
    Postcode,
    is_no_constituency,
)
from campaign.lookup.upstream import Timeouts, fetch_json


class PostcodesIO:
    """Ask a postcodes.io instance (public or self-hosted) for a postcode's constituency."""

    def __init__(self, base_url: str, session: requests.Session, timeouts: Timeouts,
                 breaker: CircuitBreaker | None = None):
        self.base_url = base_url.rstrip("/")
        self.session = session
        self.timeouts = timeouts
        self.breaker = breaker

    def constituency(self, postcode: Postcode) -> Constituency:
        """The constituency `postcode` lies in.

        Raises PostcodeNotFound, PostcodeTerminated, NoWestminsterConstituency or
        UpstreamUnavailable.
        """
        url = f"{self.base_url}/postcodes/{quote(postcode.compact)}"
        status, body = fetch_json(self.session, "GET", url, timeouts=self.timeouts,
                                  service="postcodes.io", breaker=self.breaker)
        if not isinstance(body, dict):
            raise UpstreamUnavailable()
        if status == 404:
            terminated = body.get("terminated")
            if isinstance(terminated, dict):
                raise PostcodeTerminated(str(postcode), terminated.get("year_terminated"))
            raise PostcodeNotFound()
        if status != 200:
            raise UpstreamUnavailable()
        return _constituency_from(body.get("result"))


def _constituency_from(result) -> Constituency:
    if not isinstance(result, dict) or not isinstance(result.get("codes"), dict):
        raise UpstreamUnavailable()
    code = result["codes"].get("parliamentary_constituency_2024")
    name = result.get("parliamentary_constituency_2024")
    if is_no_constituency(code) or not name:
        # Crown dependencies come back with no constituency at all.
        country = result.get("country")
        crown = country if country in CROWN_DEPENDENCY_AREAS.values() else None
        if country == "Channel Islands":
            crown = "The Channel Islands"
        raise NoWestminsterConstituency(crown)
    if not isinstance(code, str) or not isinstance(name, str):
        raise UpstreamUnavailable()
    # postcodes.io gives the English name only: the others are the shipped official ones.
    return Constituency(code=code, name=name, names=shipped_names_of(code))
