"""Page weight: each citizen page with everything it loads, as a phone would fetch it.

Starts the fake upstreams in this process and the site under gunicorn on loopback (the
repository's gunicorn.conf.py; campaign.demo.live_site), then opens each citizen page in
Debian's Chromium (Playwright) on a 390 px phone with the browser cache off, and adds up
the bytes of every response the page loads (headers and body, as sent: gunicorn does not
compress; nginx gzips text in production, so these are the uncompressed figures). A file
download is not page weight and is left out. Prints a table against the goal of 150 kB.

    .venv/bin/python benchmarks/page_weight.py
    .venv/bin/python benchmarks/page_weight.py --lighthouse   # and Lighthouse's scores

`--lighthouse` runs `npx lighthouse` (npm package `lighthouse` 12, fetched by npx if not
installed) against the campaign, write, preview and results pages with Chromium's mobile
settings; it says why when it cannot run. The preview is a POST's answer, so Lighthouse
(which opens addresses) is given the letter form, and the preview's own figures come
from this script. Everything stays on 127.0.0.1.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign.demo.http_journey import SLUG, WRITER
from campaign.demo.live_site import gunicorn, prepare_database
from campaign.demo.members_api import FakeMembersAPI
from campaign.demo.postcodes_io import FakePostcodesIO

GOAL = 150_000
POSTCODE = "E8 1DY"
WRITE = f"/c/{SLUG}/write?postcode=E8+1DY&seed=12345"
# Pages opened by address: (name, path).
BY_ADDRESS = [
    ("home", "/"),
    ("campaign", f"/c/{SLUG}/"),
    ("write (letter form)", WRITE),
    ("results", f"/c/{SLUG}/results"),
    ("help", f"/c/{SLUG}/help"),
    ("tell us what happened", "/r/"),
    ("embed", f"/c/{SLUG}/embed"),
    ("privacy", "/privacy"),
    ("accessibility", "/accessibility"),
    ("about", "/about"),
]
LIGHTHOUSE_PAGES = [("campaign", f"/c/{SLUG}/"), ("write", WRITE),
                    ("results", f"/c/{SLUG}/results")]
CATEGORIES = ("performance", "accessibility", "best-practices")


def find_chromium() -> str | None:
    """Debian's Chromium, or $CHROMIUM."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class Meter:
    """The bytes a page's responses took, counted from Playwright's finished requests."""

    def __init__(self, page):
        self.files: list[tuple[str, str, int]] = []
        page.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        try:
            response = request.response()
        except Exception:  # noqa: BLE001 - Playwright's TargetClosedError: page closed
            return
        if response is None:
            return
        if "attachment" in (response.headers.get("content-disposition") or ""):
            return  # the letter's PDF: a download, not the page
        sizes = request.sizes()
        size = max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0)
        self.files.append((request.resource_type, request.url, size))

    def reset(self) -> None:
        self.files = []

    @property
    def total(self) -> int:
        return sum(size for *_, size in self.files)


def _new_page(browser, base_url: str):
    context = browser.new_context(base_url=base_url, locale="en-GB", is_mobile=True,
                                  has_touch=True, viewport={"width": 390, "height": 844},
                                  accept_downloads=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})  # every page cold
    return context, page, Meter(page)


# Two writers: one whose name and street need the typeface's `extended` subset
# (Ł, ŵ), and one whose letter is all in `latin`, as most are.
WRITERS = {"preview (Łukasz, Glyndŵr)": WRITER,
           "preview (ASCII)": {"full_name": "Jane Smith", "address_line1": "12 High Street",
                               "town": "London"}}


def _fill_letter(page, writer: dict) -> None:
    page.get_by_label("Your full name").fill(writer["full_name"])
    page.get_by_label("Address line 1").fill(writer["address_line1"])
    page.get_by_label("Town or city").fill(writer["town"])
    page.locator("input[name=asks]").first.check()


def measure(browser, base_url: str) -> list[tuple[str, Meter]]:
    """(page name, its meter) for every citizen page."""
    results = []
    for name, path in BY_ADDRESS:
        context, page, meter = _new_page(browser, base_url)
        page.goto(path, wait_until="networkidle")
        results.append((name, meter))
        context.close()
    # The preview and the page after the download answer forms: reached as a writer would.
    for name, writer in WRITERS.items():
        context, page, meter = _new_page(browser, base_url)
        page.goto(WRITE, wait_until="networkidle")
        _fill_letter(page, writer)
        meter.reset()
        page.get_by_role("button", name="Preview my letter").click()
        page.wait_for_load_state("networkidle")
        results.append((name, meter))
        context.close()
    context, page, _ = _new_page(browser, base_url)
    page.goto(WRITE, wait_until="networkidle")
    _fill_letter(page, WRITER)
    page.get_by_role("button", name="Preview my letter").click()
    page.wait_for_load_state("networkidle")
    done = Meter(page)
    with page.expect_download():
        page.get_by_role("button", name="Download PDF to print").first.click()
    # With scripts, the page then moves on to what to do next (site.js, data-then).
    page.get_by_role("heading", level=1, name="Print, sign and post your letter").wait_for()
    page.wait_for_load_state("networkidle")
    results.append(("after the download", done))
    context.close()
    return results


def lighthouse(base_url: str, chromium: str) -> dict[str, dict[str, int] | str]:
    """Lighthouse's mobile scores per page, or the reason it could not run."""
    npx = shutil.which("npx")
    if npx is None:
        return {"all": "npx is not installed (Node.js's npm)"}
    scores: dict[str, dict[str, int] | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in LIGHTHOUSE_PAGES:
            report = Path(tmp) / f"{name}.json"
            command = [npx, "--yes", "lighthouse@12", base_url + path, "--quiet",
                       "--output=json", f"--output-path={report}",
                       "--only-categories=" + ",".join(CATEGORIES),
                       "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
            try:
                run = subprocess.run(command, check=False, capture_output=True, text=True,
                                     timeout=300,
                                     env={**os.environ, "CHROME_PATH": chromium})
            except subprocess.TimeoutExpired:
                scores[name] = "Lighthouse took more than 5 minutes"
                continue
            if run.returncode != 0 or not report.is_file():
                last = (run.stderr or run.stdout).strip().splitlines()[-3:]
                scores[name] = "Lighthouse failed: " + " / ".join(last)
                continue
            categories = json.loads(report.read_text())["categories"]
            scores[name] = {key: round((categories[key]["score"] or 0) * 100)
                            for key in CATEGORIES}
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lighthouse", action="store_true",
                        help="also run Lighthouse (mobile) on the main pages")
    parser.add_argument("--files", action="store_true", help="list every file loaded")
    args = parser.parse_args(argv)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("Skipped: Playwright is not installed (pip install -e '.[test]')")
        return 0
    chromium = find_chromium()
    if chromium is None:
        print("Skipped: Chromium not found (`make test-deps`, or set CHROMIUM)")
        return 0
    postcodes = FakePostcodesIO().start()
    members = FakeMembersAPI().start()
    over = 0
    try:
        with tempfile.TemporaryDirectory() as tmp:
            database = str(Path(tmp) / "weight.sqlite3")
            prepare_database(database)
            with gunicorn(database_path=database, postcodes_url=postcodes.url,
                          members_url=members.url) as server, sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium,
                    args=["--headless", "--no-sandbox", "--disable-gpu",
                          "--disable-background-networking", "--disable-component-update"])
                # One visit first, so the fonts are made (first use) before anything is timed.
                warm_context, warm_page, _ = _new_page(browser, server.url)
                warm_page.goto(WRITE)
                warm_context.close()
                results = measure(browser, server.url)
                browser.close()
                print(f"{'page':<28}{'files':>6}{'bytes':>10}   (goal: at most {GOAL:,})")
                for name, meter in results:
                    flag = "" if meter.total <= GOAL else "  OVER"
                    over += meter.total > GOAL
                    print(f"{name:<28}{len(meter.files):>6}{meter.total:>10,}{flag}")
                    if args.files:
                        for kind, url, size in meter.files:
                            print(f"    {kind:<11}{size:>9,}  {url.removeprefix(server.url)}")
                if args.lighthouse:
                    print("\nLighthouse (mobile): " + ", ".join(CATEGORIES))
                    for name, score in lighthouse(server.url, chromium).items():
                        shown = score if isinstance(score, str) else "  ".join(
                            f"{key} {value}" for key, value in score.items())
                        print(f"{name:<12}{shown}")
    finally:
        postcodes.stop()
        members.stop()
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
