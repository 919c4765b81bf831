"""`flask --app wsgi backup DEST`: a consistent copy of the database while it is in use.

Copying the .sqlite3 file is not a backup: letters committed but still in the WAL
file are not in it, and a copy taken mid-write can be torn (a test of the production
shape lost 95 of 5,888 letters that way). SQLite's online backup API copies the
database as one read transaction sees it: every letter committed before the copy
began, none half-written, while writers carry on (in WAL mode a reader blocks nobody).

The copy is written beside its destination under a temporary name, checked, and
renamed into place, so a backup file that exists is always whole; a copy that fails
leaves nothing behind. It holds staff accounts (password hashes) and participation
records, never a citizen's name or address, and is readable by its owner only.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from campaign.db import BUSY_TIMEOUT_MS

# Timestamped names in a folder, so that `--keep` can tell old backups from others.
BACKUP_PREFIX = "campaign-"
BACKUP_SUFFIX = ".sqlite3"


class BackupError(Exception):
    """The backup could not be written; the message says why."""


@dataclass(frozen=True)
class Backup:
    """What one backup wrote."""

    path: Path
    letters: int
    size: int
    seconds: float


def backup_database(source: str | Path, destination: str | Path) -> Backup:
    """Copy the SQLite database at `source` to `destination` (a file, or a folder to
    put a timestamped file in), consistently, while others may be writing to it."""
    source, destination = Path(source), Path(destination)
    if not source.is_file():
        raise BackupError(f"There is no database at {source}.")
    if destination.is_dir():
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        destination = destination / f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
    if destination.resolve() == source.resolve():
        raise BackupError("The backup would overwrite the database itself.")
    partial = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
    started = time.monotonic()
    try:
        # Owner-only from its first byte: it holds staff accounts.
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        letters = _copy(source, partial)
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, destination)
        _sync_folder(destination.parent)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Could not write a backup to {destination}: {error}") from error
    return Backup(destination, letters, destination.stat().st_size,
                  time.monotonic() - started)


def _copy(source: Path, target: Path) -> int:
    """Back `source` up into `target` and check the copy; return its letter count."""
    reader = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
    writer = sqlite3.connect(target)
    try:
        # All pages in one step: one read transaction, so one moment's database. Done
        # in several steps, a write between steps would make SQLite start over.
        reader.backup(writer, pages=-1)
        # One self-contained file: no -wal beside it to lose when it is copied away.
        writer.execute("PRAGMA journal_mode = DELETE")
        problems = [row[0] for row in writer.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("the copy failed its check: " + "; ".join(problems))
        tables = {row[0] for row in writer.execute("select name from sqlite_master")}
        if "letters" not in tables:
            return 0
        return writer.execute("select count(*) from letters").fetchone()[0]
    finally:
        writer.close()
        reader.close()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a crash just after must not undo it)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def prune_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` timestamped backups in `folder`; return those
    deleted. Only files named as `backup_database` names them are touched."""
    ours = sorted(path for path in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}")
                  if path.is_file())
    old = ours[:-keep] if keep > 0 else []
    for path in old:
        path.unlink()
    return old


@click.command("backup")
@click.argument("destination", type=click.Path(path_type=Path))
@click.option("--keep", type=click.IntRange(min=1), default=None,
              help="When DESTINATION is a folder: keep this many backups in it, "
                   "deleting older ones.")
@with_appcontext
def backup_command(destination: Path, keep: int | None) -> None:
    """Write a consistent copy of the database to DESTINATION (a file, or a folder
    for a timestamped one), safely while the site is running."""
    try:
        made = backup_database(current_app.config["DATABASE_PATH"], destination)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up {made.letters:,} letters ({made.size / 1_000_000:.1f} MB) "
               f"to {made.path} in {made.seconds:.1f}s")
    if keep is not None:
        if not destination.is_dir():
            raise click.ClickException("--keep needs DESTINATION to be a folder.")
        for path in prune_backups(destination, keep):
            click.echo(f"Deleted the older backup {path}")


def init_app(app: Flask) -> None:
    """Register the backup command on `app`."""
    app.cli.add_command(backup_command)
