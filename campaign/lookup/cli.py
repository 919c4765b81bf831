"""The lookup's commands: `flask --app wsgi postcodes ...` (import, query and describe the
local postcode directory) and `flask --app wsgi mps refresh` (the register of MPs)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from campaign.lookup import parliament, register, register_status
from campaign.lookup.directory import (
    LIVE,
    NONE,
    Directory,
    DirectoryError,
    directory_info,
    load_directory,
)
from campaign.lookup.directory_import import plan_import, run_import
from campaign.lookup.errors import InvalidPostcode, LookupFailure
from campaign.lookup.local_source import directory_path
from campaign.lookup.ons_files import ONSFileError
from campaign.lookup.postcode import normalise_postcode
from campaign.migrations.runner import migrated_db

postcodes = AppGroup("postcodes", help="The local postcode directory, from the ONS files.")


@postcodes.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--release", help="Name the release (default: read from the file names).")
def import_command(paths: tuple[Path, ...], release: str | None) -> None:
    """Import ONSPD or NSPL files: the zip, a Data/multi_csv folder, .csv or .csv.gz files.

    A names-and-codes CSV from the release's Documents/ folder (PCONxxCD, PCONxxNM)
    gives the constituencies their names; a whole zip brings its own. The site keeps
    using the old directory until the new one is complete.
    """
    destination = directory_path(current_app.config)
    try:
        plan = plan_import(list(paths))
        with click.progressbar(length=plan.total_bytes, label="Importing postcodes",
                               show_eta=True) as bar:
            result = run_import(plan, destination, progress=bar.update, release=release)
    except (ONSFileError, DirectoryError) as error:
        reason = str(error).rstrip(".")
        raise click.ClickException(f"{reason}. The directory in use was not changed.") from None
    for line in _summary(result.info, result.stats, result.names_read, result.unnamed):
        click.echo(line)
    click.echo(f"Directory written to {destination}")


def _summary(info: dict, stats, names_read: int, unnamed: list[str]) -> Iterator[str]:
    if stats is not None:
        yield (f"Imported {info['release']}: {stats.rows:,} rows, {stats.live:,} live "
               f"({stats.no_constituency:,} in no Westminster constituency), "
               f"{stats.terminated:,} terminated; took {info['took_seconds']:.1f} s.")
        if stats.invalid:
            yield f"Skipped {stats.invalid:,} rows whose postcode is not a valid UK postcode."
    if names_read:
        yield f"Read {names_read:,} constituency name{'' if names_read == 1 else 's'}."
    if unnamed:
        sample = ", ".join(unnamed[:3])
        yield (f"Warning: {len(unnamed):,} of {info['constituencies']:,} constituency codes "
               f"have no name (e.g. {sample}). Their postcodes go to postcodes.io "
               "(POSTCODE_SOURCE=both) or fail (local) until you import the release's "
               "\"Westminster Parliamentary Constituency names and codes\" CSV from its "
               "Documents/ folder with `postcodes import`.")
    else:
        yield f"All {info['constituencies']:,} constituencies have names."


@postcodes.command("lookup")
@click.argument("postcode_texts", metavar="POSTCODE... | -", nargs=-1, required=True)
def lookup_command(postcode_texts: tuple[str, ...]) -> None:
    """Print POSTCODE<TAB>RESULT for each postcode (or, with -, each line of stdin).

    RESULT is the constituency's GSS code, `terminated`, `none` (no Westminster
    constituency), `not-found`, or `invalid` (not a UK postcode).
    """
    directory = _load()
    if postcode_texts == ("-",):
        with click.open_file("-") as stdin:
            _print_results(directory, (line for line in stdin if line.strip()))
    else:
        _print_results(directory, postcode_texts)


def _print_results(directory: Directory, texts: Iterable[str]) -> None:
    for text in texts:
        click.echo(f"{text.strip()}\t{_result(directory, text)}")


def _result(directory: Directory, text: str) -> str:
    try:
        postcode = normalise_postcode(text)
    except InvalidPostcode:
        return "invalid"
    entry = directory.lookup(postcode.compact)
    if entry is None:
        return "not-found"
    if entry.status == LIVE:
        return entry.code or ""
    return "none" if entry.status == NONE else "terminated"


@postcodes.command("info")
def info_command() -> None:
    """Describe the directory the site is using: release, counts, when imported."""
    path = directory_path(current_app.config)
    info = directory_info(path)
    if info is None:
        raise click.ClickException(f"No postcode directory at {path}. "
                                   "Import one with `postcodes import`.")
    click.echo(f"Path\t{path}")
    for key in ("release", "release_date", "postcodes", "live", "terminated",
                "no_constituency", "constituencies", "unnamed_constituencies", "imported_at"):
        click.echo(f"{key}\t{info.get(key)}")
    check = _load().boundary_check()
    click.echo(f"boundaries\t{check.matching} of the 2024 constituencies")
    if check.warning():
        click.echo(f"Warning: {check.warning()}")


def _load() -> Directory:
    path = directory_path(current_app.config)
    try:
        return load_directory(path)
    except DirectoryError as error:
        raise click.ClickException(f"{error} Import one with `postcodes import`.") from None


mps = AppGroup("mps", help="The register of sitting MPs.")


# A held refresh prints this many of its changes, for the admin deciding whether to accept.
CHANGES_SHOWN = 20


@mps.command("refresh")
@click.option("--accept-changes", is_flag=True,
              help="Load the list even if it changes more seats than MP_REGISTER_MAX_CHANGES "
                   "(after a general election). The other checks still apply.")
def refresh_command(accept_changes: bool) -> None:
    """Load every sitting MP from the Members API into the database."""
    db = migrated_db()
    finder = current_app.extensions["mp_finder"]
    try:
        result = register.refresh(db, finder.members,
                                  max_changes=current_app.config["MP_REGISTER_MAX_CHANGES"],
                                  accept_changes=accept_changes)
    except LookupFailure as failure:
        raise click.ClickException(f"The Members API could not be read: {failure.message}") from None
    if not result.replaced:
        for change in result.changes[:CHANGES_SHOWN]:
            click.echo(f"  {change}")
        if len(result.changes) > CHANGES_SHOWN:
            click.echo(f"  ... and {len(result.changes) - CHANGES_SHOWN} more.")
        if result.dissolved:
            click.echo("Marked Parliament as dissolved: the site now says so and offers no "
                       "letter form until a refresh finds the new Parliament's MPs.")
        raise click.ClickException(
            f"Kept the register loaded at {register.refreshed_at(db) or '(never)'}: "
            f"{result.refused_because}.")
    click.echo(f"Loaded {result.loaded} sitting MPs at {register.refreshed_at(db)}.")
    for change in result.changes:
        click.echo(f"  {change}")
    if result.changes:
        click.echo(f"{len(result.changes)} seat{'s' if len(result.changes) != 1 else ''} changed.")
    unknown = register_status.seats_not_shipped(db)
    if unknown:
        seats = "1 seat is" if len(unknown) == 1 else f"{len(unknown)} seats are"
        click.echo(f"Warning: {seats} not among the shipped 2024 "
                   f"constituencies (e.g. {', '.join(unknown[:3])}): new boundaries?")
    found, failed = register.refresh_emails(db, finder.members)
    click.echo(f"Emails: {found} on record"
               + (f"; {failed} could not be fetched (those offer the post only)." if failed
                  else "."))
    if result.reopened:
        click.echo("Parliament is sitting again: letters can be written.")
    elif parliament.state(db).dissolved:
        click.echo("Parliament is still marked dissolved by staff: run `flask --app wsgi "
                   "parliament sitting` once the new Parliament meets.")


@click.command("parliament")
@with_appcontext
@click.argument("new_state", required=False, type=click.Choice(parliament.STATES))
def parliament_command(new_state: str | None) -> None:
    """Say whether Parliament is sitting or dissolved (no argument: show which)."""
    db = migrated_db()
    if new_state:
        parliament.set_state(db, new_state, parliament.BY_STAFF)
    current = parliament.state(db)
    said = f" (set by {current.set_by} at {current.changed_at})" if current.set_by else ""
    click.echo(f"Parliament is {current.state}{said}.")
    if current.dissolved:
        click.echo("The site says so and offers no letter form.")
