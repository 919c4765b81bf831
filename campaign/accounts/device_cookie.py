"""OWASP's device cookie: a browser that has signed in to an account before is let
through where strangers guessing that account's password are stopped.

After a good sign-in the browser gets a signed cookie naming the account (by a keyed
hash of its e-mail, never the e-mail) and a random device id. A sign-in to that account
from a browser holding it is exempt from the per-address and per-account limits
(campaign/limits.py), which strangers with many addresses can exhaust, and is held
instead to DEVICE_LOGIN_LIMIT failures per device id, so a stolen cookie buys no more
than ten guesses an hour. Any other browser (the owner's new phone too) is limited per
account as before.
See https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies
"""
from __future__ import annotations

import secrets

from flask import current_app, g, request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.wrappers import Response

from campaign.limits import account_pseudonym

COOKIE = "staff_device"
SALT = "staff-device-cookie"
LIFETIME_SECONDS = 180 * 24 * 3600  # a browser unused for half a year is new again
PATH = "/staff/login"  # sent only where it is read


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def remember(response: Response, email: str) -> None:
    """Give this browser a device cookie for the account `email` just signed in to."""
    value = _serializer().dumps({"a": account_pseudonym(email), "d": secrets.token_hex(12)})
    response.set_cookie(COOKIE, value, max_age=LIFETIME_SECONDS, path=PATH, httponly=True,
                        secure=current_app.config["SESSION_COOKIE_SECURE"], samesite="Lax")


def _device() -> str | None:
    """The device id of this request's cookie if it is good for the account the form
    names, else None (read once per request: every sign-in limit asks)."""
    if "staff_device" not in g:
        g.staff_device = None
        value = request.cookies.get(COOKIE)
        if value:
            try:
                payload = _serializer().loads(value, max_age=LIFETIME_SECONDS)
            except BadSignature:
                payload = None
            if isinstance(payload, dict) and payload.get("a") == account_pseudonym(
                    request.form.get("email", "")) and isinstance(payload.get("d"), str):
                g.staff_device = payload["d"]
    return g.staff_device


def trusted() -> bool:
    """True when this sign-in comes from a browser that signed in to its account before."""
    return _device() is not None


def untrusted() -> bool:
    return not trusted()


def device_key() -> str:
    """The rate-limit key of a trusted browser's failures: its device id."""
    return "device:" + (_device() or "none")
