"""Reading MPs' stances from a CSV staff upload: every bad line reported by its number.

The file has a header line naming its columns: `stance`, and either a GSS code
(`constituency_code`, `gss_code`, `pcon_code` or `code`) or a member id (`member_id`)
on each line (a line may give both; they must then agree). A stance is supports,
opposes or not known. Nothing is recorded unless every line is good (see
records.set_stances, one transaction), so a file is never half-imported.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import sqlite_utils

from letters.stances import Stance

MAX_BYTES = 200_000
MAX_LINES = 2_000  # three times the House: room for notes, none for a wrong file
CODE_COLUMNS = ("constituency_code", "gss_code", "pcon_code", "code")
#: Errors listed at most; a file with more is the wrong file, and saying so is enough.
MAX_ERRORS = 50


@dataclass(frozen=True)
class ImportResult:
    """The marks a good file holds, or the sentences saying which lines are wrong."""

    marks: list[tuple[int, Stance]]
    errors: list[str]


def _header(row: list[str]) -> dict[str, int]:
    return {name.strip().casefold().replace(" ", "_"): index for index, name in enumerate(row)}


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


@dataclass(frozen=True)
class _Columns:
    """Where a line holds its stance, GSS code and member id (None: no such column)."""

    stance: int
    code: int | None
    member: int | None


@dataclass(frozen=True)
class _Register:
    """The sitting MPs a line may name: member id by GSS code, name by member id."""

    by_code: dict[str, int]
    members: dict[int, str]

    @classmethod
    def read(cls, db: sqlite_utils.Database) -> _Register:
        return cls(
            by_code={row[0]: row[1] for row in db.execute(
                "select constituency_code, member_id from mps"
                " where constituency_code is not null")},
            members={row[0]: row[1] for row in db.execute(
                "select member_id, display_as from mps")})


@dataclass(frozen=True)
class _Refusal:
    """Why the whole file is refused, as a sentence for staff."""

    sentence: str


def read_stances(db: sqlite_utils.Database, data: bytes) -> ImportResult:
    """The (member id, stance) marks of a CSV file, checked against the register."""
    text = _text(data)
    if isinstance(text, _Refusal):
        return ImportResult([], [text.sentence])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _header(next(reader))
    except StopIteration:
        return ImportResult([], ["The file is empty."])
    except csv.Error as error:
        return ImportResult([], [f"Line 1: {error}."])
    columns = _columns(header, text)
    if isinstance(columns, _Refusal):
        return ImportResult([], [columns.sentence])
    marks, errors = _read_lines(reader, columns, _Register.read(db))
    if not errors and not marks:
        errors.append("The file has no stances under its header line.")
    return ImportResult([] if errors else marks, errors)


def _text(data: bytes) -> str | _Refusal:
    """The file's text, unless it is too large or not UTF-8."""
    if len(data) > MAX_BYTES:
        return _Refusal(f"The file is {len(data):,} bytes; a file of stances is "
                        f"at most {MAX_BYTES:,}. Is it the right file?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _Refusal("The file is not UTF-8 text. Save it from your spreadsheet "
                        "as “CSV UTF-8” and try again.")


def _columns(header: dict[str, int], text: str) -> _Columns | _Refusal:
    """Where line 1 says each column is, unless it lacks the stance or any way to name
    the MP, or names a column the file does not take."""
    code_column = next((header[name] for name in CODE_COLUMNS if name in header), None)
    member_column = header.get("member_id")
    if "stance" not in header or (code_column is None and member_column is None):
        separated = ";" in next(iter(header), "") or len(header) == 1 and ";" in text[:200]
        hint = (" Its columns seem to be separated by semicolons: save it from your "
                "spreadsheet as “CSV UTF-8 (comma delimited)” and try again.") if separated \
            else ""
        return _Refusal("Line 1 must name the columns: “stance”, and "
                        "“constituency_code” (a GSS code such as E14001465) or "
                        "“member_id” (the Members API's id)." + hint)
    extra = [name for name in header if name and name not in {"stance", "member_id",
                                                               *CODE_COLUMNS}]
    if extra:
        return _Refusal(
            f"Line 1 names {'a column' if len(extra) == 1 else 'columns'} this file does not "
            f"take: {', '.join(f'“{name}”' for name in extra)}. Keep only “stance”, and "
            "“constituency_code” or “member_id”, so that nothing is read from the wrong one.")
    return _Columns(stance=header["stance"], code=code_column, member=member_column)


def _read_lines(reader, columns: _Columns,
                register: _Register) -> tuple[list[tuple[int, Stance]], list[str]]:
    """The marks of the lines after the header, and a sentence for each wrong line (at
    most MAX_ERRORS, then one saying there may be more)."""
    marks: list[tuple[int, Stance]] = []
    errors: list[str] = []
    seen: dict[int, tuple[int, Stance]] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(f"Line {reader.line_num}: {error}.")
            break
        line = reader.line_num
        if line > MAX_LINES:
            errors.append(f"The file has more than {MAX_LINES:,} lines; is it the right file?")
            break
        if not any(cell.strip() for cell in row):
            continue  # blank lines (a spreadsheet's trailing ones) say nothing
        mark = _mark(row, columns, register, seen)
        if isinstance(mark, str):
            errors.append(f"Line {line}: {mark}.")
            if len(errors) >= MAX_ERRORS:
                errors.append(f"… and perhaps more: only the first {MAX_ERRORS} are listed.")
                break
            continue
        seen[mark[0]] = (line, mark[1])
        marks.append(mark)
    return marks, errors


def _mark(row: list[str], columns: _Columns, register: _Register,
          seen: dict[int, tuple[int, Stance]]) -> tuple[int, Stance] | str:
    """The (member id, stance) of one line, or what is wrong with it; `seen` holds the
    line and stance of each MP marked on earlier lines."""
    stance_text = _cell(row, columns.stance)
    stance = Stance.read(stance_text)
    if stance is None and not stance_text:
        return "the stance is empty: write supports, opposes or not known"
    if stance is None:
        return f"the stance “{stance_text}” is not one of supports, opposes or not known"
    member_id = _member(row, columns, register)
    if isinstance(member_id, str):
        return member_id
    if member_id in seen and seen[member_id][1] != stance:
        return (f"{register.members[member_id]} is marked {seen[member_id][1]} on line "
                f"{seen[member_id][0]} and {stance} here")
    return member_id, stance


def _member(row: list[str], columns: _Columns, register: _Register) -> int | str:
    """The member id of the MP a line names by member id, GSS code or both (which must
    then agree), or what is wrong with it."""
    code, member_text = _cell(row, columns.code).upper(), _cell(row, columns.member)
    if member_text:
        if not member_text.isdigit() or int(member_text) not in register.members:
            return f"no sitting MP has the member id “{member_text}”"
        member_id = int(member_text)
        if code and register.by_code.get(code) != member_id:
            return (f"member {member_id} ({register.members[member_id]}) does not sit "
                    f"for {code}")
        return member_id
    if code:
        if code not in register.by_code:
            return f"“{code}” is not a constituency with a sitting MP in the register"
        return register.by_code[code]
    return "give a constituency code or a member id"
