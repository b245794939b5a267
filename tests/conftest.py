"""Shared fixtures. Every test runs offscreen and on a throw-away data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from stpeters_desk.core.paths import DATA_DIR_ENV
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database, open_database
from stpeters_desk.x.sandbox import SandboxGateway
from tests.keyrings import MemoryKeyring, keyring_backend


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test may ever touch the school's real database or this computer's device id."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data_dir))
    monkeypatch.setenv("STPETERS_DESK_CONFIG_DIR", str(tmp_path / "config"))
    return data_dir


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    yield database
    database.close()


@pytest.fixture
def sandbox(db: Database) -> SandboxGateway:
    return SandboxGateway(db)


@pytest.fixture
def services(db: Database, sandbox: SandboxGateway, data_dir: Path) -> DeskServices:
    return DeskServices.build(db, sandbox, data_dir, signed_in="Test Secretary")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring for unit tests; CI also runs the real Secret Service one."""
    with keyring_backend(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend
