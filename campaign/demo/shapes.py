"""The upstreams' response shapes.

When ../shared/data/api-samples (beside a source checkout) is present, the sample
upstreams build their answers from the real bodies recorded there (so a change in shape
shows up in the tests); otherwise from the minimal shapes in campaign/demo/samples,
which carry the same fields the site reads, so the demo runs on any machine.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"
SAMPLES = Path(__file__).resolve().parent / "samples"


def _load(sample: str, fallback: str) -> dict:
    real = SHARED_DATA / "api-samples" / sample
    path = real if real.exists() else SAMPLES / fallback
    return json.loads(path.read_text("utf-8"))


def postcode_result(postcode: str, code: str | None, name: str | None,
                    country: str = "England") -> dict:
    """A postcodes.io 200 body for `postcode` in constituency (`code`, `name`)."""
    body = copy.deepcopy(_load("postcodes-io-lookup-200.json", "postcodes-io-200.json"))
    result = body["result"]
    result["postcode"] = postcode
    result["outcode"], result["incode"] = postcode.split()
    result["country"] = country
    result["parliamentary_constituency_2024"] = name
    result["parliamentary_constituency"] = name
    result["codes"]["parliamentary_constituency_2024"] = code
    result["codes"]["parliamentary_constituency"] = code
    return body


def postcode_not_found() -> dict:
    return copy.deepcopy(_load("postcodes-io-lookup-404.json", "postcodes-io-404.json"))


def postcode_terminated(postcode: str, year: int) -> dict:
    body = copy.deepcopy(_load("postcodes-io-lookup-404-terminated.json",
                               "postcodes-io-404-terminated.json"))
    body["terminated"]["postcode"] = postcode
    body["terminated"]["year_terminated"] = year
    return body


def member(*, member_id: int, display_as: str, full_title: str, address_as: str,
           list_as: str, party: str, gender: str, constituency: str) -> dict:
    """A Members API MEMBER object (the `value` of an item)."""
    value = copy.deepcopy(_load("members-api-member.json", "members-api-member.json")["value"])
    value.update(id=member_id, nameDisplayAs=display_as, nameFullTitle=full_title,
                 nameAddressAs=address_as, nameListAs=list_as, gender=gender)
    value["latestParty"]["name"] = party
    value["latestHouseMembership"]["membershipFrom"] = constituency
    value["thumbnailUrl"] = f"https://members-api.parliament.uk/api/Members/{member_id}/Thumbnail"
    return value
