"""A real headless Chromium against the site served on loopback, for tests/campaign/browser.

One browser per process (tests/campaign/chromium.py) keeps the suite fast; each test
module gets its own site and database (a copy of the session's migrated template), so
what one module's tests write, staff's edits included, never meets another module's;
each test gets its own browser context (fresh cookies, its own viewport). The site
talks to the same fake upstreams as the rest of the suite. Tests here are marked `browser`: deselect them with
`-m "not browser"`. Without Playwright or Chromium they skip, saying what to install.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.campaign.chromium import SCREENSHOTS, VIEWPORTS, Viewport, new_page
from tests.campaign.helpers import make_app

ROOT = Path(__file__).resolve().parents[3]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def live_app(tmp_path_factory, fake_postcodes, fake_members, database_template):
    """The module's site, on its own copy of the migrated database."""
    # The fakes answering normally, whatever the module before this one in the process
    # (pytest-xdist) left them doing.
    fake_postcodes.reset()
    fake_members.reset()
    return make_app({
        "TESTING": True,
        "SECRET_KEY": "browser-test-secret",
        "DATABASE_PATH": str(tmp_path_factory.mktemp("browser") / "campaign.sqlite3"),
        "POSTCODES_API_URL": fake_postcodes.url,
        "MEMBERS_API_URL": fake_members.url,
        "UPSTREAM_CONNECT_TIMEOUT": 0.5,
        "UPSTREAM_READ_TIMEOUT": 1.0,
        # Every browser test comes from 127.0.0.1: as one "citizen" they would soon
        # be rate-limited (tests/campaign/site/test_rate_limits.py covers the limits).
        "RATELIMIT_ENABLED": False,
        # The upstream-down tests must see each failure, not a breaker's short cut.
        "UPSTREAM_BREAKER_FAILURES": 1000,
        # No background register refresh behind a test's back (as in tests/campaign/conftest.py).
        "MP_REGISTER_AUTO_REFRESH": False,
        # Pages as a configured site shows them (test_demo_and_organisation checks the rest).
        "ORGANISATION_NAME": "Example Campaign Group",
        "ORGANISATION_URL": "https://example.org/",
        "ORGANISATION_EMAIL": "privacy@example.org",
    }, database=database_template)


@pytest.fixture
def welsh_launch_campaign(live_app):
    """The launch campaign with its Welsh as shipped, so it is offered in Welsh, whatever
    the module's staff tests before this one did to its wording (and its Welsh)."""
    from campaign.campaigns.launch import launch_campaign_data
    from campaign.campaigns.translations import columns
    from campaign.db import get_db

    data = launch_campaign_data()
    with live_app.app_context():
        db = get_db()
        with db.conn:
            db["campaigns"].update(1, {column: data.get(column) or ""
                                       for column in columns("campaigns", "cy")})
            for position, ask in enumerate(data["asks"], start=1):
                ask_id = db.execute("select id from asks where campaign_id = 1 and position = ?",
                                    [position]).fetchone()[0]
                db["asks"].update(ask_id, {column: ask.get(column) or ""
                                           for column in columns("asks", "cy")})
                for nation, rule in ask.get("nations", {}).items():
                    rule_columns = columns("ask_nations", "cy")
                    db.execute(f"update ask_nations set {', '.join(c + ' = ?' for c in rule_columns)}"
                               " where ask_id = ? and nation = ?",
                               [*(rule.get(c) or "" for c in rule_columns), ask_id, nation])
    yield


@pytest.fixture(scope="module")
def live_server(live_app):
    """The site on 127.0.0.1:<free port>, threaded because a page loads CSS and JS at once."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def upstreams(fake_postcodes, fake_members):
    """The fakes, working at the start of the test and again after it."""
    fake_postcodes.reset()
    fake_members.reset()
    yield fake_postcodes, fake_members
    fake_postcodes.reset()
    fake_members.reset()


@pytest.fixture(params=VIEWPORTS, ids=str)
def viewport(request) -> Viewport:
    return request.param


@pytest.fixture
def page(browser, live_server, viewport, upstreams):
    context, page = new_page(browser, live_server, viewport)
    yield page
    context.close()
    assert page.errors == [], f"JavaScript errors: {page.errors}"


@pytest.fixture
def shoot(request, page, viewport):
    """shoot("step") saves a screenshot, named after the test, for a person to look at:
    the whole page, or with whole=False what is on screen (where focus has scrolled to)."""
    test_name = re.sub(r"\[.*\]$", "", request.node.name).removeprefix("test_")
    counter = iter(range(1, 100))

    def shoot(step: str, whole: bool = True) -> Path:
        path = SCREENSHOTS / f"{test_name}-{viewport}-{next(counter):02d}-{step}.png"
        page.screenshot(path=path, full_page=whole)
        return path

    return shoot


@pytest.fixture(scope="session")
def axe_js() -> Path:
    if not AXE_JS.exists():
        pytest.skip("axe-core is not installed: `make test-deps` runs npm ci")
    return AXE_JS
