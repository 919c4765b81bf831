"""How staff editing names a text's translation beside its English ("Opening in
Welsh"), and refuses a translation with no English beside it
(campaign.campaigns.translations holds which texts are translated and their columns)."""
from __future__ import annotations

from campaign.campaigns.translations import TEXT_NAMES, TEXTS
from campaign.staff.editing.refusals import EditError
from letters.languages import Language, translations
from letters.nations import Nation


def with_translations(names: tuple[str, ...], table: str) -> tuple[str, ...]:
    """The fields `names` with each one's translations after them: each text a writer
    reads has one per language beside English (campaign.campaigns.translations)."""
    return (*names, *(language.column(name) for language in translations()
                      for name in names if name in TEXTS[table]))


def translated_name(name: str, language: Language, nation: Nation | None = None) -> str:
    """How a sentence names the text `name` (its English column) in `language`:
    "Opening in Welsh", "Who decides it in Scotland, in Welsh"."""
    text = TEXT_NAMES.get(name, name.replace("_", " "))
    text = text[:1].upper() + text[1:]
    where = f" in {nation.label}," if nation else ""
    return f"{text}{where} in {language.english_name}"


def translation_alone(name: str, language: Language, nation: Nation | None = None) -> str:
    """The sentence refusing a translation of `name` whose English is empty."""
    called = language.english_name
    return (f"{translated_name(name, language, nation)}: there is no English beside it. "
            f"Write the English too, or leave the {called} empty: the {called} pages use "
            f"a text's {called} in place of its English, never on its own.")


def translation_of(column: str) -> tuple[str, Language] | None:
    """The English text a translation's `column` is of, and its language; None when
    `column` is no translation."""
    for language in translations():
        english = language.english_of(column)
        if english is not None:
            return english, language
    return None


def check_beside_english(values: dict, names: tuple[str, ...]) -> None:
    """Raise EditError for a translated text of `names` with no English beside it:
    alone, it would give its readers what English readers never see."""
    for name in names:
        translated = translation_of(name)
        if translated and (values.get(name) or "").strip() \
                and not (values.get(translated[0]) or "").strip():
            raise EditError(translation_alone(*translated), name)
