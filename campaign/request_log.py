"""Request logging that keeps no personal data, as JSON lines.

Werkzeug's and gunicorn's access logs write the client's IP address and the full
URL (which may carry a postcode), and urllib3 logs the upstream URLs. We silence
them (gunicorn's in gunicorn.conf.py) and log one line per request instead: method,
path without the query string, status, duration and a request id. Nothing from
forms, cookies or headers is ever logged.

A path is logged only when it named a page that exists and answered it (2xx): any
other path may be whatever someone typed, a postcode say, so it is logged as the
route that matched (e.g. "/c/<slug>/") or as "(unmatched)", whatever the status
(a redirect, a 400, a 404 or a 405 alike).

The request id comes from a proxy's X-Request-ID when it is a plain token, else it
is made here; it goes back in the response's X-Request-ID so that a citizen
reporting a problem, or the proxy's log, can point at the line.
"""
from __future__ import annotations

import json
import logging
import re
import secrets
import time
from datetime import datetime, timezone

from flask import Flask, Response, g, request

log = logging.getLogger("campaign.requests")

# Fields a record may carry (through `extra=`) that the JSON line includes.
FIELDS = ("method", "path", "status", "duration_ms", "request_id")
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
MAX_PATH = 200


# One encoder for every line: json.dumps with any option (ensure_ascii=False here)
# builds a new encoder per call, on every request.
_JSON = json.JSONEncoder(ensure_ascii=False)


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any FIELDS."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc)
            .isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return _JSON.encode(entry)


def configure_logging() -> None:
    """Send every log record to stderr as JSON lines, unless logging is already set up.

    Tests (pytest's capture) and embedding applications bring their own handlers;
    under gunicorn the root logger has none, and this is what its workers use.
    """
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLinesFormatter())
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def request_id() -> str:
    """The current request's id (made on first use)."""
    if "request_id" not in g:
        offered = request.headers.get("X-Request-ID", "")
        g.request_id = offered if _REQUEST_ID.fullmatch(offered) else secrets.token_hex(8)
    return g.request_id


def loggable_path(status: int) -> str:
    """The request's path, or its route when the path may be something a person typed."""
    rule = request.url_rule
    if rule is None:
        return "(unmatched)"
    if not 200 <= status < 300:
        return rule.rule
    return request.path[:MAX_PATH]


def init_app(app: Flask) -> None:
    """Log each request of `app` as one line holding no IP, query, form or cookie."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    # urllib3 logs every upstream URL at DEBUG, and postcodes.io URLs contain postcodes.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    configure_logging()

    @app.before_request
    def start_timer():
        g.request_started = time.perf_counter()
        request_id()

    @app.after_request
    def log_request(response: Response) -> Response:
        took_ms = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
        path = loggable_path(response.status_code)
        response.headers["X-Request-ID"] = request_id()
        log.info("%s %s %s %.1fms", request.method, path, response.status_code, took_ms,
                 extra={"method": request.method, "path": path,
                        "status": response.status_code, "duration_ms": round(took_ms, 1),
                        "request_id": request_id()})
        return response
