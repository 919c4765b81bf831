"""Postcode sources built on the local directory, with postcodes.io as the fallback.

`POSTCODE_SOURCE` chooses: `local` answers from the ONS directory only (no
postcode leaves the server), `remote` asks postcodes.io only, and `both` (the
default) answers locally and asks postcodes.io only when the directory is absent
or does not know the postcode, or knows its constituency code but not its name.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Mapping

from campaign.config import POSTCODE_SOURCES
from campaign.lookup.directory import LIVE, NONE, DirectoryFile, Entry
from campaign.lookup.errors import (
    NoWestminsterConstituency,
    PostcodeNotFound,
    PostcodeTerminated,
    UpstreamUnavailable,
)
from campaign.lookup.finder import PostcodeSource
from campaign.lookup.postcode import Constituency, Postcode

DEFAULT_FILE_NAME = "postcode-directory.bin"

log = logging.getLogger(__name__)


class DirectoryMissing(UpstreamUnavailable):
    """`POSTCODE_SOURCE=local` and no directory has been imported (or it is unreadable)."""


def directory_path(config: Mapping) -> Path:
    """Where the directory lives: POSTCODE_DIRECTORY_PATH, else beside the database."""
    configured = config.get("POSTCODE_DIRECTORY_PATH")
    if configured:
        return Path(configured)
    return Path(config["DATABASE_PATH"]).parent / DEFAULT_FILE_NAME


def answer(postcode: Postcode, entry: Entry) -> Constituency:
    """Turn a directory entry into a Constituency or the failure the citizen should see."""
    if entry.status == LIVE:
        # The register finds the MP by code; a code the shipped list and the names file
        # both lack comes without a name (the register says so if it needs one).
        return Constituency(code=entry.code or "", name=entry.name or "",
                            names=entry.names)
    if entry.status == NONE:
        raise NoWestminsterConstituency(postcode.crown_dependency)
    raise PostcodeTerminated(str(postcode), entry.year_terminated)


class LocalDirectorySource:
    """Answers from the local directory only; an unknown postcode is PostcodeNotFound."""

    def __init__(self, directory: DirectoryFile):
        self.directory = directory

    def constituency(self, postcode: Postcode) -> Constituency:
        """The constituency of `postcode` per the directory. Raises a LookupFailure."""
        directory = self.directory.current()
        if directory is None:
            log.error("POSTCODE_SOURCE=local but there is no postcode directory at %s",
                      self.directory.path)
            raise DirectoryMissing()
        entry = directory.lookup(postcode.compact)
        if entry is None:
            raise PostcodeNotFound()
        return answer(postcode, entry)


class LocalThenRemoteSource:
    """Answers from the directory, asking `remote` only what the directory can't answer."""

    def __init__(self, directory: DirectoryFile, remote: PostcodeSource):
        self.directory = directory
        self.remote = remote

    def constituency(self, postcode: Postcode) -> Constituency:
        """The constituency of `postcode`. Raises a LookupFailure."""
        directory = self.directory.current()
        entry = directory.lookup(postcode.compact) if directory is not None else None
        if entry is None or (entry.status == LIVE and not entry.name):
            return self.remote.constituency(postcode)
        return answer(postcode, entry)


def postcode_source(mode: str, directory: DirectoryFile, remote: PostcodeSource) -> PostcodeSource:
    """The source `POSTCODE_SOURCE=mode` asks for."""
    if mode == "remote":
        return remote
    if mode == "local":
        return LocalDirectorySource(directory)
    if mode == "both":
        return LocalThenRemoteSource(directory, remote)
    raise ValueError(f"POSTCODE_SOURCE must be one of {', '.join(POSTCODE_SOURCES)}, not {mode!r}")
