"""Signing staff and organisers in and out, and guarding their pages.

Flask-Login keeps the session; sessions are permanent for `SESSION_HOURS` and then
expire. `role_required` guards views: anonymous visitors go to the login page,
signed-in people without the role get a 403.
"""
from __future__ import annotations

from functools import wraps

from flask import (Blueprint, abort, current_app, redirect, render_template, request, session,
                   url_for)
from flask_login import LoginManager, current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import InputRequired, Length

from campaign.db import get_db
from campaign.limits import LOGIN_LIMIT, limiter
from campaign.lookup import register_status
from campaign.users import authenticate, get_user

bp = Blueprint("auth", __name__, url_prefix="/staff")
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please sign in to see that page."
login_manager.session_protection = "strong"

FAILED_LOGIN = "That e-mail and password don't match an active account."


@login_manager.user_loader
def load_user(user_id: str):
    return get_user(get_db(), user_id)


class LoginForm(FlaskForm):
    email = EmailField("E-mail", validators=[InputRequired("Enter your e-mail."), Length(max=254)])
    password = PasswordField("Password", validators=[InputRequired("Enter your password."),
                                                     Length(max=1024)])


def role_required(*roles: str):
    """Guard a view: signed in, with one of `roles`."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)
        wrapped.required_roles = roles  # lets tests check every staff view is guarded
        return wrapped
    return decorator


def _safe_next(target: str | None) -> str:
    # Only local paths: never an open redirect to another site.
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("auth.home")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])  # attempts, per client address
def login():
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        user = authenticate(get_db(), form.email.data, form.password.data)
        if user:
            session.clear()
            login_user(user)
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")))
        error = FAILED_LOGIN
    status = 401 if error else (422 if form.errors else 200)
    return render_template("auth/login.html", form=form, error=error), status


@bp.post("/logout")
def logout():
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
    # Flask-Login's own context processor loads the user on every page rendered, and
    # "strong" session protection then rewrites every anonymous citizen's session (and
    # sends a remember-cookie deletion). A lazy proxy loads the user only on the staff
    # templates that mention current_user.
    login_manager.init_app(app, add_context_processor=False)
    app.context_processor(lambda: {"current_user": current_user})
    app.register_blueprint(bp)
