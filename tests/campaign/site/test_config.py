"""Configuration fails closed: outside explicit development or test, a missing or
unsafe setting stops start-up with a sentence saying what to set."""
from __future__ import annotations

import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from campaign import create_app
from campaign.config import DEV_SECRET_KEY, ConfigError, check, from_environment

ROOT = Path(__file__).resolve().parents[3]
GOOD_KEY = secrets.token_hex(32)
ORGANISATION = {"ORGANISATION_NAME": "Example Campaign Group",
                "ORGANISATION_URL": "https://example.org/",
                "ORGANISATION_EMAIL": "privacy@example.org",
                "ALLOWED_HOSTS": "letters.example.org"}


def checked(environ: dict) -> dict:
    config = from_environment("/tmp", environ)
    check(config)
    return config


@pytest.mark.parametrize("environ, sentence", [
    ({}, "Set SECRET_KEY to a long random value"),
    ({"APP_ENV": "production"}, "Set SECRET_KEY to a long random value"),
    ({"APP_ENV": "production", "SECRET_KEY": "short-but-set"}, "SECRET_KEY has 13 characters"),
    ({"APP_ENV": "production", "SECRET_KEY": DEV_SECRET_KEY}, "SECRET_KEY is the development key"),
    ({"APP_ENV": "production", "SECRET_KEY": " " * 32}, "Set SECRET_KEY to a long random value"),
    ({"APP_ENV": "staging", "SECRET_KEY": GOOD_KEY}, "APP_ENV is 'staging'"),
    ({"APP_ENV": "production", "SECRET_KEY": GOOD_KEY},
     "Set ORGANISATION_NAME, ORGANISATION_URL, ORGANISATION_EMAIL: the site names who runs it"),
    ({"APP_ENV": "production", "SECRET_KEY": GOOD_KEY, **ORGANISATION, "ORGANISATION_URL": ""},
     "Set ORGANISATION_URL: the site names who runs it"),
    ({"APP_ENV": "production", "SECRET_KEY": GOOD_KEY, **ORGANISATION, "ALLOWED_HOSTS": ""},
     "Set ALLOWED_HOSTS to the site's host names"),
    ({"APP_ENV": "production", "SECRET_KEY": GOOD_KEY, **ORGANISATION, "FLASK_DEBUG": "1"},
     "Flask's debug mode is on .* unset FLASK_DEBUG in production"),
    # FLASK_ENV is not ours: it cannot turn production's checks off.
    ({"FLASK_ENV": "development"}, "Set SECRET_KEY"),
])
def test_unsafe_settings_stop_start_up_saying_what_to_set(environ, sentence):
    with pytest.raises(ConfigError, match=sentence):
        checked(environ)


@pytest.mark.parametrize("key", [
    "a" * 64, "changeme" * 4, DEV_SECRET_KEY * 2, "0123456789abcdef" * 2,
    "Tr0ub4dor&3-" * 3, "my-" + DEV_SECRET_KEY + "-for-production",
])
def test_a_weak_key_stops_production_saying_how_to_make_one(key):
    with pytest.raises(ConfigError, match="SECRET_KEY is long enough but not random.*"
                       r"secrets\.token_hex\(32\)"):
        checked({"APP_ENV": "production", "SECRET_KEY": key, **ORGANISATION})


def test_flask_debug_off_is_off_to_flask_too(tmp_path, monkeypatch):
    # Flask reads FLASK_DEBUG itself, and more loosely than the site: "off" is on to it.
    # The site's reading wins, and Flask (`flask run`'s debugger) is told it its way.
    monkeypatch.setenv("FLASK_DEBUG", "off")
    production = {"APP_ENV": "production", "SECRET_KEY": GOOD_KEY, **ORGANISATION,
                  "DATABASE_PATH": str(tmp_path / "x.sqlite3")}
    assert not create_app(production).debug
    assert os.environ["FLASK_DEBUG"] == "0"
    monkeypatch.setenv("FLASK_DEBUG", "on")
    with pytest.raises(ConfigError, match="Flask's debug mode is on"):
        create_app(production)


def test_production_answers_only_its_allowed_hosts(tmp_path):
    app = create_app({"APP_ENV": "production", "SECRET_KEY": GOOD_KEY, **ORGANISATION,
                      "ALLOWED_HOSTS": ("letters.example.org",),
                      "DATABASE_PATH": str(tmp_path / "x.sqlite3")})
    client = app.test_client()
    assert client.get("/privacy", base_url="https://letters.example.org").status_code == 200
    assert client.get("/privacy", base_url="https://letters.example.org:8443").status_code == 200
    assert client.get("/privacy", base_url="https://attacker.example").status_code == 400


def test_an_untrusted_local_proxy_is_logged_once_without_the_address(app, caplog):
    # TRUSTED_PROXIES is 0 in tests: X-Forwarded-For from loopback means a proxy in
    # front that the settings do not trust, so every client shares one rate-limit key.
    client = app.test_client()
    with caplog.at_level(logging.WARNING):
        client.get("/privacy", environ_base={"REMOTE_ADDR": "192.0.2.7"},
                   headers={"X-Forwarded-For": "198.51.100.1"})
        assert "TRUSTED_PROXIES" not in caplog.text  # not from this machine: no proxy of ours
        for address in ("198.51.100.23", "203.0.113.9"):
            client.get("/privacy", environ_base={"REMOTE_ADDR": "127.0.0.1"},
                       headers={"X-Forwarded-For": address})
    warnings = [r for r in caplog.records if "TRUSTED_PROXIES is 0" in r.getMessage()]
    assert len(warnings) == 1
    assert "Set TRUSTED_PROXIES to the number of proxies" in warnings[0].getMessage()
    for address in ("127.0.0.1", "198.51.100.23", "203.0.113.9", "192.0.2.7"):
        assert address not in caplog.text


def test_production_with_a_good_key_starts_with_secure_cookies():
    config = checked({"APP_ENV": "production", "SECRET_KEY": GOOD_KEY, **ORGANISATION})
    assert config["PRODUCTION"] and config["SESSION_COOKIE_SECURE"]
    assert checked({"APP_ENV": "", "SECRET_KEY": GOOD_KEY, **ORGANISATION})["PRODUCTION"]


@pytest.mark.parametrize("environment", ["development", "test", "Development"])
def test_development_and_test_need_nothing(environment):
    config = checked({"APP_ENV": environment})
    assert config["SECRET_KEY"] == DEV_SECRET_KEY
    assert not config["PRODUCTION"] and not config["SESSION_COOKIE_SECURE"]


def test_flask_env_never_makes_production():
    assert not checked({"APP_ENV": "development", "FLASK_ENV": "production"})["PRODUCTION"]


def test_an_app_built_with_overrides_is_checked_after_them(tmp_path):
    with pytest.raises(ConfigError, match="SECRET_KEY has 5 characters"):
        create_app({"APP_ENV": "production", "SECRET_KEY": "short",
                    "DATABASE_PATH": str(tmp_path / "x.sqlite3")})


def test_gunicorns_entry_point_refuses_with_a_sentence(tmp_path):
    environ = {k: v for k, v in os.environ.items()
               if k not in ("APP_ENV", "SECRET_KEY", "FLASK_ENV")}
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi"], cwd=ROOT, capture_output=True, text=True,
        env={**environ, "FLASK_ENV": "development", "DATABASE_PATH": str(tmp_path / "x.db")},
    )
    assert result.returncode != 0
    assert "Configuration error: The site will not start with APP_ENV=(not set, so " \
           "production). Set SECRET_KEY to a long random value" in result.stderr
    assert "Traceback" not in result.stderr
