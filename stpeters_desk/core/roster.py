"""Importing the pupil roster from the school's MIS export (Arbor, SIMS, Bromcom...).

Every MIS names its columns differently ("Legal First Name", "Forename",
"Known As", "Reg Group"), some put a report title above the headings, and
older ones save in Windows-1252 rather than UTF-8. So the importer decodes
the file carefully, finds the heading row, maps the columns it recognises
(the person importing can override any of them) and shows a preview before
anything is stored. The preview may show names to the person importing; only
keyed hashes of the names ever reach the database, in one transaction that
replaces the previous roster, so a bad file never leaves half a roster behind.
"""

from __future__ import annotations

import codecs
import csv
import io
import secrets
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from stpeters_desk.core import keystore
from stpeters_desk.core.names import (
    GuardWords,
    NameGuard,
    NameHasher,
    PupilName,
    hash_pupil_forms,
    load_guard_words,
    normalise_name,
)
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.roster_store import RosterCounts, RosterStore
from stpeters_desk.i18n import translate

KEY_PURPOSE = "name guard"
KEY_NAME = "roster hashing key"

_HEADER_SEARCH_LINES = 15
_SAMPLE_SIZE = 5
_PROBLEM_LIMIT = 20
_LONGEST_NAME = 60


class RosterField(StrEnum):
    """The columns the importer understands; anything else in the export is ignored."""

    FORENAME = "forename"
    LEGAL_FORENAME = "legal_forename"
    PREFERRED_NAME = "preferred_name"
    SURNAME = "surname"
    PREFERRED_SURNAME = "preferred_surname"
    FULL_NAME = "full_name"
    YEAR = "year"
    CLASS = "class"


# Column headings as MIS exports write them, folded to lower-case letters and digits.
_HEADINGS: dict[RosterField, tuple[str, ...]] = {
    RosterField.LEGAL_FORENAME: ("legalforename", "legalfirstname", "legalgivenname",
                                 "officialforename", "legalforenames"),
    RosterField.PREFERRED_NAME: ("preferredname", "preferredforename", "preferredfirstname",
                                 "knownas", "chosenname", "chosenforename", "nickname",
                                 "preferredgivenname", "commonname"),
    RosterField.PREFERRED_SURNAME: ("preferredsurname", "preferredlastname",
                                    "preferredfamilyname", "chosensurname"),
    RosterField.FORENAME: ("forename", "forenames", "firstname", "givenname", "givennames",
                           "pupilforename", "studentforename", "childforename", "pupilfirstname",
                           "studentfirstname", "childfirstname", "first"),
    RosterField.SURNAME: ("surname", "lastname", "familyname", "legalsurname", "legallastname",
                          "legalfamilyname", "pupilsurname", "studentsurname", "childsurname",
                          "last"),
    RosterField.FULL_NAME: ("name", "fullname", "pupilname", "studentname", "childname",
                            "pupil", "student", "legalname", "pupilfullname"),
    RosterField.YEAR: ("year", "yeargroup", "ncyear", "nationalcurriculumyear", "yr",
                       "curriculumyear", "yeargrp"),
    RosterField.CLASS: ("class", "classname", "reggroup", "registrationgroup", "regroup",
                        "form", "formgroup", "tutorgroup", "registrationform", "reg",
                        "registrationclass", "classgroup"),
}
_GIVEN_FIELDS = (RosterField.FORENAME, RosterField.LEGAL_FORENAME, RosterField.PREFERRED_NAME,
                 RosterField.FULL_NAME)
_DELIMITERS = (",", ";", "\t", "|")


class RosterFileError(Exception):
    """The file cannot be imported; the message says why and, where it can, on which line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(translate("Roster", "Line {line}: {message}").format(
            line=line, message=message) if line else message)
        self.line = line


class RosterKeyError(Exception):
    """The key the roster was hashed with is missing: the roster must be imported again."""


@dataclass(frozen=True)
class RosterProblem:
    line: int
    message: str


@dataclass(frozen=True)
class PupilRow:
    """One pupil as read from the file: shown in the preview, never stored."""

    line: int
    name: PupilName
    group: str


@dataclass(frozen=True)
class RosterPreview:
    """What the person importing sees before confirming."""

    encoding: str
    delimiter: str
    header_line: int
    columns: tuple[str, ...]
    mapping: Mapping[RosterField, str]
    row_count: int
    sample: tuple[PupilRow, ...]
    problems: tuple[RosterProblem, ...]
    problem_count: int

    @property
    def unmapped_columns(self) -> tuple[str, ...]:
        used = set(self.mapping.values())
        return tuple(c for c in self.columns if c not in used)


@dataclass(frozen=True)
class ParsedRoster:
    preview: RosterPreview
    pupils: tuple[PupilRow, ...]


# --- Reading the file ---------------------------------------------------------------


def decode_roster(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was in: UTF-8 (with or without BOM),
    UTF-16 (Excel's "Unicode text") or Windows-1252 (older Excel and SIMS on Windows)."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[len(codecs.BOM_UTF8):], "utf-8", "UTF-8 with BOM"), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", "UTF-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    return _decode(data, "cp1252", "Windows-1252"), "Windows-1252"


def _decode(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise RosterFileError(
            translate("Roster",
                      "the file has a character that cannot be read as {encoding} (byte "
                      "{byte}). Open it in Excel, save it again as \"CSV UTF-8\" and import "
                      "that file.").format(encoding=label, byte=f"0x{data[exc.start]:02X}"),
            line) from exc


def _fold_heading(heading: str) -> str:
    return "".join(c for c in heading.casefold() if c.isalnum())


def detect_mapping(columns: tuple[str, ...]) -> dict[RosterField, str]:
    """Which column holds what, from the headings alone (the first match wins)."""
    mapping: dict[RosterField, str] = {}
    used: set[str] = set()
    for roster_field, headings in _HEADINGS.items():
        for column in columns:
            if column not in used and _fold_heading(column) in headings:
                mapping[roster_field] = column
                used.add(column)
                break
    return mapping


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first line of the record, values); a broken quote is reported at the line it opened."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise RosterFileError(_csv_message(str(exc)), start) from exc
        yield start, row


def _csv_message(error: str) -> str:
    if "NUL" in error:
        return translate("Roster",
                         "the file contains NUL characters; it is probably not a CSV file.")
    if "end of data" in error or "EOF" in error:
        return translate("Roster",
                         "a quotation mark opened here is never closed, so the rest of the file "
                         "runs into one value.")
    return translate("Roster", "this line is not valid CSV ({error}); check its quotation marks."
                     ).format(error=error)


def _find_header(text: str, wanted: frozenset[str]) -> tuple[str, int, tuple[str, ...]]:
    """The delimiter, line and headings of the heading row.

    That is the first row holding every column the person chose, or else the
    first row naming at least two columns the importer knows (one of them a
    first-name column); report titles above it are skipped.
    """
    best: tuple[int, str, int, tuple[str, ...]] | None = None
    for delimiter in _DELIMITERS:
        try:
            for index, (line, row) in enumerate(_rows(text, delimiter)):
                if index >= _HEADER_SEARCH_LINES:
                    break
                columns = tuple(cell.strip() for cell in row)
                score = _header_score(columns, wanted)
                if score:
                    if best is None or score > best[0]:
                        best = (score, delimiter, line, columns)
                    break
        except RosterFileError:
            continue
    if best is None and wanted:
        missing = ", ".join(repr(c) for c in sorted(wanted))
        raise RosterFileError(translate("Roster",
                                        "the file has no column called {columns} near its top."
                                        ).format(columns=missing))
    if best is None:
        raise RosterFileError(translate(
            "Roster",
            "no heading row found near the top of the file. Export it again with column "
            "headings (such as Forename, Surname and Year)."))
    return best[1], best[2], best[3]


def _header_score(columns: tuple[str, ...], wanted: frozenset[str]) -> int:
    if wanted:
        return len(columns) if wanted <= set(columns) else 0
    mapping = detect_mapping(columns)
    if len(mapping) >= 2 and any(f in mapping for f in _GIVEN_FIELDS):
        return len(mapping)
    return 0


def _apply_override(detected: dict[RosterField, str], columns: tuple[str, ...],
                    override: Mapping[str, str] | None) -> dict[RosterField, str]:
    mapping = dict(detected)
    for key, column in (override or {}).items():
        roster_field = RosterField(key)
        if not column:
            mapping.pop(roster_field, None)
            continue
        if column not in columns:
            raise RosterFileError(translate("Roster", "the file has no column called {column}."
                                            ).format(column=repr(column)))
        mapping = {f: c for f, c in mapping.items() if c != column}
        mapping[roster_field] = column
    if not any(f in mapping for f in _GIVEN_FIELDS):
        raise RosterFileError(translate(
            "Roster",
            "no column with pupils' first names was found. Choose which column holds them."))
    return mapping


# --- Reading pupils ----------------------------------------------------------------------


def parse_roster(source: bytes | Path, mapping: Mapping[str, str] | None = None) -> ParsedRoster:
    """Read a whole export into pupils and a preview, or fail naming the line at fault."""
    data = source.read_bytes() if isinstance(source, Path) else source
    if not data.strip():
        raise RosterFileError(translate("Roster", "the file is empty."))
    text, encoding = decode_roster(data)
    if "\x00" in text:
        line = text[:text.index("\x00")].count("\n") + 1
        raise RosterFileError(translate("Roster",
                                        "the file contains NUL characters; it is probably not a "
                                        "CSV file (an Excel workbook, perhaps). Save it as CSV "
                                        "and try again."), line)
    wanted = frozenset(column for column in (mapping or {}).values() if column)
    delimiter, header_line, columns = _find_header(text, wanted)
    chosen = _apply_override(detect_mapping(columns), columns, mapping)
    index = {f: columns.index(c) for f, c in chosen.items()}
    pupils: list[PupilRow] = []
    problems: list[RosterProblem] = []
    for line, row in _rows(text, delimiter):
        if line <= header_line or not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            raise RosterFileError(translate(
                "Roster",
                "this line has {values} values but the heading row has {columns} columns. A "
                "name with a comma in it must be in quotation marks.").format(
                    values=len(row), columns=len(columns)), line)
        pupil = _read_pupil(line, row, index, problems)
        if pupil is not None:
            pupils.append(pupil)
    preview = RosterPreview(
        encoding=encoding, delimiter=delimiter, header_line=header_line, columns=columns,
        mapping=chosen, row_count=len(pupils), sample=tuple(pupils[:_SAMPLE_SIZE]),
        problems=tuple(problems[:_PROBLEM_LIMIT]), problem_count=len(problems))
    return ParsedRoster(preview, tuple(pupils))


def preview_roster(source: bytes | Path, mapping: Mapping[str, str] | None = None) -> RosterPreview:
    return parse_roster(source, mapping).preview


def _read_pupil(line: int, row: list[str], index: Mapping[RosterField, int],
                problems: list[RosterProblem]) -> PupilRow | None:
    values = {f: _cell(row, i, line, problems) for f, i in index.items()}
    if _is_a_note(row, index):
        problems.append(RosterProblem(line, translate(
            "Roster", "only a note or a total on this line: skipped.")))
        return None
    name = _pupil_name(values)
    givens = (name.forename, name.legal_forename, name.preferred)
    if not any(normalise_name(v) for v in (*givens, name.surname, name.preferred_surname)):
        problems.append(RosterProblem(line, translate("Roster", "no name on this line: skipped.")))
        return None
    if not any(normalise_name(v) for v in givens):
        problems.append(RosterProblem(line, translate(
            "Roster", "no first name: only the surname will be checked.")))
    for value in (*givens, name.surname, name.preferred_surname):
        if any(c.isdigit() for c in value):
            problems.append(RosterProblem(line, translate(
                "Roster", "{value} contains digits: check the columns.").format(
                    value=repr(value))))
    year = values.get(RosterField.YEAR, "")
    group = _group_label(year, is_year=True) if year else _group_label(
        values.get(RosterField.CLASS, ""), is_year=False)
    return PupilRow(line, name, group)


def _is_a_note(row: list[str], index: Mapping[RosterField, int]) -> bool:
    """A report's footer such as "Total: 212 students" sitting alone in a name column."""
    filled = [i for i, cell in enumerate(row) if cell.strip()]
    if len(filled) != 1 or len(index) < 2:
        return False
    name_columns = {i for f, i in index.items() if f not in (RosterField.YEAR, RosterField.CLASS)}
    value = row[filled[0]]
    return filled[0] in name_columns and any(c.isdigit() or c == ":" for c in value)


def _pupil_name(values: Mapping[RosterField, str]) -> PupilName:
    forename = values.get(RosterField.FORENAME, "")
    surname = values.get(RosterField.SURNAME, "")
    full = values.get(RosterField.FULL_NAME, "")
    if full and not (forename or surname):
        forename, surname = _split_full_name(full)
    return PupilName(forename=forename, surname=surname,
                     preferred=values.get(RosterField.PREFERRED_NAME, ""),
                     legal_forename=values.get(RosterField.LEGAL_FORENAME, ""),
                     preferred_surname=values.get(RosterField.PREFERRED_SURNAME, ""))


def _cell(row: list[str], index: int, line: int, problems: list[RosterProblem]) -> str:
    value = row[index].strip() if index < len(row) else ""
    repaired = _repair_garbled(value)
    if repaired != value:
        problems.append(RosterProblem(line, translate(
            "Roster", "{value} looked garbled (saved in two encodings); read as {repaired}."
        ).format(value=repr(value), repaired=repr(repaired))))
        value = repaired
    if len(value) > _LONGEST_NAME:
        problems.append(RosterProblem(line, translate(
            "Roster", "a value is too long to be a name: check the column choice.")))
    return value


def _repair_garbled(value: str) -> str:
    """UTF-8 read as Windows-1252 and saved again ("ZoÃ«"): undo it when it round-trips."""
    if not any(c in value for c in "ÃÂÅÄ"):
        return value
    try:
        return value.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _split_full_name(full: str) -> tuple[str, str]:
    """"Smith, Olivia" (SIMS style) or "Olivia Smith"."""
    if "," in full:
        surname, _, forename = full.partition(",")
        return forename.strip(), surname.strip()
    words = full.split()
    if len(words) < 2:
        return full.strip(), ""
    return " ".join(words[:-1]), words[-1]


def _group_label(value: str, is_year: bool) -> str:
    value = value.strip()
    if is_year and value.isdigit():
        return f"Year {int(value)}"
    if is_year and value.upper() in ("R", "REC"):
        return "Reception"
    return value or "No year or class"


# --- Importing ---------------------------------------------------------------------------


def roster_key(create: bool = True, db: Database | None = None) -> bytes:
    """The name guard's hashing key from the OS keyring, made on first use.

    ``db``: the school's database; on a shared server the key is the school's (kept under
    its id, received when this computer joined), on SQLite the computer's own."""
    from stpeters_desk.core.school_keys import names_for

    purpose, name = names_for(db).roster if db is not None else (KEY_PURPOSE, KEY_NAME)
    try:
        stored = keystore.read_secret(purpose, name)
        if stored:
            return bytes.fromhex(stored)
        if db is not None and name.rpartition(" #")[1]:  # rotated: never make one up here
            return _received_roster_key(db)
        if not create:
            raise RosterKeyError(translate(
                "Roster",
                "This computer's keyring has no key for the pupil roster (it was reset, or the "
                "roster was imported on another computer). Import the roster again."))
        key = secrets.token_bytes(32)
        keystore.write_secret(purpose, name, key.hex())
        return key
    except keystore.KeyringUnavailable as exc:
        raise RosterKeyError(translate(
            "Roster",
            "This computer has no secure password store, so the roster's key cannot be kept "
            "safe and pupils' names cannot be checked. On Linux install gnome-keyring (or "
            "KWallet) and sign in again.")) from exc


def _received_roster_key(db: Database) -> bytes:
    """The school's current roster key, sealed for this computer when the last computer
    was removed (``core.roster_keys``)."""
    from stpeters_desk.core.devices import this_device
    from stpeters_desk.core.roster_keys import received_roster_key
    from stpeters_desk.core.school_keys import school_id

    sid = school_id(db)
    key = received_roster_key(db, sid, this_device().device_id) if sid else None
    if key is None:
        raise RosterKeyError(translate(
            "Roster",
            "This computer was not given the school's new key for the pupil roster (made "
            "when a computer was removed), so pupils' names cannot be checked here. Ask the "
            "head teacher to check this computer in Settings → School computers."))
    return key


def import_roster(source: bytes | Path, store: RosterStore, *, imported_by: str,
                  mapping: Mapping[str, str] | None = None, key: bytes | None = None,
                  words: GuardWords | None = None) -> RosterCounts:
    """Replace the stored roster with this file's pupils, as hashes, all or nothing."""
    parsed = parse_roster(source, mapping)
    if not parsed.pupils:
        raise RosterFileError(translate(
            "Roster", "the file has no pupils in it, so the roster was not replaced."))
    hasher = NameHasher(key if key is not None else roster_key(create=True, db=store.database))
    words = words if words is not None else load_guard_words()
    forms = hash_pupil_forms((p.name for p in parsed.pupils), hasher, words)
    _refuse_names_as_groups(parsed.pupils, NameGuard(hasher, forms, words))
    groups = Counter(p.group for p in parsed.pupils)
    return store.replace(forms, pupils=len(parsed.pupils), groups=groups,
                         key_check=hasher.key_check(), imported_by=imported_by)


def _refuse_names_as_groups(pupils: tuple[PupilRow, ...], guard: NameGuard) -> None:
    """Class labels are stored as written, so one that is a pupil's name is refused.

    A "class" column that really holds surnames (or a registration group named
    after a child) would otherwise put names in the database in plain text.
    """
    first_line: dict[str, int] = {}
    for pupil in pupils:
        first_line.setdefault(pupil.group, pupil.line)
    for label, line in first_line.items():
        if any(f.level == "block" for f in guard.check(label)):
            raise RosterFileError(translate(
                "Roster", "the year or class \"{label}\" looks like a pupil's name, and class "
                "names are kept as written. Check that the class column holds classes (or "
                "leave it out): nothing was imported.").format(label=label), line)


def load_name_guard(store: RosterStore, key: bytes | None = None) -> NameGuard:
    """The guard over the stored roster; an empty guard before the first import.

    Raises RosterKeyError when the keyring's key does not match the one the
    roster was hashed with: checking with the wrong key would silently find
    nothing, which is worse than saying so.
    """
    check = store.key_check()
    if check is None:
        return NameGuard.empty()
    if store.counts().retired_reason:
        raise RosterKeyError(retired_roster_message())
    key = key if key is not None else roster_key(create=False, db=store.database)
    if not secrets.compare_digest(NameHasher(key).key_check(), check):
        raise RosterKeyError(translate(
            "Roster",
            "The pupil roster was hashed with a key this computer no longer has (the keyring "
            "was reset, or the database came from another computer). Import the roster again."))
    return NameGuard.from_hashed(key, store.forms())


def retired_roster_message() -> str:
    """Why the name guard refuses after a computer was removed, and what to do."""
    return translate(
        "Roster",
        "The pupil roster was retired when a computer was removed from the school (it held "
        "the roster's key), so pupils' names cannot be checked and nothing can be posted. "
        "Import the pupil roster again in Settings.")
