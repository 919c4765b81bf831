"""What every staff view does to save a form: run an editing function as the signed-in
member of staff, and put a refusal (staff.editing.refusals.EditError) beside the field it names."""
from __future__ import annotations

from flask import abort
from flask_login import current_user

from campaign.db import get_db
from campaign.staff.editing.recording import Editor
from campaign.staff.editing.refusals import EditError, NotFound


def editor() -> Editor:
    """The signed-in member of staff, as the history records them."""
    return Editor(id=current_user.id, email=current_user.email)


def saved(form, change, *args) -> bool:
    """Run an editing function; on EditError put its message by the field it names
    (or above the form), and answer 404 for what does not exist."""
    try:
        change(get_db(), *args, editor())
    except EditError as error:
        show_errors(form, error)
        return False
    except NotFound:
        abort(404)
    return True


def show_errors(form, error: EditError) -> None:
    """Put each refusal in `error` (every one of an EditErrors) by the field it names, or
    above the form; a message the field shows already is not repeated."""
    for each in getattr(error, "errors", [error]):
        field = form[each.field] if each.field and each.field in form else None
        if field is None:
            form.form_errors.append(each.message)
        elif each.message not in field.errors:
            field.errors = [*field.errors, each.message]
