"""A real headless Chromium against the site served on loopback, for tests/browser.

One browser and one live server per session keep the suite fast; each test gets its own
browser context (fresh cookies, its own viewport). The site talks to the same fake
upstreams as the rest of the suite. Tests here are marked `browser`: deselect them with
`-m "not browser"`. Without Playwright or Chromium they skip, saying what to install.
"""
from __future__ import annotations

import os
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from campaign import create_app
from campaign.db import get_db, migrate
from campaign.seed import load_launch_campaign

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts"))
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Without the background-networking flags Chromium keeps calling Google's services, and
# on a machine with no route there they fail by the dozen and slow the first pages.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    mobile: bool

    def __str__(self) -> str:
        return self.name


PHONE = Viewport("phone", 390, 844, True)
DESKTOP = Viewport("desktop", 1280, 900, False)
VIEWPORTS = [PHONE, DESKTOP]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def find_chromium() -> str | None:
    """Debian's Chromium, or the one named by $CHROMIUM (Playwright's own download is not
    used: it needs a host this project can't count on reaching)."""
    if os.environ.get("CHROMIUM"):
        candidates = [os.environ["CHROMIUM"]]
    else:
        candidates = ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed: pip install -e '.[test]'")
    executable = find_chromium()
    if executable is None:
        pytest.skip("Chromium not found: `make test-deps` installs it (as root, with apt-get); "
                    "or set CHROMIUM to its path")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, fake_postcodes, fake_members):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "browser-test-secret",
        "DATABASE_PATH": str(tmp_path_factory.mktemp("browser") / "campaign.sqlite3"),
        "POSTCODES_API_URL": fake_postcodes.url,
        "MEMBERS_API_URL": fake_members.url,
        "UPSTREAM_CONNECT_TIMEOUT": 0.5,
        "UPSTREAM_READ_TIMEOUT": 1.0,
        # Every browser test comes from 127.0.0.1: as one "citizen" they would soon
        # be rate-limited (tests/test_rate_limits.py covers the limits).
        "RATELIMIT_ENABLED": False,
        # The upstream-down tests must see each failure, not a breaker's short cut.
        "UPSTREAM_BREAKER_FAILURES": 1000,
        # Pages as a configured site shows them (test_demo_and_organisation checks the rest).
        "ORGANISATION_NAME": "Example Campaign Group",
        "ORGANISATION_URL": "https://example.org/",
        "ORGANISATION_EMAIL": "privacy@example.org",
    })
    with app.app_context():
        migrate(get_db())
        load_launch_campaign(get_db())
    return app


@pytest.fixture(scope="session")
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


def new_page(browser, live_server, viewport: Viewport, **options):
    context = browser.new_context(**options,
        base_url=live_server, accept_downloads=True, locale="en-GB",
        viewport={"width": viewport.width, "height": viewport.height},
        is_mobile=viewport.mobile, has_touch=viewport.mobile,
        device_scale_factor=1,
    )
    context.set_default_timeout(5_000)
    page = context.new_page()
    # A script error is a bug even when the page still works without JS.
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return context, page


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
