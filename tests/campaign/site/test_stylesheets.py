"""The stylesheets a page names: base.css on every page, then citizen.css on citizens' pages
or staff.css on staff pages, so the staff workspace's styles never reach a citizen."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.campaign.helpers import SLUG

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


TEMPLATES = STATIC.parent / "templates"
# Templates of citizens' pages (base.html and what it includes), and nginx's error pages.
CITIZEN_TEMPLATES = [*(TEMPLATES / "public").glob("*.html"), *(STATIC / "errors").glob("*.html"),
                     *(TEMPLATES / name for name in ("base.html", "_macros.html", "_letter.html",
                                                     "_organisation_footer.html", "error.html"))]


def _classes_in(html: str) -> set[str]:
    """The classes a template's class="" attributes may give, those its Jinja adds too."""
    found: set[str] = set()
    for value in re.findall(r'class="([^"]*)"', html):
        literals = re.findall(r"'([^']*)'", " ".join(re.findall(r"\{\{.*?\}\}", value)))
        found.update(re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", value).split(), *map(str.split, literals))
    return found


def _styled_classes(name: str) -> set[str]:
    css = re.sub(r"/\*.*?\*/", "", (STATIC / name).read_text(), flags=re.S)
    return set(re.findall(r"\.([a-z][\w-]*)", re.sub(r"\{[^{}]*\}", "{}", css)))


def test_citizens_pages_use_no_class_only_staff_css_styles():
    """What a citizen's page uses must be in base.css or citizen.css, or it is unstyled."""
    used = set().union(*(_classes_in(page.read_text()) for page in CITIZEN_TEMPLATES))
    staff_only = _styled_classes("staff.css") - _styled_classes("base.css") \
        - _styled_classes("citizen.css")
    assert staff_only and not used & staff_only, sorted(used & staff_only)


def test_staff_pages_use_no_class_only_citizen_css_styles():
    """staff_base.html loads base.css and staff.css: citizen.css's classes are not there."""
    staff_pages = [page for page in TEMPLATES.rglob("*.html") if page not in CITIZEN_TEMPLATES]
    used = set().union(*(_classes_in(page.read_text()) for page in staff_pages))
    citizen_only = _styled_classes("citizen.css") - _styled_classes("base.css") \
        - _styled_classes("staff.css")
    assert citizen_only and not used & citizen_only, sorted(used & citizen_only)
