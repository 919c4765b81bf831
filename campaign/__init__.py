"""The Flask application: `create_app()` builds it, as in Flask's tutorial."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, render_template, request
from flask_babel import gettext
from flask_wtf.csrf import CSRFError, CSRFProtect

from campaign import (
    accounts,
    backups,
    clock,
    config,
    database_file,
    db,
    exports,
    languages,
    limits,
    lookup,
    posting,
    proxies,
    public,
    request_log,
    security_headers,
    session_cookies,
    site_context,
    staff,
    stances,
)
from campaign.migrations import runner as migrations_runner

PACKAGE = Path(__file__).resolve().parent
csrf = CSRFProtect()


def shipped_directory(name: str) -> Path:
    """templates/ or static/: inside the package in an installed wheel (setup.py puts
    them there), beside it in the source tree and an editable install."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


def create_app(test_config: dict | None = None,
               site_clock: clock.Clock | None = None) -> Flask:
    """Build the site. `test_config` overrides the environment (tests, benchmarks);
    `site_clock` replaces the real clock (tests move a `clock.FixedClock`)."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(shipped_directory("templates")),
        static_folder=str(shipped_directory("static")),
    )
    environ = dict(os.environ)
    if test_config is not None:
        # Tests and benchmarks build their own app: they are "test" unless they say.
        environ.setdefault("APP_ENV", test_config.get("APP_ENV", "test"))
    app.config.from_mapping(config.from_environment(app.instance_path, environ))
    if test_config:
        app.config.from_mapping(test_config)
    config.check(app.config)
    if not app.config["DEBUG"] and os.environ.get("FLASK_DEBUG", "").strip():
        # FLASK_DEBUG=off is off here, but on to Flask's own reading (only 0, false and
        # no are off to it), which `flask run` uses for its debugger: say it Flask's way.
        os.environ["FLASK_DEBUG"] = "0"
    # The database's folder, not the instance folder: an installed wheel's instance
    # folder is under the read-only prefix, and production sets DATABASE_PATH.
    database_file.prepare(app.config["DATABASE_PATH"])

    # First: the register's upkeep, built below, keeps the app's clock.
    clock.init_app(app, site_clock)
    proxies.init_app(app)
    session_cookies.init_app(app)
    languages.init_app(app)  # /cy/... is the same page in Welsh
    _refuse_malformed_referrers(app)  # before CSRFProtect's own check, which it guards
    csrf.init_app(app)
    db.init_app(app)
    migrations_runner.init_app(app)
    backups.init_app(app)
    limits.init_app(app)
    security_headers.init_app(app)
    request_log.init_app(app)
    site_context.init_app(app)
    # Each feature registers its own blueprints and commands.
    for feature in (lookup, public, staff, accounts, exports, stances, posting):
        feature.init_app(app)
    _register_error_pages(app)
    return app


def _refuse_malformed_referrers(app: Flask) -> None:
    """Over HTTPS Flask-WTF compares the Referer's host and port with the site's, and a
    malformed one ("https://host:99999/", "http://[x]/") raised there: a 500. Refuse
    it first, as the CSRF check refuses a missing one: the form's "expired" page."""

    def malformed(uri: str) -> bool:
        try:
            _ = urlsplit(uri).port  # parses the host too (brackets, IPv6)
        except ValueError:
            return True
        return False

    @app.before_request
    def refuse_malformed_referrer() -> None:
        methods = app.config.get("WTF_CSRF_METHODS") or {"POST", "PUT", "PATCH", "DELETE"}
        if request.method not in methods or not request.is_secure:
            return
        if malformed(request.referrer or "") or malformed(f"https://{request.host}/"):
            raise CSRFError("The referrer header is malformed.")


def _register_error_pages(app: Flask) -> None:
    """Every error a visitor can meet is a page with a sentence and a way on."""

    def page(status: int, heading: str, message: str, staff: bool = False):
        return render_template("error.html", heading=heading, message=message,
                               staff=staff), status

    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return page(400, gettext("This form has expired"),
                    gettext("For your security, forms time out. Please go back, reload the "
                            "page and try again; nothing has been sent."))

    @app.errorhandler(403)
    def forbidden(error):
        # role_required names the role a page needs (staff pages are in English).
        named = getattr(error, "description", "") or ""
        if not named.startswith("This page is for "):
            named = gettext("Your account doesn't have access to this page. Ask a member "
                            "of campaign staff if you need it.")
        return page(403, gettext("You can't do that"), named, staff=True)

    @app.errorhandler(404)
    def not_found(_error):
        return page(404, gettext("Page not found"), gettext("We couldn't find that page."))

    @app.errorhandler(405)
    def wrong_method(_error):
        return page(405, gettext("That didn't work"),
                    gettext("Please start again from the campaign page."))

    @app.errorhandler(413)
    def too_large(_error):
        return page(413, gettext("That was too much text"),
                    gettext("What you sent was larger than this site accepts. Please "
                            "shorten it and try again."))

    @app.errorhandler(429)
    def too_many_requests(error):
        # A limit that says it in its own page (the staff sign-in's) keeps it;
        # Flask-Limiter adds Retry-After to either response.
        if getattr(error, "response", None) is not None:
            return error.response
        return page(429, gettext("Please wait a moment"),
                    gettext("We've had a lot of requests from your connection in a short "
                            "time. Please wait a minute and try again. If you share a "
                            "connection (at school or work, say), someone else may be "
                            "writing too."))

    @app.errorhandler(500)
    def server_error(_error):
        return page(500, gettext("Sorry, something went wrong"),
                    gettext("The problem is ours, not yours. Please try again in a minute."))
