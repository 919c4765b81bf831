"""What every staff view does to save a form: run an editing function as the signed-in
member of staff, and put a refusal (editing.EditError) beside the field it names."""
from __future__ import annotations

from flask import abort
from flask_login import current_user

from campaign.db import get_db
from campaign.staff import editing


def editor() -> editing.Editor:
    """The signed-in member of staff, as the history records them."""
    return editing.Editor(id=current_user.id, email=current_user.email)


def saved(form, change, *args) -> bool:
    """Run an editing function; on EditError put its message by the field it names
    (or above the form), and answer 404 for what does not exist."""
    try:
        change(get_db(), *args, editor())
    except editing.EditError as error:
        field = form[error.field] if error.field and error.field in form else None
        if field is not None:
            field.errors = [*field.errors, error.message]
        else:
            form.form_errors.append(error.message)
        return False
    except editing.NotFound:
        abort(404)
    return True
