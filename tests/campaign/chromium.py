"""One headless Chromium for the whole session, shared by tests/campaign/browser and
tests/campaign/production (tests/campaign/conftest.py registers the fixture once: two Playwright
instances cannot run in one process). Without Playwright or Chromium the tests
that ask for it skip, saying what to install. Also the viewports the browser tests
use and `new_page`, a fresh context and page on one of them."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts"))
SCREENSHOTS = ARTIFACTS / "screenshots"

# Without the background-networking flags Chromium keeps calling Google's services, and
# on a machine with no route there they fail by the dozen and slow the first pages.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


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
    from playwright.sync_api import expect
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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

# How long a page action or an `expect` waits before failing. A failure's time only: a
# passing test goes on the moment the page is ready. Generous, because `make test`
# runs several test processes on a machine that may have two cores.
TIMEOUT_MS = 15_000


def new_page(browser, live_server, viewport: Viewport, **options):
    context = browser.new_context(**options,
        base_url=live_server, accept_downloads=True, locale="en-GB",
        viewport={"width": viewport.width, "height": viewport.height},
        is_mobile=viewport.mobile, has_touch=viewport.mobile,
        device_scale_factor=1,
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    # A script error is a bug even when the page still works without JS.
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return context, page
