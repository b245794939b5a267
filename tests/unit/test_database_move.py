"""``stpeters-desk database move-to``: one computer's SQLite data onto the school's server
(issue 18), and the backup and restore installers/KIOSK.md tells IT to make.

Needs a PostgreSQL server (STPETERS_TEST_POSTGRES_URL, which scripts/test-on-postgres and
.ci/run set); skipped without one. Each test moves into a schema (or a database) of its
own, dropped afterwards.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from stpeters_desk.app import main
from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.database_move import MoveRefused, move_to_server, with_password
from stpeters_desk.core.integrity import IntegrityGuard, read_keyring
from stpeters_desk.core.paths import DATABASE_NAME
from stpeters_desk.core.storage.db import Database, DatabaseError, open_database
from stpeters_desk.core.storage.drafts import DraftOwner, DraftStore
from stpeters_desk.core.storage.outbox_store import OutboxStore
from stpeters_desk.x.models import PhotoUpload
from stpeters_desk.x.sandbox import SandboxGateway
from tests.conftest import POSTGRES_URL_ENV
from tests.keyrings import MemoryKeyring, keyring_backend, no_keyring
from tests.unit.test_integrity import School

NOW = "2026-12-01T09:00:00.000000+00:00"


def _server_url() -> str:
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_URL_ENV} is not set)")
    return url


def _admin(url: str) -> Any:
    import psycopg

    return psycopg.connect(url, autocommit=True)


@pytest.fixture
def schema() -> Iterator[tuple[str, str]]:
    """(server URL, a new empty schema on it)."""
    url = _server_url()
    name = f"move_{uuid.uuid4().hex[:12]}"
    with _admin(url) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    yield url, name
    with _admin(url) as admin:
        admin.execute(f"DROP SCHEMA {name} CASCADE")


def _database_url(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, parts.fragment))


@pytest.fixture
def new_database() -> Iterator[Any]:
    """Makes empty databases on the server (``make(**options)`` returns its URL); all are
    dropped afterwards."""
    url = _server_url()
    made: list[str] = []

    def make(options: str = "") -> str:
        name = f"move_{uuid.uuid4().hex[:12]}"
        with _admin(url) as admin:
            admin.execute(f"CREATE DATABASE {name} {options}")
        made.append(name)
        return _database_url(url, name)

    yield make
    with _admin(url) as admin:
        for name in made:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class FilledSchool(School):
    """A school that has been busy: staff, approvals, outbox, moderation, followers,
    drafts, the practice account and many audit entries, in a keyed SQLite file."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        db = open_database(data_dir)
        IntegrityGuard(db)
        trail = AuditTrail(db, device="Office PC")
        SandboxGateway(db)  # the practice account's invented community
        teacher = self.teacher.staff_id
        OutboxStore(db).add("Sports day: well done Blue team! 🏅", [
            PhotoUpload(bytes(range(256)) * 40, "image/jpeg", "Children racing, faces covered")],
            None, "sandbox", "Mrs Amberley", NOW)
        OutboxStore(db).add("Ysgol: diolch yn fawr iawn, rhieni ŵyr!", [], None, "sandbox",
                            "Mrs Amberley", NOW)
        with db.transaction() as conn:
            for device in ("Zed-laptop", "apple-kiosk", "office_pc"):  # sealed, sorted by id
                conn.execute("INSERT INTO devices (device_id, name, registered, registered_at, "
                             "registered_by) VALUES (:d, :d, 1, :now, 'Mrs Amberley')",
                             {"d": device, "now": NOW})
            for n, status in enumerate(("pending", "approved", "rejected")):
                conn.execute(
                    "INSERT INTO submissions (author_id, author_name, status, text, "
                    "original_text, submitted_at, version, created_at, updated_at) VALUES "
                    "(:a, 'Mr Quill', :s, :t, :t, :now, 1, :now, :now)",
                    {"a": teacher, "s": status, "t": f"Class 4 trip {n}", "now": NOW})
            for n in range(3):
                conn.execute(
                    "INSERT INTO moderation_mentions (account_kind, post_id, author_id, "
                    "author_handle, author_name, text, created_at, conversation_id, level, "
                    "score, reasons, status, fetched_at) VALUES ('sandbox', :p, 'u1', "
                    "'@parent', 'A parent', :t, :now, 'c1', 'fine', 0, '', 'hidden', :now)",
                    {"p": f"post{n}", "t": f"Lovely photos {n}", "now": NOW})
            for handle in ("Zed", "apple", "_under", "Ädelheid"):
                conn.execute(
                    "INSERT INTO moderation_followers (account_kind, user_id, handle, name, bio, "
                    "location, created_at, followers_count, following_count, tweet_count, "
                    "profile_image_url, verified, protected, first_seen_at, last_seen_at, "
                    "seen_in_sync, watchlist) VALUES ('sandbox', :h, :h, :h, '', 'Cardiff', "
                    ":now, 3, 4, 5, '', 0, 0, :now, :now, 1, 1)", {"h": handle, "now": NOW})
        DraftStore(db).save(DraftOwner(teacher, "Office PC"), "Half-written: Year 6 leavers…")
        for n in range(40):
            trail.record("Mr Quill", "post tweet", f"t{n}", f"tweet {n}: ‘quotes’ and ŵ")
        db.close()


@pytest.fixture
def school(memory_keyring: MemoryKeyring, data_dir: Path) -> FilledSchool:
    return FilledSchool(data_dir)


def _file_hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.is_file()}


def _counts(db: Database) -> dict[str, int]:
    return {t: int(db.query_one(f"SELECT COUNT(*) AS n FROM {t}")["n"])  # type: ignore[index]
            for t in sorted(db.table_names())}


def _verify_on(db: Database, data_dir: Path) -> Any:
    record = read_keyring(Database(data_dir / DATABASE_NAME), create_key=False)
    assert record.key is not None
    return AuditTrail(db).verify(record.key, record.anchor)


def test_a_busy_school_moves_exactly_and_its_file_is_left_alone(
        school: FilledSchool, schema: tuple[str, str]) -> None:
    url, name = schema
    before = _file_hashes(school.data_dir)
    summary = move_to_server(school.data_dir, url, schema=name)
    assert _file_hashes(school.data_dir) == before  # not written, and no side files made

    here = open_database(school.data_dir)
    there = open_database(url, schema=name)
    try:
        counts = _counts(here)
        assert _counts(there) == counts
        assert counts["audit_log"] > 40 and counts["staff"] == 2 and counts["outbox"] == 2
        assert counts["submissions"] == 3 and counts["moderation_followers"] == 4
        assert counts["person_drafts"] == 1 and counts["sandbox_users"] > 0
        assert dict(summary.copied) == {t: n for t, n in counts.items()}
        assert summary.audit_entries == counts["audit_log"] and summary.keyed
        # the same entries, numbers and hashes
        same = "SELECT id, entry_hash FROM audit_log ORDER BY id"
        assert [tuple(r) for r in there.query(same)] == [tuple(r) for r in here.query(same)]
        verified = _verify_on(there, school.data_dir)
        assert verified.ok and "keyed" in verified.message, verified.message
        # the photo's bytes arrived as they were
        photo = "SELECT data FROM outbox_photos"
        assert bytes(there.query_one(photo)["data"]) == here.query_one(photo)["data"]  # type: ignore[index]
        # the server's next ids come after the copied ones
        top = int(there.query_one("SELECT MAX(id) AS n FROM outbox")["n"])  # type: ignore[index]
        added = OutboxStore(there).add("After the move", [], None, "sandbox", "Mrs Amberley", NOW)
        assert added.item_id == top + 1
    finally:
        here.close()
        there.close()
    text = "\n".join(summary.lines())
    assert "audit log verifies" in text and str(school.path) in text and "backup" in text


def test_the_app_s_own_start_up_check_passes_on_the_server(
        school: FilledSchool, schema: tuple[str, str]) -> None:
    url, name = schema
    move_to_server(school.data_dir, url, schema=name)
    there = open_database(url, schema=name)
    try:
        result = IntegrityGuard(there, read_only=True).result()
        assert result.ok, result.message
    finally:
        there.close()


def test_a_server_that_holds_data_is_refused_and_left_as_it_was(
        school: FilledSchool, schema: tuple[str, str]) -> None:
    url, name = schema
    move_to_server(school.data_dir, url, schema=name)
    there = open_database(url, schema=name)
    counts = _counts(there)
    with pytest.raises(MoveRefused, match="not empty"):
        move_to_server(school.data_dir, url, schema=name)
    assert _counts(there) == counts
    there.close()


def test_a_failure_mid_copy_leaves_the_server_empty(
        school: FilledSchool, schema: tuple[str, str]) -> None:
    url, name = schema
    # a draft PostgreSQL cannot store (text with a NUL character): its table is copied after
    # the audit log, the staff and a dozen others, so the failure comes mid-copy
    school.edit("UPDATE person_drafts SET text = 'before' || char(0) || 'after'")
    before = _file_hashes(school.data_dir)
    with pytest.raises(DatabaseError, match="person_drafts") as refused:
        move_to_server(school.data_dir, url, schema=name)
    assert "Nothing was kept" in str(refused.value)
    with _admin(url) as admin:
        left = admin.execute("SELECT COUNT(*) FROM information_schema.tables "
                             "WHERE table_schema = %s", (name,)).fetchone()[0]
    assert left == 0  # not even the migrations' tables
    assert _file_hashes(school.data_dir) == before


def test_a_log_that_does_not_verify_here_is_not_moved(
        school: FilledSchool, schema: tuple[str, str]) -> None:
    url, name = schema
    school.edit("UPDATE audit_log SET detail = 'rewritten' WHERE id = 3")
    with pytest.raises(MoveRefused, match="does not verify"):
        move_to_server(school.data_dir, url, schema=name)
    with _admin(url) as admin:
        assert admin.execute("SELECT COUNT(*) FROM information_schema.tables "
                             "WHERE table_schema = %s", (name,)).fetchone()[0] == 0


def test_a_keyed_log_is_not_moved_without_its_key(
        school: FilledSchool, schema: tuple[str, str]) -> None:
    url, name = schema
    with keyring_backend(no_keyring()), pytest.raises(MoveRefused, match="key cannot be read"):
        move_to_server(school.data_dir, url, schema=name)


def test_a_computer_without_a_keyring_moves_its_unkeyed_log(
        data_dir: Path, schema: tuple[str, str]) -> None:
    url, name = schema
    with keyring_backend(no_keyring()):
        FilledSchool(data_dir)
        summary = move_to_server(data_dir, url, schema=name)
    assert not summary.keyed and summary.audit_entries > 40
    assert "against itself" in "\n".join(summary.lines())


def test_a_server_sorting_text_by_locale_still_verifies(
        school: FilledSchool, new_database: Any) -> None:
    """An en-GB server sorts "Zed" after "apple"; the seal over staff, permissions and
    settings must not depend on the server's order."""
    try:
        url = new_database("TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-GB' "
                           "LOCALE 'C.UTF-8'")
    except Exception as exc:  # a server built without ICU
        pytest.skip(f"no ICU collation on this server: {exc}")
    summary = move_to_server(school.data_dir, url)
    assert summary.keyed
    there = open_database(url)
    try:
        order = [r["handle"] for r in there.query(
            "SELECT handle FROM moderation_followers ORDER BY handle")]
        assert order.index("apple") < order.index("Zed")  # the server's own order differs
        verified = _verify_on(there, school.data_dir)
        assert verified.ok, verified.message
    finally:
        there.close()


def test_the_command_moves_and_prints_a_summary(
        school: FilledSchool, new_database: Any, capsys: pytest.CaptureFixture[str]) -> None:
    url = new_database()
    code = main(["database", "--data-dir", str(school.data_dir), "move-to", url])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Moved this computer's database" in out and "audit log verifies" in out
    code = main(["database", "--data-dir", str(school.data_dir), "move-to", url])
    out, err = capsys.readouterr()
    assert code == 1 and "not empty" in err


def test_the_command_waits_for_the_window_to_be_closed(
        school: FilledSchool, new_database: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from PySide6.QtCore import QLockFile

    from stpeters_desk.ui.single_instance import LOCK_FILE

    window = QLockFile(str(school.data_dir / LOCK_FILE))
    assert window.tryLock(0)
    try:
        code = main(["database", "--data-dir", str(school.data_dir), "move-to", new_database()])
    finally:
        window.unlock()
    assert code == 1 and "Close it first" in capsys.readouterr().err


def test_upgrade_brings_the_server_s_layout_up_to_date(
        new_database: Any, capsys: pytest.CaptureFixture[str]) -> None:
    url = new_database()
    assert main(["database", "upgrade", "--database", url]) == 0
    assert "brought up to date: layout 0 ->" in capsys.readouterr().out
    assert main(["database", "upgrade", "--database", url]) == 0
    assert "is up to date" in capsys.readouterr().out
    assert main(["database", "upgrade", "--database", "/not/a/server"]) == 1
    assert "not a postgresql:// address" in capsys.readouterr().err


def test_the_password_is_put_in_the_address_only_in_memory() -> None:
    url = with_password("postgresql://desk_office@server.school/stpeters?sslmode=require",
                        "p@ss:w/rd")
    assert url == ("postgresql://desk_office:p%40ss%3Aw%2Frd@server.school/stpeters"
                   "?sslmode=require")
    from stpeters_desk.core.storage.db import redact_url

    assert "p%40ss" not in redact_url(url)


# -- installers/KIOSK.md: backups with pg_dump, and a restore that was tried -----------------
def _pg_program(url: str, name: str) -> str:
    with _admin(url) as admin:
        major = int(admin.execute("SHOW server_version_num").fetchone()[0]) // 10000
    for candidate in (Path(f"/usr/lib/postgresql/{major}/bin/{name}"),):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed here")
    return found


def test_a_pg_dump_backup_restores_with_a_verifying_audit_log(
        school: FilledSchool, new_database: Any, tmp_path: Path) -> None:
    url = new_database()
    move_to_server(school.data_dir, url)
    backup = tmp_path / "stpeters-desk.dump"
    subprocess.run([_pg_program(url, "pg_dump"), "-Fc", "-f", str(backup), url], check=True)
    restored_url = new_database()
    subprocess.run([_pg_program(url, "pg_restore"), "--no-owner", "-d", restored_url,
                    str(backup)], check=True)
    original, restored = open_database(url), open_database(restored_url)
    try:
        assert _counts(restored) == _counts(original)
        verified = _verify_on(restored, school.data_dir)
        assert verified.ok and "keyed" in verified.message, verified.message
        top = int(restored.query_one("SELECT MAX(id) AS n FROM outbox")["n"])  # type: ignore[index]
        added = OutboxStore(restored).add("After the restore", [], None, "sandbox", "x", NOW)
        assert added.item_id == top + 1  # the sequences came back too
    finally:
        original.close()
        restored.close()



# -- the whole recipe of installers/KIOSK.md, with the server scripts the app ships ------------
SCRIPTS = Path(__file__).resolve().parents[2] / "stpeters_desk" / "resources" / "server"


def _psql(url: str, *arguments: str) -> None:
    done = subprocess.run([_pg_program(url, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", url,
                           *arguments], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr


def _as(url: str, role: str, database: str) -> str:
    parts = urlsplit(url)
    netloc = f"{role}@{parts.netloc.rsplit('@', 1)[-1]}"
    return urlunsplit((parts.scheme, netloc, f"/{database}", parts.query, ""))


def test_the_kiosk_guide_s_move_backup_and_restore_with_the_server_scripts(
        school: FilledSchool, tmp_path: Path) -> None:
    """create-school-database.sql, move-to as the owner, add-computer.sql, pg_dump, a restore
    into a new database given to the computers as the guide says: a computer's own role
    works on both, and can add to the audit log but never change it."""
    if not (SCRIPTS / "create-school-database.sql").is_file():
        pytest.skip("this copy of the app has no server scripts")
    import psycopg

    url = _server_url()
    admin = urlsplit(url).username or "postgres"
    tag = uuid.uuid4().hex[:8]
    live, check = f"school_{tag}", f"school_{tag}_check"
    owner, computer = f"owner_{tag}", f"desk_pc_{tag}"
    try:
        _psql(_as(url, admin, "postgres"), "-v", f"db={live}", "-v", f"owner={owner}",
              "-v", f"owner_password=o-{tag}", "-f", str(SCRIPTS / "create-school-database.sql"))
        move_to_server(school.data_dir, _as(url, owner, live))
        _psql(_as(url, admin, live), "-v", f"computer={computer}", "-v", f"password=c-{tag}",
              "-f", str(SCRIPTS / "add-computer.sql"))

        backup = tmp_path / "stpeters-desk.dump"
        subprocess.run([_pg_program(url, "pg_dump"), "-Fc", "-f", str(backup),
                        _as(url, owner, live)], check=True, timeout=120)
        for statement in (f"CREATE DATABASE {check} OWNER {owner} TEMPLATE template0",):
            _psql(_as(url, admin, "postgres"), "-c", statement)
        subprocess.run([_pg_program(url, "pg_restore"), "-d", _as(url, owner, check),
                        "--no-owner", "--exit-on-error", str(backup)], check=True, timeout=120)
        _psql(_as(url, admin, "postgres"), "-c", f"REVOKE ALL ON DATABASE {check} FROM PUBLIC")
        _psql(_as(url, admin, "postgres"), "-c",
              f"GRANT CONNECT, TEMPORARY ON DATABASE {check} TO stpeters_desk_app")

        for database in (live, check):
            db = open_database(_as(url, computer, database))
            try:
                assert _verify_on(db, school.data_dir).ok
                assert int(db.query_one("SELECT COUNT(*) AS n FROM staff")["n"]) == 2  # type: ignore[index]
                OutboxStore(db).add(f"On {database}", [], None, "sandbox", "Mrs Amberley", NOW)
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    db.execute("UPDATE audit_log SET actor = 'Someone else' WHERE id = 1")
            finally:
                db.close()
    finally:
        with _admin(url) as connection:
            for database in (live, check):
                connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            for role in (computer, owner):
                connection.execute(f'DROP ROLE IF EXISTS "{role}"')
