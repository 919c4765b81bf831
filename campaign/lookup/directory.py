"""The local postcode directory: every UK postcode -> constituency, in one compact file.

Why this shape: a lookup must take microseconds in process and the whole UK (about
2.7 million postcodes, live and terminated) should load in milliseconds and fit in
a few tens of megabytes. A postcode splits into an outward code ("SW1A") and an
inward code ("1AA"); there are only 6,760 possible inward codes, so each fits in
16 bits. The file holds, sorted by outward then inward code:

    inward  uint16[n]   the inward code of each postcode, as a number
    value   uint16[n]   an index into the table of constituency codes, or
                        TERMINATED | year for a postcode no longer in use

and a small JSON table: each outward code's slice of those arrays, the constituency
codes, their names, and the release. A lookup is one dict probe and a C bisect
within one outward code's slice. Four bytes a postcode: about 11 MB for the UK.

The file is written beside the old one and moved into place with os.replace(), so
a reader sees the old directory or the new one, never half of one; `DirectoryFile`
notices the replacement and loads the new file.
"""
from __future__ import annotations

import json
import logging
import os
import struct
import sys
import tempfile
import threading
import time
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from campaign.lookup.constituencies import BoundaryCheck, check_codes, shipped_translations
from campaign.lookup.constituencies import shipped as shipped_names
from campaign.lookup.postcode import is_no_constituency
from letters.languages import language_for, translations

log = logging.getLogger(__name__)

MAGIC = b"MPLPCD1\n"
TERMINATED = 0x8000  # value bit: terminated; the low 15 bits hold the year (0 unknown)
MAX_CODES = TERMINATED  # constituency-code indexes must stay below the terminated bit
# The inward code is a digit and two letters: 10 * 26 * 26 = 6,760 possible codes.
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
INWARD_KEYS: dict[str, int] = {
    f"{d}{a}{b}": d * 676 + i * 26 + j
    for d in range(10) for i, a in enumerate(LETTERS) for j, b in enumerate(LETTERS)
}
_OUTWARD_CHARS = set(LETTERS + "0123456789")

LIVE, TERMINATED_STATUS, NONE = "live", "terminated", "none"


class DirectoryError(RuntimeError):
    """The directory file is missing, damaged, or could not be built."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What the directory knows of one postcode.

    `status` is "live" (in constituency `code`, called `name` if known), "none" (live
    but in no Westminster constituency: Crown dependencies' pseudo-codes, or none
    published) or "terminated" (no longer used; `year_terminated` when known).
    `names` are its official names in other languages, by language code (a seat in
    Wales's Welsh name).
    """

    status: str
    code: str | None = None
    name: str | None = None
    year_terminated: int | None = None
    names: Mapping[str, str] = field(default_factory=dict, hash=False)


@dataclass
class ImportStats:
    """Counts from one import, for the summary and the About page."""

    rows: int = 0
    live: int = 0
    terminated: int = 0
    no_constituency: int = 0
    invalid: int = 0
    duplicates: int = 0


class DirectoryBuilder:
    """Collects rows from the ONS files, then writes the directory file."""

    def __init__(self) -> None:
        self.stats = ImportStats()
        self._codes: list[str] = []
        self._code_index: dict[str, int] = {}
        self._terminated_values: dict[str, int] = {}
        # outward code -> packed (inward << 16 | value) numbers, 4 bytes each
        self._buckets: dict[str, array] = {}

    def add_rows(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Add (postcode, constituency code, termination date) rows as ONS publishes them.

        The loop is the import's hot path (millions of rows), hence the local names.
        """
        stats = self.stats
        buckets = self._buckets
        inward_keys = INWARD_KEYS
        code_index = self._code_index
        terminated_values = self._terminated_values
        rows_seen = live = terminated = invalid = 0
        for postcode, code, doterm in rows:
            rows_seen += 1
            compact = postcode.replace(" ", "").upper()
            key = inward_keys.get(compact[-3:])
            if key is None or not 5 <= len(compact) <= 7:
                invalid += 1
                continue
            if doterm:
                value = terminated_values.get(doterm)
                if value is None:
                    value = terminated_values[doterm] = _terminated_value(doterm)
                terminated += 1
            else:
                value = code_index.get(code)
                if value is None:
                    value = self._new_code(code)
                live += 1
            outward = compact[:-3]
            bucket = buckets.get(outward)
            if bucket is None:
                if not _valid_outward(outward):
                    invalid += 1
                    if doterm:
                        terminated -= 1
                    else:
                        live -= 1
                    continue
                bucket = buckets[outward] = array("I")
            bucket.append(key << 16 | value)
        stats.rows += rows_seen
        stats.live += live
        stats.terminated += terminated
        stats.invalid += invalid

    def _new_code(self, code: str) -> int:
        code = code.strip()
        if code in self._code_index:
            return self._code_index[code]
        if len(self._codes) >= MAX_CODES:
            raise DirectoryError("More constituency codes than the directory can hold.")
        self._codes.append(code)
        self._code_index[code] = len(self._codes) - 1
        return len(self._codes) - 1

    def tables(self) -> tuple[list[str], list[tuple[str, int, int]], array, array]:
        """Sort and de-duplicate: (codes, outward spans, inward keys, values).

        A postcode listed twice (two releases, or a whole file and its multi_csv
        split) keeps its live row over a terminated one.
        """
        inward, values = array("H"), array("H")
        spans: list[tuple[str, int, int]] = []
        duplicates = 0
        for outward in sorted(self._buckets):
            start = len(inward)
            last = -1
            # Sorting packed numbers orders by inward code, then live before terminated.
            for packed in sorted(self._buckets[outward]):
                key = packed >> 16
                if key == last:
                    duplicates += 1
                    continue
                last = key
                inward.append(key)
                values.append(packed & 0xFFFF)
            spans.append((outward, start, len(inward)))
        self.stats.duplicates = duplicates
        none_indexes = {i for i, c in enumerate(self._codes) if is_no_constituency(c)}
        self.stats.no_constituency = sum(1 for v in values if v in none_indexes)
        return list(self._codes), spans, inward, values


def _terminated_value(doterm: str) -> int:
    try:
        year = int(doterm[:4])
    except ValueError:
        year = 0
    return TERMINATED | (year if 0 < year < TERMINATED else 0)


def _valid_outward(outward: str) -> bool:
    return (2 <= len(outward) <= 4 and outward[0] in LETTERS
            and all(ch in _OUTWARD_CHARS for ch in outward))


class Directory:
    """A loaded directory file. Read-only and safe to share between threads."""

    def __init__(self, info: dict, codes: list[str], names: dict[str, str],
                 spans: list[tuple[str, int, int]], inward: array, values: array,
                 translated_names: Mapping[str, dict[str, str]] | None = None):
        self.info = info
        self.codes = codes
        # A names CSV imported with the directory wins; the shipped list names the rest.
        self.names = {**shipped_names(), **names}
        # Names in other languages by language code, then by seat: the file's win too.
        self.translated_names = {
            language: {**shipped, **(translated_names or {}).get(language, {})}
            for language, shipped in shipped_translations().items()}
        names, translated = self.names, self.translated_names
        self.spans = spans
        self.inward = inward
        self.values = values
        self._span = {outward: (start, end) for outward, start, end in spans}
        self._entries = [
            Entry(NONE, code or None) if is_no_constituency(code)
            else Entry(LIVE, code, names.get(code), names={
                language: seats[code] for language, seats in translated.items() if code in seats})
            for code in codes
        ]

    def __len__(self) -> int:
        return len(self.inward)

    def lookup(self, compact: str) -> Entry | None:
        """The entry for a postcode in compact upper-case form ("SW1A1AA"), or None."""
        span = self._span.get(compact[:-3])
        if span is None:
            return None
        key = INWARD_KEYS.get(compact[-3:])
        if key is None:
            return None
        lo, hi = span
        i = bisect_left(self.inward, key, lo, hi)
        if i == hi or self.inward[i] != key:
            return None
        value = self.values[i]
        if value & TERMINATED:
            return Entry(TERMINATED_STATUS, year_terminated=(value & 0x7FFF) or None)
        return self._entries[value]

    def boundary_check(self) -> BoundaryCheck:
        """How this directory's constituency codes compare with the shipped 2024 ones."""
        return check_codes(c for c in self.codes if not is_no_constituency(c))


def write_directory(path: Path, info: dict, codes: list[str], names: dict[str, str],
                    spans: list[tuple[str, int, int]], inward: array, values: array,
                    translated_names: Mapping[str, dict[str, str]] | None = None) -> None:
    """Write a directory file atomically: readers see the old file or the new, whole.

    `translated_names` (names in other languages by language code, then by seat code)
    are written as "names_<code>" (Language.column), each only when there are some, so
    a file without them reads as it always did.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    info_bytes = json.dumps(info, sort_keys=True).encode()
    table = {"codes": codes, "names": names, "spans": spans}
    for language, seats in (translated_names or {}).items():
        if seats:
            table[language_for(language).column("names")] = seats
    tables = json.dumps(table).encode()
    inward_bytes, values_bytes = _little_endian(inward), _little_endian(values)
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(MAGIC)
            for block in (info_bytes, tables):
                handle.write(struct.pack("<I", len(block)))
                handle.write(block)
            handle.write(struct.pack("<I", len(inward)))
            handle.write(inward_bytes)
            handle.write(values_bytes)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _little_endian(numbers: array) -> bytes:
    if sys.byteorder == "little":
        return numbers.tobytes()
    swapped = array(numbers.typecode, numbers)
    swapped.byteswap()
    return swapped.tobytes()


def load_directory(path: Path) -> Directory:
    """Read a directory file. Raises DirectoryError if it is absent or damaged."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise DirectoryError(f"No postcode directory at {path}.") from None
    try:
        info, offset = _block(data, len(MAGIC))
        tables, offset = _block(data, offset)
        (count,) = struct.unpack_from("<I", data, offset)
        offset += 4
        inward, values = array("H"), array("H")
        inward.frombytes(data[offset:offset + 2 * count])
        values.frombytes(data[offset + 2 * count:offset + 4 * count])
        if len(values) != count or offset + 4 * count != len(data):
            raise ValueError("truncated")
        if sys.byteorder != "little":
            inward.byteswap()
            values.byteswap()
        spans = [tuple(span) for span in tables["spans"]]
        return Directory(info, tables["codes"], tables["names"], spans, inward, values,
                         translated_names={
                             language.code: tables[language.column("names")]
                             for language in translations() if language.column("names") in tables})
    except (ValueError, KeyError, TypeError, struct.error) as error:
        raise DirectoryError(f"The postcode directory at {path} is damaged ({error}); "
                             "import it again.") from None


def _block(data: bytes, offset: int) -> tuple[dict, int]:
    if offset == len(MAGIC) and data[:len(MAGIC)] != MAGIC:
        raise ValueError("not a postcode directory file")
    (length,) = struct.unpack_from("<I", data, offset)
    start = offset + 4
    return json.loads(data[start:start + length]), start + length


def directory_info(path: Path) -> dict | None:
    """The release, counts and import time of the directory at `path`, or None if absent.

    Reads only the file's small header, so the About page can call it per request.
    """
    try:
        with open(path, "rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                return None
            (length,) = struct.unpack("<I", handle.read(4))
            return json.loads(handle.read(length))
    except (OSError, ValueError, struct.error):
        return None


class DirectoryFile:
    """The directory at a path, reloaded when an import replaces the file.

    A running site keeps answering from the directory it has until a new file is
    complete (imports replace it atomically). Whether the file changed is checked
    at most once every `check_every` seconds, so a lookup rarely pays for a stat().
    """

    def __init__(self, path: Path, check_every: float = 2.0):
        self.path = Path(path)
        self.check_every = check_every
        self._directory: Directory | None = None
        self._identity: tuple | None = None
        self._checked_at = float("-inf")
        self._lock = threading.Lock()

    def current(self) -> Directory | None:
        """The loaded directory, or None while there is no (readable) file."""
        now = time.monotonic()
        if now - self._checked_at >= self.check_every:
            with self._lock:
                if now - self._checked_at >= self.check_every:
                    self._refresh()
                    self._checked_at = now
        return self._directory

    def _refresh(self) -> None:
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            self._directory, self._identity = None, None
            return
        identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if identity == self._identity:
            return
        try:
            self._directory = load_directory(self.path)
        except DirectoryError as error:
            # Keep answering from the directory we have (or none); a good file replacing
            # this one is picked up at a later check.
            log.error("%s", error)
            return
        self._identity = identity
        log.info("Loaded postcode directory %s (%d postcodes)",
                 self._directory.info.get("release"), len(self._directory))
