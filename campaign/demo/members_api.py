"""A fake UK Parliament Members API: member search (paged) and constituency search."""
from __future__ import annotations

from campaign.demo import shapes
from campaign.demo.dataset import MPS, VACANT_SEATS, FakeMP
from campaign.demo.server import FakeServer


class FakeMembersAPI(FakeServer):
    def __init__(self, mps: list[FakeMP] = MPS, vacant: list[str] = VACANT_SEATS):
        super().__init__()
        self.mps = list(mps)
        self.vacant = list(vacant)

    def _member(self, mp: FakeMP) -> dict:
        return shapes.member(member_id=mp.member_id, display_as=mp.display_as,
                             full_title=mp.full_title, address_as=mp.address_as,
                             list_as=mp.list_as, party=mp.party, gender=mp.gender,
                             constituency=mp.constituency)

    def handle(self, method, path, query, body):
        skip = int(query.get("skip", ["0"])[0])
        take = min(int(query.get("take", ["20"])[0]), 20)
        if path == "/api/Members/Search":
            page = self.mps[skip:skip + take]
            return 200, {"items": [{"value": self._member(mp), "links": []} for mp in page],
                         "totalResults": len(self.mps), "resultContext": "", "skip": skip,
                         "take": take, "links": []}
        if path == "/api/Location/Constituency/Search":
            text = query.get("searchText", [""])[0].casefold()
            items = []
            for index, mp in enumerate(self.mps):
                if text[:4] in mp.constituency.casefold():
                    items.append(self._seat(4000 + index, mp.constituency, mp))
            for index, name in enumerate(self.vacant):
                if text[:4] in name.casefold():
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
