"""Roster import: MIS exports in several styles and encodings, hashed storage, all or nothing."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from stpeters_desk.core.keystore import service_name, write_secret
from stpeters_desk.core.names import HashedForm, normalise_name
from stpeters_desk.core.roster import (
    KEY_NAME,
    KEY_PURPOSE,
    PupilRow,
    RosterField,
    RosterFileError,
    RosterKeyError,
    import_roster,
    load_name_guard,
    parse_roster,
    preview_roster,
    roster_key,
)
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.roster_store import RosterStore
from tests.keyrings import MemoryKeyring, keyring_backend, no_keyring

ROSTERS = Path(__file__).resolve().parents[1] / "data" / "rosters"


@pytest.fixture
def store(db: Database) -> RosterStore:
    return RosterStore(db)


def names_in(path: Path) -> list[str]:
    pupils = parse_roster(path).pupils
    return [p.name.forename or p.name.legal_forename for p in pupils]


# --- Reading MIS exports ------------------------------------------------------------


def test_arbor_style_export_in_utf8() -> None:
    preview = preview_roster(ROSTERS / "arbor_export.csv")
    assert preview.encoding == "UTF-8" and preview.delimiter == ","
    assert preview.row_count == 8 and preview.problem_count == 0
    assert preview.mapping == {
        RosterField.LEGAL_FORENAME: "Legal First Name",
        RosterField.PREFERRED_NAME: "Preferred First Name",
        RosterField.SURNAME: "Legal Last Name",
        RosterField.PREFERRED_SURNAME: "Preferred Last Name",
        RosterField.YEAR: "Year",
        RosterField.CLASS: "Registration Form",
    }
    assert "UPN" in preview.unmapped_columns and "Date of Birth" in preview.unmapped_columns
    first = preview.sample[0]
    assert (first.line, first.name.legal_forename, first.name.surname, first.group) == \
        (2, "Olivia", "Smith", "Year 3")
    assert "Zoë" in names_in(ROSTERS / "arbor_export.csv")


def test_sims_style_export_in_windows_1252_with_a_report_title_and_a_total() -> None:
    parsed = parse_roster(ROSTERS / "sims_export.csv")
    preview = parsed.preview
    assert preview.encoding == "Windows-1252"
    assert preview.header_line == 4 and preview.row_count == 6
    assert preview.mapping[RosterField.PREFERRED_NAME] == "Chosen Forename"
    assert preview.mapping[RosterField.CLASS] == "Reg Group"
    assert [p.name.forename for p in parsed.pupils] == ["Holly", "Mary", "Joy", "Evë", "Siân",
                                                        "Róisín"]
    assert parsed.pupils[4].name.surname == "Ó Súilleabháin"
    assert [(p.line, "total" in p.message) for p in preview.problems] == [(12, True)]


def test_bromcom_style_export_in_utf8_with_bom_and_semicolons() -> None:
    preview = preview_roster(ROSTERS / "bromcom_export.csv")
    assert preview.encoding == "UTF-8 with BOM" and preview.delimiter == ";"
    assert preview.columns[0] == "First Name"  # the BOM is not part of the heading
    assert preview.mapping[RosterField.PREFERRED_NAME] == "Known As"
    assert preview.mapping[RosterField.YEAR] == "NC Year"
    assert "Renée" in names_in(ROSTERS / "bromcom_export.csv")


def test_full_name_column_in_utf16_tab_separated() -> None:
    parsed = parse_roster(ROSTERS / "full_name_utf16.txt")
    assert parsed.preview.encoding == "UTF-16" and parsed.preview.delimiter == "\t"
    assert parsed.preview.mapping == {RosterField.FULL_NAME: "Pupil Name",
                                      RosterField.CLASS: "Class"}
    names = [(p.name.forename, p.name.surname, p.group) for p in parsed.pupils]
    assert names[0] == ("Poppy", "Fairbairn", "Rowan")
    assert ("Aoife", "Ní Bhriain", "Hazel") in names


def test_the_caller_can_override_the_detected_mapping() -> None:
    data = b"Given,Family,Known,Tutor\nOlivia,Smith,Liv,Oak\nGrace,Holloway,,Ash\n"
    with pytest.raises(RosterFileError, match="no heading row"):
        preview_roster(data)
    preview = preview_roster(data, {"forename": "Given", "surname": "Family",
                                    "preferred_name": "Known", "class": "Tutor"})
    assert preview.row_count == 2 and preview.sample[0].name.preferred == "Liv"
    assert preview.sample[1].group == "Ash"
    moved = preview_roster(ROSTERS / "bromcom_export.csv", {"preferred_name": ""})
    assert RosterField.PREFERRED_NAME not in moved.mapping
    with pytest.raises(RosterFileError, match="no column called 'Nope'"):
        preview_roster(ROSTERS / "bromcom_export.csv", {"surname": "Nope"})


def test_garbled_double_encoding_is_repaired_and_reported() -> None:
    parsed = parse_roster(ROSTERS / "garbled_utf8.csv")
    assert [p.name.forename for p in parsed.pupils] == ["Zoë", "Chloé"]
    assert [p.line for p in parsed.preview.problems] == [2, 3]
    assert "garbled" in parsed.preview.problems[0].message


@pytest.mark.parametrize(("fixture", "line", "words"), [
    ("malformed_quote.csv", 4, "never closed"),
    ("malformed_columns.csv", 5, "4 values but the heading row has 3"),
    ("bad_bytes.csv", 3, "Windows-1252"),
])
def test_malformed_files_fail_naming_the_line(fixture: str, line: int, words: str) -> None:
    with pytest.raises(RosterFileError) as caught:
        parse_roster(ROSTERS / fixture)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"Line {line}: ") and words in str(caught.value)


def test_files_without_headings_or_pupils_are_refused() -> None:
    with pytest.raises(RosterFileError, match="no heading row"):
        parse_roster(ROSTERS / "no_headings.csv")
    with pytest.raises(RosterFileError, match="empty"):
        parse_roster(b"  \n")
    with pytest.raises(RosterFileError, match="NUL") as caught:
        parse_roster(b"Forename,Surname\nOlivia,Smith\nGr\x00ace,Holloway\n")
    assert caught.value.line == 3


def test_rows_without_names_are_reported_not_imported() -> None:
    data = b"Forename,Surname,Year\nOlivia,Smith,3\n,,4\n,Holloway,4\nGr4ce,Hope,2\n"
    parsed = parse_roster(data)
    assert parsed.preview.row_count == 3
    messages = {p.line: p.message for p in parsed.preview.problems}
    assert "no name" in messages[3] and "only the surname" in messages[4]
    assert "digits" in messages[5]


def test_a_bom_in_the_middle_or_a_utf8_file_without_bom_both_read(tmp_path: Path) -> None:
    text = "Forename,Surname\nZoë,Whitfield\n"
    plain = preview_roster(text.encode("utf-8"))
    with_bom = preview_roster(codecs.BOM_UTF8 + text.encode("utf-8"))
    cp1252 = preview_roster(text.encode("cp1252"))
    assert plain.sample[0].name.forename == with_bom.sample[0].name.forename == \
        cp1252.sample[0].name.forename == "Zoë"


# --- Importing ------------------------------------------------------------------------------


def test_import_stores_counts_and_the_guard_finds_the_pupils(
        memory_keyring: MemoryKeyring, store: RosterStore) -> None:
    counts = import_roster(ROSTERS / "arbor_export.csv", store, imported_by="Mrs Head")
    assert counts.pupils == 8 and counts.imported and counts.imported_by == "Mrs Head"
    assert counts.groups == {"Reception": 1, "Year 3": 2, "Year 4": 2, "Year 5": 2, "Year 6": 1}
    assert counts.name_forms > 8 * 3
    assert set(counts.forms_by_kind) == {"forename", "preferred", "surname", "full", "nickname",
                                         "sounds_like", "near", "rules"}
    assert store.counts() == counts
    guard = load_name_guard(store)
    for text, word in [("Well done Zoe!", "Zoe"), ("Bella's painting", "Bella"),
                       ("Olek danced", "Olek"), ("Pennington won", "Pennington"),
                       ("#WellDoneNiamh", "Niamh"), ("Chloe Durand ran", "Chloe Durand")]:
        assert [(f.word, f.level) for f in guard.check(text)] == [(word, "block")], text


def test_the_key_lives_in_the_keyring_under_the_name_guard_purpose(
        memory_keyring: MemoryKeyring, store: RosterStore) -> None:
    import_roster(ROSTERS / "bromcom_export.csv", store, imported_by="Office")
    stored = memory_keyring.store[(service_name(KEY_PURPOSE), KEY_NAME)]
    assert len(bytes.fromhex(stored)) == 32
    assert roster_key() == bytes.fromhex(stored)  # made once, then reused


def test_a_new_import_replaces_the_old_roster(memory_keyring: MemoryKeyring,
                                              store: RosterStore) -> None:
    import_roster(ROSTERS / "arbor_export.csv", store, imported_by="Office")
    counts = import_roster(ROSTERS / "bromcom_export.csv", store, imported_by="Office")
    assert counts.pupils == 5 and set(counts.groups) == {"Year 2", "Year 4"}
    guard = load_name_guard(store)
    assert guard.check("Well done Zoë Whitfield") == []
    assert [f.word for f in guard.check("Well done Jayden")] == ["Jayden"]


def test_a_malformed_file_leaves_the_previous_roster_untouched(
        memory_keyring: MemoryKeyring, store: RosterStore) -> None:
    before = import_roster(ROSTERS / "arbor_export.csv", store, imported_by="Office")
    forms_before = sorted(store.forms(), key=lambda f: (f.digest, f.kind))
    with pytest.raises(RosterFileError):
        import_roster(ROSTERS / "malformed_quote.csv", store, imported_by="Office")
    with pytest.raises(RosterFileError, match="no pupils"):
        import_roster(b"Forename,Surname\n", store, imported_by="Office")
    assert store.counts() == before
    assert sorted(store.forms(), key=lambda f: (f.digest, f.kind)) == forms_before


def test_a_failure_while_writing_rolls_the_whole_import_back(
        memory_keyring: MemoryKeyring, store: RosterStore) -> None:
    before = import_roster(ROSTERS / "arbor_export.csv", store, imported_by="Office")
    good = store.forms()[:3]

    def broken_forms() -> Iterator[HashedForm]:
        yield from good
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        store.replace(broken_forms(), pupils=3, groups={"Year 1": 3}, key_check=b"x",
                      imported_by="Office")
    assert store.counts() == before
    assert len(store.forms()) == before.name_forms


@pytest.mark.sqlite_only  # reads the database file's bytes
def test_the_database_never_contains_a_pupils_name(memory_keyring: MemoryKeyring, db: Database,
                                                   data_dir: Path) -> None:
    """Scan every byte of the database and its WAL for any form of any imported name.

    The key is fixed so the hashes are the same on every run: a random key
    could, once in a while, put three name-like letters into a digest.
    """
    key = "5eed" * 16
    write_secret(KEY_PURPOSE, KEY_NAME, key)
    store = RosterStore(db)
    pupils: list[PupilRow] = []
    for fixture in ("arbor_export.csv", "sims_export.csv", "bromcom_export.csv",
                    "full_name_utf16.txt"):
        pupils += parse_roster(ROSTERS / fixture).pupils
        import_roster(ROSTERS / fixture, store, imported_by="Office")
    words = {w for p in pupils for field in (p.name.forename, p.name.surname, p.name.preferred,
                                             p.name.legal_forename, p.name.preferred_surname)
             for w in field.replace("-", " ").replace("'", " ").split() if len(w) > 2}
    words |= {normalise_name(w) for w in words}
    alternatives = b"|".join(re.escape(word.encode(codec))
                             for word in sorted(words) for codec in ("utf-8", "utf-16-le"))
    any_name = re.compile(rb"(?<![A-Za-z])(?:" + alternatives + rb")(?![A-Za-z])", re.IGNORECASE)
    assert any_name.search(b"<OLIVIA>")  # the scan would see a name
    assert any_name.search("Siân".encode("utf-16-le"))
    assert any(p.name.endswith("-wal") for p in data_dir.rglob("*"))

    def assert_clean() -> None:
        for path in (p for p in data_dir.rglob("*") if p.is_file()):
            content = path.read_bytes()
            match = any_name.search(content)
            assert match is None, (match.group() if match else b"", path.name)
            assert key.encode() not in content

    assert_clean()
    db.close()  # checkpoints the WAL into the main file
    assert_clean()


def test_the_roster_screen_counts_before_any_import(store: RosterStore) -> None:
    counts = store.counts()
    assert not counts.imported and counts.pupils == 0 and counts.groups == {}
    assert load_name_guard(store).is_empty


def test_clearing_forgets_every_pupil(memory_keyring: MemoryKeyring, store: RosterStore) -> None:
    import_roster(ROSTERS / "arbor_export.csv", store, imported_by="Office")
    store.clear("Mrs Head", key_check=store.key_check() or b"")
    assert store.forms() == [] and store.counts().pupils == 0
    assert load_name_guard(store).check("Well done Olivia") == []


def test_a_lost_key_is_reported_not_silently_ignored(memory_keyring: MemoryKeyring,
                                                     store: RosterStore) -> None:
    import_roster(ROSTERS / "arbor_export.csv", store, imported_by="Office")
    memory_keyring.store.clear()
    with pytest.raises(RosterKeyError, match="Import the roster again"):
        load_name_guard(store)
    roster_key(create=True)  # a fresh key: still not the one the roster was hashed with
    with pytest.raises(RosterKeyError, match="no longer has"):
        load_name_guard(store)


def test_no_secure_keyring_means_no_import(store: RosterStore) -> None:
    with keyring_backend(no_keyring()), pytest.raises(RosterKeyError, match="gnome-keyring"):
        import_roster(ROSTERS / "arbor_export.csv", store, imported_by="Office")
    assert not store.counts().imported


def test_a_class_column_holding_surnames_is_refused_and_nothing_is_stored(
        memory_keyring: MemoryKeyring, store: RosterStore) -> None:
    surnames_as_classes = (
        b"Forename,Surname,Class\n"
        b"Olivia,Thornbury,Oak\n"
        b"Jasper,Kettering,Thornbury\n"
        b"Tobias,Wrenfield,Holly Class\n")
    with pytest.raises(RosterFileError) as refused:
        import_roster(surnames_as_classes, store, imported_by="Mrs Head")
    assert refused.value.line == 3 and "Thornbury" in str(refused.value)
    assert not store.counts().imported
    fine = surnames_as_classes.replace(b"Kettering,Thornbury", b"Kettering,Ash")
    assert import_roster(fine, store, imported_by="Mrs Head").groups == {
        "Oak": 1, "Ash": 1, "Holly Class": 1}
