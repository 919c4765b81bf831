"""The Welsh site through nginx and gunicorn as deployed: /cy/ pages and the stylesheet
they name, the one /static/ the English pages use (one copy in the browser's cache;
issue 33), which nginx serves from the static copy."""
from __future__ import annotations

import re

import requests

from tests.campaign.helpers import SLUG


def test_the_welsh_page_and_its_stylesheet_through_nginx(production_site, tls_certificate):
    verify = str(tls_certificate.cert)
    page = requests.get(f"{production_site.url}/cy/c/{SLUG}/", verify=verify, timeout=10)
    assert page.status_code == 200
    assert '<html lang="cy">' in page.text and "Dod o hyd i’ch AS" in page.text
    stylesheet = re.search(r'<link rel="stylesheet" href="(/static/[^"]+)"', page.text).group(1)
    assert stylesheet.startswith("/static/")
    css = requests.get(production_site.url + stylesheet, verify=verify, timeout=10)
    assert css.status_code == 200 and "font-family" in css.text
    # nginx's "expires 1h" for /static/: served from the copy, not by gunicorn.
    assert "max-age=3600" in css.headers.get("Cache-Control", "")


def test_the_welsh_embed_and_its_script_through_nginx(production_site, tls_certificate):
    verify = str(tls_certificate.cert)
    english = requests.get(f"{production_site.url}/c/{SLUG}/embed", verify=verify, timeout=10)
    embed = requests.get(f"{production_site.url}/cy/c/{SLUG}/embed", verify=verify, timeout=10)
    assert embed.status_code == 200
    assert '<html lang="cy">' in embed.text and "Eich cod post" in embed.text
    assert f'action="{production_site.url}/cy/c/{SLUG}/write"' in embed.text
    # Framed by the same partners as the English box: the application's policy, not nginx's.
    for header in ("Content-Security-Policy", "X-Frame-Options"):
        assert embed.headers.get(header) == english.headers.get(header), header
    script = re.search(r'<script src="([^"]+)"', embed.text).group(1)
    assert script == "/static/embed.js"
    assert requests.get(production_site.url + script, verify=verify, timeout=10).status_code == 200
