"""Configuration fails closed: outside explicit development or test, a missing or
unsafe setting stops start-up with a sentence saying what to set."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from campaign import create_app
from campaign.config import DEV_SECRET_KEY, ConfigError, check, from_environment

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 32
ORGANISATION = {"ORGANISATION_NAME": "Example Campaign Group",
                "ORGANISATION_URL": "https://example.org/",
                "ORGANISATION_EMAIL": "privacy@example.org"}


def checked(environ: dict) -> dict:
    config = from_environment("/tmp", environ)
    check(config)
    return config


@pytest.mark.parametrize("environ, sentence", [
    ({}, "Set SECRET_KEY to a long random value"),
    ({"APP_ENV": "production"}, "Set SECRET_KEY to a long random value"),
    ({"APP_ENV": "production", "SECRET_KEY": "short-but-set"}, "SECRET_KEY has 13 characters"),
    ({"APP_ENV": "production", "SECRET_KEY": DEV_SECRET_KEY}, "SECRET_KEY is the development key"),
    ({"APP_ENV": "staging", "SECRET_KEY": GOOD_KEY}, "APP_ENV is 'staging'"),
    ({"APP_ENV": "production", "SECRET_KEY": GOOD_KEY},
     "Set ORGANISATION_NAME, ORGANISATION_URL, ORGANISATION_EMAIL: the site names who runs it"),
    ({"APP_ENV": "production", "SECRET_KEY": GOOD_KEY, **ORGANISATION, "ORGANISATION_URL": ""},
     "Set ORGANISATION_URL: the site names who runs it"),
    # FLASK_ENV is not ours: it cannot turn production's checks off.
    ({"FLASK_ENV": "development"}, "Set SECRET_KEY"),
])
def test_unsafe_settings_stop_start_up_saying_what_to_set(environ, sentence):
    with pytest.raises(ConfigError, match=sentence):
        checked(environ)


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
