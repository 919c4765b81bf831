"""Flask's signed session cookie, its serializer made once per secret key.

Every request reads the session (Flask-WTF keeps the CSRF token's secret in it), and
Flask's SecureCookieSessionInterface makes a new URLSafeTimedSerializer to read it
each time, and again to write it: a signer, its salt and key list, on each of the six
requests of a letter. The serializer holds no state of a request, so one per secret
key (and its fallbacks) signs and reads exactly as a new one would.
"""
from __future__ import annotations

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer


class SessionCookies(SecureCookieSessionInterface):
    """Flask's session cookie, the same bytes, its serializer kept per key."""

    def __init__(self) -> None:
        self._serializers: dict[tuple, URLSafeTimedSerializer | None] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        # The key is everything Flask's own method reads, so a changed secret (a test,
        # a rotation through SECRET_KEY_FALLBACKS) gets its own serializer.
        key = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        try:
            return self._serializers[key]
        except KeyError:
            made = self._serializers[key] = super().get_signing_serializer(app)
            return made


def init_app(app: Flask) -> None:
    """Read and write `app`'s session cookie through SessionCookies."""
    app.session_interface = SessionCookies()
