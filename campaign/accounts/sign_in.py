"""Signing staff and organisers in and out, and guarding their pages.

Flask-Login keeps the session. A session ends, whatever the cookie says, when:
- SESSION_HOURS have passed since signing in (activity does not extend it);
- its account's session version has moved on (signed out, disabled, new password);
- its account is disabled.
Flask-Login's session protection is off: it would put a hash of the address and
browser in the cookie, which a cookie's reader could reverse by trying addresses.
`role_required` guards views: anonymous visitors go to the login page, signed-in
people without the role get a 403. Admins pass every guard (they may do all staff do).
"""
from __future__ import annotations

import math
import time
from functools import wraps
from typing import TypeGuard
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import LoginManager, current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import InputRequired, Length

from campaign import clock
from campaign.accounts import device_cookie
from campaign.accounts.users import authenticate, end_sessions, get_user
from campaign.db import get_db
from campaign.limits import (
    ACCOUNT_ADDRESS_LOGIN_LIMIT,
    ACCOUNT_LOGIN_LIMIT,
    DEVICE_LOGIN_LIMIT,
    LOGIN_LIMIT,
    account_address_key,
    account_key,
    limiter,
)
from campaign.lookup import register_status

bp = Blueprint("auth", __name__, url_prefix="/staff")
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please sign in to see that page."
login_manager.session_protection = None

FAILED_LOGIN = "That email address and password don't match an active account."


@login_manager.user_loader
def load_user(user_id: str):
    """The signed-in account, or None once this session has ended (see above)."""
    signed_in_at = session.get("signed_in_at")
    lifetime = current_app.config["SESSION_HOURS"] * 3600
    if not isinstance(signed_in_at, (int, float)):
        return None
    if clock.now().timestamp() - signed_in_at > lifetime:
        return None
    user = get_user(get_db(), user_id)
    if user is None or not user.active or session.get("session_version") != user.session_version:
        return None
    return user


class LoginForm(FlaskForm):
    email = EmailField("Email address", validators=[InputRequired("Enter your email address."),
                                                    Length(max=254)])
    password = PasswordField("Password", validators=[InputRequired("Enter your password."),
                                                     Length(max=1024)])


def role_required(*roles: str):
    """Guard a view: signed in, with one of `roles`."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(*roles):
                abort(403, description=needs_role(roles, current_user.role))
            return view(*args, **kwargs)
        # A mark on the view that lets tests check every staff view is guarded; functions
        # take attributes, which mypy does not model.
        wrapped.required_roles = roles  # type: ignore[attr-defined]
        return wrapped
    return decorator


def needs_role(roles: tuple[str, ...], yours: str) -> str:
    """The 403 page's sentence: which accounts a page is for, and what this one is."""
    allowed = [*roles, *(() if "admin" in roles else ("admin",))]  # admins may do all
    named = ", ".join(allowed[:-1]) + f" or {allowed[-1]}" if len(allowed) > 1 else allowed[0]
    article = "an" if yours[:1] in "aeiou" else "a"
    return (f"This page is for {named} accounts; yours is {article} {yours} account. "
            "Ask an admin if you need it.")


def is_local_path(target: str | None) -> TypeGuard[str]:
    """True for a path on this site: no scheme, no host, no backslash (browsers read
    "/\\evil.example" as "//evil.example"), no control characters."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def _safe_next(target: str | None) -> str:
    # Only local paths: never an open redirect to another site.
    return target if is_local_path(target) else url_for("auth.home")


def _failed(response) -> bool:
    return response.status_code == 401


# What the sign-in page says when a limit stops an attempt (the login page itself, not
# the citizens' "your connection" page): which limit, and what the owner can do.
FROM_HERE = ("Too many wrong passwords have been tried from this connection. Please wait "
             "{wait} and try again.")
ACCOUNT_FROM_HERE = ("Too many wrong passwords have been tried for this account from this "
                     "connection. Please wait {wait} and try again, or ask an admin for a "
                     "new password.")
ACCOUNT_ANYWHERE = ("This account has had many wrong passwords lately, so it can't be "
                    "signed in to from a new browser for now. Sign in from a browser you "
                    "have signed in with before, or try again in {wait}.")
THIS_BROWSER = ("Too many wrong passwords have been tried from this browser. Please wait "
                "{wait} and try again, or ask an admin for a new password.")


def _wait_words(reset_at: float) -> str:
    minutes = max(1, math.ceil((reset_at - time.time()) / 60))
    return "a minute" if minutes == 1 else f"{minutes} minutes"


def _too_many(message: str):
    def on_breach(limit) -> Response:
        form = LoginForm()
        error = message.format(wait=_wait_words(limit.reset_at))
        return make_response(render_template("auth/login.html", form=form, error=error), 429)
    return on_breach


@bp.route("/login", methods=["GET", "POST"])
# Failed attempts per client address (successes never count: an office signs in all
# morning through one connection).
@limiter.limit(LOGIN_LIMIT, methods=["POST"], deduct_when=_failed,
               exempt_when=device_cookie.trusted, on_breach=_too_many(FROM_HERE))
# Failed attempts per account from one address, so a guesser locks only themselves out.
@limiter.limit(ACCOUNT_ADDRESS_LOGIN_LIMIT, methods=["POST"], key_func=account_address_key,
               deduct_when=_failed, scope="sign-in-account-address",
               exempt_when=device_cookie.trusted, on_breach=_too_many(ACCOUNT_FROM_HERE))
# Failed attempts per account, wherever they come from (looser: see limits.py). A
# browser the account signed in with before is exempt: strangers can't lock it out.
@limiter.limit(ACCOUNT_LOGIN_LIMIT, methods=["POST"], key_func=account_key,
               deduct_when=_failed, scope="sign-in-account",
               exempt_when=device_cookie.trusted, on_breach=_too_many(ACCOUNT_ANYWHERE))
# ... and held to its own failures instead.
@limiter.limit(DEVICE_LOGIN_LIMIT, methods=["POST"], key_func=device_cookie.device_key,
               deduct_when=_failed, scope="sign-in-device",
               exempt_when=device_cookie.untrusted, on_breach=_too_many(THIS_BROWSER))
def login():
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        user = authenticate(get_db(), form.email.data, form.password.data)
        if user:
            session.clear()
            login_user(user)
            # Flask-Login stores a hash of address and browser that could be reversed;
            # with session protection off nothing reads it.
            session.pop("_id", None)
            session["session_version"] = user.session_version
            session["signed_in_at"] = int(clock.now().timestamp())
            session.permanent = True
            response = redirect(_safe_next(request.args.get("next")))
            device_cookie.remember(response, form.email.data)
            return response
        error = FAILED_LOGIN
    status = 401 if error else (422 if form.errors else 200)
    return render_template("auth/login.html", form=form, error=error), status


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        end_sessions(get_db(), current_user.id)
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))


@bp.get("/")
@role_required("staff", "organiser")
def home():
    directory = current_app.extensions["postcode_directory"].current()
    return render_template(
        "auth/home.html",
        register=register_status.status(get_db(), current_app.config["MP_REGISTER_MAX_AGE"]),
        boundary_warning=directory.boundary_check().warning() if directory else None)


def init_app(app) -> None:
    """Install the login manager and the sign-in pages on `app`."""
    # Flask-Login's own context processor loads the user on every page rendered, a
    # database read for every citizen's page. A lazy proxy loads the user only on the
    # staff templates that mention current_user.
    login_manager.init_app(app, add_context_processor=False)
    app.context_processor(lambda: {"current_user": current_user})
    app.register_blueprint(bp)
