"""A fake UK Parliament Members API: member search (paged) and constituency search.

Like the real one it has a full House: the dataset's MPs and vacancies, and a
made-up member for every other seat of the 2024 boundaries, so that a refresh
finds about 650 sitting MPs (the site refuses far fewer as implausible). Tests
change `mps` and `vacant` to play out by-elections and dissolution.
"""
from __future__ import annotations

from campaign.demo import shapes
from campaign.demo.dataset import MPS, VACANT_SEATS, FakeMP
from campaign.demo.server import FakeServer
from campaign.lookup.constituencies import shipped
from campaign.lookup.name_matching import constituency_key


def full_house(mps: list[FakeMP], vacant: list[str]) -> list[FakeMP]:
    """`mps` plus a made-up MP for every current seat neither `mps` nor `vacant` covers."""
    taken = {constituency_key(mp.constituency) for mp in mps} | \
        {constituency_key(name) for name in vacant}
    others = [
        FakeMP(900000 + index, f"Member for {name}", f"Member for {name} MP", "Member",
               "Independent", name, "", f"Member, {name}")
        for index, (code, name) in enumerate(sorted(shipped().items()))
        if constituency_key(name) not in taken
    ]
    return list(mps) + others


class FakeMembersAPI(FakeServer):
    def __init__(self, mps: list[FakeMP] = MPS, vacant: list[str] = VACANT_SEATS,
                 fill_house: bool = True):
        super().__init__()
        self.vacant = list(vacant)
        self.mps = full_house(mps, self.vacant) if fill_house else list(mps)
        self._initial = (list(self.mps), list(self.vacant))

        # A quiet failure: the member search answers 200 with no members at all.
        self.search_empty = False
        self.contact_failures: set[int] = set()  # member ids whose Contact answers 500
        # A scrambled member list: when set, the member search serves this list while
        # each member's own record (/api/Members/{id}) still tells the truth (`mps`).
        self.search_override: list[FakeMP] | None = None

    def reset(self) -> None:
        """Back to the House it started with, answering normally."""
        super().reset()
        self.mps, self.vacant = list(self._initial[0]), list(self._initial[1])
        self.search_empty = False
        self.contact_failures = set()
        self.search_override = None

    def dissolve(self) -> None:
        """Parliament is dissolved: no current members, every seat without an MP."""
        self.vacant = [mp.constituency for mp in self.mps] + self.vacant
        self.mps = []

    def replace(self, constituency: str, mp: FakeMP | None) -> None:
        """A seat changes: `mp` takes it, or (None) it falls vacant."""
        key = constituency_key(constituency)
        self.mps = [m for m in self.mps if constituency_key(m.constituency) != key]
        self.vacant = [name for name in self.vacant if constituency_key(name) != key]
        if mp is None:
            self.vacant.append(constituency)
        else:
            self.mps.append(mp)

    def _member(self, mp: FakeMP) -> dict:
        return shapes.member(member_id=mp.member_id, display_as=mp.display_as,
                             full_title=mp.full_title, address_as=mp.address_as,
                             list_as=mp.list_as, party=mp.party, gender=mp.gender,
                             constituency=mp.constituency)

    def handle(self, method, path, query, body):
        skip = int(query.get("skip", ["0"])[0])
        take = min(int(query.get("take", ["20"])[0]), 20)
        if path == "/api/Members/Search":
            members = [] if self.search_empty else (
                self.mps if self.search_override is None else self.search_override)
            page = members[skip:skip + take]
            return 200, {"items": [{"value": self._member(mp), "links": []} for mp in page],
                         "totalResults": len(members), "resultContext": "", "skip": skip,
                         "take": take, "links": []}
        if path.startswith("/api/Members/") and path.endswith("/Contact"):
            member_id = path.split("/")[3]
            mp = next((mp for mp in self.mps if str(mp.member_id) == member_id), None)
            if mp is None:
                return 404, {"status": 404, "title": "Not Found"}
            if mp.member_id in self.contact_failures:
                return 500, {"status": 500, "title": "Internal Server Error"}
            return 200, {"value": self._contacts(mp), "links": []}
        if path.count("/") == 3 and path.startswith("/api/Members/") and \
                path.split("/")[3].isdigit():
            # /api/Members/{id}: the member's own record, {"value": MEMBER, "links": [...]}
            # (REFERENCE.md's sample); a member who has left the House keeps a record
            # with an end date, which the fake does not keep: unknown is 404.
            mp = next((mp for mp in self.mps if str(mp.member_id) == path.split("/")[3]),
                      None)
            if mp is None:
                return 404, {"status": 404, "title": "Not Found"}
            return 200, {"value": self._member(mp), "links": []}
        if path in ("/api/Posts/GovernmentPosts", "/api/Posts/OppositionPosts"):
            return 200, self._posts(government=path.endswith("GovernmentPosts"))
        if path.startswith("/api/Members/") and path.endswith("/Biography"):
            member_id = path.split("/")[3]
            mp = next((mp for mp in self.mps if str(mp.member_id) == member_id), None)
            if mp is None:
                return 404, {"status": 404, "title": "Not Found"}
            return 200, {"value": self._biography(mp), "links": []}
        if path == "/api/Location/Constituency/Search":
            # The real search matches words in any order and ignores accents; a seat's
            # key holding every word of the search is near enough.
            words = constituency_key(query.get("searchText", [""])[0]).split()
            items = []
            for index, mp in enumerate(self.mps):
                if all(w in constituency_key(mp.constituency).split() for w in words):
                    items.append(self._seat(4000 + index, mp.constituency, mp))
            for index, name in enumerate(self.vacant):
                if all(w in constituency_key(name).split() for w in words):
                    items.append(self._seat(5000 + index, name, None))
            return 200, {"items": items[skip:skip + take], "totalResults": len(items),
                         "resultContext": "", "skip": skip, "take": take, "links": []}
        return 404, {"status": 404, "title": "Not Found"}

    def _posts(self, government: bool) -> list[dict]:
        # The shape of /api/Posts/GovernmentPosts and /OppositionPosts (REFERENCE.md):
        # one item per post, with its current holders (and, here, one past holder, so
        # the client must skip holders with an end date).
        names = sorted({name for mp in self.mps
                        for name in (mp.government_posts if government else mp.opposition_posts)})
        posts = []
        for index, name in enumerate(names):
            holders = [{"member": {"value": self._member(mp), "links": []},
                        "startDate": "2024-07-09T00:00:00", "endDate": None}
                       for mp in self.mps
                       if name in (mp.government_posts if government else mp.opposition_posts)]
            holders.append({"member": {"value": self._member(self.mps[0]), "links": []},
                            "startDate": "2010-05-12T00:00:00",
                            "endDate": "2012-09-04T00:00:00"})
            posts.append({"value": {"id": (1800 if government else 2800) + index,
                                    "name": name, "hansardName": name,
                                    "governmentDepartments": [], "postHolders": holders},
                          "links": []})
        return posts

    def _biography(self, mp: FakeMP) -> dict:
        # The parts of /api/Members/{id}/Biography the site reads; past posts have an endDate.
        def posts(names: tuple[str, ...]) -> list[dict]:
            return [{"house": 1, "name": name, "id": 1800 + index,
                     "startDate": "2024-07-09T00:00:00", "endDate": None,
                     "additionalInfo": None, "additionalInfoLink": None}
                    for index, name in enumerate(names)]
        return {"representations": [], "electionsContested": [], "houseMemberships": [],
                "governmentPosts": posts(mp.government_posts),
                "oppositionPosts": posts(mp.opposition_posts),
                "otherPosts": [], "partyAffiliations": [], "committeeMemberships": []}

    def _contacts(self, mp: FakeMP) -> list[dict]:
        # The shape of /api/Members/{id}/Contact: a constituency office (no email here,
        # so the client must pick the parliamentary one) and the parliamentary office.
        return [
            {"type": "Constituency office", "typeDescription": "Constituency", "typeId": 4,
             "isPreferred": False, "isWebAddress": False, "notes": None,
             "line1": "1 High Street", "postcode": "AB1 2CD", "phone": "01234 567890",
             "fax": None, "email": None},
            {"type": "Parliamentary office", "typeDescription": "Parliamentary",
             "typeId": 1, "isPreferred": True, "isWebAddress": False, "notes": None,
             "line1": "House of Commons", "line2": "London", "postcode": "SW1A 0AA",
             "phone": "020 7219 3000", "fax": None, "email": mp.email or None},
        ]

    def _seat(self, seat_id: int, name: str, mp: FakeMP | None) -> dict:
        representation = None
        if mp is not None:
            representation = {
                "member": {"value": self._member(mp), "links": []},
                "representation": {"membershipFrom": name, "membershipFromId": seat_id,
                                   "house": 1, "membershipStartDate": "2024-07-04T00:00:00",
                                   "membershipEndDate": None},
            }
        return {"value": {"id": seat_id, "name": name, "startDate": "2024-07-04T00:00:00",
                          "endDate": None, "currentRepresentation": representation},
                "links": []}
