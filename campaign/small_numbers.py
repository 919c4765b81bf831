"""The one rule for counts the public or an MP sees: 1 to 4 is "fewer than 5".

Evidence packs, the public results page and its map, the campaign page's counter and
a closed campaign's thanks all show counts of letters, and a count of one or two
letters from a constituency points at its writers. So a count from 1 to 4 is never
shown: it is "fewer than 5". A total is harder: a total shown exactly, beside cells
shown as "fewer than 5", gives their sum away (one such seat, and it is exact), and
so does the difference between two totals. So a public total is a floor that gives
nothing away: the cells shown exactly, plus one for each cell shown as "fewer than
5" (each is at least one, which the page says already), and is said as "at least"
whenever a cell behind it is hidden. Nothing is rounded or invented: what is
printed is true and no smaller count can be worked out from it.

Signed-in organisers' exports and dashboard keep exact figures (campaign.exports).
This module knows nothing of Flask: it is plain arithmetic.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: The smallest count shown as itself.
SMALL_COUNT = 5


def is_hidden(count: int) -> bool:
    """Whether `count` is shown as "fewer than 5" (1 to 4; none is shown as none)."""
    return 0 < count < SMALL_COUNT


@dataclass(frozen=True)
class PublicTotal:
    """A total as the public sees it: `floor` letters, "at least" when `hidden` cells
    (each from 1 to 4) are counted in it as one each."""

    floor: int
    hidden: int
    cells: int

    @property
    def exact(self) -> bool:
        """Whether `floor` is the total itself (no cell behind it is hidden)."""
        return self.hidden == 0


def public_total(counts: Iterable[int]) -> PublicTotal:
    """The total of `counts` (one per constituency, say) that reveals no hidden count:
    the counts shown exactly, plus one for each count hidden as "fewer than 5"."""
    floor = hidden = cells = 0
    for count in counts:
        if count <= 0:
            continue
        cells += 1
        if is_hidden(count):
            hidden += 1
            floor += 1
        else:
            floor += count
    return PublicTotal(floor=floor, hidden=hidden, cells=cells)
