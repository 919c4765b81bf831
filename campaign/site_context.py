"""What every page knows about the site itself: who runs it, whether it is the demo, and
how it writes dates."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Flask

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


def init_app(app: Flask) -> None:
    """Give every template `organisation` and `demo`, and the date filters
    {{ day|long_date }} and {{ changed_at|uk_time }}."""
    app.add_template_filter(long_date)
    app.add_template_filter(uk_time)
    site_organisation = organisation(app.config)

    @app.context_processor
    def site():
        return {"organisation": site_organisation, "demo": bool(app.config.get("DEMO"))}
