"""Importing ONS files into the local postcode directory: read, build, replace.

Everything is read and built in memory before the file is replaced, so an import
that fails (a damaged zip, a file that is not ONS data) leaves the directory the
site is using untouched.
"""
from __future__ import annotations

import time
from array import array
from dataclasses import dataclass
from pathlib import Path

from campaign.clock import timestamp
from campaign.lookup.constituencies import shipped as shipped_names
from campaign.lookup.directory import (
    Directory,
    DirectoryBuilder,
    DirectoryError,
    ImportStats,
    load_directory,
    write_directory,
)
from campaign.lookup.ons_files import (
    InputFile,
    Progress,
    all_constituency_names,
    find_inputs,
    postcode_rows,
    release_of,
)
from campaign.lookup.postcode import is_no_constituency

FORMAT_VERSION = 1
#: A directory's tables: codes, outward spans, inward keys, values (DirectoryBuilder.tables).
Tables = tuple[list[str], list[tuple[str, int, int]], array, array]


@dataclass(frozen=True)
class ImportPlan:
    """What an import will read, found before any reading starts (for a progress bar)."""

    postcode_files: list[InputFile]
    names_files: list[InputFile]

    @property
    def total_bytes(self) -> int:
        return sum(item.size for item in self.postcode_files)


@dataclass(frozen=True)
class ImportResult:
    """What an import did, for the summary the command prints."""

    info: dict
    stats: ImportStats | None  # None when only names were imported
    names_read: int
    unnamed: list[str]


def plan_import(paths: list[Path]) -> ImportPlan:
    """Sort what a person pointed at into postcode files and names files.

    Raises ONSFileError for anything that is neither.
    """
    items = find_inputs(paths)
    return ImportPlan([i for i in items if i.kind == "postcodes"],
                      [i for i in items if i.kind == "names"])


def run_import(plan: ImportPlan, destination: Path, progress: Progress | None = None,
               release: str | None = None) -> ImportResult:
    """Build the directory from `plan` and put it at `destination` atomically.

    Constituency names already in the old directory are kept (a GSS code names one
    constituency for ever), so names need importing only once per boundary change.
    Raises DirectoryError or ONSFileError; the old directory then stays in place.
    """
    started = time.perf_counter()
    existing = _existing(destination)
    names, translated, names_read = _read_names(plan, existing)
    now = timestamp()
    stats = None
    if plan.postcode_files:
        tables, info, stats = _built_tables(plan, progress, release, now)
    elif existing is not None:
        tables = (existing.codes, existing.spans, existing.inward, existing.values)
        info = dict(existing.info, names_imported_at=now)
        if release:
            info["release"] = release
    else:
        raise DirectoryError(
            "There is no postcode directory to add constituency names to yet: import the "
            "ONS postcode files (the whole zip brings its names file with it)."
        )
    codes, spans, inward, values = tables
    known = {**shipped_names(), **names}
    unnamed = sorted(c for c in codes if not is_no_constituency(c) and c not in known)
    info["constituencies"] = sum(1 for c in codes if not is_no_constituency(c))
    info["unnamed_constituencies"] = len(unnamed)
    info["took_seconds"] = round(time.perf_counter() - started, 2)
    write_directory(destination, info, codes, names, spans, inward, values,
                    translated_names=translated)
    return ImportResult(info=info, stats=stats, names_read=names_read, unnamed=unnamed)


def _read_names(plan: ImportPlan, existing: Directory | None
                ) -> tuple[dict[str, str], dict[str, dict[str, str]], int]:
    """The constituency names the new directory keeps, in English and by language code
    in the others (Welsh): the old one's, updated from the plan's names files; and how
    many names those files held."""
    names = dict(existing.names) if existing else {}
    # Names in other languages read before are kept, as the English are.
    translated = {language: dict(seats) for language, seats
                  in (existing.translated_names if existing else {}).items()}
    names_read = 0
    for item in plan.names_files:
        read, read_translated = all_constituency_names(item)
        names_read += len(read)
        names.update(read)
        for language, seats in read_translated.items():
            translated.setdefault(language, {}).update(seats)
    return names, translated, names_read


def _built_tables(plan: ImportPlan, progress: Progress | None, release: str | None,
                  now: str) -> tuple[Tables, dict, ImportStats]:
    """The directory's tables built from the plan's postcode files, its info (the
    release, what was counted, the sources) and the builder's counts."""
    builder = DirectoryBuilder()
    for item in plan.postcode_files:
        builder.add_rows(postcode_rows(item, progress))
    if builder.stats.live + builder.stats.terminated == 0:
        raise DirectoryError("No postcodes were found in those files; nothing was changed.")
    tables = builder.tables()
    inward = tables[2]
    stats = builder.stats
    found_release, release_date = release_of(plan.postcode_files)
    info = {
        "format": FORMAT_VERSION,
        "release": release or found_release,
        "release_date": release_date,
        "rows": stats.rows,
        "postcodes": len(inward),
        "live": stats.live,
        "terminated": stats.terminated,
        "no_constituency": stats.no_constituency,
        "invalid": stats.invalid,
        "sources": [item.label for item in plan.postcode_files],
        "imported_at": now,
    }
    return tables, info, stats


def _existing(path: Path) -> Directory | None:
    if not Path(path).exists():
        return None
    try:
        return load_directory(path)
    except DirectoryError:
        return None  # a damaged old file is about to be replaced anyway
