"""Accounts from the web: admins make, disable and reset staff, organiser and admin
accounts in the staff area. Thin views over campaign.accounts.users, which writes each
change to the account's history.

/staff/accounts/                    every account: role, state, last sign-in
/staff/accounts/new                 make an account; its first password is shown once
/staff/accounts/<id>/               one account: its history, its role, disable or enable, new password
/staff/accounts/<id>/role           POST: change its role (not the last active admin's)
/staff/accounts/<id>/disable        GET: what disabling does, to confirm; POST: stop it
                                    signing in (not the last active admin)
/staff/accounts/<id>/enable         POST: let it sign in again
/staff/accounts/<id>/password       GET: what a new password does, to confirm; POST: a new
                                    password, shown once, to be passed on

A password made here is shown once, in the answer to the POST that made it (staff pages
are never cached: security_headers sends no-store), and is never stored but as a hash.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField
from wtforms.validators import AnyOf, InputRequired, Length

from campaign.accounts.sign_in import role_required
from campaign.accounts.users import (
    ROLE_DESCRIPTIONS,
    ROLES,
    Actor,
    UserError,
    account_history,
    create_user,
    disable_user,
    email_taken,
    enable_user,
    generate_password,
    get_user,
    list_users,
    set_password,
    set_role,
)
from campaign.db import get_db

bp = Blueprint("accounts", __name__, url_prefix="/staff/accounts")
admin_only = role_required("admin")


class NewAccountForm(FlaskForm):
    email = EmailField("Email address", validators=[
        InputRequired("Enter the email address the person signs in with."), Length(max=254)])
    # Radio buttons written by the template (accounts/new.html): WTForms' RadioField
    # deprecates its (value, label) choices from 3.3 on.
    role = StringField("Role", validators=[
        InputRequired("Choose what the account may do."),
        AnyOf(ROLES, message="Choose what the account may do.")])


class AccountActionForm(FlaskForm):
    """A button that changes an account: only its CSRF token."""


class RoleForm(FlaskForm):
    """The account page's role buttons."""

    role = StringField("Role", validators=[
        InputRequired("Choose what the account may do."),
        AnyOf(ROLES, message="Choose what the account may do.")])


def _actor() -> Actor:
    return Actor(id=current_user.id, email=current_user.email)


def _account_or_404(user_id: int):
    user = get_user(get_db(), user_id)
    if user is None:
        abort(404)
    return user


def _account_page(user, error: str | None = None, status: int = 200):
    return render_template("accounts/account.html", account=user, error=error,
                           history=account_history(get_db(), user.id), roles=ROLES,
                           role_descriptions=ROLE_DESCRIPTIONS,
                           action_form=AccountActionForm()), status


def _confirm_page(user, change: str):
    """The page that says what `change` ("disable", "password") will do, with its button."""
    return render_template("accounts/confirm.html", account=user, change=change,
                           action_form=AccountActionForm())


@bp.get("/")
@admin_only
def index():
    """Every account, with its role, state and last sign-in."""
    return render_template("accounts/index.html", accounts=list_users(get_db()))


@bp.route("/new", methods=["GET", "POST"])
@admin_only
def new():
    """Make an account with a random first password, shown once."""
    form = NewAccountForm()
    if form.validate_on_submit():
        password = generate_password()
        try:
            user = create_user(get_db(), form.email.data, password, form.role.data, _actor())
        except UserError as error:
            form.email.errors = [*form.email.errors, str(error)]
        else:
            return render_template("accounts/password.html", account=user, password=password,
                                   created=True)
    elif form.email.data and not form.email.errors and email_taken(get_db(), form.email.data):
        # Said with the role's mistake, in the same round, not after it is mended.
        form.email.errors = [*form.email.errors,
                             f"There is already an account for {form.email.data.strip()}."]
    return render_template("accounts/new.html", form=form, roles=ROLES,
                           role_descriptions=ROLE_DESCRIPTIONS), 422 if form.errors else 200


@bp.get("/<int:user_id>/")
@admin_only
def account(user_id: int):
    """One account: what it may do, its history, and what an admin can change."""
    return _account_page(_account_or_404(user_id))


def _change(user_id: int, change, done: str):
    user = _account_or_404(user_id)
    if not AccountActionForm().validate_on_submit():
        return _account_page(user, "The form had expired: please try again.", 400)
    try:
        change(get_db(), user.email, actor=_actor())
    except UserError as error:
        return _account_page(user, str(error), 422)
    flash(done.format(email=user.email))
    return redirect(url_for("accounts.account", user_id=user_id))


@bp.post("/<int:user_id>/role")
@admin_only
def role(user_id: int):
    """Change what the account may do; its sessions end, so it signs in with the new role."""
    user = _account_or_404(user_id)
    form = RoleForm()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            return _account_page(user, "The form had expired: please try again.", 400)
        return _account_page(user, "Choose what the account may do.", 422)
    try:
        set_role(get_db(), user.email, form.role.data, actor=_actor())
    except UserError as error:
        return _account_page(user, str(error), 422)
    flash(f"{user.email} is now {'an' if form.role.data[0] in 'aeiou' else 'a'} "
          f"{form.role.data} account: {ROLE_DESCRIPTIONS[form.role.data]}. Its sessions "
          "have ended, so it signs in again with its new role.")
    return redirect(url_for("accounts.account", user_id=user_id))


@bp.get("/<int:user_id>/disable")
@admin_only
def confirm_disable(user_id: int):
    """What disabling the account does, with the button that does it."""
    return _confirm_page(_account_or_404(user_id), "disable")


@bp.get("/<int:user_id>/password")
@admin_only
def confirm_new_password(user_id: int):
    """What a new password does, with the button that makes it."""
    return _confirm_page(_account_or_404(user_id), "password")


@bp.post("/<int:user_id>/disable")
@admin_only
def disable(user_id: int):
    """Stop the account signing in and end its sessions."""
    return _change(user_id, disable_user,
                   "{email} can no longer sign in, and its sessions have ended.")


@bp.post("/<int:user_id>/enable")
@admin_only
def enable(user_id: int):
    """Let a disabled account sign in again."""
    return _change(user_id, enable_user, "{email} can sign in again.")


@bp.post("/<int:user_id>/password")
@admin_only
def new_password(user_id: int):
    """Give the account a new random password, shown once; its sessions end."""
    user = _account_or_404(user_id)
    if not AccountActionForm().validate_on_submit():
        return _account_page(user, "The form had expired: please try again.", 400)
    password = generate_password()
    try:
        set_password(get_db(), user.email, password, actor=_actor())
    except UserError as error:
        return _account_page(user, str(error), 422)
    return render_template("accounts/password.html", account=user, password=password,
                           created=False)
