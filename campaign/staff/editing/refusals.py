"""Refusals every edit can meet: a change that cannot be made, several at once, or a
campaign, ask or history entry that does not exist."""
from __future__ import annotations


class EditError(ValueError):
    """A change that cannot be made. `field` names the form field to show it by, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class EditErrors(EditError):
    """Several changes that cannot be made, each by its field: every mistake at once."""

    def __init__(self, errors: list[EditError]):
        super().__init__(errors[0].message, errors[0].field)
        self.errors = errors


class NotFound(Exception):
    """The campaign, ask or history entry to change does not exist (the views answer 404).

    Its own class, not LookupError, so a KeyError from a bug is a 500, not a quiet 404."""


def refuse_all(problems: list[EditError]) -> None:
    """Raise every one of `problems` at once (EditErrors), if there are any."""
    if problems:
        raise EditErrors(problems)
