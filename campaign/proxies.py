"""Trusting a reverse proxy's X-Forwarded-For and X-Forwarded-Proto, and no one else's;
answering only the site's own host names.

Behind nginx or a load balancer every request comes from the proxy's address, so
rate limits would count the whole public as one client, and HSTS would never be
sent because the proxy talks plain HTTP to us. TRUSTED_PROXIES says how many
proxies stand in front of the site; werkzeug's ProxyFix then reads that many hops
from the forwarded headers. With the default of 0 the headers are ignored, since
anyone can send them; but a request from loopback that carries X-Forwarded-For
means a proxy on this machine the setting does not know about, and every citizen
then shares one rate-limit key, so the log says so (once, and without the address).

ALLOWED_HOSTS becomes Flask's TRUSTED_HOSTS: a request whose Host header names
another site gets 400, so links the site builds never point at a host an attacker
chose (production requires the setting; see campaign.config).
"""
from __future__ import annotations

import ipaddress
import threading

from flask import Flask, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

UNTRUSTED_PROXY_WARNING = (
    "A request from this machine carried X-Forwarded-For while TRUSTED_PROXIES is 0: a "
    "proxy in front of the site is not trusted, so every client shares one address and "
    "one rate limit. Set TRUSTED_PROXIES to the number of proxies (1 behind nginx as in "
    "deploy/)."
)


def init_app(app: Flask) -> None:
    """Trust TRUSTED_PROXIES proxies' headers, answer only ALLOWED_HOSTS, and warn once
    when a local proxy's headers arrive that the settings do not trust."""
    hops = app.config["TRUSTED_PROXIES"]
    if hops < 0:
        raise ValueError("TRUSTED_PROXIES cannot be negative")
    if hops:
        # Flask's documented way to wrap the WSGI app, which mypy reads as replacing a method.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    else:
        app.before_request(_UntrustedProxyWarning())
    hosts = list(app.config.get("ALLOWED_HOSTS") or ())
    app.config["TRUSTED_HOSTS"] = hosts or None


class _UntrustedProxyWarning:
    """A before_request hook that logs UNTRUSTED_PROXY_WARNING the first time only."""

    def __init__(self):
        self._warned = threading.Event()

    def __call__(self) -> None:
        if self._warned.is_set() or "X-Forwarded-For" not in request.headers:
            return
        try:
            loopback = ipaddress.ip_address(request.remote_addr or "").is_loopback
        except ValueError:
            return
        if loopback:
            self._warned.set()
            current_app.logger.warning(UNTRUSTED_PROXY_WARNING)
