"""The audit trail: chained entries, tampering found in the SQLite file, queries, CSV, CLI."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from stpeters_desk.core.audit import AuditTrail, audit_cli
from stpeters_desk.core.paths import DATABASE_NAME
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.audit import AuditLog
from stpeters_desk.core.storage.audit_chain import GENESIS_HASH, canonical_content, chain_hash
from stpeters_desk.core.storage.db import Database, open_database
from stpeters_desk.core.storage.migrations import m0001_spine
from tests.keyrings import keyring_backend, no_keyring

T0 = datetime(2024, 6, 10, 8, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _without_a_keyring() -> Iterator[None]:
    """These tests are about the plain chain; the keyed one is in test_integrity.py."""
    with keyring_backend(no_keyring()):
        yield


@pytest.fixture
def trail(db: Database) -> AuditTrail:
    trail = AuditTrail(db, device="Office PC")
    trail.record("Mrs Amberley", "sign in", now=T0)
    trail.record("Mrs Amberley", "post tweet", "1790000000000000001",
                 "Class 4 planted the school garden 🌱", now=T0 + timedelta(minutes=5))
    trail.record("Mr Quill", "failed sign-in", "Mr Quill", now=T0 + timedelta(hours=1))
    trail.record("Mrs Harrow", "block account", "@spam_bot_77", reason="not school-focused",
                 device="Staffroom kiosk", now=T0 + timedelta(days=1))
    trail.record("Mrs Amberley", "delete tweet", "1790000000000000001",
                 now=T0 + timedelta(days=2))
    return trail


def tamper(db: Database, *statements: str) -> None:
    """Edit the SQLite file directly, as someone with the data folder could; on PostgreSQL,
    edit the tables from a connection of its own, as the server's administrator could."""
    db.close()
    if db.dialect == "postgresql":
        import psycopg
        from psycopg import sql

        from stpeters_desk.core.storage.postgres import PgDatabase

        assert isinstance(db, PgDatabase) and db.schema is not None
        with psycopg.connect(db.url, autocommit=True) as raw:
            raw.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(db.schema)))
            with raw.transaction():
                for statement in statements:
                    raw.execute(statement)
        return
    conn = sqlite3.connect(db.path)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def forged_hash(entry_id: int, prev: str, actor: str, action: str) -> str:
    return chain_hash(prev, canonical_content(entry_id, "2024-06-20T10:00:00.000000+00:00",
                                              actor, "", action, "", "", ""))


def hash_of(db: Database, entry_id: int) -> str:
    row = db.query_one("SELECT entry_hash FROM audit_log WHERE id = :id", {"id": entry_id})
    assert row is not None
    return str(row["entry_hash"])


# -- recording ---------------------------------------------------------------------------------
def test_entries_keep_every_field_and_link_to_the_one_before(trail: AuditTrail) -> None:
    entries = list(trail.all_entries())
    assert [e.entry_id for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == GENESIS_HASH
    for before, after in pairwise(entries):
        assert after.prev_hash == before.entry_hash
    block = entries[3]
    assert (block.actor, block.device, block.action, block.target, block.reason) == (
        "Mrs Harrow", "Staffroom kiosk", "block account", "@spam_bot_77", "not school-focused")
    assert entries[1].device == "Office PC" and entries[1].at_time == T0 + timedelta(minutes=5)


def test_the_old_audit_log_interface_still_works_and_is_chained(db: Database) -> None:
    old = AuditLog(db)
    old.record("Mrs Head", "post tweet", "123", "Sports day!")
    old.record("Mr Office", "delete tweet", "123")
    assert [e.action for e in old.recent()] == ["delete tweet", "post tweet"]
    assert AuditTrail(db).verify().ok


def test_desk_services_entries_join_the_chain(services: DeskServices, db: Database) -> None:
    services.audit.record(services.signed_in, "queue tweet", "", "Well done Year 2!")
    result = AuditTrail(db).verify()
    assert result.ok and result.checked == 1


def test_an_empty_log_is_intact(db: Database) -> None:
    result = AuditTrail(db).verify()
    assert result == (result.__class__(True, 0, None, "Audit log intact: 0 entries checked"))


# -- tampering ---------------------------------------------------------------------------------
def test_an_untouched_log_verifies(trail: AuditTrail) -> None:
    result = trail.verify()
    assert result.ok and result.checked == 5 and result.first_broken_id is None
    assert result.message == "Audit log intact: 5 entries checked"


def test_an_edited_row_is_found(trail: AuditTrail, db: Database) -> None:
    tamper(db, "UPDATE audit_log SET actor = 'Mr Quill' WHERE id = 2")
    result = trail.verify()
    assert not result.ok and result.first_broken_id == 2 and result.checked == 1
    assert "#2" in result.message and "changed" in result.message


def test_an_edited_time_is_found(trail: AuditTrail, db: Database) -> None:
    tamper(db, "UPDATE audit_log SET at = '2024-06-09T08:30:00.000000+00:00' WHERE id = 4")
    assert trail.verify().first_broken_id == 4


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(trail: AuditTrail,
                                                              db: Database) -> None:
    new_hash = forged_hash(3, hash_of(db, 2), "Someone else", "failed sign-in")
    tamper(db, "UPDATE audit_log SET actor = 'Someone else', at = "
               "'2024-06-20T10:00:00.000000+00:00', target = '', device = '', "
               f"entry_hash = '{new_hash}' WHERE id = 3")
    result = trail.verify()
    assert result.first_broken_id == 4 and "does not follow #3" in result.message


def test_a_deleted_row_is_found(trail: AuditTrail, db: Database) -> None:
    tamper(db, "DELETE FROM audit_log WHERE id = 3")
    result = trail.verify()
    assert not result.ok and result.first_broken_id == 4


def test_deleting_the_newest_rows_is_found(trail: AuditTrail, db: Database) -> None:
    tamper(db, "DELETE FROM audit_log WHERE id >= 4")
    result = trail.verify()
    assert not result.ok and result.first_broken_id == 4 and result.checked == 3
    assert "missing" in result.message


def test_a_forged_row_added_at_the_end_is_found(trail: AuditTrail, db: Database) -> None:
    prev = hash_of(db, 5)
    forged = forged_hash(6, prev, "Mrs Amberley", "register device")
    tamper(db, "INSERT INTO audit_log (id, at, actor, device, action, target, reason, detail, "
               "prev_hash, entry_hash) VALUES (6, '2024-06-20T10:00:00.000000+00:00', "
               f"'Mrs Amberley', '', 'register device', '', '', '', '{prev}', '{forged}')")
    result = trail.verify()
    assert not result.ok and result.first_broken_id == 6 and result.checked == 6


def test_a_row_inserted_in_the_middle_is_found(trail: AuditTrail, db: Database) -> None:
    prev = hash_of(db, 2)
    forged = forged_hash(3, prev, "Mr Quill", "approve tweet")
    tamper(db,
           "UPDATE audit_log SET id = id + 100 WHERE id >= 3",
           "UPDATE audit_log SET id = id - 99 WHERE id >= 100",
           "INSERT INTO audit_log (id, at, actor, device, action, target, reason, detail, "
           "prev_hash, entry_hash) VALUES (3, '2024-06-20T10:00:00.000000+00:00', 'Mr Quill', "
           f"'', 'approve tweet', '', '', '', '{prev}', '{forged}')")
    result = trail.verify()
    assert not result.ok and result.first_broken_id == 4


def test_a_row_with_a_made_up_hash_is_found(trail: AuditTrail, db: Database) -> None:
    tamper(db, "INSERT INTO audit_log (id, at, actor, action, prev_hash, entry_hash) VALUES "
               f"(6, '2024-06-20T10:00:00', 'Mr Quill', 'post tweet', '{'0' * 64}', "
               f"'{'f' * 64}')")
    result = trail.verify()
    assert result.first_broken_id == 6


def test_reordered_rows_are_found(trail: AuditTrail, db: Database) -> None:
    tamper(db,
           "UPDATE audit_log SET id = 100 WHERE id = 2",
           "UPDATE audit_log SET id = 2 WHERE id = 3",
           "UPDATE audit_log SET id = 3 WHERE id = 100")
    result = trail.verify()
    assert not result.ok and result.first_broken_id == 2


def test_a_deleted_chain_record_is_reported_even_after_new_entries(trail: AuditTrail,
                                                                   db: Database) -> None:
    tamper(db, "DELETE FROM audit_log WHERE id = 5", "DELETE FROM audit_chain_head")
    assert not trail.verify().ok
    trail.record("Mrs Amberley", "sign in")  # the app keeps recording...
    result = trail.verify()  # ...but the gap stays visible
    assert not result.ok and result.first_broken_id == 5
    assert [e.entry_id for e in trail.recent(2)] == [5, 4]


# -- bringing older entries into the chain -------------------------------------------------------
def test_entries_written_before_the_chain_existed_are_chained_by_migration(
        data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    with conn:
        conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                     "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        for statement in m0001_spine.MIGRATION.statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (1, 'spine', '2024-01-01')")
        for i, action in enumerate(["post tweet", "delete tweet", "queue tweet"]):
            conn.execute("INSERT INTO audit_log (at, actor, action, target, detail) VALUES "
                         "(:at, 'Office', :action, '', '')",
                         {"at": f"2024-01-0{i + 2}T09:00:00.000000+00:00", "action": action})
    conn.close()
    db = open_database(data_dir)
    try:
        trail = AuditTrail(db)
        assert trail.verify().checked == 3 and trail.verify().ok
        trail.record("Mrs Amberley", "set up head teacher")
        entries = list(trail.all_entries())
        assert [e.action for e in entries] == ["post tweet", "delete tweet", "queue tweet",
                                               "set up head teacher"]
        assert entries[0].device == "" and entries[0].prev_hash == GENESIS_HASH
        assert trail.verify().ok
    finally:
        db.close()


# -- reading -------------------------------------------------------------------------------------
def test_query_filters_by_person_action_and_dates(trail: AuditTrail) -> None:
    assert [e.entry_id for e in trail.query(person="Mrs Amberley")] == [5, 2, 1]
    assert [e.entry_id for e in trail.query(action="failed sign-in")] == [3]
    day_one = trail.query(since=T0, until=T0 + timedelta(days=1))
    assert [e.entry_id for e in day_one] == [3, 2, 1]  # until is exclusive
    assert [e.entry_id for e in trail.query(since=T0 + timedelta(hours=1), limit=2)] == [5, 4]
    assert len(trail.query(limit=None)) == 5
    assert trail.query(person="Mrs Amberley", action="block account") == []
    assert trail.people() == ["Mr Quill", "Mrs Amberley", "Mrs Harrow"]
    assert "post tweet" in trail.actions()


def test_recent_is_newest_first_and_limited(trail: AuditTrail) -> None:
    assert [e.entry_id for e in trail.recent(2)] == [5, 4]


# -- export ----------------------------------------------------------------------------------------
def test_csv_export_to_a_stream_neutralises_spreadsheet_formulas(trail: AuditTrail) -> None:
    trail.record("=HYPERLINK(\"http://example.invalid\")", "post tweet", "+44", "-1", now=T0)
    stream = io.StringIO()
    count = trail.export_csv(stream, trail.query(limit=None))
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert count == 6 and len(rows) == 7
    assert rows[0][:8] == ["entry", "time (UTC)", "person", "device", "action", "object",
                           "reason", "detail"]
    assert rows[1][2].startswith("'=HYPERLINK") and rows[1][5] == "'+44" and rows[1][7] == "'-1"
    garden = next(r for r in rows if r[4] == "post tweet" and "garden" in r[7])
    assert garden[7] == "Class 4 planted the school garden 🌱" and garden[3] == "Office PC"


def test_csv_export_to_a_file_opens_in_excel_as_utf8(trail: AuditTrail, tmp_path: Path) -> None:
    path = tmp_path / "audit.csv"
    assert trail.export_csv(path, trail.query(person="Mrs Harrow")) == 1
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"not school-focused" in data


# -- the command line --------------------------------------------------------------------------
def test_cli_reports_an_intact_log(trail: AuditTrail, db: Database,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert audit_cli(["verify"], db) == 0
    assert capsys.readouterr().out.strip() == "Audit log intact: 5 entries checked"


def test_cli_names_the_first_broken_entry(trail: AuditTrail, db: Database,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    tamper(db, "UPDATE audit_log SET detail = 'nothing to see' WHERE id = 2")
    assert audit_cli(["verify"], db) == 1
    out = capsys.readouterr().out
    assert "entry #2" in out and "Mrs Amberley" in out and "tampered" in out


def test_cli_exports_every_entry_oldest_first(trail: AuditTrail, db: Database, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from stpeters_desk.core.staff import StaffDirectory

    StaffDirectory(db, trail, "Office PC").create_head("Mrs Amberley", "482915")
    target = tmp_path / "export.csv"
    assert audit_cli(["export", str(target)], db, read_secret=lambda _: "482915") == 0
    assert "Exported 6 audit entries" in capsys.readouterr().out
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6"]


def test_cli_rejects_unknown_commands(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert audit_cli(["shred"], db) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert audit_cli([], db) == 2
