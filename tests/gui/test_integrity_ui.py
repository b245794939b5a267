"""Start-up: an emptied database on a computer set up before never reaches the set-up wizard."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk.app import Options, build_services
from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.integrity import IntegrityGuard
from stpeters_desk.core.paths import DATABASE_NAME
from stpeters_desk.core.staff import StaffDirectory
from stpeters_desk.core.storage.db import open_database
from stpeters_desk.ui import application
from tests.keyrings import MemoryKeyring
from tests.tamper import edit_sqlite_file


def test_an_emptied_database_does_not_open_the_set_up_wizard(
        qtbot: QtBot, memory_keyring: MemoryKeyring, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(data_dir)
    IntegrityGuard(db)
    StaffDirectory(db, AuditTrail(db), "Office PC").create_head("Mrs Amberley", "482915")
    db.close()
    for companion in ("", "-wal", "-shm"):
        Path(str(data_dir / DATABASE_NAME) + companion).unlink(missing_ok=True)
    shown: list[str] = []
    monkeypatch.setattr(application.QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    services = build_services(Options(data_dir=str(data_dir)))
    try:
        assert not application._sound_before_set_up(services)
        assert shown and "set up before" in shown[0] and "recovery code" in shown[0]
    finally:
        assert services.db is not None
        services.db.close()


def set_up_school(data_dir: Path) -> None:
    """A school whose head teacher was set up, with one audited tweet; the file closed."""
    db = open_database(data_dir)
    assert IntegrityGuard(db).result().ok
    trail = AuditTrail(db)
    StaffDirectory(db, trail, "Office PC").create_head("Mrs Amberley", "482915")
    trail.record("Mrs Amberley", "post tweet", "1", "Sports day")
    db.close()


def edit_by_hand(data_dir: Path, statement: str) -> None:
    """What someone with the file and an SQLite tool could do."""
    edit_sqlite_file(data_dir / DATABASE_NAME, statement)


def record_what_is_said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(application, "say_the_database_needs_attention",
                        lambda _parent, text: said.append(text))
    return said


def test_a_tampered_database_found_after_start_is_said_before_the_app_closes(
        qtbot: QtBot, memory_keyring: MemoryKeyring, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by trying it: the check's refusal closed the window with no word at all."""
    from PySide6.QtWidgets import QMainWindow

    from stpeters_desk.ui.tasks import SyncTaskRunner

    set_up_school(data_dir)
    edit_by_hand(data_dir, "UPDATE audit_log SET detail = 'changed by hand' "
                           "WHERE id = (SELECT MAX(id) FROM audit_log)")
    said = record_what_is_said(monkeypatch)

    class App:
        code: int | None = None

        def exit(self, code: int) -> None:
            self.code = code

    app = App()
    services = build_services(Options(data_dir=str(data_dir)))
    window = QMainWindow()
    qtbot.addWidget(window)
    try:
        application._check_integrity(services, window, SyncTaskRunner(), app)  # type: ignore[arg-type]
        assert app.code == 2
        assert said and "entry" in said[0]
    finally:
        assert services.db is not None
        services.db.close()


def test_a_dropped_table_before_set_up_is_a_message_not_a_traceback(
        qtbot: QtBot, memory_keyring: MemoryKeyring, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    set_up_school(data_dir)
    edit_by_hand(data_dir, "DROP TABLE staff")
    said = record_what_is_said(monkeypatch)
    services = build_services(Options(data_dir=str(data_dir)))
    try:
        assert not application._sound_before_set_up(services)
        assert said and "staff" in said[0]
    finally:
        assert services.db is not None
        services.db.close()
