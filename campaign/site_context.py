"""What every page knows about the site itself: who runs it, whether it is the demo, and
how it writes dates."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from flask import Flask
from markupsafe import Markup

from campaign.built_once import BuiltOnce
from letters.dates import long_date, uk_time


@dataclass(frozen=True)
class Organisation:
    """The organisation that runs the site: the data controller the pages name."""

    name: str
    url: str
    email: str
    address: str

    @property
    def configured(self) -> bool:
        return bool(self.name and self.url and self.email)


def organisation(config) -> Organisation:
    """The organisation described by the ORGANISATION_* settings."""
    return Organisation(name=config.get("ORGANISATION_NAME", ""),
                        url=config.get("ORGANISATION_URL", ""),
                        email=config.get("ORGANISATION_EMAIL", ""),
                        address=config.get("ORGANISATION_ADDRESS", ""))


def remembered_fragments(maxsize: int = 256) -> Callable[..., Markup]:
    """The template global `remembered`: {% call remembered(name, *key) %}...{% endcall %}
    gives the HTML its body made the first time for that key (the name and everything
    the body depends on: the language, the site's root, the campaign's help page, the
    organisation), without making it again.

    The header and footer are the same on every page of a campaign in a language, and
    made them again on each page cost about a sixth of a page's rendering. At most
    `maxsize` keys are kept (then it starts again)."""
    kept: BuiltOnce[Markup] = BuiltOnce(maxsize)

    def remembered(*key: Hashable, caller: Callable[[], str]) -> Markup:
        return kept.get(key, lambda: Markup(caller()))

    return remembered


def init_app(app: Flask) -> None:
    """Give every template `organisation`, `demo` and `remembered`, and the date filters
    {{ day|long_date }} and {{ changed_at|uk_time }}."""
    app.add_template_filter(long_date)
    app.add_template_filter(uk_time)
    # Each app its own: tests build apps with other settings in one process.
    app.jinja_env.globals["remembered"] = remembered_fragments()
    site_organisation = organisation(app.config)

    @app.context_processor
    def site():
        return {"organisation": site_organisation, "demo": bool(app.config.get("DEMO"))}
