"""gunicorn's error log, without what the site keeps out of every log.

gunicorn logs a request it cannot parse, or one whose handling failed, with its
request line: the query string (which may hold a postcode: ?postcode=E8 1DY) and the
client's address. nginx's error log keeps neither; this logger makes gunicorn's match
(gunicorn.conf.py: logger_class).
"""
from __future__ import annotations

import re

from gunicorn.glogging import Logger

# "?..." up to the end of the request target (a space, a quote or the line's end).
_QUERY = re.compile(r"\?[^\s'\"]*")
_ADDRESS = re.compile(r"\bip=\S+?(?=:?(?:\s|$))")  # an IPv6 address has colons too


def scrubbed(message: str) -> str:
    """`message` without query strings or client addresses."""
    return _ADDRESS.sub("ip=(not logged)", _QUERY.sub("?(query not logged)", message))


class PrivateLogger(Logger):
    """gunicorn's Logger, each error-log message scrubbed (`scrubbed`) before it is written."""

    def _say(self, level: str, msg, args, kwargs) -> None:
        text = str(msg) % args if args else str(msg)
        getattr(super(), level)(scrubbed(text), **kwargs)

    def critical(self, msg, *args, **kwargs):
        self._say("critical", msg, args, kwargs)

    def error(self, msg, *args, **kwargs):
        self._say("error", msg, args, kwargs)

    def warning(self, msg, *args, **kwargs):
        self._say("warning", msg, args, kwargs)

    def info(self, msg, *args, **kwargs):
        self._say("info", msg, args, kwargs)

    def debug(self, msg, *args, **kwargs):
        self._say("debug", msg, args, kwargs)

    def exception(self, msg, *args, **kwargs):
        self._say("exception", msg, args, kwargs)
