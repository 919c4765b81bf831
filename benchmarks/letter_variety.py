"""How alike letters are when many people tick the same asks and add nothing.

    .venv/bin/python benchmarks/letter_variety.py [--letters N] [--asks K] [--sample S]

Composes N letters from the launch campaign (its shipped phrasings), all with the
same K asks, the same MP and writer and no note, each with its own random seed as
the site gives it. Prints how many bodies are exact copies of another, the mean
and highest pairwise similarity of the bodies (difflib's ratio) over a sample of S
letters, and how long composing takes. Goal: 0 identical bodies.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

# This script sits beside one named letters.py: put the project first on the path.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

from letters import MP, Ask, Sender, Wording, compose_letter  # noqa: E402
from letters.phrasings import new_seed  # noqa: E402

LAUNCH = _HERE.parent / "campaign" / "data" / "launch-campaign.json"
MP_ABBOTT = MP(member_id=172, display_as="Ms Diane Abbott", full_title="Rt Hon Diane Abbott MP",
               address_as="Ms Abbott", party="Independent",
               constituency="Hackney North and Stoke Newington", gender="F")
SENDER = Sender(full_name="Sam Writer", address_lines=("1 High Street", "London"),
                postcode="E8 1DY")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--asks", type=int, default=3, help="asks every letter ticks")
    parser.add_argument("--sample", type=int, default=60, help="letters compared pairwise")
    args = parser.parse_args()
    data = json.loads(LAUNCH.read_text("utf-8"))
    wording = Wording(opening=data["opening"], closing=data["closing"], subject=data["subject"])
    asks = [Ask(id=i, title=a["title"], paragraph=a["paragraph"])
            for i, a in enumerate(data["asks"][:args.asks], start=1)]
    bodies, times = [], []
    for _ in range(args.letters):
        start = time.perf_counter()
        letter = compose_letter(wording=wording, asks=asks, mp=MP_ABBOTT, sender=SENDER,
                                today=date(2026, 11, 23), seed=new_seed())
        times.append((time.perf_counter() - start) * 1000)
        bodies.append("\n\n".join(letter.paragraphs))
    identical = len(bodies) - len(set(bodies))
    sample = random.Random(0).sample(bodies, min(args.sample, len(bodies)))
    ratios = [SequenceMatcher(None, a, b, autojunk=False).ratio()
              for a, b in itertools.combinations(sample, 2)]
    print(f"letter variety: {args.letters} letters, the same {args.asks} asks, no note")
    print(f"identical bodies (copies of another): {identical}   goal: 0")
    print(f"distinct bodies: {len(set(bodies))}")
    print(f"pairwise similarity over {len(ratios)} pairs: mean {statistics.mean(ratios):.3f}, "
          f"max {max(ratios):.3f} (1.0 = the same text)")
    print(f"compose ms: median {statistics.median(times):.3f}, "
          f"p95 {statistics.quantiles(times, n=20)[-1]:.3f}")


if __name__ == "__main__":
    main()
