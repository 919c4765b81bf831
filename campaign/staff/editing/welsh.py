"""How staff editing names the Welsh beside each English text, and refuses a Welsh
text with no English beside it (campaign.campaigns.welsh holds which texts have Welsh)."""
from __future__ import annotations

from campaign.campaigns.welsh import TEXT_NAMES, WELSH_TEXTS, welsh_column
from campaign.staff.editing.refusals import EditError
from letters.nations import Nation


def with_welsh(names: tuple[str, ...], table: str) -> tuple[str, ...]:
    """The fields `names` with the Welsh of each beside it: each text a writer reads
    has its Welsh (campaign.campaigns.welsh)."""
    return (*names, *(welsh_column(name) for name in names if name in WELSH_TEXTS[table]))


def welsh_name(name: str, nation: Nation | None = None) -> str:
    """How a sentence names the Welsh of the text `name` (its English column):
    "Opening in Welsh", "Who decides it in Scotland, in Welsh"."""
    text = TEXT_NAMES.get(name, name.replace("_", " "))
    text = text[:1].upper() + text[1:]
    return f"{text} in {nation.label}, in Welsh" if nation else f"{text} in Welsh"


def welsh_alone(name: str, nation: Nation | None = None) -> str:
    """The sentence refusing a Welsh text whose English is empty."""
    return (f"{welsh_name(name, nation)}: there is no English beside it. Write the English "
            "too, or leave the Welsh empty: the Welsh pages use a text's Welsh in place "
            "of its English, never on its own.")


def check_welsh_beside_english(values: dict, names: tuple[str, ...]) -> None:
    """Raise EditError for a Welsh text of `names` with no English beside it: alone, it
    would give Welsh readers what English readers never see."""
    for name in names:
        if name.endswith("_cy") and (values.get(name) or "").strip() \
                and not (values.get(name[:-3]) or "").strip():
            raise EditError(welsh_alone(name[:-3]), name)
