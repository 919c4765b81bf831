"""A fake UK Parliament Members API: member search (paged) and constituency search.

Like the real one it has a full House: the dataset's MPs and vacancies, and a
made-up member for every other seat of the 2024 boundaries, so that a refresh
finds about 650 sitting MPs (the site refuses far fewer as implausible). Tests
change `mps` and `vacant` to play out by-elections and dissolution.
"""
from __future__ import annotations

from campaign.lookup.constituencies import shipped
from campaign.lookup.names import constituency_key
from campaign.demo import shapes
from campaign.demo.dataset import MPS, VACANT_SEATS, FakeMP
from campaign.demo.server import FakeServer


def full_house(mps: list[FakeMP], vacant: list[str]) -> list[FakeMP]:
    """`mps` plus a made-up MP for every current seat neither `mps` nor `vacant` covers."""
    taken = {constituency_key(mp.constituency) for mp in mps} | \
        {constituency_key(name) for name in vacant}
    others = [
        FakeMP(900000 + index, f"Member for {name}", f"Member for {name} MP", "Member",
               f"Member, {name}", "Independent", "", name)
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

    def reset(self) -> None:
        """Back to the House it started with, answering normally."""
        super().reset()
        self.mps, self.vacant = list(self._initial[0]), list(self._initial[1])
        self.search_empty = False

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
            members = [] if self.search_empty else self.mps
            page = members[skip:skip + take]
            return 200, {"items": [{"value": self._member(mp), "links": []} for mp in page],
                         "totalResults": len(members), "resultContext": "", "skip": skip,
                         "take": take, "links": []}
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
