"""The root of the tests loads nothing of the site: `pytest tests/letters` runs with the
letters/ library alone (tests/letters/test_without_the_site.py holds it so). The site's
fixtures are in tests/campaign/conftest.py.

`make test` runs the suite in several processes with pytest-xdist (`--dist loadfile`).
The scheduler below hands each test module whole to one process, so a module's
fixtures are made once, and all of tests/campaign/production to one process, so its
nginx, gunicorn and redis-server start once for the run rather than once in every
process. (xdist's own `loadgroup` would say the same with marks, but under pytest 9.2
its groups are lost: it renames the tests' `_nodeid`, which pytest no longer reads.)
The longest groups (production, the browser modules, the modules that start gunicorn)
are handed out first, so that no process is left with one while the others are done."""
from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
PRODUCTION = "tests/campaign/production/"
BROWSER = "tests/campaign/browser/"


def group_of(nodeid: str) -> str:
    """The tests that run in one process: a module, or all of production."""
    module = nodeid.split("::", 1)[0]
    return "production" if module.startswith(PRODUCTION) else module


@pytest.hookimpl(optionalhook=True)  # an xdist hook: without xdist it is never asked
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "loadfile":
        return None  # another --dist asked for by name: xdist's own
    from xdist.scheduler import LoadScopeScheduling

    class ModuleScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid)

    return ModuleScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    if not hasattr(config, "workerinput"):
        return  # one process: the order as collected
    first: dict[str, int] = {}  # group -> how early it is handed out (0 first)
    for item in items:
        group, module = group_of(item.nodeid), item.nodeid.split("::", 1)[0]
        rank = (0 if group == "production" else 1 if module.startswith(BROWSER)
                else 2 if item.get_closest_marker("slow") else 3)
        first[group] = min(first.get(group, rank), rank)
    # Every worker sorts alike (xdist checks); stable, so a module keeps its order.
    items.sort(key=lambda item: first[group_of(item.nodeid)])
