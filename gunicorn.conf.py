"""gunicorn settings for `make serve` and `gunicorn -c gunicorn.conf.py wsgi:app`.

Every setting can be changed from the environment: HOST, PORT, WEB_CONCURRENCY
(worker processes), GUNICORN_THREADS (threads per worker), GUNICORN_LOG_LEVEL,
GUNICORN_NO_CONTROL_SOCKET and GUNICORN_PIDFILE. They are read through the site's table
of settings (campaign.config.SETTINGS), so a malformed one stops gunicorn with a sentence.

Restarting without dropping a request: deploy/mp-letters-reload (USR2, then TERM to the
old master). HUP does not load new code here: with preload_app the application lives in
the master, and HUP only forks new workers from it.

Privacy: gunicorn's access log would record each client's IP address and the full
request line with its query string (which may hold a postcode), so it stays off;
the application writes its own request log without either (campaign/request_log.py).
"""
import multiprocessing
import os
import sys

from campaign.config import ConfigError, setting

try:
    # Loopback by default: gunicorn must never face the internet directly (a few dozen
    # slow clients would hold every thread). nginx in front buffers them: deploy/.
    bind = f"{setting('HOST')}:{setting('PORT', default='8000')}"
    # Letters are CPU work (templates, PDF) with short waits on the upstreams and
    # SQLite: a process per core and one spare, each with a few threads for those waits.
    workers = setting("WEB_CONCURRENCY", default=str(multiprocessing.cpu_count() + 1))
    threads = setting("GUNICORN_THREADS")
    loglevel = setting("GUNICORN_LOG_LEVEL")
    # Tests and benchmarks run throwaway servers; they must not take over the control
    # socket (newer gunicorns make one per user by default) of a server already running.
    control_socket_disable = bool(setting("GUNICORN_NO_CONTROL_SOCKET"))
    # Where the master writes its pid; a master started by USR2 writes "<pidfile>.2"
    # until the old one has gone (deploy/mp-letters-reload waits for it).
    pidfile = setting("GUNICORN_PIDFILE") or None
    rate_limits_on = setting("RATELIMIT_ENABLED")
    rate_limit_storage = setting("RATELIMIT_STORAGE_URI")
except ConfigError as error:
    sys.exit(f"Configuration error: {error}")

worker_class = "gthread"
keepalive = 5

# The slowest honest request waits ~5 s on an upstream; 30 s means something is stuck.
timeout = 30
graceful_timeout = 20

# Build the app once in the master and fork it: quicker starts, shared memory. So a HUP
# (new workers, same master) keeps the old code: deploy/mp-letters-reload swaps masters.
preload_app = True

accesslog = None
# If someone turns the access log on (--access-logfile -), it still holds no IP
# address (no %(h)s), no query string (%(U)s is the path alone) and no referrer.
access_log_format = '%(m)s %(U)s %(s)s %(B)s %(M)sms'
errorlog = "-"
# gunicorn writes a request line it cannot parse (or whose handling failed) to the error
# log, query string and client address included: this logger leaves both out.
logger_class = "campaign.gunicorn_log.PrivateLogger"


def on_starting(server):
    """Refuse to serve a database that lacks a migration (before any worker starts), and
    say so when each worker will count rate limits alone."""
    from campaign.migrations.runner import UnmigratedDatabase, check_migrated

    try:
        for app in _served_flask_apps(server):
            check_migrated(app)
    except UnmigratedDatabase as error:
        if server.pidfile is not None:
            server.pidfile.unlink()
        sys.exit(f"Database error: {error}")
    storage = rate_limit_storage
    if rate_limits_on and storage.startswith("memory://") and workers > 1:
        print(f"WARNING: RATELIMIT_STORAGE_URI is {storage}: each of the {workers} workers "
              f"counts alone, so every rate limit is {workers} times looser. Set "
              "RATELIMIT_STORAGE_URI=redis://127.0.0.1:6379/0 (see README, Production).",
              file=sys.stderr, flush=True)


def when_ready(server):
    """A master started by USR2 tells systemd it is now the service's main process, so
    that the old master's exit (deploy/mp-letters-reload) is not taken for the site's."""
    if os.environ.get("GUNICORN_PID"):  # set only in a master started by USR2
        from gunicorn import systemd

        systemd.sd_notify(f"MAINPID={os.getpid()}", server.log)


def _served_flask_apps(server) -> list:
    """The Flask apps behind what gunicorn serves, built in this master by preload_app:
    the WSGI callable itself (wsgi:app), or, when it wraps one, the apps its module made."""
    from flask import Flask

    served = server.app.wsgi()
    if isinstance(served, Flask):
        return [served]
    module = sys.modules.get(server.app.app_uri.split(":")[0])
    return [value for value in vars(module).values() if isinstance(value, Flask)] if module else []
