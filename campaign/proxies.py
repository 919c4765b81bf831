"""Trusting a reverse proxy's X-Forwarded-For and X-Forwarded-Proto, and no one else's.

Behind nginx or a load balancer every request comes from the proxy's address, so
rate limits would count the whole public as one client, and HSTS would never be
sent because the proxy talks plain HTTP to us. TRUSTED_PROXIES says how many
proxies stand in front of the site; werkzeug's ProxyFix then reads that many hops
from the forwarded headers. With the default of 0 the headers are ignored, since
anyone can send them.
"""
from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app: Flask) -> None:
    """Wrap `app` in ProxyFix if TRUSTED_PROXIES is more than 0."""
    hops = app.config["TRUSTED_PROXIES"]
    if hops < 0:
        raise ValueError("TRUSTED_PROXIES cannot be negative")
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
