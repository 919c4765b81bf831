"""The world the wandering tests (tests/campaign/wandering.py) walk in: the demo's postcodes and
their MPs, the launch campaign's asks tagged so a letter shows which it carries, and
who can act on each ask in each nation."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from campaign.campaigns import enabled_asks
from campaign.campaigns.targets import targets_offered
from campaign.db import get_db
from campaign.demo.dataset import MPS
from campaign.stances.records import set_stances
from letters.devolution import rule_for
from letters.nations import Nation
from letters.stances import Stance

_MP_BY_ID = {mp.member_id: mp for mp in MPS}


@dataclass(frozen=True)
class Place:
    """A postcode the writer may give, its nation and its MP (None: the seat is vacant)."""

    postcode: str
    nation: Nation
    member_id: int | None
    what: str

    @property
    def mp(self):
        return _MP_BY_ID[self.member_id] if self.member_id else None


def person(mp) -> str:
    """An MP's own name, as letters in either language write it ("Diane Abbott")."""
    surname, _, rest = mp.list_as.partition(", ")
    return " ".join([*(w for w in rest.split() if w not in ("Ms", "Mr", "Mrs", "Sir", "Dr")),
                     surname])


PLACES = (
    Place("E8 1DY", Nation.ENGLAND, 172, "an MP"),
    Place("BR8 7RE", Nation.ENGLAND, 4761, "a shadow minister"),
    Place("PR7 1DP", Nation.ENGLAND, 467, "the Speaker"),
    Place("B25 8NB", Nation.ENGLAND, 4370, "a minister"),
    Place("TF1 6TE", Nation.ENGLAND, 4788, "a supporter (marked by the test)"),
    Place("WA7 1AA", Nation.ENGLAND, None, "a vacant seat"),
    Place("LL77 7TW", Nation.WALES, 5351, "Wales"),
    Place("FK1 1AA", Nation.SCOTLAND, 5110, "Scotland"),
    Place("BT7 1NN", Nation.NORTHERN_IRELAND, 4827, "Northern Ireland"),
    Place("BT78 1AA", Nation.NORTHERN_IRELAND, 4703, "Northern Ireland, Sinn Féin"),
)
PLACE = {place.postcode: place for place in PLACES}
#: The MP the test marks as supporting the campaign (Mark Pritchard, TF1 6TE).
SUPPORTER = 4788


def ask_tag(ask_id: int) -> str:
    """The word every phrasing of ask `ask_id` carries in the test's database, so a
    letter's text shows which asks it holds whatever phrasing or nation it uses."""
    return f"Asktag{ask_id}x"


TAG = re.compile(r"Asktag(\d+)x")

#: Still open: the missing behaviour, named for the lead (strict xfails of the HTTP
#: and the Chromium wanderers).
W9 = ("W9 in the wander findings: a letter whose signed value outgrows an address (about "
      "4,000 characters) is previewed as the answer to its POST, so Back and Forward to it "
      "send the form again (ERR_CACHE_MISS in Chrome); long letters need another carrier "
      "than the address, such as a server-side token")


def _tagged(text: str, tag: str) -> str:
    """Each alternative phrasing (blank-line separated) of `text`, ending with `tag`."""
    if not (text or "").strip():
        return text
    return "\n\n".join(f"{part.rstrip()} {tag}." for part in text.split("\n\n"))


def prepare_world(app) -> None:
    """Tag every phrasing of every ask (ask_tag: its own, each nation's, each second
    letter's) and mark SUPPORTER as a supporter."""
    with app.app_context():
        db = get_db()
        with db.conn:
            for row in db.query("select id, paragraph, paragraph_cy from asks"):
                tag = ask_tag(row["id"])
                db["asks"].update(row["id"], {"paragraph": _tagged(row["paragraph"], tag),
                                              "paragraph_cy": _tagged(row["paragraph_cy"], tag)})
            for row in db.query("select rowid, ask_id, paragraph, paragraph_cy from ask_nations"):
                tag = ask_tag(row["ask_id"])
                db.execute("update ask_nations set paragraph = ?, paragraph_cy = ? where rowid = ?",
                           [_tagged(row["paragraph"], tag), _tagged(row["paragraph_cy"], tag),
                            row["rowid"]])
            # The second letters' own phrasings of asks, by ask id.
            for row in db.query("select id, ask_paragraphs from campaign_targets"):
                own = json.loads(row["ask_paragraphs"] or "{}")
                db["campaign_targets"].update(row["id"], {"ask_paragraphs": json.dumps(
                    {key: _tagged(text, ask_tag(int(key))) for key, text in own.items()})})
        set_stances(db, 1, [(SUPPORTER, Stance.SUPPORTS)], by="wandering test")


@dataclass(frozen=True)
class Rules:
    """The launch campaign's asks and who can act on each, per nation."""

    ask_ids: tuple[int, ...]
    titles: dict[int, str]
    in_mp_letter: dict[tuple[int, Nation], bool]
    devolved: dict[tuple[int, Nation], bool]
    targets: dict[Nation, tuple[tuple[int, str], ...]]  # (id, holder)

    def mp_asks(self, ticked, nation: Nation) -> set[int]:
        return {a for a in ticked if self.in_mp_letter[a, nation]}

    def target_asks(self, ticked, nation: Nation) -> set[int]:
        return {a for a in ticked if self.devolved[a, nation]}


def read_rules(app) -> Rules:
    with app.app_context():
        db = get_db()
        asks = enabled_asks(db, 1)
        nations = list(Nation)
        return Rules(
            ask_ids=tuple(ask.id for ask in asks),
            titles={ask.id: ask.title for ask in asks},
            in_mp_letter={(ask.id, n): rule_for(ask, n).in_mp_letter for ask in asks
                          for n in nations},
            devolved={(ask.id, n): rule_for(ask, n).devolved for ask in asks for n in nations},
            targets={n: tuple((t.id, t.holder) for t in targets_offered(db, 1, n))
                     for n in nations})
