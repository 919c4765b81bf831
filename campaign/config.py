"""Configuration from environment variables, with safe defaults.

Every variable is listed in the README's configuration table. Only `APP_ENV` says
which environment this is (`FLASK_ENV` is ignored), and anything but an explicit
`development` or `test` is held to production's rules: `check()` refuses to start a
site whose settings are missing or unsafe, with a sentence saying what to set.
Add a rule to PRODUCTION_REQUIREMENTS to make another setting fail closed.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

DEV_SECRET_KEY = "dev-only-not-secret"
POSTCODE_SOURCES = ("local", "remote", "both")
# Where a development key and relaxed checks are allowed. Anything else (empty too)
# is production: a forgotten APP_ENV must not open a public site with a known key.
RELAXED_ENVIRONMENTS = ("development", "test")
ENVIRONMENTS = (*RELAXED_ENVIRONMENTS, "production")
MIN_SECRET_KEY_LENGTH = 32
MAKE_A_KEY = "python3 -c 'import secrets; print(secrets.token_hex(32))'"


class ConfigError(RuntimeError):
    """The environment does not describe a site that can run safely."""


def is_on(value: str) -> bool:
    """Read an on/off variable: 0, false, no and off (any case) are off."""
    return value.strip().lower() not in ("0", "false", "no", "off", "")


def _seconds(value: str, name: str) -> float:
    """A positive number of seconds, or a ConfigError saying what to set."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise ConfigError(f"{name} must be a number of seconds above 0, such as 86400 "
                          f"(a day), not {value!r}.")
    return seconds


def organisation_from_environment(environ=os.environ) -> dict:
    """Who runs the site: named in the header, the footer and the privacy page."""
    return {
        "ORGANISATION_NAME": environ.get("ORGANISATION_NAME", "").strip(),
        "ORGANISATION_URL": environ.get("ORGANISATION_URL", "").strip(),
        "ORGANISATION_EMAIL": environ.get("ORGANISATION_EMAIL", "").strip(),
        "ORGANISATION_ADDRESS": environ.get("ORGANISATION_ADDRESS", "").strip(),
    }


def from_environment(instance_path: str, environ=os.environ) -> dict:
    """Build the Flask config mapping from `environ` (`check()` then says if it is safe)."""
    environment = environ.get("APP_ENV", "").strip().lower()
    production = environment not in RELAXED_ENVIRONMENTS
    postcode_source = environ.get("POSTCODE_SOURCE", "both").strip().lower()
    if postcode_source not in POSTCODE_SOURCES:
        raise ConfigError(f"POSTCODE_SOURCE must be one of {', '.join(POSTCODE_SOURCES)}.")
    max_age = _seconds(environ.get("MP_REGISTER_MAX_AGE", "86400"), "MP_REGISTER_MAX_AGE")
    session_hours = float(environ.get("SESSION_HOURS", "8"))
    secret = environ.get("SECRET_KEY", "")
    if not secret and not production:
        secret = DEV_SECRET_KEY
    return {
        "APP_ENV": environment,
        **organisation_from_environment(environ),
        # Set only by `make demo` (campaign/demo): a "demo data" banner on every page.
        "DEMO": False,
        "PRODUCTION": production,
        "SECRET_KEY": secret,
        "DATABASE_PATH": environ.get(
            "DATABASE_PATH", str(Path(instance_path) / "campaign.sqlite3")
        ),
        # local: the ONS directory only; remote: postcodes.io only; both: local first.
        "POSTCODE_SOURCE": postcode_source,
        # Empty means beside the database (see campaign.lookup.local_source.directory_path).
        "POSTCODE_DIRECTORY_PATH": environ.get("POSTCODE_DIRECTORY_PATH", ""),
        "POSTCODES_API_URL": environ.get("POSTCODES_API_URL", "https://api.postcodes.io").rstrip("/"),
        "MEMBERS_API_URL": environ.get(
            "MEMBERS_API_URL", "https://members-api.parliament.uk"
        ).rstrip("/"),
        # Seconds. The citizen should wait at most about five seconds for an answer.
        "UPSTREAM_CONNECT_TIMEOUT": float(environ.get("UPSTREAM_CONNECT_TIMEOUT", "1.5")),
        "UPSTREAM_READ_TIMEOUT": float(environ.get("UPSTREAM_READ_TIMEOUT", "3.5")),
        "SESSION_COOKIE_SECURE": production,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # Staff sessions end this long after signing in, however busy (campaign/accounts/sign_in.py).
        "SESSION_HOURS": session_hours,
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=session_hours),
        "REMEMBER_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        # A signed preview stays valid for two hours; after that the writer starts again.
        "LETTER_FORM_MAX_AGE": int(environ.get("LETTER_FORM_MAX_AGE", str(2 * 60 * 60))),
        # Seconds: no MP register row older than this addresses a letter. The site
        # refreshes the register itself before then (see lookup.register_upkeep).
        "MP_REGISTER_MAX_AGE": max_age,
        "MP_REGISTER_AUTO_REFRESH": is_on(environ.get("MP_REGISTER_AUTO_REFRESH", "1")),
        # How long each process trusts its count for the public "letters so far" counter.
        "COUNTER_CACHE_SECONDS": float(environ.get("COUNTER_CACHE_SECONDS", "60")),
        "MAX_CONTENT_LENGTH": 256 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        # After this many failures in a row an upstream is left alone for
        # UPSTREAM_BREAKER_SECONDS: citizens get "try again" at once instead of each
        # waiting out the timeouts of a service that is down.
        "UPSTREAM_BREAKER_FAILURES": int(environ.get("UPSTREAM_BREAKER_FAILURES", "5")),
        "UPSTREAM_BREAKER_SECONDS": float(environ.get("UPSTREAM_BREAKER_SECONDS", "30")),
        # Rate limits (Flask-Limiter). Set explicitly, never left to the extension's
        # defaults, so that one app's settings cannot leak into another's.
        "RATELIMIT_ENABLED": is_on(environ.get("RATELIMIT_ENABLED", "1")),
        # memory:// counts per gunicorn worker; redis://host:6379 shares the counts.
        "RATELIMIT_STORAGE_URI": environ.get("RATELIMIT_STORAGE_URI", "") or "memory://",
        "RATELIMIT_KEY_PREFIX": "mp-letters",
        "RATELIMIT_HEADERS_ENABLED": True,
        # If the shared store is down, count in memory rather than refuse the public.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        # How many proxies in front of the site set X-Forwarded-For / -Proto. 0 trusts
        # none: a client could otherwise pick its own address and dodge rate limits.
        "TRUSTED_PROXIES": int(environ.get("TRUSTED_PROXIES", "0")),
    }


@dataclass(frozen=True)
class Requirement:
    """A production setting that must hold: `broken(config)` is true when it does not,
    and `sentence(config)` tells the deployer what to set."""

    broken: Callable[[dict], bool]
    sentence: Callable[[dict], str]


PRODUCTION_REQUIREMENTS: list[Requirement] = [
    Requirement(
        lambda c: c["APP_ENV"] not in ("", *ENVIRONMENTS),
        lambda c: f"APP_ENV is {c['APP_ENV']!r}, which this site does not know: set it to "
                  "production on a public site (or development on your own computer).",
    ),
    Requirement(
        lambda c: not c["SECRET_KEY"],
        lambda c: "Set SECRET_KEY to a long random value (at least "
                  f"{MIN_SECRET_KEY_LENGTH} characters, e.g. from `{MAKE_A_KEY}`): it "
                  "signs forms, sessions and letters.",
    ),
    Requirement(
        lambda c: c["SECRET_KEY"] == DEV_SECRET_KEY,
        lambda c: "SECRET_KEY is the development key, which anyone can read in the "
                  f"source: set a long random value of your own (e.g. from `{MAKE_A_KEY}`).",
    ),
    Requirement(
        lambda c: c["SECRET_KEY"] and c["SECRET_KEY"] != DEV_SECRET_KEY
                  and len(c["SECRET_KEY"]) < MIN_SECRET_KEY_LENGTH,
        lambda c: f"SECRET_KEY has {len(c['SECRET_KEY'])} characters: set a random value "
                  f"of at least {MIN_SECRET_KEY_LENGTH} (e.g. from `{MAKE_A_KEY}`).",
    ),
]


ORGANISATION_SETTINGS = ("ORGANISATION_NAME", "ORGANISATION_URL", "ORGANISATION_EMAIL")


def _missing_organisation(config) -> list[str]:
    return [name for name in ORGANISATION_SETTINGS if not config.get(name)]


# A public site names its data controller and a contact (UK GDPR).
ORGANISATION_REQUIREMENT = Requirement(
    lambda c: bool(_missing_organisation(c)),
    lambda c: f"Set {', '.join(_missing_organisation(c))}: the site names who runs it and how "
              "to contact them (e.g. ORGANISATION_NAME=\"Stop the Networks\" "
              "ORGANISATION_URL=https://example.org ORGANISATION_EMAIL=privacy@example.org).",
)
PRODUCTION_REQUIREMENTS.append(ORGANISATION_REQUIREMENT)


def problems(config) -> list[str]:
    """What stops `config` being served, one sentence each (none outside production)."""
    if not config.get("PRODUCTION", True):
        return []
    return [rule.sentence(config) for rule in PRODUCTION_REQUIREMENTS if rule.broken(config)]


def check(config) -> None:
    """Raise ConfigError, saying what to set, unless `config` can be served safely."""
    found = problems(config)
    if found:
        environment = config.get("APP_ENV") or "(not set, so production)"
        raise ConfigError(f"The site will not start with APP_ENV={environment}. "
                          + " ".join(found))
