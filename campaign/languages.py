"""The citizen's site in each language of the register (letters.languages: English,
Welsh), the language living in the address.

English pages are where they always were; the same page in another language is under
its prefix ("/cy/c/<slug>/"). A small WSGI layer moves "/cy" from the path into the
application's root (SCRIPT_NAME), so every address the site makes with url_for
(links, form actions, redirects, share links) carries it: once a writer has chosen
Cymraeg, the whole journey, its form posts and redirects stay in Welsh, and a link
they share opens in Welsh. Nothing is kept in a cookie or the session.

Strings are translated with Flask-Babel's gettext from the catalogue in
campaign/translations (README, "Translating"). The staff area is English only:
a /cy/ address there is sent to the English one.
"""
from __future__ import annotations

from datetime import date, datetime
from urllib.parse import quote

from flask import Flask, current_app, g, redirect, request
from flask_babel import Babel, format_date, get_locale, get_translations

from campaign.template_gettext import fast_gettext, fast_numberformat
from letters.languages import ENGLISH, REGISTER, language_for, translations

#: Where the WSGI layer leaves the language it took from the path.
ENVIRON_KEY = "mp_letters.language"
#: Blueprints of the citizen's site, which are offered in every language.
CITIZEN_BLUEPRINTS = {"public", "letter_font", "posting"}


class LanguageFromPath:
    """WSGI middleware: "/cy/..." is the page "/..." in Welsh, with "/cy" kept as root
    (and so for each language's prefix in the register)."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        for language in translations():
            prefix = language.prefix
            if path == prefix or path.startswith(prefix + "/"):
                environ["PATH_INFO"] = path[len(prefix):] or "/"
                environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "").rstrip("/") + prefix
                environ[ENVIRON_KEY] = language.code
                break
        return self.app(environ, start_response)


def current_language() -> str:
    """The language of this request: "cy" under /cy/ (a language's prefix), else "en"."""
    return request.environ.get(ENVIRON_KEY, ENGLISH) if request else ENGLISH


def _unprefixed_root() -> str:
    """The application's root (any mount point) without the language's prefix."""
    root = request.script_root
    prefix = language_for(current_language()).prefix
    return root[:-len(prefix)] if prefix else root


def _site_root() -> str:
    """The site's own root (scheme, host and any mount point), without the /cy prefix."""
    return request.host_url.rstrip("/") + _unprefixed_root()


def static_url(filename: str) -> str:
    """The address of a file in static/, the same from English and Welsh pages: one copy
    for the browser to cache, not a second one under /cy/static/."""
    # Built by hand rather than with url_for (a few of these on every page): the site's
    # root without /cy, then the static folder's address.
    return f"{_unprefixed_root()}{current_app.static_url_path}/{quote(filename)}"


def page_in(language: str) -> str:
    """The address of this page in `language`, for the language link and hreflang.

    A page answering a form (a POST) has no address of its own to open again: the
    link goes to the address its view named (`g.page_address`, a path under the
    site's root: the letter form's own, whose browser keeps what was typed), else to
    the campaign's page, or the home page, in that language.
    """
    root, path = _this_page()
    return root + language_for(language).prefix + path


def _this_page() -> tuple[str, str]:
    """This page's address as `page_in` builds on it: the site's root without the
    language's prefix, and the path under it (the prefix goes between the two)."""
    if request.method in ("GET", "HEAD"):
        path = request.path
        if request.query_string:
            path += "?" + request.query_string.decode("latin-1")
    elif g.get("page_address"):
        path = g.page_address
    else:
        slug = (request.view_args or {}).get("slug")
        path = f"/c/{slug}/" if slug else "/"
    return _site_root(), path


def page_date(value: date | str | None) -> str:
    """A day on a citizen's page in the page's language, "5 January 2026" or "5 Ionawr
    2026" (Babel's CLDR month names); a date or an ISO day, '' for none."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    elif not isinstance(value, date):
        value = date.fromisoformat(str(value)[:10])
    return format_date(value, "d MMMM y")


def _request_translations():
    """The request's catalogue, looked up once a request (see init_app)."""
    translations = g.get("babel_translations")
    if translations is None:
        translations = g.babel_translations = get_translations()
    return translations


def init_app(app: Flask) -> None:
    """Translate the citizen's pages into the address's language, and tell templates.

    Templates get `language` ("en"/"cy"), `html_lang`, `locale` and `other_locales`
    (Open Graph's), `other_language` with its name and address (the header's link) and
    `alternates` (hreflang links); numbers
    and days in the page's language with Flask-Babel's `numberformat` filter and
    `page_date`.
    """
    # Flask's documented way to wrap its WSGI application in middleware.
    app.wsgi_app = LanguageFromPath(app.wsgi_app)  # type: ignore[method-assign]
    app.config.setdefault("BABEL_DEFAULT_LOCALE", ENGLISH)
    Babel(app, locale_selector=current_language)
    app.add_template_filter(page_date)
    app.jinja_env.globals["static_url"] = static_url
    # Flask-Babel's template callables find the request's catalogue again for every
    # message (its context, locale and cache); a letter form has about a hundred, a
    # millisecond of CPU. The request keeps the catalogue it found the first time.
    # Added to the environment by jinja2.ext.i18n, which Flask-Babel loads.
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: _request_translations().ugettext(s),
        ngettext=lambda s, p, n: _request_translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: _request_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _request_translations().unpgettext(c, s, p, n),
    )
    # `_()` and `gettext()` keep each language's message once translated (about 80 on
    # a letter form): campaign.template_gettext.
    app.jinja_env.globals["gettext"] = app.jinja_env.globals["_"] = fast_gettext(
        _request_translations)
    app.jinja_env.filters["numberformat"] = fast_numberformat(get_locale)

    @app.before_request
    def staff_pages_are_english():
        blueprint = request.blueprint
        if current_language() != ENGLISH and blueprint and blueprint not in CITIZEN_BLUEPRINTS:
            # Relative to this host, whatever Host header came with the request.
            return redirect(page_in(ENGLISH)[len(request.host_url.rstrip("/")):])
        return None

    @app.context_processor
    def language_context():
        language = current_language()
        # The header links to the first other language (English from any other).
        other = next(code for code in REGISTER if code != language)
        # The page's address once, each language's prefix put in (page_in's, which
        # found the request's host and path again for every link).
        root, path = _this_page()
        alternates: tuple[tuple[str, str], ...] = ()
        if request.method in ("GET", "HEAD"):
            alternates = tuple((each.page_tag, root + each.prefix + path)
                               for each in REGISTER.values())
        return {"language": language, "html_lang": language_for(language).page_tag,
                "locale": language_for(language).locale,
                "other_locales": tuple(each.locale for each in REGISTER.values()
                                       if each.code != language),
                "other_language": {"code": other, "name": language_for(other).own_name,
                                   "lang": language_for(other).page_tag,
                                   "url": root + language_for(other).prefix + path},
                "alternates": alternates}
