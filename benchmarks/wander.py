"""Walk the citizen's journey at random for many steps and count the faults found.

    .venv/bin/python benchmarks/wander.py [--steps N] [--walk K] [--seed S]

The state machine of tests/campaign/public/test_wandering.py (tests/campaign/wandering.py: a browser without
JavaScript over the test client, against the fake postcodes.io and Members API on
127.0.0.1) walks about N steps in walks of K steps, each from a fresh database, and
keeps going after a fault. Prints the steps run, the walks, the letters checked and,
for each kind of fault, how often it was seen and the shortest walk that showed it.
Exit status 1 when any fault was found.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

# This script sits in benchmarks/: put the project first on the path.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

from hypothesis import HealthCheck, Phase, seed, settings  # noqa: E402
from hypothesis.stateful import run_state_machine_as_test  # noqa: E402

from campaign.demo.members_api import FakeMembersAPI  # noqa: E402
from campaign.demo.postcodes_io import FakePostcodesIO  # noqa: E402
from tests.campaign.helpers import base_config, close_database, make_app  # noqa: E402
from tests.campaign.wandering import journey_machine  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2000, help="steps to walk in all (2000)")
    parser.add_argument("--walk", type=int, default=40, help="steps in one walk (40)")
    parser.add_argument("--seed", type=int, default=None, help="Hypothesis seed, to repeat a run")
    parser.add_argument("--verbose", type=int, default=0, help="print the first V faults whole")
    args = parser.parse_args()
    logging.disable(logging.INFO)  # the site's request log: one line a request
    postcodes, members = FakePostcodesIO().start(), FakeMembersAPI().start()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as directory:
            here = Path(directory)
            template = close_database(make_app(base_config(
                here / "template.sqlite3", postcodes.url, members.url)))
            machine = journey_machine((postcodes, members), template, here, strict=False)
            counted = {"steps": 0, "walks": 0}
            original = machine.step

            def step(self, words):
                counted["steps"] += 1
                original(self, words)

            machine.step = step
            machine.__init__ = _counting_walks(machine.__init__, counted)
            walks = max(1, args.steps // args.walk)
            run = settings(max_examples=walks, stateful_step_count=args.walk, deadline=None,
                           phases=[Phase.generate], database=None,
                           suppress_health_check=list(HealthCheck))
            test = run_state_machine_as_test
            if args.seed is not None:
                test = seed(args.seed)(lambda m, settings: run_state_machine_as_test(
                    m, settings=settings))
            test(machine, settings=run)
    finally:
        postcodes.stop()
        members.stop()
    elapsed = time.perf_counter() - started
    faults = machine.found
    by_kind: dict[str, list] = {}
    for fault in faults:
        by_kind.setdefault(fault.kind, []).append(fault)
    print(f"steps run: {counted['steps']} in {counted['walks']} walks, {elapsed:.1f} s")
    print(f"letters checked: {machine.letters_checked[0]}")
    print(f"faults found: {len(faults)} ({len(by_kind)} kinds)")
    if args.verbose:
        for fault in faults[:args.verbose]:
            print(fault)
    for kind, seen in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        shortest = min(seen, key=lambda f: len(f.steps))
        print(f"\n{kind}: {len(seen)} times. Shortest walk ({len(shortest.steps)} steps):")
        print(f"  {shortest.detail}")
        for number, words in enumerate(shortest.steps, start=1):
            print(f"    {number}. {words}")
    return 1 if faults else 0


def _counting_walks(init, counted):
    def counting(self):
        counted["walks"] += 1
        init(self)
    return counting


if __name__ == "__main__":
    sys.exit(main())
