"""The root of the tests loads nothing of the site: `pytest tests/letters` runs with the
letters/ library alone (tests/letters/test_without_the_site.py holds it so). The site's
fixtures are in tests/campaign/conftest.py.

`make test` runs the suite in several processes with pytest-xdist's `--dist loadgroup`:
each test module is one group, so a module's fixtures are made once, in one process;
tests/campaign/production is one group, so its nginx, gunicorn and redis-server start
once for the run rather than once in every process."""
from __future__ import annotations

from pathlib import Path

import pytest

PRODUCTION = Path(__file__).resolve().parent / "campaign" / "production"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        path = Path(item.fspath)
        group = "production" if PRODUCTION in path.parents else item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group(group))
