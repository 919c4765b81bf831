"""The UK Parliament Members API client: who sits for which constituency."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import requests

from campaign.lookup.breaker import CircuitBreaker
from campaign.lookup.errors import UpstreamUnavailable
from campaign.lookup.upstream import Timeouts, fetch_json
from letters import MP

PAGE_SIZE = 20  # the API's own maximum for `take`
MAX_PAGES = 100  # 650 seats are 33 pages; a runaway `totalResults` stops here


def mp_from_api(member: dict) -> MP:
    """Read one Members API MEMBER object as the MP a letter is addressed to; raise
    UpstreamUnavailable if it is not that shape. `constituency` is in the API's spelling."""
    try:
        membership = member["latestHouseMembership"]
        party = (member.get("latestParty") or {}).get("name") or ""
        return MP(
            member_id=int(member["id"]),
            display_as=str(member["nameDisplayAs"]),
            full_title=str(member["nameFullTitle"]),
            address_as=str(member.get("nameAddressAs") or member["nameDisplayAs"]),
            party=str(party),
            constituency=str(membership["membershipFrom"]),
            gender=str(member.get("gender") or ""),
        )
    except (KeyError, TypeError, ValueError):
        raise UpstreamUnavailable() from None


@dataclass(frozen=True)
class SeatAnswer:
    """A constituency as the Location search knows it; `member` is None when vacant."""

    api_id: int
    name: str
    member: MP | None


class MembersAPI:
    """Ask the Members API (or a compatible instance) about MPs and seats."""

    def __init__(self, base_url: str, session: requests.Session, timeouts: Timeouts,
                 breaker: CircuitBreaker | None = None):
        self.base_url = base_url.rstrip("/")
        self.session = session
        self.timeouts = timeouts
        self.breaker = breaker

    def _get(self, path: str, params: dict) -> dict:
        status, body = fetch_json(self.session, "GET", self.base_url + path, params=params,
                                  timeouts=self.timeouts, service="Members API",
                                  breaker=self.breaker)
        if status != 200 or not isinstance(body, dict):
            raise UpstreamUnavailable()
        return body

    def sitting_mps(self) -> Iterator[MP]:
        """Every current member of the House of Commons, page by page."""
        skip = 0
        for _ in range(MAX_PAGES):
            body = self._get("/api/Members/Search", {
                "House": 1, "IsCurrentMember": "true", "skip": skip, "take": PAGE_SIZE,
            })
            items = body.get("items")
            if not isinstance(items, list):
                raise UpstreamUnavailable()
            for item in items:
                yield mp_from_api((item or {}).get("value") or {})
            skip += len(items)
            if not items or skip >= int(body.get("totalResults") or 0):
                return

    def contact_email(self, member_id: int) -> str:
        """The member's parliamentary office email, or "" when the API lists none."""
        body = self._get(f"/api/Members/{int(member_id)}/Contact", {})
        offices = body.get("value")
        if not isinstance(offices, list):
            raise UpstreamUnavailable()
        emails = [(office.get("typeId") != 1, str(office.get("email") or "").strip())
                  for office in offices if isinstance(office, dict)]
        # The parliamentary office first: constituency offices handle casework, and
        # the Commons address is the one the MP's team reads for campaigns.
        for _, email in sorted(emails, key=lambda pair: pair[0]):
            if "@" in email:
                return email
        return ""

    def seat(self, constituency_name: str, matches) -> SeatAnswer | None:
        """The current seat whose name satisfies `matches(name)`, or None if not found."""
        body = self._get("/api/Location/Constituency/Search", {
            "searchText": constituency_name, "skip": 0, "take": 20,
        })
        items = body.get("items")
        if not isinstance(items, list):
            raise UpstreamUnavailable()
        for item in items:
            value = (item or {}).get("value") or {}
            if value.get("endDate") or not matches(str(value.get("name", ""))):
                continue  # abolished seats share names with today's
            representation = value.get("currentRepresentation")
            member = None
            if representation:
                member = mp_from_api((representation.get("member") or {}).get("value") or {})
            return SeatAnswer(api_id=int(value.get("id", 0)), name=str(value["name"]), member=member)
        return None
