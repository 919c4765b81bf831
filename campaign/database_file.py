"""DATABASE_PATH checked and, the first time, created before anything opens it."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from campaign.config import ConfigError


def prepare(path: str) -> None:
    """Make sure DATABASE_PATH can be the database: a new one is created readable by
    this user alone (it holds staff e-mails and password hashes), in a folder of its
    own made 0700; a folder, a file that is not SQLite, or a place that can't be made
    stops start-up with a sentence (ConfigError) instead of a traceback per request."""
    database = Path(path)
    said = f"DATABASE_PATH is {path}"
    if database.is_dir():
        raise ConfigError(f"{said}, which is a folder: it takes the database file's path, "
                          "such as /var/lib/mp-letters/campaign.sqlite3.")
    if database.is_file():
        # Read through SQLite, never with open(): closing any file descriptor of a file
        # drops every POSIX lock this process holds on it, so a plain open() and close()
        # beside a connection already open here (a second app in one process) would
        # take that connection's locks away and let its writes go unseen by other
        # processes. SQLite's own files share one set of locks per process.
        try:
            probe = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
            try:
                probe.execute("PRAGMA schema_version").fetchone()
            finally:
                probe.close()
        except sqlite3.DatabaseError as error:
            if "not a database" in str(error):
                raise ConfigError(f"{said}, which is not an SQLite database: point it at "
                                  "the site's database, or at a new file's path.") from None
            if not os.access(database, os.R_OK):
                raise ConfigError(f"{said}, which can't be read ({error}).") from None
        return
    if database.parent.exists() and not database.parent.is_dir():
        raise ConfigError(f"{said}, whose folder {database.parent} is a file: choose a "
                          "path in a folder.")
    try:
        database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Created empty with 0600 before SQLite opens it (SQLite would make it 0644);
        # its -wal and -shm files take the same mode.
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError as error:
        raise ConfigError(f"{said}, which can't be created there ({error.strerror}): "
                          "choose a folder this user can write to.") from None
