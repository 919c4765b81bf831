"""The rate-limit store: a store that cannot be used is one sentence at start-up, and one
that does not answer is warned about and counted around (limits per process), never
waited on. tests/campaign/production/test_hung_redis.py pauses a real redis-server."""
from __future__ import annotations

import logging
import socket
import time

import pytest

from campaign.config import ConfigError
from tests.campaign.helpers import make_app
from tests.campaign.site.test_rate_limits import client_at, lookups


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


def test_a_storage_uri_that_cannot_be_used_is_one_sentence(app_config):
    with pytest.raises(ConfigError, match=r"^RATELIMIT_STORAGE_URI is 'garbage://x', which "
                       r"cannot be used .*: it takes memory:// or redis://host:6379/0\.$"):
        make_app({**app_config, "RATELIMIT_ENABLED": True,
                  "RATELIMIT_STORAGE_URI": "garbage://x"})


def test_a_redis_that_does_not_answer_is_warned_about_and_counted_around(app_config, caplog):
    caplog.set_level(logging.WARNING)
    app = make_app({**app_config, "RATELIMIT_ENABLED": True,
                    "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{closed_port()}/0"})
    assert any("does not answer: limits count in each process's memory" in r.getMessage()
               for r in caplog.records)
    started = time.monotonic()
    assert lookups(client_at(app, "203.0.113.9"), 3) == [200, 200, 200]
    assert time.monotonic() - started < 3
    assert lookups(client_at(app, "203.0.113.9"), 30)[-1] == 429  # still limited, in memory


def test_limits_turned_off_in_production_are_warned_about(app_config, caplog):
    caplog.set_level(logging.WARNING)
    make_app({**app_config, "PRODUCTION": True, "RATELIMIT_ENABLED": False,
              "SECRET_KEY": "a3f9c2e871b04d6f5a2e9c8b7d1f0e4a", "ALLOWED_HOSTS": ("localhost",),
              "ORGANISATION_NAME": "Example Group", "ORGANISATION_URL": "https://example.org",
              "ORGANISATION_EMAIL": "privacy@example.org"})
    assert any("RATELIMIT_ENABLED is off in production" in r.getMessage()
               for r in caplog.records)
