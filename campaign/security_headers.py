"""Security headers on every response.

The site's scripts are files of their own (static/site.js: focus on a form's errors,
the "Copy the letter" button, character counts; every page works without it; and
static/embed.js, the embedded box's height), and so are its styles (static/*.css, and
the letter typeface's rules at /letter-font/): no inline scripts or styles, so the
Content-Security-Policy allows scripts and styles from the site's own files only: an
injected <script> or style="" does nothing even if a bug lets one through. Pages are
never framed (clickjacking the download button), except the embedded postcode box,
/c/<slug>/embed, by the origins staff listed (allow_framing).

The referrer policy is `same-origin`: our own pages get the Referer that Flask-WTF's
CSRF check demands of every HTTPS POST (with `no-referrer` every form over HTTPS
failed as "expired"), and no other site is ever told which page sent a visitor (a
campaign URL may carry ?postcode=, a preview's ?letter=), not even our origin.

Responses to forms, staff pages and anything asked for with ?postcode= or ?letter= are never
stored: they show a writer's name and address, a postcode, or staff work, and a
shared computer's back button or a proxy's cache should not bring them back.

A hand-written module rather than flask-talisman: it is a dozen headers, and
talisman's HTTPS redirect and cookie handling overlap what the proxy and Flask do.
"""
from __future__ import annotations

from weakref import WeakKeyDictionary

from flask import Flask, Response, request

_POLICY = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    # mailto: because the "email it" form redirects to the citizen's mail app, and
    # browsers hold a form's redirects to form-action too.
    "form-action 'self' mailto:",
]
CONTENT_SECURITY_POLICY = "; ".join([*_POLICY, "frame-ancestors 'none'"])

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}

# Two years, subdomains too: the value the HSTS preload list asks for.
STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"


# The origins allow_framing let frame a response, kept as long as the response is.
_framing: WeakKeyDictionary[Response, list[str]] = WeakKeyDictionary()


def allow_framing(response: Response, origins: list[str]) -> Response:
    """Let exactly `origins` frame `response` (the embed); none listed, none may."""
    _framing[response] = list(origins)
    return response


def add_security_headers(response: Response) -> Response:
    """Set the headers on `response`, keeping any a view set on purpose."""
    framing = _framing.get(response)
    if framing is not None:
        # The origins were checked when staff saved them (campaigns/embedding.py): HTTPS
        # origins only, so they cannot add a directive to the policy.
        ancestors = " ".join(framing) or "'none'"
        response.headers["Content-Security-Policy"] = "; ".join(
            [*_POLICY, f"frame-ancestors {ancestors}"])
        if framing:
            response.headers.pop("X-Frame-Options", None)
    # The names already set, read once: each Headers.setdefault scans every header
    # again (on every response, redirects too). Names are case-insensitive.
    present = {name.lower() for name in response.headers.keys()}
    for name, value in HEADERS.items():
        if name == "X-Frame-Options" and framing:
            continue  # it knows only DENY and SAMEORIGIN; frame-ancestors says the rest
        if name.lower() not in present:
            response.headers.add(name, value)
    # Only over HTTPS: browsers ignore it on plain HTTP, and a development server
    # on http://127.0.0.1 must not be pinned to HTTPS. Behind a proxy this needs
    # TRUSTED_PROXIES so that X-Forwarded-Proto is believed.
    if request.is_secure and "strict-transport-security" not in present:
        response.headers.add("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
    if "cache-control" not in present and _private(request):
        response.headers["Cache-Control"] = "no-store"
    return response


def _private(request) -> bool:
    return (request.method != "GET" or "postcode" in request.args or "letter" in request.args
            or request.path == "/staff" or request.path.startswith("/staff/"))


def init_app(app: Flask) -> None:
    """Add the security headers to every response of `app`, errors included."""
    app.after_request(add_security_headers)
