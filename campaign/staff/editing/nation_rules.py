"""Who decides an ask in each devolved nation, as the ask form's fields
("scotland_devolved", "scotland_decided_by", ... and their translations), checked before
saving."""
from __future__ import annotations

from campaign.campaigns.translations import translated_columns
from campaign.staff.editing.refusals import EditError
from campaign.staff.editing.translated import translated_name, translation_alone
from letters.devolution import DEFAULT_DEVOLVED_BODY, DEVOLVED_NATIONS, MPLetter, NationRule
from letters.languages import Language, translations
from letters.nations import Nation
from letters.wording import WordingError, check_wording

#: The prefix of an ask's per-nation fields (e.g. "scotland_devolved"), by nation.
NATION_FIELDS = {Nation.WALES: "wales", Nation.SCOTLAND: "scotland",
                 Nation.NORTHERN_IRELAND: "northern_ireland"}


MAX_BODY_LENGTH, MAX_NOTE_LENGTH = 120, 300


def nation_fields(nations: dict[str, dict], now: dict[str, dict] | None = None) -> dict[str, str]:
    """A history snapshot's rules per nation (rules_snapshot) as the ask form's fields;
    translations the snapshot lacks (recorded before m020) are taken from `now`'s rules."""
    fields = {}
    for code, rule in nations.items():
        nation = Nation.of_code(code)
        if nation not in NATION_FIELDS:
            continue
        prefix = NATION_FIELDS[nation]
        fields[f"{prefix}_devolved"] = "devolved" if rule.get("devolved") else ""
        for name in ("decided_by", "mp_letter", "paragraph", "note"):
            fields[f"{prefix}_{name}"] = str(rule.get(name) or "")
        for name in translated_columns("ask_nations"):
            value = rule[name] if name in rule else ((now or {}).get(code) or {}).get(name)
            fields[f"{prefix}_{name}"] = str(value or "")
    return fields


def nation_rules(fields: dict) -> dict[Nation, NationRule]:
    """Who decides the ask in each devolved nation, from the ask form's fields
    ("scotland_devolved", "scotland_decided_by", "scotland_mp_letter",
    "scotland_paragraph", "scotland_note", ...); raise EditError naming the field that
    cannot be saved. A nation without fields is Westminster's."""
    rules = {}
    for nation in DEVOLVED_NATIONS:
        prefix = NATION_FIELDS[nation]

        def value(name: str, prefix: str = prefix) -> str:
            return (fields.get(f"{prefix}_{name}") or "").strip()

        devolved = value("devolved") == "devolved"
        try:
            mp_letter = MPLetter(value("mp_letter") or MPLetter.OMIT)
        except ValueError:
            raise EditError("Choose whether the MP letter leaves the ask out or uses its own "
                            "phrasing.", f"{prefix}_mp_letter") from None
        rule = NationRule(nation=nation, devolved=devolved, decided_by=value("decided_by"),
                          mp_letter=mp_letter, paragraph=value("paragraph"), note=value("note"))
        if devolved and not rule.decided_by:
            # Never filled in silently: "the Senedd" may be wrong (the Welsh Government,
            # Welsh ministers), and writers read it beside the ask.
            raise EditError(f"Name who decides this in {nation.label}, as a sentence names "
                            f"it, e.g. “{DEFAULT_DEVOLVED_BODY[nation]}”.",
                            f"{prefix}_decided_by")
        if len(rule.decided_by) > MAX_BODY_LENGTH:
            raise EditError(f"Keep who decides under {MAX_BODY_LENGTH} characters.",
                            f"{prefix}_decided_by")
        if len(rule.note) > MAX_NOTE_LENGTH:
            raise EditError(f"Keep the note under {MAX_NOTE_LENGTH} characters.",
                            f"{prefix}_note")
        if devolved and mp_letter is MPLetter.OWN and not rule.paragraph:
            raise EditError(f"Write the paragraph the MP letter uses in {nation.label}, or "
                            "choose to leave the ask out there.", f"{prefix}_paragraph")
        if rule.paragraph:
            try:
                check_wording(rule.paragraph)
            except WordingError as error:
                raise EditError(str(error), f"{prefix}_paragraph") from None
        rules[nation] = rule
    return rules


def nation_rules_translated(fields: dict,
                            rules: dict[Nation, NationRule]) -> dict[Nation, dict]:
    """The translations of each nation's rule from the ask form's fields
    ("scotland_decided_by_cy", ...), checked as its English is (`rules`); raise
    EditError naming the field that cannot be saved."""
    translated = {}
    for nation in DEVOLVED_NATIONS:
        prefix, rule = NATION_FIELDS[nation], rules.get(nation) or NationRule(nation)
        texts = {name: (fields.get(f"{prefix}_{name}") or "").strip()
                 for name in translated_columns("ask_nations")}
        for language in translations():
            _check_rule_texts(texts, rule, language, prefix)
        translated[nation] = texts
    return translated


def _check_rule_texts(texts: dict[str, str], rule: NationRule, language: Language,
                      prefix: str) -> None:
    """Raise EditError for a rule's text in `language` that cannot be saved."""
    nation, column = rule.nation, language.column
    for name, limit in (("decided_by", MAX_BODY_LENGTH), ("note", MAX_NOTE_LENGTH)):
        if len(texts[column(name)]) > limit:
            raise EditError(f"{translated_name(name, language, nation)}: keep it under "
                            f"{limit} characters.", f"{prefix}_{column(name)}")
    for name in ("decided_by", "paragraph", "note"):
        if texts[column(name)] and not getattr(rule, name).strip():
            raise EditError(translation_alone(name, language, nation), f"{prefix}_{column(name)}")
    if texts[column("paragraph")]:
        try:
            check_wording(texts[column("paragraph")])
        except WordingError as error:
            raise EditError(f"{translated_name('paragraph', language, nation)}: {error}",
                            f"{prefix}_{column('paragraph')}") from None
