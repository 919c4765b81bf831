"""TEMPORARY: the old names staff/ still imports, until staff/ reads the register of
languages (removed in this branch once staff.editing's split is merged)."""
from campaign.campaigns.translations import TEXT_NAMES, TEXTS, gaps, in_language  # noqa: F401

WELSH_TEXTS = TEXTS
WELSH_COLUMNS = {table: tuple(name + "_cy" for name in names) for table, names in TEXTS.items()}


def welsh_column(name):
    return name + "_cy"


def welsh_gaps(db, campaign_id):
    return gaps(db, campaign_id, "cy")
