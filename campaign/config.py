"""Configuration from environment variables, with safe defaults.

`SETTINGS` is the one declared table of every variable the site reads (gunicorn.conf.py
too): its name, its default, what it takes (a parser with bounds) and a sentence of
help. The README's configuration table documents the same names and defaults, and
tests/campaign/site/test_settings_table.py holds the two equal. A value a setting cannot take stops
start-up with one sentence naming the setting, what it got and what it takes.

Only `APP_ENV` says which environment this is (`FLASK_ENV` is ignored), and anything
but an explicit `development` or `test` is held to production's rules: `check()`
refuses to start a site whose settings are missing or unsafe, with a sentence saying
what to set. Add a rule to PRODUCTION_REQUIREMENTS to make another setting fail closed.
"""
from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

DEV_SECRET_KEY = "dev-only-not-secret"
POSTCODE_SOURCES = ("local", "remote", "both")
POST_PROVIDERS = ("stannp",)
MIN_WEBHOOK_SECRET_LENGTH = 16
# Where a development key and relaxed checks are allowed. Anything else (empty too)
# is production: a forgotten APP_ENV must not open a public site with a known key.
RELAXED_ENVIRONMENTS = ("development", "test")
ENVIRONMENTS = (*RELAXED_ENVIRONMENTS, "production")
MIN_SECRET_KEY_LENGTH = 32
# A random key of 32 or more characters has far more; "changeme" four times has 7.
MIN_SECRET_KEY_DISTINCT_CHARACTERS = 10
MAKE_A_KEY = "python3 -c 'import secrets; print(secrets.token_hex(32))'"
ON_WORDS, OFF_WORDS = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


class ConfigError(RuntimeError):
    """The environment does not describe a site that can run safely."""


# What a setting takes -------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    """What a setting takes: `takes` says it in words for the sentence of a bad value,
    `read` turns the variable's text into the value (ValueError when it cannot)."""

    takes: str
    read: Callable[[str], Any]


def number(unit: str, *, example: str, above: float | None = None,
           at_least: float | None = None, at_most: float | None = None,
           whole: bool = False) -> Kind:
    """A number of `unit` within the bounds given (a whole one if `whole`)."""
    def shown(bound: float) -> str:  # 2592000, not 2.592e+06
        return str(int(bound)) if bound == int(bound) else f"{bound:g}"

    bounds = []
    if above is not None:
        bounds.append(f"above {shown(above)}")
    if at_least is not None and at_most is not None:
        bounds.append(f"from {shown(at_least)} to {shown(at_most)}")
    elif at_least is not None:
        bounds.append(f"at least {shown(at_least)}")
    if at_most is not None and at_least is None:
        bounds.append(f"at most {shown(at_most)}")
    takes = f"a {'whole ' if whole else ''}number{' of ' + unit if unit else ''}"
    takes += (" " + " and ".join(bounds) if bounds else "") + f", such as {example}"

    def read(text: str) -> float | int:
        value = int(text) if whole else float(text)
        if not math.isfinite(value):
            raise ValueError(text)
        if ((above is not None and not value > above)
                or (at_least is not None and value < at_least)
                or (at_most is not None and value > at_most)):
            raise ValueError(text)
        return value

    return Kind(takes, read)


def on_or_off() -> Kind:
    """1 or 0; true/false, yes/no and on/off too (any case)."""

    def read(text: str) -> bool:
        word = text.lower()
        if word in ON_WORDS:
            return True
        if word in OFF_WORDS:
            return False
        raise ValueError(text)

    return Kind("1 (on) or 0 (off)", read)


def one_of(*options: str) -> Kind:
    """One word of `options`, in any case."""

    def read(text: str) -> str:
        if text.lower() not in options:
            raise ValueError(text)
        return text.lower()

    return Kind("one of " + ", ".join(options), read)


def text() -> Kind:
    """Any text (surrounding spaces dropped)."""
    return Kind("any text", lambda value: value)


def web_address() -> Kind:
    """An http:// or https:// address, kept without a trailing slash."""

    def read(value: str) -> str:
        if not value.lower().startswith(("https://", "http://")) or " " in value:
            raise ValueError(value)
        return value.rstrip("/")

    return Kind("a web address starting https:// (or http://)", read)


def email_address() -> Kind:
    """An e-mail address (only its shape is checked)."""

    def read(value: str) -> str:
        local, at, domain = value.rpartition("@")
        if not (local and at and "." in domain) or " " in value:
            raise ValueError(value)
        return value

    return Kind("an e-mail address, such as privacy@example.org", read)


def host_names() -> Kind:
    """Host names separated by commas, without scheme, port or path (a leading dot
    takes in every subdomain, as Werkzeug's trusted hosts do)."""

    def read(value: str) -> tuple[str, ...]:
        hosts = tuple(host.strip().lower() for host in value.split(",") if host.strip())
        for host in hosts:
            if any(character in host for character in "/:@ "):
                raise ValueError(value)
        return hosts

    return Kind("host names separated by commas, without https:// or a port, such as "
                "letters.example.org,www.letters.example.org", read)


# The table --------------------------------------------------------------------------

@dataclass(frozen=True)
class Setting:
    """One environment variable: `default` is the text used when it is unset or empty
    (None when the default is worked out elsewhere, as `help` says).

    The app's config carries each setting under its own name (`from_environment`), as
    read, or `unset` when it is unset and has no default; `server_only` ones (where
    gunicorn and make listen, gunicorn's own) are read by gunicorn.conf.py and the
    Makefile only, so a malformed one never stops a command that does not serve."""

    name: str
    default: str | None
    kind: Kind
    help: str
    server_only: bool = False
    unset: object = None

    def read(self, environ: Mapping[str, str] = os.environ, default: str | None = None):
        """The setting's value from `environ` (None when unset and without a default).

        Raises ConfigError with one sentence when the value is not one it takes."""
        raw = (environ.get(self.name) or "").strip()
        if not raw:
            raw = default if default is not None else (self.default or "")
            if not raw:
                return None
        try:
            return self.kind.read(raw)
        except ValueError:
            shown = raw if len(raw) <= 40 else raw[:37] + "..."
            raise ConfigError(f"{self.name} is {shown!r}, but it takes "
                              f"{self.kind.takes}.") from None


SECONDS = "seconds"
SETTINGS: tuple[Setting, ...] = (
    Setting("APP_ENV", None, text(),
            "Which rules hold: production (also when empty), development or test."),
    Setting("ORGANISATION_NAME", None, text(), "Who runs the site, named on every page.", unset=""),
    Setting("ORGANISATION_URL", None, web_address(), "The organisation's web site.", unset=""),
    Setting("ORGANISATION_EMAIL", None, email_address(), "The contact for privacy questions.",
            unset=""),
    Setting("ORGANISATION_ADDRESS", None, text(), "The data controller's postal address.",
            unset=""),
    Setting("SECRET_KEY", None, text(),
            "Signs forms, sessions and letters: 32 or more random characters in production."),
    Setting("DATABASE_PATH", None, text(),
            "The SQLite database file (instance/campaign.sqlite3 when unset)."),
    Setting("COUNT_SPOOL_PATH", None, text(),
            "A second folder for held letter counts, outside the database's folder.", unset=""),
    Setting("POSTCODE_SOURCE", "both", one_of(*POSTCODE_SOURCES),
            "Where postcodes are looked up: the local directory, postcodes.io, or both."),
    Setting("POSTCODE_DIRECTORY_PATH", None, text(),
            "The local postcode directory (beside the database when unset).", unset=""),
    Setting("POSTCODES_API_URL", "https://api.postcodes.io", web_address(),
            "postcodes.io, public or self-hosted."),
    Setting("MEMBERS_API_URL", "https://members-api.parliament.uk", web_address(),
            "The UK Parliament Members API."),
    Setting("MP_REGISTER_MAX_AGE", "86400",
            number(SECONDS, above=0, at_most=30 * 86400, example="86400 (a day)"),
            "No MP register entry older than this addresses a letter."),
    Setting("MP_REGISTER_AUTO_REFRESH", "1", on_or_off(),
            "Whether the site refreshes the MP register itself in the background."),
    Setting("MP_REGISTER_MAX_CHANGES", "10",
            number("seats", at_least=0, at_most=650, whole=True, example="10"),
            "A refresh changing more seats than this is held until accepted."),
    Setting("UPSTREAM_CONNECT_TIMEOUT", "1.5",
            number(SECONDS, above=0, at_most=20, example="1.5"),
            "Seconds to connect to postcodes.io or the Members API."),
    Setting("UPSTREAM_READ_TIMEOUT", "3.5",
            number(SECONDS, above=0, at_most=20, example="3.5"),
            "Seconds to wait for their answer."),
    Setting("SESSION_HOURS", "8", number("hours", above=0, at_most=24 * 30, example="8"),
            "How long a staff sign-in lasts, counted from signing in."),
    Setting("LETTER_FORM_MAX_AGE", "7200",
            number(SECONDS, at_least=60, at_most=7 * 86400, whole=True,
                   example="7200 (two hours)"),
            "Seconds a letter preview stays downloadable."),
    Setting("COUNTER_CACHE_SECONDS", "60",
            number(SECONDS, at_least=0, at_most=3600, example="60"),
            "How long each process trusts its count of a campaign's letters."),
    Setting("HOST", "127.0.0.1", text(), "Where make run, make serve and gunicorn listen.",
            server_only=True),
    Setting("PORT", "5000", number("", at_least=0, at_most=65535, whole=True, example="5000"),
            "The port they listen on (gunicorn.conf.py's own default is 8000).", server_only=True),
    Setting("RATELIMIT_ENABLED", "1", on_or_off(), "Whether rate limits apply at all."),
    Setting("RATELIMIT_STORAGE_URI", "memory://", text(),
            "Where rate-limit counters live: redis://... to share them between workers."),
    Setting("RATELIMIT_REDIS_TIMEOUT", "0.05",
            number(SECONDS, above=0, at_most=5, example="0.05"),
            "How long a worker waits on Redis before counting in its own memory."),
    Setting("TRUSTED_PROXIES", "0",
            number("proxies", at_least=0, at_most=5, whole=True, example="1 behind nginx"),
            "How many reverse proxies' X-Forwarded-For and -Proto headers to believe."),
    Setting("ALLOWED_HOSTS", None, host_names(),
            "The host names the site answers to; required in production.", unset=()),
    Setting("UPSTREAM_BREAKER_FAILURES", "5",
            number("failures", at_least=1, at_most=1000, whole=True, example="5"),
            "Failures in a row before an upstream is left alone for a while."),
    Setting("UPSTREAM_BREAKER_SECONDS", "30",
            number(SECONDS, above=0, at_most=3600, example="30"),
            "How long an upstream is left alone before one trial call."),
    Setting("FLASK_DEBUG", "0", on_or_off(),
            "Flask's debugger, for development only: production refuses to start with it."),
    Setting("WEB_CONCURRENCY", None,
            number("worker processes", at_least=1, at_most=64, whole=True, example="3"),
            "gunicorn's worker processes (the cores plus one when unset).", server_only=True),
    Setting("GUNICORN_THREADS", "4",
            number("threads", at_least=1, at_most=64, whole=True, example="4"),
            "Threads per gunicorn worker.", server_only=True),
    Setting("GUNICORN_LOG_LEVEL", "info", one_of("debug", "info", "warning", "error", "critical"),
            "gunicorn's own log level.", server_only=True),
    Setting("GUNICORN_NO_CONTROL_SOCKET", None, on_or_off(),
            "1 stops gunicorn making its control socket (throwaway servers).", server_only=True),
    Setting("GUNICORN_PIDFILE", None, text(),
            "Where gunicorn's master writes its pid, for deploy/mp-letters-reload.",
            server_only=True),
    Setting("POST_PROVIDER", None, one_of(*POST_PROVIDERS),
            "Who prints and posts letters for writers (empty: nobody; stannp).", unset=""),
    Setting("STANNP_API_URL", "https://api-eu1.stannp.com/v1", web_address(),
            "Stannp's API (its EU endpoint unless set)."),
    Setting("STANNP_API_KEY", None, text(), "The Stannp account's API key.", unset=""),
    Setting("STANNP_TEST_MODE", None, on_or_off(),
            "1: Stannp prints and charges nothing (production must set it, 1 or 0)."),
    Setting("STANNP_WEBHOOK_SECRET", None, text(),
            "The secret Stannp signs its status calls with.", unset=""),
)
SETTING = {setting.name: setting for setting in SETTINGS}


def setting(name: str, environ: Mapping[str, str] = os.environ, default: str | None = None):
    """The value of the setting `name` from `environ`; ConfigError if it is malformed.
    `default` replaces the table's (gunicorn.conf.py's port is 8000, say)."""
    return SETTING[name].read(environ, default)


def settings_config(environ: Mapping[str, str] = os.environ) -> dict:
    """Every setting the app reads, under its own name, from `environ` (each one's
    `unset` when it is unset and has no default); ConfigError if one is malformed.
    A new setting needs only its entry in SETTINGS to reach the app's config."""
    return {entry.name: entry.unset if (value := entry.read(environ)) is None else value
            for entry in SETTINGS if not entry.server_only}


def from_environment(instance_path: str, environ: Mapping[str, str] = os.environ) -> dict:
    """Build the Flask config mapping from `environ` (`check()` then says if it is safe):
    every setting of SETTINGS under its own name (`settings_config`), what some of them
    mean for Flask and its extensions, and Flask's keys that are not settings.

    Raises ConfigError, in one sentence, for a value a setting cannot take."""
    settings = settings_config(environ)
    environment = (settings["APP_ENV"] or "").lower()
    production = environment not in RELAXED_ENVIRONMENTS
    # Flask reads FLASK_DEBUG itself (more loosely: "off" is on to Flask), so only "on"
    # is passed on, as DEBUG, for check() to refuse in production; a malformed value
    # has failed above with its sentence.
    debug = settings.pop("FLASK_DEBUG")
    # gunicorn's settings are gunicorn.conf.py's, but gunicorn reads WEB_CONCURRENCY
    # itself before that file, with a traceback for "two": read here too, so that
    # `flask init-db`, which the service and `make serve` run first, stops with a sentence.
    for name in ("WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_LOG_LEVEL"):
        setting(name, environ)
    return {
        **settings,
        "APP_ENV": environment,
        "PRODUCTION": production,
        "SECRET_KEY": settings["SECRET_KEY"] or ("" if production else DEV_SECRET_KEY),
        "DATABASE_PATH": settings["DATABASE_PATH"]
        or str(Path(instance_path) / "campaign.sqlite3"),
        # Set only by `make demo` (campaign/demo): a "demo data" banner on every page.
        "DEMO": False,
        "SESSION_COOKIE_SECURE": production,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # Staff sessions end this long after signing in, however busy (campaign/accounts/sign_in.py).
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=settings["SESSION_HOURS"]),
        "REMEMBER_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "MAX_CONTENT_LENGTH": 256 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        # With Flask-Babel installed, Flask-WTF would load WTForms' own catalogue for
        # every request with a form (a .mo parsed each time); our forms give their own
        # messages, translated in campaign/translations, and WTForms has no Welsh.
        "WTF_I18N_ENABLED": False,
        # Rate limits (Flask-Limiter): RATELIMIT_ENABLED and RATELIMIT_STORAGE_URI are
        # settings; the rest is set explicitly, never left to the extension's defaults,
        # so that one app's settings cannot leak into another's.
        "RATELIMIT_KEY_PREFIX": "mp-letters",
        "RATELIMIT_HEADERS_ENABLED": True,
        # If the shared store is down, count in memory rather than refuse the public.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        # Flask reads FLASK_DEBUG itself, more loosely ("off" is on to Flask): the value as
        # this table reads it is passed on both ways (check() refuses it on in production,
        # create_app tells `flask run` an "off" its way); a malformed value fails above.
        "DEBUG": bool(debug),
    }


# Production's rules -----------------------------------------------------------------

@dataclass(frozen=True)
class Requirement:
    """A production setting that must hold: `broken(config)` is true when it does not,
    and `sentence(config)` tells the deployer what to set."""

    broken: Callable[[dict], bool]
    sentence: Callable[[dict], str]


def weak_key(key: str) -> bool:
    """True for a key long enough but plainly not random: too few distinct characters
    (32 spaces, "aaaa...", "changeme" four times), a shorter text repeated, or the
    development key inside it."""
    if len(set(key)) < MIN_SECRET_KEY_DISTINCT_CHARACTERS:
        return True
    repeated = key in (key + key)[1:-1]  # e.g. "abcdefghijkl" * 3
    return repeated or DEV_SECRET_KEY in key


def _key_is_set(config) -> bool:
    return bool(config["SECRET_KEY"]) and config["SECRET_KEY"] != DEV_SECRET_KEY


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
        lambda c: _key_is_set(c) and len(c["SECRET_KEY"]) < MIN_SECRET_KEY_LENGTH,
        lambda c: f"SECRET_KEY has {len(c['SECRET_KEY'])} characters: set a random value "
                  f"of at least {MIN_SECRET_KEY_LENGTH} (e.g. from `{MAKE_A_KEY}`).",
    ),
    Requirement(
        lambda c: (_key_is_set(c) and len(c["SECRET_KEY"]) >= MIN_SECRET_KEY_LENGTH
                   and weak_key(c["SECRET_KEY"])),
        lambda c: "SECRET_KEY is long enough but not random (too few different characters, "
                  "a text repeated, or the development key): anyone could guess it. Make "
                  f"one with `{MAKE_A_KEY}`.",
    ),
    Requirement(
        lambda c: bool(c.get("DEBUG")),
        lambda c: "Flask's debug mode is on (FLASK_DEBUG or --debug), which lets anyone "
                  "who meets an error run code on the server: unset FLASK_DEBUG in "
                  "production.",
    ),
    Requirement(
        lambda c: not c.get("ALLOWED_HOSTS"),
        lambda c: "Set ALLOWED_HOSTS to the site's host names, separated by commas (e.g. "
                  "ALLOWED_HOSTS=letters.example.org): the site answers no other Host.",
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


def _stannp(config) -> bool:
    return config.get("POST_PROVIDER") == "stannp"


# Posting spends the organisation's money and sends writers' addresses away: with
# POST_PROVIDER set, production needs the key, a stated test mode, a signed webhook and
# an https address (HTTP basic auth carries the key).
PRODUCTION_REQUIREMENTS += [
    Requirement(
        lambda c: _stannp(c) and not c.get("STANNP_API_KEY"),
        lambda c: "POST_PROVIDER is stannp: set STANNP_API_KEY to the account's API key.",
    ),
    Requirement(
        lambda c: _stannp(c) and c.get("STANNP_TEST_MODE") is None,
        lambda c: "POST_PROVIDER is stannp: set STANNP_TEST_MODE to 1 (nothing is printed "
                  "or charged) or 0 (letters are printed, posted and paid for).",
    ),
    Requirement(
        lambda c: _stannp(c) and len(c.get("STANNP_WEBHOOK_SECRET") or "")
        < MIN_WEBHOOK_SECRET_LENGTH,
        lambda c: "POST_PROVIDER is stannp: set STANNP_WEBHOOK_SECRET to a random value of "
                  f"at least {MIN_WEBHOOK_SECRET_LENGTH} characters, the same as the "
                  "webhook's secret in Stannp's settings (status calls are refused "
                  "without it).",
    ),
    Requirement(
        lambda c: _stannp(c) and not str(c.get("STANNP_API_URL") or "").startswith("https://"),
        lambda c: "STANNP_API_URL must start https:// in production: the API key travels "
                  "with every call.",
    ),
]


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
