"""The stylesheets a page names: base.css on every page, then citizen.css on citizens' pages
or staff.css on staff pages, so the staff workspace's styles never reach a citizen."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import SLUG

STATIC = Path(__file__).resolve().parents[3] / "static"
SHEETS = ("base.css", "citizen.css", "staff.css")


def _stylesheets(html: str) -> list[str]:
    """The site's own stylesheets a page names (the letter typeface's is in test_web_fonts)."""
    return re.findall(r'<link rel="stylesheet" href="(/static/[^"]+)"', html)


@pytest.mark.parametrize("path", ["/", f"/c/{SLUG}/", f"/c/{SLUG}/embed", "/cy/privacy",
                                  "/no-such-page"])
def test_citizens_pages_name_the_base_and_citizen_stylesheets(client, path):
    html = client.get(path).get_data(as_text=True)
    assert _stylesheets(html) == ["/static/base.css", "/static/citizen.css"]


def test_staff_pages_name_the_base_and_staff_stylesheets(client):
    html = client.get("/staff/login").get_data(as_text=True)
    assert _stylesheets(html) == ["/static/base.css", "/static/staff.css"]


@pytest.mark.parametrize("name", SHEETS)
def test_each_stylesheet_is_served_as_css(client, name):
    response = client.get(f"/static/{name}")
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert response.get_data(as_text=True) == (STATIC / name).read_text()


def test_nginx_error_pages_name_stylesheets_that_exist():
    for page in (STATIC / "errors").glob("*.html"):
        names = _stylesheets(page.read_text())
        assert names == ["/static/base.css", "/static/citizen.css"], page.name
        assert all((STATIC / name.removeprefix("/static/")).is_file() for name in names)


def _top_level_class_selectors(css: str) -> list[str]:
    """Each class selector of the rules outside @media, as written (`.table-scroll`)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}", "", css)
    return [selector.strip() for rule in re.findall(r"([^{}]+)\{[^{}]*\}", css)
            for selector in rule.split(",") if selector.strip().startswith(".")]


def test_a_class_is_styled_in_one_place():
    """One rule per class selector across the three files (`.table-scroll` was twice):
    what it looks like is read in one place, and no file undoes another's."""
    selectors = [s for name in SHEETS for s in _top_level_class_selectors(
        (STATIC / name).read_text())]
    assert selectors and len(selectors) == len(set(selectors)), sorted(
        s for s in set(selectors) if selectors.count(s) > 1)
