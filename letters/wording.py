"""Campaign wording: short templates written by campaign staff, rendered safely.

Staff write the opening, the closing request and the subject line with a few
placeholders, e.g. ``{{ mp_address_as }}`` or ``{{ constituency }}``. They are
rendered in Jinja's SandboxedEnvironment with autoescape off (the output is plain
text, escaped later by whatever displays it) and StrictUndefined, so a misspelt
placeholder is an error staff see on save rather than a silent gap in a letter.
The sandbox stops templates reaching Python internals, files or the server.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from jinja2 import StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

#: The placeholders staff may use, with what each means (shown in the staff UI).
PLACEHOLDERS: dict[str, str] = {
    "mp_name": "The MP's name, e.g. Diane Abbott",
    "mp_full_title": "The MP's full title, e.g. Rt Hon Diane Abbott MP",
    "mp_address_as": "How the MP is addressed, e.g. Ms Abbott",
    "constituency": "The constituency, e.g. Hackney North and Stoke Newington",
    "writer_name": "The writer's name",
    "date": "Today's date, e.g. 21 November 2026",
}

# Wording is short; a cap keeps a pathological template from becoming a slow render.
MAX_TEMPLATE_LENGTH = 5000

class _WordingSandbox(SandboxedEnvironment):
    """The sandbox, also refusing arithmetic that could tie up a worker: 9**9999999,
    "a" * 10**9. Wording has no need of powers or of repeating text."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            raise SecurityError("powers are not allowed in wording")
        if operator == "*" and any(isinstance(x, (str, list, tuple)) for x in (left, right)):
            raise SecurityError("repeating text is not allowed in wording")
        return super().call_binop(context, operator, left, right)


_env = _WordingSandbox(autoescape=False, undefined=StrictUndefined)
# Wording needs placeholders, not programming: no range(), cycler, lipsum, namespace...
_env.globals.clear()


class WordingError(ValueError):
    """A piece of wording that cannot be rendered; the message is for the staff member."""


def check_wording(template: str) -> None:
    """Raise WordingError if `template` would not render with the documented placeholders."""
    render_wording(template, {name: name for name in PLACEHOLDERS})


def render_wording(template: str, values: Mapping[str, str]) -> str:
    """Render one piece of wording with `values`; raise WordingError on any mistake."""
    if len(template) > MAX_TEMPLATE_LENGTH:
        raise WordingError(f"Keep this under {MAX_TEMPLATE_LENGTH:,} characters.")
    unknown = set(values) - set(PLACEHOLDERS)
    if unknown:  # a programming error, not a staff one
        raise KeyError(f"undocumented placeholders: {sorted(unknown)}")
    try:
        return _compiled(template).render(**values).strip()
    except TemplateError as error:
        raise WordingError(_explain(error)) from None
    except Exception as error:  # the sandbox raises plain errors too (OverflowError, ...)
        raise WordingError(f"This wording cannot be used: {str(error).rstrip('.')}.") from None


@lru_cache(maxsize=512)
def _compiled(template: str):
    # Compiling is most of the cost of a letter's wording, and a campaign's wording
    # changes only when staff edit it; the cache is keyed by the text itself.
    return _env.from_string(template)


def _explain(error: TemplateError) -> str:
    message = (getattr(error, "message", None) or str(error)).rstrip(".")
    if "is undefined" in message:
        names = ", ".join("{{ %s }}" % name for name in PLACEHOLDERS)
        return f"Unknown placeholder ({message}). The placeholders you can use are: {names}."
    line = getattr(error, "lineno", None)
    where = f" on line {line}" if line else ""
    return f"This wording has a mistake{where}: {message}."
