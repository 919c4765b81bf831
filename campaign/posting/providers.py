"""Which print-and-post service the settings choose (POST_PROVIDER)."""
from __future__ import annotations

from campaign.posting.provider import Provider
from campaign.posting.stannp import Stannp


def provider_for(config) -> Provider | None:
    """The service the settings choose, or None when posting is off (a second service is
    one more line here and one more adapter beside stannp.py)."""
    if config.get("POST_PROVIDER") == "stannp":
        return Stannp.from_config(config)
    return None
