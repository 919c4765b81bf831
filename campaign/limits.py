"""Rate limits per client address, so one script cannot take the site for itself.

`limiter` is the Flask-Limiter extension; decorate a view with
`@limiter.limit(LOGIN_LIMIT)` (or a limit of its own) to limit it. Counts live in
memory by default (per gunicorn worker) or in Redis when RATELIMIT_STORAGE_URI is
set; RATELIMIT_ENABLED=0 turns every limit off.

The address is never stored or logged as it is: the key is an HMAC of it under the
site's secret key (of its /64 for IPv6, since one household or phone is given a whole
/64 and could otherwise take a fresh address for every request), so neither the
counters (in Redis, say) nor Flask-Limiter's own messages hold an IP address. Behind a
proxy, set TRUSTED_PROXIES so that the address is the citizen's and not the proxy's (see
campaign/proxies.py).

The limits are generous on purpose: a school, an office or a mobile network can put
many honest writers behind one address, and a viral afternoon is the point.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging

from flask import Flask, current_app, request
from flask_limiter import Limiter
from limits.errors import ConfigurationError

from campaign.config import ConfigError

# A citizen looks up one postcode, perhaps a few with typos; a script looks up
# thousands. The preview looks the postcode up again, so it shares this limit.
POSTCODE_LIMIT = "30 per minute; 300 per hour"
# Downloading the PDF, then the Word file, then again after an edit: a handful each.
DOWNLOAD_LIMIT = "30 per minute; 300 per hour"
# References: a citizen opens theirs a few times; a script guessing references is
# held to a trickle (31**8 possible references).
REFERENCE_LIMIT = "20 per minute; 100 per hour"
# Failed staff sign-ins per address: enough for typos, too few to guess a password.
# Only failures count: an office sharing one connection signs in all morning.
LOGIN_LIMIT = "5 per minute; 30 per hour"
# Failed sign-ins to one account from one address: the guesser is stopped there,
# while the account's owner, signing in from anywhere else, is not.
ACCOUNT_ADDRESS_LOGIN_LIMIT = "10 per hour"
# Failed sign-ins to one account from anywhere: a botnet has many addresses but each
# account still gets only this many guesses. Loose enough that a few people guessing
# from a few addresses cannot lock its owner out (a tight limit here let ten
# requests an hour keep an organiser out); tight enough that guessing a 12-character
# password from many addresses stays hopeless.
ACCOUNT_LOGIN_LIMIT = "50 per hour; 200 per day"
# Failed sign-ins from a browser the account has signed in with before (its device
# cookie, campaign/accounts/device_cookie.py): such a browser is exempt from the three
# limits above, so strangers' guesses cannot lock its owner out, and held to this one.
DEVICE_LOGIN_LIMIT = "10 per hour"

log = logging.getLogger(__name__)


def client_network(address: str | None) -> str:
    """What one client is: an IPv4 address, or the /64 an IPv6 address belongs to."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:  # ::ffff:203.0.113.7 is the IPv4 client 203.0.113.7
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _pseudonym(kind: bytes, value: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, kind + value.encode(), hashlib.sha256).hexdigest()[:32]


def client_key() -> str:
    """A stable pseudonym for the client's network, useless without the secret key."""
    return _pseudonym(b"rate-limit:", client_network(request.remote_addr))


def account_pseudonym(email: str) -> str:
    """A pseudonym for the account `email` names (normalised), useless without the key."""
    from campaign.accounts.users import normalise_email  # users imports nothing from Flask-Limiter
    return _pseudonym(b"sign-in:", normalise_email(email))


def account_key() -> str:
    """A pseudonym for the account a sign-in names (its normalised e-mail)."""
    return account_pseudonym(request.form.get("email", ""))


def account_address_key() -> str:
    """A pseudonym for the account a sign-in names together with the client's network."""
    from campaign.accounts.users import normalise_email  # users imports nothing from Flask-Limiter
    return _pseudonym(b"sign-in-from:", normalise_email(request.form.get("email", ""))
                      + "\0" + client_network(request.remote_addr))


limiter = Limiter(key_func=client_key)

# Redis on the same machine answers in well under a millisecond. One that does not
# answer within RATELIMIT_REDIS_TIMEOUT (50 ms) is hung (kill -STOP, swapping, a full
# disk): the request counts in this process's memory instead (Flask-Limiter's
# in-memory fallback, which warns "falling back to in-memory storage") rather than
# waiting with the citizen. Without timeouts a hung Redis held every request until it
# woke. (Tests on a crowded machine give a healthy Redis longer.)
def storage_options(uri: str, timeout: float) -> dict:
    """Flask-Limiter's RATELIMIT_STORAGE_OPTIONS for the storage at `uri`: for Redis,
    socket timeouts of `timeout` seconds and no retries (redis-py's default retries
    three times with seconds of backoff, which a citizen would wait out on every
    request)."""
    if not uri.startswith(("redis://", "rediss://", "redis+unix://", "unix://")):
        return {}
    from redis.backoff import NoBackoff  # only with the redis extra installed
    from redis.retry import Retry
    return {"socket_connect_timeout": timeout,
            "socket_timeout": timeout,
            "retry": Retry(NoBackoff(), 0)}


def init_app(app: Flask) -> None:
    """Attach the limiter to `app` with the settings in its config."""
    # Flask-Limiter logs each breach with its key at INFO; the key is already a
    # pseudonym, but a log that can link one client's requests is still too much.
    logging.getLogger("flask-limiter").setLevel(logging.WARNING)
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS",
                          storage_options(app.config.get("RATELIMIT_STORAGE_URI") or "",
                                          app.config["RATELIMIT_REDIS_TIMEOUT"]))
    # The extension object is shared by every app in the process (tests make many) and
    # keeps a fallen-back store and storage options across init_app: start clean.
    if hasattr(limiter, "_storage_dead"):
        limiter._storage_dead = False
    if isinstance(getattr(limiter, "_storage_options", None), dict):
        limiter._storage_options.clear()
    try:
        limiter.init_app(app)
    except ConfigurationError as error:  # an unknown scheme, or redis:// without redis
        raise ConfigError(
            f"RATELIMIT_STORAGE_URI is {app.config.get('RATELIMIT_STORAGE_URI')!r}, which "
            f"cannot be used ({error}): it takes memory:// or redis://host:6379/0.") from None
    if not app.config["RATELIMIT_ENABLED"] and app.config.get("PRODUCTION"):
        log.warning("RATELIMIT_ENABLED is off in production: no rate limit applies, to "
                    "postcode lookups or staff sign-ins either")
    if app.config["RATELIMIT_ENABLED"] and \
            app.config["RATELIMIT_STORAGE_OPTIONS"] and not limiter.storage.check():
        # Not fatal: the limits hold per process until it answers (and are checked
        # against it again every few seconds).
        log.warning("The rate-limit store at RATELIMIT_STORAGE_URI does not answer: limits "
                    "count in each process's memory until it does")
    # Flask-Limiter keeps `enabled` on the shared object and only reads it when
    # enabled; set it both ways so one app's settings never leak into the next.
    limiter.enabled = app.config["RATELIMIT_ENABLED"]
