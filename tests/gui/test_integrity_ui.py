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
