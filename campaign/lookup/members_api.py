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

    def member(self, member_id: int) -> MP | None:
        """The member's own record (`/api/Members/{id}`): the MP as that record has them,
        or None when it shows no current Commons seat (no such member, a Lord, or a
        membership with an end date). A second source for a seat the member list names."""
        status, body = fetch_json(self.session, "GET",
                                  f"{self.base_url}/api/Members/{int(member_id)}", params={},
                                  timeouts=self.timeouts, service="Members API",
                                  breaker=self.breaker)
        if status == 404:
            return None
        if status != 200 or not isinstance(body, dict) or not isinstance(body.get("value"), dict):
            raise UpstreamUnavailable()
        value = body["value"]
        membership = value.get("latestHouseMembership") or {}
        if not isinstance(membership, dict) or membership.get("house", 1) != 1 \
                or membership.get("membershipEndDate"):
            return None
        return mp_from_api(value)

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

    def current_posts(self) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
        """Every current government and opposition post's holders, at once:
        member id -> (government posts, opposition posts), by the posts' names.

        Read defensively (REFERENCE.md: not checked against a live answer): a post
        with no name, or a holder with an end date or no member id, is no post.
        """
        held: dict[int, tuple[list[str], list[str]]] = {}
        for index, path in enumerate(("/api/Posts/GovernmentPosts",
                                      "/api/Posts/OppositionPosts")):
            body = self._get_any(path)
            if not isinstance(body, list):
                raise UpstreamUnavailable()
            for item in body:
                post = (item or {}).get("value") if isinstance(item, dict) else None
                if not isinstance(post, dict) or not str(post.get("name") or "").strip():
                    continue
                for holder in post.get("postHolders") or []:
                    member_id = _current_holder(holder)
                    if member_id is not None:
                        held.setdefault(member_id, ([], []))[index].append(
                            str(post["name"]).strip())
        return {member_id: (tuple(gov), tuple(opp)) for member_id, (gov, opp) in held.items()}

    def member_posts(self, member_id: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """One member's current (government posts, opposition posts), from their Biography."""
        value = self._get(f"/api/Members/{int(member_id)}/Biography", {}).get("value")
        if not isinstance(value, dict):
            raise UpstreamUnavailable()

        def current(key: str) -> tuple[str, ...]:
            posts = value.get(key) or []
            return tuple(str(post["name"]).strip() for post in posts
                         if isinstance(post, dict) and str(post.get("name") or "").strip()
                         and not post.get("endDate") and post.get("house", 1) == 1)
        return current("governmentPosts"), current("oppositionPosts")

    def _get_any(self, path: str):
        status, body = fetch_json(self.session, "GET", self.base_url + path, params={},
                                  timeouts=self.timeouts, service="Members API",
                                  breaker=self.breaker)
        if status != 200:
            raise UpstreamUnavailable()
        return body

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


def _current_holder(holder) -> int | None:
    """The member id of a post holder who holds it now (no end date), else None."""
    if not isinstance(holder, dict) or holder.get("endDate"):
        return None
    member = (holder.get("member") or {}).get("value") if isinstance(
        holder.get("member"), dict) else None
    if not isinstance(member, dict):
        return None
    try:
        return int(member["id"])
    except (KeyError, TypeError, ValueError):
        return None
