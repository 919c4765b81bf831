"""The postcodes, seats and MPs the fakes know: one of each case the site must handle."""
from __future__ import annotations

from dataclasses import dataclass

from letters import MP


@dataclass(frozen=True)
class FakeMP(MP):
    """An MP as the fake Members API holds them: the site's own `MP` (with
    `constituency` as the Members API spells it) plus what the API lists that the
    site does not keep (`list_as`, its "Abbott, Ms Diane") or asks for apart (the
    parliamentary office email its Contact endpoint gives; empty: it lists none)."""

    list_as: str = ""
    email: str = ""


@dataclass(frozen=True)
class FakePostcode:
    postcode: str
    code: str | None
    name: str | None  # as postcodes.io spells it
    country: str = "England"


MPS = [
    FakeMP(172, "Ms Diane Abbott", "Rt Hon Diane Abbott MP", "Ms Abbott", "Independent",
           "Hackney North and Stoke Newington", "F", "Abbott, Ms Diane",
           "diane.abbott.office@parliament.uk"),
    # A shadow minister (an opposition post) and, below, a minister (a government post).
    FakeMP(4761, "Laura Trott", "Laura Trott MBE MP", "Ms Trott", "Conservative", "Sevenoaks",
           "F", "Trott, Laura", "laura.trott.mp@parliament.uk",
           opposition_posts=("Shadow Secretary of State for Education",)),
    FakeMP(467, "Sir Lindsay Hoyle", "Rt Hon Sir Lindsay Hoyle MP", "Sir Lindsay", "Speaker",
           "Chorley", "M", "Hoyle, Sir Lindsay"),
    FakeMP(4703, "Órfhlaith Begley", "Órfhlaith Begley MP", "Ms Begley", "Sinn Féin",
           "West Tyrone", "F", "Begley, Órfhlaith"),
    # The Members API and postcodes.io spell these two differently (accent; "The").
    FakeMP(5351, "Llinos Medi", "Llinos Medi MP", "Ms Medi", "Plaid Cymru", "Ynys Môn", "F",
           "Medi, Llinos"),
    FakeMP(5220, "Shaun Davies", "Shaun Davies MP", "Mr Davies", "Labour", "Telford", "M",
           "Davies, Shaun", "shaun.davies.mp@parliament.uk"),
    FakeMP(4370, "Jess Phillips", "Jess Phillips MP", "Ms Phillips", "Labour",
           "Birmingham Yardley", "F", "Phillips, Jess",
           government_posts=("Parliamentary Under-Secretary of State (Home Office)",)),
    FakeMP(4788, "Mark Pritchard", "Rt Hon Mark Pritchard MP", "Mr Pritchard", "Conservative",
           "The Wrekin", "M", "Pritchard, Mark"),
    # A Scottish and a Northern Ireland seat whose MPs take their seats: devolved asks
    # (letters.devolution) change their constituents' letters.
    FakeMP(5110, "Euan Stainbank", "Euan Stainbank MP", "Mr Stainbank", "Labour", "Falkirk",
           "M", "Stainbank, Euan"),
    FakeMP(4827, "Claire Hanna", "Claire Hanna MP", "Ms Hanna", "Social Democratic & Labour Party",
           "Belfast South and Mid Down", "F", "Hanna, Claire"),
]

# Seats with no MP: known to the Location search, absent from the sitting members.
VACANT_SEATS = ["Runcorn and Helsby"]

POSTCODES = [
    FakePostcode("E8 1DY", "E14001259", "Hackney North and Stoke Newington"),
    FakePostcode("BR8 7RE", "E14001465", "Sevenoaks"),
    FakePostcode("PR7 1DP", "E14001170", "Chorley"),
    FakePostcode("BT78 1AA", "N05000018", "West Tyrone", "Northern Ireland"),
    FakePostcode("LL77 7TW", "W07000112", "Ynys Mon", "Wales"),
    FakePostcode("TF1 6TE", "E14001543", "Wrekin, The"),
    FakePostcode("B25 8NB", "E14001100", "Birmingham Yardley"),
    FakePostcode("WA7 1AA", "E14001455", "Runcorn and Helsby"),
    FakePostcode("FK1 1AA", "S14000083", "Falkirk", "Scotland"),
    FakePostcode("BT7 1NN", "N05000003", "Belfast South and Mid Down", "Northern Ireland"),
    # Non-geographic: postcodes.io knows it but it lies in no constituency.
    FakePostcode("BX1 1LT", None, None),
]

TERMINATED = {"AB1 0AA": 1996}
