"""Issue 29, tests that wander: a state machine walks the citizen's journey over HTTP
as a person without JavaScript might (tests/wandering.py says how and what it checks).

A few hundred steps here; benchmarks/wander.py walks further.
"""
from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from tests.wandering import journey_machine

WANDER = settings(max_examples=12, stateful_step_count=30, deadline=None,
                  suppress_health_check=list(HealthCheck))


def test_wandering_never_gives_a_wrong_letter(fake_postcodes, fake_members, database_template,
                                              tmp_path):
    machine = journey_machine((fake_postcodes, fake_members), database_template, tmp_path)
    run_state_machine_as_test(machine, settings=WANDER)
