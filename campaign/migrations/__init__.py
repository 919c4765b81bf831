"""Numbered schema migrations. Append new ones; never edit one that has shipped.

Each migration is a function taking a sqlite_utils.Database, registered with
`@migration` in sqlite-utils' own `Migrations` set "campaign", which records what
ran in its `_sqlite_migrations` table so every database converges on the same
schema. Databases from before that kept their record in `_migrations`; `apply()`
carries it over first. Names are what the record holds: never rename one.
Conversions too long to read inline live beside them (`wording`, for m009 and m011;
`devolution`, for m015 and m016; `launch_welsh`, for m021; `launch_review`, for m026;
`launch_wording_29`, for m030).

Migrations are frozen: they import nothing of the application but campaign.db and
each other (tests/campaign/migrations/test_frozen_migrations.py). What one needs of live code or of
campaign/data is copied beside it as it was when it shipped (`wording_check`,
`rules`, `seat_names`, `launch_at_m015`, ...), so a later release never changes what
it does to an old database. `runner` runs them; it is not one of them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import sqlite_utils
from sqlite_utils.migrations import Migrations

from campaign.db import write_transaction
from campaign.migrations.history import stamped_by

MIGRATIONS = Migrations("campaign")
# `@migration` registers a function under its own name, in the order written.
migration = MIGRATIONS()
OLD_RECORD = "_migrations"


@migration
def m001_campaigns_and_asks(db: sqlite_utils.Database) -> None:
    db.table("campaigns").create(
        {
            "id": int, "slug": str, "title": str, "summary": str, "intro": str,
            "status": str, "opening": str, "closing": str, "subject": str,
            "thank_you": str, "created_at": str, "updated_at": str,
        },
        pk="id", not_null={"slug", "title", "status"},
        defaults={"status": "draft", "summary": "", "intro": "", "opening": "",
                  "closing": "", "subject": "", "thank_you": ""},
    )
    db.table("campaigns").create_index(["slug"], unique=True)
    db.table("asks").create(
        {"id": int, "campaign_id": int, "position": int, "title": str,
         "explanation": str, "paragraph": str, "enabled": int},
        pk="id", foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null={"campaign_id", "title", "paragraph"},
        defaults={"position": 0, "explanation": "", "enabled": 1},
    )
    db.table("asks").create_index(["campaign_id", "position"])


@migration
def m002_mp_register(db: sqlite_utils.Database) -> None:
    # The sitting MPs, keyed by the normalised constituency name (see lookup.name_matching),
    # because that is the only key postcodes.io and the Members API share.
    db.table("mps").create(
        {"constituency_key": str, "constituency_name": str, "member_id": int,
         "display_as": str, "full_title": str, "address_as": str, "list_as": str,
         "party": str, "gender": str, "source": str, "fetched_at": str},
        pk="constituency_key",
    )
    # Seats asked about one at a time (Location/Constituency/Search), including vacant
    # ones, so a vacancy is remembered briefly instead of asked about on every visit.
    db.table("constituency_lookups").create(
        {"constituency_key": str, "constituency_name": str, "members_api_id": int,
         "vacant": int, "fetched_at": str},
        pk="constituency_key",
    )
    db.table("register_meta").create({"key": str, "value": str}, pk="key")


@migration
def m003_participation(db: sqlite_utils.Database) -> None:
    # One row per letter, nothing about the person: the token is random, made when
    # the preview is shown, so downloading again or in the other format counts once.
    db.table("letters").create(
        {"id": int, "token": str, "campaign_id": int, "constituency_code": str,
         "constituency_name": str, "day": str, "formats": str},
        pk="id", foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null={"token", "campaign_id", "constituency_code", "day"},
    )
    db.table("letters").create_index(["token"], unique=True)
    db.table("letters").create_index(["campaign_id", "day"])
    db.table("letters").create_index(["campaign_id", "constituency_code"])
    db.table("letter_asks").create(
        {"letter_id": int, "ask_id": int},
        pk=("letter_id", "ask_id"),
        foreign_keys=[("letter_id", "letters", "id"), ("ask_id", "asks", "id")],
    )
    db.table("letter_asks").create_index(["ask_id"])


@migration
def m004_users(db: sqlite_utils.Database) -> None:
    # Staff and organisers only: citizens never have accounts.
    db.table("users").create(
        {"id": int, "email": str, "password_hash": str, "role": str, "active": int,
         "created_at": str, "last_login_at": str},
        pk="id", not_null={"email", "password_hash", "role"}, defaults={"active": 1},
    )
    db.table("users").create_index(["email"], unique=True)


@migration
def m005_campaign_history(db: sqlite_utils.Database) -> None:
    # Every change staff make to a campaign, its asks or its wording, as a JSON
    # snapshot of the thing after the change, so any version can be read or restored.
    # The e-mail is copied, not only the id, so the record reads well on its own.
    db.table("campaign_history").create(
        {"id": int, "campaign_id": int, "kind": str, "ask_id": int, "action": str,
         "snapshot": str, "user_id": int, "user_email": str, "changed_at": str},
        pk="id", foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null={"campaign_id", "kind", "action", "snapshot", "changed_at"},
    )
    db.table("campaign_history").create_index(["campaign_id", "id"])


@migration
def m006_counting_indexes(db: sqlite_utils.Database) -> None:
    # Organisers' exports count a million letters in well under a second only when
    # every count is read from an index alone. Counting asks by day would otherwise
    # look up each letter's day, one random read per ask chosen, so the day (never
    # changed once a letter is recorded) is copied onto letter_asks.
    db.table("letter_asks").add_column("day", str)
    db.execute("update letter_asks set day ="
               " (select letters.day from letters where letters.id = letter_asks.letter_id)")
    db.table("letter_asks").create_index(["ask_id", "day"], index_name="idx_letter_asks_ask_id_day")
    db.execute("drop index if exists idx_letter_asks_ask_id")
    # Per constituency over a date range: (campaign, day) narrows, code is then at hand.
    db.table("letters").create_index(["campaign_id", "day", "constituency_code"],
                               index_name="idx_letters_campaign_day_code")
    db.execute("drop index if exists idx_letters_campaign_id_day")


@migration
def m007_session_versions(db: sqlite_utils.Database) -> None:
    # A signed-in session carries its account's version; signing out, disabling the
    # account or changing its password bumps it, so an old cookie replayed is refused.
    db.table("users").add_column("session_version", int, not_null_default=0)


@migration
def m008_letter_loop(db: sqlite_utils.Database) -> None:
    # Issue 16. The parliamentary office email of each MP (empty when the Members API
    # lists none: the preview then offers the post only).
    db.table("mps").add_column("email", str, not_null_default="")
    # The citizen's reference, only as an HMAC under the secret key: the database
    # alone cannot turn a row back into the reference printed on someone's letter.
    db.table("letters").add_column("reference_hash", str)
    db.execute("create unique index idx_letters_reference_hash on letters (reference_hash)"
               " where reference_hash is not null")
    # What a citizen said happened to a letter: one row per kind per letter, no text.
    db.table("letter_reports").create(
        {"letter_id": int, "kind": str, "day": str, "reply_within": str, "reply_kind": str},
        pk=("letter_id", "kind"), foreign_keys=[("letter_id", "letters", "id")],
        not_null={"letter_id", "kind", "day"},
    )
    # Sites allowed to frame a campaign's embedded postcode box (see campaign.campaigns.embedding).
    db.table("embed_origins").create(
        {"campaign_id": int, "origin": str, "position": int},
        pk=("campaign_id", "origin"), foreign_keys=[("campaign_id", "campaigns", "id")],
    )


@migration
def m009_plain_wording(db: sqlite_utils.Database) -> None:
    # Wording stops being Jinja and becomes text with {{ placeholders }} (see
    # letters.wording); a blank line now separates phrasings, and campaigns get
    # prompts for the writer's note. See campaign.migrations.wording.
    from campaign.migrations.wording import convert_all_wording

    db.table("campaigns").add_column("prompts", str, not_null_default="")
    db.table("campaigns").add_column("wording_review", str, not_null_default="")
    convert_all_wording(db)


@migration
def m010_leases(db: sqlite_utils.Database) -> None:
    # One holder at a time for a job every worker could start (see lookup.leases):
    # the background refresh of the MP register.
    db.table("leases").create({"name": str, "holder": str, "expires_at": str}, pk="name",
                        not_null={"holder", "expires_at"})


@migration
def m011_launch_opening_for_any_number_of_asks(db: sqlite_utils.Database) -> None:
    # The launch campaign's openings spoke of several measures even above one ask; an
    # opening nobody has edited gets the shipped one (see campaign.migrations.wording).
    from campaign.migrations.wording import replace_plural_launch_opening

    replace_plural_launch_opening(db)


@migration
def m012_register_keyed_by_code(db: sqlite_utils.Database) -> None:
    # Issue 20. The register was keyed by the folded constituency name; letters and
    # exports by the GSS code. Each seat's name is matched to a code once, here, from
    # the shipped 650 (frozen in migrations.seat_names); from now on the register is read by
    # code. A seat the shipped list cannot name keeps its row with no code, so
    # nothing is lost and `mps refresh` and the staff home page still report it.
    # The list_as column, unread since the client read MPs as letters.MP, goes.
    from campaign.migrations.seat_names import shipped_code

    def _code_of(row: dict) -> str | None:
        # The name as the Members API spelled it, else the key (the seat asked about).
        return shipped_code(row["constituency_name"] or "") or \
            shipped_code(row["constituency_key"] or "")

    db.execute("""
        create table mps_by_code (
            constituency_code text, constituency_name text not null,
            member_id integer, display_as text, full_title text, address_as text,
            party text, gender text, source text, fetched_at text,
            email text not null default ''
        )""")
    rows, taken = [], set()
    for row in db.query("select * from mps order by constituency_key"):
        code = _code_of(row)
        if code in taken:
            code = None  # two rows for one seat cannot both be its row: keep, report
        taken.add(code)
        rows.append((code, row["constituency_name"] or "", row["member_id"],
                     row["display_as"], row["full_title"], row["address_as"], row["party"],
                     row["gender"], row["source"], row["fetched_at"], row["email"]))
    db.conn.executemany("""
        insert into mps_by_code (constituency_code, constituency_name, member_id,
            display_as, full_title, address_as, party, gender, source, fetched_at, email)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    db.execute("drop table mps")
    db.execute("alter table mps_by_code rename to mps")
    # Unique, not the primary key: rows with no code (NULL) may be several.
    db.execute("create unique index idx_mps_constituency_code on mps (constituency_code)")
    # The one-seat lookups are a cache (vacancies remembered for hours): a row the
    # shipped list cannot name is dropped and asked about again when next needed.
    db.execute("""
        create table constituency_lookups_by_code (
            constituency_code text primary key, constituency_name text not null,
            members_api_id integer, vacant integer, fetched_at text
        )""")
    db.conn.executemany(
        "insert or replace into constituency_lookups_by_code values (?, ?, ?, ?, ?)",
        [(code, row["constituency_name"], row["members_api_id"], row["vacant"],
          row["fetched_at"])
         for row in db.query("select * from constituency_lookups order by constituency_key")
         if (code := _code_of(row))])
    db.execute("drop table constituency_lookups")
    db.execute("alter table constituency_lookups_by_code rename to constituency_lookups")


@migration
def m013_campaign_help(db: sqlite_utils.Database) -> None:
    # Issue 24: the "Report trafficking" link, the footer's help line and the report page
    # were the site's; now each campaign has its own (a sewage campaign has none, or its
    # own). The launch campaign keeps what the site showed, from a frozen copy.
    from campaign.migrations.launch_help import LAUNCH_HELP, LAUNCH_SLUG

    for column in ("help_title", "help_footer", "help_text"):
        db.table("campaigns").add_column(column, str, not_null_default="")
    db.execute("update campaigns set help_title = ?, help_footer = ?, help_text = ?"
               " where slug = ?", [LAUNCH_HELP["help_title"], LAUNCH_HELP["help_footer"],
                                  LAUNCH_HELP["help_text"], LAUNCH_SLUG])


@migration
def m014_account_events(db: sqlite_utils.Database) -> None:
    # Issue 24: admins manage accounts from the web. Every change to an account and
    # every sign-in, with who made it (an admin's email, or "the command line"); staff
    # and organisers only, never citizens, and no addresses.
    db.table("account_events").create(
        {"id": int, "user_id": int, "user_email": str, "action": str, "actor_id": int,
         "actor_email": str, "at": str},
        pk="id", not_null={"user_id", "user_email", "action", "actor_email", "at"},
    )
    db.table("account_events").create_index(["user_id", "id"])


@migration
def m015_asks_by_nation(db: sqlite_utils.Database) -> None:
    # Issue 21. Who decides each ask in each nation (letters.devolution): a row per ask
    # and nation where a devolved body decides it or staff wrote a note; no row is
    # Westminster. The launch campaign's unchanged asks get the campaign's table
    # (campaign.migrations.devolution).
    from campaign.migrations.devolution import give_launch_asks_their_nations

    db.table("ask_nations").create(
        {"ask_id": int, "nation": str, "devolved": int, "decided_by": str,
         "mp_letter": str, "paragraph": str, "note": str},
        pk=("ask_id", "nation"), foreign_keys=[("ask_id", "asks", "id")],
        not_null={"ask_id", "nation"},
        defaults={"devolved": 0, "decided_by": "", "mp_letter": "omit", "paragraph": "",
                  "note": ""},
    )
    give_launch_asks_their_nations(db)


@migration
def m016_campaign_targets(db: sqlite_utils.Database) -> None:
    # Issue 21. Offices a campaign's writers may also write to (letters.targets): the
    # post, who holds it, the greeting, the postal address (one line per line), an
    # optional email, the nations offered it ("S,N"), its own opening, closing and
    # subject, and its own phrasings of asks as JSON {ask id: text}.
    from campaign.migrations.devolution import give_launch_campaign_its_targets

    db.table("campaign_targets").create(
        {"id": int, "campaign_id": int, "position": int, "office": str, "holder": str,
         "salutation": str, "address": str, "email": str, "nations": str, "opening": str,
         "closing": str, "subject": str, "ask_paragraphs": str},
        pk="id", foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null={"campaign_id", "office", "address"},
        defaults={"position": 0, "holder": "", "salutation": "", "email": "", "nations": "",
                  "opening": "", "closing": "", "subject": "", "ask_paragraphs": "{}"},
    )
    db.table("campaign_targets").create_index(["campaign_id", "position"])
    # A letter to another target is counted once with it; NULL is the letter to the MP.
    # Second letters are few: a partial index holding only them (with what counts read)
    # lets exports count them apart without reading the letters to MPs.
    db.table("letters").add_column("target_id", int)
    db.execute("create index idx_letters_second_letters on letters"
               " (target_id, campaign_id, day, constituency_code) where target_id is not null")
    give_launch_campaign_its_targets(db)


def apply(db: sqlite_utils.Database,
          stop_before: str | Iterable[str] | None = None,
          timestamp: Callable[[], str] | None = None) -> list[str]:
    """Run the migrations `db` has not recorded yet (those before `stop_before`, if
    given); return their names. `timestamp` gives the time a migration records in a
    campaign's history (the runner passes the site's clock's; the real one without).

    One write transaction holds the lock from reading what is pending to recording
    what ran, so workers starting together never apply a migration twice; each
    migration is a savepoint inside it.
    """
    with write_transaction(db), stamped_by(timestamp):
        _carry_over_old_record(db)
        before = {m.name for m in MIGRATIONS.applied(db)}
        MIGRATIONS.apply(db, stop_before=stop_before)
        return [m.name for m in MIGRATIONS.applied(db) if m.name not in before]


def _carry_over_old_record(db: sqlite_utils.Database) -> None:
    # The hand-written runner this replaced recorded names in `_migrations`.
    if OLD_RECORD not in db.table_names():
        return
    MIGRATIONS.ensure_migrations_table(db)
    done = {m.name for m in MIGRATIONS.applied(db)}
    db.table(MIGRATIONS.migrations_table).insert_all(
        {"migration_set": MIGRATIONS.name, "name": row["name"],
         "applied_at": row["applied_at"]}
        for row in db[OLD_RECORD].rows_where(order_by="rowid") if row["name"] not in done)
    db[OLD_RECORD].drop()


@migration
def m017_mp_posts(db: sqlite_utils.Database) -> None:
    # Issue 21: letters know an MP's government and opposition posts (one a line, from
    # the Members API with the register), and staff may write closings for ministers
    # and shadow ministers, used in place of the campaign's closing.
    for column in ("government_posts", "opposition_posts"):
        db.table("mps").add_column(column, str, not_null_default="")
    for column in ("minister_closing", "shadow_closing"):
        db.table("campaigns").add_column(column, str, not_null_default="")


@migration
def m018_mp_stances(db: sqlite_utils.Database) -> None:
    # Issue 21: staff mark each MP's stance on a campaign (supports / opposes / not
    # known), keyed by the member, so a stance follows the MP and not the seat; a
    # supporter's constituents get the campaign's "thank you, and go further" opening.
    db.table("mp_stances").create(
        {"campaign_id": int, "member_id": int, "stance": str, "updated_at": str,
         "updated_by": str},
        pk=("campaign_id", "member_id"), foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null={"campaign_id", "member_id", "stance", "updated_at"},
    )
    db.table("campaigns").add_column("supporter_opening", str, not_null_default="")


@migration
def m019_letter_language(db: sqlite_utils.Database) -> None:
    # Issues 24 and 25: organisers count letters by the language their writer used (the
    # site's pages in English, or in Welsh under /cy/). Letters before this were English.
    db.table("letters").add_column("language", str, not_null_default="en")


@migration
def m020_welsh_wording(db: sqlite_utils.Database) -> None:
    # Issue 25: a campaign's wording in Welsh beside its English, every text a writer
    # reads or sends, each in a column named for its English one with "_cy" added
    # (campaign.campaigns.welsh). Empty is "not written yet"; a campaign is offered in
    # Welsh once every Welsh text its English needs is written. The columns are listed
    # here, frozen: a text given a Welsh column later needs a migration of its own.
    columns = {
        "campaigns": ("title", "summary", "intro", "subject", "opening", "closing",
                      "minister_closing", "shadow_closing", "supporter_opening", "prompts",
                      "thank_you", "help_title", "help_footer", "help_text"),
        "asks": ("title", "paragraph", "explanation"),
        "ask_nations": ("decided_by", "paragraph", "note"),
    }
    for table, names in columns.items():
        for name in names:
            db.table(table).add_column(name + "_cy", str, not_null_default="")


@migration
def m021_launch_campaign_welsh(db: sqlite_utils.Database) -> None:
    # Issue 25: the launch campaign ships with its Welsh. A database that loaded it
    # before then gets that Welsh where its Welsh is empty and its English is as
    # shipped; what staff changed stays theirs (campaign.migrations.launch_welsh).
    from campaign.migrations.launch_welsh import give_launch_campaign_its_welsh

    give_launch_campaign_its_welsh(db)


@migration
def m022_letters_keep_what_they_said(db: sqlite_utils.Database) -> None:
    # Issue 30: a letter keeps, from the moment it is written, what it said and to whom:
    # the MP (member id and name), their post and their stance on the campaign then; and, for each
    # ask, the wording it carried (the ask's own, a nation's own, or a target's), kept
    # once per distinct text in ask_wordings. Counts and packs read these, never today's
    # rules. Letters from before keep NULL (not recorded): their stance and MP were never
    # written down, and guessing them from today's marks is the very mistake this mends.
    db.table("letters").add_column("member_id", int)
    db.table("letters").add_column("mp_name", str)
    db.table("letters").add_column("stance", str)
    db.table("letters").add_column("mp_post", str)
    db.table("ask_wordings").create(
        {"key": str, "ask_id": int, "source": str, "nation": str, "text": str},
        pk="key", not_null={"key", "ask_id", "source", "nation", "text"},
    )
    db.table("letter_asks").add_column("wording", str)
    # Asks a letter to an MP left out (decided by a devolved body, "leave it out") were
    # recorded as if asked. Undone once, here, from the rules as they stand (m015's
    # table, read in SQL: migrations are frozen): letters before m015 had no rules and
    # keep every ask; a rule changed since a letter was written cannot be known, and the
    # rule in force now is the best record there is.
    db.execute("""
        delete from letter_asks where rowid in (
            select la.rowid from letter_asks la
            join letters l on l.id = la.letter_id
            join ask_nations r on r.ask_id = la.ask_id
                              and r.nation = substr(l.constituency_code, 1, 1)
            where l.target_id is null and r.devolved = 1 and r.mp_letter = 'omit')""")


@migration
def m023_target_welsh(db: sqlite_utils.Database) -> None:
    # Issue 30: a second letter's wording in Welsh beside its English, as every other text
    # has (m020), so an office that works in Welsh (a Welsh Government minister) can be
    # written to in Welsh by writers on the Welsh pages. Empty is "not written yet"; the
    # Welsh of the target's own phrasings of asks is JSON {ask id: text}, as the English.
    for column in ("salutation_cy", "subject_cy", "opening_cy", "closing_cy"):
        db.table("campaign_targets").add_column(column, str, not_null_default="")
    db.table("campaign_targets").add_column("ask_paragraphs_cy", str, not_null_default="{}")


@migration
def m024_posted_letters(db: sqlite_utils.Database) -> None:
    # Issue 31: "Post it for me". Per campaign, what staff chose: posting on or off, the
    # budget in letters (and optionally a day), first or second class, and the secret of
    # the keyed hash that lets one writer have one letter posted (destroyed, set to "",
    # when the campaign closes, so the hashes then tie to nobody).
    db.table("posting_settings").create(
        {"campaign_id": int, "enabled": int, "budget_letters": int, "daily_letters": int,
         "post_class": str, "writer_secret": str, "updated_at": str},
        pk="campaign_id", foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null={"campaign_id"},
        defaults={"enabled": 0, "budget_letters": 0, "daily_letters": 0,
                  "post_class": "second", "writer_secret": "", "updated_at": ""},
    )
    # One row per letter posted, nothing about the person: the reference's hash (the
    # idempotency key: a reload or a double click finds the row and posts nothing more),
    # the writer's keyed hash, the constituency, the day, the status the service reports,
    # its id for the letter and the cost it reported. A row is written before the call
    # ("reserved", which counts against the budget) and removed if the call fails.
    db.table("posted_letters").create(
        {"id": int, "reference_hash": str, "campaign_id": int, "writer_hash": str,
         "constituency_code": str, "constituency_name": str, "day": str, "status": str,
         "provider": str, "provider_id": str, "cost": str, "updated_at": str},
        pk="id", foreign_keys=[("campaign_id", "campaigns", "id")],
        not_null={"reference_hash", "campaign_id", "day", "status"},
        defaults={"writer_hash": "", "provider": "", "provider_id": "", "cost": "",
                  "updated_at": "", "constituency_name": "", "constituency_code": ""},
    )
    db.table("posted_letters").create_index(["reference_hash"], unique=True)
    db.table("posted_letters").create_index(["campaign_id", "day"])
    db.table("posted_letters").create_index(["provider", "provider_id"])
    db.table("posted_letters").create_index(["campaign_id", "writer_hash"])
    # Each signed status call's digest, so a call replayed word for word is refused.
    db.table("posting_webhooks").create({"digest": str, "received_at": str}, pk="digest")
    # Closing a campaign destroys its writers' key and their hashes in the same write,
    # whichever code closes it: what is left ties to no one (the privacy page says so).
    db.execute("""
        CREATE TRIGGER posting_forget_writers AFTER UPDATE OF status ON campaigns
        WHEN NEW.status = 'closed'
        BEGIN
            UPDATE posting_settings SET writer_secret = '' WHERE campaign_id = NEW.id;
            UPDATE posted_letters SET writer_hash = '' WHERE campaign_id = NEW.id;
        END""")


@migration
def m026_launch_welsh_review(db: sqlite_utils.Database) -> None:
    # Issue 33: a review corrected the launch campaign's Welsh (and gave its English
    # help page Meic's line). A database that loaded it before gets each correction
    # where the text is still as shipped (campaign.migrations.launch_review).
    from campaign.migrations.launch_review import correct_launch_campaign

    correct_launch_campaign(db)


@migration
def m028_letters_campaign_last_id(db: sqlite_utils.Database) -> None:
    # Issue 34: the export cache keys each campaign's exports on its last letter's id;
    # this index finds it at once instead of reading every letter of the campaign.
    db.execute("create index if not exists idx_letters_campaign_id_id"
               " on letters (campaign_id, id)")


@migration
def m030_launch_wording_29(db: sqlite_utils.Database) -> None:
    # Issue 29: the launch campaign's "First," with nothing after it (one ask ticked),
    # and its Northern Ireland note that contradicted the second letter. A database
    # that loaded them gets each correction where the text is still as shipped
    # (campaign.migrations.launch_wording_29).
    from campaign.migrations.launch_wording_29 import correct_launch_wording

    correct_launch_wording(db)


#: What m031 watches (frozen here): the content the citizen's pages are built from.
#: campaign.content_version lists them again for the test that keeps the two equal.
_CONTENT_TABLES = ("campaigns", "asks", "ask_nations", "campaign_targets")


@migration
def m031_content_version(db: sqlite_utils.Database) -> None:
    # Issue 32: each worker keeps the campaigns, asks, rules, second-letter offices and
    # state of Parliament it built until this token changes (campaign.content_version),
    # instead of reading a score of rows a letter. Triggers change it on every write to
    # those rows, whoever makes it (staff in another worker, a script's SQL), in the
    # writer's own transaction; a random token, so a database restored from a backup
    # cannot come back to a token a worker kept other content under.
    db.execute("create table content_version"
               " (id integer primary key check (id = 1), token text not null)")
    db.execute("insert into content_version (id, token) values (1, lower(hex(randomblob(8))))")
    new_token = "update content_version set token = lower(hex(randomblob(8)));"
    for table in _CONTENT_TABLES:
        for event in ("insert", "update", "delete"):
            db.execute(f"create trigger content_version_{table}_{event}"
                       f" after {event} on {table} begin {new_token} end")
    # Only Parliament's rows of register_meta: the register's refresh times change often.
    for event, row in (("insert", "new"), ("update", "new"), ("delete", "old")):
        db.execute(f"create trigger content_version_parliament_{event}"
                   f" after {event} on register_meta"
                   f" when {row}.key in ('parliament', 'parliament_set_by',"
                   f" 'parliament_changed_at') begin {new_token} end")
