"""The database says what happened to it, and tampering is seen (issue 13).

Each test edits the SQLite file the way someone with the data folder could
(the sqlite3 module standing in for the sqlite3 CLI), then checks that
``audit verify`` and the start-up check catch it. Keys and anchors live in
the in-memory keyring.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from stpeters_desk.app import Options, build_services, main
from stpeters_desk.core.audit import AuditTrail, audit_cli
from stpeters_desk.core.integrity import IntegrityGuard, IntegrityRefused
from stpeters_desk.core.paths import DATABASE_NAME
from stpeters_desk.core.roles import Role
from stpeters_desk.core.settings_registry import KIOSK_MODE
from stpeters_desk.core.staff import StaffDirectory
from stpeters_desk.core.storage.audit_chain import canonical_content, chain_hash
from stpeters_desk.core.storage.db import Database, DatabaseError, open_database
from stpeters_desk.core.storage.settings import SettingsStore
from tests.keyrings import MemoryKeyring, keyring_backend, no_keyring

HEAD_PIN = "482915"
TEACHER_PIN = "731904"


class School:
    """A set-up school on the practice account, written through the guarded database."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        db = open_database(data_dir)
        IntegrityGuard(db)
        trail = AuditTrail(db, device="Office PC")
        staff = StaffDirectory(db, trail, "Office PC")
        head, self.recovery_code = staff.create_head("Mrs Amberley", HEAD_PIN)
        self.teacher = staff.add_member("Mr Quill", Role.TEACHER, TEACHER_PIN, by=head,
                                        head_pin=HEAD_PIN)
        SettingsStore(db).set(KIOSK_MODE.key, "1")
        staff.sign_in(self.teacher.staff_id, "999000")  # a wrong PIN: a lockout row
        for n in range(4):
            trail.record("Mrs Amberley", "post tweet", str(n), f"tweet {n}")
        db.close()

    @property
    def path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    def edit(self, *statements: str) -> None:
        conn = sqlite3.connect(self.path)
        with conn:
            for statement in statements:
                conn.execute(statement)
        conn.close()

    def verify(self, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
        capsys.readouterr()
        code = main(["audit", "--data-dir", str(self.data_dir), "verify"])
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    def start(self) -> Database:
        """What the app does at start, up to the first change: raises when it refuses."""
        services = build_services(Options(data_dir=str(self.data_dir)))
        assert services.integrity is not None and services.db is not None
        result = services.integrity.result()
        if not result.ok:
            services.db.close()
            raise IntegrityRefused(result.message)
        return services.db

    def last_entry(self) -> tuple[int, str]:
        conn = sqlite3.connect(self.path)
        row = conn.execute("SELECT id, entry_hash FROM audit_log ORDER BY id DESC").fetchone()
        conn.close()
        return int(row[0]), str(row[1])


@pytest.fixture
def school(memory_keyring: MemoryKeyring, data_dir: Path) -> Iterator[School]:
    yield School(data_dir)


def test_an_untouched_school_passes_verify_and_starts(school: School,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, out = school.verify(capsys)
    assert code == 0 and "intact" in out and "keyed" in out
    db = school.start()
    checked_in_the_audit_tab = AuditTrail(db).verify()  # the tab's button: the app's guard
    assert checked_in_the_audit_tab.ok and "keyed" in checked_in_the_audit_tab.message
    db.close()


# -- the chain -----------------------------------------------------------------------------------
def test_deleting_the_last_rows_and_updating_the_head_row_is_caught(
        school: School, capsys: pytest.CaptureFixture[str]) -> None:
    last_id, _ = school.last_entry()
    school.edit(f"DELETE FROM audit_log WHERE id > {last_id - 2}")
    conn = sqlite3.connect(school.path)
    new_last = conn.execute("SELECT id, entry_hash FROM audit_log ORDER BY id DESC").fetchone()
    conn.close()
    school.edit(f"UPDATE audit_chain_head SET last_id = {new_last[0]}, "
                f"last_hash = '{new_last[1]}', entries = entries - 2")
    code, out = school.verify(capsys)
    assert code == 1
    assert f"entries #{last_id - 1} to #{last_id}" in out and "lost" in out
    with pytest.raises(DatabaseError, match="lost"):
        school.start()


def test_appending_a_forged_entry_is_caught(school: School,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    last_id, last_hash = school.last_entry()
    forged_id = last_id + 1
    at = "2024-06-20T10:00:00.000000+00:00"
    forged = chain_hash(last_hash, canonical_content(forged_id, at, "Mrs Amberley", "",
                                                     "approve tweet", "", "", ""))
    school.edit(
        "INSERT INTO audit_log (id, at, actor, device, action, target, reason, detail, "
        f"prev_hash, entry_hash) VALUES ({forged_id}, '{at}', 'Mrs Amberley', '', "
        f"'approve tweet', '', '', '', '{last_hash}', '{forged}')",
        f"UPDATE audit_chain_head SET last_id = {forged_id}, last_hash = '{forged}', "
        "entries = entries + 1")
    code, out = school.verify(capsys)
    assert code == 1 and f"entry #{forged_id}" in out and "contents were changed" in out


def test_editing_a_middle_entry_and_rechaining_is_caught(school: School,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    school.edit("UPDATE audit_log SET detail = 'nothing to see' WHERE id = 3")
    conn = sqlite3.connect(school.path)
    rows = conn.execute("SELECT id, at, actor, device, action, target, reason, detail, "
                        "prev_hash FROM audit_log ORDER BY id").fetchall()
    prev = conn.execute("SELECT entry_hash FROM audit_log WHERE id = 2").fetchone()[0]
    with conn:
        for row in rows[2:]:  # re-chain from entry 3 with plain SHA-256, as before the fix
            new_hash = chain_hash(prev, canonical_content(*row[:8]))
            conn.execute("UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE id = ?",
                         (prev, new_hash, row[0]))
            prev = new_hash
        conn.execute("UPDATE audit_chain_head SET last_hash = ?", (prev,))
    conn.close()
    code, out = school.verify(capsys)
    assert code == 1 and "entry #3" in out


def test_an_entry_whose_text_cannot_be_decoded_is_named(
        school: School, capsys: pytest.CaptureFixture[str]) -> None:
    school.edit("UPDATE audit_log SET detail = CAST(X'C328FF' AS TEXT) WHERE id = 4")
    code, out = school.verify(capsys)
    assert code == 1 and "entry #4" in out and "detail" in out


def test_an_undecodable_entry_is_named_without_a_keyring(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(data_dir)
    trail = AuditTrail(db)
    for n in range(3):
        trail.record("Mrs Amberley", "post tweet", str(n))
    db.close()
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    with conn:
        conn.execute("UPDATE audit_log SET actor = CAST(X'FFFE' AS TEXT) WHERE id = 2")
    conn.close()
    db = open_database(data_dir)
    assert audit_cli(["verify"], db) == 1
    db.close()
    out = capsys.readouterr().out
    assert "entry #2" in out and "actor" in out


# -- the security state ----------------------------------------------------------------------------
@pytest.mark.parametrize(("statement", "part"), [
    ("DELETE FROM pin_lockouts", "lockouts"),
    ("INSERT INTO role_permissions (role, permission) VALUES ('teacher', 'manage_staff')",
     "permissions"),
    ("UPDATE staff SET role = 'head' WHERE name = 'Mr Quill'", "staff"),
    ("UPDATE staff SET pin_hash = (SELECT pin_hash FROM staff WHERE name = 'Mr Quill') "
     "WHERE name = 'Mrs Amberley'", "staff"),
    ("UPDATE settings SET value = '0' WHERE key = 'kiosk_mode'", "security settings"),
])
def test_security_state_edited_in_the_file_is_caught(
        school: School, statement: str, part: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    school.edit(statement)
    code, out = school.verify(capsys)
    assert code == 1 and part in out and "outside the app" in out
    with pytest.raises(DatabaseError, match=part):
        school.start()


def test_a_teacher_made_head_in_the_file_cannot_pass_the_head_pin_gate(school: School) -> None:
    school.edit("UPDATE staff SET role = 'head' WHERE name = 'Mr Quill'")
    db = open_database(school.data_dir)
    IntegrityGuard(db)
    staff = StaffDirectory(db, AuditTrail(db), "Office PC")
    try:
        with pytest.raises(IntegrityRefused, match="staff"):
            staff.require_head_pin(TEACHER_PIN, by=None, permission=None, action="leave kiosk")
    finally:
        db.close()


def test_a_change_made_while_the_app_runs_is_refused(school: School) -> None:
    db = school.start()
    try:
        school.edit("DELETE FROM pin_lockouts")
        with pytest.raises(IntegrityRefused, match="lockouts"):
            SettingsStore(db).set(KIOSK_MODE.key, "0")
    finally:
        db.close()


# -- what happened to the file ---------------------------------------------------------------------
def test_a_lost_wal_says_which_recent_changes_were_lost(
        school: School, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = school.start()
    db.reader().execute("PRAGMA wal_autocheckpoint = 0")
    db.query("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(school.path, tmp_path / "before.sqlite3")  # the main file without the WAL
    trail = AuditTrail(db)
    for n in range(3):
        trail.record("Mr Quill", "submit tweet", str(n))
    last_id = trail.recent(1)[0].entry_id
    db.close()
    shutil.copy(tmp_path / "before.sqlite3", school.path)  # the -wal is gone
    for companion in ("-wal", "-shm"):
        Path(str(school.path) + companion).unlink(missing_ok=True)
    code, out = school.verify(capsys)
    assert code == 1 and f"to #{last_id}" in out and "-wal" in out


def test_an_emptied_database_on_a_set_up_computer_is_not_a_new_install(
        school: School, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    for companion in ("", "-wal", "-shm"):
        Path(str(school.path) + companion).unlink(missing_ok=True)
    school.path.write_bytes(b"")
    with pytest.raises(DatabaseError, match="empty") as refused:
        school.start()
    assert "recovery code" in str(refused.value) and "backup" in str(refused.value)
    code, out = school.verify(capsys)
    assert code == 1 and "empty" in out
    db = open_database(school.data_dir)
    assert audit_cli(["accept"], db, read_secret=lambda _: "WRONG-CODE") == 1
    assert audit_cli(["accept"], db, read_secret=lambda _: school.recovery_code) == 0
    db.close()
    started = school.start()
    staff = StaffDirectory(started, AuditTrail(started), "Office PC")
    assert not staff.is_set_up()  # now the set-up wizard may run
    assert AuditTrail(started).recent(1)[0].action == "accept database as found"
    started.close()


def test_an_accepted_problem_does_not_hide_a_new_one(school: School) -> None:
    school.edit("UPDATE audit_log SET detail = 'changed by hand' WHERE id = 3")
    with pytest.raises(DatabaseError, match="entry #3"):
        school.start()
    db = open_database(school.data_dir)
    assert audit_cli(["accept"], db, read_secret=lambda _: school.recovery_code) == 0
    db.close()
    db = school.start()  # starts, saying what was accepted
    assert db.guard is not None and "accepted" in getattr(db.guard, "notice", "")
    SettingsStore(db).set(KIOSK_MODE.key, "1")  # and changes can be saved again
    db.close()
    school.edit("UPDATE audit_log SET actor = 'Someone else' WHERE id = 5")
    with pytest.raises(DatabaseError, match=r"entry #3.*More problems were found after it \(1\)"):
        school.start()


def test_without_a_keyring_a_broken_chain_is_refused_until_accepted(data_dir: Path) -> None:
    with keyring_backend(no_keyring()):
        school = School(data_dir)
        school.edit("UPDATE audit_log SET detail = 'changed by hand' WHERE id = 3")
        with pytest.raises(DatabaseError, match="entry #3"):
            school.start()
        db = open_database(school.data_dir)
        assert audit_cli(["accept"], db, read_secret=lambda _: school.recovery_code) == 0
        db.close()
        school.start().close()
        school.edit("UPDATE audit_log SET actor = 'Someone else' WHERE id = 5")
        with pytest.raises(DatabaseError, match="More problems"):
            school.start()


def test_an_emptied_database_is_noticed_without_a_keyring_too(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The computer's own record (beside its device identity) is enough."""
    with keyring_backend(no_keyring()):
        school = School(data_dir)
        for companion in ("", "-wal", "-shm"):
            Path(str(school.path) + companion).unlink(missing_ok=True)
        with pytest.raises(DatabaseError, match="set up before"):
            school.start()
        db = open_database(school.data_dir)
        assert audit_cli(["accept"], db, read_secret=lambda _: "ABCD-EFGH") == 1
        assert audit_cli(["accept"], db, read_secret=lambda _: school.recovery_code) == 0
        db.close()
        school.start().close()


def test_a_damaged_file_is_refused_with_advice_that_loses_nothing(school: School) -> None:
    data = bytearray(school.path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for offset in range(2 * page, 6 * page, 97):  # scribble over some pages, not the header
        data[offset] = 0xA5
    school.path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as refused:
        school.start()
    message = str(refused.value)
    assert "backup" in message and "Do not delete" in message
    assert "move it aside" not in message
    assert school.path.exists()


def test_a_dropped_table_is_noticed(school: School) -> None:
    school.edit("DROP TABLE posting_exceptions")
    with pytest.raises(DatabaseError, match="posting_exceptions"):
        school.start()


def test_a_database_from_a_newer_version_is_refused(school: School) -> None:
    school.edit("INSERT INTO schema_migrations (version, name, applied_at) "
                "VALUES (999, 'from the future', '2030-01-01')")
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(school.data_dir)


def test_a_full_disk_while_seeding_the_practice_account_gives_a_message(
        data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(data_dir).close()  # the schema fits; the practice account does not
    real_connection = Database._connection

    def nearly_full(self: Database) -> sqlite3.Connection:
        conn = real_connection(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    monkeypatch.setattr(Database, "_connection", nearly_full)
    assert main(["--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "full" in err and "Nothing that was already saved is lost" in err
    assert "move it aside" not in err


# -- upgrading a plain SHA-256 chain -----------------------------------------------------------
def test_a_read_only_check_keys_nothing_and_writes_nothing(
        memory_keyring: MemoryKeyring, data_dir: Path) -> None:
    """--screenshot checks the data it draws and must leave it, and the keyring, as they were."""
    db = open_database(data_dir)
    trail = AuditTrail(db)
    for n in range(3):
        trail.record("Mrs Amberley", "post tweet", str(n))
    before = [(e.entry_id, e.entry_hash) for e in trail.all_entries()]
    assert IntegrityGuard(db, read_only=True).result().ok
    assert [(e.entry_id, e.entry_hash) for e in trail.all_entries()] == before
    assert trail.chain_head() is not None and trail.chain_head().keyed_from_id is None
    assert not memory_keyring.store  # no key made for it
    db.close()


def test_an_existing_plain_chain_is_keyed_once_with_an_entry_saying_so(
        memory_keyring: MemoryKeyring, data_dir: Path) -> None:
    db = open_database(data_dir)  # no guard: the app before this change
    trail = AuditTrail(db)
    for n in range(3):
        trail.record("Mrs Amberley", "post tweet", str(n))
    old_hashes = [e.entry_hash for e in trail.all_entries()]
    guard = IntegrityGuard(db)
    assert guard.result().ok
    entries = list(trail.all_entries())
    assert [e.entry_hash for e in entries[:3]] == old_hashes
    assert entries[3].action == "key the audit log" and "#1 to #3" in entries[3].detail
    trail.record("Mrs Amberley", "post tweet", "after")
    assert trail.verify(guard.chain_key, guard.anchor).ok
    db.close()
    db = open_database(data_dir)
    assert IntegrityGuard(db).result().ok
    assert len(list(AuditTrail(db).all_entries())) == 5  # keyed once, not at every start
    db.close()


# -- export and screenshots ----------------------------------------------------------------------
def test_export_needs_the_head_pin(school: School, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "audit.csv"
    db = school.start()
    try:
        assert audit_cli(["export", str(target)], db) == 1  # no terminal under pytest
        assert audit_cli(["export", str(target)], db, read_secret=lambda _: TEACHER_PIN) == 1
        assert not target.exists()
        assert audit_cli(["export", str(target)], db, read_secret=lambda _: HEAD_PIN) == 0
        assert target.exists()
        assert AuditTrail(db).recent(1)[0].action == "export audit log"
    finally:
        db.close()


def test_staff_rows_deleted_by_hand_without_a_keyring_never_open_the_set_up_window(
        data_dir: Path) -> None:
    """Found by trying it: with no keyring, deleting the staff (and the recovery code) left
    a log that verified, and the set-up window then let anyone become head teacher."""
    from stpeters_desk.core.devices import config_dir
    from stpeters_desk.core.integrity import SET_UP_FILE

    with keyring_backend(no_keyring()):
        school = School(data_dir)
        school.edit("DELETE FROM pin_lockouts", "DELETE FROM staff",
                    "DELETE FROM recovery_code")
        with pytest.raises(DatabaseError, match="has no staff now"):
            school.start()
        (config_dir() / SET_UP_FILE).unlink()  # even without the computer's own note
        with pytest.raises(DatabaseError, match="has no staff now"):
            school.start()


def test_audit_commands_never_create_a_database_where_there_was_none(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "no-such-folder"
    assert main(["audit", "--data-dir", str(typo), "verify"]) == 1
    assert "no database" in capsys.readouterr().err and not typo.exists()
    assert main(["audit", "verify", "--data-dir", str(typo)]) == 1  # the option after it too
    assert not typo.exists()
