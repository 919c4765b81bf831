"""Editing campaigns, their asks and their wording, with a history of every change.

The staff views call these functions and nothing else touches the campaign tables
for writing. Each change and its history entry are written in one transaction, so
the history never misses a change nor records one that did not happen. A history
entry is a JSON snapshot of the thing *after* the change, with who and when.

Rules that protect citizens live here rather than in the forms, so no route can
skip them: a campaign goes live only with at least one enabled ask and valid
wording, a live campaign keeps at least one enabled ask, slugs are unique. Each is
checked inside the write transaction that makes the change (`BEGIN IMMEDIATE` holds
the write lock from the start), so two staff members changing a campaign at once
are checked one after the other: both switching off one of its last two asks leaves
one on, never none.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

import sqlite_utils

from campaign.campaigns import DEFAULT_THANK_YOU, STATUSES, THANK_YOU_PLACEHOLDERS, Status, all_asks
from campaign.campaigns.devolution import (
    RULE_WELSH,
    rules_by_ask,
    rules_snapshot,
    rules_welsh,
    save_rules,
)
from campaign.campaigns.welsh import TEXT_NAMES, WELSH_TEXTS, welsh_column, welsh_gaps
from campaign.clock import timestamp
from campaign.db import write_transaction
from campaign.staff.differences import FieldChange, changes
from letters.devolution import DEFAULT_DEVOLVED_BODY, DEVOLVED_NATIONS, MPLetter, NationRule
from letters.nations import Nation
from letters.wording import WordingError, check_wording, wording_problems

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 80


def suggested_slug(title: str) -> str:
    """A web address made from a title: "Clean Rivers!" -> "clean-rivers",
    "Ynys Môn's rivers" -> "ynys-mons-rivers" (accents dropped, apostrophes too)."""
    ascii_title = unicodedata.normalize("NFKD", title or "").encode("ascii", "ignore").decode()
    words = re.sub(r"['’]", "", ascii_title.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", words).strip("-")
    return slug[:MAX_SLUG_LENGTH].rstrip("-")

def _with_welsh(names: tuple[str, ...], table: str) -> tuple[str, ...]:
    # Each text a writer reads has its Welsh beside it (campaign.campaigns.welsh).
    return (*names, *(welsh_column(name) for name in names if name in WELSH_TEXTS[table]))


CAMPAIGN_FIELDS = _with_welsh(("title", "slug", "summary", "intro", "thank_you", "help_title",
                               "help_footer", "help_text"), "campaigns")
WORDING_FIELDS = _with_welsh(("opening", "closing", "subject", "prompts", "minister_closing",
                              "shadow_closing", "supporter_opening"), "campaigns")
ASK_TEXTS = _with_welsh(("title", "explanation", "paragraph"), "asks")
#: Optional wording used in place of the opening or closing for some MPs (issue 21).
TARGETED_WORDING = ("minister_closing", "shadow_closing", "supporter_opening")
#: Questions shown beside the writer's note, one per line.
MAX_PROMPTS, MAX_PROMPT_LENGTH = 3, 200
#: Asks a campaign can have. Each adds a paragraph the writer may edit to the letter
#: form: 250 asks made a form whose submission was larger than the site accepts
#: (MAX_CONTENT_LENGTH), and no citizen reads past a score of them anyway.
MAX_ASKS = 20

# A new campaign starts with wording that works, so staff edit rather than start blank.
DEFAULT_WORDING = {
    "opening": "I am writing to you as a constituent in {{ constituency }}. "
               "I would like you to support the following.",
    "closing": "I would be grateful for a reply setting out your view on these points "
               "and what you will do to take them forward.",
    "subject": "",
    "prompts": "",
}
BASELINE_ACTION = "as it was before the first recorded edit"
#: The prefix of an ask's per-nation fields (e.g. "scotland_devolved"), by nation.
NATION_FIELDS = {Nation.WALES: "wales", Nation.SCOTLAND: "scotland",
                 Nation.NORTHERN_IRELAND: "northern_ireland"}
MAX_BODY_LENGTH, MAX_NOTE_LENGTH = 120, 300


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


def _check_welsh_beside_english(values: dict, names: tuple[str, ...]) -> None:
    # A Welsh text alone would give Welsh readers what English readers never see.
    for name in names:
        if name.endswith("_cy") and (values.get(name) or "").strip() \
                and not (values.get(name[:-3]) or "").strip():
            raise EditError(welsh_alone(name[:-3]), name)


class EditError(ValueError):
    """A change that cannot be made. `field` names the form field to show it by, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class EditErrors(EditError):
    """Several changes that cannot be made, each by its field: every mistake at once."""

    def __init__(self, errors: list[EditError]):
        super().__init__(errors[0].message, errors[0].field)
        self.errors = errors


class NotFound(Exception):
    """The campaign, ask or history entry to change does not exist (the views answer 404).

    Its own class, not LookupError, so a KeyError from a bug is a 500, not a quiet 404."""


@dataclass(frozen=True)
class Editor:
    """Who made a change, as the history records it."""

    id: int | None  # None only for the baseline recorded on a campaign's first edit
    email: str


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change."""

    id: int
    campaign_id: int
    kind: str  # "campaign", "ask" or "wording"
    ask_id: int | None
    action: str
    snapshot: dict
    user_email: str
    changed_at: str

    @property
    def is_wording(self) -> bool:
        return self.kind == "wording"




def _record(db: sqlite_utils.Database, campaign_id: int, kind: str, action: str,
            snapshot: dict, editor: Editor, ask_id: int | None = None) -> None:
    # Called inside the caller's transaction: the change and its record stand or fall together.
    db["campaign_history"].insert({
        "campaign_id": campaign_id, "kind": kind, "ask_id": ask_id, "action": action,
        "snapshot": json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
        "user_id": editor.id, "user_email": editor.email, "changed_at": timestamp(),
    })


def record_change(db: sqlite_utils.Database, campaign_id: int, kind: str, action: str,
                  snapshot: dict, editor: Editor, ask_id: int | None = None) -> None:
    """Record a change in the campaign's history (inside the caller's transaction), for
    the other editing modules (staff.target_editing)."""
    _record(db, campaign_id, kind, action, snapshot, editor, ask_id)


def _campaign_row(db: sqlite_utils.Database, campaign_id: int) -> dict:
    rows = list(db.query("select * from campaigns where id = ?", [campaign_id]))
    if not rows:
        raise NotFound(f"no campaign {campaign_id}")
    return rows[0]


def _ask_row(db: sqlite_utils.Database, campaign_id: int, ask_id: int) -> dict:
    rows = list(db.query("select * from asks where id = ? and campaign_id = ?",
                         [ask_id, campaign_id]))
    if not rows:
        raise NotFound(f"no ask {ask_id} in campaign {campaign_id}")
    return rows[0]


def _check_slug(db: sqlite_utils.Database, slug: str, campaign_id: int | None) -> None:
    if not SLUG_PATTERN.match(slug):
        raise EditError("Use lowercase letters, digits and single hyphens only, "
                        "e.g. clean-rivers-2026.", "slug")
    taken = db["campaigns"].count_where("slug = ? and id != ?", [slug, campaign_id or -1])
    if taken:
        raise EditError("Another campaign already uses this web address.", "slug")


def _check_thank_you(values: dict) -> None:
    problems = wording_problems(values["thank_you"], placeholders=THANK_YOU_PLACEHOLDERS)
    if problems:
        raise EditError(problems[0], "thank_you")
    problems = wording_problems(values.get("thank_you_cy") or "",
                                placeholders=THANK_YOU_PLACEHOLDERS)
    if problems:
        raise EditError(f"{welsh_name('thank_you')}: {problems[0]}", "thank_you_cy")


def _check_help(values: dict) -> None:
    # A header link to an empty page, or a page nobody can reach, helps nobody.
    if bool(values["help_title"].strip()) != bool(values["help_text"].strip()):
        missing = "help_text" if values["help_title"].strip() else "help_title"
        raise EditError("Give the help page both a title and its text, or leave both empty.",
                        missing)


def _campaign_snapshot(row: dict) -> dict:
    return {name: row.get(name) or "" for name in (*CAMPAIGN_FIELDS, "status")}


def _wording_snapshot(row: dict) -> dict:
    return {name: row.get(name) or "" for name in WORDING_FIELDS}


def _ask_snapshot(row: dict, db: sqlite_utils.Database | None = None) -> dict:
    snapshot = {**{name: row.get(name) or "" for name in ASK_TEXTS},
                "enabled": bool(row["enabled"]), "position": row["position"]}
    if db is not None:  # who decides it per nation (m015), as after the change, with its Welsh
        snapshot["nations"] = rules_snapshot(rules_by_ask(db, [row["id"]]).get(row["id"], ()),
                                             rules_welsh(db, [row["id"]]).get(row["id"], {}))
    return snapshot


def create_campaign(db: sqlite_utils.Database, fields: dict, editor: Editor) -> int:
    """Make a draft campaign from `fields` (title, slug, summary, intro, thank_you)."""
    values = {name: (fields.get(name) or "") for name in CAMPAIGN_FIELDS}
    values["thank_you"] = values["thank_you"] or DEFAULT_THANK_YOU
    _refuse_all(campaign_problems(db, values, None))
    now = timestamp()
    with write_transaction(db):
        _check_slug(db, values["slug"], None)
        campaign_id = db["campaigns"].insert({
            **values, **DEFAULT_WORDING, "status": Status.DRAFT, "created_at": now,
            "updated_at": now}).last_pk
        row = _campaign_row(db, campaign_id)
        _record(db, campaign_id, "campaign", "created", _campaign_snapshot(row), editor)
        _record(db, campaign_id, "wording", "created", _wording_snapshot(row), editor)
    return campaign_id


def campaign_problems(db: sqlite_utils.Database, fields: dict,
                      campaign_id: int | None) -> list[EditError]:
    """Every refusal a campaign's details would meet (the thank-you, the help page, Welsh
    beside its English, the web address free), so a form shows them all in one round,
    beside its own checks. The web address is checked again when saving, inside the
    write lock."""
    values = {name: (fields.get(name) or "") for name in CAMPAIGN_FIELDS}
    values["thank_you"] = values["thank_you"] or DEFAULT_THANK_YOU
    problems = []
    for check in (_check_thank_you, _check_help,
                  lambda v: _check_welsh_beside_english(v, CAMPAIGN_FIELDS),
                  lambda v: _check_slug(db, v["slug"], campaign_id) if v["slug"] else None):
        try:
            check(values)
        except EditError as error:
            problems += getattr(error, "errors", [error])
    return problems


def _refuse_all(problems: list[EditError]) -> None:
    if problems:
        raise EditErrors(problems)


def update_campaign(db: sqlite_utils.Database, campaign_id: int, fields: dict,
                    editor: Editor, action: str = "edited") -> None:
    """Change a campaign's title, web address (slug), summary, intro or thank-you text."""
    values = {name: (fields.get(name) or "") for name in CAMPAIGN_FIELDS}
    _refuse_all(campaign_problems(db, values, campaign_id))
    with write_transaction(db):
        _campaign_row(db, campaign_id)
        _check_slug(db, values["slug"], campaign_id)
        db["campaigns"].update(campaign_id, {**values, "updated_at": timestamp()})
        _record(db, campaign_id, "campaign", action,
                _campaign_snapshot(_campaign_row(db, campaign_id)), editor)


def problems_going_live(db: sqlite_utils.Database, campaign_id: int) -> list[str]:
    """What stops this campaign going live, in words for staff; empty when it can."""
    row = _campaign_row(db, campaign_id)
    problems = []
    # Citizens decide whether to write from these: an empty "Why write" is no campaign.
    for name, label in (("summary", "summary"), ("intro", "introduction")):
        if not (row.get(name) or "").strip():
            problems.append(f"Write the campaign's {label}: citizens read it before they "
                            "decide to write.")
    if not db["asks"].count_where("campaign_id = ? and enabled = 1", [campaign_id]):
        problems.append("Add at least one ask and switch it on.")
    for name, label in (("opening", "opening"), ("closing", "closing request")):
        if not (row[name] or "").strip():
            problems.append(f"Write the letter's {label}.")
    try:
        check_all_wording({name: row.get(name) or "" for name in WORDING_FIELDS})
    except EditError:
        problems.append("Correct the letter wording: part of it cannot be used.")
    if row.get("wording_review"):
        problems.append("Check the letter wording: " + row["wording_review"])
    return problems


def worth_checking(db: sqlite_utils.Database, campaign_id: int) -> list[str]:
    """What a campaign made from a copy or from the defaults still has of them, named on
    the going-live checklist (it does not stop going live): the "Copy of …" title, the
    opening or closing every new campaign starts with, and Welsh left as the original's
    beside English that has changed since the copy."""
    row = _campaign_row(db, campaign_id)
    problems = []
    if (row.get("title") or "").startswith("Copy of "):
        problems.append(f"Give the campaign its own title: it is still “{row['title']}”.")
    for name, label in (("opening", "opening"), ("closing", "closing request")):
        if (row.get(name) or "").strip() == DEFAULT_WORDING[name]:
            problems.append(f"Write the letter's own {label}: it is still the one every new "
                            "campaign starts with.")
    copied = [json.loads(entry["snapshot"]) for entry in db.query(
        "select snapshot from campaign_history where campaign_id = ? and kind in"
        " ('campaign', 'wording') and action like 'created as a copy of%'", [row["id"]])]
    for snapshot in copied:
        for name, english in snapshot.items():
            welsh = welsh_column(name)
            if welsh not in snapshot or not (row.get(welsh) or "").strip():
                continue
            if (row.get(name) or "") != english and row.get(welsh) == snapshot[welsh]:
                problems.append(f"{welsh_name(name)} is still the original campaign's, "
                                "though its English has changed: write it for this one.")
    return problems


def check_all_wording(values: dict) -> None:
    """Raise EditError naming the first wording field that cannot be saved as it is
    (the English first, then the Welsh beside it, checked alike)."""
    for welsh in (False, True):
        for name in ("opening", "closing", "subject", *TARGETED_WORDING):
            field = welsh_column(name) if welsh else name
            try:
                check_wording(values.get(field) or "", several=name != "subject")
            except WordingError as error:
                raise EditError(f"{welsh_name(name)}: {error}" if welsh else str(error),
                                field) from None
        field = welsh_column("prompts") if welsh else "prompts"
        problems = prompt_problems(values.get(field) or "")
        if problems:
            raise EditError(f"{welsh_name('prompts')}: {problems[0]}" if welsh else problems[0],
                            field)
    _check_welsh_beside_english(values, WORDING_FIELDS)


def prompt_problems(text: str) -> list[str]:
    """Every mistake in the questions for writers (one per line), each a sentence."""
    prompts = [line for line in text.splitlines() if line.strip()]
    problems = []
    if len(prompts) > MAX_PROMPTS:
        problems.append(f"Give at most {MAX_PROMPTS} questions, one per line.")
    if any(len(prompt) > MAX_PROMPT_LENGTH for prompt in prompts):
        problems.append(f"Keep each question under {MAX_PROMPT_LENGTH} characters.")
    for prompt in prompts:
        problems += [problem for problem in wording_problems(prompt, several=False)
                     if problem not in problems]
    return problems


def check_ask_paragraph(text: str, field: str = "paragraph") -> None:
    """Raise EditError if an ask's phrasings (or their Welsh, `field` "paragraph_cy")
    cannot be saved as they are."""
    try:
        check_wording(text)
    except WordingError as error:
        message = f"{welsh_name('paragraph')}: {error}" if field.endswith("_cy") else str(error)
        raise EditError(message, field) from None


def welsh_line(db: sqlite_utils.Database, campaign_id: int) -> tuple[str, list[str]]:
    """Whether the campaign is offered in Welsh, as its checklist says it, and what
    Welsh is missing (campaign.campaigns.welsh). Welsh is not needed to go live."""
    gaps = welsh_gaps(db, campaign_id)
    if not gaps:
        return "Welsh: complete, offered on the Welsh pages.", []
    texts = "1 text" if len(gaps) == 1 else f"{len(gaps)} texts"
    return f"Welsh: {texts} missing, the Welsh pages show this campaign in English.", gaps


def campaign_welsh(db: sqlite_utils.Database, campaign_id: int) -> dict[str, str]:
    """The Welsh of a campaign's texts, as the staff forms' fields ("title_cy", ...)."""
    row = _campaign_row(db, campaign_id)
    return {welsh_column(name): row.get(welsh_column(name)) or ""
            for name in WELSH_TEXTS["campaigns"]}


def ask_welsh(db: sqlite_utils.Database, campaign_id: int, ask_id: int) -> dict[str, str]:
    """The Welsh of an ask's texts and of its rules per nation, as the ask form's
    fields ("title_cy", "scotland_decided_by_cy", ...)."""
    row = _ask_row(db, campaign_id, ask_id)
    fields = {name: row.get(name) or "" for name in ASK_TEXTS if name.endswith("_cy")}
    for nation, texts in rules_welsh(db, [ask_id]).get(ask_id, {}).items():
        if nation in NATION_FIELDS:
            fields.update({f"{NATION_FIELDS[nation]}_{name}": text for name, text in texts.items()})
    return fields


def set_status(db: sqlite_utils.Database, campaign_id: int, status: str,
               editor: Editor) -> None:
    """Move a campaign to draft, live or closed; raise EditError if it cannot go live."""
    if status not in STATUSES:
        raise EditError(f"Status must be one of: {', '.join(STATUSES)}.", "status")
    status = Status(status)
    with write_transaction(db):
        row = _campaign_row(db, campaign_id)
        if status == row["status"]:
            return
        if status == Status.LIVE:
            problems = problems_going_live(db, campaign_id)
            if problems:
                raise EditError("This campaign cannot go live yet. " + " ".join(problems))
        db["campaigns"].update(campaign_id, {"status": status.value, "updated_at": timestamp()})
        _record(db, campaign_id, "campaign", f"status {status}",
                _campaign_snapshot(_campaign_row(db, campaign_id)), editor)


def update_wording(db: sqlite_utils.Database, campaign_id: int, wording: dict,
                   editor: Editor, action: str = "edited") -> None:
    """Save the opening, closing and subject; raise EditError naming a field that is wrong.

    The forms check wording too; checking again here means no route can save
    wording that would break letters.
    """
    _campaign_row(db, campaign_id)
    values = {name: (wording.get(name) or "") for name in WORDING_FIELDS}
    check_all_wording(values)
    with write_transaction(db):
        row = _campaign_row(db, campaign_id)
        if row["status"] == Status.LIVE:
            for name in ("opening", "closing"):
                if not values[name].strip():
                    raise EditError("A live campaign's letter needs this.", name)
        if not db["campaign_history"].count_where(
                "campaign_id = ? and kind = 'wording'", [campaign_id]):
            # Campaigns loaded before history existed (the launch campaign): keep the
            # wording they came with, so the first edit can be undone too.
            _record(db, campaign_id, "wording", BASELINE_ACTION, _wording_snapshot(row),
                    Editor(id=None, email=""))
        # Saving checked wording settles whatever migration 9 (m009_plain_wording) asked
        # staff to review.
        db["campaigns"].update(campaign_id, {**values, "wording_review": "",
                                             "updated_at": timestamp()})
        _record(db, campaign_id, "wording", action, values, editor)


def add_ask(db: sqlite_utils.Database, campaign_id: int, fields: dict, editor: Editor) -> int:
    """Add an ask at the end of the campaign's list; return its id."""
    _campaign_row(db, campaign_id)
    values = _ask_values(fields)
    rules = nation_rules(fields)
    welsh = nation_rules_welsh(fields, rules)
    with write_transaction(db):
        if db["asks"].count_where("campaign_id = ?", [campaign_id]) >= MAX_ASKS:
            raise EditError(f"A campaign can have at most {MAX_ASKS} asks, so that the letter "
                            "form stays short enough to read and to send. Edit or switch off "
                            "one of the asks instead.", "title")
        last = db.execute("select coalesce(max(position), 0) from asks where campaign_id = ?",
                          [campaign_id]).fetchone()[0]
        ask_id = db["asks"].insert({**values, "campaign_id": campaign_id,
                                    "position": last + 1}).last_pk
        save_rules(db, ask_id, rules, welsh)
        _touch(db, campaign_id)
        _record(db, campaign_id, "ask", "added",
                _ask_snapshot(_ask_row(db, campaign_id, ask_id), db), editor, ask_id)
    return ask_id


def update_ask(db: sqlite_utils.Database, campaign_id: int, ask_id: int, fields: dict,
               editor: Editor, action: str | None = None) -> None:
    """Change an ask's title, explanation, paragraph or whether it is switched on."""
    _ask_row(db, campaign_id, ask_id)
    values = _ask_values(fields)
    rules = nation_rules(fields)
    welsh = nation_rules_welsh(fields, rules)
    with write_transaction(db):
        row = _ask_row(db, campaign_id, ask_id)
        campaign = _campaign_row(db, campaign_id)
        if campaign["status"] == Status.LIVE and row["enabled"] and not values["enabled"]:
            others = db["asks"].count_where("campaign_id = ? and enabled = 1 and id != ?",
                                            [campaign_id, ask_id])
            if not others:
                raise EditError("A live campaign needs at least one ask switched on. Switch "
                                "another on first, or close the campaign.", "enabled")
        # The history names a switch on or off: it changes what citizens can tick.
        if action is None:
            action = "edited"
            if bool(values["enabled"]) != bool(row["enabled"]):
                action = "switched on" if values["enabled"] else "switched off"
                if any(values[name] != (row[name] or "") for name in values if name != "enabled"):
                    action += " and edited"
        db["asks"].update(ask_id, values)
        save_rules(db, ask_id, rules, welsh)
        _touch(db, campaign_id)
        _record(db, campaign_id, "ask", action,
                _ask_snapshot(_ask_row(db, campaign_id, ask_id), db), editor, ask_id)


def move_ask(db: sqlite_utils.Database, campaign_id: int, ask_id: int, direction: str,
             editor: Editor) -> None:
    """Move an ask one place "up" or "down"; at either end it stays put."""
    if direction not in ("up", "down"):
        raise EditError("Move an ask up or down.")
    with write_transaction(db):
        order = [ask.id for ask in all_asks(db, campaign_id)]
        if ask_id not in order:
            raise NotFound(f"no ask {ask_id} in campaign {campaign_id}")
        index = order.index(ask_id)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(order):
            return
        order[index], order[other] = order[other], order[index]
        # Renumber all of them: positions may have gaps or ties from older data.
        for position, each in enumerate(order, start=1):
            db.execute("update asks set position = ? where id = ?", [position, each])
        _touch(db, campaign_id)
        _record(db, campaign_id, "ask", f"moved {direction}",
                _ask_snapshot(_ask_row(db, campaign_id, ask_id), db), editor, ask_id)


def history(db: sqlite_utils.Database, campaign_id: int) -> list[HistoryEntry]:
    """Every recorded change to a campaign, newest first."""
    rows = db.query("select * from campaign_history where campaign_id = ? order by id desc",
                    [campaign_id])
    return [_entry(row) for row in rows]


def wording_version(db: sqlite_utils.Database, campaign_id: int,
                    entry_id: int) -> HistoryEntry | None:
    """The recorded wording `entry_id` of a campaign, or None."""
    rows = list(db.query(
        "select * from campaign_history where id = ? and campaign_id = ? and kind = 'wording'",
        [entry_id, campaign_id]))
    return _entry(rows[0]) if rows else None


def restore_wording(db: sqlite_utils.Database, campaign_id: int, entry_id: int,
                    editor: Editor) -> None:
    """Make an earlier version of the wording current again (itself a recorded change)."""
    entry = wording_version(db, campaign_id, entry_id)
    if entry is None:
        raise NotFound(f"no wording version {entry_id} in campaign {campaign_id}")
    # A version recorded before a field existed (the questions for writers came with
    # migration 9) leaves that field as it is now, rather than emptying it.
    current = _wording_snapshot(_campaign_row(db, campaign_id))
    update_wording(db, campaign_id, {**current, **entry.snapshot}, editor,
                   action=f"restored version {entry_id}")


def what_changed(entries: list[HistoryEntry],
                 ask_titles: dict[str, str] | None = None) -> dict[int, list[FieldChange]]:
    """For each entry of a history (newest first), what it changed against the version
    before it of the same thing (the campaign's text, one ask, or the wording);
    `ask_titles` (by ask id) names the asks second letters phrase their own way."""
    found, last = {}, {}
    for entry in reversed(entries):
        key = (entry.kind, entry.ask_id, entry.snapshot.get("target_id"))
        found[entry.id] = changes(last.get(key), entry.snapshot, ask_titles)
        last[key] = entry.snapshot
    return found


def version(db: sqlite_utils.Database, campaign_id: int, entry_id: int) -> HistoryEntry | None:
    """The recorded version `entry_id` of a campaign's text, an ask or the wording, or None."""
    rows = list(db.query("select * from campaign_history where id = ? and campaign_id = ?",
                         [entry_id, campaign_id]))
    return _entry(rows[0]) if rows else None


def current_snapshot(db: sqlite_utils.Database, entry: HistoryEntry) -> dict:
    """What the thing `entry` recorded is like now, in the same shape as its snapshot."""
    if entry.kind == "ask":
        return _ask_snapshot(_ask_row(db, entry.campaign_id, entry.ask_id), db)
    row = _campaign_row(db, entry.campaign_id)
    return _wording_snapshot(row) if entry.is_wording else _campaign_snapshot(row)


# What a restore puts back: a campaign's status and an ask's place are not text, and
# change by their own buttons.
RESTORED_FIELDS = {"campaign": CAMPAIGN_FIELDS, "ask": (*ASK_TEXTS, "enabled", "nations"),
                   "wording": WORDING_FIELDS}


def restored_version(current: dict, entry: HistoryEntry) -> dict:
    """What restoring `entry` would make current, shaped as `current` (the thing's
    snapshot now): what the entry lacks, recorded before it existed (the questions,
    rules per nation, any Welsh), stays as it is now."""
    restored = {**current, **{name: entry.snapshot[name] for name in RESTORED_FIELDS[entry.kind]
                              if name in entry.snapshot}}
    if entry.kind == "ask" and "nations" in entry.snapshot:
        now = current.get("nations") or {}
        restored["nations"] = {
            code: {**{name: (now.get(code) or {}).get(name) or "" for name in RULE_WELSH},
                   **rule}
            for code, rule in entry.snapshot["nations"].items()}
    return restored


def restorable(db: sqlite_utils.Database, entry: HistoryEntry) -> bool:
    """True when restoring `entry` would change something (second letters' targets have
    their own history, and are not restored from here)."""
    if entry.kind not in RESTORED_FIELDS:
        return False
    now = current_snapshot(db, entry)
    restored = restored_version(now, entry)
    return any(restored.get(name) != now.get(name) for name in RESTORED_FIELDS[entry.kind])


def restore_version(db: sqlite_utils.Database, campaign_id: int, entry_id: int,
                    editor: Editor) -> HistoryEntry:
    """Make an earlier version of the campaign's text, an ask or the wording current
    again (itself a recorded change); return the version restored. The same checks as
    an edit apply: a web address since taken, or a live campaign's last ask switched off,
    raise EditError."""
    entry = version(db, campaign_id, entry_id)
    if entry is None:
        raise NotFound(f"no version {entry_id} in campaign {campaign_id}")
    action = f"restored version {entry_id}"
    if entry.is_wording:
        restore_wording(db, campaign_id, entry_id, editor)
    elif entry.kind == "campaign":
        update_campaign(db, campaign_id, {**current_snapshot(db, entry), **{
            name: entry.snapshot[name] for name in CAMPAIGN_FIELDS if name in entry.snapshot}},
            editor, action=action)
    else:
        current = current_snapshot(db, entry)
        restored = {**current, **entry.snapshot}
        # Who decides it per nation travels as the ask form's fields, so a restore is
        # checked as an edit is; a version from before m015 keeps today's rules, one
        # from before m020 today's Welsh of them.
        restored.update(_nation_fields(restored.get("nations") or {},
                                       current.get("nations") or {}))
        update_ask(db, campaign_id, entry.ask_id, restored, editor, action=action)
    return entry


def _entry(row: dict) -> HistoryEntry:
    return HistoryEntry(id=row["id"], campaign_id=row["campaign_id"], kind=row["kind"],
                        ask_id=row["ask_id"], action=row["action"],
                        snapshot=json.loads(row["snapshot"]),
                        user_email=row["user_email"] or "", changed_at=row["changed_at"])


def _ask_values(fields: dict) -> dict:
    check_ask_paragraph(fields.get("paragraph") or "")
    check_ask_paragraph(fields.get("paragraph_cy") or "", "paragraph_cy")
    values = {name: fields.get(name) or "" for name in ASK_TEXTS}
    _check_welsh_beside_english(values, ASK_TEXTS)
    return {**values, "enabled": int(bool(fields.get("enabled")))}


def _nation_fields(nations: dict[str, dict], now: dict[str, dict] | None = None) -> dict[str, str]:
    """A history snapshot's rules per nation (rules_snapshot) as the ask form's fields;
    Welsh the snapshot lacks (recorded before m020) is taken from `now`'s rules."""
    fields = {}
    for code, rule in nations.items():
        nation = Nation.of_code(code)
        if nation not in NATION_FIELDS:
            continue
        prefix = NATION_FIELDS[nation]
        fields[f"{prefix}_devolved"] = "devolved" if rule.get("devolved") else ""
        for name in ("decided_by", "mp_letter", "paragraph", "note"):
            fields[f"{prefix}_{name}"] = str(rule.get(name) or "")
        for name in RULE_WELSH:
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


def nation_rules_welsh(fields: dict, rules: dict[Nation, NationRule]) -> dict[Nation, dict]:
    """The Welsh of each nation's rule from the ask form's fields
    ("scotland_decided_by_cy", ...), checked as its English is (`rules`); raise
    EditError naming the field that cannot be saved."""
    welsh = {}
    for nation in DEVOLVED_NATIONS:
        prefix, rule = NATION_FIELDS[nation], rules.get(nation) or NationRule(nation)
        texts = {name: (fields.get(f"{prefix}_{name}") or "").strip() for name in RULE_WELSH}
        for name, limit in (("decided_by", MAX_BODY_LENGTH), ("note", MAX_NOTE_LENGTH)):
            if len(texts[f"{name}_cy"]) > limit:
                raise EditError(f"{welsh_name(name, nation)}: keep it under {limit} characters.",
                                f"{prefix}_{name}_cy")
        for name in ("decided_by", "paragraph", "note"):
            if texts[f"{name}_cy"] and not getattr(rule, name).strip():
                raise EditError(welsh_alone(name, nation), f"{prefix}_{name}_cy")
        if texts["paragraph_cy"]:
            try:
                check_wording(texts["paragraph_cy"])
            except WordingError as error:
                raise EditError(f"{welsh_name('paragraph', nation)}: {error}",
                                f"{prefix}_paragraph_cy") from None
        welsh[nation] = texts
    return welsh


def _touch(db: sqlite_utils.Database, campaign_id: int) -> None:
    db["campaigns"].update(campaign_id, {"updated_at": timestamp()})


def _copy_slug(db: sqlite_utils.Database, slug: str) -> str:
    # "clean-rivers" -> "clean-rivers-copy", then "-copy-2", ... until one is free.
    base = f"{slug}-copy"
    candidate, number = base, 1
    while db["campaigns"].count_where("slug = ?", [candidate]):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


# Columns of a campaign that describe what it says, not where it stands: a copy takes
# them all (whatever migrations add later, e.g. the writers' questions).
_NOT_COPIED = {"id", "slug", "title", "status", "created_at", "updated_at", "wording_review"}


def copy_campaign(db: sqlite_utils.Database, campaign_id: int, editor: Editor) -> int:
    """Start a new draft campaign from this one: its text, wording and asks, in order.

    Letters, counts, history and the sites allowed to embed it stay with the original.
    The copy is titled "Copy of …" with a free web address, for staff to change."""
    with write_transaction(db):
        row = _campaign_row(db, campaign_id)
        now = timestamp()
        copied = {name: value for name, value in row.items() if name not in _NOT_COPIED}
        new_id = db["campaigns"].insert({
            **copied, "title": f"Copy of {row['title']}", "slug": _copy_slug(db, row["slug"]),
            "status": Status.DRAFT, "wording_review": "", "created_at": now, "updated_at": now,
        }).last_pk
        new_row = _campaign_row(db, new_id)
        action = f"created as a copy of “{row['title']}”"
        _record(db, new_id, "campaign", action, _campaign_snapshot(new_row), editor)
        _record(db, new_id, "wording", action, _wording_snapshot(new_row), editor)
        asks = list(db.query("select * from asks where campaign_id = ? order by position, id",
                             [campaign_id]))
        rules = rules_by_ask(db, [ask["id"] for ask in asks])
        welsh = rules_welsh(db, [ask["id"] for ask in asks])
        new_ask_ids = {}
        for ask in asks:
            ask_values = {name: value for name, value in ask.items()
                          if name not in ("id", "campaign_id")}
            ask_id = db["asks"].insert({**ask_values, "campaign_id": new_id}).last_pk
            new_ask_ids[str(ask["id"])] = str(ask_id)
            save_rules(db, ask_id, {rule.nation: rule for rule in rules.get(ask["id"], ())},
                       welsh.get(ask["id"], {}))
            _record(db, new_id, "ask", "copied",
                    _ask_snapshot(_ask_row(db, new_id, ask_id), db), editor, ask_id)
        _copy_targets(db, campaign_id, new_id, new_ask_ids)
    return new_id


def _copy_targets(db: sqlite_utils.Database, campaign_id: int, new_id: int,
                  new_ask_ids: dict[str, str]) -> None:
    # The offices a campaign also writes to go with its copy, their own phrasings of
    # asks following the asks to their new ids.
    for target in db.query("select * from campaign_targets where campaign_id = ?"
                           " order by position, id", [campaign_id]):
        paragraphs = json.loads(target["ask_paragraphs"] or "{}")
        db["campaign_targets"].insert({
            **{name: value for name, value in target.items() if name != "id"},
            "campaign_id": new_id,
            "ask_paragraphs": json.dumps({new_ask_ids.get(key, key): text
                                          for key, text in paragraphs.items()},
                                         ensure_ascii=False)})
