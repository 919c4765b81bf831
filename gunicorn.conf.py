"""gunicorn settings for `make serve` and `gunicorn -c gunicorn.conf.py wsgi:app`.

Every setting can be changed from the environment: HOST, PORT, WEB_CONCURRENCY
(worker processes), GUNICORN_THREADS (threads per worker) and GUNICORN_PIDFILE.

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

# Loopback by default: gunicorn must never face the internet directly (a few dozen
# slow clients would hold every thread). nginx in front buffers them: deploy/.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Letters are CPU work (templates, PDF) with short waits on the upstreams and SQLite:
# a process per core and one spare, each with a few threads to cover those waits.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = 5

# The slowest honest request waits ~5 s on an upstream; 30 s means something is stuck.
timeout = 30
graceful_timeout = 20

# Build the app once in the master and fork it: quicker starts, shared memory. So a HUP
# (new workers, same master) keeps the old code: deploy/mp-letters-reload swaps masters.
preload_app = True

# Where the master writes its pid; a master started by USR2 writes "<pidfile>.2" until
# the old one has gone (deploy/mp-letters-reload waits for it).
pidfile = os.environ.get("GUNICORN_PIDFILE") or None

# Tests and benchmarks run throwaway servers; they must not take over the control
# socket (newer gunicorns make one per user by default) of a server already running.
control_socket_disable = os.environ.get("GUNICORN_NO_CONTROL_SOCKET") == "1"

accesslog = None
# If someone turns the access log on (--access-logfile -), it still holds no IP
# address (no %(h)s), no query string (%(U)s is the path alone) and no referrer.
access_log_format = '%(m)s %(U)s %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def on_starting(server):
    """Say so when each worker will count rate limits alone."""
    from campaign.config import is_on

    limits_on = is_on(os.environ.get("RATELIMIT_ENABLED", "1"))
    storage = os.environ.get("RATELIMIT_STORAGE_URI", "") or "memory://"
    if limits_on and storage.startswith("memory://") and workers > 1:
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
