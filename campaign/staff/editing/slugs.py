"""A campaign's web address (slug): made from a title, checked free, and found free
for a copy."""
from __future__ import annotations

import re
import unicodedata

import sqlite_utils

from campaign.campaigns.tables import slug_taken
from campaign.staff.editing.refusals import EditError

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


MAX_SLUG_LENGTH = 80


def suggested_slug(title: str) -> str:
    """A web address made from a title: "Clean Rivers!" -> "clean-rivers",
    "Ynys Môn's rivers" -> "ynys-mons-rivers" (accents dropped, apostrophes too)."""
    ascii_title = unicodedata.normalize("NFKD", title or "").encode("ascii", "ignore").decode()
    words = re.sub(r"['’]", "", ascii_title.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", words).strip("-")
    return slug[:MAX_SLUG_LENGTH].rstrip("-")


def check_slug(db: sqlite_utils.Database, slug: str, campaign_id: int | None) -> None:
    """Raise EditError if `slug` is no web address or another campaign has it."""
    if not SLUG_PATTERN.match(slug):
        raise EditError("Use lowercase letters, digits and single hyphens only, "
                        "e.g. clean-rivers-2026.", "slug")
    if slug_taken(db, slug, besides=campaign_id):
        raise EditError("Another campaign already uses this web address.", "slug")


def copy_slug(db: sqlite_utils.Database, slug: str) -> str:
    """A free web address for a copy: "clean-rivers" -> "clean-rivers-copy", then
    "-copy-2", ... until one is free."""
    base = f"{slug}-copy"
    candidate, number = base, 1
    while slug_taken(db, candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate
