"""The privacy page's facts, read from the settings the site is running with.

The page must not promise a local postcode directory that is not loaded, or that no
postcode leaves the server when postcodes.io is asked: it says what this configuration does.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from campaign.lookup.directory import directory_info
from campaign.lookup.local_source import directory_path


@dataclass(frozen=True)
class PrivacyFacts:
    """Which services see a citizen's postcode, and where rate-limit counts live."""

    postcode_source: str  # local, remote or both
    directory: dict | None  # the loaded ONS directory's header, or None
    postcodes_io_host: str
    members_api_host: str
    rate_limits: str  # "off", "memory" or "shared"

    @property
    def asks_postcodes_io(self) -> bool:
        """Whether a postcode can be sent to postcodes.io at all."""
        return self.postcode_source != "local"

    @property
    def asks_postcodes_io_first(self) -> bool:
        """Every postcode goes to postcodes.io (no local directory answers first)."""
        return self.postcode_source == "remote" or (
            self.postcode_source == "both" and self.directory is None)


def privacy_facts(config) -> PrivacyFacts:
    """The facts for the privacy page under `config`."""
    directory = None
    if config["POSTCODE_SOURCE"] != "remote":
        directory = directory_info(directory_path(config))
    if not config.get("RATELIMIT_ENABLED", True):
        rate_limits = "off"
    elif config.get("RATELIMIT_STORAGE_URI", "memory://").startswith("memory://"):
        rate_limits = "memory"
    else:
        rate_limits = "shared"
    return PrivacyFacts(
        postcode_source=config["POSTCODE_SOURCE"], directory=directory,
        postcodes_io_host=urlsplit(config["POSTCODES_API_URL"]).hostname or "",
        members_api_host=urlsplit(config["MEMBERS_API_URL"]).hostname or "",
        rate_limits=rate_limits)
