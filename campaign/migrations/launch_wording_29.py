"""The launch campaign's wording fixed by issue 29, frozen here for migration 30
(m030_launch_wording_29): a shipped migration never changes what it does, whatever
campaign/data/launch-campaign.json says later.

- "Stronger laws against traffickers" began its first phrasing "First," (Welsh "Yn
  gyntaf,"): with that one ask ticked, the letter said "First," and nothing followed.
  The word goes, in both languages, wherever the phrasing still begins as shipped (the
  rest of the text, whatever staff changed in it, is kept).
- "Awareness and reducing demand" in Northern Ireland: the note said "It is already law
  there" and the form then said the second letter asks for it. The note now says what
  the second letter asks (how well that law is enforced), as the letter to the Minister
  of Justice does; only where the note is still as shipped.

Each change is recorded in the campaign's history.
"""
from __future__ import annotations

import sqlite_utils

from campaign.migrations.history import record_history

LAUNCH_SLUG = "stop-trafficking-networks"
ACTION = ("wording corrected: no \"First,\" without a second point; the Northern Ireland "
          "note says what the second letter asks (migration 30)")

#: (ask title as shipped, column) -> (the start as shipped, the start corrected)
OPENINGS = {
    ("Stronger laws against traffickers", "paragraph"):
        ("First, the law and its enforcement", "The law and its enforcement"),
    ("Stronger laws against traffickers", "paragraph_cy"):
        ("Yn gyntaf, dylai'r gyfraith", "Dylai'r gyfraith"),
}

#: (ask title as shipped, nation, column) -> (as shipped, corrected)
NOTES = {
    ("Awareness and reducing demand", "N", "note"): (
        "It is already law there: paying for sex has been an offence in Northern Ireland "
        "since 2015.",
        "Paying for sex has been an offence in Northern Ireland since 2015: the second "
        "letter, to the Minister of Justice, asks how well that law is enforced."),
    ("Awareness and reducing demand", "N", "note_cy"): (
        "Mae eisoes yn gyfraith yno: mae talu am ryw wedi bod yn drosedd yng Ngogledd "
        "Iwerddon ers 2015.",
        "Mae talu am ryw wedi bod yn drosedd yng Ngogledd Iwerddon ers 2015: mae'r ail "
        "lythyr, at y Gweinidog Cyfiawnder, yn gofyn pa mor dda y caiff y gyfraith honno ei "
        "gorfodi."),
}


def correct_launch_wording(db: sqlite_utils.Database) -> None:
    """Give the launch campaign issue 29's corrections where its texts are as shipped,
    recording each changed ask in its history (inside the migration)."""
    for campaign in list(db.query("select id from campaigns where slug = ?", [LAUNCH_SLUG])):
        for ask in list(db.query("select * from asks where campaign_id = ?", [campaign["id"]])):
            changed = {}
            for (title, column), (shipped, corrected) in OPENINGS.items():
                text = ask.get(column) or ""
                if ask["title"] == title and text.startswith(shipped):
                    changed[column] = corrected + text[len(shipped):]
            if changed:
                db.table("asks").update(ask["id"], changed)
            notes = _correct_notes(db, ask)
            if changed or notes:
                snapshot = {"title": ask["title"], "explanation": ask["explanation"] or "",
                            "paragraph": changed.get("paragraph", ask["paragraph"]),
                            "enabled": bool(ask["enabled"]), "position": ask["position"],
                            **changed, **notes}
                record_history(db, campaign["id"], "ask", ACTION, snapshot, ask_id=ask["id"])


def _correct_notes(db: sqlite_utils.Database, ask: dict) -> dict[str, str]:
    """Correct `ask`'s nation notes still as shipped; what changed, keyed "note:N"."""
    changed: dict[str, str] = {}
    if "ask_nations" not in db.table_names():
        return changed
    columns = set(db["ask_nations"].columns_dict)
    for (title, nation, column), (shipped, corrected) in NOTES.items():
        if ask["title"] != title or column not in columns:
            continue
        row = db.execute(f"select {column} from ask_nations where ask_id = ? and nation = ?",
                         [ask["id"], nation]).fetchone()
        if row is not None and row[0] == shipped:
            db.execute(f"update ask_nations set {column} = ? where ask_id = ? and nation = ?",
                       [corrected, ask["id"], nation])
            changed[f"{column}:{nation}"] = corrected
    return changed
