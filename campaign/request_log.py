"""Request logging that keeps no personal data.

Werkzeug's own access log writes the client's IP address and the full URL (which
may carry a postcode), and urllib3 logs the upstream URLs. We silence both and log method, path without the query
string, status and duration instead. Nothing from forms is ever logged.
"""
from __future__ import annotations

import logging
import time

from flask import Flask, g, request

log = logging.getLogger("campaign.requests")


def init_app(app: Flask) -> None:
    """Replace the access log on `app` with one that holds no IP, query or body."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    # urllib3 logs every upstream URL at DEBUG, and postcodes.io URLs contain postcodes.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    if not log.handlers and not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

    @app.before_request
    def start_timer():
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        took_ms = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
        log.info("%s %s %s %.1fms", request.method, request.path, response.status_code, took_ms)
        return response
