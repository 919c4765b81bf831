"""Reading the ONS postcode products (ONSPD, NSPL) as they are published.

A release comes as a zip holding `Data/<PRODUCT>_<MON>_<YEAR>_UK.csv` (every postcode
in one file), `Data/multi_csv/*.csv` (the same rows split by postcode area) and
`Documents/*names and codes*.csv` (GSS code -> name tables). People also unpack it,
or keep single files compressed, so this module accepts a zip, a folder, or single
`.csv` / `.csv.gz` files and says which of them hold postcodes and which hold
constituency names. It knows nothing of the store the rows go into.

Column names have changed between releases (`pcd` then `pcd7`, `pcon` then
`pcon24cd`, upper case in some years), so columns are found by name, never position.
"""
from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import cast

from letters.languages import ENGLISH, language_for, translations

# Preferred first: pcds is the published "AB1 2CD" form, the others pad with spaces.
POSTCODE_COLUMNS = ("pcds", "pcd", "pcd7", "pcd2", "pcd8")
# pcon24cd names the boundaries it holds, so it wins over a bare `pcon` if both appear.
CONSTITUENCY_COLUMNS = ("pcon24cd", "pcon", "pconcd")
_LATER_CONSTITUENCY = re.compile(r"^pcon(\d\d)cd$")
TERMINATION_COLUMN = "doterm"
_NAME_CODE = re.compile(r"^pcon\d*cd$")
# PCON24NM, not the names in another language (PCON24NMW: Language.ons_names).
_NAME_NAME = language_for(ENGLISH).ons_names
_RELEASE = re.compile(r"(ONSPD|NSPL)(\d\d)?_([A-Z]{3})_(\d{4})", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}

Progress = Callable[[int], None]


class ONSFileError(ValueError):
    """A file is not one of the ONS postcode products, or cannot be read as one."""


@dataclass(frozen=True)
class Columns:
    """Positions of the columns an import needs, found from a file's header."""

    postcode: int
    constituency: int
    terminated: int | None


@dataclass(frozen=True)
class InputFile:
    """One CSV to read: a file on disk (maybe gzipped) or a member of a zip."""

    path: Path
    member: str | None = None  # the name inside the zip at `path`
    kind: str = "postcodes"  # or "names"

    @property
    def label(self) -> str:
        return f"{self.path.name}:{self.member}" if self.member else self.path.name

    @property
    def size(self) -> int:
        """Bytes progress is counted in: on disk, or uncompressed for a zip member."""
        if self.member is None:
            return self.path.stat().st_size
        with zipfile.ZipFile(self.path) as archive:
            return archive.getinfo(self.member).file_size

    def open(self, progress: Progress | None = None) -> io.BufferedReader[_Counting] | gzip.GzipFile:
        """The file's bytes (gunzipped), reporting bytes read to `progress`."""
        if self.member is not None:
            archive = zipfile.ZipFile(self.path)
            # A ZipExtFile, an io.BufferedIOBase (typeshed says only IO[bytes]).
            raw = _Closing(cast(io.BufferedIOBase, archive.open(self.member)), archive)
            return io.BufferedReader(_Counting(raw, progress), 1 << 20)
        counted = io.BufferedReader(_Counting(open(self.path, "rb"), progress), 1 << 20)
        if self.path.name.lower().endswith(".gz"):
            return gzip.GzipFile(fileobj=counted, mode="rb")
        return counted


class _Counting(io.RawIOBase):
    """Report how many bytes pass, so a progress bar can follow a long read."""

    def __init__(self, inner: io.RawIOBase | io.BufferedIOBase, progress: Progress | None):
        self._inner = inner
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._inner.readinto(buffer)
        if count and self._progress:
            self._progress(count)
        return count

    def close(self) -> None:
        self._inner.close()
        super().close()


class _Closing(io.RawIOBase):
    """A zip member that closes its archive with it."""

    def __init__(self, member: io.BufferedIOBase, archive: zipfile.ZipFile):
        self._member = member
        self._archive = archive

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return self._member.readinto(buffer)

    def close(self) -> None:
        self._member.close()
        self._archive.close()
        super().close()


def find_inputs(paths: list[Path]) -> list[InputFile]:
    """The CSVs to import from what a person pointed at, each marked postcodes or names.

    A zip or an unpacked release contributes its `Data/` postcode files (the whole-UK
    file if present, else `multi_csv/`, never both: they hold the same rows) and its
    Westminster constituency names table from `Documents/`.
    Raises ONSFileError for a path that holds nothing importable.
    """
    found: list[InputFile] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise ONSFileError(f"{path}: no such file or folder")
        if path.is_dir():
            members = [p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()]
            candidates = [InputFile(path / m) for m in _choose_release_files(members)]
        elif zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [i.filename for i in archive.infolist() if not i.is_dir()]
            candidates = [InputFile(path, member=m) for m in _choose_release_files(members)]
        else:
            found.append(_classified(InputFile(path)))
            continue
        # Inside a release, a CSV that is neither kind is another product's table: skip it.
        inside = [c for c in (_kind_of(c) for c in candidates) if c]
        if not inside:
            raise ONSFileError(f"{path}: no ONS postcode or constituency-name CSV files found")
        found.extend(inside)
    return found


def _is_csv(name: str) -> bool:
    return name.lower().endswith((".csv", ".csv.gz"))


def _choose_release_files(members: list[str]) -> list[str]:
    """Pick the postcode files and constituency names file out of a release's files."""
    csvs = sorted(m for m in members if _is_csv(m))
    names = [m for m in csvs if _looks_like_names_file(PurePosixPath(m).name)]
    data = [m for m in csvs if m not in names and "names and codes" not in m.lower()
            and "documents" not in m.lower().split("/")[:-1]]
    whole = [m for m in data if "multi_csv" not in m.lower()]
    split = [m for m in data if "multi_csv" in m.lower()]
    # The whole-UK file and multi_csv/ hold the same rows: read one of them.
    return (whole or split) + names


def _looks_like_names_file(name: str) -> bool:
    lowered = name.lower()
    return "names and codes" in lowered and ("westminster" in lowered
                                             or lowered.startswith("pcon"))


def _kind_of(item: InputFile) -> InputFile | None:
    """`item` marked as a postcode file or a names file by its header row, or None for
    a file that is neither."""
    header = read_header(item)
    lowered = [h.lower() for h in header]
    if any(c in lowered for c in POSTCODE_COLUMNS):
        return InputFile(item.path, item.member, "postcodes")
    if any(_NAME_CODE.match(c) for c in lowered) and any(_NAME_NAME.match(c) for c in lowered):
        return InputFile(item.path, item.member, "names")
    return None


def _classified(item: InputFile) -> InputFile:
    """`item` marked as a postcode file or a names file (`_kind_of`); raises
    ONSFileError for a file that is neither."""
    kind = _kind_of(item)
    if kind is not None:
        return kind
    raise ONSFileError(
        f"{item.label}: not an ONS postcode file (no {'/'.join(POSTCODE_COLUMNS)} column) "
        "nor a constituency names file (no PCONxxCD and PCONxxNM columns)"
    )


def read_header(item: InputFile) -> list[str]:
    """The first row of `item`, as published."""
    try:
        with item.open() as raw:
            first = raw.readline(64 * 1024)
    except (OSError, EOFError, zipfile.BadZipFile, gzip.BadGzipFile) as error:
        raise ONSFileError(f"{item.label}: cannot be read ({error})") from None
    text = _decode(first).strip("\r\n")
    return next(csv.reader([text]), [])


def _decode(data: bytes) -> str:
    # ONS has published its Documents tables in UTF-8 (with a BOM) and in Windows-1252.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def columns(header: list[str], label: str = "file") -> Columns:
    """Find the postcode, constituency and termination columns in a header row.

    Raises ONSFileError naming what is missing.
    """
    lowered = [h.strip().lower() for h in header]

    def first_of(names) -> int | None:
        for name in names:
            if name in lowered:
                return lowered.index(name)
        return None

    postcode = first_of(POSTCODE_COLUMNS)
    constituency = first_of(CONSTITUENCY_COLUMNS)
    if constituency is None:
        later = sorted((m.group(1), i) for i, h in enumerate(lowered)
                       if (m := _LATER_CONSTITUENCY.match(h)))
        constituency = later[-1][1] if later else None
    if postcode is None or constituency is None:
        missing = [what for what, index in (("postcode", postcode), ("constituency", constituency))
                   if index is None]
        raise ONSFileError(
            f"{label}: no {' or '.join(missing)} column (looked for "
            f"{'/'.join(POSTCODE_COLUMNS)} and {'/'.join(CONSTITUENCY_COLUMNS)})"
        )
    return Columns(postcode, constituency, first_of([TERMINATION_COLUMN]))


def postcode_rows(item: InputFile, progress: Progress | None = None
                  ) -> Iterator[tuple[str, str, str]]:
    """(postcode, constituency code, termination date) for every row of a postcode file.

    The termination date is "" for a live postcode, else as published ("199606").
    """
    try:
        with item.open(progress) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
            reader = csv.reader(text)
            header = next(reader, None)
            if header is None:
                return
            cols = columns(header, item.label)
            p, c, t = cols.postcode, cols.constituency, cols.terminated
            width = max(p, c, t or 0)
            for row in reader:
                if len(row) <= width:
                    continue  # a blank or truncated line, e.g. a trailing newline
                yield row[p], row[c], row[t] if t is not None else ""
    except (OSError, EOFError, zipfile.BadZipFile, gzip.BadGzipFile, csv.Error) as error:
        raise ONSFileError(f"{item.label}: cannot be read ({error})") from None


def constituency_names(item: InputFile) -> dict[str, str]:
    """GSS code -> English name from a names-and-codes table (PCON24CD, PCON24NM)."""
    return all_constituency_names(item)[0]


def all_constituency_names(
        item: InputFile) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(GSS code -> English name, language code -> GSS code -> name) from a
    names-and-codes table.

    The names in other languages come from their columns (Language.ons_names: the Welsh
    in PCON24NMW), filled for some seats only (Wales's), and absent from some
    releases: a language whose column has none is left out.
    """
    try:
        with item.open() as raw:
            text = _decode(raw.read())
    except (OSError, EOFError, zipfile.BadZipFile, gzip.BadGzipFile) as error:
        raise ONSFileError(f"{item.label}: cannot be read ({error})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    code = next((i for i, h in enumerate(header) if _NAME_CODE.match(h)), None)
    name = next((i for i, h in enumerate(header) if _NAME_NAME.match(h)), None)
    others = {language.code: column for language in translations()
              if (column := next((i for i, h in enumerate(header)
                                  if language.ons_names.match(h)), None)) is not None}
    if code is None or name is None:
        raise ONSFileError(f"{item.label}: no PCONxxCD and PCONxxNM columns")
    names: dict[str, str] = {}
    translated: dict[str, dict[str, str]] = {}
    for row in reader:
        if len(row) > max(code, name) and row[code].strip() and row[name].strip():
            names[row[code].strip()] = row[name].strip()
            for language, column in others.items():
                if len(row) > column and row[column].strip():
                    translated.setdefault(language, {})[row[code].strip()] = row[column].strip()
    return names, translated


def release_of(items: list[InputFile]) -> tuple[str, str | None]:
    """("NSPL November 2021", "2021-11") from the published file names, if they say."""
    for item in items:
        for text in (item.member or "", item.path.name):
            match = _RELEASE.search(PurePosixPath(text).name) or _RELEASE.search(text)
            if match and match.group(3).upper() in _MONTHS:
                product = match.group(1).upper() + (match.group(2) or "")
                month = _MONTHS[match.group(3).upper()]
                year = match.group(4)
                month_name = "January February March April May June July August September " \
                             "October November December".split()[month - 1]
                return f"{product} {month_name} {year}", f"{year}-{month:02d}"
    return ", ".join(sorted({item.path.name for item in items})), None
