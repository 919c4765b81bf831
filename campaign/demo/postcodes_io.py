"""A fake postcodes.io: GET /postcodes/{postcode} for the postcodes in the dataset."""
from __future__ import annotations

import re
from urllib.parse import unquote

from campaign.demo import shapes
from campaign.demo.dataset import POSTCODES, TERMINATED, FakePostcode
from campaign.demo.server import FakeServer


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


class FakePostcodesIO(FakeServer):
    def __init__(self, postcodes: list[FakePostcode] = POSTCODES,
                 terminated: dict[str, int] = TERMINATED):
        super().__init__()
        self.postcodes = {_key(p.postcode): p for p in postcodes}
        self.terminated = {_key(p): (p, year) for p, year in terminated.items()}

    def handle(self, method, path, query, body):
        match = re.fullmatch(r"/postcodes/([^/]+)", path)
        if method != "GET" or not match:
            return 404, {"status": 404, "error": "Resource not found"}
        key = _key(unquote(match.group(1)))
        if key in self.postcodes:
            p = self.postcodes[key]
            return 200, shapes.postcode_result(p.postcode, p.code, p.name, p.country)
        if key in self.terminated:
            postcode, year = self.terminated[key]
            return 404, shapes.postcode_terminated(postcode, year)
        return 404, shapes.postcode_not_found()
