"""The database: one file, WAL, numbered migrations, drafts and settings that persist."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import stpeters_desk.core.storage.db as db_module
from stpeters_desk.core.paths import DATA_DIR_ENV, DATABASE_NAME, resolve_data_dir
from stpeters_desk.core.storage.audit import AuditLog
from stpeters_desk.core.storage.connection import integrity_errors
from stpeters_desk.core.storage.db import Database, DatabaseError, open_database
from stpeters_desk.core.storage.drafts import PRACTICE_DRAFTS, DraftStore
from stpeters_desk.core.storage.migrations import MIGRATIONS
from stpeters_desk.core.storage.moderation_store import ModerationStore
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.x.models import UserProfile


def test_database_is_created_in_wal_mode_with_every_migration(data_dir: Path) -> None:
    db = open_database(data_dir)
    assert (data_dir / DATABASE_NAME).is_file()
    mode = db.query_one("PRAGMA journal_mode")
    assert mode is not None and mode[0] == "wal"
    assert db.schema_version() == MIGRATIONS[-1].number
    numbers = [m.number for m in MIGRATIONS]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    db.close()


def test_the_known_migration_numbers_are_the_migrations_listed() -> None:
    assert {m.number for m in MIGRATIONS} == db_module.KNOWN_MIGRATIONS


def test_an_up_to_date_database_opens_without_loading_the_migrations(data_dir: Path) -> None:
    open_database(data_dir).close()
    code = ("import sys; from pathlib import Path; "
            "from stpeters_desk.core.storage.db import open_database; "
            f"open_database(Path({str(data_dir)!r})).close(); "
            "print('stpeters_desk.core.storage.migrations' in sys.modules)")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "False"


def test_reopening_does_not_reapply_migrations(data_dir: Path) -> None:
    open_database(data_dir).close()
    db = open_database(data_dir)
    rows = db.query("SELECT version FROM schema_migrations")
    assert [r["version"] for r in rows] == [m.number for m in MIGRATIONS]
    db.close()


def test_data_dir_comes_from_option_then_environment(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "cli") == (tmp_path / "cli").resolve()
    assert resolve_data_dir(None) == (tmp_path / "env").resolve()
    monkeypatch.delenv(DATA_DIR_ENV)
    assert "StPetersDesk" in str(resolve_data_dir(None))


def test_a_damaged_database_gives_a_clear_error(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DATABASE_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match="cannot be read"):
        open_database(data_dir)


def test_draft_survives_reopening(data_dir: Path) -> None:
    db = open_database(data_dir)
    DraftStore(db).save(PRACTICE_DRAFTS, "Class 4 made a volcano 🌋")
    db.close()
    db = open_database(data_dir)
    assert DraftStore(db).load(PRACTICE_DRAFTS) == "Class 4 made a volcano 🌋"
    DraftStore(db).clear(PRACTICE_DRAFTS)
    assert DraftStore(db).load(PRACTICE_DRAFTS) == ""
    db.close()


def test_settings_round_trip(db: Database) -> None:
    settings = SettingsStore(db)
    assert settings.get("missing", "x") == "x"
    settings.set("kiosk", "1")
    settings.set("kiosk", "0")
    assert settings.get("kiosk") == "0"
    settings.delete("kiosk")
    assert settings.get("kiosk") is None


def test_audit_log_keeps_entries_newest_first(db: Database) -> None:
    audit = AuditLog(db)
    audit.record("Mrs Head", "post tweet", "123", "Sports day!")
    audit.record("Mr Office", "delete tweet", "123")
    entries = audit.recent()
    assert [e.action for e in entries] == ["delete tweet", "post tweet"]
    assert entries[1].actor == "Mrs Head" and entries[1].detail == "Sports day!"


def test_a_failed_transaction_changes_nothing(db: Database) -> None:
    settings = SettingsStore(db)
    settings.set("a", "1")
    with pytest.raises(integrity_errors()), db.transaction() as conn:
        conn.execute("UPDATE settings SET value = '2' WHERE key = 'a'")
        conn.execute("INSERT INTO settings (key, value) VALUES ('a', '3')")
    assert settings.get("a") == "1"


def test_migration_7_sets_aside_items_that_shared_a_post(data_dir: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The old matching could record one X post for two items; one of them never went out."""

    before = [m for m in MIGRATIONS if m.number < 7]
    monkeypatch.setattr(db_module, "MIGRATIONS", tuple(before))
    old = open_database(data_dir)
    for ref, text in (("a", "Newsletter: stpeters.example.sch.uk/june"),
                      ("b", "Newsletter: stpeters.example.sch.uk/july")):
        old.execute("INSERT INTO outbox (client_ref, account_kind, text, status, attempts, "
                    "posted_id, created_at, updated_at) VALUES (:ref, 'real', :text, 'posted', "
                    "1, '1861', '2026-06-01T08:00:00+00:00', '2026-06-01T08:00:00+00:00')",
                    {"ref": ref, "text": text})
    old.close()
    monkeypatch.setattr(db_module, "MIGRATIONS", MIGRATIONS)
    db = open_database(data_dir)
    try:
        rows = db.query("SELECT text, status, posted_id, last_error FROM outbox ORDER BY id")
        assert [(r["status"], r["posted_id"]) for r in rows] == [
            ("posted", "1861"), ("needs_attention", None)]
        assert "timeline" in rows[1]["last_error"]
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE outbox SET posted_id = '1861' WHERE id = 2")
    finally:
        db.close()


def test_a_migration_numbered_below_one_already_applied_still_runs(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Migrations written in parallel (7, 8, 9) can land in any order: none is skipped."""

    without_7 = tuple(m for m in MIGRATIONS if m.number != 7)
    monkeypatch.setattr(db_module, "MIGRATIONS", without_7)
    open_database(data_dir).close()
    monkeypatch.setattr(db_module, "MIGRATIONS", MIGRATIONS)
    db = open_database(data_dir)
    try:
        versions = [int(r["version"]) for r in db.query("SELECT version FROM schema_migrations")]
        assert 7 in versions
        assert db.query_one("SELECT lease_owner FROM outbox LIMIT 1") is None  # column exists
    finally:
        db.close()
def test_a_migration_numbered_below_one_already_applied_is_still_applied(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two branches each add a migration (7 and 8, say): whichever lands second still runs."""
    from stpeters_desk.core.storage.migrations.base import Migration

    top = MIGRATIONS[-1].number
    later = Migration(top + 2, "landed first", ("CREATE TABLE landed_first (id INTEGER)",))
    late = Migration(top + 1, "landed second", ("CREATE TABLE landed_second (id INTEGER)",))
    monkeypatch.setattr(db_module, "MIGRATIONS", (*MIGRATIONS, later))
    open_database(data_dir).close()
    monkeypatch.setattr(db_module, "MIGRATIONS", (*MIGRATIONS, late, later))
    db = open_database(data_dir)
    tables = {r["name"] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"landed_first", "landed_second"} <= tables
    assert db.schema_version() == top + 2
    db.close()


def _database_before_drafts_had_owners(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                       with_staff: bool) -> None:

    monkeypatch.setattr(db_module, "MIGRATIONS", tuple(m for m in MIGRATIONS if m.number < 11))
    old = open_database(data_dir)
    old.execute("INSERT INTO drafts (slot, text, updated_at) VALUES ('composer', "
                "'Congratulations to an invented pupil', '2026-06-01T08:00:00+00:00')")
    if with_staff:
        from stpeters_desk.core.audit import AuditTrail
        from stpeters_desk.core.staff import StaffDirectory

        StaffDirectory(old, AuditTrail(old), "Office PC").create_head("Mrs Invented", "480516")
    old.close()
    monkeypatch.setattr(db_module, "MIGRATIONS", MIGRATIONS)


def test_migration_11_gives_the_old_shared_draft_to_nobody_once_staff_exist(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody recorded who typed the shared draft: it is kept, and shown to no one."""
    from stpeters_desk.core.storage.drafts import DraftOwner

    _database_before_drafts_had_owners(data_dir, monkeypatch, with_staff=True)
    db = open_database(data_dir)
    try:
        drafts = DraftStore(db)
        assert drafts.unclaimed() == "Congratulations to an invented pupil"
        assert drafts.load(DraftOwner(1, "")) == ""  # not the head's
        assert drafts.load(PRACTICE_DRAFTS) == ""
    finally:
        db.close()


def test_migration_11_keeps_a_practice_set_ups_draft_for_its_one_writer(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _database_before_drafts_had_owners(data_dir, monkeypatch, with_staff=False)
    db = open_database(data_dir)
    try:
        assert DraftStore(db).load(PRACTICE_DRAFTS) == "Congratulations to an invented pupil"
    finally:
        db.close()


def test_drafts_are_kept_per_person_and_per_computer(db: Database) -> None:
    from stpeters_desk.core.storage.drafts import NOBODY_STAFF_ID, DraftNotSaved, DraftOwner

    drafts = DraftStore(db)
    secretary_office, head_office = DraftOwner(2, "Office PC"), DraftOwner(1, "Office PC")
    drafts.save(secretary_office, "The secretary's words")
    drafts.save(head_office, "The head's words")
    drafts.save(DraftOwner(2, "Staff room PC"), "Typed in the staff room")
    assert drafts.load(secretary_office) == "The secretary's words"
    assert drafts.load(head_office) == "The head's words"
    assert drafts.load(DraftOwner(2, "Staff room PC")) == "Typed in the staff room"
    drafts.clear(head_office)
    assert drafts.load(head_office) == "" and drafts.load(secretary_office) != ""
    with pytest.raises(DraftNotSaved):
        drafts.save(DraftOwner(NOBODY_STAFF_ID, ""), "nobody's")


def test_every_sealed_part_says_how_its_rows_are_ordered() -> None:
    """A part added to the seal without its order width made every check fail to read it
    (found when the enrolment and move-to branches met)."""
    from stpeters_desk.core.storage import seal

    assert set(seal._ORDER_COLUMNS) == set(seal.SEALED_PARTS)


def test_all_followers_come_in_the_same_order_as_a_first_screen(db: Database) -> None:
    """The whole list is put in order in Python, a first screen by the database: new since
    the last review first, then those nobody has reviewed, the riskiest, then by handle."""
    store = ModerationStore(db)
    chance = random.Random(17)

    def profile(number: int) -> UserProfile:
        return UserProfile(user_id=str(1000 + number),
                           handle=f"{chance.choice('abcAB_')}{number}",
                           name="Invented Person", bio="", location="", created_at=None,
                           followers_count=1, following_count=1, tweet_count=0,
                           profile_image_url="")

    store.upsert_followers("sandbox", [(profile(n), chance.choice((0, 5, 50)), [])
                                       for n in range(90)], 1)
    for number in range(0, 90, 4):
        store.mark_follower_reviewed("sandbox", str(1000 + number), "Head")
    db.execute("UPDATE moderation_followers SET first_seen_at = '2020-01-01T00:00:00+00:00' "
               "WHERE CAST(user_id AS INTEGER) % 3 = 0")
    store.finish_follower_review("sandbox", "2025-01-01T00:00:00+00:00")  # the rest are new

    every = store.follower_lines("sandbox")
    assert len(every) == 90
    for limit in (1, 7, 90):
        assert store.follower_lines("sandbox", limit) == every[:limit]
    assert [line[0] for line in every] == [
        follower.profile.user_id for follower in store.followers("sandbox", limit=90)]
