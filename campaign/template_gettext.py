"""Templates' `_()` and `gettext()`, looked up once per language and message.

A letter form calls `_()` about eighty times and the preview about fifty. Jinja's
"newstyle" gettext goes, for every message, through two context calls, a lookup of
the request's catalogue (a context-local), a new Markup and a `%` format: the
largest part of what a page costs beyond the HTML it writes. The catalogue never
changes while the site runs, so each language's translated message is kept, as the
same Markup Jinja would have made; one without variables is kept already formatted.
Behaviour is Jinja's own (jinja2.ext._make_new_gettext): the message is always
treated as a format string, escaped variables and all.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from babel import numbers
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from campaign.built_once import BuiltOnce


def fast_gettext(catalogue: Callable[[], Any]) -> Callable[..., str]:
    """A template `gettext` (and `_`) reading `catalogue()` (the request's translations)
    once per language and message; the page's language comes from the template's
    `language` (campaign.languages' context processor)."""
    formatted: dict[tuple[str, str], Markup] = {}
    translated: dict[tuple[str, str], Markup] = {}

    @pass_context
    def gettext(__context: Context, __string: str, **variables: Any) -> str:
        language = __context.get("language")
        if language is None or not __context.eval_ctx.autoescape:
            # A template without the page's language (a macro imported without
            # context) or without autoescaping: as Jinja does it.
            text = catalogue().ugettext(__string)
            if __context.eval_ctx.autoescape:
                text = Markup(text)
            return text % variables
        key = (language, __string)
        if not variables:
            done = formatted.get(key)
            if done is None:
                done = formatted[key] = Markup(catalogue().ugettext(__string)) % {}
            return done
        message = translated.get(key)
        if message is None:
            message = translated[key] = Markup(catalogue().ugettext(__string))
        return message % variables

    return gettext


def fast_numberformat(locale: Callable[[], Any]) -> Callable[[Any], str]:
    """Flask-Babel's `numberformat` filter (a number in the page's locale, "1,000"),
    each number formatted once per locale: a letter form shows its limits a dozen times."""
    # Counts grow as letters come in: only the most recent numbers are kept.
    done: BuiltOnce[str] = BuiltOnce(maxsize=1000)

    def numberformat(number: Any) -> str:
        where = locale()
        return done.get((str(where), number),
                        lambda: numbers.format_decimal(number, locale=where))

    return numberformat
