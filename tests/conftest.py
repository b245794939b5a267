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


# The storage tests run on SQLite and, when this names a server, on PostgreSQL too
# (issue 18). Each PostgreSQL test gets a schema of its own, dropped afterwards.
POSTGRES_URL_ENV = "STPETERS_TEST_POSTGRES_URL"
STORAGE_TEST_MODULES = frozenset({
    "test_storage", "test_outbox", "test_audit_chain", "test_approvals", "test_staff",
    "test_roster", "test_devices", "test_photo_library", "test_x_usage", "test_postgres",
    "test_sandbox_gateway", "test_moderation_reasons",
    # the operations on top of them (issue 18: "the storage and operations tests")
    "test_ops_approvals", "test_ops_posting", "test_ops_staff", "test_ops_followers",
})


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    if "db" in metafunc.fixturenames and module in STORAGE_TEST_MODULES:
        sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("db", ["sqlite"] if sqlite_only else ["sqlite", "postgresql"],
                             indirect=True)


@pytest.fixture
def db(data_dir: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    if getattr(request, "param", "sqlite") == "postgresql":
        yield from _postgres_db()
        return
    database = open_database(data_dir)
    yield database
    database.close()


def reopen_database(db: Database) -> Database:
    """The same database opened again, as another window or computer would open it."""
    from stpeters_desk.core.storage.postgres import PgDatabase

    if isinstance(db, PgDatabase):
        return open_database(db.url, schema=db.schema)
    return open_database(db.path.parent)


def _postgres_db() -> Iterator[Database]:
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_URL_ENV} is not set)")
    import uuid

    import psycopg

    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    database = open_database(url, schema=schema)
    try:
        yield database
    finally:
        database.close()
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


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
